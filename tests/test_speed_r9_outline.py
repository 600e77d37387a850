"""Round 9: the outline, metadata and flags area's rewrites against the code they replaced (each
old function copied here as the oracle), on the real texts and on hypothesis input.

- classify_doctype: each contender's opening and outline cues read from per-type rows (no test of
  every cue's type), the gates without words that hold another of their words, the best type by a
  loop instead of ``max`` with a key.
- check_flags: the ordinal flags and the last numbered heading's start (for truncation_reason) from
  one visit of the outline, attributes read directly (the getattr walk for other nodes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import extract_text, limits
from zhenggai.facts import doctype as D
from zhenggai.facts import flags as FL
from zhenggai.facts import truncation as TR
from zhenggai.outline import parse_outline

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "corpus/doctype", "tests/fixtures/notices")
         for p in sorted((ROOT / folder).glob("*.txt"))]


# -- classify_doctype ----------------------------------------------------------------------------------


def _classify_r8(title, opening, outline=""):
    """Round 8's classify_doctype (every cue tested for its type, max with a key)."""
    fields = {"title": title or "", "opening": opening, "outline": outline}
    if not D._any_domain_word(fields.values()):
        return D.DocType("other", ["no word of inspection or audit work (巡视, 巡察, 审计)"])
    cues = D._cues()
    matched = {}
    by_title = dict.fromkeys(D.DOC_TYPES, 0)
    for i in D._title_cues():
        cue = cues[i]
        if D._may_match(cue.words, fields["title"]) and (m := cue.search(fields["title"])):
            by_title[cue.doc_type] += cue.weight
            matched[i] = m[0]
    top = max(by_title.values())
    contenders = [t for t in D.DOC_TYPES if by_title[t] == top] if top >= D.TITLE_DECIDES else D.DOC_TYPES
    if "rectification" in contenders:
        contenders = [*contenders, "audit_rectification"]
    total = dict.fromkeys(D.DOC_TYPES, 0)
    for i, cue in enumerate(cues):
        if cue.doc_type in contenders:
            if cue.field != "title":
                value = fields[cue.field]
                if D._may_match(cue.words, value) and (m := cue.search(value)):
                    matched[i] = m[0]
            if i in matched:
                total[cue.doc_type] += cue.weight
    if top >= D.TITLE_DECIDES:
        best = max(D.DOC_TYPES, key=lambda t: (by_title[t], total[t], -D.DOC_TYPES.index(t)))
    else:
        best = max(D.DOC_TYPES, key=lambda t: (total[t], -D.DOC_TYPES.index(t)))
    if total[best] == 0:
        word = D._domain().search(" ".join(fields.values()))
        return D.DocType("news", [f"mentions {word[0] if word else '巡视/巡察/审计'}, no genre cue"])
    if best == "rectification" and total["audit_rectification"] >= D.AUDIT_DECIDES:
        return D.DocType("audit_rectification",
                         D._evidence(matched, "audit_rectification") + D._evidence(matched, best))
    return D.DocType(best, D._evidence(matched, best))


def _field_sets(text: str):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    outline = "\n".join(lines[:60])
    opening = D.opening_of(text)
    first = lines[0] if lines else ""
    # the title as the facts give it, none, and a line from the middle (other types decide)
    middle = lines[len(lines) // 2] if lines else ""
    return [(first, opening, outline), (None, opening, outline), (middle, opening, ""), (first, "", "")]


def test_classify_doctype_as_round_8_on_real_texts():
    assert len(TEXTS) > 150
    kinds = set()
    with limits.deadline(120):
        for text in TEXTS:
            for fields in _field_sets(text):
                kind = D.classify_doctype(*fields)
                assert kind == _classify_r8(*fields), fields[0]
                kinds.add(kind.doc_type)
    assert kinds == set(D.DOC_TYPES)  # every type decided somewhere


_CUE_ALPHABET = ("关于整改情况的通报公示告报现将审计查出问题反馈巡视察进驻举报电话受理听取汇报召开记者"
                 "我本市县开展：:完成率照单全收已1个意见指出组期间为天建议结果表明成效\n")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CUE_ALPHABET, max_size=40), st.text(alphabet=_CUE_ALPHABET, max_size=120),
       st.text(alphabet=_CUE_ALPHABET, max_size=60), st.booleans())
def test_property_classify_doctype_as_round_8(title, opening, outline, no_title):
    fields = (None if no_title else title, opening, outline)
    with limits.deadline(60):
        assert D.classify_doctype(*fields) == _classify_r8(*fields)


@pytest.mark.parametrize("words, pruned", [
    (("整改", "整改完成率", "照单全收"), ("整改", "照单全收")),
    (("反馈", "“回头看”反馈情况"), ("反馈",)),
    (("记者", "综述", "实效", "成效"), ("记者", "综述", "实效", "成效")),
    ((), ()),
], ids=["contains", "quoted", "disjoint", "empty"])
def test_pruned_gate_words(words, pruned):
    assert D._pruned(words) == pruned


def test_pruned_gates_say_what_the_full_gates_say():
    for i, cue in enumerate(D._cues()):
        pruned = D._pruned(cue.words)
        for text in TEXTS[:40]:
            for value in _field_sets(text)[0]:
                assert D._may_match(pruned, value) == D._may_match(cue.words, value), (i, cue.words)


def test_classify_doctype_stops_at_a_passed_deadline():
    with limits.deadline(1e-9):
        with pytest.raises(TimeoutError):
            D.classify_doctype("关于巡察整改情况的通报", "现将巡察整改情况予以公布" * 20)


# -- check_flags: the outline visited once -------------------------------------------------------------


