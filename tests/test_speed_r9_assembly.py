"""Round 9 of the assembly's speed work, each shortcut against the code it replaced.

- ``mention_rows``: the mention loop of ``_build`` as a function, its spans mapped through the index map
  without a call per mention and the deadline checked once per ``limits.BATCH_CALLS`` mentions.
- The stages' modules held by the assembly (``zhenggai.facts`` at import, ``zhenggai.outline`` and
  ``zhenggai.read`` on the first notice) instead of five import statements per notice; their functions
  are still read from the modules at each call.
- ``_SectionFields.of`` maps a section's offsets through the index map without a call per offset, and
  hands the node's items to validation uncopied (validation makes the record's own list).
- ``section_paths`` collects the outline's nodes by a module-level recursive function (``_preorder``), not a
  recursive closure, which was a reference cycle left to the garbage collector after every notice.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import math
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhenggai.assemble as assemble
from zhenggai import extract_text, limits
from zhenggai.assemble import _mention_value_fields, mention_rows, section_paths
from zhenggai.facts.categories import CONTEXT_CHARS, FrameMemo, categorize
from zhenggai.mentions import find_mentions
from zhenggai.mentions.base import Found
from zhenggai.normalize import Normalized, normalize
from zhenggai.outline import parse_outline

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "corpus/gold").glob("*.txt")) + sorted((ROOT / "tests/fixtures/notices").glob("*.txt"))


# --- mention_rows ---------------------------------------------------------------------------------

def rows_by_the_loop(found, paths, norm, text):
    """The round-8 loop of ``_build`` (the oracle): a deadline check and a span_to_original call per mention."""
    mention_fields = []
    value_fields = _mention_value_fields()
    to_original = norm.span_to_original if norm.index_map is not None else None
    modelled = True
    for f, path in zip(found, paths):
        limits.check()
        kind = f.kind
        keys = value_fields.get(kind)
        if keys is None:
            modelled = False
            continue
        if to_original is None:
            start, end = f.start, f.end
        else:
            start, end = to_original(f.start, f.end)
        values = f.values
        fields = dict(values) if keys.issuperset(values) else {k: v for k, v in values.items() if k in keys}
        fields["kind"] = kind
        fields["text"] = text[start:end]
        fields["start"] = start
        fields["end"] = end
        fields["section"] = path
        mention_fields.append(fields)
    return mention_fields, modelled


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_rows_on_notices(path):
    text = path.read_text(encoding="utf-8")
    norm = normalize(text)
    found = find_mentions(norm.text)
    paths = section_paths(parse_outline(norm.text), [f.start for f in found], shared=True)
    assert mention_rows(found, paths, norm.index_map, text) == rows_by_the_loop(found, paths, norm, text)


def test_some_notices_map_their_spans():
    """The index-map branch is exercised by the bench notices (normalisation drops characters in some)."""
    assert sum(normalize(p.read_text(encoding="utf-8")).index_map is not None for p in TEXTS) >= 10


_KINDS = st.sampled_from(["count", "money", "date", "percent", "no_such_kind"])
_VALUES = st.dictionaries(st.sampled_from(["value", "unit", "value_max", "noun", "stray", "start"]),
                          st.one_of(st.integers(0, 99), st.just(Decimal("1.5")), st.none()), max_size=4)


@st.composite
def _notices(draw):
    """A text, its normalised form with some positions dropped, and Found spans on the normalised text."""
    n = draw(st.integers(1, 60))
    text = "".join(draw(st.lists(st.sampled_from("整改12 \u200b。"), min_size=n, max_size=n)))
    dropped = set(draw(st.lists(st.integers(0, n - 1), max_size=n // 3)))
    kept = [i for i in range(n) if i not in dropped]
    if not kept:
        kept = [0]
    index_map = tuple(kept) + (n,) if len(kept) < n else None
    norm = Normalized("".join(text[i] for i in kept), text, index_map)
    size = len(norm.text)
    found = []
    for _ in range(draw(st.integers(0, 80))):
        start = draw(st.integers(0, size - 1))
        end = draw(st.integers(start, size))
        found.append(Found(draw(_KINDS), start, end, norm.text[start:end], draw(_VALUES)))
    paths = [draw(st.lists(st.integers(0, 5), max_size=3)) for _ in found]
    return found, paths, norm, text


@settings(max_examples=300, deadline=None)
@given(_notices())
def test_property_rows_against_the_loop(case):
    found, paths, norm, text = case
    assert mention_rows(found, paths, norm.index_map, text) == rows_by_the_loop(found, paths, norm, text)


def test_rows_check_the_deadline_once_per_batch(monkeypatch):
    calls = []
    monkeypatch.setattr(assemble, "check", lambda: calls.append(1))
    found = [Found("count", 0, 2, "12", {"value": 12}) for _ in range(100)]
    rows, modelled = mention_rows(found, [[]] * 100, None, "12")
    assert len(rows) == 100 and modelled
    assert len(calls) == math.ceil(100 / limits.BATCH_CALLS)


def test_rows_stop_at_a_passed_deadline():
    found = [Found("count", 0, 2, "12", {"value": 12})]
    with limits.deadline(0.001):
        time.sleep(0.01)
        with pytest.raises(TimeoutError):
            mention_rows(found, [[]], None, "12")


# --- the stages' modules held, their functions read at each call ----------------------------------

def test_assemble_alone_imports_neither_outline_nor_readers():
    code = "import sys, zhenggai.assemble; print(sorted(m for m in ('zhenggai.outline', 'zhenggai.read') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("module, name", [
    ("zhenggai.outline", "parse_outline"),
    ("zhenggai.read.script", "plainly_simplified"),
    ("zhenggai.facts", "find_source_meta"),
    ("zhenggai.facts", "extract_facts"),
    ("zhenggai.facts", "check_flags"),
    ("zhenggai.facts.doctype", "classify_doctype"),
    ("zhenggai.facts.doctype", "opening_of"),
    ("zhenggai.facts.doctype", "outline_summary"),
])
def test_a_wrapper_set_on_a_stage_module_is_called(monkeypatch, module, name):
    """As the import statements in ``_build`` did, the stage's function is read from its module per call."""
    mod = importlib.import_module(module)
    real = getattr(mod, name)
    calls = []

    def wrapped(*args, **kwargs):
        calls.append(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(mod, name, wrapped)
    assert extract_text("2023年6月,市委巡察组反馈问题12个,整改完成10个。").text
    assert calls


def test_reference_date_reads_the_url_only_when_needed(monkeypatch):
    import zhenggai.read.meta as meta

    monkeypatch.setattr(meta, "date_from_url", lambda url, month=False: dt.date(2020, 1, 2))
    assert assemble.reference_date(None, None, "x") == dt.date(2020, 1, 2)
    assert assemble.reference_date(dt.date(2021, 3, 4), None, "x") == dt.date(2021, 3, 4)


# --- _SectionFields.of ----------------------------------------------------------------------------

class Round8SectionFields:
    """The round-8 section fields (the oracle): span_to_original per offset, the items copied."""

    __slots__ = ("norm_text", "text", "work", "audit", "to_original", "frame_of")

    def __init__(self, norm: Normalized, text: str, work: str, audit: bool) -> None:
        self.norm_text = norm.text
        self.text = text
        self.work = work
        self.audit = audit
        # Offsets map back only when normalisation dropped characters (else they are the original ones).
        self.to_original = norm.span_to_original if norm.index_map is not None else None
        # Each heading's framework part, searched once for all the issues under it.
        self.frame_of = FrameMemo().__getitem__

    def of(self, node: Any, frames: tuple[str, ...], children: bool) -> dict[str, Any]:
        """The fields of ``node``'s Section; with ``children``, its children's as dicts, recursively."""
        to_original = self.to_original
        role = node.role
        heading = node.heading
        issue = node.issue
        marker = node.marker
        if to_original is None:  # (offsets are the original ones)
            start = node.start
            end = node.end
            if node.heading_end is not None and node.heading_end > node.heading_start:
                heading = self.work[node.heading_start : node.heading_end]
            if role == "issue" and getattr(node, "issue_start", None) is not None and node.issue_end > node.issue_start:
                issue = self.work[node.issue_start : node.issue_end]
            ms = start
        else:
            start, end = to_original(node.start, node.end)
            if node.heading_end is not None and node.heading_end > node.heading_start:
                hs, he = to_original(node.heading_start, node.heading_end)
                heading = self.work[hs:he]
            if role == "issue" and getattr(node, "issue_start", None) is not None and node.issue_end > node.issue_start:
                i_s, i_e = to_original(node.issue_start, node.issue_end)
                issue = self.work[i_s:i_e]
            ms = to_original(node.start, node.start + 1)[0] if marker else 0
        if marker and ms + len(marker) <= len(self.text):
            marker = self.text[ms : ms + len(marker)]
        data = {
            "level": node.level,
            "marker": marker,
            "ordinal": node.ordinal,
            "heading": heading,
            "start": start,
            "end": end if end > start else start + 1,
            "role": role,
            "issue": issue,
            "items": list(node.items),
        }
        if role == "issue":
            body_start = node.body_start
            reach = body_start + CONTEXT_CHARS
            context = self.norm_text[body_start : node.end if node.end < reach else reach]  # (= min(): no builtin call)
            data["categories"] = [
                {"level": c.level, "code": c.code, "label": c.label, "evidence": c.evidence}  # (= c._asdict())
                for c in categorize(issue or heading, heading=heading, context=context, frames=frames,
                                    audit=self.audit, frame_of=self.frame_of)
            ]
        if children:
            if node.children:
                inner = (*frames, heading)
                data["children"] = [self.of(child, inner, True) for child in node.children]
            else:
                data["children"] = []
        return data



@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_section_fields_on_notices(path):
    text = path.read_text(encoding="utf-8")
    norm = normalize(text)
    outline = parse_outline(norm.text)
    for audit in (False, True):
        new = assemble._SectionFields(norm, text, text, audit)
        old = Round8SectionFields(norm, text, text, audit)
        assert [new.of(node, (), True) for node in outline] == [old.of(node, (), True) for node in outline]


def test_section_items_are_the_records_own(monkeypatch):
    import zhenggai.outline as outline_module

    real, seen = outline_module.parse_outline, []

    def parse(text):
        seen.append(real(text))
        return seen[-1]

    monkeypatch.setattr(outline_module, "parse_outline", parse)
    for path in TEXTS:
        notice = extract_text(path.read_text(encoding="utf-8"))
        pairs = list(zip(_walk(seen[-1]), _walk(notice.sections)))
        if any(node.items for node, _ in pairs):
            break
    assert all(section.items == node.items and section.items is not node.items for node, section in pairs)
    assert any(section.items for _, section in pairs)


def _walk(level):
    for node in level:
        yield node
        yield from _walk(node.children)


# --- no reference cycles left to the garbage collector --------------------------------------------

def test_extraction_leaves_no_cyclic_garbage():
    """Every object a notice's extraction drops is freed by its reference count, none left for the collector.

    A cycle per notice (section_paths' recursive closure was one: the function, its cells and the list
    of nodes it filled) makes the collector run more often, and each run promotes the objects alive at
    that moment towards the oldest generation, whose full passes over every object of the process cost
    tens of milliseconds.
    """
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    for text in texts[:3]:
        extract_text(text)  # (lazy imports and caches first)
    gc.collect()
    flags = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in texts:
            extract_text(text)
        gc.collect()
        left = [type(obj).__name__ for obj in gc.garbage]
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
    assert left == []


def test_preorder_as_the_recursive_visit():
    for path in TEXTS[:20]:
        outline = parse_outline(normalize(path.read_text(encoding="utf-8")).text)
        nodes, expected = [], []

        def visit(level, parent):
            for node in level:
                p = [*parent, node.ordinal]
                expected.append((node.start, node.end, p))
                if node.children:
                    visit(node.children, p)

        visit(outline, [])
        assemble._preorder(outline, [], nodes)
        assert nodes == expected
