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
from zhenggai.numerals import CN_NUMERAL_CHARS, ascii_digits, read_int

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

@dataclass(frozen=True, slots=True)
class RelativeMonth:
    word: str
    base: str  # "reference" | "context" | "first"
    offset: int


RELATIVE_MONTHS: dict[str, RelativeMonth] = {}
_REL_MONTH_GUARDS: list[tuple[str, str]] = []
for _row in load_table("date_relative_months.tsv"):
    _w, _base, _off, _not = _cols(_row, 4)
    RELATIVE_MONTHS[_w] = RelativeMonth(_w, _base, int(_off))
    _REL_MONTH_GUARDS.append((_w, _not))

# Same-length folding before matching: full-width digits and separators → ASCII, the
# traditional characters of models/date_traditional.tsv → simplified.
FOLD: dict[str, str] = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)}  # ０-９
FOLD.update({"．": ".", "／": "/", "－": "-", "：": ":", "　": " "})
for _row in load_table("date_traditional.tsv"):
    FOLD[_row[0]] = _row[1]
_FOLD_TABLE = str.maketrans(FOLD)
# Any character fold changes: one class, no repetition (limits.plain: Python's re scans it in one pass).
_FOLD_ANY_RE = limits.plain("[" + "".join(regex.escape(ch) for ch in FOLD) + "]")


def fold(text: str) -> str:
    """``text`` with full-width digits and traditional date characters folded, one for one.

    Most (already normalised) texts hold none of them: one class scan tells, then the text
    comes back as it is.

    >>> fold("從２０１５到2017，今明兩年")
    '从2015到2017，今明两年'
    >>> s = "2015到2017"; fold(s) is s
    True
    """
    if _FOLD_ANY_RE.search(text) is None:
        return text
    return text.translate(_FOLD_TABLE)


def relation_at(text: str, start: int, end: int) -> str | None:
    """The relation word around the date at text[start:end]: since/until/before/after, or None."""
    # Each pattern is tried only when the characters next to the date can belong to a match
    # (most dates follow a character _may_relate_before refuses at its first step: no call).
    if start and text[start - 1] in _BEFORE_LAST and _may_relate_before(text, start):
        before = RELATION_BEFORE_RE.search(text, start - 6 if start > 6 else 0, start)
        if before is not None:
            return before.lastgroup
    if text[end : end + 1] in _AFTER_FIRST:
        return relation_after(text, end)
    return None


def relation_after(text: str, end: int) -> str | None:
    """The relation of RELATION_AFTER_RE's match at ``end`` (its ``lastgroup``), None when none.

    The pattern read directly: up to two blanks (taken greedily: no word opens with a blank,
    so giving one back never helps), then the first word in file order that stands there and
    is not followed by one of its blocked characters.

    >>> relation_after("2022年以来", 5), relation_after("6月 前期", 2), relation_after("6月前", 2)
    ('since', None, 'before')
    """
    j = end
    if text[j : j + 1] in _BLANKS:
        j += 1
        if text[j : j + 1] in _BLANKS:
            j += 1
    words = _AFTER_BY_FIRST.get(text[j : j + 1])
    if words is not None:
        for word, relation, blocked in words:
            if text.startswith(word, j):
                k = j + len(word)
                if k == len(text) or text[k] not in blocked:
                    return relation
    return None


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
SEP_FIRST = frozenset(" \t至到—–－-～~〜")  # the characters SEP can open with
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
      第(?P<q>{_QUARTER_DIGIT})                   # 第3季 (short form: only with 第,
      (?:{SEP}第?(?P<q2>{_QUARTER_DIGIT}))?       #  第1至3季; 四季 alone is the seasons)
      季(?!度|节)
    |
      (?P<qf>首)季度?                             # 首季度 / 首季 = Q1
    |
      前(?P<qn>[二三两23])(?:个)?季度             # 前三季度 = Q1..Q3
    )
    (?P<qe>末|底)?                                # 一季度末 = 3月末 (days 21..last of its last month)
    (?![一每])                                    # 一季度一调度 is a frequency, not a date
"""
# Months counted from a year's start or end (only after a year: 前三个月 alone is a duration).
_MONTH_COUNT = r"(?:1[01]|[2-9]|十[一]?|[二两三四五六七八九])"
_YEAR_MONTHS = rf"""
      前(?P<mn>{_MONTH_COUNT})个月                # 今年前五个月 = Jan..May
    |
      后(?P<ml>{_MONTH_COUNT})个月                # 后三个月 = Oct..Dec
    |
      (?P<mf>首)月                                # 首月 = January
