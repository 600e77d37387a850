"""zhenggai.facts.regions: the lookups every figure makes, against plain reference readings."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts.regions import (
    CLAUSE_REACH,
    SENTENCE_REACH,
    Regions,
    _first_char,
    _first_non_space,
    _newlines,
    walk,
)
from zhenggai.outline import parse_outline

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for d in ("corpus/gold", "tests/fixtures/notices")
         for p in sorted((ROOT / d).glob("*.txt"))]
CLAUSE_ENDS = set(",，;；:：。!！?？、\n")
SENTENCE_ENDS = set("。!！?？;；\n")


def _span(text: str, pos: int, ends: set[str], reach: int | None) -> tuple[int, int]:
    start = pos
    while start > 0 and text[start - 1] not in ends:
        start -= 1
    end = pos
    while end < len(text) and text[end] not in ends:
        end += 1
    if reach is not None:
        start, end = max(start, pos - reach), min(end, pos + reach)
    return start, end


@pytest.mark.parametrize("i", range(0, len(TEXTS), 4))
def test_clause_sentence_and_paragraph_read_as_a_character_walk_does(i):
    text = TEXTS[i]
    regions = Regions(text, [])
    for pos in range(0, len(text), 13):
        assert regions.clause(pos) == _span(text, pos, CLAUSE_ENDS, CLAUSE_REACH)
        assert regions.sentence(pos) == _span(text, pos, SENTENCE_ENDS, SENTENCE_REACH)
        assert regions.paragraph(pos) == _span(text, pos, {"\n"}, None)


@pytest.mark.parametrize("i", range(0, len(TEXTS), 3))
def test_in_closing_is_inside_a_closing_section_or_after_the_closing_start(i):
    text = TEXTS[i]
    outline = parse_outline(text)
    regions = Regions(text, outline)
    spans = [(n.start, n.end) for n in walk(outline) if n.role == "closing"]
    for pos in range(0, len(text), 11):
        expected = pos >= regions.closing_from or any(s <= pos < e for s, e in spans)
        assert regions.in_closing(pos) is expected


@pytest.mark.parametrize(
    "text,first",
    [("二是针对", "二"), ("  \u3000二是", "二"), ("\u3000" * 50_000 + "针对", "针"), ("   ", ""), ("", ""), ("\t一", "\t")],
    ids=["no_blank", "blanks", "a_long_run_of_blanks", "only_blanks", "empty", "a_tab_is_no_such_blank"],
)
def test_first_char_after_spaces(text, first):
    assert _first_char(text, 0, len(text)) == first


@pytest.mark.parametrize(
    "text,first",
    [("下一步", "下"), (" \t\u3000下一步", "下"), ("\x1c下", "\x1c"), (" " * 50_000, "")],
    ids=["no_space", "white_space", "a_separator_is_no_white_space_to_regex", "only_spaces"],
)
def test_first_non_space_stops_where_the_regex_white_space_stops(text, first):
    assert _first_non_space(text, 0, len(text)) == first
    m = regex.match(r"\s*", text)
    assert text[m.end() : m.end() + 1] == first


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \u3000\t\r\n\x1c\x85\u2028\u00a0\u180e\u200b下一二针", max_size=40),
       st.integers(0, 40), st.integers(0, 40))
def test_property_first_characters_read_as_the_regex_scans(text, start, end):
    """The indentation shortcut (no regex call) gives what the class scans give, in any window."""
    start, end = min(start, len(text)), min(end, len(text))
    m = regex.compile(r"[^\x20\u3000]").search(text, start, end)
    assert _first_char(text, start, end) == (m.group() if m else "")
    m = regex.compile(r"\S").search(text, start, end)
    assert _first_non_space(text, start, end) == (m.group() if m else "")


def test_walk_is_document_order_at_any_depth():
    class Node:
        def __init__(self, name, children=()):
            self.name, self.children = name, list(children)

    deep = Node("leaf")
    for i in range(3000):  # deeper than Python's recursion limit
        deep = Node(f"n{i}", [deep])
    tree = [Node("a", [Node("b", [Node("c")]), Node("d")]), Node("e")]
    assert [n.name for n in walk(tree)] == ["a", "b", "c", "d", "e"]
    assert len(walk([deep])) == 3001


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\n\n", "ab", "ab\n", "\nab", "a\n\nb\r\nc\u2028d", *TEXTS[::7]],
    ids=lambda t: repr(t[:12]),
)
def test_newlines_are_the_offsets_a_character_walk_finds(text):
    assert _newlines(text) == [i for i, ch in enumerate(text) if ch == "\n"]


@pytest.mark.parametrize("i", range(0, len(TEXTS), 5))
def test_clause_and_sentence_delimiters_are_the_offsets_a_character_walk_finds(i):
    text = TEXTS[i] + "\u3000末尾,\x1c;"  # (a separator \x1c is no delimiter)
    regions = Regions(text, [])
    assert regions._clause == [j for j, ch in enumerate(text) if ch in CLAUSE_ENDS]
    assert regions._sentence == [j for j, ch in enumerate(text) if ch in SENTENCE_ENDS]
    assert regions._para == [j for j, ch in enumerate(text) if ch == "\n"]


@pytest.mark.parametrize("i", range(0, len(TEXTS), 2))
def test_in_totals_context_shared_by_a_sentence_reads_as_a_fresh_lookup(i):
    """The per-sentence memo of in_totals_context gives what a Regions with no memo gives, at
    any position, asked in any order (here: backwards, so later sentences are filled first)."""
    text = TEXTS[i]
    outline = parse_outline(text)
    shared = Regions(text, outline)
    for pos in range(len(text) - 1, -1, -9):
        assert shared.in_totals_context(pos) is Regions(text, outline).in_totals_context(pos), pos


def test_in_totals_context_of_a_sentence_longer_than_its_reach():
    # 1,500 characters without a delimiter, then a quoted issue opening within reach of the end
    # only: positions of one such sentence may read different capped spans, so none are shared.
    text = "整改期间" + "共" * 1500 + "针对“执法不规范”问题整改3个。\n"
    outline = parse_outline(text)
    shared = Regions(text, outline)
    for pos in (5, 700, 1400, 1510, 1520, 700, 5):
        assert shared.in_totals_context(pos) is Regions(text, outline).in_totals_context(pos), pos


@pytest.mark.parametrize("i", range(1, len(TEXTS), 3))
def test_totals_place_is_the_clause_and_sentence_where_in_totals_context(i):
    """totals_place (the one lookup find_totals makes per figure) gives the clause and sentence
    lookups' spans exactly where in_totals_context holds, and None elsewhere."""
    text = TEXTS[i]
    outline = parse_outline(text)
    regions = Regions(text, outline)
    for pos in range(0, len(text), 5):
        place = regions.totals_place(pos)
        if Regions(text, outline).in_totals_context(pos):
            assert place == (regions.clause(pos), regions.sentence(pos)), pos
        else:
            assert place is None, pos
