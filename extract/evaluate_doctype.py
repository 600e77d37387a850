"""Scores of the document-type classifier against a labelled folder (``zhenggai evaluate FOLDER``).

A labelled folder holds one text per document and a ``labels.tsv`` with a header and three
tab-separated columns: ``file`` (a name in the folder), ``doc_type`` (one of
``zhenggai.facts.doctype.DOC_TYPES``) and ``style`` (free text: formal notice, news repost …).
Each type is scored as a class: precision, recall and F1 over the folder's documents, and
``doc_type.all`` is the share of documents typed right (micro-averaged).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple

LABELS = "labels.tsv"
_COLUMNS = ("file", "doc_type", "style")


class Label(NamedTuple):
    file: Path
    doc_type: str
    style: str


class Typed(NamedTuple):
    """One document: its label, what the extractor said and why."""

    label: Label
    doc_type: str
    evidence: list[str]


class LabelError(ValueError):
    """A labels.tsv that cannot be read (the message names the file and line)."""


def is_labelled(path: Path) -> bool:
    """Whether ``path`` is a labels.tsv file or a folder holding one."""
    return (path.is_dir() and (path / LABELS).is_file()) or (path.is_file() and path.name == LABELS)


def load_labels(path: Path) -> list[Label]:
    """The labels of a folder (or of a labels.tsv file), in file order."""
    from zhenggai.facts.doctype import DOC_TYPES

    tsv = path / LABELS if path.is_dir() else path
    try:
        lines = tsv.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelError(f"{tsv}: cannot read the labels ({exc})") from None
    rows = list(csv.reader(lines, delimiter="\t"))
    if not rows or tuple(c.strip() for c in rows[0][:3]) != _COLUMNS:
        raise LabelError(f"{tsv}: the first line must be the header 'file<TAB>doc_type<TAB>style'")
    labels = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 2:
            raise LabelError(f"{tsv}:{n}: expected file<TAB>doc_type<TAB>style")
        name, doc_type = row[0].strip(), row[1].strip()
        if doc_type not in DOC_TYPES:
            raise LabelError(f"{tsv}:{n}: unknown doc_type {doc_type!r}; use one of {', '.join(DOC_TYPES)}")
        file = tsv.parent / name
        if not file.is_file():
            raise LabelError(f"{tsv}:{n}: no such file {name!r} in {tsv.parent}")
        labels.append(Label(file, doc_type, row[2].strip() if len(row) > 2 else ""))
    if not labels:
        raise LabelError(f"{tsv}: no labelled documents")
    return labels


def type_documents(labels: list[Label]) -> list[Typed]:
    """Extract each labelled document and keep its type and evidence."""
    from zhenggai.api import extract_notice

    typed = []
    for label in labels:
        notice = extract_notice(label.file)
        typed.append(Typed(label, notice.doc_type or "other", list(notice.doc_type_evidence)))
    return typed


def score_types(typed: list[Typed]) -> dict[str, dict]:
    """Per type ``doc_type.TYPE``: precision, recall, F1, tp, fp, fn; ``doc_type.all``: micro."""
    from zhenggai.facts.doctype import DOC_TYPES

    scores: dict[str, dict] = {}
    for t in DOC_TYPES:
        tp = sum(1 for d in typed if d.label.doc_type == t and d.doc_type == t)
        fp = sum(1 for d in typed if d.label.doc_type != t and d.doc_type == t)
        fn = sum(1 for d in typed if d.label.doc_type == t and d.doc_type != t)
        scores[f"doc_type.{t}"] = _prf(tp, fp, fn)
    right = sum(1 for d in typed if d.label.doc_type == d.doc_type)
    scores["doc_type.all"] = _prf(right, len(typed) - right, len(typed) - right)
    return scores


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def format_misses(typed: list[Typed]) -> str:
    """One line per document typed wrong: file, label → type, evidence."""
    lines = [
        f"  {d.label.file.name}: labelled {d.label.doc_type}, got {d.doc_type} ({'; '.join(d.evidence) or 'no evidence'})"
        for d in typed
        if d.label.doc_type != d.doc_type
    ]
    return "document types typed wrong:\n" + ("\n".join(lines) if lines else "  none")
