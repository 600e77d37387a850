"""The explorer without a browser: segmentation, the SQLite file, the Datasette app, report, plot, render values."""

from __future__ import annotations

import asyncio
import html
import re
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLE
from zhenggai.cli import main

GOLD = REPO / "corpus" / "gold"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    from zhenggai.corpus.batch import run_batch

    out = tmp_path_factory.mktemp("explorer") / "dataset"
    run_batch([str(REPO / "corpus" / "samples"), str(GOLD)], str(out), jobs=1, progress=False)
    return out


@pytest.fixture(scope="module")
def db(dataset, tmp_path_factory):
    from zhenggai.corpus.explorer_db import build_sqlite

    path, built = build_sqlite(dataset, tmp_path_factory.mktemp("db") / "explorer.db")
    assert built
    return path


def _fts_hits(query: str, texts: list[str]) -> list[str]:
    from zhenggai.corpus.segment import fts_query, index_text

    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61')")
    con.executemany("INSERT INTO t (rowid, body) VALUES (?, ?)", [(i, index_text(x)) for i, x in enumerate(texts)])
    rows = con.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", [fts_query(query)]).fetchall()
    return [texts[r[0]] for r in rows]


# ---------------------------------------------------------------- segmentation

TEXTS = ["全面推进殡葬改革，整治乱埋乱葬。", "清退违规发放津补贴12万元。", "违规发放的慰问品已收回。",
         "规范发放流程，杜绝违规。", "加强预算管理。"]


@pytest.mark.parametrize("query, found", [
    ("殡葬", ["全面推进殡葬改革，整治乱埋乱葬。"]),
    ("殡葬改革", ["全面推进殡葬改革，整治乱埋乱葬。"]),
    ("违规发放", ["清退违规发放津补贴12万元。", "违规发放的慰问品已收回。", "规范发放流程，杜绝违规。"]),
    ("津补贴", ["清退违规发放津补贴12万元。"]),
    ("预算 管理", ["加强预算管理。"]),
    ("改革 预算", []),
], ids=["inside-a-word", "whole-word", "two-words", "userdict-word", "spaces", "all-words-needed"])
def test_search_finds_words_inside_longer_words(query, found):
    assert _fts_hits(query, TEXTS) == found


@pytest.mark.parametrize("query", ['a" OR "b', "NEAR(殡葬", "殡葬*", "-改革", '"', ""],
                         ids=["quote", "near", "star", "minus", "lone-quote", "empty"])
def test_search_query_is_never_read_as_fts_syntax(query):
    from zhenggai.corpus.segment import fts_query

    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    expr = fts_query(query)
    if expr:
        con.execute("SELECT * FROM t WHERE t MATCH ?", [expr]).fetchall()  # no syntax error


# ---------------------------------------------------------------- the SQLite file

def test_sqlite_file_holds_every_table_and_keeps_nulls(dataset, db):
    from zhenggai.corpus import load
    from zhenggai.corpus.tables import TABLES

    frames = load(dataset)
    con = sqlite3.connect(db)
    for table in TABLES:
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(frames[table]), table
    nulls = con.execute("SELECT count(*) FROM notices WHERE totals_issues IS NULL").fetchone()[0]
    assert nulls == int(frames["notices"]["totals_issues"].isna().sum())
    value, exact = con.execute("SELECT value, value_exact FROM mentions WHERE text = '8,650万元'").fetchone()
    assert (value, exact) == (86500000.0, "86500000")
    # Dates are ISO text, so julianday() works on them.
    assert con.execute("SELECT count(*) FROM notices WHERE julianday(inspection_feedback_date) IS NULL "
                       "AND inspection_feedback_date IS NOT NULL").fetchone()[0] == 0


def test_sqlite_compare_tables_match_zhenggai_compare(dataset, db):
    from zhenggai.corpus.compare import compare

    frame = compare(dataset, by="sector")
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT sector, notices FROM compare_sector").fetchall())
    assert rows == dict(zip(frame["sector"], frame["notices"].astype(int)))


