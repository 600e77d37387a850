"""Counts and shares of issue categories per comparison group (they replace jieba themes).

For each group: ``issue_sections`` (issue sections of its canonical notices), for each level-1
framework part the count ``l1_<code>`` and share ``l1_<code>_share`` (percent of the group's issue
sections), and ``top_tags``: the most frequent topic tags with their counts and shares, e.g.
``财务资金管理 12 (25.0%)、中央八项规定精神/作风 8 (16.7%)``.  The taxonomy: docs/taxonomy.md.
"""

from __future__ import annotations


def add_category_columns(frame, con, base_sql: str, by: str, *, top: int = 5):
    """Add the category columns to a compare frame whose groups are ``frame[by]``.

    ``base_sql`` selects the canonical notices with their group as ``grp``."""
    from zhenggai.facts.categories import level1_labels, tag_labels

    sections = dict(con.sql(f"""
        WITH n AS ({base_sql})
        SELECT n.grp, count(DISTINCT (c.notice_id, c.section_seq))
        FROM issue_categories c JOIN n ON c.notice_id = n.notice_id
        GROUP BY 1
    """).fetchall())
    counts = con.sql(f"""
        WITH n AS ({base_sql})
        SELECT n.grp, c.level, c.code, count(*) AS k
        FROM issue_categories c JOIN n ON c.notice_id = n.notice_id
        GROUP BY 1, 2, 3
    """).fetchall()
    level1: dict[tuple[str, str], int] = {}
    tags: dict[str, list[tuple[int, str]]] = {}
    for grp, level, code, k in counts:
        if level == 1:
            level1[(grp, code)] = k
        else:
            tags.setdefault(grp, []).append((k, code))

    def share(k: int, total: int) -> float | None:
        return round(100.0 * k / total, 1) if total else None

    groups = list(frame[by])
    frame["issue_sections"] = [sections.get(g, 0) for g in groups]
    for code in level1_labels():
        frame[f"l1_{code}"] = [level1.get((g, code), 0) for g in groups]
        frame[f"l1_{code}_share"] = [share(level1.get((g, code), 0), sections.get(g, 0)) for g in groups]
    labels = tag_labels()
    order = {code: i for i, code in enumerate(labels)}

    def top_tags(g: str) -> str:
        ranked = sorted(tags.get(g, []), key=lambda kc: (-kc[0], order.get(kc[1], 99)))[:top]
        return "、".join(f"{labels[c][0] if c in labels else c} {k} ({share(k, sections.get(g, 0))}%)"
                        for k, c in ranked)

    frame["top_tags"] = [top_tags(g) for g in groups]
    return frame
