"""Round 7 of the speed work, assembly: each shortcut against the code it replaced."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import zhenggai.assemble as assemble
from zhenggai.api import extract_text
from zhenggai.schemas import Notice
from zhenggai.schemas.assembled import _checks, _checks_pass, lean_validator, validated_notice
from zhenggai.schemas.mentions import MENTION_MODELS

ROOT = Path(__file__).resolve().parents[1]
D = dt.date


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "tests/fixtures/notices")
            for p in sorted((ROOT / folder).glob("*.txt"))]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    """The fields ``_build`` validated for every gold and fixture notice (what Notice(**fields) got)."""
    seen: list[dict] = []
    real = assemble.validated_notice

    def capture(**fields):
        seen.append(fields)
        return real(**fields)

    assemble.validated_notice = capture
    try:
        for text in _texts():
            extract_text(text)
    finally:
        assemble.validated_notice = real
    return seen


def _same_models(a, b) -> None:
    """Two records equal in every part pydantic keeps: class, fields, fields set, extra and private."""
    assert type(a) is type(b)
    assert a.__dict__ == b.__dict__
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_extra__ == b.__pydantic_extra__ and a.__pydantic_private__ == b.__pydantic_private__
    for name, value in a.__dict__.items():
        other = b.__dict__[name]
        if isinstance(value, list):
            assert len(value) == len(other)
            for x, y in zip(value, other):
                if hasattr(x, "model_fields_set"):
                    _same_models(x, y)
        elif hasattr(value, "model_fields_set"):
            _same_models(value, other)


def _outcome(build):
    """A record, or the errors of its ValidationError (everything pydantic reports, and the title)."""
    try:
        return build()
    except ValidationError as exc:
        return ("error", exc.title, str(exc), exc.errors(include_url=False, include_context=False))


# -- the lean schema -----------------------------------------------------------------------------------

def test_every_python_check_is_left_out_of_the_lean_schema():
    assert lean_validator() is not None  # else validated_notice is Notice() itself: no check is lost either
    assert len(_checks()) == 6


def test_the_lean_schema_keeps_the_other_checks():
    lean = lean_validator()
    fields = {"id": "x", "text": "共5元", "inspection": {"start": D(2023, 9, 1), "end": D(2023, 6, 30)}}
    with pytest.raises(ValidationError, match="inspection end is before its start"):
        lean.validate_python(fields)  # Inspection._order stays per record
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        lean.validate_python({"id": "x", "text": "共5元", "mentions": [
            {"kind": "money", "text": "5元", "start": 1, "end": 3, "value": Decimal(5), "unit": "元"}]})


def test_the_bench_records_are_the_ones_notice_builds(records):
    assert len(records) == 84
    for fields in records:
        lean = validated_notice(**fields)
        full = Notice(**fields)
        _same_models(full, lean)
        assert lean.model_dump_json() == full.model_dump_json()


# -- bad values: the same errors -----------------------------------------------------------------------

TEXT = "共5元,2023年,增长30%"
MONEY = {"kind": "money", "text": "5元", "start": 1, "end": 3, "value": Decimal(5)}
DATE = {"kind": "date", "text": "2023年", "start": 4, "end": 9, "date_start": D(2023, 1, 1),
        "date_end": D(2023, 12, 31), "granularity": "year"}
PERCENT = {"kind": "percent", "text": "30%", "start": 12, "end": 15, "value": Decimal(30)}
SECTION = {"level": 1, "marker": "一、", "ordinal": 1, "heading": "总体", "start": 0, "end": 3}

BAD = [
    ("money_empty_span", {"mentions": [{**MONEY, "end": 1}]}),
    ("money_span_not_text", {"mentions": [{**MONEY, "end": 4}]}),
    ("money_outside_text", {"mentions": [{**MONEY, "start": 20, "end": 22}]}),
    ("money_not_the_text", {"mentions": [{**MONEY, "text": "6元"}]}),
    ("money_range_falls", {"mentions": [DATE, {**MONEY, "value_max": Decimal(1)}]}),
    ("money_range_and_span", {"mentions": [{**MONEY, "value_max": Decimal(1), "end": 5}]}),
    ("percent_range_falls", {"mentions": [{**PERCENT, "value_max": Decimal(20)}]}),
    ("date_backwards", {"mentions": [MONEY, {**DATE, "date_end": D(2022, 1, 1)}]}),
    ("two_bad_mentions", {"mentions": [{**MONEY, "end": 9}, {**DATE, "date_end": D(2022, 1, 1)}]}),
    ("bad_mention_and_bad_field", {"mentions": [{**MONEY, "end": 9}], "flags": [{"code": "X", "message": ""}]}),
    ("unknown_field", {"mentions": [{**MONEY, "unit": "元"}]}),
    ("unknown_kind", {"mentions": [{**MONEY, "kind": "weight"}]}),
    ("section_backwards", {"sections": [{**SECTION, "start": 2, "end": 2}]}),
    ("child_backwards", {"sections": [{**SECTION, "children": [{**SECTION, "start": 2, "end": 1}]}]}),
    ("child_outside_text", {"sections": [{**SECTION, "children": [{**SECTION, "start": 2, "end": 40}]}]}),
    ("section_and_mention", {"sections": [{**SECTION, "end": 40}], "mentions": [{**MONEY, "end": 9}]}),
    ("money_total_not_text", {"totals": {"money": [
        {"category": "追回", "value": Decimal(5), "text": "6元", "start": 1, "end": 3}]}}),
    ("inspection_backwards", {"inspection": {"start": D(2023, 9, 1), "end": D(2023, 6, 30)}}),
    ("unknown_notice_field", {"summary": "…"}),
    ("valid", {"mentions": [MONEY, DATE, {**PERCENT, "value_max": Decimal(40)}],
               "sections": [{**SECTION, "children": [{**SECTION, "start": 1, "end": 3}]}]}),
]


@pytest.mark.parametrize("parts", [c[1] for c in BAD], ids=[c[0] for c in BAD])
def test_a_bad_record_raises_what_notice_raises(parts):
    fields = {"id": "x", "text": TEXT, **parts}
    full = _outcome(lambda: Notice(**fields))
    lean = _outcome(lambda: validated_notice(**fields))
    if isinstance(full, Notice):
        _same_models(full, lean)
    else:
        assert lean == full


def _original_checks_pass(notice: Notice) -> bool:
    """The six validators themselves, run on every record of ``notice`` they belong to."""
    try:
        for mention in notice.mentions:
            for check in type(mention).__pydantic_decorators__.model_validators.values():
                check.func(mention)
        stack = list(notice.sections)
        while stack:
            section = stack.pop()
            type(section)._order(section)
            stack.extend(section.children)
        Notice._offsets(notice)
    except ValueError:
        return False
    return True


spans = st.integers(min_value=-2, max_value=24)


@st.composite
def records_with_spans(draw):
    """A notice's fields whose spans, ranges and dates are drawn anywhere around the text."""
    text = draw(st.text(alphabet="共5元年月,%二〇\U00020000 ", min_size=0, max_size=20))
    mentions = []
    for _ in range(draw(st.integers(0, 4))):
        start, end = draw(spans), draw(spans)
        kind = draw(st.sampled_from(["money", "percent", "date", "count"]))
        cut = text[max(start, 0):max(end, 0)] or "5"
        shown = draw(st.sampled_from([cut, cut + "元", "5"]))
        row = {"kind": kind, "text": shown, "start": start, "end": end}
        if kind == "date":
            row.update(date_start=D(2023, draw(st.integers(1, 12)), 1), date_end=D(2023, draw(st.integers(1, 12)), 1),
                       granularity="month")
        elif kind == "count":
            row.update(value=Decimal(draw(st.integers(0, 9))), unit="个")
        else:
            row.update(value=Decimal(draw(st.integers(-3, 9))),
                       value_max=draw(st.one_of(st.none(), st.integers(-3, 9).map(Decimal))))
        mentions.append(row)
    def section(depth):
        row = {"level": 1, "marker": "一、", "ordinal": 1, "heading": "总体", "start": draw(spans), "end": draw(spans)}
        if depth < 2:
            row["children"] = [section(depth + 1) for _ in range(draw(st.integers(0, 2)))]
        return row
    sections = [section(0) for _ in range(draw(st.integers(0, 2)))]
    return {"id": "x", "text": text, "mentions": mentions, "sections": sections}


@settings(max_examples=400, deadline=None)
@given(records_with_spans())
def test_the_one_walk_accepts_what_the_checks_accept(fields):
    lean = _outcome(lambda: lean_validator().validate_python(fields))
    if isinstance(lean, Notice):  # the fields validate: the walk and the six checks agree
        assert _checks_pass(lean) == _original_checks_pass(lean)
    full = _outcome(lambda: Notice(**fields))
    got = _outcome(lambda: validated_notice(**fields))
    if isinstance(full, Notice):
        _same_models(full, got)
    else:
        assert got == full


def test_every_mention_model_is_in_the_lean_union():
    union = lean_validator().validate_python
    for kind, model in MENTION_MODELS.items():
        assert model.model_fields["kind"].default == kind
    notice = union({"id": "x", "text": TEXT, "mentions": [MONEY, DATE, PERCENT]})
    assert [type(m).__name__ for m in notice.mentions] == ["MoneyMention", "DateMention", "PercentMention"]
