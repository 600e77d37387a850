"""Money mentions: amounts in yuan (CNY), exact, with ranges and approximation.

Notices state recovered funds, losses and budgets as "追回资金111.95万元",
"规模达到8.56亿元", "三千余万元", "5万至10万元", "人民币约100万元", "¥1,234.00".
Every amount is converted to yuan as an exact :class:`~decimal.Decimal`.

>>> [(f.text, f.values["value"]) for f in find_money("累计追回资金111.95万元,涉及金额约3,200元")]
[('111.95万元', Decimal('1119500')), ('约3,200元', Decimal('3200'))]

Choices:

* Only CNY is reported.  Foreign currencies written as a unit (美元, 港元, 欧元,
  日元 …) never match because 元 must follow the number and its unit directly;
  amounts after a foreign currency word (港币100万元) are skipped.  The value
  is always yuan, so a foreign amount would poison sums.
* Qualifiers 约/近/超过/逾/不足/上 … before, 余/多/来 inside and 以上/以下/左右/以内
  after set ``approx`` and are part of the span.  达/达到/高达 only say the figure
  was reached; they are neither approximation nor part of the span.
* "三四万元" (adjacent digits) is a range 30000..40000, approximate.
* A unit written once on the high end of a range is shared: 5至10万元, 一百二十到一百五十万元
  (1200000..1500000), 七千到九千亿元; a bare digit takes the high end's first place
  (两到三百亿元 → 200亿..300亿).  1万元--5万元 and 1万(含)-5万元 are ranges too.
* 角 and 分 after 元 are read (123元4角5分 → 123.45); alone only with Arabic digits
  (5角, 3角5分, 2分钱), never 五角场 or 扣3分.  大写 amounts use 圆 as 元 (肆佰叁拾萬圆整).
* A sign stays (-3.8亿元, 负3亿元 → negative); 正负 and words of decrease (下降) are no sign.
* Vague amounts without a figure (数万元, 十几万元, 上万元) and a bare 万 without 元
  (3万人) are not money; neither are 万元户, 一元化, 二元结构, 元旦, 单元, 多元.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from zhenggai import limits
from zhenggai.mentions.anchor_scan import PositionedAnchorScanner
from zhenggai.mentions.base import Found
from zhenggai.mentions.word_trie import word_trie
from zhenggai.scan import RunScanner
from zhenggai.models import load_words, word_alternation
from zhenggai.numerals import (
    ARABIC,
    CHINESE,
    CN_BIG_UNITS,
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    CN_SMALL_UNITS,
    parse_number,
    parse_number_range,
    trailing_big_units,
)

_UNIT_VALUES = {**CN_SMALL_UNITS, **CN_BIG_UNITS}
_UNIT_CHARS = "".join(_UNIT_VALUES)

_APPROX_BEFORE_WORDS = ("大约", "约", "約", "将近", "將近", "接近", "近", "不超过", "超过", "超過", "超", "逾", "不足",
                        "不到", "不少于", "至少", "上")
_APPROX_AFTER_WORDS = ("以上", "以下", "以内", "左右")
# As tries (each character tried once): the same words in the same order at any position,
# longest first, as the alternation (at most a word and its prefix match at one position: 超过, 超).
_APPROX_BEFORE = word_trie(_APPROX_BEFORE_WORDS)
_APPROX_AFTER = word_trie(_APPROX_AFTER_WORDS)
# The yuan: 元, and 圆/圓 of 大写 amounts (肆佰叁拾萬圆整).
_YUAN_CHARS = "[元圆圓]"
# One digit of 角 or 分, Arabic, Chinese or 大写.
_SMALL_DIGIT = "[0-9一二三四五六七八九两壹贰貳叁參肆伍陆陸柒捌玖零〇]"

# Blank as the regex module reads \s (Python's re adds \x1c-\x1f): both engines read it alike.
_BLANK = r"[^\S\x1c-\x1f]"

# Every character a match of _MONEY_RE can start with: the first characters of the
# qualifier words, of the currency markers, a sign, a digit, a Chinese numeral.  Keep in step.
_FIRSTS = regex.escape(
    "".join(sorted({w[0] for w in _APPROX_BEFORE_WORDS})) + "人R¥￥-－−负負" + CN_NUMERAL_CHARS, special_only=False
) + r"\d"

# Written for both engines (limits.Twin): each group name once, no \s, fixed-width lookbehinds.
_MONEY_RE = limits.compile(
    rf"""
    (?=[{_FIRSTS}])                              # a character a match can start with (fails fast elsewhere)
    (?P<q1>{_APPROX_BEFORE})?                    # 约/近/超过 … before the currency word
    (?:(?P<cur>人民币|RMB|¥|￥){_BLANK}?)?        # currency marker (¥ 1,234 may be spaced); 元 then optional
    (?P<q1b>{_APPROX_BEFORE})?                   # 人民币约100万元: qualifier after the currency word
    (?P<neg>(?<![\dA-Za-z.,%)）])[-－−]|(?<!正)[负負])?   # a sign: -3.8亿元, 负3亿元 (not the dash of a range)
    (?P<lo>                                      # the (low) number, either
      (?<![\dA-Za-z.])(?<!\d,)                   # Arabic: not the tail of a longer number/code,
      {ARABIC}                                   # 4250, 12.79, 1,234.5
    |                                            # or
      (?<![{CN_NUMERAL_CHARS}数几若成第每])        # Chinese: not inside a longer numeral or 数千元/几万元,
      {CHINESE}                                  # 一百二十万, 三千, 一点五, 两亿, 肆佰叁拾萬
    )
    (?P<lo_q>[余多来])?                          # 427余万元, 三千余万元, 十来万元
    (?:[ \t\u00a0](?=[{_UNIT_CHARS}元]))?          # 51326.84 万元: one blank left by typesetting/scraping
    (?P<lo_unit>[{_UNIT_CHARS}]{{0,3}})           # 万, 亿, 千万, 万亿 after the number
    (?:                                          # optional high end of a range
      (?P<lo_yuan>{_YUAN_CHARS})?                 # 5万元至10万元: unit repeated on the low end
      (?:[(（]含[)）])?                           # 1万(含)-5万元: the low end is included
      {_BLANK}?(?P<sep>至|到|-{{1,2}}|—{{1,2}}|–|－|~|～|〜){_BLANK}?  # range separators as notices write them
      (?P<hi>{ARABIC}|{CHINESE})                 # the high end, Arabic or Chinese
      (?P<hi_q>[余多来])?                        # 5万至10余万元
      (?:[ \t\u00a0](?=[{_UNIT_CHARS}元]))?        # 5万至10 万元: the same stray blank
      (?P<hi_unit>[{_UNIT_CHARS}]{{0,3}})         # 5至10万元: the low end shares this unit
    )?                                           # (end of the range part)
    (?P<q2>[余多])?                              # 1376万余元, 3亿余元, 300多元
    (?:(?P<yuan>{_YUAN_CHARS})                   # 元 (圆 in 大写), else
    |(?(cur)                                     # nothing after a currency marker,
      |(?<=[万亿萬億])人民币))                      # 人民币 after 万/亿 otherwise (2.5亿人民币)
    (?:(?<=[元圆圓])                              # after the yuan, its tenths and hundredths:
      (?:(?P<jiao>{_SMALL_DIGIT})角)?            #   123元4角
      (?:(?P<fen>{_SMALL_DIGIT})分(?![钟之析局类别期批数]))?  #   123元4角5分 (not 5分钟, 3分之1)
    )?
    (?:(?:[(（]含[)）])?                          # 50万元(含)以上: the bound is included
      (?P<q3>{_APPROX_AFTER}))?                  # 500万元以上, 5000元左右
    """,
    regex.VERBOSE,
)

# Money without 元: tenths and hundredths standing alone (5角, 3角5分, 2分钱), Arabic digits
# only (三角, 一角 are words), not before another Han character (5角星, 扣3分) except 钱.
_JIAO_RE = limits.compile(
    r"""
    (?<![\dA-Za-z.])         # not the tail of a longer number
    (?:
      (?P<jiao>\d)角          # 5角
      (?:(?P<fen>\d)分)?      # 3角5分
      (?![\p{Han}--[钱錢整]])  # the amount ends here (5角钱)
    |
      (?P<fen>\d)分(?=[钱錢])  # 2分钱: 分 alone only before 钱 (扣3分 is a score)
    )
    """,
    regex.VERBOSE | regex.V1,
)

# 大写 numerals are written for money only: 肆佰叁拾萬 is an amount even without 元.  At least
# one 佰/仟 and one 大写 digit (陆续, 队伍, 收拾 are words), nothing numeral around it.
_CAPITALS_RE = limits.compile(
    rf"""
    (?<![{CN_NUMERAL_CHARS}])                    # not inside a longer numeral
    (?=[壹贰貳叁參叄肆伍陆陸柒捌玖拾万萬亿億]*[佰仟])  # a 佰 or 仟 in it
    (?P<num>[壹贰貳叁參叄肆伍陆陸柒捌玖][壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟万萬亿億零〇]+)  # 肆佰叁拾萬, 壹万贰仟
    (?![{CN_NUMERAL_CHARS}元圆圓])                # the whole numeral, and no 元 (the main pattern reads those)
    """,
    regex.VERBOSE,
)

# Every character _MONEY_RE can consume (outside lookarounds), and what each match holds:
# the pattern runs only on the stretches of such characters around 元 or a currency
# marker (zhenggai.scan).  Keep in step with the pattern above.
_CONSUMABLE = "".join(
    (
        regex.escape("大约約将將近接不超过過逾足到少于至上", special_only=False),  # _APPROX_BEFORE words
        regex.escape("人民币RMB¥￥", special_only=False),               # currency markers
        r"\d\s,.",                                                   # Arabic numbers, blanks
        regex.escape(CN_NUMERAL_CHARS + "点", special_only=False),     # Chinese numbers
        regex.escape("余多来" + _UNIT_CHARS + "元圆圓角分", special_only=False),  # 余/多/来, 万/亿, 元, 角/分
        regex.escape("至到-—–－~～〜", special_only=False),             # range separators
        regex.escape("−负負含()（）", special_only=False),                # signs, 1万(含)-5万元, (含)以上
        regex.escape("以上下内左右", special_only=False),               # _APPROX_AFTER words
        "\u00a0",                                                     # the stray blank before 万元
    )
)
_ANCHOR = "元|圆|圓|人民币|RMB|¥|￥"  # literals first in each branch: re skips to their first characters
_SCANNER = RunScanner(_MONEY_RE, _CONSUMABLE, anchor=_ANCHOR, reach=1)
# The same scan with the pattern on Python's re for windows shorter than limits.TIMER_MIN_CHARS
# (several times faster; limits.Twin keeps the deadline), for text without astral characters.
# Its anchors listed once per text by str.find (_ANCHOR's branches as words, nothing before them tested).
_ANCHOR_WORDS = tuple((word, "") for word in _ANCHOR.split("|"))
_SCANNER_TWIN = PositionedAnchorScanner(limits.Twin(_MONEY_RE), _CONSUMABLE, _ANCHOR, _ANCHOR_WORDS, reach=1)


_ONE = Decimal(1)


def canonical(value: Decimal) -> Decimal:
    """Exact value without trailing zeros or exponent: Decimal("1119500.00") → Decimal("1119500")."""
    if value == value.to_integral_value() and value.adjusted() < 28:
        return value.quantize(_ONE)  # 1.1195E+6 → 1119500 (28 digits: the default precision)
    return value.normalize()


def amount_values(value: Decimal, value_max: Decimal | None, approx: bool) -> dict:
    """The values of an amount mention (money, percent): canonical Decimals, the range's top, approx."""
    return {
        "value": canonical(value),
        "value_max": canonical(value_max) if value_max is not None else None,
        "approx": approx,
    }


