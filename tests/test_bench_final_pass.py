"""Smoke test of bench/final_pass_memory.py: a small corpus end to end, one row per step.

No memory figure is asserted: the script prints them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "final_pass_memory.py"
STEPS = ["_near_links", "_store_texts", "_gram_table", "_partial_candidates", "_check_partials",
         "_copy_sorted", "other"]


def test_final_pass_memory_prints_every_step(tmp_path):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "40", "--work", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("|")[1:-1] for line in proc.stdout.splitlines() if line.startswith("| 40 |")]
    assert [r[1].strip() for r in rows] == STEPS
    for _, _, seconds, rss, held, rest in rows:
        assert float(seconds) >= 0
        # DuckDB's buffers are part of the process's resident memory, and the rest is what is left of it.
        assert int(rss) > 0 and 0 <= int(held) <= int(rss)
        assert abs(int(rest) - (int(rss) - int(held))) <= 1  # each figure rounded to MiB on its own
    assert (tmp_path / "parts-40" / "notices").is_dir()  # the parts are kept with --work, for a rerun


TEXTS_STEP = REPO / "bench" / "texts_step_memory.py"


def test_texts_step_memory_reads_a_runs_parts(tmp_path):
    # The parts of a 40-notice run, made by final_pass_memory.py as above, then the texts step alone on them.
    made = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "40", "--work", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=REPO)
    assert made.returncode == 0, made.stderr
    for step in ("store", "scan"):
        proc = subprocess.run([sys.executable, str(TEXTS_STEP), str(tmp_path / "parts-40"), "--step", step],
                              capture_output=True, text=True, timeout=300, cwd=REPO)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith(f"{step}: ") and "after release_freed()" in proc.stdout


def test_texts_step_memory_names_a_folder_without_parts(tmp_path):
    proc = subprocess.run([sys.executable, str(TEXTS_STEP), str(tmp_path)], capture_output=True, text=True,
                          cwd=REPO)
    assert proc.returncode == 2
    assert f"{tmp_path}: no notices/ folder" in proc.stderr
