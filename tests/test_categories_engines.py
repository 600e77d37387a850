"""zhenggai.facts.categories: the speed-ups that must not change an answer.

Kinds: the candidate tags read from a text's UTF-16 code units as from its character pairs;
the topic cues run on ``re`` (``_Tag.scan``, a limits.Twin) as on the regex module; the
per-notice frame memo (``FrameMemo``) answering as ``find_frame``; categorize with a memo as
without.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts.categories import (
    FrameMemo,
    _candidate_tags,
    _tag_index,
    _tags,
    categorize,
    find_frame,
    find_tags,
)

ROOT = Path(__file__).resolve().parent.parent


def _rows() -> list[list[str]]:
    with open(ROOT / "corpus/taxonomy/issues.tsv", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]
    return rows[1:]  # under the header: id, issue, frame, audit, level1, tags


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


# -- candidate tags: code units against the loop over character pairs they replace ----------------

def _candidates_by_pairs(text: str) -> int:
    """The candidate mask as it was computed before: one dictionary lookup per character pair."""
    pairs, singles, mask = _tag_index()
    last = len(text) - 1
    for i in range(last):
        entry = pairs.get(text[i : i + 2])
        if entry is not None:
            mask |= entry[0]
            if entry[1] and i + 1 < last:
                mask |= entry[1].get(text[i + 2], 0)
    for ch, bits in singles.items():
        if ch in text:
            mask |= bits
    return mask


def test_candidates_as_the_pair_loop_on_the_taxonomy_set():
    texts = [text for row in _rows() for text in row[1:3] if text]
    assert sum(_candidates_by_pairs(t) != 0 for t in texts) >= 300
    for text in texts:
        assert _candidate_tags(text) == _candidates_by_pairs(text), text
        joined = f"{text}。{text[::-1]}"  # pairs at odd code units too
        assert _candidate_tags(joined) == _candidates_by_pairs(joined), joined


@pytest.mark.parametrize(
    "text",
    ["", "河", "河长", "a河长", "\U00020000河长", "河\U00020000长", "\ud800河长", "河长\udfff", "整改不到位", "x整改不"],
    ids=["empty", "one", "pair", "odd_unit", "astral_before", "astral_between", "lone_high", "lone_low",
         "triple", "triple_at_end"],
)
def test_candidates_at_edges(text):
    assert _candidate_tags(text) == _candidates_by_pairs(text)


# The openings themselves and their characters, strung together: pairs, triples, near misses
# (a pair cut by a character beyond U+FFFF or a lone surrogate), at even and odd code units.
_OPENINGS = sorted({opening for tag in _tags() for opening in tag.openings})
_PIECES = _OPENINGS + sorted({ch for opening in _OPENINGS for ch in opening}) + [
    "，", "。", "a", "\U00020000", "\U0001F600", "\ud800", "\udc00"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_property_candidates_as_the_pair_loop(text):
    assert _candidate_tags(text) == _candidates_by_pairs(text)


# -- engines: the cues are literals, listed classes and groups, read alike by re and regex -----------

def test_cues_hold_no_syntax_the_engines_read_apart():
    for tag in _tags():
        cues = tag.pattern.pattern
        assert "\\" not in cues, tag.code  # no \d \w \s \b \p{…}: their Unicode tables differ
        assert "(?i" not in cues and "(?V1" not in cues, tag.code


def test_re_finds_the_regex_matches_on_the_taxonomy_set():
    rows = _rows()
    assert len(rows) >= 300
    for row in rows:
        for text in row[1:3]:
            for tag in _tags():
                assert _spans(tag.scan.finditer(text)) == _spans(tag.pattern.finditer(text)), (tag.code, text)


# The cues' own characters, the clause marks the negated classes stop at, and characters beyond
# U+FFFF (where re and regex could read a \d apart: the text such a caller sends to regex).
_CUE_CHARS = sorted({ch for tag in _tags() for ch in tag.pattern.pattern if ch not in "()?:|[]^{}<!=,0123456789"})
_ALPHABET = "".join(_CUE_CHARS) + "，。；“”\n\U00020000\U0001F600"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_property_re_and_regex_agree_on_cue_dense_text(text):
    for tag in _tags():
        assert _spans(tag.scan.finditer(text)) == _spans(tag.pattern.finditer(text)), tag.code


@pytest.mark.parametrize(
    "text,code",
    [
        ("重点领域廉洁风险防控不到位", None),                   # the lookbehind refuses 风险 after 廉洁
        ("政府隐性债务风险防控不力", "risk"),
        ("巡察指出的专项资金问题至今未整改", "previous_rectification"),  # 的[^，。；]{0,24}问题 …
    ],
    ids=["lookbehind", "plain", "bounded_gap"],
)
def test_re_reads_the_lookbehind_and_gaps(text, code):
    codes = [tag.code for _, tag, _ in find_tags(text)]
    assert (code in codes) if code else ("risk" not in codes)


# -- the frame memo ---------------------------------------------------------------------------------

def test_frame_memo_answers_as_find_frame_and_searches_once():
    memo = FrameMemo()
    headings = [row[2] for row in _rows() if row[2]] + [row[1] for row in _rows()]
    assert sum(find_frame(h) is not None for h in headings) >= 50
    for heading in headings:
        assert memo[heading] == find_frame(heading), heading
    assert len(memo) == len(set(headings))


def test_categorize_with_a_memo_as_without():
    memo = FrameMemo()
    frame_of = memo.__getitem__
    rows = _rows()
    for row in rows:
        issue, frame, audit = row[1], row[2], row[3] == "1"
        frames = ["二、巡察反馈问题整改落实情况", frame] if frame else []
        for _ in range(2):  # the second time through the memo's stored answers
            assert categorize(issue, frames=frames, audit=audit, frame_of=frame_of) == categorize(
                issue, frames=frames, audit=audit), issue
    assert any(hit is not None for hit in memo.values())
