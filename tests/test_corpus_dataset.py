"""Batch runs over a generated corpus: nothing lost, joins, reposts, comparisons, --resume, Dask.

The corpus (zhenggai.corpus.synth.write_corpus) holds 200 notices in UTF-8, UTF-8 with BOM and
GB18030, broken files, reposts and a crawl JSONL file; the template oracle extracts them, so every
expected figure comes from the generation parameters, not from the code under test.
"""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.compare import compare
from zhenggai.corpus.dataset import TABLES, resolve
from zhenggai.corpus.synth import Oracle, write_corpus

ORACLE = "zhenggai.corpus.synth:oracle"


def _need_regions():
    from zhenggai.corpus.orgs import regions_available

    # cpca is a declared dependency: a missing gazetteer is a broken install, not a skip.
    assert regions_available(), "cpca (region gazetteer) is not importable: pip install -e ."
N = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    plan = write_corpus(root / "in", n=N)
    return root, plan


@pytest.fixture(scope="module")
def local(corpus):
    root, plan = corpus
    out = root / "local"
    summary = run_batch([root / "in"], out, jobs=2, extractor=ORACLE, chunk_size=40, progress=False)
    return out, summary, load(out)


def _frames_equal(a: dict, b: dict) -> None:
    for table in TABLES:
        left, right = a[table].reset_index(drop=True), b[table].reset_index(drop=True)
        pd.testing.assert_frame_equal(left, right, check_dtype=True, obj=table)


def test_every_input_is_one_row(corpus, local):
    _, plan = corpus
    _, summary, t = local
    names = list(t["notices"]["input"]) + list(t["errors"]["input"])
    assert sorted(names) == sorted(plan.inputs)
    assert len(names) == len(set(names)) == summary.inputs
    assert sorted(t["errors"]["input"]) == sorted(plan.broken)
    assert summary.failed == len(plan.broken)


def test_notice_id_is_a_key_and_children_join(local):
    _, _, t = local
    notices = t["notices"]
    assert notices["notice_id"].is_unique
    for child in ("sections", "mentions", "money_totals"):
        assert len(t[child]) > 0
        joined = t[child].merge(notices[["notice_id"]], on="notice_id", how="left", indicator=True)
        assert (joined["_merge"] == "both").all(), child
    # Two money totals and two issue sections per notice, also for reposts.
    assert (t["money_totals"].groupby("notice_id").size() == 2).all()
    assert t["sections"].query("role == 'issue'").groupby("notice_id").size().eq(2).all()
    assert len(t["money_totals"]) == 2 * len(notices)


def test_mention_offsets_index_the_text(local):
    _, _, t = local
    text = dict(zip(t["notices"]["notice_id"], t["notices"]["text"]))
    for row in t["mentions"].head(300).itertuples():
        assert text[row.notice_id][row.start:row.end] == row.text
    money = t["mentions"].query("kind == 'money'")
    assert (money["value_exact"].map(Decimal).astype(float) == money["value"]).all()


def test_reposts_point_to_their_original(corpus, local):
    _, plan = corpus
    _, _, t = local
    n = t["notices"].set_index("input")
    for repost, original in plan.reposts.items():
        assert n.loc[repost, "duplicate_of"] == n.loc[original, "notice_id"], repost
        assert n.loc[repost, "duplicate_kind"] == ("near" if repost in plan.near else "exact")
        assert pd.isna(n.loc[original, "duplicate_of"])
    assert n["duplicate_of"].notna().sum() == len(plan.reposts)


def test_organisation_region_sector_level(corpus, local):
    _need_regions()
    _, plan = corpus
    _, _, t = local
    n = t["notices"].set_index("input")
    for spec in plan.specs[:N]:
        row = n.loc[str(Path(plan.inputs[0]).parents[2] / "notices" / spec.region[1] / f"n{spec.index:04d}.txt")]
        assert row["organisation"] == spec.organisation
        assert (row["region_province"], row["region_city"], row["region_code"]) == (
            spec.region[0], spec.region[1], spec.region[3])
        assert row["sector"] == spec.sector
        assert row["level"] == spec.level


def _expected_by(plan, key):
    groups = defaultdict(lambda: defaultdict(Decimal))
    for spec in plan.specs:  # canonical notices: the 200 files and the crawl lines
        g = groups[key(spec)]
        g["notices"] += 1
        g["issues"] += spec.issues
        g["completed"] += spec.completed
        g["people_disciplined"] += spec.disciplined
        g["systems_established"] += spec.systems
        g["money_追回_yuan"] += spec.money_recovered_wan * 10000
        g["money_清退_yuan"] += spec.money_refunded_yuan
    return groups


