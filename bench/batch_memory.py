"""Peak memory of ``zhenggai batch`` as the corpus grows: 1,000, 10,000 (and 100,000) generated notices.

    python bench/batch_memory.py                              # 1,000 and 10,000 notices, real extractor
    python bench/batch_memory.py --sizes 100000 --extractor zhenggai.corpus.synth:oracle
    ZHENGGAI_DUCKDB_MEMORY=256MB python bench/batch_memory.py      # another budget for the final pass

The notices are generated (``zhenggai.corpus.synth.write_corpus``: .txt files in three encodings, a crawl
JSONL file, a few broken files and reposts); ``--corpus varied`` (the default) composes each notice's
problems and measures for it, ``--corpus template`` draws every notice from one short list (the worst case
of partial-copy detection: every notice shares most of its 5-grams with thousands of others).  The command runs as a subprocess; psutil samples
the resident set size of the parent and of every worker process five times a second.  Printed per
size: the peak of the parent alone (over the run, and while the inputs are extracted), of the largest worker, and of the whole tree (parent + workers,
summed at the same instant), with the wall time and the rate.

``--extractor zhenggai.corpus.synth:oracle`` swaps the extractor for the template's own reader (fast):
it measures the batch machinery itself — the input stream, the pool, the Parquet parts, the final
DuckDB pass — on corpora too large to extract fully in a short run.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


# Where the final pass puts its DuckDB file (corpus.finalise: a folder per attempt under spill/).
FINALISE_DB = ".tmp-*/spill/*/finalise.duckdb"

def _tree_rss(proc) -> tuple[int, int, int]:
    """(parent, largest child, total) RSS in bytes of a psutil process and its descendants."""
    import psutil

    try:
        parent = proc.memory_info().rss
        children = []
        for child in proc.children(recursive=True):
            try:
                children.append(child.memory_info().rss)
            except psutil.Error:
                pass
    except psutil.Error:
        return 0, 0, 0
    return parent, max(children, default=0), parent + sum(children)


def corpus(n: int, work: Path, kind: str) -> Path:
    """The generated corpus of ``n`` notices in ``work`` (written once, then reused)."""
    from zhenggai.corpus.synth import write_corpus

    src = work / (f"in-{n}" if kind == "template" else f"in-{n}-{kind}")
    if not (src / "crawl.jsonl").exists():  # written last: a folder without it was interrupted
        shutil.rmtree(src, ignore_errors=True)
        write_corpus(src, n=n, seed=11, variety=kind == "varied")
    return src


def measure(n: int, work: Path, workers: int, extractor: str | None, kind: str = "varied") -> dict:
    import psutil

    src = corpus(n, work, kind)
    out = work / f"ds-{n}"
    shutil.rmtree(out, ignore_errors=True)
    exe = Path(sys.executable).with_name("zhenggai")
    cmd = [str(exe) if exe.exists() else "zhenggai", "batch", str(src), "-o", str(out), "--workers", str(workers),
           "--quiet"]
    if extractor:
        cmd += ["--extractor", extractor]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_parent = peak_child = peak_total = peak_extracting = 0
    extracting = True
    while proc.poll() is None:
        p, c, total = _tree_rss(ps)
        peak_parent, peak_child, peak_total = max(peak_parent, p), max(peak_child, c), max(peak_total, total)
        if extracting:  # the final pass opens its DuckDB file in the run's folder: extraction is over
            extracting = not any(out.glob(FINALISE_DB))
            if extracting:
                peak_extracting = max(peak_extracting, p)
        time.sleep(0.2)
    wall = time.perf_counter() - t
    err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {err}")
    inputs = int(err.split(" inputs", 1)[0].split()[-1]) if " inputs" in err else n
    shutil.rmtree(out, ignore_errors=True)
    return {"n": n, "inputs": inputs, "wall": wall, "parent": peak_parent, "child": peak_child, "total": peak_total,
            "extracting": peak_extracting}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--extractor", default=None, help="module:attribute of another extractor (see above)")
    ap.add_argument("--corpus", choices=("varied", "template"), default="varied",
                    help="varied: notices composed each for its body, sharing the genre's formulas (default); "
                         "template: every notice from one short list of sentences (the worst case of repost detection)")
    ap.add_argument("--work", metavar="DIR", help="keep the generated corpora here (default: a temporary folder)")
    args = ap.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="batch-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    mib = 1024 * 1024
    print(f"zhenggai batch, {args.workers} workers, {args.corpus} corpus, "
          f"extractor: {args.extractor or 'zhenggai (default)'}, "
          f"DuckDB budget of the final pass: {os.environ.get('ZHENGGAI_DUCKDB_MEMORY', 'default')}")
    print("| notices | inputs | wall s | inputs/s | peak RSS parent MiB | parent while extracting MiB "
          "| largest worker MiB | parent + workers MiB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (int(s) for s in args.sizes.split(",")):
        r = measure(n, work, args.workers, args.extractor, args.corpus)
        print(f"| {n:,} | {r['inputs']:,} | {r['wall']:.0f} | {r['inputs'] / r['wall']:.1f} | {r['parent'] / mib:.0f} "
              f"| {r['extracting'] / mib:.0f} | {r['child'] / mib:.0f} | {r['total'] / mib:.0f} |", flush=True)
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{time.strftime('%Y-%m-%d', time.gmtime())}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