@lru_cache(maxsize=256)
def _multiplier(units: str) -> Decimal:
    """万 → 10000, 千万 → 10^7, 万亿 → 10^12 (product of the unit characters).

    A pure function of at most three unit characters (the pattern's ``[units]{0,3}``), the same
    few in every notice ("", 万, 亿): memoised (a Decimal is immutable, so the value is shared).
    """
    result = Decimal(1)
    for ch in units:
        result *= _UNIT_VALUES[ch]
    return result


def _shared_multiplier(lo: Decimal, lo_text: str, hi_text: str, hi_mult: Decimal, high: Decimal) -> Decimal:
    """The unit a range's low end shares with its high end, written once on the high end.

    5至10万元 (万 after the high number), 一百二十到一百五十万元 and 七千到九千亿元 (万/亿
    closing the high numeral) give the low end the same unit; a bare digit takes the place
    of the high end's first digit (两到三百亿元 → 两百亿); 500至10万元 keeps 500 as written
    when the shared unit would put it above the high end.
    """
    shared = hi_mult
    if not hi_text[0].isdigit() and lo_text[-1] not in CN_BIG_UNITS:
        if len(lo_text) == 1 and len(hi_text) > 1 and hi_text[0] in CN_DIGITS and hi_text[1] in _UNIT_VALUES:
            # 两到三百亿元, 两到三千万元: a bare digit takes the place of the high end's first digit
            # (两百亿 .. 三百亿); 三到五万元 reads the same either way.
            shared *= parse_number(lo_text + hi_text[1:]) / lo if lo else 1
        else:
            shared *= trailing_big_units(hi_text)
    for mult in (shared, hi_mult):
        if lo * mult <= high:
            return mult
    return Decimal(1)


