"""build_notice validates all records in one call, and falls back to one mention at a time.

A mention the schema refuses must still become an ``invalid_mention`` flag while
the other mentions (and the sections) are kept, exactly as when every mention
was validated on its own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import zhenggai.assemble as assemble
from zhenggai.api import extract_text
from zhenggai.mentions.base import Found

TEXT = (
    "截至2023年6月,反馈问题44个,已完成整改41个,整改完成率93.2%,追回资金12.5万元。\n"
    "一、关于“制度执行不严”问题的整改情况\n1.健全制度。新建制度3项。\n"
)


def _spoil(kind: str, values: dict):
    """A find_mentions that gives every ``kind`` mention the (invalid) ``values``."""
    real = assemble.find_mentions

    def fake(text, published=None):
        return [Found(f.kind, f.start, f.end, f.text, {**f.values, **values}) if f.kind == kind else f
                for f in real(text, published=published)]

    return fake


CASES = [
    ("negative_count", "count", {"value": Decimal(-1)}, "value: Input should be greater than or equal to 0"),
    ("percent_approx_not_bool", "percent", {"approx": "sometimes"},
     "approx: Input should be a valid boolean"),
]


@pytest.mark.parametrize("kind,values,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_invalid_mention_becomes_a_flag_and_the_rest_is_kept(monkeypatch, kind, values, message):
    good = extract_text(TEXT)
    monkeypatch.setattr(assemble, "find_mentions", _spoil(kind, values))
    notice = extract_text(TEXT)
    invalid = [f for f in notice.flags if f.code == "invalid_mention"]
    spoiled = [m for m in good.mentions if m.kind == kind]
    assert len(invalid) == len(spoiled) > 0
    assert all(message in f.message and f.message.startswith(kind) for f in invalid)
    assert [m for m in notice.mentions] == [m for m in good.mentions if m.kind != kind]
    assert notice.sections == good.sections
    assert [f for f in notice.flags if f.code != "invalid_mention"] == list(good.flags)


def test_valid_records_take_the_single_call():
    notice = extract_text(TEXT)
    assert {m.kind for m in notice.mentions} >= {"date", "count", "percent", "money"}
    assert notice.sections[0].children[0].heading == "健全制度"
    assert not [f for f in notice.flags if f.code == "invalid_mention"]


# -- a fact the schema refuses is dropped with a flag, never a crash (issue 13, item 5) -------------

def test_inspection_ending_before_it_starts_is_a_flag():
    notice = extract_text("2023年9月至上半年，市委第四巡察组开展巡察。")
    flags = [f for f in notice.flags if f.code == "invalid_fact"]
    assert len(flags) == 1 and "inspection" in flags[0].message and "before its start" in flags[0].message
    assert notice.inspection.team == "市委第四巡察组"  # the rest of the fact is kept
    start, end = notice.inspection.start, notice.inspection.end
    assert start is None or end is None or start <= end


def _spoil_facts(section: str, values: dict):
    """zhenggai.facts with an extract_facts that writes ``values`` into one fact (a dict)."""
    import zhenggai.facts as facts_pkg

    real = facts_pkg.extract_facts

    def fake(*args, **kwargs):
        facts = real(*args, **kwargs)
        getattr(facts, section).update(values)
        return facts

    return facts_pkg, fake


@pytest.mark.parametrize(
    "section,values,field",
    [
        ("inspection", {"feedback_date": "not a date"}, "feedback_date"),
        ("contact", {"phone": 12345}, "phone"),
        ("totals", {"issues": -5}, "issues"),
        ("totals", {"completion_rate": "many"}, "completion_rate"),
    ],
    ids=["inspection-field", "contact-field", "totals-negative", "totals-type"],
)
def test_any_invalid_fact_field_is_dropped_with_a_flag(monkeypatch, section, values, field):
    facts_pkg, fake = _spoil_facts(section, values)
    monkeypatch.setattr(facts_pkg, "extract_facts", fake)
    notice = extract_text(TEXT)
    flags = [f for f in notice.flags if f.code == "invalid_fact"]
    assert flags and any(field in f.message for f in flags), notice.flags
    assert getattr(getattr(notice, section), field) is None
    assert notice.mentions  # everything else kept


def test_a_refused_money_total_is_dropped_with_a_flag_and_the_rest_kept(monkeypatch):
    """The one-call path fails on it; the fact-by-fact path drops only that total."""
    import zhenggai.facts as facts_pkg

    real = facts_pkg.extract_facts

    def fake(*args, **kwargs):
        facts = real(*args, **kwargs)
        facts.totals["money"][0]["value"] = Decimal(-3)
        return facts

    good = extract_text(TEXT)
    assert len(good.totals.money) == 1
    monkeypatch.setattr(facts_pkg, "extract_facts", fake)
    notice = extract_text(TEXT)
    flags = [f for f in notice.flags if f.code == "invalid_fact"]
    assert len(flags) == 1 and flags[0].message.startswith("money total dropped: value:")
    assert notice.totals.money == [] and notice.totals.issues == good.totals.issues == 44
    assert notice.mentions == good.mentions and notice.sections == good.sections
