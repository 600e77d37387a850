"""``zhenggai evaluate GOLD...``: score the extractor against gold files.

A gold file (``NAME.expected.json``) names its notice in ``file``, looked up
in the gold file's folder.  Scores are printed per mention kind, per group of
notice-level facts and for the outline.  A folder with a ``labels.tsv``
(``zhenggai.evaluate_doctype``) is scored for document types, per type.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def gold_files(paths: list[str]) -> list[Path]:
    """Expand folders to the *.expected.json files they hold (sorted); labelled folders
    (``labels.tsv``, document types) are left to ``zhenggai.evaluate_doctype``."""
    from zhenggai.cli import CliError
    from zhenggai.evaluate_doctype import is_labelled

    files: list[Path] = []
    for p in map(Path, paths):
        if is_labelled(p):
            continue
        if p.is_dir():
            found = sorted(p.rglob("*.expected.json"))
            if not found:
                raise CliError(f"{p}: no *.expected.json gold files in this folder")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise CliError(f"{p}: no such gold file or folder")
    return files


def run_evaluate(args: argparse.Namespace) -> int:
    from zhenggai.api import extract_notice
    from zhenggai.cli import CliError
    from zhenggai.errors import InputError
    from zhenggai.evaluate import compare, format_report, score

    from zhenggai.evaluate_taxonomy import format_misses, labelled_file, read_labels, score_taxonomy

    labelled = [(p, labelled_file(p)) for p in args.gold]
    taxonomy_rows = []
    for _, found in labelled:
        if found is not None:
            try:
                taxonomy_rows += read_labels(found)
            except (OSError, ValueError) as exc:
                raise CliError(f"{found}: not a readable labelled issues file ({exc})") from None
    gold_paths = [p for p, found in labelled if found is None]
    comparisons = []
    typed = _typed(gold_paths)
    for gold_path in gold_files(gold_paths) if gold_paths else []:
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CliError(f"{gold_path}: not a readable gold JSON file ({exc})") from None
        if not isinstance(gold, dict) or "file" not in gold:
            raise CliError(f"{gold_path}: gold file has no 'file' key naming its notice; see README 'Gold files'")
        notice_path = gold_path.parent / gold["file"]
        try:
            record = extract_notice(notice_path).model_dump(mode="json")
        except InputError as exc:
            raise CliError(str(exc)) from None
        comparisons.append(compare(record, gold))
    scores = score(comparisons) if comparisons else {}
    if taxonomy_rows:
        scores.update(score_taxonomy(taxonomy_rows))
    type_scores = {}
    if typed:
        from zhenggai.evaluate_doctype import score_types

        type_scores = score_types(typed)
    if args.json:
        print(json.dumps({**scores, **type_scores}, ensure_ascii=False, indent=2))
    else:
        print(format_scores({**scores, **type_scores}))
    if args.report:
        if comparisons:
            print()
            print(format_report(comparisons, scores))
        if taxonomy_rows:
            print()
            print(format_misses(taxonomy_rows))
        if typed:
            from zhenggai.evaluate_doctype import format_misses as format_type_misses

            print()
            print(format_type_misses(typed))
    return 0


def _typed(paths: list[str]) -> list:
    """The labelled documents (labels.tsv folders) among ``paths``, typed by the extractor."""
    from zhenggai.cli import CliError
    from zhenggai.errors import ZhenggaiError
    from zhenggai.evaluate_doctype import LabelError, is_labelled, load_labels, type_documents

    typed = []
    for p in map(Path, paths):
        if not is_labelled(p):
            continue
        try:
            typed.extend(type_documents(load_labels(p)))
        except (LabelError, ZhenggaiError) as exc:  # an unreadable document, a timeout
            raise CliError(str(exc)) from None
    return typed


def format_scores(scores: dict[str, dict]) -> str:
    """A plain table: name, precision, recall, F1, tp, fp, fn."""
    lines = [f"{'scored':<28}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, s in scores.items():
        lines.append(
            f"{name:<28}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
            f"{s.get('tp', 0):>6}{s.get('fp', 0):>6}{s.get('fn', 0):>6}"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: zhenggai evaluate GOLD...")
