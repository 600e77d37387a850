"""The explorer's SQLite file: the dataset's tables, full-text indexes and comparison tables.

    path = build_sqlite("DATASET")          # reused while the dataset is unchanged

Built with sqlite-utils from :func:`zhenggai.corpus.load` (the Parquet tables as DataFrames):

- one table per dataset table, same columns (dates as ISO text, flags as JSON text), with the
  view ``canonical_notices`` (reposts once) and foreign keys from child tables to ``notices``;
- ``notices_fts`` (title, issue statements, text) and ``sections_fts`` (heading, issue): FTS5
  over jieba words (:mod:`zhenggai.corpus.segment`), rowids equal to the table's rowids;
- ``compare_<by>`` for province, city, sector, level, year and organisation
  (:func:`zhenggai.corpus.compare.compare`);
- ``_zhenggai_build``: the dataset fingerprint the file was built from.

The fingerprint hashes every notice's id, content hash, repost link and extractor version and
every error row (read through :func:`zhenggai.corpus.query.connect`), so a batch run that
changes anything gives a new file and an unchanged dataset reuses the old one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from decimal import Decimal
from pathlib import Path

from zhenggai.corpus.tables import TABLES, table_columns

# Bump when the file's layout changes, so older cached files are rebuilt.
BUILD_VERSION = "1"
COMPARE_BY = ("province", "city", "sector", "level", "year", "organisation", "round")
# Below this many rows, segmenting in this process is faster than starting workers.
POOL_MIN_ROWS = 2000
CHILD_TABLES = ("sections", "mentions", "documents", "money_totals")
_SQLITE_TYPES = {"int64": int, "float64": float, "bool": int}
BUILD_TABLE = "_zhenggai_build"


def fingerprint(dataset: str | os.PathLike) -> str:
    """A hash that changes whenever the dataset's content changes."""
    from zhenggai.corpus.query import connect

    con = connect(dataset)
    try:
        digest = hashlib.sha256(f"zhenggai-explorer {BUILD_VERSION}\n".encode())
        for table in TABLES:
            names = [r[0] for r in con.sql(f'DESCRIBE "{table}"').fetchall()]
            digest.update(f"{table}:{','.join(names)}\n".encode())
        rows = con.sql("""SELECT notice_id, content_hash, duplicate_of, extractor_version
                          FROM notices ORDER BY notice_id""").fetchall()
        rows += con.sql("SELECT input, content_hash, error_class, message FROM errors ORDER BY input").fetchall()
        for row in rows:
            digest.update(("\x1f".join("" if v is None else str(v) for v in row) + "\n").encode())
        return digest.hexdigest()
    finally:
        con.close()


def default_db_path(dataset: str | os.PathLike) -> Path:
    """Where the SQLite file of ``dataset`` is cached: $ZHENGGAI_CACHE or ~/.cache/zhenggai/explorer."""
    root = Path(os.environ.get("ZHENGGAI_CACHE") or Path.home() / ".cache" / "zhenggai") / "explorer"
    key = hashlib.sha1(str(Path(dataset).resolve()).encode()).hexdigest()[:16]
    return root / f"{Path(dataset).resolve().name}-{key}.db"


