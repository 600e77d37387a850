"""Shared checks of gold files (the seed's expected-file format), for fixtures and the gold set."""

from __future__ import annotations

import json
from pathlib import Path

from zhenggai.evaluate import MENTION_KINDS

TOP_KEYS = {"file", "note", "title", "issuer", "source", "inspection", "totals", "contact", "sections",
            "closing_items", "mentions"}
MENTION_KEYS = {
    "money": {"text", "start", "end", "value", "value_max", "approx"},
    "percent": {"text", "start", "end", "value", "value_max", "approx"},
    "points": {"text", "start", "end", "value", "approx"},
    "multiple": {"text", "start", "end", "value"},
    "date": {"text", "start", "end", "date_start", "date_end", "granularity", "year_inferred", "relation"},
    "count": {"text", "start", "end", "value", "unit", "noun", "approx"},
}


def load(path: Path) -> tuple[dict, str]:
    """A gold file and the text of the notice it names."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (path.parent / gold["file"]).read_text(encoding="utf-8")


def assert_gold_format(path: Path, gold: dict, text: str, lengths: tuple[int, int]) -> None:
    """Keys as in the seed's file, mentions in order and not overlapping, the notice of a sensible length."""
    assert set(gold) == TOP_KEYS
    assert gold["file"] == path.name.removesuffix(".expected.json") + ".txt"
    assert lengths[0] <= len(text) <= lengths[1]
    assert set(gold["source"]) == {"site", "published_at"}
    # Every kind is listed, except points, which gold files written before the kind existed leave out.
    assert set(MENTION_KINDS) - {"points"} <= set(gold["mentions"]) <= set(MENTION_KINDS)
    for kind, items in gold["mentions"].items():
        starts = [m["start"] for m in items]
        assert starts == sorted(starts), f"{kind} mentions out of order"
        for m in items:
            assert set(m) <= MENTION_KEYS[kind] and m["end"] - m["start"] == len(m["text"])
        if kind == "date":
            assert all(m["date_start"] <= m["date_end"] for m in items)
    for sec in gold["sections"]:
        assert set(sec) == {"level", "marker", "start", "issue", "measures", "ordinal"}
        for item in sec["measures"]:
            assert set(item) == {"level", "marker", "ordinal", "start", "title"}
    spans = sorted((m["start"], m["end"]) for items in gold["mentions"].values() for m in items)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "mentions overlap"
