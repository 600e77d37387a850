"""Round 8: check_flags' late dates filtered before they are sorted (and the text's Regions built only
when one is found), against round 7's sort of every date mention."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts import flags as F
from zhenggai.facts.regions import Regions
from zhenggai.mentions import find_mentions
from zhenggai.mentions.base import Found
from zhenggai.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]


def old_late_dates(text, found, regions, published, out):
    """Round 7's _late_dates: every date sorted by start, then read in turn."""
    future = F._future_re()
    for f in sorted((f for f in found if f.kind == "date"), key=lambda f: f.start):
        start = F._as_date(f.values.get("date_start"))
        if start is None or start <= published:
            continue
        if f.values.get("relation") in ("before", "until"):
            continue
        ss, _se = regions.sentence(f.start)
        if future.search(text, ss, f.start) or future.search(text, f.end, min(f.end + 3, len(text))):
            continue
        inferred = bool(f.values.get("year_inferred"))
        if not inferred and regions.in_closing(f.start):
            continue
        what = "inferred date" if inferred else "date"
        out.append(("date_after_publication",
                    f"{what} {f.text!r} at {f.start} starts {start.isoformat()}, "
                    f"after the publication day {published.isoformat()}"))


def both(text, found, published, outline=()):
    regions = Regions(text, list(outline))
    old: list = []
    new: list = []
    old_late_dates(text, found, regions, published, old)
    asked = []
    F._late_dates(text, found, lambda: asked.append(1) or regions, published, new)
    return old, new, asked


@pytest.mark.parametrize("path", sorted((ROOT / "corpus/gold").glob("*.txt")) + sorted((ROOT / "tests/fixtures/notices").glob("*.txt")),
                         ids=lambda p: p.stem)
def test_real_notices_flag_the_same_late_dates(path):
    text = normalize(path.read_text(encoding="utf-8")).text
    found = find_mentions(text)
    for published in (dt.date(2000, 1, 1), dt.date(2021, 6, 30), dt.date(2023, 1, 1)):
        old, new, asked = both(text, found, published)
        assert new == old
        assert len(asked) <= 1  # the Regions asked for once at most


def test_an_early_publication_day_flags_real_dates():
    # (the comparison above is not empty: with a day before them all, real dates are flagged)
    text = normalize((ROOT / "corpus/gold").glob("*.txt").__next__().read_text(encoding="utf-8")).text
    old, new, asked = both(text, find_mentions(text), dt.date(2000, 1, 1))
    assert new == old and new and asked == [1]


VALUES = st.one_of(
    st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2026, 12, 31)),
    st.datetimes(min_value=dt.datetime(2018, 1, 1), max_value=dt.datetime(2026, 12, 31)),
    st.sampled_from(["2023-05-01", "2024-02-30", "bad", "20240101", None]),
)


@st.composite
def date_lists(draw):
    text = draw(st.text(alphabet="计划力争底前。，\n整改年月日于至", min_size=40, max_size=80))
    found = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, len(text) - 2))
        end = draw(st.integers(start + 1, len(text)))
        kind = draw(st.sampled_from(["date", "date", "count", "unparsed_date"]))
        values = {"date_start": draw(VALUES), "relation": draw(st.sampled_from([None, "before", "until", "after"])),
                  "year_inferred": draw(st.booleans())}
        found.append(Found(kind, start, end, text[start:end], values))
    return text, found


@settings(max_examples=400, deadline=None)
@given(date_lists(), st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2025, 12, 31)))
def test_property_late_dates_as_round_7(case, published):
    text, found = case
    old, new, asked = both(text, found, published)
    assert new == old
    assert len(asked) <= 1
