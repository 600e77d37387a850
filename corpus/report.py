"""``zhenggai report DATASET -o report.html``: one self-contained page to mail or print.

The page holds the compare table (``--by``), the explorer dashboard's charts as inline SVG
(:mod:`zhenggai.corpus.charts`, drawn offline by vl-convert), the data date, what counts, and the
flagged notices.  It loads nothing: no script, no stylesheet, no font file.
"""

from __future__ import annotations

import html
import json
import os

REPORT_BY = ("province", "sector", "level", "year", "round")
_STYLE = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC",
       "Hiragino Sans GB", "Microsoft YaHei", "SimHei", sans-serif; margin: 2em auto; max-width: 72em; color: #222;
       padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
table { border-collapse: collapse; font-size: 13px; display: block; overflow-x: auto; max-width: 100%; }
td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f4f4f4; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(30em, 1fr)); gap: 1.2em; }
.chart svg { max-width: 100%; height: auto; }
.none { color: #aaa; }
.meta { color: #555; }
@media print { .charts { display: block; } .chart { page-break-inside: avoid; } }
"""


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value) or str(value) == "<NA>":
        return '<td class="n none">—</td>'
    if isinstance(value, float):
        text = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
        return f'<td class="n">{text}</td>'
    if isinstance(value, int) or hasattr(value, "item"):
        return f'<td class="n">{int(value):,}</td>'
    return f"<td>{html.escape(str(value))}</td>"


def _table(frame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def build_report(dataset: str | os.PathLike, by: str = "province", *, db=None) -> str:
    """The report page as a string."""
    import sqlite3

    from zhenggai.corpus.charts import CHARTS, chart_rows, chart_spec
    from zhenggai.corpus.explorer_db import BUILD_TABLE, build_sqlite
    from zhenggai.corpus.explorer_meta import COMPARE_TITLES
    from zhenggai.corpus.plot import svg

    if by not in REPORT_BY:
        raise ValueError(f"cannot report by {by!r}; use one of {', '.join(REPORT_BY)}")
    path, _ = build_sqlite(dataset, db)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        build = dict(zip(("latest_published", "built_at", "counts"), con.execute(
            f"SELECT latest_published, built_at, counts FROM {BUILD_TABLE}").fetchone()))
        counts = json.loads(build["counts"])
        canonical, reposts = con.execute(
            "SELECT sum(duplicate_of IS NULL), sum(duplicate_of IS NOT NULL) FROM notices").fetchone()
        charts = [(c, svg(chart_spec(c, chart_rows(con, c)))) for c in CHARTS]
        flagged = con.execute("""SELECT notice_id, title, organisation, year, flags FROM canonical_notices
                                 WHERE n_flags > 0 ORDER BY n_flags DESC, notice_id""").fetchall()
        frame = _compare_frame(con, by)
    finally:
        con.close()
    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>zhenggai report — by {by}</title><style>{_STYLE}</style></head><body>",
        f"<h1>整改通报比较 Rectification notices compared by {html.escape(by)}</h1>",
        f"<p class='meta'>Data date: notices published up to <b>{html.escape(str(build['latest_published'] or '—'))}"
        f"</b> (figures read from the dataset {html.escape(str(build['built_at']))}). "
        f"{counts['notices']:,} notices ({canonical or 0:,} after reposts, {reposts or 0:,} reposts), "
        f"{counts['errors']:,} inputs that gave no record.</p>",
        "<h2>What counts</h2><ul>",
        "<li><b>Reposts once</b>: a notice reposted on several sites (same text, or near-same by MinHash) "
        "counts once; figures come from <code>canonical_notices</code>.</li>",
        "<li><b>Nulls are not zeros</b>: a notice that does not state a figure is left out of that figure. "
        "The completion rate is 100 × completed ÷ issues over the notices that state both; a missing "
        "value shows as —.</li>",
        "<li><b>Money</b> is the stated totals by category (追回/挽回/清退/退缴 …), exact yuan summed.</li>",
        "<li><b>An inspection once</b>: of several rectification notices of one inspection, the latest speaks "
        "for it. <b>Timeliness</b> (<code>median_days_to_publish</code>) is the median of the days from each "
        "inspection's feedback to its first rectification notice.</li>",
        "<li>Every figure is as extracted by zhenggai; the flagged notices below deserve a look "
        "before a figure is quoted.</li></ul>",
        f"<h2>比较（按{COMPARE_TITLES.get(by, by)}） Compare by {html.escape(by)}</h2>",
        _table(frame[[c for c in frame.columns if not _is_category(c)]]),
        "<h3>资金（按类别，元） Money by category, yuan</h3>",
        _table(frame[[by, *(c for c in frame.columns if _is_category(c))]]),
        "<h2>图表 Charts</h2><div class='charts'>",
        *(f"<figure class='chart' id='chart-{c.slug}'>{s}</figure>" for c, s in charts),
        "</div>",
        f"<h2>有标记的通报 Flagged notices ({len(flagged)})</h2>",
        "<table><thead><tr><th>notice</th><th>title</th><th>organisation</th><th>year</th><th>flags</th></tr>"
        "</thead><tbody>",
    ]
    for notice_id, title, org, year, flags in flagged:
        items = "<br>".join(f"{html.escape(f.get('code', ''))}: {html.escape(f.get('message', ''))}"
                            for f in json.loads(flags or "[]"))
        parts.append(f"<tr><td><code>{html.escape(notice_id)}</code></td><td>{html.escape(title or '')}</td>"
                     f"<td>{html.escape(org or '')}</td>{_cell(year)}<td>{items}</td></tr>")
    parts.append("</tbody></table><p class='meta'>Made by zhenggai report.</p></body></html>")
    return "".join(parts)


def _is_category(column: str) -> bool:
    return column.startswith("money_") and column != "money_total_yuan"


def _compare_frame(con, by: str):
    """The compare table of ``by`` as stored in the explorer's file (zhenggai compare's figures)."""
    import pandas as pd

    return pd.read_sql_query(f"SELECT * FROM compare_{by} ORDER BY notices DESC", con)
