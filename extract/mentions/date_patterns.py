"""Regular expressions and word tables for :mod:`zhenggai.mentions.dates`.

A few patterns (:data:`ATOM_PATTERNS`, merged by :func:`find_atoms`) find the
date "atoms" of a notice: 2022年7月15日, 2022-2027年度, 10月初, 今年上半年,
2023-06-02 16:43:23; :data:`DAY_TAIL_RE` reads a bare "至11日" after a date.
:mod:`zhenggai.mentions.dates` joins atoms into ranges and resolves years.
:data:`UNPARSED_RE` finds dates whose 年/月 characters were lost in scraping
("2021915日").  The word lists (relative years, relations,
parts of a year or month) live in ``models/date_*.tsv``.

>>> [m.group(0) for m in find_atoms("于二〇二二年十月开展")]
['二〇二二年十月']
>>> [m.group(0) for m in find_atoms("发布时间:2023-06-02 16:43:23")]
['2023-06-02 16:43:23']
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

import regex

from zhenggai import limits
from zhenggai.models import load_table
from zhenggai.numerals import CN_NUMERAL_CHARS

# Years a notice can plausibly mention (the PRC era up to a far-off plan horizon).
MIN_YEAR, MAX_YEAR = 1949, 2100

# ---------------------------------------------------------------- word tables


@dataclass(frozen=True, slots=True)
class RelativeYear:
    word: str
    offset: int
    base: str  # "published" | "previous"
    standalone: bool
    not_after: str


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a year (年底: months/days) or of a month (上旬: days); 0 = last day."""

    scope: str  # "year" | "month"
    word: str
    start: tuple[int, int]  # (month, day) for a year part; (0, day) for a month part
    end: tuple[int, int]
    granularity: str
    blocked_by: str


def _cols(row: tuple[str, ...], n: int) -> list[str]:
    return list(row) + [""] * (n - len(row))


def _md(value: str, scope: str) -> tuple[int, int]:
    # "02-L" → (2, 0); "L" → (0, 0); "21" → (0, 21).  0 marks the last day.
    if scope == "year":
        month, day = value.split("-")
        return int(month), 0 if day == "L" else int(day)
    return 0, 0 if value == "L" else int(value)


RELATIVE_YEARS: dict[str, RelativeYear] = {}
for _row in load_table("date_relative_years.tsv"):
    _w, _off, _base, _alone, _not = _cols(_row, 5)
    RELATIVE_YEARS[_w] = RelativeYear(_w, int(_off), _base, _alone == "yes", _not)

YEAR_PARTS: dict[str, Part] = {}
MONTH_PARTS: dict[str, Part] = {}
for _row in load_table("date_parts.tsv"):
    _scope, _w, _s, _e, _gran, _blk = _cols(_row, 6)
    _part = Part(_scope, _w, _md(_s, _scope), _md(_e, _scope), _gran, _blk)
    (YEAR_PARTS if _scope == "year" else MONTH_PARTS)[_w] = _part

# (word, relation, blocked_by) per side, in file order (longer words first).
RELATIONS_BEFORE: list[tuple[str, str, str]] = []
RELATIONS_AFTER: list[tuple[str, str, str]] = []
for _row in load_table("date_relations.tsv"):
    _w, _rel, _side, _blk = _cols(_row, 4)
    (RELATIONS_BEFORE if _side == "before" else RELATIONS_AFTER).append((_w, _rel, _blk))


def _words_alternation(words: list[tuple[str, str]], lookbehind: bool = False) -> str:
    """``word(?![blocked])`` alternatives, longest first (or ``(?<![…])word``)."""
    parts = []
    for word, chars in sorted(words, key=lambda wc: -len(wc[0])):
        guard = f"[{regex.escape(chars)}]" if chars else None
        if guard and lookbehind:
            parts.append(f"(?<!{guard}){regex.escape(word)}")
        elif guard:
            parts.append(f"{regex.escape(word)}(?!{guard})")
        else:
            parts.append(regex.escape(word))
    return "(?:" + "|".join(parts) + ")"


# ----------------------------------------------------------- pattern pieces

# Chinese digits written one by one in years (二〇二二, 二○二三, 二O二四 in scraped text).
YEAR_CN_CHARS = "〇○零OＯ0一二三四五六七八九"
_YEAR = rf"(?:\d{{4}}(?!\d)|[{YEAR_CN_CHARS}]{{4}})"
_MONTH = r"(?:\d{1,2}(?!\d)|十[一二]?|[一二三四五六七八九元])"
_DAY = r"(?:\d{1,2}(?!\d)|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
# Range separators; dashes of every width that scraped pages use.
SEP = r"(?:[ \t]{0,2}(?:至|到|—{1,2}|–|－|-|～|~|〜)[ \t]{0,2})"
_TIME = r"(?:[T ]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d))"
_QUARTER_DIGIT = r"[一二三四1-4]"

