"""assemble.section_paths: the section path of every mention offset in one sweep."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.assemble import section_paths
from zhenggai.normalize import normalize
from zhenggai.outline import parse_outline
from zhenggai.outline.nodes import section_path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus/gold").glob("*.txt"))[:8] + sorted((ROOT / "tests/fixtures/notices").glob("*.txt"))[:8]


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_paths_are_the_one_offset_answers(path):
    text = normalize(path.read_text(encoding="utf-8")).text
    outline = parse_outline(text)
    offsets = list(range(0, len(text), 7))
    expected = [section_path(outline, off) for off in offsets]
    assert section_paths(outline, offsets) == expected  # in order: swept as they are
    shuffled = offsets[:]
    random.Random(4).shuffle(shuffled)
    assert section_paths(outline, shuffled + shuffled[:5]) == [section_path(outline, off) for off in shuffled + shuffled[:5]]


def test_each_offset_gets_its_own_list():
    outline = parse_outline("一、总体情况\n内容。\n二、整改情况\n内容。\n")
    first, second = section_paths(outline, [8, 8])
    assert first == second == [1] and first is not second


class _Node:
    def __init__(self, start, end, ordinal, children=()):
        self.start, self.end, self.ordinal, self.children = start, end, ordinal, list(children)


@st.composite
def _trees(draw, start=0, end=200, depth=3):
    """Nested nodes inside [start, end): siblings in order, children inside their parent."""
    cuts = sorted(draw(st.lists(st.integers(start, end), max_size=6)))
    nodes = []
    for k in range(0, len(cuts) - 1, 2):
        a, b = cuts[k], cuts[k + 1]
        if b <= a:
            continue
        children = draw(_trees(a, b, depth - 1)) if depth else []
        nodes.append(_Node(a, b, k // 2 + 1, children))
    return nodes


@settings(max_examples=200, deadline=None)
@given(_trees(), st.lists(st.integers(-5, 210), max_size=40), st.booleans())
def test_property_sweep_equals_one_offset_at_a_time(roots, offsets, ordered):
    if ordered:
        offsets.sort()
    assert section_paths(roots, offsets) == [section_path(roots, off) for off in offsets]
