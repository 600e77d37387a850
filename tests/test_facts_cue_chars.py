"""zhenggai.facts.cue_chars: the characters every match of a cue fragment holds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts.cue_chars import lacks, required_chars
from zhenggai.facts.totals_cues import _rows

CLAIMS = [
    ("literal", "其中", ["其", "中"]),
    ("alternation_last_rarest", "(?:已|均已)(?:完成|办结)", ["已", "成结"]),
    ("class", "[反指]馈", ["反指", "馈"]),
    ("lookarounds_claim_nothing", "(?<!未)追回(?!资金)", ["追", "回"]),
    ("bounded_repeat", "[^,;。]{0,8}?处分", ["处", "分"]),
    ("repeat_of_one_or_more", "(?:问题)+", ["问", "题"]),
    ("regex_only_property", "[\\p{Han}、和]{0,6}?(?:制度|规章)", ["度章"]),
    ("verbose_comment", "问题  # the word itself", ["问", "题"]),
]
NO_CLAIM = [
    ("optional", "(?:问题)?"),
    ("category", "\\d+"),
    ("negated_class", "[^,;。]+"),
    ("a_branch_needing_nothing", "问题|\\d+"),
    ("case_folding", "(?i:rmb)"),
    ("not_parsed", "(?P<a>x"),
]


@pytest.mark.parametrize("fragment,sets", [c[1:] for c in CLAIMS], ids=[c[0] for c in CLAIMS])
def test_required_sets_of_fragments(fragment, sets):
    assert required_chars(fragment) == tuple(frozenset(s) for s in sets)


@pytest.mark.parametrize("fragment", [c[1] for c in NO_CLAIM], ids=[c[0] for c in NO_CLAIM])
def test_no_claim_when_nothing_is_required(fragment):
    assert required_chars(fragment) == ()


@pytest.mark.parametrize(
    "text,expected",
    [("已办理", True), ("均已办结", False), ("", True)],
    ids=["second_set_missing", "both_sets_present", "empty_text"],
)
def test_lacks(text, expected):
    assert lacks(required_chars("已(?:完成|办结)"), set(text)) is expected


ROWS = _rows()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="已均经完成整改到位销号问题反馈指出办结信访线索移交处分谈话约谈问责措施任务制度建立完善项个人元分别有,。、0123456789",
               max_size=30))
def test_property_a_cue_match_holds_its_required_characters(text):
    """A text that lacks a row's required characters never matches the row's pattern or need word."""
    chars = set(text)
    for row in ROWS:
        if row.required and lacks(row.required, chars):
            assert row.pattern.search(text) is None, (row.pattern.pattern, text)
        if row.need is not None and row.need_required and lacks(row.need_required, chars):
            assert row.need.search(text) is None, (row.need.pattern, text)


def test_most_cue_rows_make_a_claim():
    assert sum(1 for row in ROWS if row.required) >= len(ROWS) - 2