"""

# The atom patterns are kept apart, each with a literal it must contain (年, 月,
# 季度, 半年 …): the regex engine then jumps between those literals instead of
# trying every branch at every character, which keeps number-dense audit
# tables fast.  :func:`find_atoms` merges their matches leftmost-longest.
_YEAR_TAIL_BODY = rf"""
    (?:
      (?P<du>度)                                  # 2023年度 = the whole year
    |
      {_MONTH_BODY}
    |
      {_QUARTER_BODY}
    |
      {_YEAR_MONTHS}
    |
      年?(?P<yp>{YEAR_PART})                      # 年初/年中/年底/年末/上半年/下半年 (2023年年底)
    )
"""
_YEAR_TAIL = rf"(?:{_YEAR_TAIL_BODY})?"

ISO_RE = limits.compile(
    rf"""
    (?<![\d./A-Za-z])                            # not inside a longer number, version or path
    (?:
      (?P<iy>\d{{4}})(?P<isep>[-/.])             # year and the separator used throughout
      (?P<im>\d{{1,2}})
      (?:
        (?:(?P=isep)|(?<=\.\d\d)-)              # day: the same separator again (or 1994.01-19)
        (?P<id>\d{{1,2}})(?!\d|\.\d)          # day
        (?P<time>{_TIME})?                        # 2023-06-02 16:43:23: the timestamp is that day
      |
        (?!\d|\.\d|[ ]?{_NUMBER_UNIT})         # year-month only: 2023.5万元 / 2023.5% are numbers
      )
    |
      # Compact day: 20240307 (eight digits standing as a date: 于20240307印发), in the same scan.
      # Phone numbers, serial numbers and amounts fail the guards or the calendar check.
      (?<![_\-=#])                               # not a code or a URL parameter
      (?P<cy>(?:19|20)\d{{2}})(?P<cm>0[1-9]|1[0-2])(?P<cd>0[1-9]|[12]\d|3[01])
      (?![\d.A-Za-z%％‰万亿千百十元年月日号个件项人次名家户条台套吨亩米])  # not 20240307元 / a longer run
    )
    """,
    regex.VERBOSE,
)

# 2022 11 23: a full date with spaces for separators (never a year-month: 2022 11 is two numbers).
ISO_SPACED_RE = limits.compile(
    rf"""
    (?<![\d./A-Za-z])
    (?P<iy>(?:19|20)\d{{2}})(?P<isep>[ ])        # year, one space
    (?P<im>0?[1-9]|1[0-2])[ ]                     # month, one space
    (?P<id>0?[1-9]|[12]\d|3[01])(?![\d.])       # day
    (?P<time>{_TIME})?
    (?![ ]?{_NUMBER_UNIT})                        # 2022 11 23元 is not a date
    """,
    regex.VERBOSE,
)

# 1月3至2月10: a day range whose first day lost its 日 (one mention, month and day at both ends).
DAYLESS_RANGE_RE = limits.compile(
    rf"""
    (?<![\d.])
    (?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})(?![\d日号])  # 1月3 (no 日)
    {SEP}
    (?P<m2>\d{{1,2}})月(?P<d2>\d{{1,2}})[日号]?(?!\d)  # 2月10 / 2月10日
    """,
    regex.VERBOSE,
)

# A year ending a range that starts with a numeric month: 2008.03-2009.
YEAR_TAIL_RE = limits.compile(
    rf"""
    {SEP}
    (?P<y>(?:19|20)\d{{2}})年?(?![\d.\-/万亿元%％])  # 2009 (not 2009.5万元, not the start of 2009-03)
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

# Years written with two digits (18年10月1日, 19年底, 98年4月) or two Chinese digits
# (九七年一季度): only with a month, quarter or part after them (工作18年 is a duration).
SHORT_YEAR_RE = limits.compile(
    rf"""
    (?<![\d.A-Za-z])(?<![{CN_NUMERAL_CHARS}〇○OＯ第近满约超逾])  # not the tail of a number, not 第18年
    (?P<sy>\d{{2}}|[{YEAR_CN_CHARS}]{{2}})      # 18 | 03 | 九七
    年(?!来|间|以来)
    (?:
      {_YEAR_TAIL_BODY}
    |
      (?<=[{YEAR_CN_CHARS}]年)                    # 九八年 alone: Chinese digits only (工作18年 is a
      (?![级纪代轻龄头月季初中底末上下前后内里间])  #  duration); not 二三年级, 三四年来 …
    )
    """,
    regex.VERBOSE,
)

# Decades: 上世纪90年代, 八十年代, 1990年代 (the 20th century unless four digits say otherwise).
DECADE_RE = limits.compile(
    rf"""
    (?:上世纪|上个世纪|二十世纪|20世纪)?          # 上世纪 (optional)
    (?<![\d{CN_NUMERAL_CHARS}])
    (?:
      (?P<dec4>(?:19|20)\d0)                     # 1990年代
    |
      (?P<dec>[1-9]0|[一二三四五六七八九]十)       # 90年代 | 八十年代
    )
    年代
    """,
    regex.VERBOSE,
)

# Years that share one 年 (or 年度): 2013、2014年度, 2021年和2022年, 2007年与2009年之间,
# 从2016到2018: one mention from the first year's start to the last year's end.
YEAR_LIST_RE = limits.compile(
    rf"""
    (?<![\d.])
    (?P<y>(?:19|20)\d{{2}})年?                    # 2013 | 2021年
    (?:
      (?:[、和与及]|以及)(?:19|20)\d{{2}}年?     # 、2014 | 和2022年 (middle years; a comma
                                                  #  between years separates clauses, not a list)
    ){{0,8}}?                                     # a handful: a long run must not make this quadratic
    (?:[、和与及]|以及)(?P<y2>(?:19|20)\d{{2}})年(?P<du>度)?  # the last year carries 年/年度
    (?P<between>之间)?                            # 2007年与2009年之间
    (?![\d{CN_NUMERAL_CHARS}月季初中底末上下前后首]|\s*\d)  # not 2022年6月 (a list of dates)
    """,
    regex.VERBOSE,
)

# 从2016到2018: a span of years with 从 (the span starts at the first year).
YEAR_SPAN_RE = limits.compile(
    r"""
    (?P<yfrom>[从自])                             # 从 / 自 (left out of the span: a literal first keeps
    (?P<y>(?:19|20)\d{2})年?                      #  the scan fast) and the first year, 2016
    (?:到|至)(?P<y2>(?:19|20)\d{2})年?            # 到2018
    (?![\d.万亿元%％月季])                       # not 2018.5万元, not 2018年3月
    """,
    regex.VERBOSE,
)

# Months counted from the reference date or from the date before (本月, 上月, 当月, 次月,
# 首月), optionally with a day or a part: 本月9日, 上月底.
REL_MONTH = _words_alternation(_REL_MONTH_GUARDS, lookbehind=True)
RELATIVE_MONTH_RE = limits.compile(
    rf"""
    (?<![每按逐个整半数几多一二三四五六七八九十两\d])  # 每月, 一个月, 按月 are no dates
    (?P<rm>{REL_MONTH})
    (?:
      (?P<d>{_DAY})[日号]                         # 本月9日
    |
      (?P<mp>{MONTH_PART})                        # 上月底, 当月末
    )?
    """,
    regex.VERBOSE,
)

# Months counted from the start of the year in context, opening a clause: 前10个月，…
BARE_MONTHS_RE = limits.compile(
    rf"""
    (?:^|(?<=[\s，,。；;：:、（(]))              # at the start of a clause (整改前三个月 is a duration)
    前(?P<bmn>{_MONTH_COUNT})个月                 # 前10个月 = January..October
    (?=[，,、])                                   # followed by the clause's comma
    """,
    regex.VERBOSE | regex.MULTILINE,
)

_BARE_PARTS = ("初", "中", "底", "末")  # the parts a bare 月 may take (BARE_MONTH_PART_RE)
# A part of a month standing alone (月底前完成, 月初召开): the month in context.
BARE_MONTH_PART_RE = limits.compile(
    rf"""
    (?<![\d{CN_NUMERAL_CHARS}元正腊个本当上下次首每整半数几多按逐年岁])  # not 10月底, 每月底, 一个月末
    月(?P<bmp>{_words_alternation([(w, MONTH_PARTS[w].blocked_by) for w in _BARE_PARTS])})
    """,
    regex.VERBOSE,
)

# A day standing alone (29日, 20日起, 21日上午): the month of the date before it, else the
# reference month.  Durations (20日内, 15日以内), routines (1日1报) and ordinals are not.
BARE_DAY_RE = limits.compile(
    r"""
    (?<![\d.０-９月年号第每近满约超逾共计达用历时期个余多均长需限/\-—~～])  # not 9月29日, 第3日, 共5日, 平均3日, 延长5日
    (?<![一二三四五六七八九十两几])                  # not 十日谈, 五日内 after a numeral
    (?P<bd>[12]\d|3[01]|0?[1-9])                   # 1..31
    日
    (?![内以之后前均来一二三四五六七八九十\d个次元份报期制常益新趋渐])  # 20日内, 5日1报, 日常, 日益, 日期
    """,
    regex.VERBOSE,
)

RELATIVE_LED_RE = limits.compile(
    rf"""
    (?:
      (?P<rel>去年|上年|上一年)(?P<same>同期)        # 去年同期 / 上年同期: the span before, a year back
    |
      (?P<rel>今明)(?P<two>两年)                   # 今明两年 = this year and the next
    |
      (?<![以比较与和同])(?P<rel>上一年)(?![预决])   # 上一年 as a date (上一年度), not 较上一年 / 上一年预算
    |
      (?<![以比较与和同])(?P<rel>上年)(?=度|全年)(?!度[预决结])  # 上年度 / 上年全年 standing as a date,
                                                  # not 较上年度 nor the accounts' 上年度预算/决算/结转/结余
    |
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

# A bare 年初/年中/年底/年末 (确保年底完成, 年底前整改到位, 年初召开) is the year in context's part
# (else the reference year's).  Not after a year, a numeral or 每 (2023年底, 每年年底, 一年中),
# nor a comparison base (较年初下降); the tsv's blocked_by keeps 年初步, 年中央, 年底线 out.
BARE_YEAR_PART = _words_alternation(  # not the accounts' 年初数/年末余额/年初预算 either
    [(w, YEAR_PARTS[w].blocked_by + "预余数") for w in ("初", "中", "底", "末")]
)

HALF_YEAR_RE = limits.compile(
    rf"""
    (?P<yp>{HALF_YEAR})                           # 上半年/下半年 (year from context)
    |
    (?<![\d{CN_NUMERAL_CHARS}〇○年今去明本当同次该上前每历学财较比与周成少老青中半个多几数整全近算])
    (?P<bare>年)
    (?:
      (?P<yp>{BARE_YEAR_PART})                    # 年底 / 年末 / 年初 / 年中
    |
      (?P<inner>内)(?![容部外涵])                 # 年内完成 = within the reference year
    )
    """,
    regex.VERBOSE,
)

ATOM_PATTERNS = (
    ISO_RE, ISO_SPACED_RE, DAYLESS_RANGE_RE, YEAR_LED_RE, RELATIVE_LED_RE, MONTH_LED_RE,
    QUARTER_RE, HALF_YEAR_RE, SHORT_YEAR_RE, DECADE_RE, YEAR_LIST_RE, YEAR_SPAN_RE,
    BARE_MONTHS_RE, RELATIVE_MONTH_RE, BARE_MONTH_PART_RE, BARE_DAY_RE,
)

# A bare day after a full date: the tail of a range (10月9日至11日).
DAY_TAIL_RE = limits.compile(
    rf"""
    {SEP}                                         # 至 / 到 / — / -
    (?P<d>{_DAY})(?:{SEP}(?P<d2>{_DAY}))?[日号]   # 11日 / 十一日
    """,
    regex.VERBOSE,
)


# Runs of four digits or more.  ISO_RE, ISO_SPACED_RE, YEAR_LIST_RE, YEAR_SPAN_RE and
# UNPARSED_RE can only match where such a run starts (their first four characters are
# digits, with no digit before them; YEAR_SPAN_RE one 从/自 earlier): :func:`digit_runs`
# finds the runs once and those patterns are tried at the run starts only.
DIGIT_RUN_RE = limits.compile(
    r"""
    \d\d\d\d+                                     # four digits or more (finditer takes whole runs;
                                                 #  spelt out, \d{4,} scans some 15 % slower)
    """,
    regex.VERBOSE,
)
# Run-start tries cost a call each: on a long number-dense text (a table of figures) one scan
# of the whole text is cheaper.  Past _FEW_RUNS runs, runs are used only when the text has at
# least _CHARS_PER_RUN characters per run (the same holds for the keys of matches_near).
_FEW_RUNS = 64
_CHARS_PER_RUN = 32


def digit_runs(text: str, screened: bool | None = None) -> list[tuple[int, int]] | None:
    r"""(start, end) of every run of four digits or more; None when the text is too number-dense
    for trying patterns run by run to pay (then each pattern scans the whole text).

    A run found by ``\d{4,}`` left to right is maximal: a digit before it would have
    started the match earlier.

    >>> digit_runs("于2023年5月,编号123,电话12345678")
    [(1, 5), (17, 25)]

    ``screened``: :func:`digit_screen` of ``text`` when the caller has it.
    """
    runs = _ascii_digit_runs(text, screened)
    if runs is None:
        runs = [m.span() for m in DIGIT_RUN_RE.finditer(text)]
    return runs if len(runs) <= _FEW_RUNS or len(runs) * _CHARS_PER_RUN <= len(text) else None


# The blocks of 256 characters (the high byte of a UTF-16 code unit) that hold a decimal digit
# beyond ASCII (Arabic-Indic, Devanagari … full-width) for either engine, and the surrogates (a
# character beyond U+FFFF): tests/test_dates_digit_view.py derives them from both engines' \d.
_OTHER_DIGIT_BLOCKS = bytes((
    0x06, 0x07, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C,
    0xA6, 0xA8, 0xA9, 0xAA, 0xAB, 0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xFF,
))
_NO_OTHER_DIGITS = bytes(b for b in range(256) if b not in _OTHER_DIGIT_BLOCKS)  # deleted: nothing may stay
_DIGIT_VIEW = bytes(0x30 if 0x30 <= b <= 0x39 else 0x2E for b in range(256))  # ASCII digit → "0", else "."
_VIEW_RUN = limits.Twin(limits.compile(rb"0000+"))  # four "0" or more in the view: a run of digits


def digit_screen(text: str) -> bool:
    """Whether every ``\\d`` of ``text`` is an ASCII digit and no character lies beyond U+FFFF
    (then ``limits.astral(text)`` is False): no code unit of ``_OTHER_DIGIT_BLOCKS``, told by
    one C pass over the high bytes of the text's UTF-16 code units.

    >>> digit_screen("于2023年5月"), digit_screen("٢٠٢٣年"), digit_screen("\U00011F51")
    (True, False, False)
    """
    return not text.encode("utf-16-be", "surrogatepass")[::2].translate(None, _NO_OTHER_DIGITS)


def _ascii_digit_runs(text: str, screened: bool | None = None) -> list[tuple[int, int]] | None:
    """``DIGIT_RUN_RE``'s runs read from a view of ``text`` with one byte per character (ASCII
    digits "0", the rest "."), made in C by encoding; None when a character of a block holding
    other digits, or beyond U+FFFF, could be a ``\\d`` the view does not show (then the pattern
    scans).  The regex module reads ``\\d`` at some 110 instructions a character; the three C
    passes (the screen, the view, the literal scan of the view) at a third of that.  ``screened``:
    :func:`digit_screen` of ``text`` when the caller has it."""
    if not (digit_screen(text) if screened is None else screened):
        return None
    view = text.encode("ascii", "replace").translate(_DIGIT_VIEW)  # one "?" per other character
    return [m.span() for m in _VIEW_RUN.finditer(view)]


def matches_at(pattern, text: str, starts) -> list:
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (ascending):
    the same matches, found by trying ``pattern.match`` at those positions only."""
    out = []
    pos = 0
    match = pattern.match
    for s in starts:
        if s >= pos:
            m = match(text, s)
            if m is not None:
                out.append(m)
                pos = m.end()
    return out


def _run_matches(text: str, runs: list[tuple[int, int]]) -> dict:
    # ISO_RE (a run of 4 + separator, or a compact 8), ISO_SPACED_RE (4 + space),
    # YEAR_LIST_RE (4, then 年 or a list word), YEAR_SPAN_RE (从/自 before a run of 4).
    # Each start is kept only when the characters around the run can open that pattern's match.
    if not runs:  # no run of four digits: none of the four can match (a short text)
        return dict.fromkeys(_RUN_PATTERNS, ())
    fours = [s for s, e in runs if e - s == 4]
    return {
        ISO_RE: matches_at(ISO_RE, text, [s for s, e in runs if (e - s == 4 and text[e : e + 1] in _ISO_SEPS)
                                          or (e - s == 8 and text.startswith(_CENTURIES, s))]),
        ISO_SPACED_RE: matches_at(ISO_SPACED_RE, text, [s for s in fours if text.startswith(" ", s + 4)]),
        YEAR_LIST_RE: matches_at(YEAR_LIST_RE, text, [s for s in fours if text.startswith(_CENTURIES, s)
                                                      and _opens_list(text, s + 4)]),
        YEAR_SPAN_RE: matches_at(YEAR_SPAN_RE, text, [s - 1 for s in fours if s and text[s - 1] in "从自"]),
    }


_RUN_PATTERNS = (ISO_RE, ISO_SPACED_RE, YEAR_LIST_RE, YEAR_SPAN_RE)  # _run_matches' patterns
_ISO_SEPS = frozenset("-/.")  # ISO_RE's isep, right after the four digits of its year
_CENTURIES = ("19", "20")  # how the compact day (20240307) and a listed year begin


def _opens_list(text: str, end: int) -> bool:
    # YEAR_LIST_RE after its first year: 年? then 、和与及 or 以及
    if text.startswith("年", end):
        end += 1
    return text[end : end + 1] in ("、", "和", "与", "及") or text.startswith("以及", end)


def matches_near(pattern, text: str, key: str, back: int, reach: int) -> list:
    """``pattern.finditer(text)`` for a pattern whose every match holds ``key`` at most ``back``
    characters after its start and reads at most ``reach`` characters from its start
    (lookaheads included): each occurrence of ``key`` gets one search in a short window.

    A match found starting at or before the key is the one the whole text gives (all it
    reads lies inside the window); no match there means none starts within ``back``
    characters before the key.  (A text dense with ``key`` is scanned whole instead.)
    """
    if key not in text:  # every match holds the key (a one-character test: fast)
        return []
    n = len(text)
    keys = text.count(key)
    if keys > _FEW_RUNS and keys * _CHARS_PER_RUN > n:  # keys everywhere: one scan is cheaper
        return list(pattern.finditer(text))
    out = []
    pos = 0
    find, search = text.find, pattern.search
    c = find(key, pos)
    while c >= 0:
        m = search(text, c - back if c - back > pos else pos, c + reach if c + reach < n else n)
        if m is None or m.start() > c:
            pos = c + 1
        else:
            out.append(m)
            pos = m.end()
        c = find(key, pos)
    return out


# QUARTER_RE: every match holds one 季, at most 10 characters after its start
# (第4 — 第4季度: 第, digit, a separator of 6, 第, digit), and reads at most 14 characters
# (… 季度末 and the one character its last lookahead reads): a margin on top.
_QUARTER_KEY, _QUARTER_BACK, _QUARTER_REACH = "季", 10, 16


def key_positions(text: str, key: str) -> list[int]:
    """Where ``key`` (one character) occurs in ``text``.

    >>> key_positions("2023年，今年", "年")
    [4, 7]
    """
    out = []
    find = text.find
    i = find(key)
    while i >= 0:
        out.append(i)
        i = find(key, i + 1)
    return out


@dataclass(frozen=True, slots=True)
class Prefixes:
    """Words that may stand right before a key character, grouped for :func:`starts_before`."""

    by_length: tuple[tuple[int, frozenset[str]], ...]  # (length, the words of that length)
    last: frozenset[str]  # the words' last characters: a quick no for most keys

    @classmethod
    def of(cls, words) -> Prefixes:
        words = set(words)
        assert "" not in words, "a match opening on the key itself needs its own test"
        lengths = sorted({len(w) for w in words})
        return cls(tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths),
                   frozenset(w[-1] for w in words))


