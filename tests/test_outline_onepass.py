"""The outline's round-5 shortcuts give what they replace.

The tree builder reads lines, candidates and markers as plain tuples
(``headings.line_rows``, ``headings.candidate_rows``, ``markers.marker_row``) instead of
NamedTuples; common marker numbers are read from a table (``markers._COMMON_ORDINALS``);
the cue tests search a class of characters instead of testing the text's characters as a
set (``cues._other_char_re``, ``cues._first_class``) or search the cues alone
(``cues.contains``).  Each is checked here against the function or test it replaces, on
written examples and on random text dense in the characters they read.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.outline import cues, markers
from zhenggai.outline.headings import Candidate, candidate_rows, candidates, line_rows, lines
from zhenggai.outline.markers import KINDS, MarkerMatch, marker_row, match_marker_in

# Characters that make markers, lines and headings: numerals of every kind, brackets,
# punctuation, blanks of several widths, newlines, circled numbers and a character beyond U+FFFF.
_OUTLINE_CHARS = "\x0c\x85\u2028\u00a0一二三四五六七八九十百零〇第部分章问题是(（)）、.．,，:：。；“”123０１①②③ \u3000\t\r\n关于整改情况加强\U00020000"

WRITTEN = [
    "一、总体情况\n\n  (一)正文。\n",
    "根据部署,现将整改情况通报如下。\n一、关于“理论学习不够深入”问题的整改情况\n1.健全学习制度。修订规则。\n"
    "2.强化督促检查。一是每季度通报;二是纳入考核。\n下一步,我局将持续巩固整改成果。",
    "(一)\n党组领导作用发挥不够\n正文。",
    "①建立清单。②定期调度。\n③跟踪问效。\n",
    "第一部分 整改工作总体情况\n问题一：制度不健全\n第二，加强学习\n十一、其他\n（12）细则\n⑳末项",
    "   \u3000\n\t1 . 标题\r\n2,3月份开展检查\n3.2023年完成",
]


def _split_lines(text):
    """The lines as the outline read them before round 5: a string per line, stripped."""
    out, start = [], 0
    for segment in text.split("\n"):
        stripped = segment.lstrip(" \t\u3000\u00a0\r")
        body = stripped.rstrip()
        if body:
            content = start + len(segment) - len(stripped)
            out.append((start, content, content + len(body)))
        start += len(segment) + 1
    return out


@pytest.mark.parametrize("text", WRITTEN + ["", "\n", " \u3000\n\x0c\n\u2028x\u2028\n\u00a0y\x85", "a\n \n\tb \t"],
                         ids=range(len(WRITTEN) + 4))
def test_rows_are_the_named_tuples_fields_on_written_text(text):
    assert line_rows(text) == [tuple(line) for line in lines(text)] == _split_lines(text)
    rows = candidate_rows(text, line_rows(text))
    cands = candidates(text, lines(text))
    assert all(type(c) is Candidate and type(c.marker) is MarkerMatch for c in cands)
    assert rows == [(c.line_index, *c.marker, c.heading_start, c.heading_end, c.rest_start) for c in cands]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_OUTLINE_CHARS, max_size=60))
def test_rows_are_the_named_tuples_fields(text):
    assert line_rows(text) == [tuple(line) for line in lines(text)] == _split_lines(text)
    cands = candidates(text, lines(text))
    assert candidate_rows(text, line_rows(text)) == [
        (c.line_index, *c.marker, c.heading_start, c.heading_end, c.rest_start) for c in cands]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_OUTLINE_CHARS, max_size=12), st.booleans())
def test_marker_row_is_match_marker_in(line, astral):
    row = marker_row(line, 0, None, astral)
    found = match_marker_in(line, 0, None, astral)
    assert (row is None and found is None) or (type(found) is MarkerMatch and tuple(found) == row)


# Which kinds' numeral groups can hold each number of the table (the others never see it).
_KINDS_OF = {"cn": ("part", "problem", "word", "pcn", "cn"), "digits": ("paren", "arabic", "problem"),
             "circled": ("circled",)}


def _family(number: str) -> str:
    if number.isascii():
        return "digits"
    return "circled" if "\u2460" <= number <= "\u2473" else "cn"


@pytest.mark.parametrize("number", sorted(markers._COMMON_ORDINALS))
def test_common_ordinals_are_what_ordinal_reads(number):
    for kind in _KINDS_OF[_family(number)]:
        assert kind in KINDS
        assert markers._COMMON_ORDINALS[number] == markers._ordinal(kind, number), (kind, number)


_GENERIC_TEXT_CHARS = "巡察反馈问题整改落实情况第三轮 ,、“”\"的及理论学习不够下一步工作今后\u3000"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_GENERIC_TEXT_CHARS, max_size=16))
def test_other_character_class_is_the_superset_test(text):
    assert (cues._other_char_re().search(text) is None) is cues._generic_chars().issuperset(text)


@pytest.mark.parametrize("role", ["category", "closing_phrase", "problem"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_first_class_is_the_first_characters_set_test(role, data):
    words = list(cues.cues(role))
    text = data.draw(st.text(alphabet="".join(words[:12]) + "的及整改情况 ", max_size=16))
    firsts = cues._first_chars(role)
    assert (cues._first_class(role).search(text) is None) is firsts.isdisjoint(text)
    # the set test only ruled out texts the cue search refuses: the search alone gives the same
    if firsts.isdisjoint(text):
        assert not cues.contains(role, text)


@pytest.mark.parametrize(("heading", "expected"), [
    ("市级财政管理审计查出问题的整改情况", True),
    ("关于公务用车管理不规范问题的整改情况", False),
    ("强化政治理论武装", False),
])
def test_is_category_on_written_headings(heading, expected):
    assert cues.is_category(heading) is expected


def _levels_after_walk(text):
    """Levels as build_tree_walk leaves them, and as _assign_levels sets them on the same walk."""
    from zhenggai.outline.tree import _assign_levels, build_tree_walk

    _, walk = build_tree_walk(text)
    made = [node.level for node, _ in walk]
    kinds = {node.kind for node, _ in walk}
    _assign_levels(walk, 1 if {"part", "cn"} <= kinds else 0)
    return made, [node.level for node, _ in walk]


@pytest.mark.parametrize("text", WRITTEN, ids=range(len(WRITTEN)))
def test_levels_skipped_walk_gives_the_walks_levels(text):
    made, walked = _levels_after_walk(text)
    assert made == walked


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["一、甲", "二、乙", "(一)丙", "1.丁", "2.戊", "(1)己", "①庚", "第一部分 辛",
                                 "问题一：壬", "第一，癸", "下一步,继续", "正文。"]), max_size=12))
def test_levels_as_made_are_the_walks_levels(parts):
    made, walked = _levels_after_walk("\n".join(parts))
    assert made == walked
