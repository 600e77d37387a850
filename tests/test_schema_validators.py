"""The records' own checks (model validators) refuse what they refused, with the same messages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from zhenggai.schemas import Notice, Section
from zhenggai.schemas.mentions import DateMention, MoneyMention, PercentMention

D = dt.date
CASES = [
    ("empty_span", lambda: MoneyMention(text="5元", start=3, end=3, value=Decimal(5)),
     "end 3 must be greater than start 3"),
    ("span_not_text", lambda: MoneyMention(text="5元", start=0, end=3, value=Decimal(5)),
     "span 0:3 does not fit text '5元'"),
    ("money_range_falls", lambda: MoneyMention(text="5万至1万元", start=0, end=6, value=Decimal(5), value_max=Decimal(1)),
     "value_max is below value"),
    ("percent_range_falls", lambda: PercentMention(text="30%-20%", start=0, end=7, value=Decimal(30),
                                                   value_max=Decimal(20)),
     "value_max is below value"),
    ("date_backwards", lambda: DateMention(text="2023年", start=0, end=5, date_start=D(2023, 12, 31),
                                           date_end=D(2023, 1, 1), granularity="year"),
     "date_end 2023-01-01 is before date_start 2023-12-31"),
    ("section_backwards", lambda: Section(level=1, marker="一、", ordinal=1, heading="总体情况", start=9, end=9),
     "section end must be after its start"),
    ("mention_outside_text", lambda: Notice(id="x", text="共5元", mentions=[
        {"kind": "money", "text": "5元", "start": 3, "end": 5, "value": Decimal(5)}]),
     "money mention '5元' at 3:5 is outside the text (3)"),
    ("mention_not_in_text", lambda: Notice(id="x", text="共5元", mentions=[
        {"kind": "money", "text": "6元", "start": 1, "end": 3, "value": Decimal(6)}]),
     "money mention '6元' does not match text[1:3]"),
]


@pytest.mark.parametrize("build,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_broken_record_is_refused_with_its_message(build, message):
    with pytest.raises(ValidationError) as err:
        build()
    assert message in str(err.value)


def test_valid_records_pass_the_checks():
    money = MoneyMention(text="5万至10万元", start=0, end=7, value=Decimal(50000), value_max=Decimal(100000))
    date = DateMention(text="2023年", start=0, end=5, date_start=D(2023, 1, 1), date_end=D(2023, 12, 31),
                       granularity="year")
    notice = Notice(id="x", text="5万至10万元", mentions=[money])
    assert notice.mentions[0].value_max == Decimal(100000) and date.date_end.year == 2023
