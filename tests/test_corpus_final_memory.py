"""The final pass and DuckDB's memory budget: one retry with a larger budget, then a one-line error.

A run of hours must not be lost at its last step because the budget (``ZHENGGAI_DUCKDB_MEMORY``)
was too small for this corpus: the final pass starts again once with ``RETRY_FACTOR`` times the
budget and says so; if that fails too, the finished inputs are kept for ``--resume`` and the
command says which variable to raise.
"""

from __future__ import annotations

import json

import pytest

from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.dataset import FinalPassMemoryError, resolve
from zhenggai.corpus.finalise import budget_bytes
from zhenggai.corpus.synth import write_corpus

ORACLE = "zhenggai.corpus.synth:oracle"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("final-memory")
    write_corpus(root / "in", n=20)
    return root


@pytest.mark.parametrize(("size", "expected"), [
    ("128MB", 128_000_000), ("128MiB", 128 * 2**20), ("1GB", 10**9), ("1.5GiB", int(1.5 * 2**30)),
    (" 512 kb ", 512_000), ("100B", 100), ("lots", None), ("128", None), ("-1GB", None),
], ids=["mb", "mib", "gb", "fraction", "spaced-lower", "bytes", "word", "no-unit", "negative"])
def test_budget_bytes(size, expected):
    assert budget_bytes(size) == expected


def test_a_pass_that_runs_out_is_run_again_with_a_larger_budget(corpus, monkeypatch):
    import duckdb

    import zhenggai.corpus.finalise as finalise

    budgets = []
    real = finalise._finalise

    def first_runs_out(tmp, sources, reuse, extra, budget, **attempt):
        budgets.append(budget)
        if len(budgets) == 1:
            (tmp / "final" / "notices").mkdir(parents=True)
            (tmp / "final" / "notices" / "part-00009.parquet").write_bytes(b"half-written")
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate data (stand-in)")
        return real(tmp, sources, reuse, extra, budget, **attempt)

    monkeypatch.setenv("ZHENGGAI_DUCKDB_MEMORY", "64MB")
    monkeypatch.setattr(finalise, "_finalise", first_runs_out)
    out = corpus / "retried"
    summary = run_batch([corpus / "in"], out, jobs=1, extractor=ORACLE, progress=False)
    assert budgets == ["64MB", "244MiB"]  # 4 × 64,000,000 bytes, in MiB
    manifest = json.loads((resolve(out) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["final_pass"] == {"duckdb_memory": "244MiB", "ran_out_of": "64MB"}
    assert any("ran out of its DuckDB memory budget (64MB) and ran again with 244MiB" in n for n in summary.notes)
    # The first attempt's half-written files are gone: the tables are those of one clean pass.
    assert [p.name for p in (resolve(out) / "notices").glob("*.parquet")] == ["part-00000.parquet"]
    assert len(load(out)["notices"]) == summary.ok


def test_the_retry_does_not_meet_the_first_attempts_database(corpus, monkeypatch):
    """A connection left open by the first attempt (a step's cursor, a monitor) must not sink the retry.

    DuckDB keeps one database per file while any connection to it lives, and a database whose temporary
    tables have spilled refuses ``SET temp_directory`` ("Cannot switch temporary directory after the
    current one has been used"); the retry therefore works in a folder of its own, and the first
    attempt's connection is closed before it starts.
    """
    import duckdb

    import zhenggai.corpus.finalise as finalise

    connect, opened, lingering = duckdb.connect, [], []

    def watched(path, *args, **kwargs):
        con = connect(path, *args, **kwargs)
        opened.append((str(path), con))
        lingering.append(con.cursor())  # a monitor's connection, as bench/final_pass_memory.py keeps
        return con

    real_id_map = finalise._id_map

    def spills_then_runs_out(con, spill_dir):
        if len(opened) == 1:
            step = con.cursor()
            lingering.append(step)  # a step's cursor the failure leaves behind
            step.execute("SET memory_limit = '16MB'")
            for name in ("spilled_a", "spilled_b"):  # temporary tables larger than the budget: they spill
                step.execute(f"CREATE TEMP TABLE {name} AS SELECT md5(range::VARCHAR) AS s FROM range(300000)")
            assert any(spill_dir.glob("duckdb_temp_*")), "the stand-in step did not spill"
            raise duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block (stand-in)")
        return real_id_map(con, spill_dir)

    monkeypatch.setenv("ZHENGGAI_DUCKDB_MEMORY", "64MB")
    monkeypatch.setattr(duckdb, "connect", watched)
    monkeypatch.setattr(finalise, "_id_map", spills_then_runs_out)
    out = corpus / "retried-open"
    summary = run_batch([corpus / "in"], out, jobs=1, extractor=ORACLE, progress=False)
    manifest = json.loads((resolve(out) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["final_pass"] == {"duckdb_memory": "244MiB", "ran_out_of": "64MB"}
    assert len(load(out)["notices"]) == summary.ok
    (first_path, first), (retry_path, _) = opened[0], opened[1]
    assert first_path != retry_path  # the retry's database is a new one
    with pytest.raises(duckdb.ConnectionException):  # the first attempt's connection was closed
        first.execute("SELECT 1")
    for cursor in lingering:
        cursor.close()


def test_a_budget_too_small_twice_is_one_line_and_keeps_the_work(corpus, monkeypatch, capsys):
    from zhenggai.cli import main

    monkeypatch.setenv("ZHENGGAI_DUCKDB_MEMORY", "1MB")
    out = corpus / "too-small"
    code = main(["batch", str(corpus / "in"), "-o", str(out), "--workers", "1", "--extractor", ORACLE, "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1, err
    assert err[0].startswith(f"zhenggai: error: {out}: the final pass ran out of its DuckDB memory budget (1MB, then 3MiB)")
    assert "ZHENGGAI_DUCKDB_MEMORY" in err[0] and "--resume" in err[0]
    assert not (out / "current").exists()  # nothing swapped in
    assert list(out.glob(".tmp-*/journal.jsonl"))  # the finished inputs are kept for --resume
    # With a budget that fits, --resume finishes the run from the kept parts.
    monkeypatch.setenv("ZHENGGAI_DUCKDB_MEMORY", "256MB")
    assert main(["batch", str(corpus / "in"), "-o", str(out), "--resume", "--workers", "1",
                 "--extractor", ORACLE, "--quiet"]) == 0
    assert len(load(out)["notices"]) > 0


def test_the_error_class_is_a_dataset_error():
    from zhenggai.corpus.dataset import DatasetError

    assert issubclass(FinalPassMemoryError, DatasetError)


def test_the_memory_benchmark_sees_the_final_pass_start(corpus, tmp_path, monkeypatch):
    """bench/batch_memory.py splits the parent's peak at the DuckDB file the final pass opens:
    its pattern must match the file the pass really opens (else "while extracting" is the whole run)."""
    import sys
    from pathlib import Path

    import duckdb

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from batch_memory import FINALISE_DB

    out = tmp_path / "ds"
    seen = []
    connect = duckdb.connect

    def recording(database=":memory:", *args, **kwargs):
        con = connect(database, *args, **kwargs)
        if str(database).endswith("finalise.duckdb"):  # (the file exists once connected)
            seen.append(sorted(str(p.relative_to(out)) for p in out.glob(FINALISE_DB)))  # as the benchmark looks
        return con

    monkeypatch.setattr(duckdb, "connect", recording)
    run_batch([corpus / "in"], out, jobs=1, extractor=ORACLE, progress=False)
    assert seen and all(len(found) == 1 for found in seen), seen
