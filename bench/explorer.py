"""Time the explorer on a dataset of N generated notices (default 10,000).

    python bench/explorer.py [--notices 10000] [--workdir DIR] [--keep]

1. writes N notices with zhenggai.corpus.synth.write_corpus and runs `zhenggai batch` with the
   template's oracle extractor (fast, and every table filled as the real extractor fills it);
2. times building the explorer's SQLite file (zhenggai.corpus.explorer_db.build_sqlite, forced);
3. starts `zhenggai serve` on a free loopback port with that file built and times, from process
   start, the first answered page (/zhenggai/notices), then one request each for a search,
   a facet, a notice page and a dashboard chart's data;
4. prints the figures.  Timings vary by machine; nothing asserts on them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[float, int]:
    began = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        body = response.read()
    return time.perf_counter() - began, len(body)


def _is_dataset(path: Path) -> bool:
    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.query import connect

    try:
        connect(path).close()
    except DatasetError:
        return False
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--workdir", help="folder for the corpus, dataset and SQLite file (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)

    from zhenggai.corpus.charts import CHARTS, chart_sql
    from zhenggai.corpus.explorer_db import build_sqlite
    from zhenggai.corpus.query import connect
    from zhenggai.corpus.synth import write_corpus
    from zhenggai.corpus.tables import TABLES

    work = Path(args.workdir or tempfile.mkdtemp(prefix="zhenggai-bench-explorer-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, dataset, db = work / "corpus", work / "dataset", work / "explorer.db"
    try:
        if not _is_dataset(dataset):
            began = time.perf_counter()
            write_corpus(corpus, n=args.notices, seed=14)
            subprocess.run([sys.executable, "-m", "zhenggai", "batch", str(corpus), "-o", str(dataset), "--quiet",
                            "--extractor", "zhenggai.corpus.synth:oracle"], check=True)
            print(f"corpus and dataset: {time.perf_counter() - began:.1f} s")
        con = connect(dataset)
        counts = {t: con.sql(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in TABLES}
        con.close()
        print("dataset: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))

        began = time.perf_counter()
        build_sqlite(dataset, db, force=True)
        build = time.perf_counter() - began
        began = time.perf_counter()
        _, rebuilt = build_sqlite(dataset, db)
        reuse = time.perf_counter() - began
        assert not rebuilt
        print(f"build SQLite file: {build:.1f} s ({db.stat().st_size / 2**20:.0f} MB); "
              f"check and reuse it unchanged: {reuse:.2f} s")

        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        began = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "zhenggai", "serve", str(dataset), "--port", str(port),
                                 "--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    first, size = _get(base + "/zhenggai/notices")
                    break
                except OSError:
                    if proc.poll() is not None or time.perf_counter() - began > 300:
                        raise SystemExit("zhenggai serve did not start")
                    time.sleep(0.1)
            print(f"serve: first page (/zhenggai/notices, {size // 1024} KB) {time.perf_counter() - began:.1f} s "
                  f"after start (the request itself {first:.2f} s)")
            notice_id = json.loads(urllib.request.urlopen(
                base + "/zhenggai/notices.json?_shape=array&_size=1&_col=notice_id").read())[0]["notice_id"]
            chart = CHARTS[0]
            for label, path in (
                ("notices page again", "/zhenggai/notices"),
                ("search 整改", "/zhenggai/notices?_search=" + urllib.parse.quote("整改")),
                ("facet sector=民政", "/zhenggai/notices?sector=" + urllib.parse.quote("民政")),
                ("notice page", "/-/notice/" + notice_id),
                ("dashboard page", "/-/dashboards/overview"),
                (f"chart data ({chart.slug})", "/zhenggai.json?_shape=objects&sql="
                 + urllib.parse.quote(chart_sql(chart, filters=False))),
            ):
                took, size = _get(base + path)
                print(f"  {label}: {took:.2f} s ({size // 1024} KB)")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
