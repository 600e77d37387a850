"""zhenggai.first_chars: the characters a cue fragment's matches must start with."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts.totals import _money_rows, _rows
from zhenggai.first_chars import first_chars

BOUNDED = [
    ("literal", "其中", {"其"}),
    ("optional_prefix", "(?:整改)?(?:完成率|整改率)", {"整", "完"}),
    ("class", "[反指]馈", {"反", "指"}),
    ("lookbehind_first", "(?<!未|没有)(?:追回|挽回)", {"追", "挽"}),
    ("lookahead_inside", "已(?:完成|办结)(?![^,;。]{0,2}?[\\d一])", {"已"}),
    ("verbose_comment", "问题  # the word itself", {"问"}),
]
UNBOUNDED = [
    ("negated_class", "[^,;。]{0,8}?处分"),
    ("nullable", "(?:问题)?"),
    ("category", "\\d+个"),
    ("regex_only_syntax", "[\\p{Han}、和]{0,6}?制度"),
    ("any_char", ".+问题"),
    ("flags", "(?i:rmb)"),
]


@pytest.mark.parametrize("fragment,chars", [c[1:] for c in BOUNDED], ids=[c[0] for c in BOUNDED])
def test_first_chars_of_bounded_fragments(fragment, chars):
    assert first_chars(fragment) == frozenset(chars)


@pytest.mark.parametrize("fragment", [c[1] for c in UNBOUNDED], ids=[c[0] for c in UNBOUNDED])
def test_no_bound_when_any_character_may_start(fragment):
    assert first_chars(fragment) is None


PATTERNS = [row.pattern for row in _rows()] + [pattern for _, _, pattern, _ in _money_rows()]
FIRSTS = [row.first for row in _rows()] + [first for _, _, _, first in _money_rows()]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="已完成整改问题反馈指出办结追回挽回清退资金处分谈话约谈问责措施制度项个人元,。0123456789", max_size=30))
def test_property_a_cue_match_starts_with_one_of_its_first_chars(text):
    """Every match of every cue pattern in the tables starts with one of the cue's first characters."""
    for pattern, first in zip(PATTERNS, FIRSTS):
        m = pattern.search(text)
        if first is not None and m is not None and m.end() > m.start():
            assert text[m.start()] in first, (pattern.pattern, text)


def test_most_totals_rows_have_a_bound():
    assert sum(1 for first in FIRSTS if first is not None) >= len(FIRSTS) // 2
