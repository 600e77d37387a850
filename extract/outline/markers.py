"""Heading markers at the start of a line: 一、 (一) 1. (1) ① 第一部分 and their variants.

A marker match says only "this line *could* open a section"; whether it does is
decided in :mod:`zhenggai.outline.tree` from the numbering of its siblings.

>>> m = match_marker("  (二)关于“制度执行不严”问题的整改情况")
>>> (m.kind, m.ordinal, m.marker, m.text_start)
('pcn', 2, '(二)', 5)
>>> match_marker("1.5倍于去年") is None     # a decimal number, not a heading
True
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import NamedTuple

import regex

from zhenggai import limits
from zhenggai.models import load_table
from zhenggai.numerals import parse_chinese_integer, read_int

# Chinese numerals a heading number is written with (一 … 九十九).
_CN = "一二三四五六七八九十"

_MARKER = limits.compile(
    rf"""
    (?P<indent>[\x20\t\u3000\u00a0]*)              # indentation: ASCII/ideographic spaces, tabs
    (?:                                              # the marker; its kind is the group that matched
        (?P<part>第(?P<part_n>[{_CN}百零〇]{{1,4}})        # 第一部分 / 第三章 / 第二篇
            (?:部分|章|篇)[\x20\u3000]*[、.．,，:：]?)     #   optional stray punctuation after it
      | (?P<problem>问题(?P<problem_n>[{_CN}]{{1,3}}|\d{{1,2}})  # 问题一： 问题2： — a problem heading
            [\x20\u3000]*[:：、.．])                       #   needs punctuation: 问题一是… is prose
      | (?P<word>第(?P<word_n>[{_CN}]{{1,3}})               # 第一, 第二、 opening a paragraph
            [\x20\u3000]*[、,，.．:：])                     #   needs punctuation: 第一次… is prose
      | (?P<pcn>[(（][\x20\u3000]*(?P<pcn_n>[{_CN}]{{1,3}})  # (一) （一) (一） with spaces inside
            [\x20\u3000]*[)）][、.．,，]?)                  #   (一)、 — a doubled marker seen in practice
      | (?P<cn>(?P<cn_n>[{_CN}]{{1,3}})[\x20\u3000]*      # 一、 plus wrong punctuation 一． 一. 一,
            [、.．,，]
            (?![\x20\u3000]*[{_CN}]+                        # not "二、三季度" / "一,二级" (ranges of
                (?:季度|月|个|级|类|批|年|[、,，]))        #   numerals that open a sentence)
        )
      | (?P<paren>[(（][\x20\u3000]*(?P<paren_n>\d{{1,2}})  # (1) （2） — at most two digits, so
            [\x20\u3000]*[)）][、.．,，]?)                  #   "(2022-2027年度)" never matches
      | (?P<arabic>(?P<arabic_n>\d{{1,2}})[\x20\u3000]*     # 1. 1、 1． 1, — at most two digits
            [.．、,，]                                      #   so "2022年" never matches
            (?![\x20\u3000]*\d(?!\d{{3}}年))                # "1.5倍" "2,3月" are numbers; "3.2023年" heads
        )
      | (?P<circled>(?P<circled_c>[\u2460-\u2473])[、.．,，]?)  # ① … ⑳
    )
    [\x20\u3000\t]*                                  # space between the marker and the heading text
    """,
    regex.VERBOSE,
)

KINDS = ("part", "cn", "pcn", "arabic", "word", "problem", "paren", "circled")
_NUMBER_GROUP = {kind: f"{kind}_c" if kind == "circled" else f"{kind}_n" for kind in KINDS}
# kind → (number of the kind's group, number of its numeral group): groups looked up by
# number, which the regex module answers far faster than by name.
_GROUPS = {kind: (_MARKER.groupindex[kind], _MARKER.groupindex[_NUMBER_GROUP[kind]]) for kind in KINDS}
# The same pattern read by Python's re on a line shorter than limits.TIMER_MIN_CHARS (about
# twice as fast per line); only for text without a character beyond U+FFFF, where the two
# engines read \d alike (see limits.Twin).
_MARKER_TWIN = limits.Twin(_MARKER)
# Its re pattern's match, called by marker_row itself (limits.Twin's batched calls: the callers of
# marker_row check the deadline, candidate_rows once per limits.BATCH_CALLS calls).
_MARKER_STD_MATCH = _MARKER_TWIN.std.match


class MarkerMatch(NamedTuple):
    """A marker at the start of a line; offsets are relative to the string matched."""

    kind: str  # one of KINDS
    ordinal: int  # the number as written (一 → 1, ⑫ → 12)
    marker: str  # the marker as written, without indentation or trailing spaces
    marker_start: int  # start of the marker (after indentation)
    text_start: int  # start of the heading text (after the marker and spaces)


@cache
def kind_table() -> dict[str, tuple[int, float]]:
    """kind → (GB/T 9704 level, nesting rank), from models/heading_markers.tsv.

    >>> kind_table()["arabic"]
    (3, 3.0)
    """
    return {row[0]: (int(row[1]), float(row[2])) for row in load_table("heading_markers.tsv")}


@lru_cache(maxsize=4096)
def _ordinal(kind: str, number: str) -> int:
    """The number a marker writes (一 → 1, ⑫ → 12); ValueError when it is no numeral (cached: a few hundred keys)."""
    if kind in ("paren", "arabic") or (kind == "problem" and number.isascii()):
        return read_int(number)
    if kind == "circled":
        return ord(number) - 0x2460 + 1
    return parse_chinese_integer(number)


def match_marker(line: str, pos: int = 0, endpos: int | None = None) -> MarkerMatch | None:
    """The heading marker that opens ``line`` at ``pos``, if any.

    ``endpos``: where the line ends in a longer text (its newline).  Nothing of the
    pattern, lookaheads included, reads a newline, so the match is the same as on the
    whole text, and a short window needs no regex timer.

    >>> match_marker("第一部分 整改工作总体情况").kind
    'part'
    >>> match_marker("一、整改工作开展情况").ordinal
    1
    >>> match_marker("2022年以来,我局…") is None
    True
    """
    return match_marker_in(line, pos, endpos, limits.astral(line))


def match_marker_in(text: str, pos: int, endpos: int | None, astral: bool) -> MarkerMatch | None:
    """:func:`match_marker` on a line of a longer ``text``; ``astral``: ``limits.astral(text)``,
    computed once per text by the caller (a text without such a character is read by ``re``).

    >>> match_marker_in("正文。\\n(二)制度执行不严", 4, None, False).marker
    '(二)'
    """
    limits.check()  # (marker_row leaves it to its caller)
    row = marker_row(text, pos, endpos, astral)
    # = MarkerMatch(…) without the NamedTuple's Python-level __new__ (as MarkerMatch._make does)
    return None if row is None else tuple.__new__(MarkerMatch, row)


# The numbers most markers write, with their values: the ten numerals 一 … 十 (as
# parse_chinese_integer reads them), ASCII numbers of one or two digits (as int reads them) and
# ① … ⑳.  Each string belongs to the numeral group of one family of kinds only, and every kind
# that can write it reads it so (_ordinal); other numbers go to _ordinal.
_COMMON_ORDINALS = (
    {ch: parse_chinese_integer(ch) for ch in _CN}
    | {f"{n}": n for n in range(100)} | {f"{n:02d}": n for n in range(10)}
    | {chr(0x2460 + n - 1): n for n in range(1, 21)}
)


def marker_row(text: str, pos: int, endpos: int | None, astral: bool) -> tuple[str, int, str, int, int] | None:
    """:func:`match_marker_in` as a plain tuple (the fields of :class:`MarkerMatch`), for the tree
    builder, which reads each candidate once and keeps none (a tuple is built far faster than a
    NamedTuple).

    A short line of a text without a character beyond U+FFFF is read by ``re`` without a deadline
    check: the caller checks the deadline at least once per ``limits.BATCH_CALLS`` calls (see
    limits.Twin); a long window or such a text goes through the regex module's wrapper.

    >>> marker_row("正文。\\n(二)制度执行不严", 4, None, False)
    ('pcn', 2, '(二)', 4, 7)
    """
    if endpos is None:
        endpos = len(text)
    if astral or endpos - pos >= limits.TIMER_MIN_CHARS:
        m = (_MARKER if astral else _MARKER_TWIN).match(text, pos, endpos)
    else:
        m = _MARKER_STD_MATCH(text, pos, endpos)
    if m is None:
        return None
    kind = m.lastgroup  # the kind group closes last: nothing after it is named
    group, number_group = _GROUPS[kind]
    number = m[number_group]
    ordinal = _COMMON_ORDINALS.get(number)
    if ordinal is None:
        try:
            ordinal = _ordinal(kind, number)
        except ValueError:  # "十十" and similar: not a numeral
            return None
    if not 0 < ordinal < 100:
        return None
    return kind, ordinal, m[group].rstrip(), m.start(group), m.end()
