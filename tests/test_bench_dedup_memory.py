"""bench/dedup_memory.py runs and prints its figures (a tiny corpus; the figures themselves are not checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "dedup_memory.py"


def test_prints_candidates_and_counts(tmp_path):
    run = subprocess.run([sys.executable, str(BENCH), "--notices", "60", "--corpus", "template", "--work", str(tmp_path)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "partial-copy candidates:" in run.stdout
    assert "60 template notices, DuckDB budget 128MB:" in run.stdout and "'partial_bounded':" in run.stdout
    assert (tmp_path / "records-60-template.duckdb").exists()  # kept for the next run
    assert not (tmp_path / "run.duckdb").exists()