REL_STANDALONE = _words_alternation(
    [(r.word, r.not_after) for r in RELATIVE_YEARS.values() if r.standalone], lookbehind=True
)
REL_BOUND = _words_alternation(
    [(r.word, r.not_after) for r in RELATIVE_YEARS.values() if not r.standalone], lookbehind=True
)
YEAR_PART = _words_alternation([(p.word, p.blocked_by) for p in YEAR_PARTS.values()])
MONTH_PART = _words_alternation([(p.word, p.blocked_by) for p in MONTH_PARTS.values()])
HALF_YEAR = _words_alternation([(w, YEAR_PARTS[w].blocked_by) for w in YEAR_PARTS if w.endswith("半年")])

# Units after "2023.5" that make it a number, not a year-month (2023.5万元, 2023.5%).
_NUMBER_UNIT = r"[%‰万亿千百十元倍个件项人次名家户条台套吨亩米平公斤克分秒]"

# What a month, a day and a quarter may be followed by inside an atom; shared by
# the year-led and month-led forms.
_MONTH_BODY = rf"""
    (?P<m>{_MONTH})                               # 7 | 07 | 十 | 元 (元月)
    (?:{SEP}(?P<m2>{_MONTH}))?                    # compact month range 1-6月, 7至9月
    月(?P<fen>份)?                                # 月 / 月份
    (?:
      (?P<d>{_DAY})                               # 15 | 十五
      (?:{SEP}(?P<d2>{_DAY}))?                    # compact day range 15-20日
      [日号]                                      # 日 / 号 (spoken form, 7月15号)
      (?P<time>{_TIME})?                          # a clock time after the day belongs to it
    |
      (?P<mp>{MONTH_PART})                        # 月初/上旬/中旬/下旬/月底/月末
    )?
"""
_QUARTER_BODY = rf"""
    (?:
      第?(?P<q>{_QUARTER_DIGIT})                  # 一季度 | 第三季度 | 3季度
      (?:{SEP}第?(?P<q2>{_QUARTER_DIGIT}))?       # 一至三季度
      季度                                        # (一个季度 is a duration: no 个 here)
    |
      前(?P<qn>[二三两23])(?:个)?季度             # 前三季度 = Q1..Q3
    )
    (?![一每])                                    # 一季度一调度 is a frequency, not a date
"""

# The atom patterns are kept apart, each with a literal it must contain (年, 月,
# 季度, 半年 …): the regex engine then jumps between those literals instead of
# trying every branch at every character, which keeps number-dense audit
# tables fast.  :func:`find_atoms` merges their matches leftmost-longest.
_YEAR_TAIL = rf"""
    (?:
      (?P<du>度)                                  # 2023年度 = the whole year
    |
      {_MONTH_BODY}
    |
      {_QUARTER_BODY}
    |
      年?(?P<yp>{YEAR_PART})                      # 年初/年中/年底/年末/上半年/下半年 (2023年年底)
    )?
"""

ISO_RE = limits.compile(
    rf"""
    (?<![\d./A-Za-z])                            # not inside a longer number, version or path
    (?P<iy>\d{{4}})(?P<isep>[-/.])               # year and the separator used throughout
    (?P<im>\d{{1,2}})
    (?:
      (?P=isep)(?P<id>\d{{1,2}})(?!\d|\.\d)   # day (the same separator again)
      (?P<time>{_TIME})?                          # 2023-06-02 16:43:23: the timestamp is that day
    |
      (?!\d|\.\d|[ ]?{_NUMBER_UNIT})           # year-month only: 2023.5万元 / 2023.5% are numbers
    )
    """,
    regex.VERBOSE,
)

YEAR_LED_RE = limits.compile(
    rf"""
    (?<![\d.])(?<!\d,)(?<![{CN_NUMERAL_CHARS}〇○OＯ])  # not the tail of a longer number
    (?P<y>{_YEAR})                                # 2022 | 二〇二二
    (?:{SEP}(?P<y2>{_YEAR}))?                     # compact year range 2022-2027年
    年(?!来)                                      # 5年来/2000年来 are durations
    {_YEAR_TAIL}
    """,
    regex.VERBOSE,
)

RELATIVE_LED_RE = limits.compile(
    rf"""
    (?:
      (?P<rel>{REL_STANDALONE})                   # 今年, 去年, 次年 … (models/date_relative_years.tsv)
    |
      (?P<rel>{REL_BOUND})                        # 同年/当年: only with a month or part after
      (?=\d|[十一二三四五六七八九元]|{YEAR_PART}|第|前[二三两23]季)
    )
    {_YEAR_TAIL}
    """,
    regex.VERBOSE,
)

MONTH_LED_RE = limits.compile(
    rf"""
    (?<![\d.第近满约超])(?<![{CN_NUMERAL_CHARS}])  # not 13月 read as 3月, not 第3月/近3月
    {_MONTH_BODY}                                 # 10月9日, 10月初, 7月, 7-9月
    """,
    regex.VERBOSE,
)

QUARTER_RE = limits.compile(
    rf"""
    (?<![\d{CN_NUMERAL_CHARS}第])                # not the tail of a longer numeral
    {_QUARTER_BODY}                               # 一季度, 第三季度, 前三季度 (year from context)
    """,
    regex.VERBOSE,
)

