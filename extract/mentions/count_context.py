"""Context around counts: where counts are not meant, and what noun a count counts.

Helpers of :mod:`zhenggai.mentions.counts`, kept apart because they read the
lexicons in ``models/`` (slogans.txt, counted_nouns.txt) rather than the numbers.

>>> find_noun("巡察反馈的44个具体问题中,41个", 8)
'具体问题'
>>> slogan_spans("增强“四个意识”、坚定“四个自信”")
[(3, 7), (12, 16)]
"""

from __future__ import annotations

import sys
from bisect import bisect_right

import regex

from zhenggai import limits
from zhenggai.mentions.word_trie import word_trie
from zhenggai.models import load_table, load_words

# Longest noun reported; longer stretches are phrases we cannot delimit without a parser.
NOUN_CAP = 8
# A stretch this short that ends at a clear boundary is taken even without a known head noun.
SHORT_NOUN = 4


# Word lists as tries (word_trie: the same matches as the longest-first alternation) for
# Python's re, which scans them several times faster than the regex module.
_SLOGAN_RE = limits.plain(word_trie(load_words("slogans.txt")))

_QUOTE_RE = limits.compile(
    r"""
      “[^“”\n。!?;]{1,24}”        # Chinese double quotes around a short name: “四张清单”
    | ‘[^‘’\n。!?;]{1,24}’        # Chinese single quotes, often nested: ‘一把手’
    | "[^"\n。!?;]{1,24}"         # ASCII quotes as some sites type them
    | 「[^「」\n。!?;]{1,24}」      # corner brackets (traditional / Japanese-style pages)
    | 『[^『』\n。!?;]{1,24}』      # double corner brackets
    """,
    regex.VERBOSE,
)

_QUOTE_OPENERS = "“‘\"「『"  # every match of _QUOTE_RE starts with one

# Titles of documents: 《关于…的二十条措施》 names a document, it reports nothing done.
_TITLE_RE = limits.compile(r"《[^《》\n]{1,120}》")

_NOUN_ROWS = load_table("counted_nouns.txt")
_HEADS = frozenset(row[0] for row in _NOUN_ROWS if len(row) > 1 and row[1] == "head")
# Words that hold a stop character but end nothing (集中, 在建): matched only to shield it.
_PLAIN_WORDS = frozenset(row[0] for row in _NOUN_ROWS if len(row) > 1 and row[1] == "word")
# One character that ends a place or institution noun (敬老院, 卫生所): a stretch ending with one is a noun.
_SUFFIXES = frozenset(row[0] for row in _NOUN_ROWS if len(row) > 1 and row[1] == "suffix")
_NOUN_WORDS_RE = limits.plain(word_trie(row[0] for row in _NOUN_ROWS if row[1:] != ("suffix",)))

# One-character stops that never sit inside a counted noun ("3个县的", "5家已").
_CLEAR_STOPS = frozenset("的已尚均都等中")
# Anything that is not a Han character ends a noun: punctuation, digits, Latin, spaces, brackets.
_HARD_STOP_RE = limits.compile(r"[^\p{Han}]")
# The first character outside the CJK Unified Ideographs block (U+4E00..U+9FFF, Han every one, as the
# regex module reads \p{Han}: tests/test_speed_r8_mentions.py), found by Python's re, whose call costs
# a third of the regex module's; it is the first hard stop when it is no Han character: below U+2E80
# (none is), or one of the punctuation and full-width forms of _NOT_HAN_FORMS (。、《》 …).  Else
# (〇, 々, an extension or compatibility ideograph) the regex module's search goes on from it.
_OUTSIDE_CJK_BLOCK = limits.plain("[^\u4e00-\u9fff]")
# The characters of the CJK Symbols and Punctuation and the Halfwidth and Fullwidth Forms blocks that
# are no Han, as the regex module reads them (one findall over the two blocks' 304 characters).
_NOT_HAN_FORMS = frozenset(
    _HARD_STOP_RE.findall("".join(chr(cp) for cp in (*range(0x3000, 0x3040), *range(0xFF00, 0xFFF0))))
)
# Sure hard stops, tested before the pattern (and by find_counts before it calls):
# everything below the first Han block (U+2E80, the radicals), and the Chinese
# punctuation that follows counts.
FIRST_HAN = "\u2e80"
CJK_PUNCTUATION = frozenset("，。、；：？！（）“”‘’《》【】〔〕…—　")


# The openers of short quotations: their positions are found by str.find and the pattern matched
# there only, where the regex module's whole-text scan reads every character.  More positions than
# this (a hostile text) take the whole-text scan, one C call.
_MAX_POSITIONS = 200
_QUOTE_TWIN = limits.Twin(_QUOTE_RE)  # re on the window of one quotation (both engines read it alike)
_QUOTE_REACH = 26  # the longest quotation: opener, 24 characters, closer


def literal_positions(text: str, literals) -> list[int] | None:
    """The sorted positions of ``literals`` (characters, or strings none of which can overlap
    another's occurrence) in ``text``, by ``str.find``; None when there are more than
    _MAX_POSITIONS (a hostile text: the caller scans it whole instead)."""
    found: list[int] = []
    find = text.find
    for ch in literals:
        at = find(ch)
        while at >= 0:
            found.append(at)
            if len(found) > _MAX_POSITIONS:
                return None
            at = find(ch, at + 1)
    found.sort()
    return found


_positions = literal_positions  # (the quotation openers' positions, by their old name)


