"""Round 8 speed-ups of the facts: each against the code it replaced.

Kinds: ``Guarded``'s search / match / finditer with the word test inline answer as the word test
(``holds_word``) followed by the pattern; ``categories._candidates`` reading the text's code units
after the byte-order mark of ``"utf-16"`` meets the same opening pairs as the old reading of
``"utf-16-le"``; ``Regions.totals_places`` gives for every start what one ``totals_place`` per
start gave on a fresh index (two bisections from the text's start), in any order of the starts.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.facts import categories
from zhenggai.facts.categories import _candidates, _pair_keys, _tag_index
from zhenggai.facts.guards import Guarded

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for d in ("corpus/gold", "tests/fixtures/notices")
         for p in sorted((ROOT / d).glob("*.txt"))]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


# -- Guarded: the word test inline ---------------------------------------------------------------

_VERB = Guarded(limits.compile(r"进行了?[^。]{0,9}?巡察  # 进行了…巡察", regex.VERBOSE), ("巡察", "巡视"))


def _old_search(guard: Guarded, string: str, pos=None, endpos=None):
    return guard.pattern.search(string, pos, endpos) if guard.holds_word(string, pos, endpos) else None


def _old_match(guard: Guarded, string: str, pos=None, endpos=None):
    return guard.pattern.match(string, pos, endpos) if guard.holds_word(string, pos, endpos) else None


def _old_finditer(guard: Guarded, string: str, pos=None, endpos=None):
    return list(guard.pattern.finditer(string, pos, endpos)) if guard.holds_word(string, pos, endpos) else []


def _same(guard: Guarded, string: str, pos=None, endpos=None) -> None:
    got, want = guard.search(string, pos, endpos), _old_search(guard, string, pos, endpos)
    assert (got and _spans([got])) == (want and _spans([want]))
    got, want = guard.match(string, pos, endpos), _old_match(guard, string, pos, endpos)
    assert (got and _spans([got])) == (want and _spans([want]))
    assert _spans(guard.finditer(string, pos, endpos)) == _spans(_old_finditer(guard, string, pos, endpos))


@pytest.mark.parametrize(
    "text,pos,endpos",
    [
        ("市委巡察组对我局进行了常规巡察。", None, None),
        ("市委巡察组对我局进行了常规巡察。", 8, None),
        ("市委巡察组对我局进行了常规巡察。", 8, 13),       # the word cut off by endpos
        ("进行了常规巡察", 0, 7),
        ("召开专题会议。", None, None),                    # no word: no search
        ("进行了常规巡察", -7, None),                      # negative positions, as slices read them
        ("", None, None),
    ],
    ids=["whole", "from-pos", "word-cut", "window", "no-word", "negative-pos", "empty"],
)
def test_guarded_as_holds_word_then_pattern(text, pos, endpos):
    _same(_VERB, text, pos, endpos)


def test_guarded_on_the_bench_texts():
    for text in TEXTS:
        for pos, endpos in ((None, None), (0, len(text) // 2), (len(text) // 3, None)):
            _same(_VERB, text, pos, endpos)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="进行了常规巡察视组。,", max_size=40), st.integers(-5, 45), st.integers(-5, 45))
def test_property_guarded_as_holds_word_then_pattern(text, pos, endpos):
    _same(_VERB, text, pos, endpos)
    _same(_VERB, text, None, endpos)
    _same(_VERB, text, pos, None)


# -- categories._candidates on "utf-16" after the byte-order mark ------------------------------------

def _old_code_units(pair: str) -> int:
    return memoryview(pair.encode("utf-16-le")).cast("I")[0]


def _old_candidates(text: str) -> int:
    """Round 7's _candidates: the text read as "utf-16-le", with its own numbering of the pairs."""
    keys, by_key, mask = _pair_keys()
    old_key = _old_keys()
    _, singles, _ = _tag_index()
    units = memoryview(text.encode("utf-16-le", "surrogatepass"))
    n = len(units)
    found = set(old_key).intersection(units[: n - n % 4].cast("I"))
    found |= set(old_key).intersection(units[2 : n - (n - 2) % 4].cast("I"))
    for old in found:
        bits, longer = by_key[old_key[old]]
        mask |= bits
        for opening, opening_bits in longer:
            if opening in text:
                mask |= opening_bits
    for ch, bits in singles.items():
        if ch in text:
            mask |= bits
    return mask


_OLD_KEYS: dict[int, int] = {}


def _old_keys() -> dict[int, int]:
    """The pairs numbered as the old code did ("utf-16-le" read four bytes at a time) → the new number."""
    if not _OLD_KEYS:
        _OLD_KEYS.update((_old_code_units(_pair_of(key)), key) for key in _pair_keys()[0])
    return _OLD_KEYS


def _pair_of(key: int) -> str:
    """The two characters a number of _pair_keys stands for (as _code_units reads them)."""
    for pair in _pairs():
        if categories._code_units(pair) == key:
            return pair
    raise KeyError(key)


_PAIRS: list[str] = []


