"""Inline item markers: the pattern tried only where a marker may begin gives finditer's matches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.outline.items import _ITEM, _item_matches, _item_starts


def _spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.lastgroup) for m in matches]


@pytest.mark.parametrize(
    "text,starts",
    [
        ("一是学习;二是落实", [0, 5]),
        ("十一是考核", [0, 1]),               # two numerals: both positions, the pattern decides
        ("统一是前提", [1]),                  # 统一是: a candidate, dropped later by the opener check
        ("第一,第二次", [0, 3]),
        ("(1)建立;①清单", [0, 6]),
        ("是第是", []),                        # 是 and 第 without a numeral: nothing to try
    ],
    ids=["cn", "two-numerals", "inside-word", "di", "brackets-circled", "no-numeral"],
)
def test_item_starts(text, starts):
    assert _item_starts(text, 0, len(text)) == starts


@pytest.mark.parametrize(
    "text",
    ["(1)建立;(2)清单", "(\U0001D7CF)建立;(\U0001D7D0)清单", "一是学习;(12)落实;第十一,考核", "(1"],
    ids=["brackets", "astral-digits", "every-style", "cut-short"],
)
def test_item_matches_are_finditer(text):
    # matched on a window of _ITEM_MAX characters (re, or regex for astral text): finditer's matches
    assert _spans(_item_matches(text, 0, len(text))) == _spans(_ITEM.finditer(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="一二三十是第,，、:：(（)）12３①②⑳ 。的\U0001D7CF", max_size=30), st.data())
def test_property_item_matches_are_finditer(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _spans(_item_matches(text, start, end)) == _spans(_ITEM.finditer(text, start, end))


# -- the heading helpers that read a line or a span without slicing it -------------------------------

from zhenggai.outline.headings import _PAIRS, Line, first_outside, iter_lines, lines  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二整改 \t\u3000\n。", max_size=30), st.data())
def test_property_iter_lines_is_lines_of_the_slice(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shifted = [Line(ln.start + start, ln.content + start, ln.end + start) for ln in lines(text[start:end])]
    assert list(iter_lines(text, start, end)) == shifted


def _first_outside_reference(text: str, start: int, end: int, stops: str) -> int:
    """The documented rule, character by character: the first stop outside balanced quotes."""
    depth: list[str] = []
    straight = False
    for i in range(start, end):
        ch = text[i]
        if ch == '"':
            straight = not straight
        elif ch in _PAIRS:
            depth.append(_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and not straight and ch in stops:
            return i
    if depth or straight:  # unbalanced: the quotes are ignored
        return next((i for i in range(start, end) if text[i] in stops), -1)
    return -1


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="关于“”‘’《》()（）\"问题。,，;；", max_size=24), st.data())
def test_property_first_outside_follows_the_rule(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for stops in ("。!?！？", ";；", ",，"):
        assert first_outside(text, start, end, stops) == _first_outside_reference(text, start, end, stops)


# -- a heading's cut by one scan: first_cuts against first_outside per kind of stop ------------------

from zhenggai.outline.headings import (  # noqa: E402
    _MAX_CUT_VISITS,
    _TITLE,
    CLAUSE_STOPS,
    COMMAS,
    SENTENCE_STOPS,
    SHORT_HEADING,
    first_cuts,
    heading_span,
)


def _cuts_reference(text: str, start: int, end: int, commas: bool) -> tuple[int, int, int]:
    """One first_outside search per kind of stop (written out here, not the module's fallback)."""
    sentence = first_outside(text, start, end, SENTENCE_STOPS)
    if sentence >= 0:
        return sentence, -1, -1  # (the others are not looked for)
    return (-1, first_outside(text, start, end, CLAUSE_STOPS),
            first_outside(text, start, end, COMMAS) if commas else -1)


def _heading_span_reference(text: str, start: int, end: int) -> tuple[int, int, int]:
    """heading_span as it was: one first_outside search per kind of stop."""
    cut = first_outside(text, start, end, SENTENCE_STOPS)
    if cut < 0:
        cut = first_outside(text, start, end, CLAUSE_STOPS)
    if cut < 0 and end - start > SHORT_HEADING and not _TITLE.search(text, start, end):
        cut = first_outside(text, start, end, COMMAS)
    head_end = end if cut < 0 else cut
    rest = end if cut < 0 else cut + 1
    while head_end > start and text[head_end - 1] in " \t\u3000:：,，;；。、":
        head_end -= 1
    while rest < end and text[rest] in " \t\u3000":
        rest += 1
    return start, head_end, rest


@pytest.mark.parametrize(
    "text,cuts",
    [
        ("强化理论武装。坚持学习", (6, -1, -1)),
        ("加强学习,提高认识;推动工作", (-1, 9, 4)),
        ("关于“学习不深。未组织”问题。下一句", (14, -1, -1)),
        ("关于“学习,不深;未组织”问题,整改", (-1, -1, 15)),
        ("“学习不深。未组织,问题", (5, -1, -1)),       # unbalanced: the quote is ignored
        ("党组领导作用发挥不够", (-1, -1, -1)),
    ],
    ids=["sentence", "clause-and-comma", "stop-inside-quotes", "comma-outside", "unbalanced", "none"],
)
def test_first_cuts(text, cuts):
    assert first_cuts(text, 0, len(text)) == cuts


_CUT_ALPHABET = "关于“”‘’《》()（）\"问题。!?;；,，、 "


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_CUT_ALPHABET, max_size=40), st.data())
def test_property_first_cuts_are_first_outside(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for commas in (True, False):
        assert first_cuts(text, start, end, commas) == _cuts_reference(text, start, end, commas)
    assert heading_span(text, start, end) == _heading_span_reference(text, start, end)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=_CUT_ALPHABET, min_size=_MAX_CUT_VISITS, max_size=3 * _MAX_CUT_VISITS))
def test_property_crowded_spans_fall_back_alike(text):
    # more quote and stop characters than the scan visits: the searches one kind at a time
    for commas in (True, False):
        assert first_cuts(text, 0, len(text), commas) == _cuts_reference(text, 0, len(text), commas)
    assert heading_span(text, 0, len(text)) == _heading_span_reference(text, 0, len(text))
