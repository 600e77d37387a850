"""Percent mentions: rates and shares, as percent points.

Notices report completion and coverage rates: "整改完成率达到98.71%",
"覆盖面达百分之九十以上", "三分之二的问题已整改到位".

>>> [(f.text, f.values["value"]) for f in find_percents("完成率98.71%,覆盖三分之二")]
[('98.71%', Decimal('98.71')), ('三分之二', Decimal('66.67'))]

Choices:

* "X分之Y" fractions are converted to percent points (三分之二 → 66.67, 千分之五 →
  0.5).  A value that does not end within four decimals is rounded to two.
* "5个百分点" (a change in percentage points) is not a percent mention: adding it
  to shares would mislead an analyst summing rates.
* ‰ is read as tenths of a percent (5‰ → 0.5).
* 约/近/超过/逾 … before and 以上/以下/左右/以内 after set ``approx`` and belong
  to the span; 达/达到 do not.
* "八成" (tenths) is read only after a share or level word (占…的四成, 达到八成以上) and
  where the rate ends (一成不变, 八成新, 建成 are not rates); "七成多" is approximate;
  "百分百" is not read.
* Scraped text puts a blank after the decimal point ("91. 7%" → 91.7); not where the
  number starts a line, where "1. 7%…" is a list marker and a rate.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from zhenggai import limits
from zhenggai.mentions.base import Found
from zhenggai.mentions.money import canonical
from zhenggai.scan import RunScanner
from zhenggai.numerals import ARABIC, CHINESE, CN_NUMERAL_CHARS, parse_number

_APPROX_BEFORE = r"(?:大约|约|将近|接近|近|不超过|超过|超|逾|不足|不到|不少于|至少)"
_APPROX_AFTER = r"(?:以上|以下|以内|左右)"

_PERCENT_RE = limits.compile(
    rf"""
    (?P<q1>{_APPROX_BEFORE})?                    # 约/近/超过 … make it approximate
    (?:                                          # one of the forms below
      (?<![\dA-Za-z.])(?<!\d,)                   # not the tail of a longer number or code
      (?:                                        # the number:
        (?P<num>{ARABIC})                        #   98.71, 1,234.5
      | (?<!(?:^|\n)[ \t]*)                      #   or, not at a line start (1. 7月… is a list marker),
        (?P<spaced>\d+\.\ \d+)                   #   91. 7: one blank after the point (scraped text)
      )\s?                                       # a blank may come before the sign
      (?:(?P<pct>%|％)|(?P<permille>‰))          # % (％ on raw text) or ‰
    |                                            # or
      (?<![{CN_NUMERAL_CHARS}\d.])               # the denominator starts a numeral (not 二十 in 一百二十)
      (?P<den>{CHINESE}|[万亿]|\d+)              # 百, 三, 千, 万, 十万, 3
      分之                                       # X分之Y: "Y out of X"
      (?P<numer>{CHINESE}|{ARABIC})              # 九十五点五, 二, 5
    |                                            # or
      (?<![\dA-Za-z.{CN_NUMERAL_CHARS}])(?<!\d,) # a whole number, not a tail
      (?P<pts>{ARABIC}|{CHINESE})                # 5, 0.5, 两
      个?百分点                                  # percentage points: 提高5个百分点
    |                                            # or tenths: 占提拔总数的四成, 达到八成以上
      (?<=[的达到占比为有近超过约逾])             # after a share/level word, so 一成不变, 建成 never read
      (?P<tenth>[一二三四五六七八九])成           # 四成 → 40
      (?:(?P<more>多)                            # 七成多: a bit more, approximate
      | (?=以上|以下|以内|左右|的|[,，。;；、)）\s]|$)  # or the rate ends there (not 八成新, 三成员)
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
        regex.escape("大约将近接不超过逾足到少于至", special_only=False),  # _APPROX_BEFORE words
        r"\d\s,.",                                                  # Arabic numbers, blanks
        regex.escape("%％‰", special_only=False),                     # percent and per mille signs
        regex.escape(CN_NUMERAL_CHARS + "点分之个成多", special_only=False),  # 三分之二, 5个百分点, 七成多
        regex.escape("以上下内左右", special_only=False),              # _APPROX_AFTER words
    )
)
_SCANNER = RunScanner(_PERCENT_RE, _CONSUMABLE, anchor="[%％‰]|分之|百分点|[一二三四五六七八九]成", reach=2)

# Group numbers of _PERCENT_RE, minus one: indexes into m.groups().
_GROUP = {name: number - 1 for name, number in _PERCENT_RE.groupindex.items()}
_DEN = _GROUP["den"]
_NUM = _GROUP["num"]
_SPACED = _GROUP["spaced"]
_MORE = _GROUP["more"]
_NUMER = _GROUP["numer"]
_PERMILLE = _GROUP["permille"]
_Q1 = _GROUP["q1"]
_Q2 = _GROUP["q2"]
_TENTH = _GROUP["tenth"]

_FOUR_PLACES = Decimal("0.0001")
_TWO_PLACES = Decimal("0.01")


def _fraction_percent(den: str, numer: str) -> Decimal:
    """Y/X as percent points: (三, 二) → 66.67, (千, 五) → 0.5."""
    denominator = parse_number(den)
    numerator = parse_number(numer)
    if denominator == 0:
        raise ValueError("zero denominator")
    value = numerator * 100 / denominator
    exact = value.quantize(_FOUR_PLACES)
    return exact if exact == value else value.quantize(_TWO_PLACES)


def find_percents(text: str) -> list[Found]:
    """Percents in ``text`` as percent points, sorted by start and non-overlapping.

    >>> [(f.text, f.values["value"], f.values["approx"]) for f in find_percents("达百分之九十五点五以上")]
    [('百分之九十五点五以上', Decimal('95.5'), True)]
    >>> find_percents("千分之五")[0].values["value"]
    Decimal('0.5')
    """
    found: list[Found] = []
    for m in _SCANNER.finditer(text):  # = _PERCENT_RE.finditer(text), on the stretches that can match
        g = m.groups()  # indexed by group number: much faster than m[name] in the regex module
        try:
            number = g[_NUM] if g[_NUM] is not None else g[_SPACED]
            if number is not None:
                value = parse_number(number.replace(" ", ""))
                if g[_PERMILLE]:
                    value /= 10
            elif g[_TENTH] is not None:
                value = parse_number(g[_TENTH]) * 10
            elif g[_DEN] is not None:
                value = _fraction_percent(g[_DEN], g[_NUMER])
            else:
                # Percentage points ("提高5个百分点") are a change of a rate, not a
                # share: matched so that no other form reads inside them, then
                # left out, as the gold conventions say.
                continue
        except (ValueError, KeyError, ArithmeticError):
            continue
        found.append(
            Found(
                "percent",
                m.start(),
                m.end(),
                m[0],
                {"value": canonical(value), "approx": bool(g[_Q1] or g[_Q2] or g[_MORE])},
            )
        )
    return found
