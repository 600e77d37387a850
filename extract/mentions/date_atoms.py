"""Date atoms: one date expression as written, before its year is resolved.

:func:`atom` turns a match of one of :data:`~zhenggai.mentions.date_patterns.ATOM_PATTERNS`
into an :class:`Atom` (written year, relative year or month word, month, day, quarter,
part of a year or month); :mod:`zhenggai.mentions.dates` joins atoms into ranges and
resolves their years.

>>> from zhenggai.mentions.date_patterns import find_atoms
>>> a = atom(find_atoms("九七年一季度")[0])
>>> a.short_year, a.quarter, a.granularity
('九七', (1, 1), 'season')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from zhenggai.mentions.date_patterns import (
    MONTH_PARTS,
    RELATIVE_YEARS,
    YEAR_PARTS,
    Part,
    RelativeYear,
    last_day,
    small_number,
    year_number,
)
from zhenggai.mentions.date_relative import BARE_YEAR
from zhenggai.numerals import read_int


@dataclass(slots=True)
class Atom:
    """One date expression as written, before its year is resolved."""

    start: int
    end: int
    year: int | None = None  # written year (2022, 二〇二二, ISO)
    year2: int | None = None  # end of a compact year range (2022-2027年)
    rel: RelativeYear | None = None
    month: int | None = None
    month2: int | None = None
    day: int | None = None
    day2: int | None = None
    quarter: tuple[int, int] | None = None
    part: Part | None = None
    iso_sep: str | None = None
    chinese_month_only: bool = False  # 十月 alone: too often 一月一报-style wording
    short_year: str | None = None  # 18 (18年10月1日) / 九七: the century comes from the reference date
    span_years: int = 0  # 今明两年: the range runs this many years past the start year
    grain: str | None = None  # granularity fixed by the form (a decade is "other")
    same_period: bool = False  # 去年同期: the span before it, one year back
    rel_month: str | None = None  # 本月, 上月, 当月, 次月, 首月 (models/date_relative_months.tsv)
    bare_day: bool = False  # 29日 alone: month and year from the date before it or the reference
    implied: bool = False  # year (and month) filled in from context, not written

    @property
    def granularity(self) -> str:
        if self.grain is not None:
            return self.grain
        if self.day is not None:
            return "day"
        if self.part is not None:
            return self.part.granularity
        if self.month is not None:
            return "month"
        if self.quarter is not None:
            return "season"
        return "year"

    @property
    def has_year(self) -> bool:
        return self.year is not None or self.rel is not None or self.short_year is not None

    @property
    def last_written_year(self) -> int | None:
        return self.year2 if self.year2 is not None else self.year

    def bounds(self, year: int, month: int | None = None) -> tuple[dt.date, dt.date]:
        """First and last day covered, in ``year`` (raises ValueError for impossible dates)."""
        end_year = self.year2 if self.year2 is not None else year + self.span_years
        if self.quarter is not None:
            q1, q2 = self.quarter
            return dt.date(year, 3 * q1 - 2, 1), dt.date(end_year, 3 * q2, last_day(end_year, 3 * q2))
        m1 = self.month if self.month is not None else month
        if m1 is None:
            if self.part is not None:  # 年底, 上半年
                (sm, sd), (em, ed) = self.part.start, self.part.end
                return dt.date(year, sm, sd or 1), dt.date(end_year, em, ed or last_day(end_year, em))
            return dt.date(year, 1, 1), dt.date(end_year, 12, 31)
        m2 = self.month2 if self.month2 is not None else m1
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
            raise ValueError("month out of range")
        if self.day is not None:
            d2 = self.day2 if self.day2 is not None else self.day
            return dt.date(year, m1, self.day), dt.date(year, m2, d2)
        if self.part is not None:  # 10月初, 5月底
            sd, ed = self.part.start[1], self.part.end[1]
            return dt.date(year, m1, sd), dt.date(year, m2, ed or last_day(year, m2))
        return dt.date(year, m1, 1), dt.date(year, m2, last_day(year, m2))



_NAMES: dict = {}  # compiled pattern → group names by index (m.groupdict() is slower in `regex`)
_FIELDS = Atom.__slots__[2:]  # every field after start and end, in order
assert Atom.__slots__[:2] == ("start", "end")


def atom(m) -> Atom:
    """The :class:`Atom` of one match of an atom pattern."""
    from_year, fields = _written(m.re, m.groups())
    return Atom(m.start("y") if from_year else m.start(), m.end(), *fields)  # 从2016到2018: starts at 2016


@lru_cache(maxsize=4096)
def _written(pattern, groups: tuple) -> tuple[bool, tuple]:
    """(whether the atom starts at the group "y", the values of its fields after start and end).

    A pure function of the pattern and its groups' text (many notices write the same
    2023年, 10月, 今年): cached.  The values are copied into each new Atom.
    """
    names = _NAMES.get(pattern)
    if names is None:
        names = _NAMES[pattern] = [None] * (pattern.groups + 1)
        for name, i in pattern.groupindex.items():
            names[i] = name
    g = {names[i]: v for i, v in enumerate(groups, 1) if v is not None}
    a = _read(g)
    return bool(g.get("yfrom")), tuple(getattr(a, f) for f in _FIELDS)


def _read(g: dict) -> Atom:
    # m.groups() and the pattern's index are much faster than m.groupdict() in `regex`
    a = Atom(0, 0)  # start and end: the match's (see atom)
    if g.get("iy"):
        a.year, a.month, a.iso_sep = read_int(g.get("iy")), read_int(g.get("im")), g.get("isep")
        if g.get("id"):
            a.day = read_int(g.get("id"))
        return a
    if g.get("cy"):  # 20240307
        a.year, a.month, a.day, a.grain = read_int(g["cy"]), read_int(g["cm"]), read_int(g["cd"]), "day"
        return a
    if g.get("dec4") or g.get("dec"):  # 1990年代 / 90年代 / 八十年代
        first = read_int(g["dec4"]) if g.get("dec4") else 1900 + small_number(g["dec"])
        a.year, a.year2, a.grain = first, first + 9, "other"
        return a
    if g.get("rm"):  # 本月, 上月9日, 当月底
        a.rel_month = g["rm"]
    elif g.get("sy"):
        a.short_year = g["sy"]
    elif g.get("y"):
        a.year = year_number(g.get("y"))
        if g.get("y2"):
            a.year2 = year_number(g.get("y2"))
    elif g.get("rel") == "今明":
        a.rel, a.span_years = RELATIVE_YEARS["今年"], 1
    elif g.get("rel") in ("上年", "上一年") and g.get("same"):
        a.rel = RELATIVE_YEARS["上一年"]
    elif g.get("rel"):
        a.rel = RELATIVE_YEARS[g.get("rel")]
    a.same_period = bool(g.get("same"))
    if g.get("m"):
        a.month = small_number(g.get("m"))
        if g.get("m2"):
            a.month2 = small_number(g.get("m2"))
        # 十月 alone is too often 一月一报-style wording; 十月份 and a range (一至五月) are dates
        a.chinese_month_only = not g.get("m").isdigit() and not g.get("fen") and not g.get("m2")
    if g.get("d"):
        a.day = small_number(g.get("d"))
        if g.get("d2"):
            a.day2 = small_number(g.get("d2"))
        a.chinese_month_only = False
    if g.get("mp"):
        a.part = MONTH_PARTS[g.get("mp")]
        a.chinese_month_only = False
    elif g.get("yp"):
        a.part = YEAR_PARTS[g.get("yp")]
        if g.get("bare"):
            a.rel = BARE_YEAR  # 年底前 alone: the year in context's end, else this year's
    elif g.get("inner"):
        a.rel = RELATIVE_YEARS["今年"]  # 年内 = the reference year
    if g.get("bmn"):  # 前10个月， at a clause start: the year in context, else the reference year
        a.rel, a.month, a.month2 = RELATIVE_YEARS["当年"], 1, small_number(g["bmn"])
    if g.get("mn"):  # 今年前五个月
        a.month, a.month2 = 1, small_number(g["mn"])
    elif g.get("ml"):  # 后三个月
        a.month, a.month2 = 13 - small_number(g["ml"]), 12
    elif g.get("mf"):  # 首月
        a.month = 1
    if g.get("bmp"):  # 月底 alone: the month in context
        a.rel_month, a.part = "当月", MONTH_PARTS[g["bmp"]]
    if g.get("bd"):  # 29日 alone: the month in context
        a.bare_day, a.day = True, small_number(g["bd"])
    if g.get("qf"):
        a.quarter = (1, 1)
    elif g.get("qn"):
        a.quarter = (1, small_number(g.get("qn")))
    elif g.get("q"):
        q = small_number(g.get("q"))
        a.quarter = (q, small_number(g.get("q2")) if g.get("q2") else q)
    if g.get("qe") and a.quarter is not None:  # 一季度末 / 前三季度末 = the last month's 月末
        a.month, a.part, a.quarter = 3 * a.quarter[1], MONTH_PARTS[g["qe"]], None
    return a
