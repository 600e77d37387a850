"""A heading's cut read by jumping over quoted pairs gives what the walk over every quote gives.

``headings.first_cuts`` used to visit every quote, bracket and stop after the first one with a
stack of the open quotes (``headings._cuts_walk``, kept as the fallback).  Now a pattern runs
over ordinary text and balanced pairs (``headings._pair_skipper``) and stops only at a stop
outside them or at a quote it cannot pair, where the walk takes over.  Checked here against
the walk, on written headings and on random text dense in quotes, brackets and stops (nested,
unbalanced, stray closers, straight quotes, more than ``_MAX_CUT_VISITS`` of them).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.outline.headings import (
    SENTENCE_STOPS,
    _CUT_NO_COMMA_RE,
    _CUT_RE,
    _cuts_over_pairs,
    _cuts_walk,
    _pair_skipper,
    first_cuts,
    first_outside,
)

_QUOTES = '“”‘’《》()（）〔〕【】[]"'
_STOPS = "。!?！？;；,，"


def _walked(text: str, start: int, end: int, commas: bool) -> tuple[int, int, int]:
    """first_cuts as it was: the first quote or stop, then (unless a sentence stop) the walk."""
    first = (_CUT_RE if commas else _CUT_NO_COMMA_RE).search(text, start, end)
    if first is None:
        return -1, -1, -1
    if first.group() in SENTENCE_STOPS:
        return first.start(), -1, -1
    return _cuts_walk(text, start, first.start(), end, commas)


WRITTEN = [
    "关于“议事决策不规范”问题的整改情况。一是加强学习,二是完善制度。",
    "关于“学习不深。未组织”问题。下一句",
    "整改措施:修订《翠苑社区“两委”联席会议议事规则》,明确支出须经集体研究;对会议记录逐一补正",
    "加强学习,提高认识;推动工作",
    "落实“三会一课”制度(每月一次),建立台账",
    '开展"回头看"。再次检查',
    '“一岗双责”落实不到位”问题,仍有“',
    "《规定》“第三条”（试行）【修订】〔2023〕[1]完成。",
    '"A“B”C"。后',
    '"A"B"C"。后',
    "“A)B”。",
    "（一）未闭合的括号,后文;再后",
    "”多余的后引号。",
]


@pytest.mark.parametrize("text", WRITTEN, ids=range(len(WRITTEN)))
@pytest.mark.parametrize("commas", [True, False], ids=["commas", "no-commas"])
def test_cuts_are_the_walks_on_written_text(text, commas):
    for start in range(len(text) + 1):
        assert first_cuts(text, start, len(text), commas) == _walked(text, start, len(text), commas)


def test_cuts_on_written_headings_are_the_cuts_by_kind():
    text = WRITTEN[0]
    assert first_cuts(text, 0, len(text)) == (first_outside(text, 0, len(text), SENTENCE_STOPS), -1, -1) == (text.index("。"), -1, -1)
    assert first_cuts(WRITTEN[3], 0, len(WRITTEN[3])) == (-1, 9, 4)
    # a stop inside a pair that nests another is skipped; the one after the pair is the cut
    assert first_cuts(WRITTEN[2], 0, len(WRITTEN[2]), commas=False) == (-1, WRITTEN[2].index(";"), -1)


def test_pairs_the_skipper_cannot_read_go_to_the_walk():
    text = "“A)B”。"  # a closer of another kind inside a pair: the walk reads it
    assert _cuts_over_pairs(text, 0, len(text), True) is None
    assert first_cuts(text, 0, len(text)) == _walked(text, 0, len(text), True) == (5, -1, -1)


_DENSE = st.text(alphabet=st.sampled_from(list(_QUOTES + _STOPS) + ["字", "a", " ", "\n", "\U00020000"]), max_size=90)
_SPARSE = st.lists(
    st.one_of(st.sampled_from(list(_QUOTES + _STOPS)), st.text(alphabet="字a \u3000", min_size=1, max_size=6)),
    max_size=60).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_DENSE, _SPARSE), st.data())
def test_cuts_are_the_walks_on_random_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for commas in (True, False):
        assert first_cuts(text, start, end, commas) == _walked(text, start, end, commas)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["“字”", "《字“字”字》", "(字)", "字", ",", ";", '"字"', "”"]), min_size=40, max_size=120))
def test_cuts_are_the_walks_past_the_visit_limit(parts):
    text = "".join(parts) + "。"  # balanced pairs and stops: more than _MAX_CUT_VISITS of them
    for commas in (True, False):
        assert first_cuts(text, 0, len(text), commas) == _walked(text, 0, len(text), commas)


def test_long_window_keeps_the_deadline():
    text = "“" + "字" * (limits.TIMER_MIN_CHARS + 10) + "”。"
    with limits.deadline(5.0):
        assert first_cuts(text, 0, len(text)) == (len(text) - 1, -1, -1)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_DENSE, _SPARSE), st.booleans(), st.booleans())
def test_both_engines_read_the_pair_skipper_alike(text, clauses, commas):
    # (a window of limits.TIMER_MIN_CHARS or more goes to the regex module: the same end)
    skipper = _pair_skipper(clauses, commas)
    assert skipper.regex.match(text).end() == skipper.std.match(text).end()
