"""zhenggai.facts.regions: the per-text index (newlines, sentence ends) and the clause found inside its
sentence, against a character walk on text dense in every delimiter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_facts_regions_lookups import _span  # the character walk both files test against
from zhenggai.facts.regions import CLAUSE_REACH, SENTENCE_REACH, Regions, _offsets, _sentence_ends

CLAUSE_ENDS = set(",，;；:：。!！?？、\n")
SENTENCE_ENDS = set("。!！?？;；\n")
# Every delimiter, characters that look like them but are none (full stop, separators, CR), text.
ALPHABET = ",，;；:：。!！?？、\n.\r\u2028\x1c\u3000 问题整改3个"


@pytest.mark.parametrize(
    "text,mark,offsets",
    [("", "\n", []), ("\n", "\n", [0]), ("ab", "\n", []), ("。a。。", "。", [0, 2, 3]), ("a,b,", ",", [1, 3])],
    ids=["empty", "only_the_mark", "no_mark", "marks_side_by_side", "ends_with_the_mark"],
)
def test_offsets_of_a_mark(text, mark, offsets):
    assert _offsets(text, mark) == offsets


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_property_index_reads_as_a_character_span(text):
    newlines = _offsets(text)
    assert newlines == [i for i, ch in enumerate(text) if ch == "\n"]
    assert _sentence_ends(text, newlines) == [i for i, ch in enumerate(text) if ch in SENTENCE_ENDS]
    regions = Regions(text, [])
    assert regions._clause == [i for i, ch in enumerate(text) if ch in CLAUSE_ENDS]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_property_lookups_read_as_a_character_span(text):
    regions = Regions(text, [])
    for pos in range(len(text) + 1):
        assert regions.clause(pos) == _span(text, pos, CLAUSE_ENDS, CLAUSE_REACH), pos
        assert regions.sentence(pos) == _span(text, pos, SENTENCE_ENDS, SENTENCE_REACH), pos
        assert regions.paragraph(pos) == _span(text, pos, {"\n"}, None), pos


@pytest.mark.parametrize(
    "text",
    [
        "整" * 700 + "," + "改" * 700 + "。",  # a clause longer than its reach, in a sentence longer than its
        "，" * 50 + "整" * 450 + "：" + "改" * 450,  # marks only far before, one in the middle
        "问题" * 400,  # no delimiter at all
    ],
    ids=["long_clauses", "far_marks", "no_delimiter"],
)
def test_clause_reach_inside_long_sentences(text):
    regions = Regions(text, [])
    for pos in range(0, len(text) + 1, 7):
        assert regions.clause(pos) == _span(text, pos, CLAUSE_ENDS, CLAUSE_REACH), pos
        assert regions.sentence(pos) == _span(text, pos, SENTENCE_ENDS, SENTENCE_REACH), pos


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.integers(0, 90), st.integers(0, 90))
def test_property_sentences_in_a_range(text, start, end):
    """sentences(start, end) starts at the first delimiter at or after ``start`` (bisected) and
    gives what a walk over every delimiter gives."""
    start, end = min(start, len(text)), min(end, len(text))
    out, s = [], start
    for d in (i for i, ch in enumerate(text) if ch in SENTENCE_ENDS):
        if d < start:
            continue
        if d >= end:
            break
        if d > s:
            out.append((s, d))
        s = d + 1
    if s < end:
        out.append((s, end))
    assert Regions(text, []).sentences(start, end) == out
