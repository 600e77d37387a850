"""The final pass's texts step alone: how much RSS it adds, with and without Python in the way.

    python bench/texts_step_memory.py PARTS                  # PARTS: a run's parts (bench/final_pass_memory.py --work)
    python bench/texts_step_memory.py PARTS --step scan      # DuckDB only sums the texts' lengths

``finalise()`` runs on a copy of ``PARTS`` up to the step that streams the roots' texts to the spill file
(``dedup_stream._store_texts``); there it runs the step (``--step store``, the default) or only a DuckDB scan of
the same texts (``--step scan``: no Arrow, no Python strings), prints the RSS before, at its peak (sampled twenty
times a second) and after, DuckDB's own accounting (``duckdb_memory()``) before and after, and the RSS once
``zhenggai.corpus.heap.release_freed()`` has handed back what the allocators keep, then stops.  Run it under
``GLIBC_TUNABLES=glibc.malloc.mmap_threshold=…`` or not to compare allocator settings: ``finalise()`` pins the
threshold itself (``zhenggai.corpus.heap``), so ``--default-heap`` undoes that for the comparison.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
from pathlib import Path


class _Stop(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", type=Path, help="a run's Parquet parts (the folder holding notices/, _minhash/ …)")
    ap.add_argument("--step", choices=("store", "scan"), default="store")
    ap.add_argument("--default-heap", action="store_true", help="leave glibc's mmap threshold free to rise")
    args = ap.parse_args(argv)
    if not (args.parts / "notices").is_dir():
        ap.error(f"{args.parts}: no notices/ folder; give the parts of a run (bench/final_pass_memory.py --work DIR)")

    import psutil

    import zhenggai.corpus.dedup_stream as D
    import zhenggai.corpus.finalise as F
    import zhenggai.corpus.heap as H

    if args.default_heap:
        H.fixed_mmap_threshold = lambda size=0: False
    proc = psutil.Process()
    peak = [0]

    def watch() -> None:
        while True:
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.05)

    def duck(con) -> int:
        return con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()[0]

    store_texts = D._store_texts

    def step(con, source, store):
        before, duck_before = proc.memory_info().rss, duck(con)
        peak[0] = before
        started = time.perf_counter()
        if args.step == "store":
            store_texts(con, source, store)
        else:
            con.execute("SELECT sum(length(text)) FROM dedup_texts").fetchall()
        after, duck_after, took = proc.memory_info().rss, duck(con), time.perf_counter() - started
        H.release_freed()
        mib = lambda n: n >> 20  # noqa: E731
        print(f"{args.step}: {took:.1f} s; RSS {mib(before)} -> peak {mib(peak[0])} -> {mib(after)} MiB, "
              f"{mib(proc.memory_info().rss)} after release_freed(); DuckDB's buffers {mib(duck_before)} -> "
              f"{mib(duck_after)} MiB")
        raise _Stop

    D._store_texts = step
    threading.Thread(target=watch, daemon=True).start()
    run = Path(tempfile.mkdtemp(prefix="texts-step-"))
    try:
        shutil.copytree(args.parts, run / "parts")
        F.finalise(run, [], {}, {})
    except _Stop:
        return 0
    finally:
        shutil.rmtree(run, ignore_errors=True)
    print("the pass had no texts step to measure (no roots left for the partial-copy check)")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