def test_sqlite_file_is_reused_until_the_dataset_changes(dataset, tmp_path):
    from zhenggai.corpus.batch import run_batch
    from zhenggai.corpus.explorer_db import build_sqlite, built_fingerprint, fingerprint

    changed = tmp_path / "ds"
    run_batch([str(SAMPLE)], str(changed), jobs=1, progress=False)
    path = tmp_path / "x.db"
    assert build_sqlite(changed, path)[1] is True
    assert build_sqlite(changed, path)[1] is False
    before = built_fingerprint(path)
    run_batch([str(SAMPLE), str(GOLD / "audit-bureau-announcement.txt")], str(changed), jobs=1, progress=False, overwrite=True)
    assert fingerprint(changed) != before
    assert build_sqlite(changed, path)[1] is True
    assert sqlite3.connect(path).execute("SELECT count(*) FROM notices").fetchone()[0] == 2


def test_sqlite_default_path_is_under_the_cache(dataset, monkeypatch, tmp_path):
    from zhenggai.corpus.explorer_db import default_db_path

    monkeypatch.setenv("ZHENGGAI_CACHE", str(tmp_path))
    assert default_db_path(dataset).parent == tmp_path / "explorer"


# ---------------------------------------------------------------- the Datasette app

@pytest.fixture(scope="module")
def client(db):
    from zhenggai.corpus.serve import make_datasette

    ds = make_datasette(db)
    asyncio.run(ds.invoke_startup())

    def get(path):
        return asyncio.run(ds.client.get(path))

    return get


def test_app_search_uses_jieba_words(client):
    rows = client("/zhenggai/notices.json?_shape=array&_col=title&_search=违规发放").json()
    titles = {r["title"] for r in rows}
    assert "中共青澜市财政局党组关于市委第二轮巡察整改进展情况的通报" in titles
    sections = client("/zhenggai/sections.json?_shape=array&_search=违规发放津贴补贴").json()
    assert sections and all({"违规", "发放", "津贴", "补贴"} <= set(re.findall("违规|发放|津贴|补贴", s["heading"]))
                            for s in sections)


def test_app_notice_page_renders_the_notice(client, db):
    notice_id = sqlite3.connect(db).execute(
        "SELECT notice_id FROM notices WHERE input LIKE '%qinglan-finance-2024%'").fetchone()[0]
    page = client(f"/-/notice/{notice_id}")
    assert page.status_code == 200
    assert 'data-value="86,500,000元"' in page.text
    assert "<th>检查组</th>" in page.text and "<th>反馈时间</th><td>2023-07-05</td>" in page.text
    assert client("/-/notice/no-such-notice").status_code == 404


def test_app_links_rows_to_the_notice_page(client):
    page = client("/zhenggai/mentions?kind=money").text
    assert re.search(r'class="zg-notice"[^>]*href="/-/notice/[0-9a-f]+"', page)
    page = client("/zhenggai/notices").text
    assert page.count('class="zg-notice"') >= 10


def test_app_has_facets_descriptions_and_canned_queries(client):
    meta = client("/-/metadata.json").json()
    notices = meta["databases"]["zhenggai"]["tables"]["notices"]
    assert notices["facets"] == ["region_province", "region_city", "sector", "level", "year", "inspection_kind",
                                 "doc_type"]
    assert notices["columns"]["inspection_team"].startswith("检查组")
    queries = meta["databases"]["zhenggai"]["queries"]
    assert {f"compare_{by}" for by in ("province", "city", "sector", "level", "year", "organisation", "round")} <= set(queries)
    # The lifecycle views are tables of their own, and the categories table has facets.
    tables = meta["databases"]["zhenggai"]["tables"]
    assert tables["issue_categories"]["facets"] == ["level", "label"] and "inspections" in tables
    assert client("/zhenggai/inspections.json?_size=0").json()["filtered_table_rows_count"] >= 1
    rows = client("/zhenggai/compare_sector.json?_shape=array").json()
    assert rows and {"sector", "notices", "completion_rate"} <= set(rows[0])
    hits = client("/zhenggai/search_notices.json?_shape=array&q=殡葬改革").json()
    assert hits == []  # no sample notice is about funeral reform
    assert client("/zhenggai/search_notices.json?_shape=array&q=津补贴").json()


