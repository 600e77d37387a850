"""``zhenggai serve DATASET``: a local, read-only Datasette over a dataset.

    zhenggai serve DATASET [--port 8001] [--host 127.0.0.1] [--db FILE] [--rebuild]

The SQLite file is built with sqlite-utils (:mod:`zhenggai.corpus.explorer_db`) and reused
while the dataset is unchanged; Datasette opens it immutable.  Everything a page loads comes
from this server: Datasette's own assets, datasette-dashboards' bundled Vega scripts and
zhenggai's stylesheet.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def make_datasette(db_path: str | os.PathLike):
    """A Datasette instance over the explorer's SQLite file, with the zhenggai plugin and metadata."""
    import sqlite3

    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from zhenggai.corpus import explorer_plugin
    from zhenggai.corpus.explorer_meta import DATABASE, metadata

    if not pm.is_registered(explorer_plugin):
        pm.register(explorer_plugin, name="zhenggai")
    con = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    try:
        notice_columns = [r[1] for r in con.execute("PRAGMA table_info(notices)")]
        compare_tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'compare%' ORDER BY name")]
    finally:
        con.close()
    static = resources.files("zhenggai").joinpath("templates")
    ds = Datasette(
        metadata=metadata(notice_columns, compare_tables),
        static_mounts=[(explorer_plugin.STATIC, str(static))],
        settings={"truncate_cells_html": 160, "default_facet_size": 15, "sql_time_limit_ms": 5000,
                  "facet_time_limit_ms": 1000, "allow_signed_tokens": False,
                  # Suggesting facets tries every column of a 66-column table on each page: seconds at 10,000 notices.
                  "suggest_facets": False},
    )
    ds.add_database(Database(ds, path=str(Path(db_path).resolve()), is_mutable=False), name=DATABASE)
    if "_memory" in ds.databases:  # Datasette adds it when started without files; nothing to see there
        ds.remove_database("_memory")
    return ds


def serve(dataset: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8001,
          db: str | os.PathLike | None = None, rebuild: bool = False, log=print) -> None:
    """Build (or reuse) the SQLite file and serve it until interrupted."""
    import asyncio
    import threading
    import time

    import uvicorn

    from zhenggai.corpus.explorer_db import build_sqlite
    from zhenggai.corpus.segment import load as load_segmenter

    began = time.perf_counter()
    path, built = build_sqlite(dataset, db, force=rebuild)
    log(f"{'built' if built else 'reusing'} {path} ({time.perf_counter() - began:.1f} s)")
    ds = make_datasette(path)
    asyncio.run(ds.invoke_startup())
    # Load jieba's dictionary while the server starts, so the first search does not wait for it.
    threading.Thread(target=load_segmenter, name="zhenggai-jieba", daemon=True).start()
    log(f"serving {dataset} on http://{host}:{port}/ (read-only; Ctrl-C stops)")
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
