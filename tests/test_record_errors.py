"""The records refuse bad values with exactly the errors they gave (type, location, message, order).

Pinned before the validators were merged into one per model and the notice's own check was
rewritten: a value two checks refuse must still be reported by the one that ran first, nested
records must still be named by their path, and an unknown field must still be refused.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from zhenggai.schemas import Inspection, Notice, Section
from zhenggai.schemas.mentions import CountMention, DateMention, MoneyMention, PercentMention

D = dt.date
TEXT = "共5元,2023年"
MONEY = {"kind": "money", "text": "5元", "start": 1, "end": 3, "value": Decimal(5)}
SECTION = {"level": 1, "marker": "一、", "ordinal": 1, "heading": "总体", "start": 0, "end": 3}


def _errors(build) -> list[tuple[str, tuple, str]]:
    with pytest.raises(ValidationError) as err:
        build()
    return [(e["type"], tuple(e["loc"]), e["msg"]) for e in err.value.errors()]


def _value(message: str) -> tuple[str, tuple, str]:
    return ("value_error", (), f"Value error, {message}")


# -- one record on its own -------------------------------------------------------------------------

ALONE = [
    ("money_empty_span", lambda: MoneyMention(text="5元", start=3, end=3, value=Decimal(5)),
     [_value("end 3 must be greater than start 3")]),
    ("money_span_not_text", lambda: MoneyMention(text="5元", start=0, end=3, value=Decimal(5)),
     [_value("span 0:3 does not fit text '5元'")]),
    ("money_range_falls", lambda: MoneyMention(text="5万至1万元", start=0, end=6, value=Decimal(5),
                                               value_max=Decimal(1)),
     [_value("value_max is below value")]),
    # Span and range both wrong: the span check runs first and alone is reported.
    ("money_span_and_range", lambda: MoneyMention(text="5万至1万元", start=0, end=9, value=Decimal(5),
                                                  value_max=Decimal(1)),
     [_value("span 0:9 does not fit text '5万至1万元'")]),
    ("percent_range_falls", lambda: PercentMention(text="30%-20%", start=0, end=7, value=Decimal(30),
                                                   value_max=Decimal(20)),
     [_value("value_max is below value")]),
    ("percent_span_and_range", lambda: PercentMention(text="30%-20%", start=4, end=2, value=Decimal(30),
                                                      value_max=Decimal(20)),
     [_value("end 2 must be greater than start 4")]),
    ("date_backwards", lambda: DateMention(text="2023年", start=0, end=5, date_start=D(2023, 12, 31),
                                           date_end=D(2023, 1, 1), granularity="year"),
     [_value("date_end 2023-01-01 is before date_start 2023-12-31")]),
    ("date_span_and_backwards", lambda: DateMention(text="2023年", start=0, end=4, date_start=D(2023, 12, 31),
                                                    date_end=D(2023, 1, 1), granularity="year"),
     [_value("span 0:4 does not fit text '2023年'")]),
    ("count_span_not_text", lambda: CountMention(text="44个", start=0, end=2, value=Decimal(44), unit="个"),
     [_value("span 0:2 does not fit text '44个'")]),
    # A field error stops the record before its own check.
    ("field_error_first", lambda: MoneyMention(text="5元", start=-1, end=9, value=Decimal(5)),
     [("greater_than_equal", ("start",), "Input should be greater than or equal to 0")]),
    ("money_unknown_field", lambda: MoneyMention(text="5元", start=0, end=2, value=Decimal(5), unit="元"),
     [("extra_forbidden", ("unit",), "Extra inputs are not permitted")]),
    ("section_backwards", lambda: Section(**{**SECTION, "start": 9, "end": 9}),
     [_value("section end must be after its start")]),
    ("section_unknown_field", lambda: Section(**SECTION, depth=2),
     [("extra_forbidden", ("depth",), "Extra inputs are not permitted")]),
    ("inspection_backwards", lambda: Inspection(start=D(2023, 9, 1), end=D(2023, 6, 30)),
     [_value("inspection end is before its start")]),
]


@pytest.mark.parametrize("build,errors", [c[1:] for c in ALONE], ids=[c[0] for c in ALONE])
def test_a_record_alone(build, errors):
    assert _errors(build) == errors


# -- inside a notice ---------------------------------------------------------------------------------

INSIDE = [
    ("mention_outside_text", lambda: Notice(id="x", text=TEXT, mentions=[{**MONEY, "start": 9, "end": 11}]),
     [_value("money mention '5元' at 9:11 is outside the text (9)")]),
    ("mention_not_in_text", lambda: Notice(id="x", text=TEXT, mentions=[{**MONEY, "text": "6元"}]),
     [_value("money mention '6元' does not match text[1:3]")]),
    ("second_mention_not_in_text", lambda: Notice(id="x", text=TEXT, mentions=[
        MONEY, {**MONEY, "start": 0, "end": 2}]),
     [_value("money mention '5元' does not match text[0:2]")]),
    ("nested_mention_check", lambda: Notice(id="x", text=TEXT, mentions=[
        MONEY, {**MONEY, "value_max": Decimal(1)}]),
     [("value_error", ("mentions", 1, "money"), "Value error, value_max is below value")]),
    ("nested_mention_span", lambda: Notice(id="x", text=TEXT, mentions=[{**MONEY, "end": 4}]),
     [("value_error", ("mentions", 0, "money"), "Value error, span 1:4 does not fit text '5元'")]),
    ("nested_unknown_field", lambda: Notice(id="x", text=TEXT, mentions=[{**MONEY, "unit": "元"}]),
     [("extra_forbidden", ("mentions", 0, "money", "unit"), "Extra inputs are not permitted")]),
    ("unknown_kind", lambda: Notice(id="x", text=TEXT, mentions=[{**MONEY, "kind": "weight"}]),
     [("union_tag_invalid", ("mentions", 0),
       "Input tag 'weight' found using 'kind' does not match any of the expected tags: 'money', 'date', "
       "'unparsed_date', 'count', 'percent', 'points', 'multiple', 'document', 'docnumber'")]),
    ("section_outside_text", lambda: Notice(id="x", text=TEXT, sections=[{**SECTION, "end": 30}]),
     [_value("section 一、'总体' at 0:30 is outside the text")]),
    ("child_section_outside_text", lambda: Notice(id="x", text=TEXT, sections=[
        {**SECTION, "children": [{**SECTION, "marker": "（一）", "level": 2, "start": 2, "end": 40}]}]),
     [_value("section （一）'总体' at 2:40 is outside the text")]),
    ("nested_section_check", lambda: Notice(id="x", text=TEXT, sections=[
        {**SECTION, "children": [{**SECTION, "start": 2, "end": 1}]}]),
     [("value_error", ("sections", 0, "children", 0), "Value error, section end must be after its start")]),
    ("money_total_not_in_text", lambda: Notice(id="x", text=TEXT, totals={"money": [
        {"category": "追回", "value": Decimal(5), "text": "6元", "start": 1, "end": 3}]}),
     [_value("money total '6元' does not match text[1:3]")]),
    ("unknown_notice_field", lambda: Notice(id="x", text=TEXT, summary="…"),
     [("extra_forbidden", ("summary",), "Extra inputs are not permitted")]),
]


@pytest.mark.parametrize("build,errors", [c[1:] for c in INSIDE], ids=[c[0] for c in INSIDE])
def test_a_record_inside_a_notice(build, errors):
    assert _errors(build) == errors


def test_a_valid_notice_keeps_every_part():
    notice = Notice(id="x", text=TEXT, mentions=[MONEY, {
        "kind": "date", "text": "2023年", "start": 4, "end": 9, "date_start": D(2023, 1, 1),
        "date_end": D(2023, 12, 31), "granularity": "year"}], sections=[
        {**SECTION, "children": [{**SECTION, "level": 2, "start": 1, "end": 3}]}])
    assert [m.kind for m in notice.mentions] == ["money", "date"]
    assert notice.sections[0].children[0].end == 3
    assert notice.mentions[0].model_fields_set == {"kind", "text", "start", "end", "value"}
