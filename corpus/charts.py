"""The charts of the explorer's dashboard and of the report: one SQL query and one Vega-Lite view each.

The same definitions feed datasette-dashboards (``dashboard_config``: the query keeps its
``[[ AND column = :filter ]]`` clauses, which the plugin drops when a filter is empty) and the
static report (``chart_specs``: the clauses are dropped, the rows go inline and vl-convert draws
the SVG).  Every query reads ``canonical_notices``, so a repost counts once, and a notice that
does not state a figure is left out of that chart (a null is not a zero).
"""

from __future__ import annotations

import regex
from dataclasses import dataclass

# Dashboard filters: key → (label, notices column).
FILTERS = {
    "province": ("地区（省） Region", "region_province"),
    "sector": ("系统 Sector", "sector"),
    "level": ("层级 Level", "level"),
    "year": ("年份 Year", "year"),
}
# What a chart query puts after its WHERE: one optional clause per filter.
FILTER_SQL = " ".join(
    f"[[ AND CAST({column} AS TEXT) = :{key} ]]" if key == "year" else f"[[ AND {column} = :{key} ]]"
    for key, (_, column) in FILTERS.items()
)
# The notices a chart counts: stated both issues and completed figures.
_BOTH = "totals_issues > 0 AND totals_completed IS NOT NULL AND totals_completed <= totals_issues"  # as compare
_RATE = (f"round(100.0 * sum(CASE WHEN {_BOTH} THEN totals_completed END) "
         f"/ sum(CASE WHEN {_BOTH} THEN totals_issues END), 1)")
# An optional-filter clause: [[ … ]] (the dashboards plugin's syntax).
_OPTIONAL = regex.compile(r"\[\[.*?\]\]")


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    sql: str  # ``{filters}`` marks where the optional filter clauses go
    display: dict  # Vega-Lite mark and encoding (no data)


def _bar(x: str, y: str, x_title: str, y_title: str, *, horizontal: bool = False, sort_by_value: bool = True,
         y_format: str | None = None, x_type: str = "nominal") -> dict:
    value = {"field": y, "type": "quantitative", "title": y_title}
    if y_format:
        value["axis"] = {"format": y_format}
    key = {"field": x, "type": x_type, "title": x_title}
    if sort_by_value:
        key["sort"] = "-x" if horizontal else "-y"
    if not horizontal:
        key["axis"] = {"labelAngle": 0}
    encoding = {"y": key, "x": value} if horizontal else {"x": key, "y": value}
    encoding["tooltip"] = [{"field": x, "type": x_type, "title": x_title},
                           {"field": y, "type": "quantitative", "title": y_title}]
    return {"mark": {"type": "bar", "tooltip": True, "color": "#4c78a8"}, "encoding": encoding}


def _histogram(start: str, end: str, count: str, x_title: str, y_title: str, color: str) -> dict:
    return {
        "mark": {"type": "bar", "tooltip": True, "color": color},
        "encoding": {
            "x": {"field": start, "bin": {"binned": True}, "type": "quantitative", "title": x_title},
            "x2": {"field": end},
            "y": {"field": count, "type": "quantitative", "title": y_title},
            "tooltip": [{"field": start, "title": "from"}, {"field": end, "title": "to"},
                        {"field": count, "title": y_title}],
        },
    }


