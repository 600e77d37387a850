"""Round 8 of the assembly's speed work, each shortcut against the code it replaced.

- ``section_paths`` stops its sweep only where the state can change and hands the offsets up to
  the next such point one path (a bisection); with ``shared`` those offsets share the list.
- ``inexact_mentions`` tests its keys with ``in`` instead of two ``get`` calls.
- ``plainly_simplified(text, surrogates=True)`` answers for the UTF-8 test of ``build_notice`` too:
  a text it passes has nothing for ``replace_surrogates`` to replace.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import extract_text
from zhenggai.assemble import SourceInfo, _build, inexact_mentions, json_exact, replace_surrogates, section_paths
from zhenggai.assemble import MAX_FIGURE_DIGITS
from zhenggai.mentions.base import Found
from zhenggai.normalize import normalize
from zhenggai.outline import parse_outline
from zhenggai.read.script import plainly_simplified

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus/gold").glob("*.txt")) + sorted((ROOT / "tests/fixtures/notices").glob("*.txt"))


# --- section_paths --------------------------------------------------------------------------------

def sweep_paths(roots, offsets):
    """The round-7 sweep: one step per offset (the oracle)."""
    nodes = []

    def visit(level, parent):
        for node in level:
            path = [*parent, node.ordinal]
            nodes.append((node.start, node.end, path))
            if node.children:
                visit(node.children, path)

    visit(roots, [])
    keys = offsets if offsets == sorted(offsets) else sorted(set(offsets))
    paths, stack = [], []
    j, count = 0, len(nodes)
    for off in keys:
        while j < count and nodes[j][0] <= off:
            start = nodes[j][0]
            while stack and stack[-1][1] <= start:
                stack.pop()
            stack.append(nodes[j])
            j += 1
        while stack and stack[-1][1] <= off:
            stack.pop()
        paths.append(stack[-1][2][:] if stack else [])
    if keys is offsets:
        return paths
    result = dict(zip(keys, paths))
    return [result[off] for off in offsets]


class _Node:
    def __init__(self, start, end, ordinal, children=()):
        self.start, self.end, self.ordinal, self.children = start, end, ordinal, list(children)


@st.composite
def _loose_trees(draw, depth=3):
    """Nodes with any spans (children outside their parent, overlapping or falling siblings):
    the sweep's behaviour on every input, not only on outlines."""
    nodes = []
    for k in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, 120))
        end = draw(st.integers(start - 10, 150))
        children = draw(_loose_trees(depth - 1)) if depth else []
        nodes.append(_Node(start, end, draw(st.integers(0, 9)), children))
    return nodes


def _checked(roots, offsets):
    expected = sweep_paths(roots, offsets)
    own = section_paths(roots, offsets)
    shared = section_paths(roots, offsets, shared=True)
    assert own == expected and shared == expected
    if offsets == sorted(offsets):  # each offset its own list, as before
        assert len({id(p) for p in own}) == len(own)


@pytest.mark.parametrize("path", TEXTS[:20], ids=[p.stem for p in TEXTS[:20]])
def test_paths_on_notices(path):
    text = normalize(path.read_text(encoding="utf-8")).text
    outline = parse_outline(text)
    offsets = list(range(-3, len(text) + 3, 3))
    _checked(outline, offsets)
    _checked(outline, offsets[::-1] + offsets[:7])


@settings(max_examples=400, deadline=None)
@given(_loose_trees(), st.lists(st.integers(-5, 160), max_size=50), st.booleans())
def test_property_paths_against_the_sweep(roots, offsets, ordered):
    if ordered:
        offsets.sort()
    _checked(roots, offsets)


def test_shared_paths_are_one_list_per_section():
    outline = parse_outline("一、总体情况\n内容。\n二、整改情况\n内容。\n")
    first, second, third = section_paths(outline, [7, 8, 9], shared=True)
    assert first == [1] and first is second is third
    a, b = section_paths(outline, [8, 9])
    assert a == b == [1] and a is not b


# --- inexact_mentions -----------------------------------------------------------------------------

def inexact_before(found):
    """Round 7's loop, two ``get`` calls per mention (the oracle)."""
    out = []
    for f in found:
        values = f.values
        value = values.get("value")
        if (value is not None
                and not (value.__class__ is Decimal and len(shown := str(value)) <= MAX_FIGURE_DIGITS
                         and shown.isdigit())
                and not json_exact(value)) or (
                (value := values.get("value_max")) is not None and not json_exact(value)):
            out.append(f)
    return out


_VALUES = st.one_of(
    st.none(), st.integers(-10**20, 10**20), st.booleans(), st.just(dt.date(2023, 1, 1)),
    st.decimals(allow_nan=True, allow_infinity=True), st.decimals(places=2),
    st.integers(0, 10**18).map(Decimal), st.sampled_from([Decimal("1E+32"), Decimal("-0"), Decimal("0E-7")]),
)
_DICTS = st.dictionaries(st.sampled_from(["value", "value_max", "unit", "date_start"]), _VALUES, max_size=4)


@settings(max_examples=500, deadline=None)
@given(st.lists(_DICTS, max_size=12))
def test_property_inexact_against_the_get_loop(dicts):
    found = [Found("money", i, i + 1, "x", values) for i, values in enumerate(dicts)]
    assert inexact_mentions(found) == inexact_before(found)


# --- the script scan answering for the UTF-8 test ----------------------------------------------------

def test_every_bmp_character_alone_with_surrogates():
    """With ``surrogates``: the plain answer, and False for every lone surrogate."""
    for cp in range(0x10000):
        ch = chr(cp)
        lone = 0xD800 <= cp < 0xE000
        assert plainly_simplified(ch, surrogates=True) == (not lone and plainly_simplified(ch)), hex(cp)


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.sampled_from("整改完成國１，\u00a0\ud800\udc00\udfff"), st.characters()), max_size=40))
def test_property_plain_means_nothing_to_replace(text):
    if plainly_simplified(text, surrogates=True):
        assert plainly_simplified(text)
        assert replace_surrogates(text) == (text, 0)


def _old_build_notice(text: str) -> object:
    """build_notice before round 8 (the UTF-8 test first, then the script scan inside _build)."""
    info = SourceInfo()
    text, replaced = replace_surrogates(text)
    if replaced:
        info = SourceInfo(extra_flags=[(
            "invalid_characters", f"{replaced} lone surrogate code point(s) replaced by U+FFFD (not valid Unicode)")])
    return _build(text, info)


@pytest.mark.parametrize("text", [
    "2023年6月追回资金12.5万元。",
    "整改\ud800完成12项。",
    "國際\udfff合作3项，追回１２万元。",
    "一、总体情况\n共\udc00发现问题5个。\n二、整改情况\n已完成4个。",
    "共１２项\ud800",
], ids=["plain", "surrogate", "traditional_and_surrogate", "outline_and_surrogate", "rare_and_surrogate"])
def test_records_as_before(text):
    assert extract_text(text).model_dump() == _old_build_notice(text).model_dump()


@pytest.mark.parametrize("path", TEXTS[:12], ids=[p.stem for p in TEXTS[:12]])
def test_notices_with_a_surrogate_as_before(path):
    text = path.read_text(encoding="utf-8")
    broken = text[:40] + "\ud800" + text[40:]
    assert extract_text(broken).model_dump() == _old_build_notice(broken).model_dump()
