"""Count mentions: a number with a measure word (44个, 200余条, 1.5万人次, 十二项).

Notices report what was done as counts: "反馈问题12个", "约谈干部35人次",
"建立制度二十余项".  Each count carries its value, the measure word as written,
the counted noun where it follows directly, and whether it is approximate.

>>> [(f.text, f.values["value"], f.values["unit"], f.values["noun"])
...  for f in find_counts("反馈的6个方面23个问题中,已完成21个")]
[('6个', Decimal('6'), '个', '方面'), ('23个', Decimal('23'), '个', '问题'), ('21个', Decimal('21'), '个', None)]

Choices:

* Measure words come from models/measure_words.txt, longest first (人次 before 人).
  Time and measurement units (年 月 日 天 周 小时 岁 元 米 吨 亩 …) are not in it, and
  "not" entries there reject durations and classifier-nouns (3个月, 12部门, 5人小组).
  点 counts only before an opinion word of models/count_point_nouns.txt (3点整改意见).
* 约/近/逾/超过/超/将近/接近/大约 (and 上 before 百/千/万) in front, 余/多 between number
  and measure word or before 万/亿 (2万多人次, 120余万件 → 1200000), 以上/左右 after:
  ``approx`` and part of the span.  共/累计/达 are
  neither.  A range (3至5人) is reported as its low end, approximate.
* Not counts: ordinals (第3次, 第四个, sessions 八届89次常务会议, the last of a list
  一、二、三轮巡察), bare 一 as a determiner (一个, 一批),
  distributive 每3人, vague numerals (几十个, 数百人), adjacent digits (三四个),
  decimals without 万/亿 (3.5个), slogans and idioms from models/slogans.txt (两个维护,
  八项规定), Chinese-numeral counts inside short quotes (“两项”补贴) or followed by 一
  (五个一), and team names such as 巡察四组.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

import regex

from zhenggai import limits
from zhenggai.mentions.base import Found
from zhenggai.mentions.word_trie import word_trie
from zhenggai.mentions.count_context import (
    CJK_PUNCTUATION,
    FIRST_HAN,
    Cursor,
    find_noun,
    merge_spans,
    short_quote_spans,
    slogan_spans,
    title_spans,
)
from zhenggai.models import load_table, word_alternation
from zhenggai.numerals import ARABIC, CN_BIG_UNITS, parse_chinese_integer, parse_number, trailing_big_units

# Chinese numerals a count may start with: ordinary digits, 两 and the traditional and
# financial forms that appear in re-published texts.  陆/伍/肆 are left out because they
# are common ordinary characters (陆续, 队伍, 肆意); 拾 is read only inside a numeral (貳拾).
_CN_START = "一二三四五六七八九十两兩壹贰貳叁參叄柒捌玖"
_CN_BODY = _CN_START + "〇零○百千万亿拾佰仟萬億"
_CN_BODY_SET = frozenset(_CN_BODY)  # a set: "" in a str would be True at the text start
_DIGITS_ONLY = set("一二三四五六七八九两兩壹贰貳叁參叄柒捌玖〇零○")

_UNIT_ROWS = load_table("measure_words.txt")
_NOT_UNITS = frozenset(row[0] for row in _UNIT_ROWS if len(row) > 1 and row[1] == "not")
_UNITS = "|".join(
    regex.escape(w) for w in sorted({row[0] for row in _UNIT_ROWS}, key=len, reverse=True)
)

# The same words as a trie (zhenggai.mentions.word_trie): the longest at a position, as
# _UNITS finds it, each character tried once (only optional 以上/左右 follow it in _COUNT_RE).
_UNIT_TRIE = word_trie(row[0] for row in _UNIT_ROWS)

# First characters of all measure-word entries: a cheap test before the long alternation.
_UNIT_FIRST = "".join(sorted({row[0][0] for row in _UNIT_ROWS}))

# Every character that can come second in a count: the rest of a number (digits, 1,234.5,
# numerals, 万/亿), the rest of a qualifier (大约, 将近, 超过), a blank, a range separator,
# 余/多, or the measure word right after a one-character number.  Tested with the first
# character before the pattern proper: "一是", "统一" fail at once (they are most of the
# positions that start like a count).
_SECOND = regex.escape(
    "千万亿萬億" + _CN_BODY + " 至到-–—－~～余多约近过" + _UNIT_FIRST, special_only=False
)

_HAN_CHAR = limits.compile(r"\p{Han}  # a Chinese character (the one before a count)", regex.VERBOSE)
_APPROX_BEFORE = r"(?:大约|将近|接近|超过|约|近|逾|超|上)"

_COUNT_RE = limits.compile(
    rf"""
    (?=[\d{_CN_START}百千大将接超约近逾上]          # cheap first-character test: most positions fail here
       [\d,.{_SECOND}])                            # and second-character test: most of the rest fail here
    (?P<q1>{_APPROX_BEFORE})?\ ?                 # 约1600家, 近百件, 超过300人: approximate, in the span
    (?:
      (?P<lo>(?<!\d){ARABIC}[千万亿萬億]{{0,2}}   # range low end, Arabic: 3至5人 (never inside a digit run)
        |[{_CN_START}百千][{_CN_BODY}]{{0,11}})    #   or Chinese: 三到五个
      \ ?(?P<sep>至|到|-|–|—|－|~|～)\ ?          # range separators as notices write them
    )?
    (?P<num>
        (?P<ar>(?<!\d){ARABIC})                  # 44, 2,800, 1.5: not inside a digit run, which the
        (?P<mult>[千万亿萬億]{{0,2}})               #   code refuses anyway (linear on long runs); 1.5万, 3千
      | (?P<cn>[{_CN_START}百千][{_CN_BODY}]{{0,11}})  # 十二, 两千, 三百; bare 百/千 checked in code
    )
    (?:(?P<q0>[余多])(?P<big>[万亿萬億]{{1,2}}))?   # 120余万件, 十多万人: the qualifier before 万/亿
    (?P<q2>[余多])?                              # 200余条, 三百多条, 1万余人, 2万多人次
    \ ?                                         # PDF text layers put a space between digits and Han
    (?=[{_UNIT_FIRST}])                         # cheap test: a measure word can start here
    (?P<unit>{_UNIT_TRIE})                      # measure word, or a "not" entry (个月, 部门), the longest
    (?P<q3>以上|左右)?                           # 2次以上, 100人左右
    """,
    regex.VERBOSE,
)

# Where counts can be: _COUNT_RE reads a stretch of number-like characters (qualifier,
# range, number, 余/多, blank), then a measure word.  Every match therefore ends its
# stretch with a number character right before a measure word's first character (the
# anchor), and starts inside that stretch; only the stretches before anchors are read
# (a few dozen characters of a notice instead of all of them).
_BEFORE_UNIT = r"\d,." + regex.escape(  # every character the part before the measure word can consume
    _CN_BODY + "千万亿萬億" + "大约将近接超过逾上" + " " + "至到-–—－~～" + "余多", special_only=False
)
_ANCHOR = rf"""
    [{_UNIT_FIRST}]                                  # a measure word can start here
    (?<=[\d{regex.escape(_CN_BODY + "千万亿萬億余多 ", special_only=False)}].)   # after what ends a number (or 余/多, a blank)
    """
_COUNT_ANCHOR = limits.compile(_ANCHOR, regex.VERBOSE)  # text with characters beyond U+FFFF
_COUNT_ANCHOR_STD = limits.plain(_ANCHOR, regex.VERBOSE)  # the rest: the same scan, faster
# A count starting with a digit reads an Arabic number, which never starts after a digit.
_ASCII_DIGITS = frozenset("0123456789")
# Characters of a stretch that _COUNT_RE's first-character test refuses (no digits among them).
_NEVER_FIRST = frozenset(",. 〇零○万亿拾佰仟萬億至到-–—－~～余多")
# _BEFORE_UNIT as a set, digits apart: below U+10000 (astral text takes the pattern alone)
# regex's \d is str.isdecimal (Python's Unicode decimal digits, tests/test_count_scan.py).
_BEFORE_UNIT_SET = frozenset(
    "0123456789,." + _CN_BODY + "千万亿萬億" + "大约将近接超过逾上" + " " + "至到-–—－~～" + "余多"
)
_STRETCH_START = limits.compile(f"(?r)[^{_BEFORE_UNIT}]")  # searching backwards: the character before a stretch
# How far a match reaches past its anchor: the longest measure word, then 以上/左右.
_TAIL = max(len(row[0]) for row in _UNIT_ROWS) + len("以上")

# Characters before a single-character qualifier that make it part of another word:
# 最近/附近/邻近, 节约/制约/签约/预约/违约/合约, 赶超, 网上/线上/以上/之上.
_QUALIFIER_WORD_BEFORE = frozenset("最附邻节制签预违合赶网线以之")
# Characters before an Arabic number that make it part of a code, a longer number or a time.
_ARABIC_GLUE = frozenset(".#/:_+×*")
# A dotted or slashed day ending right before a comma (2023.10.31, / 2023/9/1,): what follows is a new figure.
_DATE_BEFORE_COMMA = limits.compile(
    r"""
    \d{4}[./-]\d{1,2}[./-]\d{1,2}$  # year, month and day written with dots, slashes or hyphens
    """,
    regex.VERBOSE,
)
_RANGE_SEPS = frozenset("至到-–—－~～")
# Words ending in 一 after which a Chinese numeral may begin a count: 统一三项, 逐一两个 …
_ONE_WORD_BEFORE = frozenset("统唯逐同单专归合划")
# Units that, after a Chinese numeral and a Han character, name a team or a division:
# 巡察四组, 综合二处, 办公室一部.  Counts follow verbs and particles instead (分为三组).
_TEAM_UNITS = frozenset("组組处處部")
# After a Chinese-numeral count, these begin the rest of a slogan: 五个一, 两个“一百年”.
_SLOGAN_NEXT = frozenset("一“‘\"「『")
_TEAM_ALLOWED_BEFORE = frozenset("成为设分建立有等共计达了和及与、各近约余另")
# Units that after 前/后 give a rank, not a number of things: 排名后5位, 前三名.
_RANK_UNITS = frozenset("位名")
# The end of a clause right after 一次 (检查一次。): nothing follows for 一次 to determine.
_CLAUSE_END = limits.compile(
    r"""
    [\x20]*(?:[,;；。:：、!?！？\n]|$)   # punctuation, a line break or the end of the text
    """,
    regex.VERBOSE,
)
# Before a clause-final 一次 these make it an adverb or part of a word: 再一次, 又一次, 统一次.
_ONCE_ADVERB_BEFORE = frozenset("再又第统唯逐同单每")
# 每季度开展一次 / 每半年清理一次: a frequency names how many times, so its 一次 is a count
# (like 每季度1次); elsewhere 一次 is a determiner (进行一次检查) or a word (一次性).
# The period and the verb may be far apart (每季度对各单位整改进展排名通报一次).
EVERY_GAP = 20
_EVERY_BEFORE = limits.compile(
    rf"""
    每[^\s,;；。:：、\d]{{1,{EVERY_GAP}}}$   # 每 + period + verb in the same clause, right before 一次
    """,
    regex.VERBOSE,
)
# 区政府八届89次常务会议 / 三届人大五次会议: after 届, N次 numbers a session (an
# ordinal written without 第), not how many meetings there were.
_SESSION_BEFORE = limits.compile(
    r"""
    (?<!换|连|任|应|本|上|每)届        # 届 of a term (not 换届, 连任两届, 本届/上届 …), then at most
    (?:人民代表大会常务委员会|人民代表大会|人大常委会|人大|政协|党代会|全委会|委员会
      |市委|区委|县委|省委|党委|政府|常委会)?$   # the body whose session it is
    """,
    regex.VERBOSE,
)
_SESSION_AFTER = limits.compile(
    r"""
    (?:常务|全体|党组|常委会|常委|主任|代表)?(?:扩大)?会议    # …次(常务)会议: the session's name
    """,
    regex.VERBOSE,
)
_SESSION_AFTER_MAX = len("常委会扩大会议")  # the longest session name: 会议 ends within it
# 一、二、三轮巡察: the last numeral of an enumeration before 轮/届/批/期 names the
# rounds (ordinals), it does not say there were three.
_ORDINAL_LIST_UNITS = frozenset("轮届批期輪")
_POINT_ROWS = load_table("count_point_nouns.txt")
# 3点整改意见 / 三点意见建议: 点 is a measure word only before these nouns.
_POINT_NOUN = limits.compile(
    rf"""
    (?:{word_alternation([w for w, kind in _POINT_ROWS if kind == "qualifier"])})?   # 整改, 具体 …
    (?:{word_alternation([w for w, kind in _POINT_ROWS if kind == "noun"])})         # 意见, 建议 …
    """,
    regex.VERBOSE,
)
# "15个和10个工作日": a count whose measure word is shared with a duration after a
# conjunction is that duration too (the 个 of 个工作日/个月 is written once per number).
_SHARED_TAIL = limits.compile(
    r"""
    \ ?(?:和|或者|或|及|与|、|至|到)\ ?       # a conjunction (or range word) right after the count
    (?:\d[\d,.]*|[一二三四五六七八九十两百]+)  # the second number
    \ ?(?P<rest>\p{Han}{1,4})                  # what follows it: 个工作日, 个月 …
    """,
    regex.VERBOSE,
)


def _canonical(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1))


_COUNT_TWIN = limits.Twin(_COUNT_RE)  # re on the short windows before measure words
# The same pattern with its range part failing at once, for a stretch without a range
# separator (most): the range part reads one inside the stretch, so it could not match there.
# The groups stay, unset, so the matches are the same, without the range part's attempts.
_RANGE_PART = "(?:\n      (?P<lo>"
assert _COUNT_RE.pattern.count(_RANGE_PART) == 1
_COUNT_NO_RANGE_TWIN = limits.Twin(
    limits.compile(_COUNT_RE.pattern.replace(_RANGE_PART, "(?:(?!)\n      (?P<lo>"), _COUNT_RE.flags)
)
_RANGE_SEPARATORS = frozenset("至到-–—－~～")

# Group numbers of _COUNT_RE: the groups tuple is indexed by them, because a group
# looked up by name costs the regex module several times a whole m.groups() call.
_GROUP = {name: number - 1 for name, number in _COUNT_RE.groupindex.items()}
_Q1, _LO, _NUM, _CN, _Q2, _UNIT, _Q3 = (_GROUP[k] for k in ("q1", "lo", "num", "cn", "q2", "unit", "q3"))
_Q0, _BIG = _GROUP["q0"], _GROUP["big"]
_AR, _MULT = _GROUP["ar"], _GROUP["mult"]


class _DigitCount:
    """What ``_COUNT_RE.match`` gives where a stretch is ASCII digits alone before a measure word.

    There (44个: the stretch starts after a character that is no part of a count) the
    pattern can only read the digits as the number (no qualifier, range, 万/亿, 余/多 or
    blank) and the longest measure word after them, then 以上/左右: so this holds the
    same groups and spans, found without the pattern (tests/test_count_scan.py checks
    it against the pattern).  Only the Match methods the count code calls.
    """

    __slots__ = ("_start", "_end", "_groups", "_text")

    def __init__(self, text: str, start: int, end: int, groups: tuple) -> None:
        self._text, self._start, self._end, self._groups = text, start, end, groups

    def groups(self) -> tuple:
        return self._groups

    def start(self, group: int = 0) -> int:
        if group in (0, _NUM + 1, _AR + 1):
            return self._start
        raise ValueError(f"group {group} of a digit count")  # never asked (the code asks for these)

    def end(self, group: int = 0) -> int:
        if group == 0:
            return self._end
        raise ValueError(f"group {group} of a digit count")

    def span(self, group: int = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, group: int = 0) -> str:
        if group == 0:
            return self._text[self._start : self._end]
        raise ValueError(f"group {group} of a digit count")


_UNIT_WORD = limits.plain(_UNIT_TRIE)  # the longest measure word at a position
_DIGIT_RUN_MAX = 24  # longer digit runs take the pattern (they are no counts anyway)


def _digit_match(text: str, start: int, unit_at: int, end: int, unit: str, q3: str | None) -> _DigitCount:
    """The match-like object of a digit count found by ``_candidates`` without the pattern."""
    groups = [None] * len(_GROUP)
    groups[_NUM] = groups[_AR] = text[start:unit_at]
    groups[_MULT] = ""
    groups[_UNIT] = unit
    groups[_Q3] = q3
    return _DigitCount(text, start, end, tuple(groups))


def _number_value(s: str, qualified: bool) -> Decimal | None:
    """The value of the number ``s`` (the "num" or "lo" group), or None when it is no count.

    ``qualified``: a qualifier (约/近/上 …) stands before it.
    """
    if len(s) <= _CACHED_NUMBER:
        return _string_value(s, qualified)  # the same few numbers recur in every notice
    return _string_value.__wrapped__(s, qualified)


# Number strings up to this length have their count value memoised.
_CACHED_NUMBER = 24


@lru_cache(maxsize=4096)
def _string_value(s: str, qualified: bool) -> Decimal | None:
    """Count value of the number ``s`` (see _number_value)."""
    if s[0].isdigit():
        digits = s.rstrip("千万亿萬億")
        if "." in digits and digits == s:
            return None  # 3.5个: counts are whole; decimals need 万/亿 (1.5万人次)
        if len(digits.replace(",", "")) > 9 or (len(digits) > 1 and digits[0] == "0" and digits[1] != "."):
            return None  # phone numbers, ids and zero-padded codes
        value = parse_number(s)
    else:
        if s[0] in "百千" and not qualified:
            return None  # bare 百名/千家 are names and idioms; 近百件, 上千人 are counts
        if s in ("一", "壹"):
            return None  # 一个/一批/一项 in running text are determiners
        if s in ("二", "贰", "貳"):
            return None  # counts of two use 两; 二次供水, 二期, 二类 are ordinals and class names
        if len(s) > 1 and all(ch in _DIGITS_ONLY for ch in s):
            return None  # 三四个, 一两项: vague; 二〇二三: a year
        try:
            value = Decimal(parse_chinese_integer(s))
        except (ValueError, KeyError):
            return None
    if value != value.to_integral_value():
        return None
    return _canonical(value)


def _context_ok(text: str, m: regex.Match[str], g: tuple) -> bool:
    """Whether the match begins a count, judged by the characters before its number (``g``: m.groups())."""
    first = _LO if g[_LO] is not None else _NUM
    number = g[first]
    q1 = g[_Q1]
    if q1 is not None:
        before_q = text[m.start() - 1] if m.start() > 0 else ""
        if len(q1) == 1 and before_q in _QUALIFIER_WORD_BEFORE:
            return False  # 最近3家, 节约2个: the overlapping match without the qualifier is used
        if q1 == "上" and number[0] not in "百千万":
            return False  # 上 is a qualifier only in 上百/上千/上万
        return before_q not in ("第", "每")
    start = m.start(first + 1)
    prev = text[start - 1] if start > 0 else ""
    prev2 = text[start - 2] if start > 1 else ""
    if prev in ("第", "每"):
        return False  # ordinal (第3次, 第四个) or distributive (每3人)
    if prev in ("前", "后") and (g[_UNIT] in _RANK_UNITS or "排" in text[start - 4 if start > 4 else 0 : start]):
        return False  # a rank: 排名后5位, 前三名, 排在前10个
    if prev in _RANGE_SEPS and (prev2.isdigit() or prev2 in _CN_BODY_SET):
        return False  # tail of a range whose low end was refused, or of a phone number 0571-8958
    if number[0].isdigit():
        if prev == ":" and not prev2.isdigit():
            return True  # 反馈问题:3个 (a full-width colon, normalised): a label, then the count
        if prev.isdigit() or prev in _ARABIC_GLUE or (prev.isascii() and prev.isalpha()):
            return False  # part of a longer number, a code or a time (10:30)
        if prev == "," and prev2.isdigit():
            # After "digit," — the full-width ，of Chinese prose normalised, or the tail of an
            # oddly grouped 1,2345.  Only a group-like tail (3+ digits) right after a bare number
            # is refused: 截至2023.10.31,11个问题 reads a date, a comma and a count.
            lead = len(number) - len(number.lstrip("0123456789"))
            return lead < 3 or _DATE_BEFORE_COMMA.search(text, start - 12 if start > 12 else 0, start - 1) is not None
        return True
    if prev in _CN_BODY_SET:
        # Inside a longer numeral (二十余人 read from 十) unless the 一 ends a word (统一三项).
        return prev == "一" and prev2 in _ONE_WORD_BEFORE
    if prev in ("几", "数", "若"):
        return False  # 几十个, 数百人: vague
    if g[_UNIT] in _TEAM_UNITS and _HAN_CHAR.match(prev) and prev not in _TEAM_ALLOWED_BEFORE:
        return False  # 巡察四组, 综合二处: a team or division name
    return True


def _ordinal_context(text: str, m: regex.Match[str], g: tuple) -> bool:
    """Whether a count-shaped match is an ordinal: a session (八届89次常务会议) or the
    last item of an enumeration (一、二、三轮巡察)."""
    unit = g[_UNIT]
    start = m.start(_NUM + 1) if g[_LO] is None else m.start(_LO + 1)
    if unit == "次":
        if text[start - 1 : start] == "届" and _SESSION_BEFORE.search(text[start - 2 if start > 2 else 0 : start]):
            return True  # 八届89次 (not 换届3次)
        if "会议" in text[m.end() : m.end() + _SESSION_AFTER_MAX] and _SESSION_AFTER.match(text, m.end()) and (
            _SESSION_BEFORE.search(text[start - 12 if start > 12 else 0 : start])
        ):
            return True  # 三届人大五次会议
        return False
    if unit in _ORDINAL_LIST_UNITS and text[start - 1 : start] == "、":
        before = text[start - 2 : start - 1]
        return before.isdigit() or before in _CN_BODY_SET
    return False


_BIG_CHARS = "千万亿萬億"


def _trailing_multiplier(number: str) -> Decimal:
    """What the 千/万/亿 closing a count's number multiply by (2万 → 10000, 五万 → 10000, 12 → 1)."""
    if number[0].isdigit():
        result = Decimal(1)
        for ch in number[len(number.rstrip(_BIG_CHARS)):]:
            result *= 1000 if ch == "千" else CN_BIG_UNITS[ch]
        return result
    return trailing_big_units(number)


