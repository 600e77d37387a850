"""A run never destroys or half-swaps a dataset, walks every file, and one bad input never stops it.

Issues 12 (items 1, 2, 5, 6, 7) and 13 (items 2, 3, 4): each test failed on the code before.
The template oracle (zhenggai.corpus.synth) extracts the notices, so expectations come from the
generation parameters; tests/fault_extractor.py injects hangs and slow inputs.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from zhenggai.cli import main
from zhenggai.corpus import dataset as ds
from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.synth import make_specs, render

ORACLE = "zhenggai.corpus.synth:oracle"
FAULTY = "tests.fault_extractor:extractor"
REPO = Path(__file__).resolve().parents[1]
SPECS = make_specs(12, seed=41)


def _notices(folder: Path, specs=SPECS, ending: str = ".txt") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for spec in specs:
        path = folder / f"n{spec.index:03d}{ending}"
        path.write_text(render(spec), encoding="utf-8")
        out.append(path)
    return out


def _batch(*args, extractor: str = ORACLE) -> int:
    return main(["batch", *map(str, args), "-j", "1", "--quiet", "--extractor", extractor])


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def _snapshot(out: Path) -> dict:
    return {t: df.reset_index(drop=True) for t, df in load(out).items()}


def _same(a: dict, b: dict) -> bool:
    try:
        for t in a:
            pd.testing.assert_frame_equal(a[t], b[t])
    except AssertionError:
        return False
    return True


@pytest.fixture
def built(tmp_path):
    """A finished 12-notice dataset: what every refused run must leave as it was."""
    _notices(tmp_path / "in")
    out = tmp_path / "ds"
    assert _batch(tmp_path / "in", "-o", out) == 0
    return tmp_path, out, _snapshot(out)


# ---------------------------------------------------------------- 1. a run never destroys a dataset


@pytest.mark.parametrize("flags", [[], ["--resume"], ["--overwrite"]], ids=["plain", "resume", "overwrite"])
def test_missing_input_path_is_a_usage_error(built, capsys, flags):
    root, out, before = built
    code = _batch(root / "typo", "-o", out, *flags)
    line = _one_line(capsys.readouterr().err)
    assert code == 2 and "typo: no such file or folder" in line
    assert _same(_snapshot(out), before)


def test_writing_over_a_dataset_needs_a_choice(built, capsys):
    root, out, before = built
    code = _batch(root / "in", "-o", out)
    line = _one_line(capsys.readouterr().err)
    assert code == 2 and all(flag in line for flag in ("--resume", "--append", "--overwrite"))
    assert _same(_snapshot(out), before)
    with pytest.raises(SystemExit) as info:  # one choice only (argparse: exit 2)
        _batch(root / "in", "-o", out, "--append", "--overwrite")
    assert info.value.code == 2


@pytest.mark.parametrize("what", ["empty-folder", "all-failed"])
def test_no_input_or_all_failed_never_replaces(built, capsys, what):
    root, out, before = built
    folder = root / what
    folder.mkdir()
    if what == "all-failed":
        (folder / "empty.txt").write_bytes(b"")
        (folder / "zeros.bin").write_bytes(bytes(100))
    code = _batch(folder, "-o", out, "--overwrite")
    line = _one_line(capsys.readouterr().err)
    assert code == 1 and "the dataset was left as it was" in line
    assert ("no input found" if what == "empty-folder" else "every input failed (2 of 2)") in line
    assert _same(_snapshot(out), before)


def test_overwrite_replaces_and_append_adds_linking_reposts_across_runs(built, capsys):
    root, out, before = built
    more = make_specs(16, seed=41)[12:]
    _notices(root / "more", more)
    repost = root / "more" / "repost-of-n003.txt"
    repost.write_text(render(SPECS[3]), encoding="utf-8")
    assert _batch(root / "more", "-o", out, "--append") == 0
    t = load(out)
    assert len(t["notices"]) == 12 + 4 + 1
    rows = t["notices"].set_index("input")
    original = rows.loc[str(root / "in" / "n003.txt")]
    linked = {rows.loc[str(repost), "duplicate_of"], original["duplicate_of"]}
    assert original["notice_id"] in linked or rows.loc[str(repost), "notice_id"] in linked
    assert "17 notices" in capsys.readouterr().err
    assert _batch(root / "more", "-o", out, "--overwrite") == 0
    assert len(load(out)["notices"]) == 5


# ---------------------------------------------------------------- 2. every file under a folder


def test_every_regular_file_is_an_input_hidden_ones_aside(tmp_path, capsys):
    folder = tmp_path / "in"
    specs = make_specs(7, seed=5)
    names = ["a.jhtml", "b.xhtml", "c.asp", "d.php", "no-ending", "index.html?id=123", "e.txt"]
    folder.mkdir()
    for spec, name in zip(specs, names):
        (folder / name).write_text(render(spec), encoding="utf-8")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (folder / ".hidden.txt").write_text(render(specs[0]), encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "x.txt").write_text(render(specs[1]), encoding="utf-8")
    assert _batch(folder, "-o", tmp_path / "ds") == 0
    assert "8 files walked" in capsys.readouterr().err
    t = load(tmp_path / "ds")
    assert sorted(t["notices"]["input"]) == sorted(str(folder / n) for n in names)
    assert list(t["errors"]["input"]) == [str(folder / "blob.bin")]


def test_include_and_exclude_narrow_the_walk(tmp_path):
    folder = tmp_path / "in"
    _notices(folder / "keep", SPECS[:3], ".html")
    _notices(folder / "drop", SPECS[3:5], ".html")
    _notices(folder / "keep", SPECS[5:6], ".bak")
    assert _batch(folder, "-o", tmp_path / "ds", "--include", "*.html", "--exclude", "drop/*") == 0
    inputs = sorted(load(tmp_path / "ds")["notices"]["input"])
    assert inputs == sorted(str(folder / "keep" / f"n{s.index:03d}.html") for s in SPECS[:3])


# ---------------------------------------------------------------- 3. one bad input never stops a run


def test_non_utf8_file_name_is_kept_as_bytes_safe_text(tmp_path):
    folder = tmp_path / "in"
    _notices(folder, SPECS[:2])
    odd = os.fsencode(folder) + b"/bad\xff.txt"
    with open(odd, "wb") as fh:
        fh.write(render(SPECS[2]).encode("utf-8"))
    assert _batch(folder, "-o", tmp_path / "ds") == 0
    inputs = set(load(tmp_path / "ds")["notices"]["input"])
    assert f"{folder}/bad\\xff.txt" in inputs and len(inputs) == 3


def test_bad_crawl_lines_are_errors_rows_and_the_rest_lands(tmp_path):
    good = json.dumps({"url": "http://a.gov.cn/1.html", "text": render(SPECS[0])}, ensure_ascii=False)
    lines = [
        good,
        '{"url": "http://a.gov.cn/\\ud800.html", "text": "关于巡察整改情况的通报。现将整改情况通报如下。"}',
        '{"url": "http://a.gov.cn/2.html", "encoding": "\\udc80", "text": "关于巡察整改情况的通报。"}',
        "[" * 100_000 + "]" * 100_000,
        '{"url": "http://a.gov.cn/3.html", "n": ' + "9" * 5000 + ', "text": "x"}',
    ]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["batch", str(crawl), "-o", str(tmp_path / "ds"), "-j", "1", "--quiet"]) == 0
    t = load(tmp_path / "ds")
    assert list(t["notices"]["input"]) == [f"{crawl}:1"]
    errors = t["errors"].set_index("input")["message"]
    assert sorted(errors.index) == [f"{crawl}:{n}" for n in (2, 3, 4, 5)]
    assert "lone surrogate" in errors[f"{crawl}:2"] and "lone surrogate" in errors[f"{crawl}:3"]


def test_symlinked_folders_are_walked_once_and_a_loop_is_an_errors_row(tmp_path):
    outside = tmp_path / "elsewhere"
    _notices(outside, SPECS[:2])
    folder = tmp_path / "in"
    _notices(folder, SPECS[2:3])
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    assert _batch(folder, "-o", tmp_path / "ds") == 0
    t = load(tmp_path / "ds")
    assert sorted(t["notices"]["input"]) == sorted(
        [str(folder / "n002.txt")] + [str(folder / "linked" / f"n{s.index:03d}.txt") for s in SPECS[:2]])
    (row,) = t["errors"].itertuples()
    assert row.input == str(folder / "loop") and "already walked" in row.message


def test_unreadable_folder_is_an_errors_row(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _notices(folder, SPECS[:2])
    (folder / "locked").mkdir()
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert _batch(folder, "-o", tmp_path / "ds") == 0
    t = load(tmp_path / "ds")
    assert len(t["notices"]) == 2
    assert list(t["errors"]["message"]) == ["cannot list the folder: Permission denied"]


def test_a_fifo_in_a_folder_is_an_errors_row_not_a_hang(tmp_path):
    folder = tmp_path / "in"
    _notices(folder, SPECS[:2])
    os.mkfifo(folder / "x.txt")
    cmd = [sys.executable, "-m", "zhenggai.cli", "batch", str(folder), "-o", str(tmp_path / "ds"), "-j", "2",
           "--quiet", "--extractor", ORACLE]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    (row,) = load(tmp_path / "ds")["errors"].itertuples()
    assert row.input == str(folder / "x.txt") and "FIFO" in row.message


# ---------------------------------------------------------------- 4. the per-input guard


@pytest.mark.parametrize("jobs", [1, 2], ids=["in-process", "workers"])
def test_an_input_that_ignores_every_deadline_is_a_timeout_row(tmp_path, jobs, monkeypatch):
    folder = tmp_path / "in"
    _notices(folder, SPECS[:4])
    if jobs == 1:  # in-process: a Python loop, stopped by the SIGALRM guard
        monkeypatch.setenv("ZHENGGAI_FAULT_SLEEP", "0")
        from zhenggai.corpus.synth import Oracle

        real = Oracle.from_bytes

        def slow(self, data, name, **kw):
            if name.endswith("n001.txt"):
                time.sleep(30)
            return real(self, data, name, **kw)

        monkeypatch.setattr(Oracle, "from_bytes", slow)
        summary = run_batch([folder], tmp_path / "ds", jobs=1, extractor=ORACLE, progress=False, input_timeout=1)
    else:  # workers: deaf to SIGALRM; the parent kills the worker
        monkeypatch.setenv("ZHENGGAI_FAULT_HANG", "n001.txt")
        summary = run_batch([folder], tmp_path / "ds", jobs=2, extractor=FAULTY, progress=False, input_timeout=2)
    t = load(tmp_path / "ds")
    assert (summary.ok, summary.failed) == (3, 1)
    (row,) = t["errors"].itertuples()
    assert row.input == str(folder / "n001.txt") and row.error_class == "Timeout"


# ---------------------------------------------------------------- 5. the switch, the lock, the workers


def test_a_kill_at_every_step_of_the_switch_leaves_the_old_or_the_new_dataset(tmp_path):
    inputs = _notices(tmp_path / "in", SPECS[:8])
    clean = tmp_path / "clean"
    run_batch(inputs, clean, jobs=1, extractor=ORACLE, progress=False)
    new = _snapshot(clean)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    seen = {"old": 0, "new": 0}
    step = 0
    while True:
        step += 1
        out = tmp_path / f"ds{step}"
        run_batch(inputs[:3], out, jobs=1, extractor=ORACLE, progress=False)
        old = _snapshot(out)
        proc = subprocess.run([sys.executable, "-m", "tests.swap_killer", str(step), str(out), *map(str, inputs)],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
        now = _snapshot(out)  # readable and whole, never a mix
        state = "old" if _same(now, old) else "new" if _same(now, new) else "mixed"
        assert state != "mixed", f"killed at step {step}: the dataset is neither the old nor the new one"
        seen[state] += 1
        # The next run tidies up and goes on from whatever the kill left.
        run_batch(inputs, out, jobs=1, extractor=ORACLE, progress=False, resume=True)
        assert _same(_snapshot(out), new)
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
            "current", "dataset.duckdb", ds.resolve(out).name]
        if proc.returncode == 0:  # the run ended before this step: every step was tried
            assert proc.stdout.startswith("steps ")
            break
        assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert seen["old"] >= 2 and seen["new"] >= 2, seen


def test_a_second_run_exits_with_one_line_naming_the_holder(built, capsys):
    root, out, before = built
    with ds.locked(out):
        code = _batch(root / "in", "-o", out, "--resume")
    line = _one_line(capsys.readouterr().err)
    assert code == 1 and f"pid {os.getpid()}" in line and "another zhenggai batch" in line
    assert _same(_snapshot(out), before)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_workers_die_when_the_parent_is_killed(tmp_path, sig):
    _notices(tmp_path / "in", SPECS[:6])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
               ZHENGGAI_FAULT_SLEEP="30")
    cmd = [sys.executable, "-m", "zhenggai.cli", "batch", str(tmp_path / "in"), "-o", str(tmp_path / "ds"),
           "-j", "2", "--quiet", "--extractor", FAULTY]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2:
            assert time.monotonic() < deadline and proc.poll() is None, "the workers did not start"
            time.sleep(0.1)
        workers = _children(proc.pid)
        time.sleep(0.5)
        proc.send_signal(sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "a worker outlived its parent"
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in _children(proc.pid):
            os.kill(w, signal.SIGKILL)


def test_workers_are_capped_with_a_note(tmp_path, capsys):
    _notices(tmp_path / "in", SPECS[:1])
    code = main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "ds"), "--workers", "10000", "--quiet",
                 "--extractor", ORACLE])
    err = capsys.readouterr().err
    assert code == 0 and "note: --workers 10000 capped at 1 (the number of inputs)" in err


# ---------------------------------------------------------------- 6. truncated and partial copies, the year


def test_a_half_copy_is_flagged_and_linked_to_the_full_notice(tmp_path):
    from zhenggai.corpus.compare import compare

    folder = tmp_path / "in"
    _notices(folder, SPECS[:3])
    full = render(SPECS[1])
    (folder / "a-half.html").write_text(full[: len(full) // 2 + 5], encoding="utf-8")
    run_batch([folder], tmp_path / "ds", jobs=1, progress=False)  # the real extractor: it sets the flag
    n = load(tmp_path / "ds")["notices"].set_index("input")
    half, whole = n.loc[str(folder / "a-half.html")], n.loc[str(folder / "n001.txt")]
    assert "truncated" in [f["code"] for f in json.loads(half["flags"])]
    assert (half["duplicate_kind"], half["duplicate_of"]) == ("partial", whole["notice_id"])
    assert pd.isna(whole["duplicate_of"])
    by_org = compare(tmp_path / "ds", by="organisation").set_index("organisation")
    assert by_org.loc[SPECS[1].organisation, "notices"] == 1
    assert by_org.loc[SPECS[1].organisation, "issues"] == SPECS[1].issues


def test_year_falls_back_to_the_signature_date():
    from zhenggai.api import extract_text
    from zhenggai.corpus.rows import notice_rows

    text = ("关于巡察整改进展情况的通报\n2022年5月，市委第一巡察组对市民政局开展巡察，2022年7月反馈意见。\n"
            "一、整改情况\n已完成整改10个。\n中共某市民政局党组\n2023年6月28日\n")
    rows = notice_rows(extract_text(text), input_name="a.txt", content_hash=None)
    assert rows["notices"][0]["year"] == 2023


# ---------------------------------------------------------------- 7. the progress bar


def test_progress_bar_shows_a_total_and_an_eta():
    from rich.console import Console

    from zhenggai.corpus.batch import BatchSummary, _Progress

    buffer = io.StringIO()
    bar = _Progress(True, total=10, console=Console(file=buffer, force_terminal=True, width=160))
    summary = BatchSummary(Path("ds"), inputs=3, ok=3)
    bar.update(summary, 3)
    bar.stop("done")
    shown = buffer.getvalue()
    assert "3/10" in shown and "ETA" in shown