def slogan_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fixed slogans and idioms ("两个维护", "八项规定", "千家万户"), sorted."""
    return [m.span() for m in _SLOGAN_RE.finditer(text)]


def short_quote_spans(text: str) -> list[tuple[int, int]]:
    """Inner spans of short quotations (“两项”补贴 → the span of 两项), sorted.

    A numeral inside a short quotation names a programme or slogan ("整合一批、提升一批");
    it does not report how many of something were handled.
    """
    if not any(mark in text for mark in _QUOTE_OPENERS):
        return []  # no quotation mark: nothing to scan for
    starts = _positions(text, _QUOTE_OPENERS)
    if starts is None:
        return [(m.start() + 1, m.end() - 1) for m in _QUOTE_RE.finditer(text)]
    # The matches of the whole-text scan: each starts at an opener, not inside the previous one,
    # and ends within _QUOTE_REACH characters (tests/test_count_names.py).
    spans: list[tuple[int, int]] = []
    done, n = 0, len(text)
    match = _QUOTE_TWIN.match
    for at in starts:
        if at >= done:
            m = match(text, at, at + _QUOTE_REACH if at + _QUOTE_REACH < n else n)
            if m is not None:
                done = m.end()
                spans.append((at + 1, done - 1))
    return spans


def title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of document titles in 《》, sorted (counts inside them are part of a name)."""
    if "《" not in text:
        return []
    return [m.span() for m in _TITLE_RE.finditer(text)]


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged (a slogan inside a document title)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inside_any(start: int, end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ``spans``."""
    i = bisect_right(starts, start) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1]:
            return True
    return False


class Cursor:
    """Sorted, non-overlapping spans asked about in order: a pointer walks them once.

    ``overlaps(start, end)`` is ``inside_any(start, end, spans, starts)`` for calls whose
    ``start`` never decreases (the counts of a text, in order); the only span that can
    overlap is the first one ending after ``start``.

    >>> names = Cursor([(2, 6), (10, 12)])
    >>> names.overlaps(0, 2), names.overlaps(1, 3), names.overlaps(6, 10), names.overlaps(11, 15)
    (False, True, False, True)
    """

    __slots__ = ("_spans", "_at", "next_start")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._at = 0
        # Where the first span not yet passed starts (sys.maxsize: none is left).  A query ending
        # there or before overlaps nothing and moves nothing (that span, and every later one, ends
        # after it), so a caller may test ``end > cursor.next_start`` before calling ``overlaps``.
        self.next_start = spans[0][0] if spans else sys.maxsize

    def overlaps(self, start: int, end: int) -> bool:
        spans, at = self._spans, self._at
        while at < len(spans) and spans[at][1] <= start:
            at += 1
        self._at = at
        if at < len(spans):
            self.next_start = spans[at][0]
            return spans[at][0] < end
        self.next_start = sys.maxsize
        return False


def find_noun(text: str, start: int, limit: int | None = None) -> str | None:
    """The counted noun right after a count ending at ``start``, or None.

    ``limit`` is where the next count begins (the noun never runs into it).

    >>> find_noun("约1200家社区食堂,完成", 6)
    '社区食堂'
    >>> find_noun("35家,着力", 3) is None
    True
    >>> find_noun("反映2212个的问题中", 7)
    '问题'
    """
    if text.startswith("的问题", start):
        start += 1  # 反映2212个的问题: a stray 的 between the count and 问题
    first = text[start : start + 1]
    if not first or first < FIRST_HAN or first in CJK_PUNCTUATION:
        return None  # a hard stop right after the count (most counts): nothing to read
    # (min() without the builtin calls: about 1.1k instructions each, on every count)
    stop = start + NOUN_CAP + SHORT_NOUN
    if stop > len(text):
        stop = len(text)
    if limit is not None and limit < stop:
        stop = limit
    window = text[start:stop]
    hard = _OUTSIDE_CJK_BLOCK.search(window)  # (= _HARD_STOP_RE.search(window): see _OUTSIDE_CJK_BLOCK)
    if hard is not None:
        ch = window[hard.start()]
        if ch >= FIRST_HAN and ch not in _NOT_HAN_FORMS:  # it may be Han: the regex module reads on from it
            hard = _HARD_STOP_RE.search(window, hard.start())
    bounded = stop == len(text) or stop == limit
    if hard is not None:
        window = window[: hard.start()]
        bounded = True
    run_end = len(window)
    head_end = 0
    for m in _NOUN_WORDS_RE.finditer(window):
        if m.group() in _HEADS:
            if m.end() <= NOUN_CAP:
                head_end = m.end()
        elif m.group() in _PLAIN_WORDS:
            continue  # 集中督办组: the 中 inside 集中 stops nothing
        else:  # a stop word: particle, preposition or verb
            run_end = m.start()
            # A one-character stop may sit inside an unknown word (为老服务, 在建项目); only
            # the clear ones make a short stretch a noun on their own.
            bounded = len(m.group()) > 1 or m.group() in _CLEAR_STOPS
            break
    if bounded and head_end < run_end <= NOUN_CAP and window[run_end - 1] in _SUFFIXES:
        # The stretch ends with a place noun: a head before it is its modifier, and the
        # whole stretch the noun (乡镇敬老院, 社区卫生服务站 stops at the head 站 anyway).
        return window[:run_end]
    if head_end and head_end <= run_end:
        return window[:head_end]
    if bounded and 0 < run_end <= SHORT_NOUN:
        return window[:run_end]
    return None
