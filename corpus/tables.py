"""The dataset's tables, their columns derived from the Pydantic records.

Every column that mirrors a record field is generated from ``zhenggai.schemas``
(field name, type, description), so a field added to ``Totals`` or to a mention
model shows up in the Parquet tables and in the README without a second edit.

>>> [c.name for c in table_columns("errors")]
['input', 'content_hash', 'error_class', 'message']
>>> next(c for c in table_columns("notices") if c.name == "totals_issues").type
'int64'
>>> next(c for c in table_columns("mentions") if c.name == "value_exact").type
'string'
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from pydantic import BaseModel

from zhenggai.schemas import MENTION_MODELS, Category, Contact, Inspection, MoneyTotal, Notice, Section, Source, Totals

# Tables in the order the README lists them.
TABLES = ("notices", "sections", "issue_categories", "mentions", "documents", "money_totals", "errors",
          "skipped")

# Mention kinds that also go to the documents table (titles in 《》 and document numbers).
DOCUMENT_KINDS = ("document", "docnumber")


@dataclass(frozen=True)
class Column:
    """One column: name, logical type (string|int64|float64|bool|date|timestamp|json) and meaning."""

    name: str
    type: str
    description: str = ""


def _unwrap(annotation):
    """Strip Optional/Annotated: (base type, Literal values or None)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        # datetime | date (published_at) is one timestamp column.
        if set(args) == {dt.datetime, dt.date}:
            return dt.datetime, None
        if len(args) == 1:
            return _unwrap(args[0])
        return str, None
    if origin is typing.Literal:
        return str, typing.get_args(annotation)
    if origin in (list, tuple, dict):
        return list, None
    return annotation, None


def _logical_type(annotation) -> str:
    base, _ = _unwrap(annotation)
    if base is bool:
        return "bool"
    if base is int:
        return "int64"
    if base is Decimal or base is float:
        return "float64"
    if base is dt.datetime:
        return "timestamp"
    if base is dt.date:
        return "date"
    if base is list or (isinstance(base, type) and issubclass(base, BaseModel)):
        return "json"
    return "string"


def model_columns(model: type[BaseModel], prefix: str = "", skip: tuple[str, ...] = ()) -> list[Column]:
    """Columns for the scalar fields of ``model``; Decimal fields also get ``<name>_exact`` (string).

    >>> [c.name for c in model_columns(Source, "source_")][:3]
    ['source_path', 'source_url', 'source_format']
    """
    cols: list[Column] = []
    for name, field in model.model_fields.items():
        if name in skip:
            continue
        kind = _logical_type(field.annotation)
        base, literal = _unwrap(field.annotation)
        desc = field.description or ""
        if literal:
            desc = (desc + "; " if desc else "") + "one of " + "|".join(str(v) for v in literal)
        cols.append(Column(prefix + name, kind, desc))
        if base is Decimal:
            exact = f"{prefix + name} as an exact decimal string"
            cols.append(Column(prefix + name + "_exact", "string", exact))
    return cols


def _mention_columns() -> list[Column]:
    # The union of all mention kinds' fields, first seen first; the section path
    # list becomes the dotted string section_path.
    seen: dict[str, Column] = {}
    for model in MENTION_MODELS.values():
        for col in model_columns(model, skip=("section",)):
            seen.setdefault(col.name, col)
    kind = seen.pop("kind")
    text = seen.pop("text")
    start, end = seen.pop("start"), seen.pop("end")
    kinds = "|".join(MENTION_MODELS)
    return [
        Column("notice_id", "string", "notices.notice_id"),
        Column(kind.name, "string", f"one of {kinds}"),
        text,
        start,
        end,
        Column("section_path", "string", "dotted ordinal path of the enclosing heading, e.g. 2.3"),
        Column("section_seq", "int64", "sections.seq of the innermost enclosing section; null outside all"),
        *seen.values(),
    ]


