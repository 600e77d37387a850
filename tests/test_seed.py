"""The real sample notice (../shared/seeds, never copied into the project) against its gold facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zhenggai import extract_text
from zhenggai.evaluate import MENTION_KINDS, check_gold, compare, format_report, score

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED = SEEDS / "hangzhou-civil-affairs-2023.txt"
GOLD = SEEDS / "hangzhou-civil-affairs-2023.expected.json"


@pytest.fixture(scope="module")
def seed():
    if not (SEED.exists() and GOLD.exists()):
        pytest.skip("the sample notice is not available (../shared/seeds)")
    return SEED.read_text(encoding="utf-8"), json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def comparison(seed):
    text, gold = seed
    record = extract_text(text).model_dump(mode="json")
    c = compare(record, gold)
    return record, c, format_report([c], score([c]))


def test_gold_fits_the_seed(seed):
    text, gold = seed
    assert check_gold(gold, text) == []


@pytest.mark.parametrize("kind", MENTION_KINDS)
def test_no_missed_or_wrong_mentions(comparison, kind):
    _, c, report = comparison
    if kind not in c.mentions:  # a kind the seed's gold file does not list is not scored (points)
        pytest.skip(f"the seed's gold file lists no {kind} mentions")
    r = c.mentions[kind]
    assert not r.missed and not r.wrong, report


@pytest.mark.parametrize("kind", ["money", "date", "count"])
def test_no_spurious_mentions(comparison, kind):
    _, c, report = comparison
    r = c.mentions[kind]
    assert not r.spurious and not r.extra, report


def test_all_facts_equal(comparison):
    _, c, report = comparison
    assert not c.facts_unequal(), report


@pytest.mark.parametrize(("part", "expected"), [("issues", 10), ("measures", 24), ("closing", 3)],
                         ids=["issues", "measures", "closing"])
def test_outline_matched(comparison, part, expected):
    _, c, report = comparison
    o = c.outline[part]
    assert len(o.matched) == expected, report
    assert not (o.missed or o.wrong or o.spurious), report


def test_no_flags(comparison):
    record, _, _ = comparison
    assert record.get("flags") == []
