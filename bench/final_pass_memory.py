"""Memory of the final pass step by step: peak RSS, and how much of it DuckDB's buffer manager accounts for.

    python bench/final_pass_memory.py                                  # 1,000 and 10,000 notices
    python bench/final_pass_memory.py --sizes 100000 --work /data/mem  # keep the corpora and the parts
    ZHENGGAI_DUCKDB_MEMORY=64MB python bench/final_pass_memory.py      # another budget

For each size the generated corpus of ``bench/batch_memory.py`` goes through ``zhenggai batch`` with the
template oracle as extractor (fast), in a subprocess whose final pass first copies the run's Parquet parts
aside.  Then ``finalise()`` runs alone on a copy of those parts in a fresh process, where a thread samples,
five times a second, the resident set size and DuckDB's own accounting (``duckdb_memory()``, the memory its
buffer manager holds, bounded by ``ZHENGGAI_DUCKDB_MEMORY``).  Printed per step of the pass (the repost
map and its parts, the final tables, the rest): its time, its peak RSS, DuckDB's memory at that peak and the
difference (the interpreter and its libraries, Arrow, Python objects, and what DuckDB allocates outside its
buffer manager).  The 5-gram table's two steps run inside the candidates' step, whose time includes
them; "other" is the rest of the pass (its views and the manifest).  The figures answer "what grows with
the corpus": DuckDB's part stops at its budget.  A pass that ran out of its budget and ran again with a
larger one (``finalise``'s retry) is marked with a row saying so: its figures are the two attempts'.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The steps timed, as (module, function): the repost map's, then the final tables' sorted copy.  The
# 5-gram table (with the texts written to the spill file) is part of the partial-copy candidates' step.
STEPS = [("zhenggai.corpus.dedup_stream", name) for name in
         ("_near_links", "_store_texts", "_gram_table", "_partial_candidates", "_check_partials")]
STEPS.append(("zhenggai.corpus.finalise", "_copy_sorted"))
NESTED = {"_store_texts", "_gram_table"}  # inside _partial_candidates: not counted again in "other"

# Run in the batch subprocess: the final pass copies the run folder's parts to KEEP before it starts.
_KEEP_PARTS = """
import shutil, sys
import zhenggai.corpus.finalise as F
from zhenggai.cli import main
keep, run = sys.argv[1], F.finalise
def finalise(tmp, *args, **kwargs):
    shutil.copytree(tmp / "parts", keep, dirs_exist_ok=True)
    return run(tmp, *args, **kwargs)
F.finalise = finalise
sys.exit(main(sys.argv[2:]))
"""


def keep_parts(n: int, work: Path, workers: int) -> Path:
    """The Parquet parts of a batch over the generated corpus of ``n`` notices (made once, then reused)."""
    from batch_memory import corpus

    parts = work / f"parts-{n}"
    if (parts / "notices").is_dir():
        return parts
    src = corpus(n, work, "varied")
    out = work / f"ds-{n}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-c", _KEEP_PARTS, str(parts), "batch", str(src), "-o", str(out), "--workers",
           str(workers), "--quiet", "--extractor", "zhenggai.corpus.synth:oracle"]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr.strip()}")
    shutil.rmtree(out, ignore_errors=True)
    return parts


def finalise_alone(parts: Path) -> tuple[list[tuple[str, float, int, int]], dict | None]:
    """``finalise()`` on a copy of ``parts``: per step (name, seconds, peak RSS, DuckDB's bytes then), and the retry.

    The second item is the manifest's ``final_pass`` (None unless the pass ran out and ran again).
    """
    import importlib

    import duckdb
    import psutil

    run = Path(tempfile.mkdtemp(prefix="final-pass-"))
    shutil.copytree(parts, run / "parts")
    proc, cursors, step = psutil.Process(), [], ["other"]
    peaks: dict[str, list] = {}
    connect = duckdb.connect

    def connect_and_watch(*args, **kwargs):
        con = connect(*args, **kwargs)
        cursors.append(con.cursor())  # a second connection to the same database, for the sampler
        return con

    def measure() -> None:
        rss, held = proc.memory_info().rss, 0
        if cursors:
            try:
                query = "SELECT sum(memory_usage_bytes) FROM duckdb_memory()"
                held = cursors[-1].execute(query).fetchone()[0]
            except duckdb.Error:  # closed at the end of the pass
                held = 0
        peak = peaks.setdefault(step[0], [0.0, 0, 0])
        if rss > peak[1]:
            peak[1], peak[2] = rss, held or 0

    def sample() -> None:
        while True:
            measure()
            time.sleep(0.2)

    def timed(fn, name):
        def inner(*args, **kwargs):
            outer, step[0] = step[0], name
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                measure()  # a step shorter than the sampling period still gets a reading
                peaks.setdefault(name, [0.0, 0, 0])[0] += time.perf_counter() - start
                step[0] = outer
        return inner

    duckdb.connect = connect_and_watch
    for module, name in STEPS:
        mod = importlib.import_module(module)
        setattr(mod, name, timed(getattr(mod, name), name))
    from zhenggai.corpus.finalise import finalise

    threading.Thread(target=sample, daemon=True).start()
    start = time.perf_counter()
    try:
        manifest = finalise(run, [], {}, {})
    finally:
        shutil.rmtree(run, ignore_errors=True)
    time.sleep(0.3)
    peaks["other"][0] = time.perf_counter() - start - sum(
        v[0] for k, v in peaks.items() if k != "other" and k not in NESTED)
    steps = [(name, *peaks[name]) for name in [n for _, n in STEPS] + ["other"] if name in peaks]
    return steps, manifest.get("final_pass")  # the retry's budget when the first attempt ran out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the batch that makes the parts")
    ap.add_argument("--work", metavar="DIR",
                    help="keep the generated corpora and parts here (default: a temporary folder)")
    ap.add_argument("--parts", metavar="DIR", help=argparse.SUPPRESS)  # internal: finalise() alone
    args = ap.parse_args(argv)
    if args.parts:
        steps, retried = finalise_alone(Path(args.parts))
        for name, seconds, rss, held in steps:
            print(f"{name}\t{seconds:.1f}\t{rss}\t{held}")
        if retried:
            print(f"retried\t{retried['ran_out_of']}\t{retried['duckdb_memory']}")
        return 0
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="final-pass-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    mib = 1024 * 1024
    budget = os.environ.get("ZHENGGAI_DUCKDB_MEMORY", "default")
    print(f"finalise() alone, varied corpus, DuckDB budget {budget}")
    print("| notices | step | s | peak RSS MiB | DuckDB's buffers then MiB | the rest MiB |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for n in (int(s) for s in args.sizes.split(",")):
        parts = keep_parts(n, work, args.workers)
        done = subprocess.run([sys.executable, __file__, "--parts", str(parts)], capture_output=True,
                              text=True)
        if done.returncode != 0:
            raise SystemExit(f"the final pass failed ({done.returncode}): {done.stderr.strip()}")
        for line in done.stdout.splitlines():
            if line.startswith("retried\t"):  # the figures above include a second attempt at a larger budget
                _, first, larger = line.split("\t")
                print(f"| {n:,} | (ran out of {first}; ran again with {larger}) | | | | |", flush=True)
                continue
            name, seconds, rss, held = line.split("\t")
            print(f"| {n:,} | {name} | {float(seconds):.1f} | {int(rss) / mib:.0f} | {int(held) / mib:.0f} "
                  f"| {(int(rss) - int(held)) / mib:.0f} |", flush=True)
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d', time.gmtime())}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
