"""Score the issue taxonomy against a labelled set of issue statements.

A labelled set is a tab-separated file named ``issues.tsv`` (a folder holding one may be named
instead), with a header line and these columns:

``id``        a unique name of the row
``issue``     the issue statement as a notice would write it
``frame``     the heading above it that groups issues (一、落实全面从严治党战略部署方面), or empty
``audit``     1 when the statement comes from an audit report, else 0
``level1``    the framework part (docs/taxonomy.md): policy | party_discipline | organisation |
              rectification | other
``tags``      the topic tags that apply, separated by ``;`` (may be empty)

Scores: P/R/F1 per level-1 code (one label per row) and per tag (several per row), and the
micro-averages ``taxonomy.level1`` (accuracy, as P = R = F1) and ``taxonomy.tags``.

>>> rows = [{"id": "a", "issue": "公车私用", "frame": "", "audit": "0",
...          "level1": "party_discipline", "tags": "eight_rules"}]
>>> score_taxonomy(rows)["taxonomy.tags"]["f1"]
1.0
"""

from __future__ import annotations

import csv
from pathlib import Path

from zhenggai.evaluate import prf

LABELS_FILE = "issues.tsv"
COLUMNS = ("id", "issue", "frame", "audit", "level1", "tags")


def labelled_file(path: str | Path) -> Path | None:
    """The issues.tsv that ``path`` names (the file itself or the one in a folder), else None."""
    path = Path(path)
    if path.is_dir() and (path / LABELS_FILE).is_file():
        return path / LABELS_FILE
    if path.is_file() and path.name == LABELS_FILE:
        return path
    return None


def read_labels(path: Path) -> list[dict[str, str]]:
    """Rows of a labelled file; a missing column is a ValueError naming it."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; see docs/taxonomy.md")
        return [dict(row) for row in reader]


def predict(row: dict[str, str]):
    """The categories the rules give one labelled row."""
    from zhenggai.facts.categories import categorize

    frames = [row["frame"]] if row.get("frame") else []
    return categorize(row["issue"], frames=frames, audit=row.get("audit", "0").strip() == "1")


def compare_rows(rows: list[dict[str, str]]) -> list[tuple[dict, str, set[str], str, set[str]]]:
    """(row, gold level 1, gold tags, predicted level 1, predicted tags) for every row."""
    out = []
    for row in rows:
        cats = predict(row)
        got1 = next(c.code for c in cats if c.level == 1)
        got_tags = {c.code for c in cats if c.level == 2}
        gold_tags = {t.strip() for t in (row.get("tags") or "").split(";") if t.strip()}
        out.append((row, row["level1"].strip(), gold_tags, got1, got_tags))
    return out


def score_taxonomy(rows: list[dict[str, str]]) -> dict[str, dict]:
    """P/R/F1 per level-1 code and per tag, and the two micro-averages."""
    from zhenggai.facts.categories import level1_labels, tag_labels

    results = compare_rows(rows)
    scores: dict[str, dict] = {}
    right1 = sum(gold1 == got1 for _, gold1, _, got1, _ in results)
    scores["taxonomy.level1"] = prf(right1, len(results) - right1, len(results) - right1)
    for code in level1_labels():
        tp = sum(g == code and p == code for _, g, _, p, _ in results)
        fp = sum(g != code and p == code for _, g, _, p, _ in results)
        fn = sum(g == code and p != code for _, g, _, p, _ in results)
        if tp or fp or fn:
            scores[f"level1.{code}"] = prf(tp, fp, fn)
    tp_all = fp_all = fn_all = 0
    for code in tag_labels():
        tp = sum(code in g and code in p for _, _, g, _, p in results)
        fp = sum(code not in g and code in p for _, _, g, _, p in results)
        fn = sum(code in g and code not in p for _, _, g, _, p in results)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if tp or fp or fn:
            scores[f"tag.{code}"] = prf(tp, fp, fn)
    scores["taxonomy.tags"] = prf(tp_all, fp_all, fn_all)
    return scores


def format_misses(rows: list[dict[str, str]]) -> str:
    """Every row whose level 1 or tags differ from the labels (for --report)."""
    lines = []
    for row, gold1, gold_tags, got1, got_tags in compare_rows(rows):
        if gold1 != got1 or gold_tags != got_tags:
            lines.append(f"{row['id']}: {row['issue']}")
            if gold1 != got1:
                lines.append(f"  level1: labelled {gold1}, got {got1}")
            if gold_tags - got_tags:
                lines.append(f"  missed tags: {', '.join(sorted(gold_tags - got_tags))}")
            if got_tags - gold_tags:
                lines.append(f"  spurious tags: {', '.join(sorted(got_tags - gold_tags))}")
    return "\n".join(lines) if lines else "no differences"