def _cents(jiao: str | None, fen: str | None) -> Decimal:
    """The 角 and 分 after 元 in yuan: (4, 5) → 0.45."""
    value = Decimal(0)
    if jiao:
        value += parse_number(jiao) / 10
    if fen:
        value += parse_number(fen) / 100
    return value


def _not_after_re() -> limits.Pattern[str]:
    return limits.compile(word_alternation(load_words("money_not_after.txt")))


def _foreign_re() -> limits.Pattern[str]:
    words = word_alternation(load_words("money_foreign_prefix.txt"))
    # The foreign currency word right before the amount (an approximation word may sit between).
    return limits.compile(rf"(?:{words})(?:{_APPROX_BEFORE})?$")


_NOT_AFTER = _not_after_re()
_FOREIGN = _foreign_re()
# The last characters of the foreign currency words: a match of _FOREIGN holds one (a cheap
# test before the search; most amounts have none before them).
_FOREIGN_ENDS = frozenset(w[-1] for w in load_words("money_foreign_prefix.txt"))
# The words themselves: a match of _FOREIGN in a window holds one whole, so a window holding none
# needs no search (资金 before an amount ends with 金, the last character of 美金: most windows with
# such a character hold no foreign word).
_FOREIGN_WORDS = tuple(load_words("money_foreign_prefix.txt"))