def _notice_fields(*names: str) -> list[Column]:
    """Columns of some top-level Notice fields, in the order given."""
    cols = {c.name: c for c in model_columns(Notice, skip=tuple(n for n in Notice.model_fields if n not in names))}
    return [cols[n] for n in names]


@lru_cache(maxsize=None)
def _tables() -> dict[str, tuple[Column, ...]]:
    notices = [
        Column("notice_id", "string",
               "Notice.id (stable, from the normalised text); an exact repost gets a suffix: "
               "-8 hex digits of sha1(input)"),
        Column("record_id", "string",
               "Notice.id as extracted (differs from notice_id only for exact reposts)"),
        Column("input", "string", "the input as named on the command line or found in a folder (bytes that are "
               "not UTF-8 written as \\xff); crawl lines are FILE.jsonl:LINE"),
        Column("content_hash", "string", "sha256 of the input's bytes (used by --resume)"),
        Column("text_hash", "string",
               "sha1 of the text without whitespace and punctuation (exact duplicates)"),
        Column("duplicate_of", "string",
               "notice_id of the canonical notice when this one is a repost or a partial copy (the fullest "
               "copy); else null"),
        Column("duplicate_kind", "string",
               "exact|near|partial when duplicate_of is set (partial: this text is a large part of that one)"),
        Column("schema_version", "string", "record schema version"),
        Column("extractor_version", "string", "zhenggai version that extracted the record"),
        Column("title", "string", "Notice.title"),
        Column("issuer", "string", "Notice.issuer as written"),
        *_notice_fields("doc_type", "doc_type_evidence"),
        Column("organisation", "string", "normalised organisation: 中共杭州市民政局党组 → 杭州市民政局"),
        Column("region_province", "string", "province of the organisation (cpca)"),
        Column("region_city", "string", "city (prefecture level)"),
        Column("region_county", "string", "county-level district"),
        Column("region_code", "string", "GB/T 2260 administrative code of the finest region found"),
        Column("sector", "string",
               "民政, 财政, 教育, 公安, 国资/国企, 高校, 卫健, 纪检 … (models/sectors.tsv)"),
        Column("level", "string", "中央|省|市|县|乡镇|企业|高校"),
        Column("year", "int64",
               "the notice's year: publication, else signature, else inspection feedback, else inspection start"),
        Column("inspection_target_org", "string",
               "the inspected unit, normalised like organisation (for a rectification notice: the issuer)"),
        Column("inspection_key", "string",
               "kind|body|target|round (r3, else the start date s2023-10-16, else the feedback date f…): documents of one inspection share it"),
        Column("inspection_stage", "string",
               "the document's place in the inspection: doc_type, or followup for a 回头看"),
        *model_columns(Source, "source_"),
        *model_columns(Inspection, "inspection_"),
        *model_columns(Totals, "totals_", skip=("money",)),
        *model_columns(Contact, "contact_"),
        Column("flags", "json", "JSON list of {code, message}"),
        Column("n_flags", "int64", "number of flags"),
        Column("n_sections", "int64", "headings in the outline (all levels)"),
        Column("n_mentions", "int64", "mentions of all kinds"),
        Column("text_length", "int64", "characters in text"),
        Column("text", "string", "the plain text every start/end indexes"),
    ]
    sections = [
        Column("notice_id", "string", "notices.notice_id"),
        Column("seq", "int64", "position in the outline (pre-order, from 0); with notice_id the key"),
        Column("path", "string", "dotted ordinal path, e.g. 2.3 (0 for unnumbered parts, so it can repeat)"),
        Column("parent_path", "string", "path of the parent heading; null at the top"),
        Column("depth", "int64", "1 for top-level headings"),
        *model_columns(Section, skip=("children",)),
    ]
    categories = [
        Column("notice_id", "string", "notices.notice_id"),
        Column("section_seq", "int64", "sections.seq of the issue section"),
        Column("section_path", "string", "sections.path of the issue section"),
        Column("issue", "string", "the issue statement (sections.issue)"),
        *model_columns(Category),
    ]
    mentions = _mention_columns()
    mention_names = {c.name: c for c in mentions}
    documents = [
        Column("notice_id", "string", "notices.notice_id"),
        Column("kind", "string", "document (a title in 《》) | docnumber (浙民发〔2023〕12号)"),
        *(mention_names[n]
          for n in ("text", "title", "prefix", "year", "number", "start", "end", "section_path")),
    ]
    money = [Column("notice_id", "string", "notices.notice_id"), *model_columns(MoneyTotal)]
    errors = [
        Column("input", "string", "the input as named on the command line"),
        Column("content_hash", "string", "sha256 of the input's bytes; null when unreadable"),
        Column("error_class", "string", "InputError, ValidationError, … (the exception class)"),
        Column("message", "string", "one-line message"),
    ]
    skipped = [
        Column("input", "string", "the web-archive record, FILE.warc.gz:OFFSET"),
        Column("url", "string", "WARC-Target-URI of the record"),
        Column("reason", "string", "why it is no notice: not a document (image/png), redirect, revisit, "
               "or the screening rule that ruled it out (screen: …)"),
        Column("content_hash", "string", "sha256 of the record's stored bytes (used by --resume)"),
    ]
    return {
        "notices": tuple(notices),
        "sections": tuple(sections),
        "issue_categories": tuple(categories),
        "mentions": tuple(mentions),
        "documents": tuple(documents),
        "money_totals": tuple(money),
        "errors": tuple(errors),
        "skipped": tuple(skipped),
    }


