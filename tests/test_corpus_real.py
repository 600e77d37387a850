"""The batch run with zhenggai's own extractor (not the template oracle) on a small generated corpus."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.compare import compare
from zhenggai.corpus.synth import write_corpus

N = 20


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    plan = write_corpus(root / "in", n=N)
    out = root / "ds"
    summary = run_batch([root / "in"], out, jobs=2, progress=False)
    return root, plan, out, summary, load(out)


def test_nothing_lost(real):
    _, plan, _, summary, t = real
    names = sorted(list(t["notices"]["input"]) + list(t["errors"]["input"]))
    assert names == sorted(plan.inputs)
    assert summary.inputs == len(plan.inputs)
    # Empty, blank, binary and malformed crawl lines are errors whatever the extractor thinks of prose.
    for name in plan.broken:
        if not name.endswith("weather.txt"):
            assert name in set(t["errors"]["input"]), name


def test_stated_totals_match_the_generation_parameters(real):
    root, plan, _, _, t = real
    n = t["notices"].set_index("input")
    for spec in plan.specs[:N]:
        row = n.loc[str(root / "in" / "notices" / spec.region[1] / f"n{spec.index:04d}.txt")]
        got = [row[c] for c in ("totals_aspects", "totals_issues", "totals_completed", "totals_people_disciplined",
                                "totals_systems_established", "year")]
        assert got == [spec.aspects, spec.issues, spec.completed, spec.disciplined, spec.systems,
                       spec.published.year], spec.index
        assert Decimal(row["totals_completion_rate_exact"]) == spec.completion_rate


def test_children_join_and_reposts(real):
    _, plan, _, _, t = real
    notices = t["notices"]
    assert notices["notice_id"].is_unique
    ids = set(notices["notice_id"])
    for child in ("sections", "mentions", "documents", "money_totals"):
        assert set(t[child]["notice_id"]) <= ids, child
    n = notices.set_index("input")
    for repost, original in plan.reposts.items():
        assert n.loc[repost, "duplicate_of"] == n.loc[original, "notice_id"]


def test_compare_by_sector_matches(real):
    _, plan, out, _, _ = real
    frame = compare(out, by="sector").set_index("sector")
    for sector in {s.sector for s in plan.specs}:
        specs = [s for s in plan.specs if s.sector == sector]
        row = frame.loc[sector]
        assert row["notices"] == len(specs)
        assert row["issues"] == sum(s.issues for s in specs)
        assert row["money_追回_yuan"] == pytest.approx(float(sum(s.money_recovered_wan for s in specs) * 10000))


def test_compare_counts_issue_categories(real):
    """Each synthetic notice has two issue sections; every one gets a framework part, and the
    shares of the five parts add up to 100 in every group."""
    _, plan, out, _, _ = real
    frame = compare(out, by="sector").set_index("sector")
    parts = ("policy", "party_discipline", "organisation", "rectification", "other")
    for sector in {s.sector for s in plan.specs}:
        row = frame.loc[sector]
        assert row["issue_sections"] == 2 * row["notices"]
        assert sum(row[f"l1_{c}"] for c in parts) == row["issue_sections"]
        assert sum(row[f"l1_{c}_share"] for c in parts) == pytest.approx(100, abs=0.5)
        assert row["top_tags"]