def test_doc_type_facet_when_the_column_exists():
    from zhenggai.corpus.explorer_meta import metadata

    tables = metadata(["notice_id", "sector", "doc_type"], [])["databases"]["zhenggai"]["tables"]
    assert tables["notices"]["facets"] == ["sector", "doc_type"]


def test_app_is_read_only(client):
    result = client("/zhenggai.json?sql=" + "DELETE FROM notices")
    assert result.status_code == 400
    assert client("/zhenggai/notices.json?_size=0").json()["filtered_table_rows_count"] > 0


def test_app_pages_load_only_local_assets(client):
    for path in ("/", "/zhenggai", "/zhenggai/notices", "/-/dashboards/overview"):
        page = client(path).text
        refs = re.findall(r'(?:src|href)="([^"]+\.(?:js|css)(?:\?[^"]*)?)"', page)
        assert refs, path
        assert all(r.startswith("/") for r in refs), (path, refs)


def test_dashboard_queries_run_with_and_without_filters(db):
    from datasette_dashboards import replace_opts_in_query

    from zhenggai.corpus.charts import CHARTS, chart_rows, chart_sql

    con = sqlite3.connect(db)
    sector = con.execute("SELECT sector FROM canonical_notices WHERE sector = '财政'").fetchone()[0]
    for chart in CHARTS:
        assert chart_rows(con, chart), chart.slug
        sql = replace_opts_in_query(chart_sql(chart, filters=True), {"sector": sector})
        params = {"sector": sector}
        filtered = con.execute(sql, params).fetchall()
        assert "sector = :sector" in sql
        assert len(filtered) <= len(chart_rows(con, chart))
    years = con.execute("SELECT year, count(*) FROM canonical_notices WHERE year IS NOT NULL "
                        "GROUP BY 1 ORDER BY 1").fetchall()
    per_year = next(c for c in CHARTS if c.slug == "notices-per-year")
    assert [tuple(r.values()) for r in chart_rows(con, per_year)] == years


# ---------------------------------------------------------------- CLI: serve, report, compare --plot

def test_serve_refuses_a_folder_that_is_no_dataset(tmp_path, capsys):
    assert main(["serve", str(tmp_path)]) == 1
    assert "no zhenggai dataset here" in capsys.readouterr().err


def test_serve_refuses_a_bad_port(dataset, capsys):
    assert main(["serve", str(dataset), "--port", "70000"]) == 1
    assert "give a port between 1 and 65535" in capsys.readouterr().err


