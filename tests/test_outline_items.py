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