def starts_before(text: str, positions: list[int], prefixes: Prefixes) -> list[int]:
    """Where a match opening with one of ``prefixes`` right before a key at ``positions`` starts.

    >>> starts_before("今年，上一年，去年", [1, 5, 8], Prefixes.of(["今", "上一", "去"]))
    [0, 3, 7]
    """
    out = set()
    last = prefixes.last
    for c in positions:
        if c and text[c - 1] in last:
            for n, words in prefixes.by_length:
                if n <= c and text[c - n : c] in words:
                    out.add(c - n)
    return sorted(out)


def _dense(positions: list[int], text: str) -> bool:
    # as digit_runs: past a few keys, a text with one every few characters is scanned whole
    return len(positions) > _FEW_RUNS and len(positions) * _CHARS_PER_RUN > len(text)


# Matches that hold a 年 or a 月 a fixed word before it (RELATIVE_LED_RE: 今年, 上一年, 今明两年,
# 去年同期; HALF_YEAR_RE: 上半年, or a bare 年 before 初/中/底/末/内; RELATIVE_MONTH_RE: 本月, 上个月)
# are tried where such a word stands before a 年 or 月 of the text.
_REL_YEAR_PREFIXES = Prefixes.of([w[:-1] for w in RELATIVE_YEARS] + ["去", "上", "上一", "今明两"])
_HALF_YEAR_PREFIXES = Prefixes.of([w[:-1] for w in YEAR_PARTS if w.endswith("半年")])
_BARE_YEAR_NEXT = frozenset("初中底末内")  # BARE_YEAR_PART's words and 内 (年内)
_REL_MONTH_PREFIXES = Prefixes.of([w[:-1] for w in RELATIVE_MONTHS])
assert all(w.endswith("年") for w in RELATIVE_YEARS) and all(w.endswith("月") for w in RELATIVE_MONTHS)
# SHORT_YEAR_RE opens two characters before its 年 (two digits or two of YEAR_CN_CHARS), never
# right after a digit or a numeral.  No digit lies among the CJK ideographs (U+4E00..U+9FFF).
_SHORT_YEAR_BLOCKED = frozenset(CN_NUMERAL_CHARS + "〇○OＯ第近满约超逾.") | frozenset("0123456789")


