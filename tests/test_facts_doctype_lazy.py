"""classify_doctype tries the opening and outline cues only of the types that can still win:
it must give what trying every cue gives (the reference below), type and evidence alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.facts.doctype import (
    AUDIT_DECIDES,
    DOC_TYPES,
    FIELDS,
    TITLE_DECIDES,
    DocType,
    _cues,
    _domain,
    classify_doctype,
    opening_of,
)

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "corpus/doctype", "tests/fixtures/notices")
         for p in sorted((ROOT / folder).glob("*.txt"))]


def _reference(title: str | None, opening: str, outline: str = "") -> DocType:
    """Every cue tried on its field, scores summed per type: the rule as the docstring states it."""
    fields = {"title": title or "", "opening": opening, "outline": outline}
    scores = {field: dict.fromkeys(DOC_TYPES, 0) for field in FIELDS}
    evidence: dict[str, list[str]] = {t: [] for t in DOC_TYPES}
    for cue in _cues():
        m = cue.pattern.search(fields[cue.field])
        if m:
            scores[cue.field][cue.doc_type] += cue.weight
            evidence[cue.doc_type].append(f"{cue.field}: {m[0]}")
    if not any(_domain().search(value) for value in fields.values()):
        return DocType("other", ["no word of inspection or audit work (巡视, 巡察, 审计)"])
    total = {t: sum(scores[field][t] for field in FIELDS) for t in DOC_TYPES}
    by_title = scores["title"]
    if max(by_title.values()) >= TITLE_DECIDES:
        best = max(DOC_TYPES, key=lambda t: (by_title[t], total[t], -DOC_TYPES.index(t)))
    else:
        best = max(DOC_TYPES, key=lambda t: (total[t], -DOC_TYPES.index(t)))
    if total[best] == 0:
        word = _domain().search(" ".join(fields.values()))
        return DocType("news", [f"mentions {word[0] if word else '巡视/巡察/审计'}, no genre cue"])
    if best == "rectification" and total["audit_rectification"] >= AUDIT_DECIDES:
        return DocType("audit_rectification", evidence["audit_rectification"] + evidence["rectification"])
    return DocType(best, evidence[best])


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


@pytest.mark.parametrize("index", range(0, len(TEXTS)), ids=lambda i: f"text{i}")
def test_same_type_and_evidence_as_every_cue_tried(index):
    text = TEXTS[index]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    outline = "\n".join(line for line in lines if line[:1] in "一二三四五六七八九十（(")
    for title in (_first_line(text), None, lines[-1] if lines else ""):
        assert classify_doctype(title, opening_of(text), outline) == _reference(title, opening_of(text), outline)


TIES = [
    ("two_title_types_tied", "关于县委巡察整改情况的通报听取审计工作报告", "现将整改情况予以公布。记者从会上获悉", ""),
    ("rectification_with_audit_cues", "关于审计整改情况的通报", "审计查出问题整改情况如下。", "一、审计整改"),
    ("weak_title", "巡察工作动态", "近日，区委第四巡察组向区教育局党委反馈巡察情况。", ""),
    ("no_cue", "巡察", "正文", ""),
    ("no_domain_word", "任前公示", "举报电话：12380。", ""),
]


@pytest.mark.parametrize("title,opening,outline", [t[1:] for t in TIES], ids=[t[0] for t in TIES])
def test_written_cases(title, opening, outline):
    assert classify_doctype(title, opening, outline) == _reference(title, opening, outline)


# Pieces of the cue words (and their neighbours), so random titles and openings hit many
# cues of several types at once, with ties between them.
PIECES = ["关于", "整改", "情况", "的", "通报", "公示", "公告", "报告", "巡视", "巡察", "反馈", "意见", "审计",
          "查出", "问题", "工作", "结果", "进驻", "动员会", "听取", "汇报", "召开", "记者", "现将", "予以", "公布",
          "向", "组", "指出", "会议", "进展", "落实", "一览表", "受理", "举报电话", "期间", "我市", "开展", "：",
          "。", "\n", "12个", "完成", "已", "建议"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10), st.lists(st.sampled_from(PIECES), max_size=30),
       st.lists(st.sampled_from(PIECES), max_size=12))
def test_property_same_as_every_cue_tried(title, opening, outline):
    args = ("".join(title), "".join(opening), "".join(outline))
    assert classify_doctype(*args) == _reference(*args)


# -- the cues searched with Python's re (limits.Twin) --------------------------------------------

TWINNED = [cue for cue in _cues() if isinstance(getattr(cue.search, "__self__", None), limits.Twin)]


def test_most_cues_run_on_re():
    assert len(TWINNED) >= len(_cues()) - 3


def _fields(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [_first_line(text), opening_of(text), "\n".join(lines[:40])]


@pytest.mark.parametrize("index", range(0, len(TEXTS), 5), ids=lambda i: f"text{i}")
def test_twinned_cues_find_what_the_regex_engine_finds(index):
    with limits.deadline(60.0):
        for value in _fields(TEXTS[index]):
            for cue in TWINNED:
                a, b = cue.search(value), cue.pattern.search(value)
                assert (a and (a.span(), a[0])) == (b and (b.span(), b[0])), (cue.pattern.pattern, value[:40])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["\U00020000", "\U0001d7d9", "（", "“", " ", "\r"]), max_size=40))
def test_property_twinned_cues_on_any_text(pieces):
    """Dense in the cue words, with astral characters and line ends: the two engines agree."""
    value = "".join(pieces)
    with limits.deadline(60.0):
        for cue in TWINNED:
            a, b = cue.search(value), cue.pattern.search(value)
            assert (a and (a.span(), a[0])) == (b and (b.span(), b[0])), (cue.pattern.pattern, value)