def _once_per_period(text: str, m: regex.Match[str], g: tuple) -> bool:
    """一次 as a count of one: after 每<period><verb> (每月组织一次), or closing its clause
    after the verb it counts (开展全覆盖检查一次。), where no noun follows for it to determine."""
    if g[_NUM] != "一" or g[_UNIT] != "次" or g[_LO] is not None or text[m.end() : m.end() + 1] == "性":
        return False
    if _CLAUSE_END.match(text, m.end()) and text[m.start() - 1 : m.start()] not in _ONCE_ADVERB_BEFORE:
        return True
    return bool(_EVERY_BEFORE.search(text[max(0, m.start() - EVERY_GAP - 1) : m.start()]))


# Units with checks of their own in _interpret (time of day, sessions, rounds).
_CHECKED_UNITS = frozenset("点次") | _ORDINAL_LIST_UNITS
# First characters of _SHARED_TAIL after its optional space: a cheap test before the regex.
_SHARED_FIRST = frozenset("和或及与、至到")


def _interpret(text: str, m: regex.Match[str]) -> tuple[int, int, str, dict, bool] | None:
    """One regex match → (start, end, text, values, written in Chinese numerals), or None (no count)."""
    g = m.groups()
    unit = g[_UNIT]
    if unit in _NOT_UNITS:
        return None  # 3个月, 12部门, 5人小组
    if not _context_ok(text, m, g):
        return None
    if unit in _CHECKED_UNITS:
        if unit == "点" and not _POINT_NOUN.match(text, m.end()):
            return None  # 下午3点: a time of day; 3点整改意见 is a count
        if (unit == "次" or unit in _ORDINAL_LIST_UNITS) and _ordinal_context(text, m, g):
            return None  # 八届89次常务会议, 一、二、三轮巡察: ordinals
    qualified = g[_Q1] is not None  # the group is empty or a word
    number = g[_NUM]
    value = _string_value(number, qualified) if len(number) <= _CACHED_NUMBER else _number_value(number, qualified)
    if value is None and _once_per_period(text, m, g):
        value = Decimal(1)
    if value is None:
        return None
    if g[_BIG] is not None:
        for ch in g[_BIG]:
            value *= CN_BIG_UNITS[ch]  # 120余万件 → 1200000, approximate
    approx = qualified or g[_Q0] is not None or g[_Q2] is not None or g[_Q3] is not None
    if g[_LO] is not None:
        low = _number_value(g[_LO], qualified)
        if low is not None and g[_LO][-1] not in _BIG_CHARS:
            shared = _trailing_multiplier(g[_NUM])  # 1至2万人, 三到五万人: the unit is written once
            if low * shared < value:
                low *= shared
        if low is None or low >= value:
            return None  # not a range ("2022-3个"): the match starting at the high end is used
        value, approx = low, True
    end = m.end()
    after = text[end : end + 2]
    if g[_CN] is not None and after[:1] in _SLOGAN_NEXT:
        return None  # 五个一, 三个一批, 两个“一百年”: slogan pattern
    if after[:1] in _SHARED_FIRST or (after[:1] == " " and after[1:] in _SHARED_FIRST):
        shared = _SHARED_TAIL.match(text, end)
        if shared is not None and any(
            n != unit and n.startswith(unit) and shared["rest"].startswith(n) for n in _NOT_UNITS
        ):
            return None  # 15个和10个工作日, 3个至6个月: durations sharing their measure word
    if after[:1] == "\n" and _cut_duration(text, end, unit):
        return None  # 3个⏎— 3 —⏎(running header)⏎工作日: a duration cut by a page break
    values = {"value": value, "unit": unit, "noun": None, "approx": approx}
    return m.start(), end, m.group(), values, g[_CN] is not None


