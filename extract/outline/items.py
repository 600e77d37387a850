"""Inline enumerations: 一是…二是…, 第一,…第二,…, (1)…(2)… and ①② inside paragraphs.

They stay in their paragraph as ``items`` of the section whose own body holds
them.  A run must start at 1 and count up by one; a lone "一是" or "(3)" is no
list.  Each item runs to the next item of its run or to the end of its
sentence (。；!? or the end of the line), whichever comes first.

>>> find_items("一是加强学习,提高认识;二是完善制度。三是严格考核。")
['加强学习,提高认识', '完善制度', '严格考核']
>>> find_items("统一是前提,唯一是关键。")
[]
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from zhenggai import limits
from zhenggai.outline.nodes import OutlineNode, iter_nodes
from zhenggai.numerals import read_int

_ITEM = limits.compile(
    r"""
    (?P<cn>[一二三四五六七八九十]{1,2})是           # 一是 二是 … 十一是
    | 第(?P<di>[一二三四五六七八九十]{1,2})[,，、:：]  # 第一, 第二、 (a comma is needed: 第一次 is prose)
    | [(（](?P<pa>\d{1,2})[)）]                    # (1) （2） inside a sentence
    | (?P<ci>[\u2460-\u2473])                      # ① ② …
    """,
    regex.VERBOSE,
)
# The longest marker the pattern can match (第十一, / (12)): a match tried at a position reads no
# further, so a window this long gives the same match as the whole text, and is short enough
# for Python's re (limits.Twin: the regex module for text with characters beyond U+FFFF).
_ITEM_MAX = 4
# The same pattern without repetition ({1,2} spelled as its two lengths, longer first, as the
# greedy count tries them): the same groups and matches, and, repetition-free, it needs no
# timer: Python's re on such a window without the deadline wrapper (limits.plain).  For text
# without a character beyond U+FFFF, where the two engines read \d alike (limits.Twin).
_ITEM_PLAIN = limits.plain(
    r"""
    (?P<cn>[一二三四五六七八九十][一二三四五六七八九十]|[一二三四五六七八九十])是  # 一是 … 十一是
    | 第(?P<di>[一二三四五六七八九十][一二三四五六七八九十]|[一二三四五六七八九十])[,，、:：]  # 第一,
    | [(（](?P<pa>\d\d|\d)[)）]                                  # (1) （12）
    | (?P<ci>[\u2460-\u2473])                                    # ① ② …
    """,
    regex.VERBOSE,
)
# Item starts tried between two deadline checks (each try reads at most _ITEM_MAX characters).
_CHECK_EVERY = 4096
# 一是/第一 must open a clause (checked on the character before): never "统一是" "唯一是".
_OPENERS = frozenset(",，。;；:：、 \t\n\u3000(（“\"")
_STOPS = "。;；!?！？\n"
_STRIP = " \t\u3000,，、:：;；。"
_CN_VALUES = {ch: i for i, ch in enumerate("一二三四五六七八九十", start=1)}


def _ordinal(m: regex.Match) -> tuple[str, int]:
    style = m.lastgroup
    value = m.group(style)
    if style == "pa":
        return style, read_int(value)
    if style == "ci":
        return style, ord(value) - 0x2460 + 1
    if len(value) == 1:
        return style, _CN_VALUES[value]
    # 十一 … 十九, 二十 …: at most two characters
    if value[0] == "十":
        return style, 10 + _CN_VALUES.get(value[1], 0)
    return style, _CN_VALUES[value[0]] * 10 if value[1] == "十" else 0


# Characters an item marker can open with, besides a numeral before 是 or after 第: the two
# brackets (found with str.find) and the circled numbers, one range, which the regex module
# scans several times faster than Python's re (a class without repetition: no timer needed).
_BRACKETS = "(（"
_CIRCLED = limits.compile(
    r"""
    [\u2460-\u2473]     # ① … ⑳
    """,
    regex.VERBOSE,
)


def _item_starts(text: str, start: int, end: int) -> list[int]:
    """Positions in ``text[start:end]`` where an item marker may begin, in order.

    A marker is a numeral or two right before 是, 第 and a numeral, an opening bracket,
    or a circled number: found with ``str.find`` from those characters, so that the
    pattern runs only where it may match.
    """
    out = []
    count = 0
    i = text.find("是", start, end)
    while i >= 0:
        if i - 1 >= start and text[i - 1] in _CN_VALUES:
            if i - 2 >= start and text[i - 2] in _CN_VALUES:
                out.append(i - 2)  # 十一是 …
            out.append(i - 1)  # 一是 …
        count += 1
        if count % 4096 == 0:
            limits.check()  # a text made of 是 takes a while here
        i = text.find("是", i + 1, end)
    i = text.find("第", start, end)
    while i >= 0:
        if i + 1 < end and text[i + 1] in _CN_VALUES:
            out.append(i)
        count += 1
        if count % 4096 == 0:
            limits.check()
        i = text.find("第", i + 1, end)
    for bracket in _BRACKETS:
        i = text.find(bracket, start, end)
        while i >= 0:
            out.append(i)
            count += 1
            if count % 4096 == 0:
                limits.check()
            i = text.find(bracket, i + 1, end)
    m = _CIRCLED.search(text, start, end)
    while m is not None:
        out.append(m.start())
        count += 1
        if count % 4096 == 0:
            limits.check()
        m = _CIRCLED.search(text, m.end(), end)
    out.sort()
    return out


def _item_matches(text: str, start: int, end: int, astral: bool | None = None) -> list[regex.Match]:
    """``list(_ITEM.finditer(text, start, end))``: the pattern tried only where a marker may begin.

    finditer tries each position from ``start`` and goes on after each match's end;
    a position missing from :func:`_item_starts` is one where the pattern fails anyway.
    ``astral``: ``limits.astral(text)`` when the caller has it.
    """
    matches = []
    last = start
    starts = _item_starts(text, start, end)
    if astral is None:
        astral = limits.astral(text)
    if astral:
        for pos in starts:
            if pos >= last:  # (not inside the previous match)
                m = _ITEM.match(text, pos, end)
                if m is not None:
                    matches.append(m)
                    last = m.end()
        return matches
    # Within _ITEM_MAX characters: the same match, by the repetition-free twin on re; the
    # deadline is checked once per _CHECK_EVERY tries.
    match = _ITEM_PLAIN.match
    for k, pos in enumerate(starts, 1):
        if k % _CHECK_EVERY == 0:
            limits.check()
        if pos >= last:  # (not inside the previous match)
            m = match(text, pos, min(end, pos + _ITEM_MAX))
            if m is not None:
                matches.append(m)
                last = m.end()
    return matches


def _markers(text: str, start: int, end: int, astral: bool | None = None) -> list[tuple[int, int, str, int]]:
    """(start, end, style, number) of every item marker in ``text[start:end]`` (``astral``: see _item_matches)."""
    out = []
    for m in _item_matches(text, start, end, astral):  # = _ITEM.finditer(text, start, end)
        if m.lastgroup in ("cn", "di") and m.start() > 0 and text[m.start() - 1] not in _OPENERS:
            continue
        style, n = _ordinal(m)
        out.append((m.start(), m.end(), style, n))
    return out


def _spans(text: str, markers: list[tuple[int, int, str, int]], end: int) -> list[tuple[int, int]]:
    """Group markers into runs counting up from 1 and cut each item at its stop."""
    current: dict[str, list[tuple[int, int, str, int]]] = {}
    runs: list[list[tuple[int, int, str, int]]] = []
    for marker in markers:
        style, n = marker[2], marker[3]
        run = current.get(style)
        if n == 1:
            if run and len(run) >= 2:
                runs.append(run)
            current[style] = [marker]
        elif run and n == run[-1][3] + 1:
            run.append(marker)
    runs.extend(run for run in current.values() if len(run) >= 2)
    spans = []
    for run in runs:
        for k, marker in enumerate(run):
            stop = run[k + 1][0] if k + 1 < len(run) else end
            for ch in _STOPS:
                i = text.find(ch, marker[1], stop)
                if i >= 0:
                    stop = i
            s, e = marker[1], stop
            while s < e and text[s] in _STRIP:
                s += 1
            while e > s and text[e - 1] in _STRIP:
                e -= 1
            if e > s:
                spans.append((s, e))
    spans.sort()
    return spans


def find_item_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the inline items in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    return _spans(text, _markers(text, start, end), end)


def find_items(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Texts of the inline items in ``text[start:end]``."""
    return [text[s:e] for s, e in find_item_spans(text, start, end)]


def assign_items(text: str, roots: list[OutlineNode], astral: bool | None = None) -> None:
    """Fill ``items`` from each node's own body (before its first child).

    The markers are found in one pass over the text and shared out by position.
    """
    markers = _markers(text, 0, len(text), astral)
    if not markers:
        return
    starts = [m[0] for m in markers]
    for node in iter_nodes(roots):
        begin = node.start if node.kind == "paragraph" else node.body_start
        stop = node.children[0].start if node.children else node.end
        if stop <= begin:
            continue
        lo, hi = bisect_left(starts, begin), bisect_left(starts, stop)
        # A marker must lie wholly inside the body (its end, too).
        inside = [m for m in markers[lo:hi] if m[1] <= stop]
        if len(inside) >= 2:
            node.items = [text[s:e] for s, e in _spans(text, inside, stop)]
