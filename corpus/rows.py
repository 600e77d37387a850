"""One Notice → rows of the dataset tables; one failed input → an errors row.

>>> from zhenggai.schemas import Notice
>>> rows = notice_rows(Notice(id="abc", text="追回资金12.5万元。"), input_name="a.txt", content_hash="h")
>>> rows["notices"][0]["notice_id"], rows["notices"][0]["text_length"]
('abc', 11)
>>> error_row("b.txt", ValueError("空文件"), None)["error_class"]
'ValueError'
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from zhenggai.corpus.tables import DOCUMENT_KINDS, TABLES, table_columns

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {t: [] for t in TABLES}


def _cell(value: Any, kind: str) -> Any:
    """A record value as the table's logical type."""
    if value is None:
        return None
    if kind == "json":
        if hasattr(value, "model_dump"):
            value = value.model_dump(mode="json")
        elif isinstance(value, (list, tuple)):
            value = [v.model_dump(mode="json") if hasattr(v, "model_dump") else v for v in value]
        return json.dumps(value, ensure_ascii=False)
    if kind == "float64":
        return float(value)
    if kind == "int64":
        return int(value)
    if kind == "timestamp":
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:  # aware times are stored as UTC
                value = value.astimezone(dt.timezone.utc)
            return value.replace(tzinfo=None)
        return dt.datetime(value.year, value.month, value.day)
    if kind == "string" and isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


@lru_cache(maxsize=None)
def _plan(table: str, prefix: str, model: type) -> tuple[tuple[str, str, str, bool], ...]:
    # (column, field, logical type, is the _exact twin) for the columns of ``table`` that
    # name a field of ``model`` with ``prefix``; computed once per model, not per record.
    fields = model.model_fields
    plan = []
    for col in table_columns(table):
        if not col.name.startswith(prefix):
            continue
        name = col.name[len(prefix):]
        if name.endswith("_exact") and name[: -len("_exact")] in fields:
            plan.append((col.name, name[: -len("_exact")], col.type, True))
        elif name in fields:
            plan.append((col.name, name, col.type, False))
    return tuple(plan)


def _model_cells(record: Any, prefix: str, table: str, out: dict[str, Any]) -> None:
    """Fill every column of ``table`` that names a field of ``record`` with ``prefix``."""
    for column, name, kind, exact in _plan(table, prefix, type(record)):
        raw = getattr(record, name)
        if exact:
            out[column] = None if raw is None else format(Decimal(raw).normalize(), "f")
        else:
            out[column] = _cell(raw, kind)


# Whitespace, punctuation, symbols and control characters: what a repost may change freely.
# The decimal point and % stay: 12.5万元 and 125万元 are different notices.
_NOT_CONTENT = regex.compile(
    r"""
    (?:(?![.%])                     # keep the characters that carry a number's meaning
       [\p{Z}\p{P}\p{S}\p{C}\s]    # separators, punctuation, symbols, controls, whitespace
    )+
    """,
    regex.VERBOSE,
)


def compact_text(text: str) -> str:
    """The text's letters and digits only, full width folded (NFKC): 追回资金，１２万元。 → 追回资金12万元."""
    return _NOT_CONTENT.sub("", unicodedata.normalize("NFKC", text))


def text_hash(text: str) -> str:
    """Hash of the text blind to whitespace, punctuation and full/half width (exact reposts).

    >>> text_hash("追回资金，12.5万元。") == text_hash("追回资金 12.5万元")
    True
    """
    return hashlib.sha1(compact_text(text).encode("utf-8", "surrogatepass")).hexdigest()


def _year(notice) -> int | None:
    """The notice's year: publication, else signature, else feedback, else inspection start."""
    for value in (notice.source.published_at, _signed_at(notice), notice.inspection.feedback_date,
                  notice.inspection.start):
        if value is not None:
            return value.year
    return None


def _signed_at(notice) -> dt.date | None:
    # The date under the signature (or of a report read at a meeting), as the extractor reads it.
    from zhenggai.facts.source import signature_date, speech_date

    return signature_date(notice.text) or speech_date(notice.text)


