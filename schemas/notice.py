"""The Notice record and its parts (output contract, schema_version "1").

>>> Notice.model_json_schema()["title"]
'Notice'
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from zhenggai.schemas.mentions import Mention
from zhenggai.schemas.types import FROZEN, Amount

SCHEMA_VERSION = "1"

# What kind of document a record is (zhenggai.facts.doctype); comparisons of rectification
# figures count the first two.
DocTypeName = Literal[
    "rectification", "audit_rectification", "feedback", "stationing", "audit_report", "news", "other"
]


class Source(BaseModel):
    model_config = FROZEN

    path: str | None = None
    url: str | None = None
    format: Literal["txt", "html", "pdf", "docx"] = "txt"
    encoding: str | None = None
    site: str | None = Field(default=None, description="来源 as written")
    published_at: dt.datetime | dt.date | None = Field(default=None, description="发布时间, ISO")
    editor: str | None = Field(default=None, description="责任编辑")
    script: Literal["simplified", "traditional"] = "simplified"
    fetched_at: dt.datetime | None = Field(
        default=None, description="when a crawler fetched the page (WARC-Date of an archive record)")
    published_from: Literal["fetch_time"] | None = Field(
        default=None, description="fetch_time when published_at is only the fetch time: no date on the page, "
        "in its URL or under the signature")
    urls: list[str] | None = Field(
        default=None, description="the urls (or files) of every page, in order, when a paginated article's "
        "pages were joined")


class Inspection(BaseModel):
    model_config = FROZEN

    kind: Literal["巡视", "巡察", "审计"] | None = None
    body: str | None = Field(default=None, description="who sent the team: 市委, 省委, 集团党委 …")
    team: str | None = Field(default=None, description="市委第四巡察组")
    target: str | None = Field(default=None, description="the inspected body as written")
    mode: str | None = Field(default=None, description="常规/专项/机动/联动/提级/交叉/回头看 … as written")
    round: str | None = Field(default=None, description="第X轮 / 届 as written")
    round_number: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    feedback_date: dt.date | None = None

    @model_validator(mode="after")
    def _order(self):
        if self.start and self.end and self.end < self.start:
            raise ValueError("inspection end is before its start")
        return self


class MoneyTotal(BaseModel):
    """One stated money figure with its category (追回/挽回/清退/退缴 …)."""

    model_config = FROZEN

    category: str
    value: Amount
    text: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class Totals(BaseModel):
    """What the notice states about the whole rectification; null when not stated."""

    model_config = FROZEN

    aspects: int | None = Field(default=None, ge=0, description="方面")
    issues: int | None = Field(default=None, ge=0, description="具体问题")
    completed: int | None = Field(default=None, ge=0, description="已完成整改")
    in_progress: int | None = Field(default=None, ge=0, description="正在/尚在整改")
    completion_rate: Amount | None = Field(default=None, description="percent points")
    measures_planned: int | None = Field(default=None, ge=0, description="整改举措/措施")
    measures_completed: int | None = Field(
        default=None, ge=0,
        description="整改措施/任务已完成 (186项整改措施已完成164项 → 164); when the notice states no "
        "issue count completed, `completed` carries this figure too",
    )
    petitions_transferred: int | None = Field(default=None, ge=0, description="移交信访件")
    petitions_resolved: int | None = Field(default=None, ge=0, description="办结")
    clues_transferred: int | None = Field(default=None, ge=0, description="移交问题线索")
    people_talked_to: int | None = Field(default=None, ge=0, description="谈话提醒/教育谈话 (人)")
    people_held_accountable: int | None = Field(default=None, ge=0, description="问责 (人)")
    people_disciplined: int | None = Field(default=None, ge=0, description="党纪政务处分 (人)")
    cases_filed: int | None = Field(default=None, ge=0, description="立案 (件)")
    systems_established: int | None = Field(default=None, ge=0, description="建立完善制度 (项)")
    money_recovered_yuan: Amount | None = Field(default=None, description="追回/挽回/清退/退缴 …, summed")
    money: list[MoneyTotal] = Field(default_factory=list, description="each stated money total with its category")


class Category(BaseModel):
    """One category of an issue section: its framework part (level 1) or a topic tag (level 2).

    The taxonomy is documented in docs/taxonomy.md."""

    model_config = FROZEN

    level: int = Field(ge=1, le=2, description="1 = framework part (四个落实), 2 = topic tag")
    code: str = Field(description="party_discipline, eight_rules … (docs/taxonomy.md)")
    label: str = Field(description="the category's Chinese label")
    evidence: list[str] = Field(default_factory=list, description="the words that decided it, as written")


class Section(BaseModel):
    """A heading and the text it governs."""

    model_config = FROZEN

    level: int = Field(ge=1, le=6, description="GB/T 9704 level: 一、=1, （一）=2, 1.=3, （1）=4")
    marker: str = Field(description="as written, '' for unnumbered measures")
    ordinal: int = Field(ge=0)
    heading: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    role: Literal["issue", "measure", "closing", "other"] = "other"
    issue: str | None = Field(default=None, description="the problem statement, wrapper words removed")
    items: list[str] = Field(default_factory=list, description="inline enumerations: 一是…二是…")
    categories: list[Category] = Field(
        default_factory=list, description="issue sections: level-1 framework part first, then topic tags"
    )
    children: list[Section] = Field(default_factory=list)

    @model_validator(mode="after")
    def _order(self):
        fields = self.__dict__  # (see MentionBase._span)
        if fields["end"] <= fields["start"]:
            raise ValueError("section end must be after its start")
        return self


class Contact(BaseModel):
    model_config = FROZEN

    phone: str | None = None
    address: str | None = None
    email: str | None = None
    postal_code: str | None = None
    mailbox: str | None = Field(default=None, description="信箱 as written")


class Flag(BaseModel):
    model_config = FROZEN

    code: str = Field(pattern=r"^[a-z_]+$")
    message: str


class Notice(BaseModel):
    model_config = FROZEN

    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str = Field(description="stable, from the normalised text")
    extractor_version: str | None = None
    title: str | None = None
    issuer: str | None = None
    doc_type: DocTypeName | None = Field(
        default=None,
        description="what kind of document: a rectification notice (巡视/巡察 or audit), a feedback or stationing "
        "notice, an audit work report, news, other (zhenggai.facts.doctype); null only in records built by hand",
    )
    doc_type_evidence: list[str] = Field(
        default_factory=list, description="what decided doc_type: 'title: …', 'opening: …', 'outline: …'"
    )
    source: Source = Field(default_factory=Source)
    inspection: Inspection = Field(default_factory=Inspection)
    totals: Totals = Field(default_factory=Totals)
    sections: list[Section] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    contact: Contact = Field(default_factory=Contact)
    flags: list[Flag] = Field(default_factory=list)
    text: str

    @model_validator(mode="after")
    def _offsets(self):
        text = self.text
        n = len(text)
        for m in self.mentions:
            start, end = m.start, m.end
            if not (0 <= start < end <= n):
                raise ValueError(f"{m.kind} mention {m.text!r} at {start}:{end} is outside the text ({n})")
            if text[start:end] != m.text:
                raise ValueError(f"{m.kind} mention {m.text!r} does not match text[{start}:{end}]")
        stack = list(self.sections)
        while stack:
            s = stack.pop()
            if not (0 <= s.start < s.end <= n):
                raise ValueError(f"section {s.marker}{s.heading!r} at {s.start}:{s.end} is outside the text")
            stack.extend(s.children)
        for t in self.totals.money:
            if self.text[t.start : t.end] != t.text:
                raise ValueError(f"money total {t.text!r} does not match text[{t.start}:{t.end}]")
        return self
