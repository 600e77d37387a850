"""zhenggai.facts.cue_chars: the characters every match of a cue fragment holds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathlib import Path

import regex

from zhenggai import limits
from zhenggai.facts.cue_chars import lacks, lacks_in, required_chars
from zhenggai.facts.totals_cues import _bmp, _rows, plain_syntax

ROOT = Path(__file__).resolve().parents[1]
GOLD = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus/gold").glob("*.txt"))]

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


@pytest.mark.parametrize(
    "text", ["", "已办理", "均已办结", "办结已", "完成", *GOLD[::9]], ids=lambda t: repr(t[:10])
)
def test_lacks_in_reads_as_lacks_on_the_set_of_characters(text):
    for row in ROWS:
        for required in (row.required, row.need_required):
            assert lacks_in(required, text) is lacks(required, set(text))


@pytest.mark.parametrize(
    "fragment,plain",
    [("(?:已|均已)完成", True), ("[^,;。\\d]{0,8}?处分", True), ("《[^》\\n]{1,40}》", True),
     ("\\s*(?:方面)", False), ("[\\p{Han}、和]{0,6}", False), ("\\w+", False), ("\\\\d", False)],
    ids=["literals", "digit_class", "newline_class", "white_space", "property", "word", "escaped_backslash"],
)
def test_plain_syntax_only_for_escapes_both_engines_read_alike(fragment, plain):
    assert plain_syntax(fragment) is plain


def _clause_pieces():
    # Every clause of the gold texts, and every tail and head of it: the left/right strings
    # classify is given (and more).
    for text in GOLD:
        for clause in regex.split(r"[,，;；:：。!！?？、\n]", text):
            for i in range(0, len(clause) + 1, 3):
                yield clause[:i]
                yield clause[i:]


def test_twinned_cue_rows_find_what_the_regex_engine_finds():
    """A row searched with Python's re (limits.Twin) finds the span and gap the regex engine finds."""
    pieces = sorted({p for p in _clause_pieces() if _bmp(p)})
    pieces += ["已完成整改12个的", "反馈问题共", "问题已全部整改完成", "处分\x1c", "整改任务已完成的"]
    twinned = [row for row in ROWS if isinstance(row.search.__self__, limits.Twin)]
    assert len(twinned) >= len(ROWS) - 5
    with limits.deadline(60.0):
        for row in twinned:
            for piece in pieces:
                a, b = row.search(piece), row.pattern.search(piece)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (row.pattern.pattern, piece)


@pytest.mark.parametrize("text,bmp", [("", True), ("整改12个", True), ("\U00011F51", False), ("个\U00020000", False)],
                         ids=["empty", "bmp", "astral_digit", "astral_han"])
def test_bmp(text, bmp):
    assert _bmp(text) is bmp


def test_classify_told_bmp_reads_as_classify_testing_each_clause():
    """``classify(..., bmp=True)`` (find_totals knows its text holds no astral character) gives
    the key classify finds when it tests the clauses itself, for every kind and unit of the
    cue table, on the clause pieces of the gold texts."""
    from zhenggai.facts.totals_cues import classify

    pieces = sorted({p for p in _clause_pieces() if _bmp(p)})[::7]
    kinds_units = sorted({(row.kind, unit) for row in ROWS for unit in (row.units or {None})},
                         key=lambda ku: (ku[0], ku[1] or ""))
    found = 0
    with limits.deadline(60.0):
        for kind, unit in kinds_units:
            for left, right in zip(pieces, reversed(pieces)):
                key = classify(left, right, kind, unit, left + right)
                assert classify(left, right, kind, unit, left + right, bmp=True) == key, (kind, unit, left, right)
                found += key is not None
    assert found > 50  # the pieces do hit cues


def _classify_every_row(left, right, kind, unit, sentence, noun=None):
    """classify as first written: every row of the kind and unit searched, no index, no masks."""
    other_noun = noun is not None and "问题" not in noun
    best = None
    for row in ROWS:
        if row.kind != kind or (row.units is not None and unit not in row.units):
            continue
        if row.is_right:
            m = row.pattern.search(right)
            gap = 0
        else:
            if other_noun and row.own_noun:
                continue
            m = row.pattern.search(left)
            gap = len(m["gap"]) if m else 0
        if m is None or (row.need is not None and not row.need.search(sentence)):
            continue
        best = min(best or (gap, row.order, row.key), (gap, row.order, row.key))
    return best[2] if best else None


_KINDS_UNITS = sorted({(row.kind, unit) for row in ROWS for unit in (row.units or {None})},
                      key=lambda ku: (ku[0], ku[1] or ""))


def test_classify_reads_as_every_row_searched_on_gold_clauses():
    """The character index and bit masks (candidate rows, required sets met) pick the key that
    searching every row of the table picks, on the clause pieces of the gold texts."""
    from zhenggai.facts.totals_cues import classify

    pieces = sorted(set(_clause_pieces()))[::5]
    keys = set()
    with limits.deadline(120.0):
        for kind, unit in _KINDS_UNITS:
            for left, right in zip(pieces, reversed(pieces)):
                for noun in (None, "责任单位"):
                    expected = _classify_every_row(left, right, kind, unit, left + right, noun)
                    assert classify(left, right, kind, unit, left + right, noun) == expected, (kind, unit, left, right)
                    keys.add(expected)
    assert len(keys) > 10  # left and right cues of many keys were met


_CUE_ALPHABET = "".join(sorted({ch for row in ROWS for need in row.required for ch in need})) + "的了共,、0123\U00011F51"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CUE_ALPHABET, max_size=14), st.text(alphabet=_CUE_ALPHABET, max_size=10),
       st.sampled_from(_KINDS_UNITS))
def test_property_classify_reads_as_every_row_searched(left, right, kind_unit):
    """The same on random clauses dense in the characters the cues need (astral ones too)."""
    from zhenggai.facts.totals_cues import classify

    kind, unit = kind_unit
    sentence = left + right
    assert classify(left, right, kind, unit, sentence) == _classify_every_row(left, right, kind, unit, sentence)