# The character before a digit count that _context_ok reads (the rest, Han characters and
# punctuation, let it begin a count), and the one after it that _interpret reads further.
_DIGIT_PREV_READ = frozenset("第每前后,") | _RANGE_SEPS | _ARABIC_GLUE
_DIGIT_NEXT_READ = _SHARED_FIRST | frozenset(" \n")


def _interpret_digits(
    text: str, start: int, unit_at: int, end: int, unit: str, q3: str | None
) -> tuple[int, int, str, dict, bool] | None:
    """``_interpret`` of a count of ASCII digits alone (a ``_candidates`` tuple), read without a match.

    Such a count has no qualifier, range, 万/亿 or 余/多, and the character before it is no
    digit or part of a count.  When neither its unit (点, 次, 轮 …), nor the character before
    it (第, 前, a letter …), nor the one after it (和, a blank, a line break) asks for more,
    ``_interpret`` only reads its value; otherwise it runs on the match-like object.
    """
    prev = text[start - 1] if start else ""
    if (
        unit in _CHECKED_UNITS
        or prev in _DIGIT_PREV_READ
        or prev.isdigit()
        or (prev.isascii() and prev.isalpha())
        or text[end : end + 1] in _DIGIT_NEXT_READ
    ):
        return _interpret(text, _digit_match(text, start, unit_at, end, unit, q3))
    if unit in _NOT_UNITS:
        return None  # 3个月, 12部门, 5人小组
    value = _string_value(text[start:unit_at], False)
    if value is None:
        return None
    return start, end, text[start:end], {"value": value, "unit": unit, "noun": None, "approx": q3 is not None}, False


