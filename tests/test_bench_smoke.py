"""Smoke test of the benchmark script: it runs end to end and writes its tables (no timing asserts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "run.py"

HEADERS = [
    "# zhenggai benchmark",
    "## Machine and versions",
    "| tool | what is timed | notices/s | chars/s | ms/notice | passes |",
    "| tool | money P | money R | money F1 | date P | date R | date F1 |",
    "| process | tracemalloc peak of one pass (MiB) |",
    "| command | median (s) |",
    "| jobs | files | wall (s) |",
    "| copies of the notice | chars | time (ms) | µs/char | per-char ratio to 1× |",
    "| stage | ms/notice | share of the whole call |",
    "| version | installed at | ms/notice | chars/s | speed-up |",
    "| target | measured | met |",
]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory) -> tuple[subprocess.CompletedProcess, str]:
    if not SCRIPT.is_file():
        pytest.skip("bench/run.py is not in this checkout")
    out = tmp_path_factory.mktemp("bench") / "results.md"
    proc = subprocess.run(
        # The same interpreter as its own baseline: the comparison table runs end to end.
        [sys.executable, str(SCRIPT), "--quick", "--no-peers", "--baseline", sys.executable, "--out", str(out)],
        capture_output=True, text=True, timeout=180, cwd=REPO,
    )
    return proc, out.read_text(encoding="utf-8") if out.is_file() else ""


def test_quick_run_exits_zero(quick_run):
    proc, _ = quick_run
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize("header", HEADERS, ids=[h.strip("#| ").split(" |")[0] for h in HEADERS])
def test_results_have_table_headers(quick_run, header):
    _, md = quick_run
    assert header in md


def test_peers_marked_skipped(quick_run):
    _, md = quick_run
    assert "| JioNLP | skipped (--no-peers) |" in md
    assert "| Recognizers-Text | skipped (--no-peers) |" in md


def test_stage_table_names_every_stage(quick_run):
    _, md = quick_run
    for stage in ("find_mentions", "parse_outline", "extract_facts", "whole extract_text(text)",
                  "floor: Notice.model_validate(record) alone"):
        assert f"| {stage} |" in md


def test_baseline_table_has_both_installs(quick_run):
    _, md = quick_run
    table = md.split("## Against a previous version", 1)[1].split("## Targets", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith(("| baseline", "| this version"))]
    assert len(rows) == 2, table
    assert rows[0].endswith("| 1.00× |")  # the baseline against itself
    assert all(f"`{REPO / 'extract'}`" in row for row in rows)  # both ran this checkout's install


def test_identity_check_passes_on_itself_and_names_a_changed_record(tmp_path):
    script = REPO / "bench" / "identity.py"
    saved = subprocess.run([sys.executable, str(script), "save", str(tmp_path)],
                           capture_output=True, text=True, timeout=600)
    assert saved.returncode == 0, saved.stderr[-2000:]
    records = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) > 1500  # gold, fixtures, samples, labelled sets, expressions, generated notices
    assert any(line.startswith("text:corpus/gold/") for line in records)
    same = subprocess.run([sys.executable, str(script), "check", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert same.returncode == 0 and " 0 changed, 0 missing" in same.stdout, same.stdout + same.stderr[-2000:]
    name, _, line = records[0].partition("\t")
    assert '"schema_version":"1"' in line
    records[0] = name + "\t" + line.replace('"schema_version":"1"', '"schema_version":"0"', 1)
    (tmp_path / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    changed = subprocess.run([sys.executable, str(script), "check", str(tmp_path)],
                             capture_output=True, text=True, timeout=600)
    assert changed.returncode == 1
    assert " 1 changed" in changed.stdout and f"CHANGED {name}" in changed.stderr