# Group numbers of _MONEY_RE, minus one: indexes into m.groups().
_GROUP = {name: number - 1 for name, number in _MONEY_RE.groupindex.items()}
_CUR = _GROUP["cur"]
_NEG = _GROUP["neg"]
_JIAO = _GROUP["jiao"]
_FEN = _GROUP["fen"]
_HI = _GROUP["hi"]
_HI_Q = _GROUP["hi_q"]
_HI_UNIT = _GROUP["hi_unit"]
_LO = _GROUP["lo"]
_LO_Q = _GROUP["lo_q"]
_LO_UNIT = _GROUP["lo_unit"]
_LO_YUAN = _GROUP["lo_yuan"]
_Q1 = _GROUP["q1"]
_Q1B = _GROUP["q1b"]
_Q2 = _GROUP["q2"]
_Q3 = _GROUP["q3"]
_SEP = _GROUP["sep"]
_YUAN = _GROUP["yuan"]


# After a one-numeral amount (陆元, 五元): another Han character that is not 整/角/分 makes it a
# given name (陆元华, 伍元明); real amounts that small are written 伍元整 or 5元.
_NAME_AFTER = limits.compile(
    r"""
    (?![整角分钱])\p{Han}         # a Han character other than the amount's own tail
    """,
    regex.VERBOSE,
)
# A byline label right before it: 编辑:柒元, 作者 伍元.
_BYLINE_BEFORE = limits.compile(
    r"""
    (?:编辑|作者|审核|校对|记者|通讯员|摄影|撰稿|责编|来源)[:：\x20]*$   # the label, then the name
    """,
    regex.VERBOSE,
)


