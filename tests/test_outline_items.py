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


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="一二三十是第,，、:：(（)）12３①②⑳ 。的", max_size=30), st.data())
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