def _no_digit(ch: str) -> bool:
    # a CJK ideograph: no \d lies among them
    return "\u4e00" <= ch <= "\u9fff"


def _keyed_matches(text: str, runs: list[tuple[int, int]]) -> dict:
    years = key_positions(text, "年")
    months = key_positions(text, "月")
    if not years and not months:  # every match holds a 年 or a 月 (a short text: none)
        return dict.fromkeys(_KEYED_PATTERNS, ())
    if _dense(years, text) or _dense(months, text):
        return {}
    run_ends = {e for _, e in runs}  # a 年 right after four digits or more is no short year's
    half = starts_before(text, years, _HALF_YEAR_PREFIXES)
    bare = [c for c in years if text[c + 1 : c + 2] in _BARE_YEAR_NEXT]
    # (_no_year_digit inlined: "\u4e00" <= ch <= "\u9fff" and ch not in YEAR_CN_CHARS)
    short = [c - 2 for c in years if c >= 2 and c not in run_ends
             and (not "\u4e00" <= (ch := text[c - 1]) <= "\u9fff" or ch in YEAR_CN_CHARS)
             and (not "\u4e00" <= (ch := text[c - 2]) <= "\u9fff" or ch in YEAR_CN_CHARS)
             and text[c - 3 : c - 2] not in _SHORT_YEAR_BLOCKED]
    return {
        RELATIVE_LED_RE: matches_at(RELATIVE_LED_RE, text, starts_before(text, years, _REL_YEAR_PREFIXES)),
        HALF_YEAR_RE: matches_at(HALF_YEAR_RE, text, sorted(set(half + bare)) if bare else half),
        RELATIVE_MONTH_RE: matches_at(RELATIVE_MONTH_RE, text,
                                      starts_before(text, months, _REL_MONTH_PREFIXES)),
        SHORT_YEAR_RE: matches_at(SHORT_YEAR_RE, text, short),
        DAYLESS_RANGE_RE: matches_at(DAYLESS_RANGE_RE, text, _dayless_starts(text, months)),
    }


