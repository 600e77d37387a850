"""Shared helpers for the zhenggai.facts tests (no tests here).

``Node`` stands in for zhenggai.outline.OutlineNode; ``mentions`` runs the real
mention extractors and skips the calling test when they are not importable.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


from zhenggai.mentions.base import Found
from zhenggai.outline import OutlineNode


# The real node type: its first nine fields are positional, as the helpers below use them.
Node = OutlineNode


def node(text: str, heading: str, end_at: str | None = None, role: str = "issue", marker: str = "",
         ordinal: int = 0, level: int = 1, children: list[Node] | None = None) -> Node:
    """A node whose heading is the first occurrence of ``heading`` in ``text``, ending before ``end_at``."""
    start = text.index(heading)
    end = text.index(end_at, start + 1) if end_at else len(text)
    return Node(level, marker, ordinal, heading, start, start + len(heading), start, end, role,
                children=children or [])


def mentions(text: str, published: dt.date | None = None) -> list[Found]:
    """All mentions of ``text`` from the real extractors."""
    from zhenggai.mentions import find_mentions

    return find_mentions(text, published=published)


def count(text: str, fragment: str, value: int, unit: str, occurrence: int = 0) -> Found:
    """A hand-made count mention for ``fragment`` (e.g. "7件") in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return Found("count", start, start + len(fragment), fragment, {"value": Decimal(value), "unit": unit})


def date(text: str, fragment: str, start: dt.date, end: dt.date | None = None, **values) -> Found:
    """A hand-made date mention for ``fragment`` in ``text``."""
    pos = text.index(fragment)
    return Found("date", pos, pos + len(fragment), fragment,
                 {"date_start": start, "date_end": end or start, "granularity": "day", **values})