def built_fingerprint(path: Path) -> str | None:
    """The fingerprint an existing SQLite file was built from (None when absent or unreadable)."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute(f"SELECT fingerprint FROM {BUILD_TABLE}").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def build_sqlite(dataset: str | os.PathLike, path: str | os.PathLike | None = None, *,
                 force: bool = False, workers: int | None = None) -> tuple[Path, bool]:
    """Build (or reuse) the SQLite file of ``dataset``; returns (path, whether it was rebuilt).

    ``workers`` processes cut the text into words for the search index (default: all cores).
    """
    from zhenggai.corpus.dataset import require_dataset

    require_dataset(dataset)
    path = Path(path) if path else default_db_path(dataset)
    print_ = fingerprint(dataset)
    if not force and built_fingerprint(path) == print_:
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.partial")
    tmp.unlink(missing_ok=True)
    try:
        _write(dataset, tmp, print_, workers or os.cpu_count() or 1)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path, True


def _plain(value):
    """A DataFrame cell as a value SQLite stores: None for nulls, ISO text for dates."""
    if value is None:
        return None
    try:
        if value != value:  # NaN, NaT
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if str(value) == "<NA>":
        return None
    return value


def _records(frame):
    names = list(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        yield {n: _plain(v) for n, v in zip(names, row)}


def _column_types(table: str, frame) -> dict:
    known = {c.name: _SQLITE_TYPES.get(c.type, str) for c in table_columns(table)}
    out = {}
    for name in frame.columns:
        if name in known:
            out[name] = known[name]
        else:  # a column added after this module was written (e.g. doc_type): infer it
            kind = frame[name].dtype.kind
            out[name] = int if kind in "iub" else float if kind == "f" else str
    return out


def _index_row(row: tuple) -> tuple:
    from zhenggai.corpus.segment import index_text

    rowid, *texts = row
    return (rowid, *(index_text(t) for t in texts))


def _segmented(rows: list[tuple], workers: int) -> list[tuple]:
    """(rowid, text, …) rows with each text as index words; in worker processes for large tables."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from zhenggai.corpus.segment import load

    load()  # before forking, so the workers share the loaded dictionary
    if workers <= 1 or len(rows) < POOL_MIN_ROWS:
        return [_index_row(r) for r in rows]
    context = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(_index_row, rows, chunksize=64))


def _write(dataset, path: Path, print_: str, workers: int) -> None:
    import sqlite_utils

    from zhenggai.corpus import load
    from zhenggai.corpus.compare import compare
    from zhenggai.corpus.query import connect

    frames = load(dataset)
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode = OFF")
    db.conn.execute("PRAGMA synchronous = OFF")
    for table in TABLES:
        frame = frames[table]
        pk = {"notices": "notice_id", "sections": ("notice_id", "seq")}.get(table)
        db[table].create(_column_types(table, frame), pk=pk)
        db[table].insert_all(_records(frame), batch_size=2000)
    for table in CHILD_TABLES:
        db[table].add_foreign_key("notice_id", "notices", "notice_id")
        db[table].create_index(["notice_id"])
    for column in ("region_province", "sector", "level", "year"):
        db["notices"].create_index([column])
    db.create_view("canonical_notices", "SELECT * FROM notices WHERE duplicate_of IS NULL")

    issues: dict[str, list[str]] = {}
    for notice_id, issue in db.execute(
            "SELECT notice_id, issue FROM sections WHERE issue IS NOT NULL ORDER BY notice_id, seq"):
        issues.setdefault(notice_id, []).append(issue)
    rows = [(rowid, title, "。".join(issues.get(nid, [])), text)
            for rowid, nid, title, text in db.execute("SELECT rowid, notice_id, title, text FROM notices")]
    db.execute("CREATE VIRTUAL TABLE notices_fts USING fts5(title, issues, text, content='', "
               "tokenize='unicode61')")
    db.conn.executemany("INSERT INTO notices_fts (rowid, title, issues, text) VALUES (?, ?, ?, ?)",
                        _segmented(rows, workers))
    rows = db.execute("SELECT rowid, heading, issue FROM sections").fetchall()
    db.execute("CREATE VIRTUAL TABLE sections_fts USING fts5(heading, issue, content='', tokenize='unicode61')")
    db.conn.executemany("INSERT INTO sections_fts (rowid, heading, issue) VALUES (?, ?, ?)",
                        _segmented(rows, workers))

    con = connect(dataset)
    try:
        for by in COMPARE_BY:
            frame = compare(dataset, by=by, con=con)
            db[f"compare_{by}"].insert_all(_records(frame))
        for view in ("inspections", "recurrences"):  # the lifecycle views, as tables
            db[view].insert_all(_records(con.sql(f"SELECT * FROM {view}").df()))
    finally:
        con.close()

    published = db.execute("SELECT max(source_published_at) FROM canonical_notices").fetchone()[0]
    db[BUILD_TABLE].insert({
        "fingerprint": print_,
        "dataset": str(Path(dataset).resolve()),
        "latest_published": published,
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "counts": json.dumps({t: db[t].count for t in TABLES}),
    })
    db.conn.commit()
    db.close()