_KEYED_PATTERNS = (RELATIVE_LED_RE, HALF_YEAR_RE, RELATIVE_MONTH_RE, SHORT_YEAR_RE, DAYLESS_RANGE_RE)


def _dayless_starts(text: str, months: list[int]) -> list[int]:
    """Where DAYLESS_RANGE_RE (1月3至2月10) can open: one or two digits before a 月 followed by
    one or two digits and a separator."""
    starts = set()
    for c in months:
        if (text[c + 2 : c + 3] in SEP_FIRST or text[c + 3 : c + 4] in SEP_FIRST) and c \
                and not _no_digit(text[c - 1]) and text[c + 1 : c + 2] and not _no_digit(text[c + 1]):
            starts.update(range(max(0, c - 2), c))
    return sorted(starts)


# Patterns whose every match holds one of a few words: no scan of a text without them.  The
# words as one alternation each (limits.plain: no repetition), searched once per text.
_GATES = (
    (DECADE_RE, limits.plain("年代")),
    (BARE_MONTHS_RE, limits.plain("个月")),
    (BARE_MONTH_PART_RE, limits.plain("|".join("月" + w for w in _BARE_PARTS))),
)

# Patterns scanned whole (no index gives their starts) whose every match holds one character: a text
# without it (a title, a short text) skips the scan, which costs the regex module's setup even there.
_NEEDS_CHAR = ((YEAR_LED_RE, "年"), (MONTH_LED_RE, "月"), (BARE_DAY_RE, "日"))


