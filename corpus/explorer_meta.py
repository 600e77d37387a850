"""Datasette metadata for the explorer: titles, column descriptions, facets, search, canned queries.

Column descriptions come from :mod:`zhenggai.corpus.tables` (the README's table reference), with
the Chinese label of the facts table in front where there is one (检查组 — …).  Default facets on
notices: province, city, sector, level, year, inspection kind, and document type when the dataset
has that column.
"""

from __future__ import annotations

from zhenggai.corpus.tables import TABLE_DESCRIPTIONS, TABLES, table_columns

DATABASE = "zhenggai"
NOTICE_FACETS = ("region_province", "region_city", "sector", "level", "year", "inspection_kind", "doc_type")
CHILD_FACETS = {
    "sections": ["role", "depth"],
    "issue_categories": ["level", "label"],
    "mentions": ["kind", "year_inferred", "unit"],
    "documents": ["kind", "prefix"],
    "money_totals": ["category"],
    "errors": ["error_class"],
    "skipped": ["reason"],
}
TABLE_TITLES = {
    "notices": "通报 notices", "sections": "提纲 sections", "issue_categories": "问题分类 issue categories",
    "mentions": "数值 mentions",
    "documents": "文件 documents", "money_totals": "资金 money totals", "errors": "失败 errors",
    "skipped": "跳过 skipped",
}
COMPARE_TITLES = {
    "province": "省", "city": "市", "sector": "系统", "level": "层级", "year": "年份", "organisation": "单位",
    "round": "巡察轮次",
}
CANNED = {
    "flagged_notices": {
        "title": "有标记的通报 Flagged notices",
        "description": "Notices whose extraction raised a consistency flag (reposts once), most flags first.",
        "sql": "SELECT notice_id, title, organisation, year, n_flags, flags FROM canonical_notices "
               "WHERE n_flags > 0 ORDER BY n_flags DESC, notice_id",
    },
    "search_notices": {
        "title": "全文检索 Search notices",
        "description": "Full-text search over titles, issue statements and text; the words are cut with jieba "
                       "(zh_query) the same way the text was indexed.",
        "sql": "SELECT notice_id, title, organisation, year FROM notices WHERE rowid IN "
               "(SELECT rowid FROM notices_fts WHERE notices_fts MATCH zh_query(:q)) ORDER BY year DESC",
    },
}


def _labels() -> dict[str, str]:
    from zhenggai.render import FACT_LABELS

    return dict(FACT_LABELS)


def column_descriptions(table: str) -> dict[str, str]:
    labels = _labels() if table == "notices" else {}
    out = {}
    for col in table_columns(table):
        label = labels.get(col.name)
        out[col.name] = f"{label} — {col.description}" if label and col.description else (label or col.description)
    return out


def metadata(notice_columns: list[str], compare_tables: list[str]) -> dict:
    """The metadata dict for Datasette (``notice_columns``: the notices table's columns in the file)."""
    from zhenggai.corpus.charts import dashboard_config

    tables: dict[str, dict] = {}
    for table in TABLES:
        tables[table] = {
            "title": TABLE_TITLES[table],
            "description": TABLE_DESCRIPTIONS[table],
            "columns": {k: v for k, v in column_descriptions(table).items() if v},
            "facets": CHILD_FACETS.get(table, []),
        }
    notices = tables["notices"]
    notices.update({
        "facets": [c for c in NOTICE_FACETS if c in notice_columns],
        "fts_table": "notices_fts", "fts_pk": "rowid", "label_column": "title", "sort_desc": "year", "size": 30,
        "description": TABLE_DESCRIPTIONS["notices"] + ". Search cuts Chinese words with jieba; "
                       "全文 › opens the notice page.",
    })
    tables["sections"].update({"fts_table": "sections_fts", "fts_pk": "rowid"})
    tables["inspections"] = {
        "title": "巡视巡察 inspections",
        "description": "One row per inspection: its documents by stage, feedback date, days to the first "
                       "rectification notice, issues as first and last stated (README: the inspection lifecycle).",
        "facets": ["kind", "body", "level"],
    }
    tables["recurrences"] = {
        "title": "问题复现 recurrences",
        "description": "A unit inspected again whose problems fall in a topic it was told about before.",
        "facets": ["label"],
    }
    for name in ("notices_fts", "sections_fts", "_zhenggai_build"):
        tables[name] = {"hidden": True}
    queries = dict(CANNED)
    for name in compare_tables:
        tables[name] = {"hidden": True}  # shown through the canned queries below
        by = name.removeprefix("compare_")
        queries[name] = {
            "title": f"比较（按{COMPARE_TITLES.get(by, by)}） Compare by {by}",
            "description": "zhenggai compare --by " + by + ": reposts once; completion rate over the notices "
                           "that state both issues and completed; money by category in yuan.",
            "sql": f"SELECT * FROM {name} ORDER BY notices DESC",
        }
    return {
        "title": "zhenggai 整改通报 explorer",
        "description": "Inspection-rectification notices extracted by zhenggai. Reposts are linked by "
                       "duplicate_of; canonical_notices counts each once.",
        "databases": {DATABASE: {"tables": tables, "queries": queries}},
        "plugins": {"datasette-dashboards": dashboard_config(DATABASE)},
    }
