"""Dates that count from the reference date or from the date before them.

The reference date is the notice's publication date, else its signature date, else the
date in its URL (:func:`zhenggai.assemble.reference_date`).  Split out of
:mod:`zhenggai.mentions.dates` (which finds the atoms and joins ranges); these helpers
only read and fill the atoms it builds.

    18年10月1日 (published 2023)       → 2018-10-01   (:func:`full_year`)
    本月9日 / 上月 / 当月 / 次月 / 29日   → the month they name     (:func:`fill_month`)
    1月至今                             → Jan 1 .. the reference day (:func:`until_now`)
    今年1至9月……较去年同期              → Jan..Sep of last year  (:func:`same_period`)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from zhenggai.mentions.base import Found
from zhenggai.mentions.date_patterns import MIN_YEAR, RELATIVE_MONTHS, RelativeYear, year_number

if TYPE_CHECKING:  # the atom class lives with the driver; only its attributes are read here
    from zhenggai.mentions.date_atoms import Atom as _Atom

# A bare 年底/年初 (年底前完成): the reference year, else the year in context.
BARE_YEAR = RelativeYear("年", 0, "reference", False, "")
NO_REFERENCE = "relative date with no reference date (no publication, signature or URL date)"
# How far back a 同期 looks for the span it copies (its own sentence, bounded).
SAME_PERIOD_REACH = 200


def full_year(short: str, published: dt.date | None) -> int:
    """A two-digit year as a full year: 20yy when that is not after the reference year + 1, else 19yy.

    Without a reference date the horizon is 2030.

    >>> full_year("18", dt.date(2023, 6, 2)), full_year("98", None), full_year("九七", None)
    (2018, 1998, 1997)
    """
    yy = year_number(short) if not short.isdigit() else int(short)
    horizon = published.year + 1 if published is not None else 2030
    return 2000 + yy if 2000 + yy <= horizon else 1900 + yy


def fill_month(a: _Atom, last_year: int | None, last_month: tuple[int, int] | None,
                published: dt.date | None) -> bool:
    """Give a month word (本月, 当月, 次月 …) or a bare day (29日) its year and month; False: no base."""
    rel = RELATIVE_MONTHS.get(a.rel_month) if a.rel_month else None
    if rel is not None and rel.base == "reference":
        base = (published.year, published.month) if published is not None else None
    elif rel is not None and rel.base == "first":
        year = last_year if last_year is not None else (published.year if published else None)
        base = (year, 1 - rel.offset) if year is not None else None
    else:  # 当月, 次月, 月底 alone, 29日: the month in context, else the reference month
        base = last_month or ((published.year, published.month) if published is not None else None)
    if base is None:
        return False
    index = base[0] * 12 + base[1] - 1 + (rel.offset if rel is not None else 0)
    a.year, a.month, a.implied = index // 12, index % 12 + 1, True
    return True


def until_now(text: str, result: Found, published: dt.date | None) -> Found:
    # 1月至今 / 2022年以来至今: from the start of the date to the reference day
    if published is None or not text.startswith("至今", result.end) or text.startswith("至今年", result.end):
        return result
    start = result.values["date_start"]
    if published < start:
        return result
    end = result.end + 2
    values = dict(result.values, date_end=published, granularity="other", relation="since")
    return Found("date", result.start, end, text[result.start:end], values)


def same_period(text: str, result: Found, found: list[Found], published: dt.date | None) -> Found | None:
    """去年同期: the nearest date span before it in its sentence, moved one year back."""
    lo = max(0, result.start - SAME_PERIOD_REACH)
    cut = max(lo - 1, *(text.rfind(ch, lo, result.start) for ch in "。；;！？!?"), _hard_break(text, lo, result.start))
    before = []
    for f in reversed(found):  # found is in text order: walk back only through this sentence
        if f.start <= cut:
            break
        if f.kind == "date" and f.end <= result.start and not f.text.endswith("同期"):  # not another 同期
            before.append(f)
            break
    values = dict(result.values)
    if before:
        src = before[-1].values
        if src["date_start"].year <= MIN_YEAR:
            return None
        values.update(date_start=_year_back(src["date_start"]), date_end=_year_back(src["date_end"]),
                      granularity=src["granularity"], year_inferred=True)
    elif published is not None:  # from 1 January of that year to the reference day, a year back
        start = values["date_start"]
        values.update(date_end=_same_day_in(published, start.year), granularity="other", year_inferred=True)
    else:
        return Found("unparsed_date", result.start, result.end, result.text, {"reason": NO_REFERENCE})
    return Found("date", result.start, result.end, result.text, values)


def _hard_break(text: str, lo: int, hi: int) -> int:
    """The last line break in text[lo:hi] that ends a sentence, else -1.

    A line cut inside its sentence (a notice board's short lines: "1至4月，村集体经营性收入⏎
    12.4万元，⏎较去年同期增加…") does not: only a break after 。：; … or a blank line does.
    """
    i = text.rfind("\n", lo, hi)
    while i >= 0:
        before = text[lo:i].rstrip(" \t\u3000")
        if not before or before[-1] in "。；;！？!?:：\n" or text.startswith("\n", i + 1):
            return i
        i = text.rfind("\n", lo, i)
    return -1


def _year_back(day: dt.date) -> dt.date:
    return _same_day_in(day, day.year - 1)


def _same_day_in(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)
