"""Year scope of date mentions: which year a year-less date takes, and which years anchor later ones.

Split out of :mod:`zhenggai.mentions.dates` (the driver and range joining stay there);
these helpers only read the atoms it builds.

    2022年工作要点……10月9日至11日举办培训班   → 10月9日 takes 2022 (the nearest year before)
    对我局2022年度预算执行进行了审计,并于8月11日出具  → 2022年度 names the audited year: no anchor
    将于10月召开                                   → a plan: may lie after publication
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from zhenggai.mentions.base import Found
from zhenggai.mentions.date_patterns import MAX_YEAR, MIN_YEAR
from zhenggai.models import load_words

if TYPE_CHECKING:  # the atom class lives with the driver; only its attributes are read here
    from zhenggai.mentions.dates import _Atom

_FUTURE_WORDS = tuple(load_words("date_future_words.txt"))


def head_year(text: str, head: _Atom, last_year: int | None, published: dt.date | None,
               relation: str | None) -> tuple[int | None, bool]:
    """(year, inferred) of a date expression's first part.

    A written year is taken as is; 去年/次年 resolve against ``published`` / the year
    before; a year-less date leans on ``last_year`` (the nearest year before it),
    kept on or before ``published`` unless it is a plan.

    >>> from zhenggai.mentions.dates import find_dates
    >>> find_dates("2022年工作要点……10月9日开班")[1].values["date_start"].year
    2022
    """
    if head.year is not None:
        return head.year, False
    if head.rel is not None:
        rel = head.rel
        if rel.base == "previous" and last_year is not None:
            return last_year + rel.offset, True
        if published is not None:
            return published.year + rel.offset, True
        return None, True
    # No year written: the nearest year before, never after publication (unless a plan).
    if last_year is None and published is None:
        return None, True
    year = last_year if last_year is not None else published.year
    if relation == "until" and published is not None and last_year is not None and last_year < published.year:
        # 截至4月底 states the progress when the notice was written: the latest year
        # (not before the year in context) that keeps it on or before publication,
        # not a year the text only mentioned in passing (对2023年竣工的项目…截至4月底).
        for candidate in range(published.year, last_year, -1):
            try:
                if head.bounds(candidate)[0] <= published:
                    return candidate, True
            except ValueError:
                continue
    if published is not None and (last_year is None or not is_plan(text, head.start, relation)):
        for candidate in (year, published.year, published.year - 1):
            if candidate > year:
                continue
            try:
                if head.bounds(candidate)[0] <= published:
                    return candidate, True
            except ValueError:
                continue
        return None, True
    return year, True


def is_plan(text: str, start: int, relation: str | None) -> bool:
    """Whether the date at ``start`` is announced as a plan or deadline (将于10月 / 6月底前).

    >>> is_plan("将于10月召开", 2, None)
    True
    """
    # 6月底前完成 / 将于10月召开: a deadline or plan may lie after publication
    if relation == "before":
        return True
    before = text[max(0, start - 4):start]
    return any(w in before for w in _FUTURE_WORDS)


def names_scope(text: str, head: _Atom, tail: _Atom | None, result: Found | None) -> bool:
    """A bare year that names what is looked at, not when later things happen.

    对我局2022年度预算执行进行了审计,并于8月11日出具 — the audited 年度, the start
    of a 以来 span (对2021年以来实施的项目), a range of past years (2019年至2022年)
    and a comparison base (2022年全年, 2019年同期) do not anchor the year-less dates
    after them; those lean on the year before (or the publication date) instead.
    """
    if result is None or result.kind != "date" or result.values["granularity"] != "year":
        return False
    if text.startswith("同期", result.end) or text[result.start - 1 : result.start] in ("较", "比"):
        return True  # 较去年同期 / 比2022年: a comparison base, whether written or relative
    if head.rel is not None or (tail is not None and tail.rel is not None):
        return False  # 今年 / 去年: a resolved year of the events themselves
    end = result.end
    return (
        text[end - 1] == "度"
        or text.startswith(("度", "同期", "全年"), end)
        or result.values["relation"] == "since"
        or head.year2 is not None
        or (tail is not None and tail.year is not None)
    )


def context_year(head: _Atom, tail: _Atom | None, result: Found | None, last_year: int | None) -> int | None:
    """The year later year-less dates lean on: the last year written (or resolved from 去年 …).

    A bare whole year earlier than the year in context (反馈后…2023年村集体收入186万元…
    2月以来) looks back on a period's figures; the narrative stays in its own year.
    """
    if (
        last_year is not None
        and tail is None
        and head.year is not None
        and head.year2 is None
        and head.granularity == "year"
        and head.year < last_year
    ):
        return last_year
    for atom in (tail, head):
        if atom is not None and atom.year is not None:
            year = atom.last_written_year
            return year if MIN_YEAR <= year <= MAX_YEAR else last_year
    if result is not None and result.kind == "date" and (head.rel is not None or (tail and tail.rel)):
        return result.values["date_end"].year
    return last_year