CHARTS = (
    Chart("completion-by-province", "完成率（按省） Completion rate by province",
          f"""SELECT coalesce(region_province, '(unknown)') AS province, {_RATE} AS completion_rate,
                     count(*) AS notices
              FROM canonical_notices WHERE {_BOTH} {{filters}}
              GROUP BY 1 ORDER BY completion_rate DESC""",
          _bar("province", "completion_rate", "省 province", "完成率 %", horizontal=True)),
    Chart("completion-by-sector", "完成率（按系统） Completion rate by sector",
          f"""SELECT coalesce(sector, '(unknown)') AS sector, {_RATE} AS completion_rate, count(*) AS notices
              FROM canonical_notices WHERE {_BOTH} {{filters}}
              GROUP BY 1 ORDER BY completion_rate DESC""",
          _bar("sector", "completion_rate", "系统 sector", "完成率 %", horizontal=True)),
    Chart("money-by-category", "资金（按类别，万元） Money recovered and other totals by category",
          """SELECT category, round(sum(value) / 10000.0, 2) AS wan_yuan, count(*) AS totals
             FROM money_totals JOIN canonical_notices USING (notice_id) WHERE 1 = 1 {filters}
             GROUP BY 1 ORDER BY wan_yuan DESC""",
          _bar("category", "wan_yuan", "类别 category", "万元 (10,000 yuan)", horizontal=True, y_format=",.0f")),
    Chart("issues-per-notice", "每份通报的问题数 Issues per notice",
          """SELECT (totals_issues / 10) * 10 AS issues_from, (totals_issues / 10) * 10 + 10 AS issues_to,
                    count(*) AS notices
             FROM canonical_notices WHERE totals_issues IS NOT NULL {filters}
             GROUP BY 1 ORDER BY 1""",
          _histogram("issues_from", "issues_to", "notices", "问题数 issues stated", "通报 notices", "#f58518")),
    Chart("notices-per-year", "每年通报数 Notices per year",
          """SELECT year, count(*) AS notices FROM canonical_notices WHERE year IS NOT NULL {filters}
             GROUP BY 1 ORDER BY 1""",
          _bar("year", "notices", "年份 year", "通报 notices", sort_by_value=False, x_type="ordinal")),
    Chart("feedback-to-publication", "反馈到发布的天数 Days from inspection feedback to publication",
          """SELECT (days / 30) * 30 AS days_from, (days / 30) * 30 + 30 AS days_to, count(*) AS notices
             FROM (SELECT CAST(julianday(substr(source_published_at, 1, 10))
                               - julianday(inspection_feedback_date) AS INTEGER) AS days
                   FROM canonical_notices
                   WHERE source_published_at IS NOT NULL AND inspection_feedback_date IS NOT NULL {filters})
             WHERE days >= 0 GROUP BY 1 ORDER BY 1""",
          _histogram("days_from", "days_to", "notices", "天 days (30-day bins)", "通报 notices", "#54a24b")),
)


def chart_sql(chart: Chart, *, filters: bool) -> str:
    """The chart's query; with ``filters`` the optional [[ … ]] clauses stay in (dashboards), else they go."""
    sql = chart.sql.replace("{filters}", FILTER_SQL)
    return sql if filters else _OPTIONAL.sub("", sql)


def dashboard_config(database: str) -> dict:
    """The datasette-dashboards configuration of the explorer's dashboard."""
    filters = {
        key: {"name": label, "type": "select", "db": database,
              "query": f"SELECT DISTINCT {column} FROM canonical_notices WHERE {column} IS NOT NULL ORDER BY 1"}
        for key, (label, column) in FILTERS.items()
    }
    charts = {
        c.slug: {"title": c.title, "db": database, "query": chart_sql(c, filters=True),
                 "library": "vega-lite", "display": c.display}
        for c in CHARTS
    }
    layout = [[CHARTS[0].slug, CHARTS[1].slug], [CHARTS[2].slug, CHARTS[3].slug], [CHARTS[4].slug, CHARTS[5].slug]]
    return {"overview": {"title": "整改通报概览 Overview",
                         "description": "Reposts count once; a notice that does not state a figure is left out "
                                        "of that chart (nulls are not zeros).",
                         "layout": layout, "filters": filters, "charts": charts}}


def chart_rows(con, chart: Chart) -> list[dict]:
    """The chart's rows from a SQLite connection to the explorer's file (no filters)."""
    cur = con.execute(chart_sql(chart, filters=False))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def chart_spec(chart: Chart, rows: list[dict], *, width: int = 420, height: int | dict = 240) -> dict:
    """A complete Vega-Lite spec with the rows inline (for Altair / vl-convert)."""
    if chart.display["encoding"]["y"].get("type") == "nominal":  # horizontal bars: a row per bar
        height = {"step": 18}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": chart.title, "width": width, "height": height,
        "data": {"values": rows},
        "config": {"font": "Noto Sans CJK SC"},
        **chart.display,
    }