def test_serve_refuses_a_port_in_use(dataset, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", str(dataset), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "choose another with --port" in err


def test_serve_refuses_an_unknown_host(dataset, capsys):
    assert main(["serve", str(dataset), "--host", "no-such-host.invalid"]) == 1
    assert "cannot listen on no-such-host.invalid:8001" in capsys.readouterr().err


def test_report_is_one_self_contained_page(dataset, db, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(dataset), "-o", str(out), "--by", "level", "--db", str(db)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 6
    assert "<script" not in page and "<link" not in page and 'src="' not in page
    assert "Data date" in page and "Reposts once" in page and "Nulls are not zeros" in page
    flagged = sqlite3.connect(db).execute("SELECT count(*) FROM canonical_notices WHERE n_flags > 0").fetchone()[0]
    assert f"Flagged notices ({flagged})" in page
    assert "<th>level</th>" in page
    assert "wrote" in capsys.readouterr().err


def test_report_by_inspection_round_shows_timeliness(dataset, db, tmp_path):
    out = tmp_path / "rounds.html"
    assert main(["report", str(dataset), "-o", str(out), "--by", "round", "--db", str(db)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<th>round</th>" in page and "<th>median_days_to_publish</th>" in page
    assert "An inspection once" in page
    rounds = [r[0] for r in sqlite3.connect(db).execute("SELECT round FROM compare_round")]
    assert any("第" in r and "轮" in r for r in rounds)  # 市委 第3轮 …
    assert all(f"<td>{html.escape(r)}</td>" in page for r in rounds)


def test_report_by_must_be_a_known_grouping(dataset, tmp_path):
    result = subprocess.run([sys.executable, "-m", "zhenggai", "report", str(dataset), "-o", str(tmp_path / "r.html"),
                             "--by", "colour"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "invalid choice: 'colour'" in result.stderr


def test_compare_plot_writes_one_chart(dataset, tmp_path, capsys):
    from zhenggai.corpus.compare import compare

    out = tmp_path / "by-level.svg"
    assert main(["compare", str(dataset), "--by", "level", "--plot", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    frame = compare(dataset, by="level")
    groups = int(frame["completion_rate"].notna().sum())
    assert svg.startswith("<svg") and svg.count('aria-roledescription="bar"') == groups
    png = tmp_path / "by-level.png"
    assert main(["compare", str(dataset), "--by", "level", "--plot", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["compare", str(dataset), "--by", "level", "--plot", str(tmp_path / "x.gif")]) == 1
    assert "name the file .svg or .png" in capsys.readouterr().err


def test_extract_does_not_import_datasette_or_altair(tmp_path):
    code = ("import sys; from zhenggai.cli import main, build_parser; "
            f"main(['extract', {str(SAMPLE)!r}, '-o', {str(tmp_path / 'x.json')!r}]); build_parser(); "
            "heavy = [m for m in ('datasette', 'altair', 'vl_convert', 'sqlite_utils', 'uvicorn') if m in sys.modules]; "
            "assert not heavy, heavy")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- render: values, labels, signature

@pytest.mark.parametrize("mention, shown", [
    ({"kind": "money", "value": "86500000"}, "86,500,000元"),
    ({"kind": "money", "value": 120000.5, "approx": True}, "约120,000.5元"),
    ({"kind": "money", "value": "50000", "value_max": "100000"}, "50,000元 至 100,000元"),
    ({"kind": "date", "date_start": "2023-04-10", "date_end": "2023-06-16"}, "2023-04-10 至 2023-06-16"),
    ({"kind": "date", "date_start": "2024-02-21", "date_end": "2024-02-29", "relation": "until"},
     "2024-02-21 至 2024-02-29（截至）"),
    ({"kind": "date", "date_start": "2023-07-05", "date_end": "2023-07-05"}, "2023-07-05"),
    ({"kind": "count", "value": 18, "unit": "个", "noun": "具体问题"}, "18 个具体问题"),
    ({"kind": "percent", "value": 88.9}, "88.9%"),
    ({"kind": "multiple", "value": "1.3"}, "1.3 倍"),
    ({"kind": "docnumber", "prefix": "青财预", "year": 2023, "number": 41}, "青财预〔2023〕41号"),
], ids=["money", "money-approx", "money-range", "date-range", "date-until", "date-day", "count-noun", "percent",
        "multiple", "docnumber"])
def test_mention_value_reads_as_a_person_says_it(mention, shown):
    from zhenggai.render import mention_value

    assert mention_value(mention) == shown


def test_render_marks_inferred_years_and_lists_values(tmp_path):
    from zhenggai import extract_notice
    from zhenggai.render import render_html

    notice = extract_notice(SAMPLE)
    page = render_html(notice)
    inferred = [m for m in notice.mentions if getattr(m, "year_inferred", False)]
    assert inferred
    assert page.count('class="k-date inferred"') >= len(inferred)
    assert page.count("推断年份</span>") == len(inferred)
    assert '<td class="value">86,500,000元</td>' in page
    assert "<th>检查组</th>" in page and "<th>反馈时间</th>" in page and "<th>落款日期</th>" in page
    assert '"Noto Sans CJK SC"' in page and "sans-serif" in page


def test_render_shows_the_signature_date():
    from zhenggai import extract_notice
    from zhenggai.render import render_html

    page = render_html(extract_notice(GOLD / "audit-bureau-announcement.txt"))
    assert "<th>落款日期</th><td>2023-10-25</td>" in page


def test_readme_screenshots_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"\((docs/img/[\w-]+\.png)\)", readme)
    assert {"docs/img/serve.png", "docs/img/report.png"} <= set(images)
    for image in images:
        data = (REPO / image).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", image
        assert int.from_bytes(data[16:20], "big") >= 1000, image  # width: a browser window, not a thumbnail