def _pairs() -> list[str]:
    if not _PAIRS:
        pairs, _, _ = _tag_index()
        _PAIRS.extend(pairs)
        from zhenggai.facts.first_pairs import first_openings

        _PAIRS.extend(o[:2] for o in first_openings(categories._any_frame().pattern, 3) or () if len(o) >= 2)
    return _PAIRS


def test_code_units_are_the_pairs_read_in_the_machines_order():
    for pair in _pairs()[:50]:
        assert categories._code_units(pair) == int.from_bytes(pair.encode("utf-16")[2:], __import__("sys").byteorder)


def _taxonomy_texts() -> list[str]:
    with open(ROOT / "corpus/taxonomy/issues.tsv", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]
    return [text for row in rows[1:] for text in row[1:3] if text]


def test_candidates_as_the_utf16le_reading_on_the_taxonomy_set():
    texts = _taxonomy_texts()
    assert sum(_candidates(t) != _pair_keys()[2] for t in texts) >= 300  # they do find openings
    for text in texts:
        assert _candidates(text) == _old_candidates(text), text


@pytest.mark.parametrize(
    "text",
    ["", "a", "巡", "巡察", "巡察反馈", "x巡察反馈", "𠀀巡察", "巡察𠀀", "\ud800巡察", "巡\udfff察", "违规发放津补贴，财务报销把关不严"],
    ids=["empty", "ascii", "one", "pair", "odd-even", "shifted", "astral-first", "astral-last",
         "lone-high", "lone-low", "statement"],
)
def test_candidates_at_edges(text):
    assert _candidates(text) == _old_candidates(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="巡察反馈整改违规发放津补贴财务报销把关不严党风廉政意识形态𠀀a，。", max_size=60))
def test_property_candidates_as_the_utf16le_reading(text):
    assert _candidates(text) == _old_candidates(text)


# -- Regions.totals_places: every figure's totals_place in one call -------------------------------------

def _outline(text: str):
    from zhenggai.outline import parse_outline

    return parse_outline(text)


def _old_place(regions, pos: int):
    """totals_place as round 7 wrote it (two bisections from the text's start), on a fresh Regions."""
    from bisect import bisect_right

    from zhenggai.facts.regions import SENTENCE_REACH

    closing = pos >= regions.closing_from
    j = bisect_right(regions._detail_starts, pos) - 1
    hit = regions._detail[j] if j >= 0 and pos < regions._detail[j][1] else None
    if hit is not None and not closing and not hit[3]:
        return None
    positions = regions._sentence
    i = bisect_right(positions, pos - 1)
    start = positions[i - 1] + 1 if i > 0 else 0
    end = positions[i] if i < len(positions) else regions.n
    sent = (max(start, pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH))
    if not regions._context_of(pos, closing, hit, sent):
        return None
    return regions._clause_in(pos, start, end), sent


def _check_places(text: str, outline, starts: list[int]) -> None:
    from zhenggai.facts.regions import Regions

    got = Regions(text, outline).totals_places(starts)
    want = [(k, *place) for k, pos in enumerate(starts)
            if (place := _old_place(Regions(text, outline), pos)) is not None]
    assert got == want


def test_totals_places_as_one_lookup_per_figure_on_the_bench_texts():
    hits = 0
    for text in TEXTS:
        outline = _outline(text)
        starts = sorted({k for k, ch in enumerate(text) if ch.isdigit()})  # every digit: a figure start
        _check_places(text, outline, starts)
        hits += len(starts)
    assert hits > 5000


@pytest.mark.parametrize(
    "starts",
    [[], [0], [3, 3, 9], [9, 3, 20, 4], [40, 0], [100, 200, 5, 6]],
    ids=["none", "first", "repeated", "unordered", "backwards", "past-the-end-then-back"],
)
def test_totals_places_in_any_order(starts):
    text = TEXTS[0]
    _check_places(text, _outline(text), starts)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="反馈问题整改4个,。;\n一、下步", max_size=80), st.lists(st.integers(0, 85), max_size=12))
def test_property_totals_places(text, starts):
    _check_places(text, _outline(text), sorted(starts))
    _check_places(text, _outline(text), starts)


# -- find_totals' figure filter and classify's candidate rows --------------------------------------------

@pytest.mark.parametrize(
    "value,kept",
    [(__import__("decimal").Decimal("3"), True), (__import__("decimal").Decimal("0"), True),
     (__import__("decimal").Decimal("-0"), True), (__import__("decimal").Decimal("-3.8"), False),
     (3, True), (0, True), (-1, False), (2.5, True), (-0.5, False)],
    ids=["decimal", "decimal-zero", "decimal-minus-zero", "decimal-negative", "int", "int-zero",
         "int-negative", "float", "float-negative"],
)
def test_figure_filter_against_int_zero(value, kept):
    from zhenggai.facts.totals import _ZERO

    assert (value >= _ZERO) is (value >= 0) is kept


def test_classify_candidate_rows_memo_read_inline():
    from zhenggai.facts.totals_cues import _cue_index, classify

    assert classify("巡察反馈的", "具体问题中", "count", "个", "巡察反馈的") == "issues"
    index = _cue_index("count", "个")
    for mask, rows in list(index._of_mask.items()):
        assert rows == tuple(row for k, row in enumerate(index.rows) if mask >> k & 1)
