"""zhenggai.facts.guards: a guarded pattern finds exactly what the pattern finds."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhenggai.facts.cue_chars
import zhenggai.facts.guards
import zhenggai.facts.inspection
import zhenggai.facts.truncation
from zhenggai.facts import inspection_dates as dates
from zhenggai.facts.guards import Guarded
from zhenggai.facts.inspection_patterns import patterns
from zhenggai.facts.regions import Regions

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for d in ("corpus/gold", "tests/fixtures/notices")
         for p in sorted((ROOT / d).glob("*.txt"))]
GUARDED = {
    "VERB": dates.VERB,
    "FEEDBACK": dates.FEEDBACK,
    "FEEDBACK_EVENT": dates._FEEDBACK_EVENT,
    "PERIOD_VERB": dates._PERIOD_VERB,
    "PERIOD_LABEL": dates._PERIOD_LABEL,
    "target": patterns()["target"],
    "audit_office": patterns()["audit_office"],
    "audit_verb": patterns()["audit_verb"],
}


def _span(m):
    return None if m is None else (m.span(), m.groups())


@pytest.mark.parametrize("name", list(GUARDED), ids=list(GUARDED))
def test_guarded_pattern_finds_the_same_in_every_sentence_of_the_gold_texts(name):
    guarded = GUARDED[name]
    assert isinstance(guarded, Guarded)
    checked = 0
    for text in TEXTS:
        for s, e in Regions(text, []).sentences():
            assert _span(guarded.search(text, s, e)) == _span(guarded.pattern.search(text, s, e)), text[s:e]
            checked += 1
    assert checked > 1000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="对向县委巡察视组进驻开展进行实施了反馈出具审计报告局厅署时间期间为意见,。年月日12", max_size=40))
def test_property_guarded_equals_pattern(text):
    for guarded in GUARDED.values():
        assert _span(guarded.search(text)) == _span(guarded.pattern.search(text))
        assert _span(guarded.search(text, 1, len(text) - 1)) == _span(guarded.pattern.search(text, 1, len(text) - 1))


def test_a_window_without_the_words_is_not_searched():
    class Boom:
        def search(self, *args):
            raise AssertionError("the pattern ran")

    guard = Guarded(Boom(), ("巡察",))
    assert guard.search("召开专题会议。巡察", 0, 7) is None


def test_a_guard_needs_words():
    with pytest.raises(ValueError, match="at least one non-empty word"):
        Guarded(dates.VERB.pattern, ("",))


@pytest.mark.parametrize(
    "module",
    [zhenggai.facts.guards, zhenggai.facts.cue_chars, zhenggai.facts.truncation, zhenggai.facts.inspection],
    ids=["guards", "cue_chars", "truncation", "inspection"],
)
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
