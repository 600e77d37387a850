"""Compare bureaus, regions, sectors, levels and years across a dataset.

    zhenggai compare DATASET --by sector
    zhenggai compare DATASET --by region --csv by-region.csv        (utf-8-sig: opens in Excel)
    zhenggai compare DATASET --by year --types all                  (every document type)

>>> frame = compare("DATASET", by="sector")        # doctest: +SKIP
>>> frame.loc[0, ["sector", "notices", "issues", "completion_rate"]].tolist()   # doctest: +SKIP
['民政', 12, 243, 87.65]

Only rectification notices are compared by default (``doc_type`` rectification and
audit_rectification: ``DEFAULT_TYPES``); a feedback notice, a stationing announcement, a news
item or a weather page states other figures, or none.  Each cluster of reposts counts once
(``canonical_notices``).  Per group: notices, stated issues and completed issues (sums of the
stated totals), completion rate = 100 × completed ÷ issues over the notices that state both (and no more
completed than issues: a larger figure counts measures, not issues),
money recovered (the notices' ``money_recovered_yuan``), money by category (sums of the stated
money totals, yuan), people disciplined, systems established, the median days from the
inspection feedback to the first rectification notice (``median_days_to_publish``), and the
issue categories of the group's issue sections: counts and shares per framework part and the
most frequent topic tags (``zhenggai.corpus.compare_categories``; docs/taxonomy.md).

An inspection is counted once: when several rectification notices of one inspection are in the
dataset (progress notices, ``inspection_key``), the latest one speaks for it, so its 18 issues are
not summed twice.

A sum is null, not 0, when no notice of the group stated the figure, and each figure has a
``…_notices`` column: how many notices of the group stated it (``issues_notices``,
``money_total_notices``, ``money_追回_notices`` …).  Counts are whole numbers (pandas
``Int64``) and money is exact (``decimal.Decimal``, summed from the ``_exact`` columns), so a
CSV holds ``54917375``, never ``54917375.0``.
"""

from __future__ import annotations

import os
from decimal import Decimal

GROUPS = {
    "region": "concat_ws(' ', region_province, region_city)",
    "province": "region_province",
    "city": "concat_ws(' ', region_province, region_city)",
    "county": "concat_ws(' ', region_province, region_city, region_county)",
    "sector": "sector",
    "level": "level",
    "year": "CAST(year AS VARCHAR)",
    "organisation": "organisation",
    # An inspection round as the body names it: 市委 第3轮 (the term, 十五届, is left out).
    "round": "concat_ws(' ', inspection_body, '第' || CAST(inspection_round_number AS VARCHAR) || '轮')",
}
UNKNOWN = "(unknown)"
# The document types compared by default (zhenggai.facts.doctype.RECTIFICATION_TYPES; kept
# here as plain constants so that the command line does not import the extractor).
DEFAULT_TYPES = ("rectification", "audit_rectification")
ALL_TYPES = ("rectification", "audit_rectification", "feedback", "stationing", "audit_report", "news", "other")
# Summed count figures: output column → notices column.
COUNTS = {
    "issues": "totals_issues",
    "completed": "totals_completed",
    "people_disciplined": "totals_people_disciplined",
    "systems_established": "totals_systems_established",
}
# Money is summed as DECIMAL from the exact strings (yuan with up to 4 decimal places).
_DECIMAL = "DECIMAL(38, 4)"


class CompareError(ValueError):
    """A comparison that cannot be made as asked (the message says how to fix it)."""


def parse_types(value: str) -> tuple[str, ...] | None:
    """``--types`` → the document types to compare; ``all`` → None (no filter).

    >>> parse_types("rectification,feedback"), parse_types("all")
    (('rectification', 'feedback'), None)
    """
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    if names == ("all",):
        return None
    unknown = [n for n in names if n not in ALL_TYPES]
    if not names or unknown:
        raise CompareError(
            f"unknown document type {', '.join(unknown) or repr(value)}; use 'all' or a comma list of "
            + ", ".join(ALL_TYPES)
        )
    return names


def exact(value) -> Decimal | None:
    """A summed amount as an exact Decimal without trailing zeros (None stays None).

    >>> exact(Decimal("54917375.0000")), exact(Decimal("1234.5600")), exact(None)
    (Decimal('54917375'), Decimal('1234.56'), None)
    """
    if value is None:
        return None
    d = Decimal(value).normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def _notice_columns(con) -> set[str]:
    return {row[0] for row in con.sql("DESCRIBE notices").fetchall()}


def has_doc_types(con) -> bool:
    """Whether the dataset's notices carry ``doc_type`` (datasets built before it do not)."""
    return "doc_type" in _notice_columns(con)


def _has_table(con, name: str) -> bool:
    try:
        con.sql(f'SELECT 1 FROM "{name}" LIMIT 0')
    except Exception:  # noqa: BLE001 - duckdb raises CatalogException for a missing table or view
        return False
    return True


