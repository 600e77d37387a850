"""Faults during `zhenggai batch`: nothing crashes, nothing is lost, the old dataset survives.

Each scenario runs on a small generated corpus (zhenggai.corpus.synth) with an injectable extractor
(tests/fault_extractor.py, the synth oracle plus faults switched on by environment variables), and
ends by comparing with a clean run table by table, row for row.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from zhenggai.corpus import dataset as ds
from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.dataset import TABLES, DiskFullError
from zhenggai.corpus.synth import write_corpus

N = 24
EXTRACTOR = "tests.fault_extractor:extractor"
REPO = Path(__file__).resolve().parents[1]
FAULT_VARS = ("ZHENGGAI_FAULT_KILL", "ZHENGGAI_FAULT_KILL_ONCE", "ZHENGGAI_FAULT_SLEEP")
DISK_FULL = "no space left on device; free space or write the dataset elsewhere"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    plan = write_corpus(root / "in", n=N, jsonl_lines=2)
    return root, plan


@pytest.fixture(scope="module")
def clean(corpus):
    root, _ = corpus
    out = root / "clean"
    run_batch([root / "in"], out, jobs=2, extractor=EXTRACTOR, chunk_size=8, progress=False)
    return load(out)


@pytest.fixture
def previous(corpus, tmp_path):
    """A finished dataset from an earlier run over part of the corpus: what a failed run must keep."""
    _, plan = corpus
    out = tmp_path / "ds"
    run_batch(plan.inputs[:6], out, jobs=1, extractor=EXTRACTOR, progress=False)
    return out, load(out), (ds.resolve(out) / "manifest.json").read_bytes()


def _equal(a: dict, b: dict, drop_input: str | None = None) -> None:
    for table in TABLES:
        left, right = a[table], b[table]
        if drop_input is not None:
            if table == "notices":
                gone = set(right.loc[right["input"] == drop_input, "notice_id"])
                right = right[right["input"] != drop_input]
            elif table not in ("errors", "skipped"):  # tables keyed by input
                right = right[~right["notice_id"].isin(gone)]
            else:
                left = left[left["input"] != drop_input]
        pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True), obj=table)


def _assert_unchanged(previous) -> None:
    out, tables, manifest = previous
    assert (ds.resolve(out) / "manifest.json").read_bytes() == manifest
    _equal(load(out), tables)
    # Nothing half-swapped or half-written stays behind: at most a resumable run (parts + journal).
    assert not list(out.glob(".tmp-*/final")) and not list(out.glob(".tmp-*/old/*"))
    assert not list(out.rglob("*.partial"))


def _cli(args: list[str], env: dict | None = None, **kw):
    environ = {k: v for k, v in os.environ.items() if k not in FAULT_VARS}
    environ["PYTHONPATH"] = os.pathsep.join([str(REPO), environ.get("PYTHONPATH", "")])
    environ.update(env or {})
    cmd = [sys.executable, "-m", "zhenggai.cli", "batch", *map(str, args), "--extractor", EXTRACTOR, "--quiet"]
    return cmd, dict(cwd=REPO, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _run_cli(args, env=None, timeout=60):
    cmd, kw = _cli(args, env)
    return subprocess.run(cmd, timeout=timeout, **kw)  # a hang fails the test instead of stalling it


# ---------------------------------------------------------------- 1. a worker killed mid-run


def test_worker_killed_on_one_input_gives_an_errors_row_and_resume_completes(corpus, clean, tmp_path):
    root, plan = corpus
    victim = plan.inputs[1]
    out = tmp_path / "ds"
    done = _run_cli([root / "in", "-o", out, "--jobs", "2", "--chunk-size", "5"],
                    env={"ZHENGGAI_FAULT_KILL": victim})
    assert done.returncode == 0, done.stderr
    t = load(out)
    row = t["errors"].set_index("input").loc[victim]
    assert row["error_class"] == "WorkerCrashed"
    assert victim in row["message"] and "SIGKILL" in row["message"]
    assert pd.isna(row["content_hash"])  # so that --resume tries it again
    _equal(t, clean, drop_input=victim)  # everything else landed, exactly as in a clean run
    assert not list(out.glob(".tmp-*"))

    summary = run_batch([root / "in"], out, jobs=2, extractor=EXTRACTOR, chunk_size=5, progress=False,
                        resume=True)
    assert (summary.ok, summary.failed) == (1, 0)
    assert summary.reused == len(plan.inputs) - 1
    _equal(load(out), clean)


def test_worker_killed_once_is_retried_in_a_new_worker(corpus, clean, tmp_path):
    root, plan = corpus
    marker = tmp_path / "killed"
    out = tmp_path / "ds"
    done = _run_cli([root / "in", "-o", out, "--jobs", "2"],
                    env={"ZHENGGAI_FAULT_KILL": plan.inputs[2], "ZHENGGAI_FAULT_KILL_ONCE": str(marker)})
    assert done.returncode == 0, done.stderr
    assert marker.exists()  # a worker did die
    _equal(load(out), clean)


# ---------------------------------------------------------------- 2. an input that goes away


def test_dask_worker_killed_on_one_input_gives_an_errors_row(corpus, clean, tmp_path, monkeypatch):
    """The Dask engine keeps the local engine's promise: a poisonous input costs one row, not the run."""
    pytest.importorskip("dask.distributed")
    root, plan = corpus
    victim = plan.inputs[3]
    monkeypatch.setenv("ZHENGGAI_FAULT_KILL", victim)  # the workers the cluster spawns inherit it
    out = tmp_path / "ds"
    summary = run_batch([root / "in"], out, jobs=2, engine="dask", extractor=EXTRACTOR, chunk_size=5,
                        progress=False)
    assert summary.failed >= 1
    t = load(out)
    row = t["errors"].set_index("input").loc[victim]
    assert row["error_class"] == "WorkerCrashed"
    assert victim in row["message"] and "KilledWorker" in row["message"]
    assert pd.isna(row["content_hash"])
    _equal(t, clean, drop_input=victim)  # the victim's chunk-mates landed too


