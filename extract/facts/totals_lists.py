"""Figures listed with 、 around a totals figure (helpers of ``zhenggai.facts.totals``).

The genre lists parallel parts with 、, and both a figure's object and its siblings
may sit in the clauses before it:

    收回被侵占、违规使用的集体资金共计6.83万元           → the money cue 收回 is two clauses back
    立行立改的1786个、分阶段整改的817个问题中            → issues 1786 + 817 = 2603
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import regex

from zhenggai import limits
from zhenggai.facts.regions import Regions
from zhenggai.mentions.base import Found

# 立行立改的1786个、分阶段整改的817个问题中: figures listed with 、 before the one the cue
# binds share its noun, so the total is their sum.
SUMMED_KEYS = frozenset({"issues", "completed"})
_PARALLEL_GAP = limits.compile(
    r"""
    ^、[^\d,;；。:：、\n]{0,12}$   # 、 and a short qualifier (分阶段整改的) up to the next figure
    """,
    regex.VERBOSE,
)
# How many 、-joined clauses a money cue may stand before the amount's own clause
# (收回被侵占、违规使用的集体资金共计6.83万元).
_OBJECT_CLAUSES = 3


def to_int(value: Any) -> int | None:
    """A figure's value as a non-negative whole number, or None (not a total).

    >>> to_int("26"), to_int("2.5"), to_int("未知")
    (26, None, None)
    """
    try:
        d = Decimal(value)
    except Exception:  # noqa: BLE001 - any unreadable value is simply not a total
        return None
    return int(d) if d == d.to_integral_value() and d >= 0 else None


def listed_object(text: str, regions: Regions, cs: int, left: str) -> str:
    """The clause before an amount read back across 、 (收回被侵占、违规使用的集体资金共计):
    an object listed with 、 keeps the verb of its first part.  Stops at a figure.

    >>> from zhenggai.facts.regions import Regions
    >>> t = "收回被侵占、违规使用的集体资金共计6.83万元"
    >>> listed_object(t, Regions(t, []), t.index("违"), "违规使用的集体资金共计")
    '收回被侵占违规使用的集体资金共计'
    """
    parts = [left]
    for _ in range(_OBJECT_CLAUSES):
        if cs < 2 or text[cs - 1] != "、":
            break
        ps = regions.clause(cs - 2)[0]
        part = text[ps : cs - 1]
        if any(ch.isdigit() for ch in part):
            break  # 追回资金5万元、规范资金3万元: another amount's clause
        parts.append(part)
        cs = ps
    return "".join(reversed(parts))


def parallel_sum(text: str, figures: Sequence[Found], i: int, keys: dict[int, str | None]) -> int:
    """The sum of the figures listed with 、 right before ``figures[i]`` (same measure word, no
    noun, no key of their own): 立行立改的1786个、分阶段整改的817个问题 → 1786 (817 added by the caller).

    >>> from zhenggai.mentions.base import Found
    >>> t = "立行立改的1786个、分阶段整改的817个问题"
    >>> fs = [Found("count", 5, 10, "1786个", {"value": 1786, "unit": "个", "noun": None}),
    ...       Found("count", 17, 21, "817个", {"value": 817, "unit": "个", "noun": "问题"})]
    >>> parallel_sum(t, fs, 1, {5: None, 17: "issues"})
    1786
    """
    total = 0
    unit = figures[i].values.get("unit")
    j = i - 1
    while j >= 0:
        g = figures[j]
        if (
            g.kind != "count"
            or g.values.get("unit") != unit
            or g.values.get("noun") is not None
            or keys.get(g.start, "") is not None  # unread (other context) or a key of its own
            or not _PARALLEL_GAP.match(text[g.end : figures[j + 1].start])
        ):
            break
        value = to_int(g.values.get("value"))
        if value is None:
            break
        total += value
        j -= 1
    return total


# Measure words of people: a cue over a list (问责党组织7个、党员领导干部22人) counts them.
PEOPLE_UNITS = frozenset({"人", "名", "人次", "位"})


def list_head(text: str, regions: Regions, cs: int, figures: Sequence[Found], i: int) -> str | None:
    """The words before the previous 、-item's figure, when ``figures[i]`` (a count of people)
    is the next item of a list that one cue governs: 问责党组织7个、党员领导干部22人 → 问责党组织.

    Only across one 、, and only when that item counts something else (个, 家): two figures in
    people would each carry their own cue (批评教育6人、诫勉谈话2人).

    >>> from zhenggai.facts.regions import Regions
    >>> t = "问责党组织7个、党员领导干部22人"
    >>> f = [Found("count", 5, 7, "7个", {"unit": "个"}), Found("count", 14, 17, "22人", {"unit": "人"})]
    >>> list_head(t, Regions(t, []), 8, f, 1)
    '问责党组织'
    """
    if cs < 2 or text[cs - 1] != "、" or i == 0 or figures[i].values.get("unit") not in PEOPLE_UNITS:
        return None
    prev = figures[i - 1]
    if prev.kind != "count" or prev.end != cs - 1 or prev.values.get("unit") in PEOPLE_UNITS:
        return None  # the previous item must end right at the 、 and count something else
    pcs = regions.clause(prev.start)[0]
    return text[pcs : prev.start]
