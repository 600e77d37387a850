"""zhenggai.facts.first_pairs: the first characters (one to three) a taxonomy cue's matches start with."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts.categories import _candidate_tags, _frames, _tags, find_frame, find_tags
from zhenggai.facts.first_pairs import first_pairs

ROOT = Path(__file__).resolve().parent.parent

BOUNDED = [
    ("literal", "其中", {"其中"}),
    ("optional_char", "上[一]?轮", {"上一", "上轮"}),
    ("branch_and_class", "河[湖长]|环", {"河湖", "河长", "环"}),
    ("lookbehind_first", "(?<!廉洁|廉政)风险", {"风险"}),
    ("negated_class_after", "的[^，。；]{0,24}问题", {"的", "的问"}),
    ("optional_quote", "整改“?回头看", {"整改"}),
]
UNBOUNDED = [
    ("nullable", "(?:问题)?"),
    ("negated_first", "[^,;。]{0,8}?处分"),
    ("regex_only_syntax", "[\\p{Han}、和]{0,6}?制度"),
    ("flags", "(?i:rmb)"),
    ("global_flags", "(?i)rmb"),
]


@pytest.mark.parametrize("fragment,openings", [c[1:] for c in BOUNDED], ids=[c[0] for c in BOUNDED])
def test_openings_of_bounded_fragments(fragment, openings):
    assert first_pairs(fragment) == frozenset(openings)


@pytest.mark.parametrize("fragment", [c[1] for c in UNBOUNDED], ids=[c[0] for c in UNBOUNDED])
def test_no_bound_when_the_opening_is_open(fragment):
    assert first_pairs(fragment) is None


def test_every_taxonomy_tag_has_openings():
    assert all(tag.openings is not None for tag in _tags())


def _statements() -> list[str]:
    with open(ROOT / "corpus/taxonomy/issues.tsv", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]
    return [row[1] for row in rows[1:]]  # the issue column, under the header


def _unfiltered(text: str) -> list:
    """find_tags without the opening test: every tag's pattern run on the text."""
    found = []
    for tag in _tags():
        matches = list(tag.pattern.finditer(text))
        if matches:
            found.append((matches[0].start(), tag, list(dict.fromkeys(m.group() for m in matches))))
    found.sort(key=lambda item: item[0])
    return found


def test_filter_changes_no_tag_on_the_taxonomy_set():
    statements = _statements()
    assert len(statements) >= 300
    for text in statements:
        assert find_tags(text) == _unfiltered(text), text


_CUE_CHARS = "".join(sorted({ch for tag in _tags() for opening in tag.openings for ch in opening}))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CUE_CHARS[:200] + "的问题整改不到位，。", max_size=40))
def test_property_a_tag_match_opens_with_one_of_its_openings(text):
    candidates = _candidate_tags(text)
    for k, tag in enumerate(_tags()):
        m = tag.pattern.search(text)
        if m is not None:
            assert candidates >> k & 1, (tag.code, text)
            assert any(text.startswith(opening, m.start()) for opening in tag.openings)


@pytest.mark.parametrize(
    "text,codes",
    [
        ("河长制落实不到位", {"ecology"}),           # 河长 opens an ecology cue
        ("会计核算不规范", {"finance"}),
        ("的了吗", set()),                          # no opening of any tag
    ],
    ids=["ecology", "finance", "none"],
)
def test_candidate_tags_from_the_openings(text, codes):
    got = {tag.code for k, tag in enumerate(_tags()) if _candidate_tags(text) >> k & 1}
    assert codes <= got
    if not codes:
        assert got == set()


def _frame_by_part(heading: str):
    """find_frame without the one-search gate: each part's pattern in the framework's order."""
    for code, (_, pattern) in _frames().items():
        if pattern is not None and (m := pattern.search(heading)):
            return code, m.group()
    return None


def _frame_texts() -> list[str]:
    with open(ROOT / "corpus/taxonomy/issues.tsv", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]
    return [text for row in rows[1:] for text in row[1:3] if text]  # statements and frame headings


def test_frame_gate_changes_no_frame_on_the_taxonomy_set():
    texts = _frame_texts()
    assert sum(_frame_by_part(t) is not None for t in texts) >= 50  # the gate is passed, not only refused
    for text in texts:
        assert find_frame(text) == _frame_by_part(text), text


@pytest.mark.parametrize(
    "heading,frame",
    [
        ("一、落实全面从严治党战略部署方面", ("party_discipline", "全面从严治党战略部署")),
        ("（三）落实巡察、审计等监督发现问题整改方面", ("rectification", "落实巡察、审计等监督发现问题整改")),
        ("二、贯彻落实党中央决策部署方面", ("policy", "贯彻落实党中央决策部署方面")),
        ("二、巡察反馈问题整改情况", None),
    ],
    ids=["party_discipline", "rectification_repeat", "policy_optional_parts", "none"],
)
def test_find_frame_through_the_gate(heading, frame):
    assert find_frame(heading) == frame == _frame_by_part(heading)


# The literal pieces of the framework cues (巡视, 、审计, 发现, 问题整改 …) and a few other characters:
# strung together they make the cues, near misses and several parts in one heading.
_FRAME_PIECES = sorted({piece for _, pattern in _frames().values() if pattern is not None
                        for piece in re.split(r"[()?:|*]+", pattern.pattern) if piece})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FRAME_PIECES + ["一、", "方面", "。", "的", "落实", "和"]), max_size=8).map("".join))
def test_property_frame_gate_agrees_with_each_part(text):
    assert find_frame(text) == _frame_by_part(text)
