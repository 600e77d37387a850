"""Round 8: limits.Twin's batched calls (``std`` with a deadline check per ``BATCH_CALLS`` calls) in the
outline's marker reading and the document type's cue searches (with the cue gate inline), against
the wrapped calls they replace; and the deadline still stops a loop of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.facts import doctype as D
from zhenggai.outline import headings, markers

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "corpus/doctype", "tests/fixtures/notices")
         for p in sorted((ROOT / folder).glob("*.txt"))]


def _row_by_twin(text, pos, endpos, astral):
    """Round 7's marker_row match: the wrapper for every line."""
    m = (markers._MARKER if astral else markers._MARKER_TWIN).match(text, pos, endpos)
    return None if m is None else (m.span(), m.lastgroup)


def _row_match_now(text, pos, endpos, astral):
    """marker_row's match now (re without the wrapper on a short window of a text without astral characters)."""
    if endpos is None:
        endpos = len(text)
    if astral or endpos - pos >= limits.TIMER_MIN_CHARS:
        m = (markers._MARKER if astral else markers._MARKER_TWIN).match(text, pos, endpos)
    else:
        m = markers._MARKER_STD_MATCH(text, pos, endpos)
    return None if m is None else (m.span(), m.lastgroup)


def test_every_line_start_of_real_texts_matches_as_the_wrapper():
    count = 0
    with limits.deadline(60):
        for text in TEXTS:
            astral = limits.astral(text)
            for _, content, end in headings.line_rows(text):
                newline = text.find("\n", end)
                endpos = len(text) if newline < 0 else newline
                for window in (endpos, None):
                    assert _row_match_now(text, content, window, astral) == _row_by_twin(text, content, window, astral)
                    count += 1
    assert count > 2000


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="一二三十（）()、.．,第部分问题12０①② \u3000\n整改", max_size=40))
def test_property_marker_rows_as_the_wrapper(text):
    with limits.deadline(60):
        for pos in range(len(text)):
            assert _row_match_now(text, pos, None, False) == _row_by_twin(text, pos, None, False)


def test_marker_row_reads_markers():
    assert markers.marker_row("正文。\n(二)制度执行不严", 4, None, False) == ("pcn", 2, "(二)", 4, 7)
    assert markers.marker_row("正文。\n(二)制度执行不严", 4, None, True) == ("pcn", 2, "(二)", 4, 7)


def test_candidate_rows_stop_at_a_passed_deadline():
    text = "一、整改\n" * 200
    with limits.deadline(1e-9):
        with pytest.raises(TimeoutError):
            headings.candidate_rows(text, headings.line_rows(text), False)


def test_match_marker_in_checks_the_deadline_itself():
    with limits.deadline(1e-9):
        with pytest.raises(TimeoutError):
            markers.match_marker_in("一、整改", 0, None, False)


# -- the document type's cues ------------------------------------------------------------------------


def _fields(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [lines[0] if lines else "", D.opening_of(text), "\n".join(lines[:60])]


def test_every_plain_cue_searches_as_its_twin_on_real_fields():
    plain = [cue for cue in D._cues() if cue.std is not None]
    assert plain and all(D.plain_fragment(cue.pattern.pattern) for cue in plain)
    assert all(cue.std is None for cue in D._cues() if not D.plain_fragment(cue.pattern.pattern))
    with limits.deadline(60):
        for text in TEXTS:
            for value in _fields(text):
                for cue in plain:
                    a, b = cue.std(value), cue.search(value)
                    assert (a and (a.span(), a[0])) == (b and (b.span(), b[0]))


def _classify_by_wrapper(title, opening, outline=""):
    """Round 7's classify_doctype loop: _may_match, then the cue's wrapped search."""
    fields = {"title": title or "", "opening": opening, "outline": outline}
    if not D._any_domain_word(fields.values()):
        return "other", {}
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
    for i, cue in enumerate(cues):
        if cue.doc_type in contenders and cue.field != "title":
            value = fields[cue.field]
            if D._may_match(cue.words, value) and (m := cue.search(value)):
                matched[i] = m[0]
    return matched


def test_classify_doctype_gives_the_evidence_of_the_wrapped_searches():
    for text in TEXTS:
        title, opening, outline = _fields(text)
        kind = D.classify_doctype(title, opening, outline)
        matched = _classify_by_wrapper(title, opening, outline)
        if isinstance(matched, tuple):
            assert kind.doc_type == "other"
            continue
        cues = D._cues()
        for line in kind.evidence:
            if ": " in line and not line.startswith("mentions"):
                assert line in [f"{cues[i].field}: {t}" for i, t in matched.items()]


def test_classify_doctype_stops_at_a_passed_deadline():
    with limits.deadline(1e-9):
        with pytest.raises(TimeoutError):
            D.classify_doctype("关于县委巡察整改情况的通报", "现将整改情况予以公布。")