def compare(
    dataset: str | os.PathLike,
    by: str = "region",
    *,
    categories: bool = True,
    types: tuple[str, ...] | None = DEFAULT_TYPES,
    con=None,
):
    """One row per group with the comparison figures (a pandas DataFrame, largest groups first).

    ``types``: the document types counted (None: all).  A dataset built before documents were
    typed has no ``doc_type``: asking for types then raises CompareError (rebuild it, or pass
    ``types=None``).
    """
    from zhenggai.corpus.query import connect

    if by not in GROUPS:
        raise ValueError(f"cannot compare by {by!r}; use one of {', '.join(GROUPS)}")
    con = con or connect(dataset)
    where = ""
    if types is not None:
        if not has_doc_types(con):
            raise CompareError(
                f"{dataset}: this dataset has no doc_type column (built by an older zhenggai); "
                "rebuild it with zhenggai batch, or compare every document with --types all"
            )
        where = "WHERE doc_type IN (" + ", ".join(f"'{t}'" for t in types) + ")"
    key = f"coalesce(nullif({GROUPS[by]}, ''), '{UNKNOWN}')"
    every = f"SELECT *, {key} AS grp FROM canonical_notices {where}"
    lifecycle = "inspection_key" in _notice_columns(con)  # datasets built before the lifecycle lack it
    # One notice per inspection: the latest statement of its progress (notices without a key stay).
    base = (f"SELECT * FROM ({every}) QUALIFY row_number() OVER (PARTITION BY coalesce(inspection_key, notice_id) "
            "ORDER BY source_published_at DESC NULLS LAST, notice_id DESC) = 1") if lifecycle else every
    # Notices stating issues and completed, in the same unit: a notice whose "completed" exceeds its
    # issues states completed measures (164 of 186 measures) against issues (20), not a rate.
    both = "totals_issues > 0 AND totals_completed IS NOT NULL AND totals_completed <= totals_issues"
    counts = ",\n".join(
        f'CAST(sum({col}) AS BIGINT) AS "{name}", count({col}) AS "{name}_notices"' for name, col in COUNTS.items()
    )
    frame = con.sql(f"""
        WITH n AS ({base})
        SELECT grp AS "{by}",
               count(*) AS notices,
               {counts},
               round(100.0 * sum(CASE WHEN {both} THEN totals_completed END)
                     / nullif(sum(CASE WHEN {both} THEN totals_issues END), 0), 2) AS completion_rate,
               count(CASE WHEN {both} THEN 1 END) AS completion_rate_notices,
               CAST(sum(CAST(totals_money_recovered_yuan_exact AS {_DECIMAL})) AS VARCHAR) AS money_recovered_yuan,
               count(totals_money_recovered_yuan_exact) AS money_recovered_notices
        FROM n GROUP BY grp ORDER BY notices DESC, grp
    """).df()
    for name in COUNTS:
        frame[name] = frame[name].astype("Int64")
    # DECIMAL through a string: a DataFrame would make it a float
    frame["money_recovered_yuan"] = [exact(v) if isinstance(v, str) else None for v in frame["money_recovered_yuan"]]
    money = con.sql(f"""
        WITH n AS ({base})
        SELECT n.grp, m.category, sum(CAST(m.value_exact AS {_DECIMAL})), count(DISTINCT m.notice_id)
        FROM money_totals m JOIN n ON m.notice_id = n.notice_id
        GROUP BY 1, 2 ORDER BY 2
    """).fetchall()
    stated = dict(con.sql(f"""
        WITH n AS ({base})
        SELECT n.grp, count(DISTINCT m.notice_id) FROM money_totals m JOIN n ON m.notice_id = n.notice_id
        GROUP BY 1
    """).fetchall())
    groups = list(frame[by])
    total: dict[str, Decimal] = {}
    by_category: dict[str, dict[str, tuple[Decimal, int]]] = {}
    for grp, cat, yuan, n in money:
        total[grp] = total.get(grp, Decimal(0)) + yuan
        by_category.setdefault(cat, {})[grp] = (yuan, n)
    frame["money_total_yuan"] = [exact(total.get(g)) for g in groups]
    frame["money_total_notices"] = [stated.get(g, 0) for g in groups]
    for cat in sorted(by_category):
        cells = by_category[cat]
        frame[f"money_{cat}_yuan"] = [exact(cells[g][0]) if g in cells else None for g in groups]
        frame[f"money_{cat}_notices"] = [cells[g][1] if g in cells else 0 for g in groups]
    # Timeliness: per inspection, days from its feedback to its first rectification notice.
    days = {} if not lifecycle else dict(con.sql(f"""
        WITH n AS ({every}),
        first AS (
            SELECT grp, min(date_diff('day', inspection_feedback_date, CAST(source_published_at AS DATE))) AS d
            FROM n WHERE inspection_stage IN ('rectification', 'audit_rectification')
                     AND CAST(source_published_at AS DATE) >= inspection_feedback_date
            GROUP BY grp, coalesce(inspection_key, notice_id)
        )
        SELECT grp, median(d) FROM first GROUP BY grp
    """).fetchall())
    frame["median_days_to_publish"] = [days.get(g) for g in groups]
    if categories and _has_table(con, "issue_categories"):
        from zhenggai.corpus.compare_categories import add_category_columns

        add_category_columns(frame, con, base, by)
    return frame