def find_atoms(text: str, runs: list[tuple[int, int]] | None | bool = False) -> list:
    """Matches of all atom patterns, leftmost-longest, non-overlapping.

    ``runs``: :func:`digit_runs` of ``text`` when the caller has them.

    >>> [m.group(0) for m in find_atoms("2022年7月15日至9月23日,今年上半年")]
    ['2022年7月15日', '9月23日', '今年上半年']
    """
    if runs is False:
        runs = digit_runs(text)
    found = {}
    if runs is not None:
        found.update(_run_matches(text, runs))
        found.update(_keyed_matches(text, runs))
    found[QUARTER_RE] = matches_near(QUARTER_RE, text, _QUARTER_KEY, _QUARTER_BACK, _QUARTER_REACH)
    for pattern, words in _GATES:
        if words.search(text) is None:
            found[pattern] = []  # a text without the words every match holds
    for pattern, char in _NEEDS_CHAR:
        if char not in text:
            found[pattern] = []  # (a short text: a notice holds all three)
    # in ATOM_PATTERNS order: the sort below is stable, and a tie keeps the earlier pattern's match
    matches = [m for pattern in ATOM_PATTERNS
               for m in (found[pattern] if pattern in found else pattern.finditer(text))]
    matches.sort(key=lambda m: (m.start(), -m.end()))
    kept = []
    end = 0
    for m in matches:
        if m.start() >= end:
            kept.append(m)
            end = m.end()
    return kept