def test_file_deleted_after_listing_is_an_errors_row(corpus, clean, tmp_path, monkeypatch):
    import zhenggai.corpus.batch as batch

    root, plan = corpus
    victim = Path(plan.inputs[3])
    data = victim.read_bytes()
    real = batch.iter_inputs

    def list_then_delete(paths, **kw):
        items = list(real(paths, **kw))  # listed ...
        victim.unlink()  # ... then gone before a worker reads it
        return iter(items)

    monkeypatch.setattr(batch, "iter_inputs", list_then_delete)
    out = tmp_path / "ds"
    try:
        run_batch([root / "in"], out, jobs=2, extractor=EXTRACTOR, chunk_size=5, progress=False)
    finally:
        victim.write_bytes(data)
    monkeypatch.setattr(batch, "iter_inputs", real)
    t = load(out)
    row = t["errors"].set_index("input").loc[str(victim)]
    assert (row["error_class"], row["message"]) == ("FileNotFoundError", "No such file or directory")
    _equal(t, clean, drop_input=str(victim))
    # The file is back: --resume reads it (an unread input has no content hash to reuse).
    summary = run_batch([root / "in"], out, jobs=2, extractor=EXTRACTOR, progress=False, resume=True)
    assert summary.ok == 1
    _equal(load(out), clean)


def test_unreadable_file_is_an_errors_row(corpus, clean, tmp_path, monkeypatch):
    # chmod 000 does not stop root (the tests run as root), so the read fails by injection.
    from zhenggai.corpus.inputs import InputItem

    root, plan = corpus
    victim = plan.inputs[4]
    real = InputItem.read

    def read(self):
        if self.name == victim:
            raise PermissionError(errno.EACCES, "Permission denied", self.path)
        return real(self)

    monkeypatch.setattr(InputItem, "read", read)  # forked workers inherit the patch
    out = tmp_path / "ds"
    run_batch([root / "in"], out, jobs=2, extractor=EXTRACTOR, progress=False)
    t = load(out)
    row = t["errors"].set_index("input").loc[victim]
    assert (row["error_class"], row["message"]) == ("PermissionError", "Permission denied")
    _equal(t, clean, drop_input=victim)


# ---------------------------------------------------------------- 3. a full disk


