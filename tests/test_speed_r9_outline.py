"""Round 9: the outline, metadata and flags area's rewrites against the code they replaced (each
old function copied here as the oracle), on the real texts and on hypothesis input.

- classify_doctype: each contender's opening and outline cues read from per-type rows (no test of
  every cue's type), the gates without words that hold another of their words, the best type by a
  loop instead of ``max`` with a key.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.facts import doctype as D

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