# Text between two atoms that makes them one range, and 至今 (open range → since).
SEP_FULL_RE = limits.compile(rf"起?{SEP}", regex.VERBOSE)  # 自2020-05-26起至2020-05-29止

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
# The last character of a RELATION_BEFORE_RE word and the first of a RELATION_AFTER_RE match.
_WORD_LAST = frozenset(w[-1] for w, _, _ in RELATIONS_BEFORE)
_AFTER_FIRST = frozenset(w[0] for w, _, _ in RELATIONS_AFTER) | frozenset(" \t")
_BLANKS = frozenset(" \t")  # RELATION_AFTER_RE's [ \t]{0,2}
# RELATION_AFTER_RE's words by first character, in file order (the alternation tries them so):
# (word, relation, the characters that may not follow it)
_AFTER_BY_FIRST: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
for _w, _rel, _blk in RELATIONS_AFTER:
    _AFTER_BY_FIRST.setdefault(_w[0], []).append((_w, _rel, frozenset(_blk)))
assert not any(w[0] in _BLANKS for w, _, _ in RELATIONS_AFTER)
assert not _WORD_LAST & frozenset(" \t于在\n")
# The characters _may_relate_before can accept right before a date (all others: False at once).
_BEFORE_LAST = _WORD_LAST | frozenset(" \t于在\n")


