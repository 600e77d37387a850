"""count_context.short_quote_spans, read at the quotation openers only, gives what the whole-text scan gives.

The fast path finds the openers with str.find and matches the quotation pattern (on re, through
limits.Twin) at each one not inside the previous match, within the longest quotation's reach;
these tests compare it with ``_QUOTE_RE.finditer`` on the regex module, on sentences and on random
text dense in quotation marks, and check the fallback for texts with many openers.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import count_context

SENTENCES = [
    ("double", "落实“两项”补贴,推进“整合一批、提升一批”"),
    ("nested", "“‘一把手’负责制”和‘两个维护’"),
    ("ascii", '"三张清单"与"五个一"工程'),
    ("corners", "「四个意识」『两个确立』"),
    ("unclosed", "“没有闭合的引号,后面还有“两项”"),
    ("too_long", "“" + "很" * 30 + "”,“三个”"),
    ("stops", "“第一句。”“第二句”\n“第三\n句”"),
    ("astral", "“\U00011F51两项”"),
    ("none", "反馈问题12个"),
    ("empty", ""),
]

ALPHABET = "“”‘’\"「」『』。!?;\n两项一批三个的,\U00011F51"


def _reference(text):
    if not any(mark in text for mark in count_context._QUOTE_OPENERS):
        return []
    return [(m.start() + 1, m.end() - 1) for m in count_context._QUOTE_RE.finditer(text)]


@pytest.mark.parametrize("text", [s for _, s in SENTENCES], ids=[n for n, _ in SENTENCES])
def test_quote_spans_equal_the_whole_text_scan(text):
    with limits.deadline(10):
        assert count_context.short_quote_spans(text) == _reference(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_quote_spans_equal_the_whole_text_scan_on_random_text(text):
    with limits.deadline(10):
        assert count_context.short_quote_spans(text) == _reference(text)


def test_many_openers_take_the_whole_text_scan():
    text = "“两项”" * (count_context._MAX_POSITIONS + 1)
    assert count_context._positions(text, count_context._QUOTE_OPENERS) is None
    assert count_context.short_quote_spans(text) == _reference(text)
    assert len(count_context.short_quote_spans(text)) == count_context._MAX_POSITIONS + 1


def test_positions_are_sorted_across_characters():
    assert count_context._positions("「a“b”c」", "“」「") == [0, 2, 6]