def _enospc(*_a, **_k):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fill_disk_at(where: str, monkeypatch) -> None:
    if where == "parquet-part":
        real = ds.write_part

        def write_part(path, table, rows):
            if rows:  # the run's first real part, not the empty typed ones
                _enospc()
            return real(path, table, rows)

        monkeypatch.setattr(ds, "write_part", write_part)
    elif where == "manifest":  # manifest.json is written as its inputs stream from DuckDB (Path.open)
        real_open = Path.open

        def open_(self, mode="r", *a, **k):
            if self.name == "manifest.json" and "w" in mode:  # writing it, not reading the previous one
                _enospc()
            return real_open(self, mode, *a, **k)

        monkeypatch.setattr(Path, "open", open_)
    elif where == "duckdb-during-swap":  # after the tables were renamed into place
        monkeypatch.setattr(ds, "write_duckdb_file", _enospc)


@pytest.mark.parametrize("where", ["parquet-part", "manifest", "duckdb-during-swap"])
def test_full_disk_keeps_the_previous_dataset(corpus, clean, previous, where, monkeypatch, capsys):
    from zhenggai.cli import main

    root, plan = corpus
    out = previous[0]
    _fill_disk_at(where, monkeypatch)
    code = main(["batch", str(root / "in"), "-o", str(out), "--jobs", "1", "--chunk-size", "5",
                 "--extractor", EXTRACTOR, "--quiet", "--overwrite"])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and DISK_FULL in err and str(out) in err
    _assert_unchanged(previous)
    monkeypatch.undo()
    # Space is back: a later run completes (reusing what the failed run journaled).
    summary = run_batch([root / "in"], out, jobs=1, extractor=EXTRACTOR, progress=False, resume=True)
    assert summary.inputs == len(plan.inputs)
    _equal(load(out), clean)
    assert not list(out.glob(".tmp-*"))


def test_full_disk_through_the_api_raises_disk_full_error(corpus, previous, monkeypatch):
    root, _ = corpus
    _fill_disk_at("parquet-part", monkeypatch)
    with pytest.raises(DiskFullError, match=DISK_FULL) as info:
        run_batch([root / "in"], previous[0], jobs=2, extractor=EXTRACTOR, progress=False, overwrite=True)
    assert info.value.__cause__.errno == errno.ENOSPC
    _assert_unchanged(previous)


# ---------------------------------------------------------------- 4. Ctrl-C


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_and_resume_completes(corpus, clean, previous):
    root, plan = corpus
    out = previous[0]
    cmd, kw = _cli([root / "in", "-o", out, "--jobs", "2", "--chunk-size", "3", "--overwrite"],
                   # Slow enough (0.5 s an input) that the run is still going when the test, on a
                   # loaded machine, gets round to the Ctrl-C after the first journaled chunk.
                   env={"ZHENGGAI_FAULT_SLEEP": "0.5"})
    # As a terminal starts a foreground job: Ctrl-C not ignored. A test run started in the background by a
    # shell (`pytest … &`, nohup) inherits SIGINT ignored, the run would inherit it too and rightly ignore
    # the Ctrl-C.
    proc = subprocess.Popen(cmd, start_new_session=True, preexec_fn=_sigint_default, **kw)
    try:
        deadline = time.monotonic() + 40
        while not any(j.stat().st_size for j in out.glob(".tmp-*/journal.jsonl")):
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "no chunk was journaled"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "interrupted; run again with --resume to continue" in err
    assert "Traceback" not in err
    _assert_unchanged(previous)
    (journal,) = out.glob(".tmp-*/journal.jsonl")
    journaled = sum(len(json.loads(line)["inputs"]) for line in journal.read_text().splitlines())
    assert 0 < journaled < len(plan.inputs)

    summary = run_batch([root / "in"], out, jobs=2, extractor=EXTRACTOR, progress=False, resume=True)
    assert summary.reused >= journaled
    _equal(load(out), clean)
    assert not list(out.glob(".tmp-*"))


def test_bad_extractor_is_one_line_not_a_hang(corpus, tmp_path, capsys):
    from zhenggai.cli import main

    root, _ = corpus
    code = main(["batch", str(root / "in"), "-o", str(tmp_path / "ds"), "--jobs", "2",
                 "--extractor", "tests.no_such_module:extractor", "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1 and "cannot load the extractor" in err
    assert not (tmp_path / "ds").exists()