def _may_relate_before(text: str, start: int) -> bool:
    """Whether RELATION_BEFORE_RE (word, 0-2 blanks, 于/在?, end) can end at ``start``.

    Read backwards: a line break ($ may stand before one), 于 or 在, up to two blanks, then the
    last character of a word must come; those sets do not overlap, so there is one way to read.
    """
    j = start
    if j and text[j - 1] == "\n":
        j -= 1
    if j and text[j - 1] in "于在":
        j -= 1
    for _ in range(2):
        if j and text[j - 1] in " \t":
            j -= 1
    return j > 0 and text[j - 1] in _WORD_LAST

# A routine announced by 每 earlier in the clause (每季度通报进展，年底进行考核; 每月10日前公开上月收支):
# the year part, month word or bare day after it names a recurring time, not a date.
ROUTINE_BEFORE_RE = limits.compile(r"每[^。；;！？!?\n]{0,14}$")
# The same inside the clause only: a month counted from the date before (次月, 同月, 当月) after a
# comma closes the routine's clause (6月起实行每月检测，次月覆盖率即达到100%: 次月 = July).
CLAUSE_ROUTINE_BEFORE_RE = limits.compile(r"每[^，,。；;！？!?\n]{0,14}$")

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
    if text in _CN_VALUES:
        return _CN_VALUES[text]
    return read_int(text)  # digits newer than Python's tables (numerals.digit_value)


def year_number(text: str) -> int:
    """A four-character year: "2022" → 2022, "二〇二二" → 2022."""
    if text.isdigit():
        return int(text)
    return int("".join(str(_CN_VALUES[ch]) if ch in _CN_VALUES else ascii_digits(ch) for ch in text))


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(year: int, month: int) -> int:
    """The last day of ``month`` (calendar.monthrange's answer, without its weekday).

    >>> last_day(2024, 2), last_day(2023, 2), last_day(2023, 11)
    (29, 28, 30)
    """
    if 1 <= month <= 12:
        return _MONTH_DAYS[month] + (month == 2 and calendar.isleap(year))
    return calendar.monthrange(year, month)[1]  # raises its own error for a month out of range