def _ordinal_flags_r8(siblings, out, carry=None):
    """Round 8's _ordinal_flags: a getattr per field, a recursive call per parent."""
    last, child_carry = {}, {}
    for node in siblings:
        marker = getattr(node, "marker", "") or ""
        ordinal = getattr(node, "ordinal", 0) or 0
        if marker and ordinal > 0:
            style = FL.marker_style(marker)
            prev = last.get(style)
            if prev is None:
                continued = carry is not None and carry.get(style) == ordinal - 1
                if ordinal > 1 and not continued:
                    out.append(("heading_ordinal_skipped",
                                f"heading {marker!r} is the first of its style at its level but has ordinal {ordinal}"))
            elif ordinal == prev:
                out.append(("heading_ordinal_duplicate", f"heading {marker!r} repeats ordinal {ordinal} among its siblings"))
            elif ordinal < prev and ordinal != 1:
                out.append(("heading_ordinal_duplicate",
                            f"heading {marker!r} (ordinal {ordinal}) comes after ordinal {prev} among its siblings"))
            elif ordinal > prev + 1:
                out.append(("heading_ordinal_skipped",
                            f"heading {marker!r} (ordinal {ordinal}) follows ordinal {prev}: {ordinal - prev - 1} missing"))
            last[style] = ordinal
        children = getattr(node, "children", None)
        if children:
            child_carry.update(_ordinal_flags_r8(children, out, child_carry))
    return last


def _ordinal_and_heading_r8(outline):
    """Round 8: _ordinal_flags' getattr recursion, then truncation_reason's own walk for the last heading."""
    out = []
    _ordinal_flags_r8(outline, out)
    last = None
    for node in TR.walk(outline):
        if getattr(node, "marker", "") and (last is None or node.start > last):
            last = node.start
    return out, last


def _outline_flags_now(outline):
    out = []
    return out, FL._outline_flags(outline, out)


def test_outline_flags_as_round_8_on_real_outlines():
    flagged = 0
    with limits.deadline(120):
        for text in TEXTS:
            outline = parse_outline(text)
            now = _outline_flags_now(outline)
            assert now == _ordinal_and_heading_r8(outline)
            assert now[1] == TR.last_heading_start(outline)
            flagged += bool(now[0])
    assert flagged >= 1  # a real outline skips or repeats a number


def _tree(draw, depth):
    from types import SimpleNamespace as N
    nodes = []
    for _ in range(draw(st.integers(0, 4 if depth else 0))):
        marker = draw(st.sampled_from(["一、", "二、", "(一)", "1.", "①", "", None, "(3)", "十二、"]))
        nodes.append(N(marker=marker, ordinal=draw(st.sampled_from([0, 1, 2, 3, 5, None])),
                       start=draw(st.integers(0, 500)), children=_tree(draw, depth - 1)))
    return nodes


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_property_outline_flags_as_round_8(data):
    outline = _tree(data.draw, 3)
    assert _outline_flags_now(outline) == _ordinal_and_heading_r8(outline)
    # the getattr path (any objects) gives round 8's flags and carried ordinals too
    out, old = [], []
    assert FL._ordinal_flags(outline, out) == _ordinal_flags_r8(outline, old) and out == old


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_property_getattr_path_on_nodes_missing_fields(data):
    from types import SimpleNamespace as N
    def tree(depth):
        nodes = []
        for _ in range(data.draw(st.integers(0, 3 if depth else 0))):
            fields = {"marker": data.draw(st.sampled_from(["一、", "三、", "(二)", "2.", "", None])),
                      "ordinal": data.draw(st.sampled_from([1, 2, 3, 0, None])), "children": tree(depth - 1)}
            for name in data.draw(st.lists(st.sampled_from(["marker", "ordinal", "children"]), max_size=2)):
                fields.pop(name, None)
            nodes.append(N(**fields))
        return nodes
    outline = tree(3)
    out, old = [], []
    heading = FL._outline_flags(outline, out)
    _ordinal_flags_r8(outline, old)
    assert out == old
    # no node has a start: a marker sends the walk to the getattr path, whose heading is looked up later
    assert heading is TR.HEADING_UNKNOWN or (heading is None and not any(
        getattr(node, "marker", "") for node in TR.walk(outline)))


def test_nodes_without_the_attributes_take_the_getattr_walk():
    from types import SimpleNamespace as N
    outline = [N(marker="一、", ordinal=1), N(marker="三、", ordinal=3, children=[])]  # no start, no children
    out = []
    assert FL._outline_flags(outline, out) is TR.HEADING_UNKNOWN
    old = []
    _ordinal_flags_r8(outline, old)
    assert out == old
    assert [code for code, _ in out] == ["heading_ordinal_skipped"]
    # truncation looks the heading up itself, as before (none needed here: no last line)
    assert TR.reason_given_heading("", outline, None, TR.HEADING_UNKNOWN) is None


@pytest.mark.parametrize("text", [
    "关于整改情况的通报\n一、压实责任\n召开专题会议，研究部署整改工作，明确责任分工和",
    "关于整改情况的通报\n一、压实责任\n召开专题会议。\n二、健全制度",
    "关于整改情况的通报\n一、压实责任\n召开专题会议。\n2023年6月28日",
], ids=["mid-sentence", "ends-on-heading", "signed"])
def test_truncation_given_the_heading_as_looked_up(text):
    outline = parse_outline(text)
    assert TR.reason_given_heading(text, outline, None, TR.last_heading_start(outline)) == TR.truncation_reason(text, outline)


def test_check_flags_in_records_as_before():
    # the record's flags come from check_flags: one notice that skips a number, cut off mid-sentence
    text = "关于巡察整改情况的通报\n一、压实责任\n召开专题会议。\n三、健全制度\n修订学习规则，明确"
    codes = [flag.code for flag in extract_text(text).flags]
    assert "heading_ordinal_skipped" in codes and "truncated" in codes
