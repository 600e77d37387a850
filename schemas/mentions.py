"""Mention records: one model per kind, a discriminated union on ``kind``.

>>> from decimal import Decimal
>>> MoneyMention(text="12.5万元", start=0, end=6, value=Decimal("125000")).value
Decimal('125000')
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field, model_validator

from zhenggai.schemas.types import FROZEN, Amount, SignedAmount


class MentionBase(BaseModel):
    model_config = FROZEN

    text: str = Field(min_length=1, description="the mention as written in Notice.text")
    start: int = Field(ge=0, description="start offset (Python str index) into Notice.text")
    end: int = Field(gt=0, description="end offset (exclusive)")
    section: list[int] = Field(default_factory=list, description="ordinal path of the enclosing heading")

    @model_validator(mode="after")
    def _span(self):
        # The fields read from __dict__ (all set once fields validate): BaseModel's __getattr__
        # puts every attribute read on CPython's slow path, and this runs for every mention.
        fields = self.__dict__
        start, end, text = fields["start"], fields["end"], fields["text"]
        if end <= start:
            raise ValueError(f"end {end} must be greater than start {start}")
        if end - start != len(text):
            raise ValueError(f"span {start}:{end} does not fit text {text!r}")
        return self


class MoneyMention(MentionBase):
    kind: Literal["money"] = "money"
    value: SignedAmount = Field(description="yuan, exact (111.95万元 → 1119500; -3.8亿元 → -380000000)")
    value_max: SignedAmount | None = Field(default=None, description="upper bound of a range (5万至10万元)")
    approx: bool = Field(default=False, description="余/多/约/近/超过 …")
    currency: str = "CNY"

    @model_validator(mode="after")
    def _range(self):
        fields = self.__dict__  # (see MentionBase._span)
        if fields["value_max"] is not None and fields["value_max"] < fields["value"]:
            raise ValueError("value_max is below value")
        return self


Granularity = Literal["day", "month", "year", "season", "other"]
Relation = Literal["since", "until", "before", "after"]


class DateMention(MentionBase):
    kind: Literal["date"] = "date"
    date_start: dt.date
    date_end: dt.date
    granularity: Granularity
    year_inferred: bool = False
    relation: Relation | None = None

    @model_validator(mode="after")
    def _order(self):
        fields = self.__dict__  # (see MentionBase._span)
        if fields["date_end"] < fields["date_start"]:
            raise ValueError(f"date_end {fields['date_end']} is before date_start {fields['date_start']}")
        return self


class UnparsedDateMention(MentionBase):
    """A date whose characters were lost in scraping ("2021915日"); never guessed."""

    kind: Literal["unparsed_date"] = "unparsed_date"
    reason: str = ""


class CountMention(MentionBase):
    kind: Literal["count"] = "count"
    value: Amount
    unit: str = Field(min_length=1, description="measure word as written (个, 项, 人次 …)")
    noun: str | None = Field(default=None, description="what is counted, where it follows")
    approx: bool = False


class PercentMention(MentionBase):
    kind: Literal["percent"] = "percent"
    value: SignedAmount = Field(description="percent points: 98.71% → 98.71; 三分之二 → 66.67; 三成 → 30; -3.8% → -3.8")
    value_max: SignedAmount | None = Field(default=None, description="upper bound of a range (百分之二三十, 20%-30%)")
    approx: bool = False

    @model_validator(mode="after")
    def _range(self):
        fields = self.__dict__  # (see MentionBase._span)
        if fields["value_max"] is not None and fields["value_max"] < fields["value"]:
            raise ValueError("value_max is below value")
        return self


class PointsMention(MentionBase):
    """A change of a rate in percentage points (完成率提高12个百分点 → 12); never a percent."""

    kind: Literal["points"] = "points"
    value: SignedAmount = Field(description="percentage points: 12个百分点 → 12; 0.5個百分點 → 0.5")
    approx: bool = False


class MultipleMention(MentionBase):
    kind: Literal["multiple"] = "multiple"
    value: Amount


class DocumentMention(MentionBase):
    kind: Literal["document"] = "document"
    title: str = Field(min_length=1, description="the title inside 《》")


class DocnumberMention(MentionBase):
    kind: Literal["docnumber"] = "docnumber"
    prefix: str | None = Field(default=None, description="issuer code before the year: 浙民发")
    year: int | None = None
    number: int | None = None


Mention = Annotated[
    Union[
        MoneyMention,
        DateMention,
        UnparsedDateMention,
        CountMention,
        PercentMention,
        PointsMention,
        MultipleMention,
        DocumentMention,
        DocnumberMention,
    ],
    Field(discriminator="kind"),
]

MENTION_MODELS: dict[str, type[MentionBase]] = {
    "money": MoneyMention,
    "date": DateMention,
    "unparsed_date": UnparsedDateMention,
    "count": CountMention,
    "percent": PercentMention,
    "points": PointsMention,
    "multiple": MultipleMention,
    "document": DocumentMention,
    "docnumber": DocnumberMention,
}
