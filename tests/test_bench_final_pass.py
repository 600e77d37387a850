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
