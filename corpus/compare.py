"""Compare bureaus, regions, sectors, levels and years across a dataset.

    zhenggai compare DATASET --by sector
    zhenggai compare DATASET --by region --csv by-region.csv        (utf-8-sig: opens in Excel)

>>> frame = compare("DATASET", by="sector")        # doctest: +SKIP
>>> frame.loc[0, ["sector", "notices", "issues", "completion_rate"]].tolist()   # doctest: +SKIP
['民政', 12, 243, 87.65]

Each cluster of reposts counts once (``canonical_notices``).  Per group:
notices, stated issues and completed issues (sums of the stated totals),
completion rate = 100 × completed ÷ issues over the notices that state both,
money by category (sums of the stated money totals, yuan), people disciplined,
systems established, and the issue categories of the group's issue sections:
counts and shares per framework part and the most frequent topic tags
(``zhenggai.corpus.compare_categories``; docs/taxonomy.md).
"""

from __future__ import annotations

import os

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


def compare(dataset: str | os.PathLike, by: str = "region", *, categories: bool = True, con=None):
    """One row per group with the comparison figures (a pandas DataFrame, largest groups first)."""
    from zhenggai.corpus.query import connect

    if by not in GROUPS:
        raise ValueError(f"cannot compare by {by!r}; use one of {', '.join(GROUPS)}")
    con = con or connect(dataset)
    key = f"coalesce(nullif({GROUPS[by]}, ''), '{UNKNOWN}')"
    base = f"SELECT *, {key} AS grp FROM canonical_notices"
    both = "totals_issues > 0 AND totals_completed IS NOT NULL"  # notices stating issues and completed
    frame = con.sql(f"""
        WITH n AS ({base})
        SELECT grp AS "{by}",
               count(*) AS notices,
               CAST(sum(totals_issues) AS BIGINT) AS issues,
               CAST(sum(totals_completed) AS BIGINT) AS completed,
               round(100.0 * sum(CASE WHEN {both} THEN totals_completed END)
                     / nullif(sum(CASE WHEN {both} THEN totals_issues END), 0), 2) AS completion_rate,
               CAST(sum(totals_people_disciplined) AS BIGINT) AS people_disciplined,
               CAST(sum(totals_systems_established) AS BIGINT) AS systems_established,
               median(date_diff('day', inspection_feedback_date, CAST(source_published_at AS DATE)))
                   FILTER (WHERE inspection_stage IN ('rectification', 'audit_rectification')
                           AND source_published_at >= inspection_feedback_date) AS median_days_to_publish
        FROM n GROUP BY grp ORDER BY notices DESC, grp
    """).df()
    money = con.sql(f"""
        WITH n AS ({base})
        SELECT n.grp, m.category, sum(m.value) AS yuan
        FROM money_totals m JOIN n ON m.notice_id = n.notice_id
        GROUP BY 1, 2 ORDER BY 2
    """).fetchall()
    categories = sorted({c for _, c, _ in money})
    frame["money_total_yuan"] = 0.0
    for cat in categories:
        frame[f"money_{cat}_yuan"] = 0.0
    index = {g: i for i, g in enumerate(frame[by])}
    for grp, cat, yuan in money:
        i = index[grp]
        frame.loc[i, f"money_{cat}_yuan"] += yuan
        frame.loc[i, "money_total_yuan"] += yuan
    if categories:
        from zhenggai.corpus.compare_categories import add_category_columns

        add_category_columns(frame, con, base, by)
    return frame
