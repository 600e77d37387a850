"""The fixture notices (tests/fixtures/notices) against their hand-authored gold files.

Each NAME.txt is a notice written for this project in the style of a real-world layout; its
NAME.expected.json lists the facts a correct extraction must produce, in the seed's gold format.
The gold checks guard the files themselves; the extraction checks compare zhenggai's record with them.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.gold_format import assert_gold_format, load
from zhenggai import extract_text
from zhenggai.evaluate import MENTION_KINDS, check_gold, compare, format_report, score

NOTICES = Path(__file__).resolve().parent / "fixtures" / "notices"
LOCATE = Path(__file__).resolve().parent / "fixtures" / "tools" / "locate.py"
GOLD_FILES = sorted(NOTICES.glob("*.expected.json"))
IDS = [p.name.removesuffix(".expected.json") for p in GOLD_FILES]




def extract(text: str) -> dict:
    return extract_text(text).model_dump(mode="json")


def test_there_are_enough_fixtures():
    assert len(GOLD_FILES) >= 9


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_gold_offsets_fit_the_text(path):
    gold, text = load(path)
    assert check_gold(gold, text) == []


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_gold_format_matches_the_seed(path):
    gold, text = load(path)
    assert_gold_format(path, gold, text, lengths=(1500, 4000))


def test_locate_tool_would_change_nothing():
    spec = importlib.util.spec_from_file_location("fixture_locate", LOCATE)
    locate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(locate)
    for path in GOLD_FILES:
        assert locate.process(path, check=True, show_review=False), path.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_extraction_matches_gold(path):
    gold, text = load(path)
    record = extract(text)
    c = compare(record, gold)
    report = format_report([c], score([c]))
    for kind, r in c.mentions.items():
        assert not (r.missed or r.wrong or r.spurious or r.extra), f"{kind}\n{report}"
    assert not c.facts_unequal(), report
    for part, o in c.outline.items():
        assert not (o.missed or o.wrong or o.spurious), f"{part}\n{report}"
