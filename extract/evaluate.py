"""Compare an extracted record with a hand-authored gold file and score many comparisons.

The gold format is the one of ``seeds/*.expected.json`` and ``tests/fixtures/notices/*.expected.json``:
notice facts (title, issuer, source, inspection, totals, contact), the issue outline
(``sections`` with their ``measures``), ``closing_items`` and complete lists of money, percent,
points, multiple, date and count mentions with offsets and values.  A mention kind the gold file
does not list (no key under ``mentions``) is not scored: its records are neither matched nor
spurious.

>>> gold = {"file": "x.txt", "mentions": {"money": [
...     {"text": "12.5万元", "start": 4, "end": 10, "value": 125000}]}}
>>> record = {"mentions": [{"kind": "money", "text": "约12.5万元", "start": 3, "end": 10,
...                         "value": 125000}]}
>>> c = compare(record, gold)
>>> len(c.mentions["money"].matched), score([c])["mentions.money"]["f1"]
(1, 1.0)

Matching rules (see DESIGN.md): a mention matches when its span overlaps the gold span and its
value is equal — money ``value``, percent ``value`` (±0.01), points ``value``, multiple ``value``, date
``date_start`` + ``date_end``, count ``value`` + ``unit``.  Strings (facts, issue texts, measure
titles, markers) are compared after :func:`zhenggai.normalize.normalize`, with white space removed
and trailing punctuation dropped, so ``，`` and ``,`` are the same.  A gold value of ``None`` (or a
missing key) is not scored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator

from zhenggai.evaluate_outline import (  # noqa: F401  (re-exported public API)
    START_TOLERANCE,
    OutlineResult,
    check_gold,
    compare_outline,
    heading_title,
    norm_marker,
    norm_text,
    record_closing_items,
    record_issues,
    record_measures,
)

MENTION_KINDS = ("money", "percent", "points", "multiple", "date", "count")
FACT_GROUPS = ("title", "issuer", "source", "inspection", "totals", "contact")
OUTLINE_PARTS = ("issues", "measures", "closing")
# Percent values may differ by rounding: 三分之二 → 66.67 or 66.666…
PERCENT_TOLERANCE = Decimal("0.01")


# --------------------------------------------------------------------------- results


@dataclass
class MentionResult:
    """Outcome for one mention kind: pairs are (gold, record) dicts."""

    kind: str
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    wrong: list[tuple[dict, dict]] = field(default_factory=list)  # overlap, value differs
    missed: list[dict] = field(default_factory=list)  # gold without any overlapping record
    spurious: list[dict] = field(default_factory=list)  # record overlapping no gold
    extra: list[dict] = field(default_factory=list)  # record overlapping a gold already paired


@dataclass
class FactResult:
    """One scored fact: ``key`` is a dotted path such as ``inspection.start``."""

    group: str
    key: str
    gold: Any
    got: Any
    equal: bool


@dataclass
class Comparison:
    """Everything :func:`compare` found for one notice."""

    file: str
    mentions: dict[str, MentionResult]
    facts: list[FactResult]
    outline: dict[str, OutlineResult]

    def facts_unequal(self) -> list[FactResult]:
        return [f for f in self.facts if not f.equal]

    def is_perfect(self) -> bool:
        """No miss, wrong, spurious or extra anywhere and every fact equal."""
        for r in self.mentions.values():
            if r.wrong or r.missed or r.spurious or r.extra:
                return False
        for o in self.outline.values():
            if o.wrong or o.missed or o.spurious:
                return False
        return not self.facts_unequal()


# --------------------------------------------------------------------------- helpers


def _dec(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def _same_value(kind: str, gold: dict, rec: dict) -> bool:
    if kind == "date":
        return str(gold.get("date_start")) == str(rec.get("date_start")) and str(
            gold.get("date_end")
        ) == str(rec.get("date_end"))
    g, r = _dec(gold.get("value")), _dec(rec.get("value"))
    if g is None or r is None:
        return False
    if kind == "percent":
        return abs(g - r) <= PERCENT_TOLERANCE
    if kind == "count":
        return g == r and norm_text(gold.get("unit")) == norm_text(rec.get("unit"))
    return g == r


# --------------------------------------------------------------------------- mentions


def compare_mentions(kind: str, gold: list[dict], records: list[dict]) -> MentionResult:
    """Pair gold and record mentions of one kind by overlapping span, preferring equal values.

    >>> r = compare_mentions("count", [{"text": "3个", "start": 0, "end": 2, "value": 3, "unit": "个"}],
    ...                      [{"text": "3个", "start": 0, "end": 2, "value": 3, "unit": "项"}])
    >>> len(r.wrong), len(r.matched)
    (1, 0)
    """
    result = MentionResult(kind)
    used: set[int] = set()
    for g in sorted(gold, key=lambda m: m["start"]):
        candidates = [(i, r) for i, r in enumerate(records) if i not in used and _overlap(g, r) > 0]
        if not candidates:
            result.missed.append(g)
            continue
        equal = [(i, r) for i, r in candidates if _same_value(kind, g, r)]
        pool = equal or candidates
        i, r = max(pool, key=lambda ir: _overlap(g, ir[1]))
        used.add(i)
        (result.matched if equal else result.wrong).append((g, r))
    for i, r in enumerate(records):
        if i in used:
            continue
        if any(_overlap(g, r) > 0 for g in gold):
            result.extra.append(r)
        else:
            result.spurious.append(r)
    return result


# --------------------------------------------------------------------------- facts


def _equal_fact(key: str, gold: Any, got: Any) -> bool:
    if got is None:
        return False
    leaf = key.rsplit(".", 1)[-1]
    if key == "source.published_at":
        return _equal_timestamp(str(gold), str(got))
    if leaf in ("start", "end", "feedback_date"):
        return str(gold)[:10] == str(got)[:10]
    if isinstance(gold, (int, float, Decimal)) and not isinstance(gold, bool):
        g, r = _dec(gold), _dec(got)
        return g is not None and r is not None and g == r
    return norm_text(gold) == norm_text(got)


def _equal_timestamp(gold: str, got: str) -> bool:
    """A gold date-time needs the same date-time; a gold date only the same date."""
    try:
        g = dt.datetime.fromisoformat(gold)
        r = dt.datetime.fromisoformat(got)
    except ValueError:
        return gold == got
    if "T" not in gold and " " not in gold:
        return g.date() == r.date()
    return g == r


def _fact_items(gold: dict) -> Iterator[tuple[str, str, Any]]:
    """(group, dotted key, gold value) for every scored fact of a gold file."""
    for group in ("title", "issuer"):
        if gold.get(group) is not None:
            yield group, group, gold[group]
    for group in ("source", "inspection", "totals", "contact"):
        for key, value in (gold.get(group) or {}).items():
            if value is None or isinstance(value, (list, dict)):
                continue
            if group == "source" and key not in ("site", "published_at"):
                continue
            yield group, f"{group}.{key}", value


def _lookup(record: dict, dotted: str) -> Any:
    node: Any = record
    for part in dotted.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def compare_facts(record: dict, gold: dict) -> list[FactResult]:
    """Equal-or-not for each non-null gold fact."""
    out = []
    for group, key, value in _fact_items(gold):
        got = _lookup(record, key)
        out.append(FactResult(group, key, value, got, _equal_fact(key, value, got)))
    return out


# --------------------------------------------------------------------------- public API


def compare(record: dict, gold: dict) -> Comparison:
    """Compare one record (``Notice.model_dump(mode="json")``) with its gold file dict."""
    by_kind: dict[str, list[dict]] = {k: [] for k in MENTION_KINDS}
    for m in record.get("mentions") or []:
        if m.get("kind") in by_kind:
            by_kind[m["kind"]].append(m)
    gold_mentions = gold.get("mentions") or {}
    # A kind the gold file does not list is not scored (its mentions are neither spurious nor missed).
    mentions = {k: compare_mentions(k, gold_mentions.get(k) or [], by_kind[k]) for k in MENTION_KINDS
                if k in gold_mentions}
    return Comparison(
        file=str(gold.get("file", "")),
        mentions=mentions,
        facts=compare_facts(record, gold),
        outline=compare_outline(record, gold),
    )


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1; an empty denominator counts as 1.0 (nothing to get wrong).

    >>> prf(3, 1, 2)["f1"]
    0.6667
    """
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp, "fp": fp, "fn": fn,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
    }