@pytest.mark.parametrize(
    "by,key",
    [
        ("sector", lambda s: s.sector),
        ("year", lambda s: str(s.published.year)),
        ("organisation", lambda s: s.organisation),
        ("region", lambda s: f"{s.region[0]} {s.region[1]}"),
        ("level", lambda s: s.level),
    ],
    ids=["sector", "year", "organisation", "region", "level"],
)
def test_compare_equals_generation_parameters(corpus, local, by, key):
    if by in ("organisation", "region", "level"):
        _need_regions()
    _, plan = corpus
    out, _, _ = local
    frame = compare(out, by=by).set_index(by)
    expected = _expected_by(plan, key)
    assert set(frame.index) == set(expected)
    for group, exp in expected.items():
        row = frame.loc[group]
        for col in ("notices", "issues", "completed", "people_disciplined", "systems_established"):
            assert row[col] == int(exp[col]), (group, col)
        for col in ("money_追回_yuan", "money_清退_yuan"):
            assert row[col] == pytest.approx(float(exp[col])), (group, col)
        rate = (exp["completed"] * 100 / exp["issues"]).quantize(Decimal("0.01"))
        assert row["completion_rate"] == pytest.approx(float(rate))
    # The oracle's records carry no categories: the columns are there, empty (see test_corpus_real).
    assert {"issue_sections", "l1_policy_share", "top_tags"} <= set(frame.columns)


def test_manifest_records_every_input_hash(corpus, local):
    _, plan = corpus
    out, _, _ = local
    manifest = json.loads((resolve(out) / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["inputs"]) == sorted(plan.inputs)
    assert manifest["counts"]["notices"] + manifest["counts"]["errors"] == len(plan.inputs)
    assert not list(out.glob(".tmp-*"))
    assert (out / "dataset.duckdb").is_file()


def test_duckdb_file_has_views(local):
    import duckdb

    out, _, t = local
    con = duckdb.connect(str(out / "dataset.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM notices").fetchone()[0] == len(t["notices"])
    assert con.execute("SELECT count(*) FROM canonical_notices").fetchone()[0] == N + 3


def test_resume_after_interrupted_run_gives_the_same_dataset(corpus, local, tmp_path, monkeypatch):
    root, plan = corpus
    _, _, expected = local
    out = tmp_path / "ds"
    calls = {"n": 0}
    real = Oracle.from_bytes

    def interrupting(self, data, name, **kw):
        calls["n"] += 1
        if calls["n"] == 120:
            raise KeyboardInterrupt
        return real(self, data, name, **kw)

    monkeypatch.setattr(Oracle, "from_bytes", interrupting)
    with pytest.raises(KeyboardInterrupt):
        run_batch([root / "in"], out, jobs=1, extractor=ORACLE, chunk_size=25, progress=False)
    monkeypatch.setattr(Oracle, "from_bytes", real)
    assert not (out / "manifest.json").exists()
    assert len(list(out.glob(".tmp-*"))) == 1
    summary = run_batch([root / "in"], out, jobs=1, extractor=ORACLE, chunk_size=25, progress=False, resume=True)
    assert summary.reused >= 100
    assert summary.reused + summary.ok + summary.failed == len(plan.inputs)
    _frames_equal(load(out), expected)
    assert not list(out.glob(".tmp-*"))

    # Resuming a finished dataset redoes only what changed.
    changed = Path(plan.inputs[3])
    original = changed.read_bytes()
    try:
        changed.write_bytes(original.replace("常规巡察".encode("gb18030"), "专项巡察".encode("gb18030"))
                            .replace("常规巡察".encode("utf-8"), "专项巡察".encode("utf-8")))
        summary = run_batch([root / "in"], out, jobs=1, extractor=ORACLE, progress=False, resume=True)
        assert summary.ok + summary.failed == 1
        assert summary.reused == len(plan.inputs) - 1
        again = load(out)
        assert len(again["notices"]) == len(expected["notices"])
        assert "专项巡察" in again["notices"].set_index("input").loc[str(changed), "text"]
    finally:
        changed.write_bytes(original)


def test_dask_local_cluster_equals_local_run(corpus, local, tmp_path):
    root, _ = corpus
    _, _, expected = local
    out = tmp_path / "dask"
    summary = run_batch([root / "in"], out, jobs=2, engine="dask", extractor=ORACLE, chunk_size=40, progress=False)
    assert summary.inputs == len(expected["notices"]) + len(expected["errors"])
    _frames_equal(load(out), expected)


def test_refuses_a_folder_that_is_not_a_dataset(tmp_path):
    from zhenggai.corpus.dataset import DatasetError

    (tmp_path / "thesis.docx").write_bytes(b"mine")
    with pytest.raises(DatasetError, match="not a zhenggai dataset"):
        run_batch([tmp_path / "nothing"], tmp_path, jobs=1, extractor=ORACLE, progress=False)
    assert (tmp_path / "thesis.docx").read_bytes() == b"mine"