def _walk_sections(sections, parent: str | None, depth: int):
    for s in sections:
        path = f"{parent}.{s.ordinal}" if parent else str(s.ordinal)
        yield s, path, parent, depth
        yield from _walk_sections(s.children, path, depth + 1)


def notice_rows(
    notice, *, input_name: str, content_hash: str | None, org: dict[str, Any] | None = None
) -> Rows:
    """Rows of all tables for one validated :class:`zhenggai.schemas.Notice`."""
    rows = empty_rows()
    n: dict[str, Any] = {c.name: None for c in table_columns("notices")}
    n.update(
        notice_id=notice.id,
        record_id=notice.id,
        input=input_name,
        content_hash=content_hash,
        text_hash=text_hash(notice.text),
        schema_version=notice.schema_version,
        extractor_version=notice.extractor_version,
        title=notice.title,
        issuer=notice.issuer,
        doc_type=notice.doc_type,
        doc_type_evidence=_cell(list(notice.doc_type_evidence), "json"),
        year=_year(notice),
        flags=_cell(list(notice.flags), "json"),
        n_flags=len(notice.flags),
        n_mentions=len(notice.mentions),
        text_length=len(notice.text),
        text=notice.text,
    )
    _model_cells(notice.source, "source_", "notices", n)
    _model_cells(notice.inspection, "inspection_", "notices", n)
    _model_cells(notice.totals, "totals_", "notices", n)
    _model_cells(notice.contact, "contact_", "notices", n)
    if org:
        n.update({k: v for k, v in org.items() if k in n})
    from zhenggai.corpus.lifecycle import inspection_identity

    n.update(inspection_identity(notice, org))

    n_sections = 0
    spans = []  # (start, end, depth, seq): the innermost section holding a mention is the deepest
    for seq, (s, path, parent, depth) in enumerate(_walk_sections(notice.sections, None, 1)):
        n_sections += 1
        spans.append((s.start, s.end, depth, seq))
        row = {"notice_id": notice.id, "seq": seq, "path": path, "parent_path": parent, "depth": depth}
        for col in table_columns("sections")[5:]:
            if col.name.endswith("_exact"):
                continue
            row[col.name] = _cell(getattr(s, col.name, None), col.type)
        rows["sections"].append(row)
        for c in s.categories:
            cat = {"notice_id": notice.id, "section_seq": seq, "section_path": path, "issue": s.issue}
            _model_cells(c, "", "issue_categories", cat)
            rows["issue_categories"].append(cat)
    n["n_sections"] = n_sections
    rows["notices"].append(n)

    mention_cols = table_columns("mentions")
    doc_cols = [c.name for c in table_columns("documents")]
    for m in notice.mentions:
        row = {c.name: None for c in mention_cols}
        row["notice_id"] = notice.id
        row["section_path"] = ".".join(str(i) for i in m.section) or None
        holders = [sp for sp in spans if sp[0] <= m.start < sp[1]]
        row["section_seq"] = max(holders, key=lambda sp: (sp[2], sp[0]))[3] if holders else None
        _model_cells(m, "", "mentions", row)
        row["notice_id"] = notice.id  # not a mention field, keep it
        rows["mentions"].append(row)
        if m.kind in DOCUMENT_KINDS:
            rows["documents"].append({k: row.get(k) for k in doc_cols})

    for t in notice.totals.money:
        row = {"notice_id": notice.id}
        _model_cells(t, "", "money_totals", row)
        row["notice_id"] = notice.id
        rows["money_totals"].append(row)
    return rows


def error_row(input_name: str, exc: BaseException, content_hash: str | None) -> dict[str, Any]:
    """The errors row for an input that gave no record; the message is one line."""
    if isinstance(exc, OSError) and exc.strerror:
        message = exc.strerror  # "No such file or directory", without errno noise; the input names the file
    else:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    message = _text_safe(" ".join(str(message).split()))
    if len(message) > 500:
        message = message[:497] + "..."
    return {
        "input": _text_safe(input_name), "content_hash": content_hash,
        "error_class": type(exc).__name__, "message": message,
    }


def _text_safe(value: str) -> str:
    # A message may quote a lone surrogate (a crawl line's url): escaped, so the errors part can be written.
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
