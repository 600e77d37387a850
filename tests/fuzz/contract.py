"""The output contract as one check, shared by the hypothesis tests and the atheris harness.

``run_one(text)`` extracts ``text`` and raises AssertionError (or the unexpected
exception) when the record breaks the contract of DESIGN.md.  Only
:class:`zhenggai.errors.ZhenggaiError` subclasses may escape extraction; they
are returned, not raised.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zhenggai.errors import ZhenggaiError
from zhenggai.schemas import Notice

MAX_SECTION_DEPTH = 7  # seven marker ranks (第X部分 … ①): the tree is never deeper


def _check_sections(sections, text: str, lo: int, hi: int, depth: int, reading: str) -> None:
    assert depth <= MAX_SECTION_DEPTH, f"section tree deeper than {MAX_SECTION_DEPTH}"
    prev_end = lo
    for s in sections:
        name = f"section {s.marker}{s.heading!r}"
        assert lo <= s.start < s.end <= hi, f"{name} {s.start}:{s.end} outside {lo}:{hi}"
        assert s.start >= prev_end, f"{name} at {s.start} overlaps its previous sibling"
        assert 1 <= s.level <= 6 and s.ordinal >= 0
        # Headings are as written; a traditional notice's in its simplified reading (same length).
        assert s.heading in reading, f"heading {s.heading!r} is not in the text"
        prev_end = s.end
        _check_sections(s.children, text, s.start, s.end, depth + 1, reading)


def check_notice(text: str, notice: Notice) -> None:
    """Every invariant of the output contract, for a record extracted from ``text``."""
    n = len(notice.text)
    assert len(text) == n, "the record's text must keep the input's length (offsets index it)"
    for m in notice.mentions:
        assert 0 <= m.start < m.end <= n, f"{m.kind} {m.start}:{m.end} outside the text ({n})"
        assert notice.text[m.start : m.end] == m.text, f"{m.kind} {m.text!r} != text[{m.start}:{m.end}]"
        assert all(isinstance(p, int) and p >= 0 for p in m.section) and len(m.section) <= MAX_SECTION_DEPTH
        if m.kind == "date":
            assert isinstance(m.date_start, dt.date) and isinstance(m.date_end, dt.date)
            assert m.date_start <= m.date_end, f"date {m.text!r}: {m.date_start} > {m.date_end}"
            assert dt.date.fromisoformat(m.date_start.isoformat()) == m.date_start
        if m.kind in ("money", "count", "percent", "points", "multiple"):
            assert isinstance(m.value, Decimal) and m.value.is_finite(), f"{m.kind} {m.value}"
            if m.kind in ("count", "multiple"):
                assert m.value >= 0, f"{m.kind} {m.value}"  # money, percent, points keep a written sign
        if m.kind in ("money", "percent") and m.value_max is not None:
            assert m.value_max >= m.value
    reading = notice.text
    if notice.source.script == "traditional":
        from zhenggai.read.script import to_simplified

        reading = to_simplified(notice.text)
        assert len(reading) == n, "the simplified reading must keep the text's length"
    _check_sections(notice.sections, notice.text, 0, n, 1, reading)
    for t in notice.totals.money:
        assert notice.text[t.start : t.end] == t.text
    insp = notice.inspection
    if insp.start and insp.end:
        assert insp.start <= insp.end
    for flag in notice.flags:
        assert flag.code and flag.message, f"flag without code or message: {flag!r}"
    again = Notice.model_validate_json(notice.model_dump_json())
    assert again == notice, "the record does not survive a JSON round trip"


def run_one(text: str, **kwargs) -> Notice | ZhenggaiError:
    """Extract ``text`` and check the record; a ZhenggaiError is returned (allowed), others propagate."""
    import zhenggai

    try:
        notice = zhenggai.extract_text(text, **kwargs)
    except ZhenggaiError as exc:
        assert "\n" not in str(exc), f"error message is not one line: {exc!r}"
        return exc
    check_notice(text, notice)
    return notice
