"""counts._interpret_digits reads a count of ASCII digits alone without a match object.

It must give what ``_interpret`` gives on the match-like object of the same count, on
written sentences and on random text dense in the characters its shortcuts read.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions import counts

SENTENCES = [
    ("plain", "反馈的6个方面23个问题中,已完成21个,约谈干部35人次"),
    ("not_units", "3个月内完成,12部门,5人小组"),
    ("checked_units", "下午3点开会,3点整改意见,八届89次常务会议,1、2轮巡察,检查3次"),
    ("before", "第3次,每3人,排名后5位,前10个,A3个,#3个,10:30个,问题:3个,x²3个"),
    ("after", "15个和10个工作日,3个至6个月,3 个,12个\n— 3 —\n工作日"),
    ("approx", "2次以上,100人左右,12项"),
    ("start", "3个问题"),
]


def _both(text):
    """(fast, general) readings of every digit count of ``text``."""
    pairs = []
    for m in counts._candidates(text):
        if type(m) is tuple:
            pairs.append((counts._interpret_digits(text, *m),
                          counts._interpret(text, counts._digit_match(text, *m))))
    return pairs


@pytest.mark.parametrize("text", [s for _, s in SENTENCES], ids=[n for n, _ in SENTENCES])
def test_digit_counts_read_as_the_match(text):
    pairs = _both(text)
    assert pairs, "the sentence holds digit counts"
    for fast, general in pairs:
        assert fast == general


def test_a_plain_digit_count_takes_the_short_way():
    item = counts._interpret_digits("完成21个", 2, 4, 5, "个", None)
    assert item == (2, 5, "21个", {"value": counts.Decimal(21), "unit": "个", "noun": None, "approx": False}, False)


ALPHABET = "0123456789个人次件项条家点轮月部门第每前后排名位,:.#/Ax²、和或及与至到 \n以上左右整改意见工作日—的"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_property_digit_counts_read_as_the_match(text):
    for fast, general in _both(text):
        assert fast == general