def score(comparisons: list[Comparison]) -> dict[str, dict]:
    """Micro-averaged scores per mention kind, fact group and outline part, plus ``*.all``.

    Only what the gold files list is scored: a kind (or part) that no gold file lists is absent.

    Mentions and outline: tp = matched, fp = wrong + spurious (+ extra), fn = wrong + missed.
    Facts: tp = equal, fp = a value that differs, fn = every gold fact not equal.
    """
    counts: dict[str, list[int]] = {}

    def add(name: str, tp: int, fp: int, fn: int) -> None:
        c = counts.setdefault(name, [0, 0, 0])
        c[0] += tp
        c[1] += fp
        c[2] += fn

    order = ([f"mentions.{k}" for k in MENTION_KINDS] + ["mentions.all"]
             + [f"facts.{g}" for g in FACT_GROUPS] + ["facts.all"]
             + [f"outline.{p}" for p in OUTLINE_PARTS] + ["outline.all"])

    for c in comparisons:
        for kind, r in c.mentions.items():
            tp, fp = len(r.matched), len(r.wrong) + len(r.spurious) + len(r.extra)
            fn = len(r.wrong) + len(r.missed)
            add(f"mentions.{kind}", tp, fp, fn)
            add("mentions.all", tp, fp, fn)
        for f in c.facts:
            tp = int(f.equal)
            fp = int(not f.equal and f.got is not None)
            fn = int(not f.equal)
            add(f"facts.{f.group}", tp, fp, fn)
            add("facts.all", tp, fp, fn)
        for part, o in c.outline.items():
            tp, fp = len(o.matched), len(o.wrong) + len(o.spurious)
            fn = len(o.wrong) + len(o.missed)
            add(f"outline.{part}", tp, fp, fn)
            add("outline.all", tp, fp, fn)
    # Only what some gold file scores: a kind, fact group or part no gold file lists is left out.
    return {name: prf(*counts[name]) for name in order if name in counts}


def format_report(comparisons: list[Comparison], scores: dict[str, dict] | None = None) -> str:
    """A readable listing of every miss, spurious, wrong value and unequal fact, then the scores."""
    from zhenggai.evaluate_report import render

    return render(comparisons, scores if scores is not None else score(comparisons))
