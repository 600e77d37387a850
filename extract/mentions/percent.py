"""Percent mentions: rates and shares, as percent points.

Notices report completion and coverage rates: "整改完成率达到98.71%",
"覆盖面达百分之九十以上", "三分之二的问题已整改到位".

>>> [(f.text, f.values["value"]) for f in find_percents("完成率98.71%,覆盖三分之二")]
[('98.71%', Decimal('98.71')), ('三分之二', Decimal('66.67'))]

Choices:

* "X分之Y" fractions are converted to percent points (三分之二 → 66.67, 千分之五 →
  0.5, 千万分之六 → 0.00006).  A value that does not end within twelve decimals is
  rounded to two.  百分之二三十 (adjacent digits) is a range 20..30 (``value_max``).
* Ranges 20%-30%, 20%至30%, 20-30% give ``value`` and ``value_max``.
* A sign stays: -3.8%, 负3.9%, －122% are negative.
* "5个百分点" / "5個百分點" (a change in percentage points) is its own kind, ``points``
  (:func:`find_points`), never a percent: adding it to shares would mislead an
  analyst summing rates.
* ‰ is read as tenths of a percent (5‰ → 0.5).
* 约/近/超过/逾 … before and 以上/以下/左右/以内 after set ``approx`` and belong
  to the span; 达/达到 do not.
* Tenths (成) standing alone: 三成 → 30, 两成 → 20, 三成半 → 35, 2.5成 → 25, 七成以上
  (approximate), 七成多 (approximate); not inside a longer numeral (三五成群), after
  第/每/数/几, or where 成 begins a word (三成员, 八成新, 一成不变).  "百分百" is not read.
* Scraped text puts a blank after the decimal point ("91. 7%" → 91.7); not where the
  number starts a line, where "1. 7%…" is a list marker and a rate.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from zhenggai import limits
from zhenggai.mentions.anchor_scan import PositionedAnchorScanner
from zhenggai.mentions.base import Found
from zhenggai.mentions.money import amount_values, canonical
from zhenggai.numerals import ARABIC, CHINESE, CN_NUMERAL_CHARS, parse_number, parse_number_range

_APPROX_BEFORE = r"(?:大约|约|約|将近|將近|接近|近|不超过|超过|超過|超|逾|不足|不到|不少于|至少)"
_APPROX_AFTER = r"(?:以上|以下|以内|左右)"

# A sign before a rate: -3.8%, 负3.9%, －122% (not the dash of a range or of a code).
_SIGN = r"(?P<neg>(?<![\dA-Za-z.,%％)）])[-－−]|(?<!正)[负負])"
# Characters that make a word with 成 after a tenths numeral: 三成员, 八成新, 一成不变, 十成熟.
_CHENG_WORD_NEXT = "员立果效绩本为功熟新人交片型品长都就事语全风套批群规形像色器活材文分因团组行法名药才"

_PERCENT_RE = limits.compile(
    rf"""
    (?P<q1>{_APPROX_BEFORE})?                    # 约/近/超过 … make it approximate
    {_SIGN}?                                     # -3.8%, 负3.9%
    (?:                                          # one of the forms below
      (?<![\dA-Za-z.])(?<!\d,)                   # not the tail of a longer number or code
      (?:                                        # the number:
        (?P<num>{ARABIC})                        #   98.71, 1,234.5
        (?:[%％]?\s?                             #   a range: 20%-30%, 20至30%, 20-30%
          (?P<sep>至|到|-|—{{1,2}}|–|~|～)\s?     #     the separator
          (?P<hi>{ARABIC})                       #     and the high end
        )?
      | (?<!(?:^|\n)[ \t]*)                      #   or, not at a line start (1. 7月… is a list marker),
        (?P<spaced>\d+\.\ \d+)                   #   91. 7: one blank after the point (scraped text)
      )\s?                                       # a blank may come before the sign
      (?:(?P<pct>%|％)|(?P<permille>‰))          # % (％ on raw text) or ‰
    |                                            # or
      (?<![{CN_NUMERAL_CHARS}\d.])               # the denominator starts a numeral (not 二十 in 一百二十)
      (?P<den>{CHINESE}|[万亿萬億]|\d+)          # 百, 三, 千, 万, 十万, 千万, 3
      分之                                       # X分之Y: "Y out of X"
      (?P<numer>{CHINESE}|{ARABIC})              # 九十五点五, 二, 5, 二三十 (a range)
      (?![几幾])                                  # 百分之十几: vague, no figure
      (?P<fmore>[多余])?                          # 百分之三十多: approximate
      (?:(?:至|到|-|—|~|～)                       # a range: 百分之三十至四十, 百分之三十至百分之四十
        (?:(?P=den)分之)?                         #   the fraction word may be repeated
        (?P<numer2>{CHINESE}|{ARABIC})            #   the high end
        (?!分之)                                  #   (三分之一到二分之一: two fractions, no shared word)
      )?
    |                                            # or
      (?<![\dA-Za-z.{CN_NUMERAL_CHARS}])(?<!\d,) # a whole number, not a tail
      (?:(?P<pts>{ARABIC}|{CHINESE})             # 5, 0.5, 两
         [个個]?(?P<phalf>半)?(?P<pmore>多)?       #   三个半, 两个多
      | (?P<phalf>半)[个個]                       # 半个百分点 → 0.5
      )
      百分[点點]                                  # percentage points: 提高5个百分点 (a kind of its own)
    |                                            # or tenths standing alone: 三成, 占四成, 2.5成
      (?=[一二三四五六七八九十两兩半0-9][^成\n]{{0,8}}成)  # cheap guard: 成 follows closely (halves the scan time)
      (?<![\dA-Za-z.{CN_NUMERAL_CHARS}数几若第每])(?<!\d,)  # not inside a numeral (三五成群) or an ordinal
      (?P<tenth>                                 # 四成 → 40, 2.5成 → 25, 三到四成 / 三四成 → 30..40
        [一二三四五六七八九两兩](?:(?:至|到|-|~|～)?[一二三四五六七八九]|点[一二三四五六七八九])?
      | [0-9](?:\.[0-9]+)?|10|十|半                #   八点五成 → 85, 十成 → 100, 半成 → 5
      )成
      (?:(?P<half>半)                            # 三成半 → 35
      | (?P<hund>[一二三四五六七八九])             # 九成五 → 95: a digit of hundredths after 成,
        (?=以上|以下|以内|左右|的|[,，。;；、:：)）\s]|$)  #   where the rate ends (not 三成五个)
      )?
      (?:(?P<more>多)                            # 七成多: a bit more, approximate
      | (?![{_CHENG_WORD_NEXT}]|不变)            # not a word with 成 (三成员, 八成新, 一成不变)
      )
    )                                            # (end of the forms)
    (?P<q2>{_APPROX_AFTER})?                     # 65%以上, 95%左右
    """,
    regex.VERBOSE,
)

# Every character _PERCENT_RE can consume (outside lookarounds), and what each match
# holds (%, ‰, 分之, 百分点 or the 四成 of tenths): the pattern runs only on the stretches
# of such characters around those (zhenggai.scan).  Keep in step with the pattern.
_CONSUMABLE = "".join(
    (
        regex.escape("大约約将將近接不超过過逾足到少于至", special_only=False),  # _APPROX_BEFORE words
        r"\d\s,.",                                                  # Arabic numbers, blanks
        regex.escape("%％‰-－−负負~～—–", special_only=False),          # signs, range separators
        regex.escape(CN_NUMERAL_CHARS + "点點分之个個成多余半", special_only=False),  # 三分之二, 5个百分点, 七成多
        regex.escape("以上下内左右", special_only=False),              # _APPROX_AFTER words
    )
)
_TENTHS_AFTER = "一二三四五六七八九十两兩半0123456789"  # what stands before the 成 of 四成


class _PlainMatch:
    """What ``_PERCENT_RE`` gives on a plain run: ASCII digits, perhaps one decimal point, then %.

    There (98.71% after a character the pattern cannot consume nor read in its lookbehinds, with
    nothing it can consume after the %) the pattern can only read the number and the %: no
    qualifier, sign, range, blank or 以上/左右.  This holds the same span and groups, found without
    the pattern (tests/test_speed_r9_mentions.py checks it against the pattern); only the Match
    methods find_shares calls.
    """

    __slots__ = ("_start", "_end", "_groups")

    def __init__(self, start: int, end: int, groups: tuple) -> None:
        self._start, self._end, self._groups = start, end, groups

    def groups(self) -> tuple:
        return self._groups

    def start(self, group: int = 0) -> int:
        if group:
            raise ValueError(f"group {group} of a plain percent")  # never asked (no range, no tenths)
        return self._start

    def end(self, group: int = 0) -> int:
        if group:
            raise ValueError(f"group {group} of a plain percent")
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


_PLAIN_DIGITS = frozenset("0123456789")
_PLAIN_MAX = 32  # longer numbers take the pattern
_CONSUMABLE_CHAR = limits.compile(f"[{_CONSUMABLE}]")  # one character: no repetition (left unwrapped)


@lru_cache(maxsize=4096)
def _may_open(ch: str) -> bool:
    """Whether a plain number may start right after ``ch``: the pattern cannot consume it (so the run
    starts after it) and the number's lookbehinds let it stand there (no letter A-Z, a-z; digits,
    the point and the comma are consumable).  A pure function of one character: memoised."""
    return _CONSUMABLE_CHAR.match(ch) is None and not ("A" <= ch <= "Z" or "a" <= ch <= "z")


def _plain_run(text: str, pos: int, at: int, end: int) -> _PlainMatch | None:
    """The match of a plain run (``RunScanner._quick``): % at ``at`` ends the run (``end``), and
    before it, back to a character :func:`_may_open` accepts (after ``pos``, the previous run's end,
    or the text's start), stand ASCII digits with at most one point between digits; else None."""
    if end != at + 1 or text[at] != "%":
        return None
    start = at
    floor = at - _PLAIN_MAX if at - _PLAIN_MAX > pos else pos
    point = -1
    while start > floor:
        ch = text[start - 1]
        if ch in _PLAIN_DIGITS:
            start -= 1
        elif ch == "." and point < 0:
            start -= 1
            point = start
        else:
            break
    if start == at or point == start or point == at - 1:
        return None  # no digit, or a point opening or closing the number
    if start and (start == floor or not _may_open(text[start - 1])):
        return None
    groups = [None] * _PERCENT_RE.groups
    groups[_NUM_GROUP] = text[start:at]
    groups[_PCT_GROUP] = "%"
    return _PlainMatch(start, end, tuple(groups))


_SCANNER = PositionedAnchorScanner(
    # 成 only after a digit (a lookbehind: the anchor search stays a literal scan, and 完成 is no run);
    # each branch opens on a literal, so that re skips to their first characters by a table
    _PERCENT_RE, _CONSUMABLE, anchor=r"%|％|‰|分之|百分[点點]|成(?<=[一二三四五六七八九十两兩半0-9]成)",
    # the same branches as words, listed once per text by str.find (tests/test_speed_r7_mentions.py)
    words=(("%", ""), ("％", ""), ("‰", ""), ("分之", ""), ("百分点", ""), ("百分點", ""), ("成", _TENTHS_AFTER)),
    reach=2,
    quick=_plain_run,  # 98.71%: read without the pattern (text without characters beyond U+FFFF)
)

# Group numbers of _PERCENT_RE, minus one: indexes into m.groups().
_GROUP = {name: number - 1 for name, number in _PERCENT_RE.groupindex.items()}
_DEN = _GROUP["den"]
_HALF = _GROUP["half"]
_HUND = _GROUP["hund"]
_NUM_GROUP, _PCT_GROUP = _GROUP["num"], _GROUP["pct"]  # (_plain_run's groups)
_HI = _GROUP["hi"]
_NEG = _GROUP["neg"]
_NUM = _GROUP["num"]
_SPACED = _GROUP["spaced"]
_MORE = _GROUP["more"]
_NUMER = _GROUP["numer"]
_PERMILLE = _GROUP["permille"]
_PTS = _GROUP["pts"]
_Q1 = _GROUP["q1"]
_Q2 = _GROUP["q2"]
_TENTH = _GROUP["tenth"]
_FMORE = _GROUP["fmore"]
_NUMER2 = _GROUP["numer2"]
_PHALF = _GROUP["phalf"]
_PMORE = _GROUP["pmore"]

# A fraction that ends within this many decimals is kept exact (千万分之六 → 0.00006);
# one that does not (三分之二) is rounded to two.
_EXACT_PLACES = Decimal("1e-12")
_TWO_PLACES = Decimal("0.01")


def _fraction_percent(den: str, numer: str) -> tuple[Decimal, Decimal | None]:
    """Y/X as percent points, and the upper end for a range numerator: (三, 二) → 66.67, (千, 五) → 0.5,
    (百, 二三十) → 20 .. 30."""
    denominator = parse_number(den)
    if denominator == 0:
        raise ValueError("zero denominator")
    low, high = parse_number_range(numer)
    return _share(low, denominator), (_share(high, denominator) if high is not None else None)


def _share(numerator: Decimal, denominator: Decimal) -> Decimal:
    value = numerator * 100 / denominator
    exact = value.quantize(_EXACT_PLACES)
    return exact if exact == value else value.quantize(_TWO_PLACES)


def _read(m: regex.Match[str], g: tuple) -> tuple[str, int, Decimal, Decimal | None] | None:
    """(kind, start, value, value_max) of one match (``g``: its ``m.groups()``): kind percent or points."""
    start, value_max = m.start(), None
    number = g[_NUM] if g[_NUM] is not None else g[_SPACED]
    kind = "percent"
    if number is not None:
        value = parse_number(number.replace(" ", ""))
        if g[_PERMILLE]:
            value /= 10
        if g[_HI] is not None:
            high = parse_number(g[_HI])
            if g[_PERMILLE]:
                high /= 10
            if value < high:
                value_max = high
            else:  # 2022-30%: no range, the rate alone
                start, value = m.start(_HI + 1), high
    elif g[_TENTH] is not None:
        tenth = g[_TENTH]
        low = None
        if tenth == "半":
            tenth = "0.5"  # 半成 → 5
        elif len(tenth) > 1 and not tenth[0].isdigit() and "点" not in tenth:
            low, tenth = parse_number(tenth[0]) * 10, tenth[-1]  # 三到四成, 三四成
        value = parse_number(tenth) * 10 + (5 if g[_HALF] else 0)
        if g[_HUND] is not None:
            value += parse_number(g[_HUND])  # 九成五 → 95
        if value > 100:
            return None
        if low is not None:
            if low < value and (len(g[_TENTH]) > 2 or low + 10 == value - (5 if g[_HALF] else 0)):
                value, value_max = low, value  # 三到四成 → 30..40, 三四成 (adjacent digits) → 30..40
            else:
                start = m.end(_TENTH + 1) - 1  # 五三成: no range, the tenths alone
    elif g[_DEN] is not None:
        value, value_max = _fraction_percent(g[_DEN], g[_NUMER])
        if g[_NUMER2] is not None:
            high, _ = _fraction_percent(g[_DEN], g[_NUMER2])
            if value_max is None and value < high:
                value_max = high  # 百分之三十至四十 → 30..40
    else:
        # Percentage points (提高5个百分点) are the change of a rate, not a share:
        # their own kind, never summed with shares.
        kind = "points"
        value = (parse_number(g[_PTS]) if g[_PTS] is not None else Decimal(0)) + (Decimal("0.5") if g[_PHALF] else 0)
    if g[_NEG] is not None and start == m.start():
        value = -value
        value_max = -value_max if value_max is not None else None
        if value_max is not None:
            value, value_max = value_max, value
    return kind, start, value, value_max


def _adjacent_tenths(tenth: str | None, whole: bool) -> bool:
    """两三成, 三四成: a range read from adjacent digits, approximate (三到四成 is not)."""
    return tenth is not None and whole and len(tenth) == 2 and not tenth[0].isdigit() and tenth[1] != "点"


def find_shares(text: str, astral: bool | None = None) -> tuple[list[Found], list[Found]]:
    """Percents and percentage points in ``text``: one pass, two sorted lists (``astral``:
    :func:`zhenggai.limits.astral` of ``text`` when the caller has it).

    >>> percents, points = find_shares("完成率98%,较上年提高2个百分点")
    >>> [f.values["value"] for f in percents], [f.values["value"] for f in points]
    ([Decimal('98')], [Decimal('2')])
    """
    percents: list[Found] = []
    points: list[Found] = []
    for m in _SCANNER.finditer(text, astral=astral):  # = _PERCENT_RE.finditer(text), on the stretches that can match
        g = m.groups()  # indexed by group number: much faster than m[name] in the regex module
        try:
            read = _read(m, g)
        except (ValueError, KeyError, ArithmeticError):
            continue
        if read is None:
            continue
        kind, start, value, value_max = read
        approx = bool(g[_Q1] or g[_Q2] or g[_MORE] or g[_FMORE] or g[_PMORE]
                      or (g[_TENTH] is not None and _adjacent_tenths(g[_TENTH], start == m.start())))
        end = m.end()
        if kind == "points":
            points.append(Found("points", start, end, text[start:end], {"value": canonical(value), "approx": approx}))
            continue
        percents.append(
            Found(
                "percent",
                start,
                end,
                text[start:end],
                amount_values(value, value_max, approx),
            )
        )
    return percents, points


def find_points(text: str) -> list[Found]:
    """Percentage points (个百分点, 個百分點) in ``text``: the change of a rate.

    >>> [(f.text, f.values["value"]) for f in find_points("完成率提高12个百分点,下降0.5个百分点")]
    [('12个百分点', Decimal('12')), ('0.5个百分点', Decimal('0.5'))]
    """
    return find_shares(text)[1]


def find_percents(text: str) -> list[Found]:
    """Percents in ``text`` as percent points, sorted by start and non-overlapping.

    >>> [(f.text, f.values["value"], f.values["approx"]) for f in find_percents("达百分之九十五点五以上")]
    [('百分之九十五点五以上', Decimal('95.5'), True)]
    >>> find_percents("千分之五")[0].values["value"]
    Decimal('0.5')
    >>> [(f.values["value"], f.values["value_max"]) for f in find_percents("占百分之二三十")]
    [(Decimal('20'), Decimal('30'))]
    """
    return find_shares(text)[0]