# A page number line of a converted PDF (— 3 —, - 3 -, 第3页).
_PAGE_NUMBER_LINE = limits.compile(
    r"""
    [\x20\u3000\t]*(?:[—－\-]{1,2}[\x20\u3000]*\d{1,3}[\x20\u3000]*[—－\-]{1,2}|第\d{1,3}页)[\x20\u3000\t]*
    """,
    regex.VERBOSE,
)
_FURNITURE_LINES = 4  # at most this many lines of page furniture between the parts of a cut word


def _cut_duration(text: str, end: int, unit: str) -> bool:
    """Whether the measure word ending a line continues, past a page break, into a duration.

    A converted PDF keeps its page furniture: the page number and the running header (a line
    that repeats the document's first line) stand between 3个 and 工作日.
    """
    first_line = text[: text.find("\n")].strip() if "\n" in text else ""
    pos, skipped = end, 0
    while skipped <= _FURNITURE_LINES:
        while pos < len(text) and text[pos] in "\n\x20\u3000\t":
            pos += 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end].strip()
        if line and (_PAGE_NUMBER_LINE.fullmatch(line) or (first_line and line == first_line)):
            pos, skipped = line_end, skipped + 1
            continue
        break
    if skipped == 0:
        return False
    return any(n != unit and n.startswith(unit) and text.startswith(n[len(unit):], pos) for n in _NOT_UNITS)