# A bare 年底/年末 deadline (确保年底前整改到位) is this year's end, as 今年底 would be.  Without
# 前 it is left alone: 较年初下降 is a comparison base, 年底进行考核 a recurring step, 年初预算 a term.
BARE_YEAR_END = _words_alternation([(w, YEAR_PARTS[w].blocked_by) for w in ("底", "末")])

HALF_YEAR_RE = limits.compile(
    rf"""
    (?P<yp>{HALF_YEAR})                           # 上半年/下半年 (year from context)
    |
    (?<![\d{CN_NUMERAL_CHARS}〇○年今去明本当同次该上前每历学财])  # not 2023年底, 今年底, 每年年底, 财年末
    (?P<bare>年)(?P<yp>{BARE_YEAR_END})(?=之?前)   # a bare 年底/年末 deadline: 年底前, 年末之前
    """,
    regex.VERBOSE,
)

ATOM_PATTERNS = (ISO_RE, YEAR_LED_RE, RELATIVE_LED_RE, MONTH_LED_RE, QUARTER_RE, HALF_YEAR_RE)

# A bare day after a full date: the tail of a range (10月9日至11日).
DAY_TAIL_RE = limits.compile(
    rf"""
    {SEP}                                         # 至 / 到 / — / -
    (?P<d>{_DAY})(?:{SEP}(?P<d2>{_DAY}))?[日号]   # 11日 / 十一日
    """,
    regex.VERBOSE,
)


def find_atoms(text: str) -> list:
    """Matches of all atom patterns, leftmost-longest, non-overlapping.

    >>> [m.group(0) for m in find_atoms("2022年7月15日至9月23日,今年上半年")]
    ['2022年7月15日', '9月23日', '今年上半年']
    """
    matches = [m for pattern in ATOM_PATTERNS for m in pattern.finditer(text)]
    matches.sort(key=lambda m: (m.start(), -m.end()))
    kept = []
    end = 0
    for m in matches:
        if m.start() >= end:
            kept.append(m)
            end = m.end()
    return kept


# Text between two atoms that makes them one range, and 至今 (open range → since).
SEP_FULL_RE = limits.compile(rf"{SEP}", regex.VERBOSE)

# The tail of a numeric range "2023.6.1-6.30": month and day with the head's separator.
ISO_TAIL_RE = limits.compile(
    r"""
    (?P<im>\d{1,2})(?P<isep>[-/.])(?P<id>\d{1,2})  # 6.30 / 06-30 / 6/30
    (?!\d|\.\d)                                    # not a longer number
    """,
    regex.VERBOSE,
)

UNPARSED_RE = limits.compile(
    rf"""
    (?<![\d.])
    (?:
      (?P<run>(?:19|20)\d{{3,6}})(?P<unit>[月日])  # 20229月, 2021915日: 年 (and 月) lost in scraping
      (?:{SEP}(?P<tail>\d{{2,4}})日)?             # 2024717日至830日: the range tail lost them too
    |
      (?P<y>\d{{4}})年(?P<md>\d{{3,4}})日         # 2022年915日: 月 lost
    )
    """,
    regex.VERBOSE,
)

# A year inside a document number bracket: 〔2023〕12号, [2022]3号, (2023年)5号.
DOCNUMBER_AFTER_RE = limits.compile(
    r"""
    [ ]?[〕\]］)）】]                               # the closing bracket
    [ ]?(?:第)?\d+号                                # then the serial number and 号
    """,
    regex.VERBOSE,
)
DOCNUMBER_OPENERS = "〔[［(（【"


def _relation_re(words: list[tuple[str, str, str]], anchor_end: bool) -> limits.Pattern:
    alternatives = []
    for word, relation, blocked in words:
        guard = f"(?![{regex.escape(blocked)}])" if blocked else ""
        alternatives.append(f"(?P<{relation}>{regex.escape(word)}){guard}")
    body = "|".join(alternatives)
    if anchor_end:
        return limits.compile(rf"(?:{body})[ \t]{{0,2}}(?:于|在)?$")  # 截至 2023年 / 截至于…
    return limits.compile(rf"[ \t]{{0,2}}(?:{body})")


# 截至2023年5月底 (searched in the few characters before a date, anchored at its start)
RELATION_BEFORE_RE = _relation_re(RELATIONS_BEFORE, anchor_end=True)
# 2022年12月以来 / 2022年1月前 (matched right after a date)
RELATION_AFTER_RE = _relation_re(RELATIONS_AFTER, anchor_end=False)

# Frequencies are not dates: 每年10月, 每季度, 每年上半年.
FREQUENCY_BEFORE_RE = limits.compile(r"每(?:年|个?季度|个?月)?[ \t]{0,2}$")

# ------------------------------------------------------------ value helpers

_CN_VALUES = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "元": 1}


def small_number(text: str) -> int:
    """Month, day or quarter as written: "07" → 7, "十二" → 12, "廿三" → 23, "元" (元月) → 1."""
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_VALUES[tens] if tens else 1) * 10 + (_CN_VALUES[ones] if ones else 0)
    return _CN_VALUES[text]


def year_number(text: str) -> int:
    """A four-character year: "2022" → 2022, "二〇二二" → 2022."""
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_VALUES[ch]) for ch in text))


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