TABLE_DESCRIPTIONS = {
    "notices": "one row per input that gave a record",
    "sections": "one row per heading of the outline (all levels)",
    "issue_categories": "one row per category of an issue section (level 1 framework part, level 2 topic tags;"
    " docs/taxonomy.md)",
    "mentions": "one row per mention (money, date, count, percent, points, multiple, document, docnumber …)",
    "documents": "documents named in a notice: titles in 《》 and document numbers",
    "money_totals": "each money total a notice states, with its category (追回/挽回/清退/退缴 …)",
    "errors": "one row per input that gave no record",
    "skipped": "one row per web-archive record that is no notice (an image, a redirect, screened out)",
}


def table_columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table`` (one of :data:`TABLES`)."""
    return _tables()[table]


def column_names(table: str) -> list[str]:
    return [c.name for c in table_columns(table)]


def arrow_schema(table: str):
    """The pyarrow schema of a table (JSON columns are strings)."""
    import pyarrow as pa

    types_ = {
        "string": pa.string(),
        "json": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us"),
    }
    return pa.schema([pa.field(c.name, types_[c.type]) for c in table_columns(table)])


def describe_markdown() -> str:
    """The README section that describes the tables (generated; a test keeps README in step)."""
    out = [
        "### Dataset tables",
        "",
        "`zhenggai batch` writes one folder of Parquet files per table and `dataset.duckdb` with a view",
        "per table. Every input is exactly one row in `notices` or in `errors` (a web-archive record that",
        "is no notice: in `skipped`). Child tables join on `notice_id`; comparisons skip rows whose",
        "`duplicate_of` is set. Generated from",
        "`zhenggai.corpus.tables` (the columns follow the record schema).",
        "",
    ]
    for table in TABLES:
        out += [f"#### `{table}` — {TABLE_DESCRIPTIONS[table]}", ""]
        out += ["| column | type | meaning |", "| --- | --- | --- |"]
        for c in table_columns(table):
            desc = c.description.replace("|", "\\|").replace("\n", " ")
            out.append(f"| `{c.name}` | {c.type} | {desc} |")
        out.append("")
    return "\n".join(out)


def tables_doc() -> str:
    """docs/tables.md: every table, column, type and meaning (generated; a test keeps it in step).

    Regenerate with ``python -m zhenggai.corpus.tables > docs/tables.md``.
    """
    text = describe_markdown().replace("\n#### ", "\n## ")
    return "# " + text.removeprefix("### ").rstrip("\n") + "\n"


if __name__ == "__main__":
    print(tables_doc(), end="")
