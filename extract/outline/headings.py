"""Lines, heading candidates and the span of a heading's text.

A notice reaches the outline as lines; each non-blank line is a paragraph (web
pages and DOCX) or a piece of one (PDF).  A line that opens with a marker is a
heading *candidate*; its heading text is the whole line when the line is a
title of its own, and the first sentence when the body runs on after it
("1.强化政治理论武装。深入学习…" → "强化政治理论武装").

Circled numbers written inline: a line that opens with ① and goes on to ② on the
same line ("①建立清单。②定期调度。③跟踪问效。") is a list inside a paragraph, not
a run of headings.  None of its markers is a candidate, and neither is a circled
line right after it that continues the count ("③…" on the next line); the whole run
becomes ``items`` of the section whose body holds it (see :mod:`zhenggai.outline.items`).
A ① alone on its line (its ② on a later line) stays a heading.

>>> text = "1.强化理论武装。坚持每月集中学习。"
>>> c = candidates(text, lines(text))[0]
>>> text[c.heading_start:c.heading_end]
'强化理论武装'
"""

from __future__ import annotations

from collections.abc import Iterator
import re
from functools import cache
from typing import NamedTuple

import regex

from zhenggai import limits
from zhenggai.outline.markers import MarkerMatch, marker_row

# A run-in heading longer than this, without 。 or ；, is cut at its first comma.
SHORT_HEADING = 40
# A long comma-bearing line is a title of its own when it wraps an issue: it opens
# with 关于 or ends with the wrapper words (…问题的整改情况, …方面, …问题).
_TITLE = limits.compile(
    r"""
    ^[\x20\u3000]*(?:关于|在“|在")                  # 关于… / 在“…”方面
    | (?:问题|整改|情况|方面)[:：\x20\u3000]*$      # …问题的整改情况 / …方面
    """,
    regex.VERBOSE,
)

_INDENT = " \t\u3000\u00a0\r"
_new_tuple = tuple.__new__  # builds a NamedTuple from a tuple of its fields, without its Python __new__

# Opening → closing characters whose content never ends a heading: a quoted
# issue may contain 。 and commas (关于“…不深不透。局党组…”问题的整改).
_PAIRS = {"“": "”", "‘": "’", "《": "》", "(": ")", "（": "）", "〔": "〕", "【": "】", "[": "]"}
_QUOTE_CHARS = frozenset(_PAIRS) | frozenset(_PAIRS.values()) | {'"'}
_TRIM = " \t\u3000:：,，;；。、"


class Line(NamedTuple):
    """A non-blank line: ``start`` of the line, ``content`` start after indentation, rstripped ``end``.

    (Immutable; a NamedTuple because notices have thousands of lines and a tuple is built
    several times faster than a frozen dataclass.)
    """

    start: int
    content: int
    end: int


class Candidate(NamedTuple):
    """A line that opens with a heading marker."""

    line_index: int
    marker: MarkerMatch  # offsets absolute in the text
    heading_start: int
    heading_end: int
    rest_start: int  # where the run-in body starts on the same line (== line end when none)


def lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with absolute offsets.

    >>> [(ln.content, ln.end) for ln in lines("一、总体情况\\n\\n  正文。\\n")]
    [(0, 6), (10, 13)]
    """
    # = Line(start, content, end) without the Python-level __new__ (as Line._make does)
    return [_new_tuple(Line, row) for row in line_rows(text)]


def line_rows(text: str) -> list[tuple[int, int, int]]:
    """:func:`lines` as plain (start, content, end) tuples, for the tree builder (a tuple is
    built far faster than a NamedTuple, and the builder keeps the lines only while it runs).

    >>> line_rows("一、总体情况\\n\\n  正文。\\n")
    [(0, 0, 6), (8, 10, 13)]
    """
    out = []
    append = out.append
    start = 0
    for segment in text.split("\n"):
        stripped = segment.lstrip(_INDENT)
        if stripped:
            body = stripped.rstrip()
            if body:
                content = start + len(segment) - len(stripped)
                append((start, content, content + len(body)))
        start += len(segment) + 1
    return out


def iter_lines(text: str, start: int, end: int) -> Iterator[Line]:
    """The lines of ``lines(text[start:end])``, offsets in ``text``, one at a time and without the slice.

    For the first line of a section's body, which need not split the whole body.

    >>> [(ln.content, ln.end) for ln in iter_lines("xx一、总体情况\\n\\n  正文。\\nyy", 2, 16)]
    [(2, 8), (12, 15)]
    """
    pos = start
    while True:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        segment = text[pos:stop]
        stripped = segment.lstrip(_INDENT)
        if stripped:
            body = stripped.rstrip()
            if body:
                content = pos + len(segment) - len(stripped)
                yield _new_tuple(Line, (pos, content, content + len(body)))  # = Line(…), see lines()
        if newline < 0:
            return
        pos = newline + 1


def first_outside(text: str, start: int, end: int, stops: str) -> int:
    """Index of the first character of ``stops`` in ``text[start:end]`` outside quotes/brackets, or -1.

    When the quotes do not balance within the span they are ignored.

    >>> first_outside("关于“学习不深。未组织”问题。下一句", 0, 19, "。")
    14
    """
    first = _special_re(stops).search(text, start, end)
    if first is None:
        return -1  # neither a stop nor a quote
    if first.group() not in _QUOTE_CHARS:
        return first.start()  # a stop before any quote or bracket: outside all of them
    depth: list[str] = []
    straight_open = False
    # Only quote characters and stops matter: visit just those, not every character.
    for m in _special_re(stops).finditer(text, start, end):
        ch = m.group()
        if ch == '"':
            straight_open = not straight_open
        elif ch in _PAIRS:
            depth.append(_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and not straight_open and ch in stops:
            return m.start()
    # Unbalanced: an unclosed quote swallowed the rest; fall back to a plain search.
    if depth or straight_open:
        return _plain_first(text, start, end, stops)
    return -1


def _plain_first(text: str, start: int, end: int, stops: str) -> int:
    """Index of the first character of ``stops`` in ``text[start:end]``, or -1 (one class search)."""
    m = _stops_re(stops).search(text, start, end)
    return -1 if m is None else m.start()


@cache
def _stops_re(stops: str) -> regex.Pattern:
    chars = regex.escape(stops, special_only=False)
    return limits.compile(f"[{chars}]  # any of the stops (one character: no repetition)", regex.VERBOSE)


@cache
def _special_re(stops: str) -> limits.Pattern:
    chars = regex.escape("".join(sorted(_QUOTE_CHARS)) + stops, special_only=False)
    return limits.compile(f"[{chars}]  # quote characters and the stops", regex.VERBOSE)


SENTENCE_STOPS = "。!?！？"
CLAUSE_STOPS = ";；"
COMMAS = ",，"


def _class(chars: str) -> re.Pattern:
    """The quote characters and ``chars`` as one class (no repetition: Python's re, see limits.plain)."""
    escaped = regex.escape("".join(sorted(_QUOTE_CHARS)) + chars, special_only=False)
    return limits.plain(f"[{escaped}]  # quote characters and the stops", regex.VERBOSE)


# A heading's cut is found by one scan of these instead of one scan per kind of stop; a
# sentence's end (no commas) by the second.
_CUT_RE = _class(SENTENCE_STOPS + CLAUSE_STOPS + COMMAS)
_CUT_NO_COMMA_RE = _class(SENTENCE_STOPS + CLAUSE_STOPS)
# More quote and stop characters than this in one span: the three searches one by one (their old
# cost, which a line made of commas keeps in C), not a Python step per character.
_MAX_CUT_VISITS = 64


def first_cuts(text: str, start: int, end: int, commas: bool = True) -> tuple[int, int, int]:
    """``first_outside`` of the sentence stops, of ；and of the commas in ``text[start:end]``, by one scan.

    ``commas=False``: the commas are not looked for (-1), and not visited on the way.

    Once a sentence stop outside quotes is found the scan ends: the other two are then
    returned as -1, not looked for (a caller reads them only when no sentence stop is
    found).  A span with more than ``_MAX_CUT_VISITS`` quote and stop characters before
    that is read by :func:`first_outside` for each kind (a span that long is longer than
    ``SHORT_HEADING``, where heading_span reads the commas as well).

    >>> first_cuts("加强学习,提高认识;推动工作", 0, 14)
    (-1, 9, 4)
    >>> first_cuts("关于“学习不深。未组织”问题。下一句", 0, 19)
    (14, -1, -1)
    """
    pattern = _CUT_RE if commas else _CUT_NO_COMMA_RE
    first = pattern.search(text, start, end)
    if first is None:
        return -1, -1, -1  # no stop and no quote
    ch = first.group()
    if ch in SENTENCE_STOPS:
        return first.start(), -1, -1  # a sentence stop before any quote: outside all of them
    found = _cuts_over_pairs(text, first.start(), end, commas)
    if found is not None:
        return found
    return _cuts_walk(text, start, first.start(), end, commas)


def _cuts_over_pairs(text: str, pos: int, end: int, commas: bool) -> tuple[int, int, int] | None:
    """:func:`first_cuts` from ``pos`` by jumping over quoted pairs (:func:`_pair_skipper`); None
    when a quote or bracket forms no pair the skipper reads (then :func:`_cuts_walk` decides).

    Every pair the skipper passes is balanced and, as the walk reads it, leaves the depth and
    the straight quote as they were before it; a stop it stops at is outside all of them.
    """
    clause = comma = -1
    while True:
        p = _pair_skipper(clause < 0, commas and comma < 0).match(text, pos, end).end()
        if p >= end:
            return -1, clause, comma  # (balanced to the end)
        ch = text[p]
        if ch in SENTENCE_STOPS:
            return p, -1, -1
        if ch in CLAUSE_STOPS:
            clause = p  # (the first one: a later one is read as ordinary text)
        elif ch in COMMAS:
            comma = p
        else:
            return None
        pos = p + 1


_OPENERS = "".join(_PAIRS) + '"'


@cache
def _pair_skipper(clauses: bool, commas: bool) -> limits.Twin:
    """A match from a position outside quotes runs over ordinary text and balanced quoted pairs
    (one level of pairs may nest in another; a straight-quoted pair never in a straight one) and
    ends at the next sentence stop outside them (also at ；when ``clauses``, at a comma when
    ``commas``), at a quote or bracket opening no such pair, or at the end of the window.

    A closing character outside any pair is ordinary text, as :func:`_cuts_walk` reads it.
    """
    quotes = regex.escape("".join(sorted(_QUOTE_CHARS)), special_only=False)
    stops = regex.escape(SENTENCE_STOPS + (CLAUSE_STOPS if clauses else "") + (COMMAS if commas else ""),
                         special_only=False)
    ordinary = f"[^{regex.escape(_OPENERS, special_only=False)}{stops}]"
    def pair(op: str, cl: str, inner: str = "") -> str:
        esc_op, esc_cl = regex.escape(op, special_only=False), regex.escape(cl, special_only=False)
        if not inner:
            return f"{esc_op}[^{quotes}]*{esc_cl}"
        return f"{esc_op}[^{quotes}]*(?:(?:{inner})[^{quotes}]*)*{esc_cl}"
    simple = [pair(op, cl) for op, cl in _PAIRS.items()]
    straight = pair('"', '"')
    outer = [pair(op, cl, "|".join([*simple, straight])) for op, cl in _PAIRS.items()]
    outer.append(pair('"', '"', "|".join(simple)))
    return limits.Twin(limits.compile(
        rf"""
        {ordinary}*                             # text before the first quote, stop or opener
        (?:(?:{"|".join(outer)}){ordinary}*)*   # balanced pairs (each opener has a distinct closer), text
        """,
        regex.VERBOSE,
    ))


def _cuts_walk(text: str, start: int, first: int, end: int, commas: bool) -> tuple[int, int, int]:
    """:func:`first_cuts` by visiting every quote and stop from ``first``, the first one after
    ``start`` (not a sentence stop), with a stack of the open quotes."""
    pattern = _CUT_RE if commas else _CUT_NO_COMMA_RE
    clause = comma = -1  # the first ones outside quotes
    any_sentence = any_clause = any_comma = -1  # the first ones anywhere (for unbalanced quotes)
    depth: list[str] = []
    straight_open = False
    visits = 0
    for m in pattern.finditer(text, first, end):
        visits += 1
        if visits > _MAX_CUT_VISITS:
            return _first_cuts_by_kind(text, start, end, commas)
        ch = m.group()
        if ch == '"':
            straight_open = not straight_open
        elif ch in _PAIRS:
            depth.append(_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in SENTENCE_STOPS:
            if not depth and not straight_open:
                return m.start(), -1, -1
            if any_sentence < 0:
                any_sentence = m.start()
        elif ch in CLAUSE_STOPS:
            if clause < 0 and not depth and not straight_open:
                clause = m.start()
            if any_clause < 0:
                any_clause = m.start()
        elif ch in COMMAS:
            if comma < 0 and not depth and not straight_open:
                comma = m.start()
            if any_comma < 0:
                any_comma = m.start()
    if depth or straight_open:  # unbalanced: the quotes are ignored (as first_outside does)
        if any_sentence >= 0:
            return any_sentence, -1, -1
        return -1, clause if clause >= 0 else any_clause, comma if comma >= 0 else any_comma
    return -1, clause, comma


def _first_cuts_by_kind(text: str, start: int, end: int, commas: bool) -> tuple[int, int, int]:
    """:func:`first_cuts` by one :func:`first_outside` search per kind of stop."""
    sentence = first_outside(text, start, end, SENTENCE_STOPS)
    if sentence >= 0:
        return sentence, -1, -1
    return -1, first_outside(text, start, end, CLAUSE_STOPS), first_outside(text, start, end, COMMAS) if commas else -1


def heading_span(text: str, start: int, end: int) -> tuple[int, int, int]:
    """(heading_start, heading_end, rest_start) of the heading text in ``text[start:end]``.

    The first 。 outside quotes ends a run-in heading; else the first ；; else the
    whole line when short or when it reads as a title (关于…, …问题/整改/方面/情况); else
    the first comma.

    >>> t = "关于“议事决策不规范”问题的整改情况"
    >>> heading_span(t, 0, len(t))
    (0, 18, 18)
    """
    sentence, clause, comma = first_cuts(text, start, end)
    cut = sentence if sentence >= 0 else clause
    if cut < 0 and end - start > SHORT_HEADING and not _TITLE.search(text, start, end):
        cut = comma
    head_end = end if cut < 0 else cut
    rest = end if cut < 0 else cut + 1
    while head_end > start and text[head_end - 1] in _TRIM:
        head_end -= 1
    while rest < end and text[rest] in " \t\u3000":
        rest += 1
    return start, head_end, rest


def candidates(text: str, all_lines: list[Line]) -> list[Candidate]:
    """Lines that open with a heading marker, with the span of their heading text.

    A marker alone on its line takes the next line as its heading (PDF layouts).

    >>> text = "(一)\\n党组领导作用发挥不够\\n正文。"
    >>> c = candidates(text, lines(text))[0]
    >>> text[c.heading_start:c.heading_end]
    '党组领导作用发挥不够'
    """
    return [
        # = Candidate(index, MarkerMatch(…), …) without the NamedTuples' Python-level __new__
        _new_tuple(Candidate, (row[0], _new_tuple(MarkerMatch, row[1:6]), row[6], row[7], row[8]))
        for row in candidate_rows(text, all_lines)
    ]


def candidate_rows(text: str, all_lines: list[tuple[int, int, int]], astral: bool | None = None) -> list[tuple]:
    """:func:`candidates` as plain tuples, for the tree builder (see :func:`line_rows`): (line index,
    the five fields of the marker (:class:`MarkerMatch`: kind, ordinal, marker, marker_start,
    text_start), heading_start, heading_end, rest_start).  ``all_lines``: :func:`line_rows` or :func:`lines`;
    ``astral``: ``limits.astral(text)`` when the caller has it.

    >>> text = "一、总体情况\\n正文。"
    >>> candidate_rows(text, line_rows(text))
    [(0, 'cn', 1, '一、', 0, 2, 2, 6, 6)]
    """
    out = []
    append = out.append
    inline_next = 0  # the circled number that continues an inline run (0: none open)
    if astral is None:  # (markers are read by re unless the text has such a character)
        astral = limits.astral(text)
    find = text.find
    size = len(text)
    budget = 0  # marker_row calls left before the next deadline check (see limits.Twin)
    for index, (_, content, end) in enumerate(all_lines):
        if text[content] not in _MARKER_FIRST:
            continue  # (inline_next is kept: no marker here, as when the pattern finds none)
        if budget <= 0:
            limits.check()
            budget = limits.BATCH_CALLS
        budget -= 2  # (two marker_row calls at most for a line)
        newline = find("\n", end)
        m = marker_row(text, content, size if newline < 0 else newline, astral)
        if m is None:
            continue
        kind, ordinal, _, _, text_start = m
        if text_start > end:
            continue
        if kind == "circled":
            inline = _inline_circled(text, ordinal, text_start, end)
            if inline or ordinal == inline_next:
                # "①建立清单。②定期调度。" on one line: an inline list, not headings; a
                # line that continues that run ("③跟踪问效。" below it) is one more item.
                inline_next = max(inline, ordinal) + 1
                continue
        inline_next = 0
        if text_start >= end:
            # Marker alone on its line: the next line, if it is not a heading itself, is the title.
            if index + 1 >= len(all_lines):
                continue
            _, next_content, next_end = all_lines[index + 1]
            if marker_row(text, next_content, None, astral) is not None:
                continue
            hs, he, rest = heading_span(text, next_content, next_end)
            append((index, *m, hs, he, rest))
            continue
        hs, he, rest = heading_span(text, text_start, end)
        if he <= hs:
            continue
        append((index, *m, hs, he, rest))
    return out


def _inline_circled(text: str, ordinal: int, text_start: int, line_end: int) -> int:
    """The last number of the circled run that a marker numbered ``ordinal`` opens on its own line
    (0 when it is alone); ``text_start``: where its text begins, ``line_end``: the line's end.

    The run counts on from ``ordinal`` by one: "①建立清单。②定期调度。③跟踪问效。" → 3.
    """
    last = ordinal
    for ch in _CIRCLED_RE.findall(text, text_start, line_end):
        n = ord(ch) - 0x2460 + 1
        if n == last + 1:
            last = n
    return last if last > ordinal else 0


_CIRCLED_RE = limits.plain(  # (one class: Python's re, see limits.plain)
    r"""
    [\u2460-\u2473]     # ① … ⑳ later on the line
    """,
    regex.VERBOSE,
)

# Characters a marker can start with (full-width digits too, for raw text); a cheap filter before the regex.
_MARKER_FIRST = (
    frozenset("第问一二三四五六七八九十(（0123456789０１２３４５６７８９")
    | frozenset(chr(c) for c in range(0x2460, 0x2474))
)
