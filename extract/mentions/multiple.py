"""Multiple mentions: "N倍" and "翻N番".

Notices compare standards and results: "补助标准提高到原来的1.5倍",
"申报数量是去年的两倍", "服务覆盖面翻一番".

>>> [(f.text, f.values["value"]) for f in find_multiples("从1.2倍提高到3倍,规模翻两番")]
[('1.2倍', Decimal('1.2')), ('3倍', Decimal('3')), ('翻两番', Decimal('4'))]

Choices:

* 翻N番 doubles N times (翻一番 → 2, 翻两番 → 4); a bare 翻番 means 翻一番 → 2.
* 倍 without a figure (倍增, 加倍, 成倍, 数倍, 十几倍) is not read, nor idioms such as
  信心百倍 and 事半功倍 (list in models/multiple_idioms.txt).
* The span is the number and 倍 only; qualifiers (近2倍, 2倍以上) stay outside
  because the multiple record has no ``approx`` field.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from zhenggai import limits
from zhenggai.mentions.base import Found
from zhenggai.mentions.money import canonical
from zhenggai.mentions.anchor_scan import CharAnchorScanner
from zhenggai.mentions.date_patterns import matches_near
from zhenggai.models import load_words
from zhenggai.mentions.word_trie import word_trie
from zhenggai.numerals import ARABIC, CHINESE, CN_NUMERAL_CHARS, parse_number

_MULTIPLE_RE = limits.compile(
    rf"""
    (?:                                          # one of the forms below
      (?<![\dA-Za-z.])(?<!\d,)                   # Arabic: not the tail of a longer number
      (?P<num>{ARABIC})\s?倍                     # 1.5倍, 2 倍
    |                                            # or
      (?<![{CN_NUMERAL_CHARS}数几成])            # Chinese: not inside a numeral, not 数十倍/几倍
      (?P<num>{CHINESE})倍                       # 两倍, 三倍, 十倍
    |                                            # or
      翻了?(?P<times>[一两二三四五]|\d)番        # 翻一番 = ×2, 翻两番 = ×4
    |                                            # or
      (?P<bare>翻番)                             # a bare 翻番 is one doubling
    )                                            # (end of the forms)
    """,
    regex.VERBOSE,
)


# Every character _MULTIPLE_RE can consume, and what each match holds (倍 or 番): the
# pattern runs only on the stretches of such characters around them (zhenggai.scan).
_CONSUMABLE = r"\d\s,." + regex.escape(CN_NUMERAL_CHARS + "点倍翻了番", special_only=False)
_SCANNER = CharAnchorScanner(_MULTIPLE_RE, _CONSUMABLE, chars="倍番", reach=0)


# Group numbers of _MULTIPLE_RE, minus one: indexes into m.groups().
_GROUP = {name: number - 1 for name, number in _MULTIPLE_RE.groupindex.items()}
_NUM = _GROUP["num"]
_TIMES = _GROUP["times"]


def _idiom_re():
    # The idioms as a trie on Python's re (limits.plain: no repetition): the longest idiom
    # at each position, as the longest-first alternation finds it, several times faster.
    return limits.plain(word_trie(_IDIOM_WORDS))


_IDIOM_WORDS = load_words("multiple_idioms.txt")
if not all("倍" in w for w in _IDIOM_WORDS):  # each idiom is looked for around a 倍 (matches_near)
    raise ValueError("models/multiple_idioms.txt: every idiom must hold 倍 (idiom_spans searches around it)")
_IDIOMS = _idiom_re()
_IDIOM_MAX = max(len(w) for w in _IDIOM_WORDS)


def idiom_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the idioms of models/multiple_idioms.txt (信心百倍), as ``_IDIOMS.finditer(text)``
    gives them: every idiom holds a 倍, so each 倍 gets one search in the few characters
    around it (date_patterns.matches_near; a text dense with 倍 is scanned whole)."""
    return [m.span() for m in matches_near(_IDIOMS, text, "倍", _IDIOM_MAX - 1, _IDIOM_MAX)]


def find_multiples(text: str) -> list[Found]:
    """Multiples in ``text``, sorted by start and non-overlapping.

    >>> [(f.text, f.values["value"]) for f in find_multiples("是上年的三倍")]
    [('三倍', Decimal('3'))]
    """
    idioms = idiom_spans(text)
    found: list[Found] = []
    for m in _SCANNER.finditer(text):  # = _MULTIPLE_RE.finditer(text), on the stretches that can match
        if any(s < m.end() and m.start() < e for s, e in idioms):
            continue  # 信心百倍
        g = m.groups()  # indexed by group number: much faster than m[name] in the regex module
        try:
            if g[_NUM] is not None:
                value = parse_number(g[_NUM])
            elif g[_TIMES] is not None:
                value = Decimal(2) ** int(parse_number(g[_TIMES]))
            else:
                value = Decimal(2)
        except (ValueError, KeyError, ArithmeticError):
            continue
        if value > 0:
            found.append(Found("multiple", m.start(), m.end(), m[0], {"value": canonical(value)}))
    return found