def _count_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_COUNT_RE.finditer(text, overlapped=True)``, in order (see ``_candidates``)."""
    for m in _candidates(text):
        yield _digit_match(text, *m) if type(m) is tuple else m


def _candidates(
    text: str, astral: bool | None = None
) -> Iterator[regex.Match[str] | tuple[int, int, int, str, str | None]]:
    """The matches of ``_COUNT_RE.finditer(text, overlapped=True)``, in order, read only before anchors;
    a count of ASCII digits alone comes as a tuple (start, unit_at, end, unit, q3): no match object built.

    Why the same: a match starting at p reads number-like characters (``_BEFORE_UNIT``) up
    to its measure word at u, so text[u - 1] and text[u] make an anchor and p lies in the
    stretch of such characters ending at u - 1.  Only 大 is both number-like (大约) and a
    measure word's first character (大类), and a match reads it only where it starts; so
    the measure word of a match starting at p is the first anchor after p, and each anchor
    owns the starts between the previous anchor (or its stretch's start) and itself.  No
    match runs more than ``_TAIL`` characters past its anchor, so the window ending there
    holds it whole; lookbehinds see the text before the window.  (Overlapped matches are
    the matches at each start position, so trying each start gives them all.)
    """
    if limits.astral(text) if astral is None else astral:  # (astral: limits.astral(text), when known)
        anchors, pattern = _COUNT_ANCHOR, _COUNT_RE  # \d beyond U+FFFF: the regex module's reading
    else:
        anchors, pattern = _COUNT_ANCHOR_STD, _COUNT_TWIN
    plain_pattern = pattern if pattern is _COUNT_RE else _COUNT_NO_RANGE_TWIN
    n = len(text)
    done = 0  # starts before this position belong to an earlier anchor
    digits_first = pattern is _COUNT_TWIN  # (astral text: the pattern alone)
    unit_word = _UNIT_WORD.match
    for anchor in anchors.finditer(text):
        unit_at = anchor.start()
        if digits_first and text[unit_at - 1] in _ASCII_DIGITS:
            # The commonest count, 44个: ASCII digits alone in their stretch, read without the pattern.
            start = unit_at - 1
            floor = unit_at - _DIGIT_RUN_MAX  # max(done, …) without the builtin call (about 1.1k instructions)
            if floor < done:
                floor = done
            while start > floor and text[start - 1] in _ASCII_DIGITS:
                start -= 1
            prev = text[start - 1] if start else ""
            if start > floor or not start:  # the whole digit run (not cut at the floor)
                if not prev or (prev not in _BEFORE_UNIT_SET and not prev.isdecimal()):
                    # (start, unit_at, end, unit, q3): the digits, the longest measure word, then
                    # 以上/左右, as the pattern reads them here (_DigitCount holds the same as a match)
                    unit = unit_word(text, unit_at)
                    if unit is not None:  # (None: a first character only, 大 without 类: the pattern fails too)
                        end = unit.end()
                        q3 = text[end : end + 2]
                        if q3 == "以上" or q3 == "左右":
                            yield start, unit_at, end + 2, unit.group(), q3
                        else:
                            yield start, unit_at, end, unit.group(), None
                    done = unit_at
                    continue
        before = _STRETCH_START.search(text, done, unit_at - 1)
        first = before.end() if before is not None else done
        end = unit_at + _TAIL
        if end > n:
            end = n
        if unit_at - first >= limits.TIMER_MIN_CHARS:
            # A long stretch (a hostile run of numerals): one overlapped scan in C, with the
            # regex timer and a deadline check per match, rather than a call per start.
            for m in _COUNT_RE.finditer(text, first, end, overlapped=True):
                if m.start() >= unit_at:
                    break  # the next anchor's
                yield m
            done = unit_at
            continue
        match = (pattern if not _RANGE_SEPARATORS.isdisjoint(text[first:unit_at]) else plain_pattern).match
        for start in range(first, unit_at):
            ch = text[start]
            if ch in _ASCII_DIGITS:
                if start and text[start - 1] in _ASCII_DIGITS:
                    continue  # inside a number: both ways to read it need no digit before it
            elif ch in _NEVER_FIRST:
                continue  # the pattern's first test refuses it (a comma, 万, 余, a separator …)
            m = match(text, start, end)
            if m is not None:
                yield m
        done = unit_at


def find_counts(text: str, astral: bool | None = None) -> list[Found]:
    """Counts in ``text`` (number + measure word), sorted by start and non-overlapping.

    ``values``: ``value`` (Decimal), ``unit`` (the measure word as written), ``noun``
    (the counted noun right after, or None) and ``approx``.  ``astral``:
    :func:`zhenggai.limits.astral` of ``text`` when the caller has it.

    >>> f = find_counts("共梳理整改举措200余条,约谈干部1.5万人次")
    >>> [(x.text, x.values["value"], x.values["unit"], x.values["approx"]) for x in f]
    [('200余条', Decimal('200'), '条', True), ('1.5万人次', Decimal('15000'), '人次', False)]
    >>> find_counts("落实中央八项规定精神,增强“四个意识”,第一批次3个月内完成")
    []
    """
    # Overlapped matches come one per start position, in text order, so the earliest,
    # longest one wins by keeping matches as they come (约1600家 over 1600家); a match
    # starting inside a kept one is skipped before it is even interpreted.
    kept: list[tuple[int, int, str, dict, bool]] = []
    names: Cursor | None = None  # found on the first count (most texts have one)
    quotes: Cursor | None = None
    for m in _candidates(text, astral):
        if type(m) is tuple:  # ASCII digits alone (44个), the commonest count
            if kept and m[0] < kept[-1][1]:
                continue
            item = _interpret_digits(text, *m)
        else:
            if kept and m.start() < kept[-1][1]:
                continue
            item = _interpret(text, m)
        if item is None:
            continue
        if names is None:
            # Slogans and document titles never hold counts; both are sorted, non-overlapping spans.
            names = Cursor(merge_spans(slogan_spans(text) + title_spans(text)))
        start, end, _, _, chinese = item
        # (end > next_start: the Cursor's own shortcut, without the call for a count before the next name)
        if end > names.next_start and names.overlaps(start, end):
            continue  # 两个维护, 八项规定, 《…二十条措施》
        if chinese:
            if quotes is None:  # found on the first count in Chinese numerals
                quotes = Cursor(short_quote_spans(text))
            if end > quotes.next_start and quotes.overlaps(start, end):
                continue  # “两项”补贴, “整合一批”: a quoted name, not a quantity
        kept.append(item)

    result: list[Found] = []
    last = len(kept) - 1
    for i, (start, end, written, values, _) in enumerate(kept):
        after = text[end : end + 1]
        if after and after >= FIRST_HAN and after not in CJK_PUNCTUATION:  # else a sure hard stop: no noun
            values["noun"] = find_noun(text, end, kept[i + 1][0] if i < last else None)
        result.append(Found("count", start, end, written, values))
    return result