def _interpret(text: str, m: regex.Match[str]) -> Found | None:
    """Turn one regex match into a money Found, or None when it is not CNY money."""
    g = m.groups()  # indexed by group number: much faster than m[name] in the regex module
    if g[_YUAN] and not g[_LO][0].isdigit() and _NOT_AFTER.match(text, m.end(_YUAN + 1)):
        return None  # 一元化, 二元结构, 十万元户 (Arabic "50万元化解矛盾" stays money)
    if len(g[_LO]) == 1 and not g[_LO].isdigit() and g[_YUAN] and not (g[_LO_UNIT] or g[_SEP]) and (
        _NAME_AFTER.match(text, m.end()) or _BYLINE_BEFORE.search(text, m.start() - 6 if m.start() > 6 else 0, m.start())
    ):
        return None  # 编辑:陆元华, 作者:柒元: a one-numeral "amount" is a personal name
    start = m.start()
    before, lo_start = start - 8 if start > 8 else 0, m.start(_LO + 1)
    window = text[before:lo_start]
    if not _FOREIGN_ENDS.isdisjoint(window) and any(word in window for word in _FOREIGN_WORDS) \
            and _FOREIGN.search(text, before, lo_start):
        return None  # 港币100万元
    if not g[_YUAN] and g[_CUR] in ("人民币", "RMB") and not (g[_LO_UNIT] or g[_HI_UNIT]):
        return None  # 人民币 before a bare number without 万/亿/元 is too weak ("人民币2023年")
    approx = bool(g[_Q1] or g[_Q1B] or g[_LO_Q] or g[_HI_Q] or g[_Q2] or g[_Q3])
    try:
        lo, lo_max = parse_number_range(g[_LO])
        lo_mult = _multiplier(g[_LO_UNIT])
        if g[_SEP] is None:
            value, value_max = lo * lo_mult, (lo_max * lo_mult if lo_max is not None else None)
            approx = approx or value_max is not None
            if g[_JIAO] or g[_FEN]:
                value += _cents(g[_JIAO], g[_FEN])
        else:
            hi, _ = parse_number_range(g[_HI])
            hi_mult = _multiplier(g[_HI_UNIT])
            value_max = hi * hi_mult
            if not g[_LO_UNIT] and not g[_LO_YUAN]:
                lo_mult = _shared_multiplier(lo, g[_LO], g[_HI], hi_mult, value_max)
            value = lo * lo_mult
            if value > value_max:
                # Not a range after all ("2023-5万元"?): keep the high end alone.
                start, value, value_max = m.start(_HI + 1), value_max, None
    except (ValueError, KeyError, ArithmeticError):
        return None
    if g[_NEG] and start == m.start():
        value = -value  # -3.8亿元: a loss or a fall keeps its sign (the low end of a range)
    end = m.end()
    return Found(
        "money",
        start,
        end,
        text[start:end],
        amount_values(value, value_max, approx),
    )


def find_money(text: str, astral: bool | None = None) -> list[Found]:
    """CNY amounts in ``text`` as yuan, sorted by start and non-overlapping (``astral``:
    :func:`zhenggai.limits.astral` of ``text`` when the caller has it).

    >>> f = find_money("清退违规资金三千余万元")[0]
    >>> f.text, f.values["value"], f.values["approx"]
    ('三千余万元', Decimal('30000000'), True)
    >>> f = find_money("每户补助5至10万元")[0]
    >>> f.values["value"], f.values["value_max"]
    (Decimal('50000'), Decimal('100000'))
    """
    found: list[Found] = []
    if astral is None:
        astral = limits.astral(text)
    # = _MONEY_RE.finditer(text), on the stretches that can match (\d beyond U+FFFF: regex alone)
    matches = _SCANNER.finditer(text) if astral else _SCANNER_TWIN.finditer(text, astral=False)
    for m in matches:
        item = _interpret(text, m)
        if item is not None:
            found.append(item)
    if "角" in text or "分钱" in text or "分錢" in text:
        found = _add_lone_jiao(text, found)
    if "佰" in text or "仟" in text:
        found = _add_capitals(text, found)
    return found


def _add_capitals(text: str, found: list[Found]) -> list[Found]:
    """``found`` with the 大写 amounts written without 元 (肆佰叁拾萬 → 4300000), sorted by start."""
    extra = []
    for m in _CAPITALS_RE.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        try:
            value = parse_number(m["num"])
        except (ValueError, KeyError, ArithmeticError):
            continue
        extra.append(Found("money", m.start(), m.end(), m.group(),
                           {"value": canonical(value), "value_max": None, "approx": False}))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


def _add_lone_jiao(text: str, found: list[Found]) -> list[Found]:
    """``found`` with the amounts in 角 that no yuan amount holds (5角 → 0.5), sorted by start."""
    extra = [
        Found("money", m.start(), m.end(), m.group(),
              {"value": canonical(_cents(m["jiao"], m["fen"])), "value_max": None, "approx": False})
        for m in _JIAO_RE.finditer(text)
        if not any(f.start < m.end() and m.start() < f.end for f in found)
    ]
    return sorted(found + extra, key=lambda f: f.start) if extra else found
