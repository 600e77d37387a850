"""Repost detection alone (``zhenggai.corpus.dedup_stream.link_duplicates``): time and peak RSS under a DuckDB budget.

    python bench/dedup_memory.py --notices 30000 --memory 128MB --work /work/tmp/dedupwork
    python bench/dedup_memory.py --notices 2000 --corpus template     # notices sharing one template

The heaviest step of a batch's final pass, without the extraction before it: generated notices
(``zhenggai.corpus.synth``, ``--corpus varied`` by default) with their MinHash signatures go into a
DuckDB file (kept in ``--work`` and reused: the signatures take a while), then the links are
computed with DuckDB's ``memory_limit`` set to ``--memory``.  Printed: the seconds and the process's
peak RSS (psutil, 5 samples a second) of the candidate step and of the whole, the candidate pairs
kept, and the counts per kind (``partial_bounded``: see docs/cluster.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path


def _records(path: Path, n: int, kind: str) -> None:
    """A DuckDB file with the table ``rec`` (the columns link_duplicates reads, and the text)."""
    import duckdb
    import pyarrow as pa

    from zhenggai.corpus.dedup import minhash_signature
    from zhenggai.corpus.rows import text_hash
    from zhenggai.corpus.synth import make_specs, render

    texts = [render(s) for s in make_specs(n, 11, variety=kind == "varied")]
    part = path.with_name(path.name + ".partial")
    part.unlink(missing_ok=True)
    con = duckdb.connect(str(part))
    con.register("r", pa.table({
        "input": [f"n{i:06d}.txt" for i in range(n)], "text_hash": [text_hash(t) for t in texts],
        "published_at": pa.array([None] * n, pa.timestamp("us")),
        "signature": pa.array([minhash_signature(t) for t in texts], pa.binary()),
        "length": [len(t) for t in texts], "truncated": [False] * n, "text": texts,
    }))
    con.execute("CREATE TABLE rec AS SELECT * FROM r")
    con.close()
    part.rename(path)  # only a finished file is reused


def main(argv: list[str] | None = None) -> int:
    import duckdb
    import psutil

    import zhenggai.corpus.dedup_stream as dedup_stream

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notices", type=int, default=10000)
    ap.add_argument("--corpus", choices=("varied", "template"), default="varied")
    ap.add_argument("--memory", default="128MB", help="DuckDB memory_limit (default 128MB)")
    ap.add_argument("--work", metavar="DIR", help="keep the records file here (default: a temporary folder)")
    args = ap.parse_args(argv)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="dedup-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    records = work / f"records-{args.notices}-{args.corpus}.duckdb"
    if not records.exists():
        t = time.perf_counter()
        _records(records, args.notices, args.corpus)
        print(f"records and signatures of {args.notices:,} notices: {time.perf_counter() - t:.0f} s")
    run = work / "run.duckdb"
    run.unlink(missing_ok=True)
    shutil.copyfile(records, run)
    peak = [0]
    proc = psutil.Process()

    def watch() -> None:
        while True:
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.2)

    threading.Thread(target=watch, daemon=True).start()
    con = duckdb.connect(str(run))
    con.execute(f"SET temp_directory = '{work / 'spill'}'")
    con.execute(f"SET memory_limit = '{args.memory}'")
    original = dedup_stream._partial_candidates

    def candidates(con, source, store=None):
        t = time.perf_counter()
        bounded = original(con, source, store)
        (pairs,) = con.execute("SELECT count(*) FROM partial_pairs").fetchall()[0]
        print(f"partial-copy candidates: {time.perf_counter() - t:.0f} s, {pairs:,} pairs, "
              f"peak RSS so far {peak[0] >> 20} MiB", flush=True)
        return bounded

    dedup_stream._partial_candidates = candidates
    t = time.perf_counter()
    counts = dedup_stream.link_duplicates(con, "SELECT * EXCLUDE (text) FROM rec", "SELECT input, text FROM rec",
                                          spill_dir=work / "spill")
    print(f"{args.notices:,} {args.corpus} notices, DuckDB budget {args.memory}: {time.perf_counter() - t:.0f} s, "
          f"peak RSS {peak[0] >> 20} MiB, {counts}; machine: {os.cpu_count()} cores; "
          f"{time.strftime('%Y-%m-%d', time.gmtime())}")
    con.close()
    run.unlink(missing_ok=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
