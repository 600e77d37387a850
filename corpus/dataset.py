"""The dataset folder: Parquet parts, atomic switch, manifest, DuckDB file, lock, loading.

    DATASET/
      current -> v-XXXXXXXX           (symlink: the one version readers see)
      v-XXXXXXXX/
        notices/part-00000.parquet  sections/…  mentions/…  documents/…  money_totals/…  errors/…
        _minhash/part-00000.parquet   (MinHash signatures kept for --resume)
                                      (a large table: part-00000, part-00001 … each sorted, in key order)
        manifest.json                 (inputs with their content hashes, counts, versions)
        dataset.duckdb                (one view per table over the Parquet files)
      dataset.duckdb -> current/dataset.duckdb
      .lock                           (held by a running batch: pid, host, start)
      .tmp-XXXX/                      (a run in progress: parts/, journal.jsonl, final/)

A run writes chunked parts into ``.tmp-XXXX/parts`` and appends one journal
line per finished chunk, so an interrupted run can be resumed.  The finished
tables are built in ``.tmp-XXXX/final``, renamed to a new ``v-…`` folder, and
made current by one ``os.replace`` of the ``current`` symlink: a reader sees the
old version or the new one, never a mix, wherever the run is killed.  Every
reader finds the tables through :func:`resolve`.  Folders of the old layout
(tables at the top) are read as they are and converted by the next run.

>>> sorted(ALLOWED_ENTRIES)[:3]
['.lock', '_minhash', 'current']
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from zhenggai.corpus.tables import TABLES

INTERNAL_TABLES = ("_minhash",)
PART_TABLES = TABLES + INTERNAL_TABLES
# Child tables carry the input they came from while in parts (dropped in the final tables).
CHILD_TABLES = ("sections", "issue_categories", "mentions", "documents", "money_totals")
ALLOWED_ENTRIES = frozenset(PART_TABLES) | {"manifest.json", "dataset.duckdb", "current", ".lock"}
MANIFEST = "manifest.json"
DUCKDB_FILE = "dataset.duckdb"
FORMAT_NAME = "zhenggai-dataset"
CURRENT = "current"
LOCK = ".lock"
VERSION_PREFIX = "v-"


class DatasetError(Exception):
    """A dataset folder problem the user can fix (wrong folder, missing dataset)."""


class DiskFullError(DatasetError):
    """The disk filled up while a run wrote; the previous dataset is left as it was."""


class FinalPassMemoryError(DatasetError):
    """The final pass ran out of DuckDB's memory budget, also after its retry with a larger one."""


class DatasetLocked(DatasetError):
    """Another run holds the dataset's lock."""


# Descriptors of locks this process holds: forked workers close them (see zhenggai.corpus.pool).
LOCK_FDS: set[int] = set()


@contextmanager
def locked(dataset: Path) -> Iterator[None]:
    """Hold ``DATASET/.lock`` (flock) for the block; a second holder gets one line naming the first.

    The lock goes with the process: a killed run leaves no stale lock behind.
    """
    import datetime as dt
    import fcntl
    import socket

    dataset.mkdir(parents=True, exist_ok=True)
    fd = os.open(dataset / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = os.pread(fd, 300, 0).decode("utf-8", "replace").strip() or "holder unknown"
        os.close(fd)
        raise DatasetLocked(
            f"{dataset}: another zhenggai batch is writing this dataset ({holder}); "
            "wait for it to end or write elsewhere with -o"
        ) from None
    start = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {start}\n".encode(), 0)
    LOCK_FDS.add(fd)
    try:
        yield
    finally:
        LOCK_FDS.discard(fd)
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def part_schema(table: str):
    """Arrow schema of a part file: the table's columns (+ ``_input`` for child tables)."""
    import pyarrow as pa

    from zhenggai.corpus.tables import arrow_schema

    if table == "_minhash":
        return pa.schema([pa.field("input", pa.string()), pa.field("signature", pa.binary())])
    schema = arrow_schema(table)
    if table in CHILD_TABLES:
        schema = schema.append(pa.field("_input", pa.string()))
    return schema


def write_part(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    """Write rows as one Parquet file, atomically (a reader never sees half a part)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = part_schema(table)
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    tmp = path.with_name(path.name + ".partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        pq.write_table(pa.table(cols, schema=schema), tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk must not also keep half a file
        raise


@dataclass
class PartWriter:
    """Buffers outcomes and writes one part per table every ``chunk_size`` inputs."""

    parts_dir: Path
    prefix: str
    chunk_size: int = 500
    seq: int = 0
    _rows: dict[str, list] = field(default_factory=lambda: {t: [] for t in PART_TABLES})
    _inputs: list = field(default_factory=list)

    def add(self, outcome) -> dict | None:
        """Buffer one outcome; returns a journal entry when a chunk was written."""
        if outcome.status == "reused":
            return None
        for table, rows in outcome.rows.items():
            if table in CHILD_TABLES:
                for r in rows:
                    r["_input"] = outcome.name
            self._rows[table].extend(rows)
        self._inputs.append([outcome.name, outcome.content_hash, outcome.status])
        if len(self._inputs) >= self.chunk_size:
            return self.flush()
        return None

    def flush(self) -> dict | None:
        if not self._inputs:
            return None
        files = []
        for table in PART_TABLES:
            if self._rows[table]:
                name = f"{table}/part-{self.prefix}-{self.seq:05d}.parquet"
                write_part(self.parts_dir / name, table, self._rows[table])
                files.append(name)
        entry = {"prefix": self.prefix, "seq": self.seq, "files": files, "inputs": self._inputs}
        self.seq += 1
        self._rows = {t: [] for t in PART_TABLES}
        self._inputs = []
        return entry


def check_dataset_dir(dataset: Path) -> None:
    """Refuse to write into a folder that holds anything but a zhenggai dataset."""
    if dataset.exists() and not dataset.is_dir():
        raise DatasetError(f"{dataset}: exists and is not a folder; give a new or dataset folder with -o")
    if dataset.is_dir():
        ours = (".tmp-", ".trash-", ".current-", VERSION_PREFIX)
        strangers = [p.name for p in dataset.iterdir() if p.name not in ALLOWED_ENTRIES and not p.name.startswith(ours)]
        if strangers:
            raise DatasetError(
                f"{dataset}: not a zhenggai dataset folder (holds {', '.join(sorted(strangers)[:3])}); "
                "give an empty or new folder with -o"
            )


def new_tmp(dataset: Path) -> Path:
    dataset.mkdir(parents=True, exist_ok=True)
    tmp = dataset / f".tmp-{uuid.uuid4().hex[:8]}"
    try:
        (tmp / "parts").mkdir(parents=True)
        for table in PART_TABLES:  # an empty, typed part per table: readers never see an empty file list
            write_part(tmp / "parts" / table / "part-empty.parquet", table, [])
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def append_journal(tmp: Path, entry: dict) -> None:
    with open(tmp / "journal.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def read_journal(tmp: Path) -> list[dict]:
    """Finished chunks of a (possibly interrupted) run; a torn last line is ignored."""
    path = tmp / "journal.jsonl"
    entries = []
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                break
    return entries


@dataclass
class ReuseSource:
    """Rows a resumed run can take over: a finished dataset or an interrupted run's parts."""

    kind: str  # "final" | "tmp"
    root: Path
    done: dict[tuple[str, str], str]  # (input, content hash) → status
    files: dict[str, list[Path]]  # table → part files holding those inputs


def _table_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []


def reuse_sources(
    dataset: Path, exclude: Path | None = None, extractor_version: str | None = None
) -> list[ReuseSource]:
    """Where --resume finds finished inputs: interrupted runs first (newest work), then the dataset."""
    sources = []
    for tmp in sorted(dataset.glob(".tmp-*")):
        if tmp == exclude or (tmp / "final" / "READY").exists():
            continue
        entries = read_journal(tmp)
        versions = {e.get("extractor_version") for e in entries} - {None}
        if extractor_version and versions - {extractor_version}:
            continue
        done, files = {}, {t: [] for t in PART_TABLES}
        for e in entries:
            for name, digest, status in e["inputs"]:
                if digest:
                    done[(name, digest)] = status
            for f in e["files"]:
                files[f.split("/")[0]].append(tmp / "parts" / f)
        if done:
            sources.append(ReuseSource("tmp", tmp, done, files))
    manifest = read_manifest(dataset)
    if manifest and (not extractor_version or manifest.get("extractor_version") == extractor_version):
        sources.append(final_source(dataset, manifest))
    return sources


def final_source(dataset: Path, manifest: dict | None = None) -> ReuseSource:
    """The finished dataset as a source of rows (for --resume, and all of it for --append)."""
    manifest = manifest if manifest is not None else (read_manifest(dataset) or {})
    inputs = manifest.get("inputs", {})
    done = {(name, v["hash"]): v["status"] for name, v in inputs.items() if v.get("hash")}
    folder = resolve(dataset)
    files = {t: _table_files(folder / t) for t in PART_TABLES}
    return ReuseSource("final", folder, done, files)


def resolve(dataset: str | os.PathLike) -> Path:
    """The folder that holds the dataset's tables now: ``current``'s target, else the folder itself.

    The one resolver every reader goes through (load, query, compare, --resume).  The
    symlink names a ``v-…`` folder beside it; anything else is refused.

    >>> resolve("/no/such/dataset")
    PosixPath('/no/such/dataset')
    """
    root = Path(dataset)
    link = root / CURRENT
    if not link.is_symlink():
        return root
    target = os.readlink(link)
    if not target.startswith(VERSION_PREFIX) or "/" in target or os.sep in target:
        raise DatasetError(f"{root}: {CURRENT} points outside the dataset ({target!r}); rebuild with zhenggai batch")
    return root / target


def read_manifest(dataset: Path) -> dict | None:
    path = resolve(dataset) / MANIFEST
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise DatasetError(f"{dataset}: manifest.json is damaged; rebuild with zhenggai batch --overwrite") from None


def swap_in(dataset: Path, tmp: Path) -> None:
    """Make ``tmp/final`` the current version of ``dataset`` (the only step readers see is one rename).

    Steps: rename ``final`` to a new ``v-…`` folder; write its DuckDB file; point a new
    symlink at it; ``os.replace`` that symlink over ``current`` (the switch); then tidy up
    (the top-level ``dataset.duckdb`` link, the old version, tables of the old layout).
    Killed before the switch, the previous dataset stays current and the next run removes
    the unused folder; killed after it, the new one is current and the next run tidies up.
    A failure before the switch (a full disk writing the DuckDB file) removes the new folder.
    """
    final = tmp / "final"
    (final / "READY").unlink(missing_ok=True)
    version = dataset / f"{VERSION_PREFIX}{uuid.uuid4().hex[:8]}"
    os.replace(final, version)
    try:
        write_duckdb_file(version, version / (DUCKDB_FILE + ".partial"))
        os.replace(version / (DUCKDB_FILE + ".partial"), version / DUCKDB_FILE)
        link = dataset / f".current-{uuid.uuid4().hex[:8]}"
        os.symlink(version.name, link)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    try:
        os.replace(link, dataset / CURRENT)  # the switch
    except BaseException:
        link.unlink(missing_ok=True)
        shutil.rmtree(version, ignore_errors=True)
        raise
    # The run's work folder goes out of --resume's sight in one rename, then away.
    trash = dataset / f".trash-{tmp.name}"
    os.replace(tmp, trash)
    tidy(dataset)


def tidy(dataset: Path) -> None:
    """After a switch: the top-level DuckDB link, and no old version or old-layout table left."""
    dataset = Path(dataset)
    if not (dataset / CURRENT).is_symlink():
        return
    current = os.readlink(dataset / CURRENT)
    db = dataset / DUCKDB_FILE
    if not db.is_symlink():
        link = dataset / f".current-{uuid.uuid4().hex[:8]}"
        os.symlink(f"{CURRENT}/{DUCKDB_FILE}", link)
        os.replace(link, db)
    for entry in dataset.iterdir():
        name = entry.name
        if name.startswith(".trash-"):
            shutil.rmtree(entry, ignore_errors=True)
        elif name.startswith(".current-") and entry.is_symlink():
            entry.unlink(missing_ok=True)
        elif (name.startswith(VERSION_PREFIX) and name != current) or name in PART_TABLES:
            shutil.rmtree(entry, ignore_errors=True)
        elif name == MANIFEST:
            entry.unlink(missing_ok=True)


def recover(dataset: Path) -> None:
    """Finish what a killed run left: a built result not yet current, unused folders, old layout."""
    dataset = Path(dataset)
    for tmp in sorted(dataset.glob(".tmp-*")):
        if (tmp / "final" / "READY").exists():
            swap_in(dataset, tmp)
    if (dataset / CURRENT).is_symlink():
        tidy(dataset)
    else:  # old layout or no dataset yet: only never-switched versions and links go
        for entry in dataset.iterdir():
            if entry.name.startswith((VERSION_PREFIX, ".trash-")):
                shutil.rmtree(entry, ignore_errors=True)
            elif entry.name.startswith(".current-") and entry.is_symlink():
                entry.unlink(missing_ok=True)


def drop_stale(dataset: Path, keep: Path | None = None) -> None:
    """Remove interrupted runs' folders (a run without --resume starts afresh)."""
    for tmp in Path(dataset).glob(".tmp-*"):
        if tmp != keep:
            shutil.rmtree(tmp, ignore_errors=True)


def table_files(dataset: Path, table: str) -> list[Path]:
    """The Parquet files of one table of a finished dataset (absolute, through :func:`resolve`)."""
    return [p.resolve() for p in _table_files(resolve(dataset) / table)]


def extra_views() -> dict[str, str]:
    """Views over the tables: canonical notices and the inspection lifecycle (zhenggai.corpus.lifecycle)."""
    from zhenggai.corpus.lifecycle import LIFECYCLE_VIEWS

    return {
        # One row per cluster of reposts: what comparisons count.
        "canonical_notices": "SELECT * FROM notices WHERE duplicate_of IS NULL",
        **LIFECYCLE_VIEWS,
    }


def view_sql(dataset: Path, explicit: bool = False) -> list[str]:
    """CREATE VIEW statements, one per table (explicit file lists for the locked query connection)."""
    out = []
    for table in TABLES:
        files = table_files(dataset, table)
        if not files:
            raise DatasetError(f"{dataset}: table {table} has no Parquet files; rebuild with zhenggai batch")
        if explicit:
            source = "[" + ", ".join(_sql_str(str(f)) for f in files) + "]"
        else:
            source = _sql_str(str((resolve(dataset) / table).resolve() / "*.parquet"))
        out.append(f'CREATE VIEW "{table}" AS SELECT * FROM read_parquet({source})')
    for name, body in extra_views().items():
        out.append(f'CREATE VIEW "{name}" AS {body}')
    return out


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def write_duckdb_file(dataset: Path, path: Path) -> None:
    """A DuckDB database with a view per table over the dataset's Parquet files (absolute paths)."""
    import duckdb

    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    try:
        for stmt in view_sql(dataset):
            con.execute(stmt)
    finally:
        con.close()


def require_dataset(dataset: str | os.PathLike) -> Path:
    """The folder holding the tables of the dataset (resolved once: a run switching meanwhile is not seen)."""
    path = Path(dataset)
    folder = resolve(path)
    manifest = read_manifest(folder)
    if manifest is None or manifest.get("format") != FORMAT_NAME:
        raise DatasetError(
            f"{path}: no zhenggai dataset here (manifest.json missing); build one with zhenggai batch"
        )
    return folder


def has_dataset(dataset: str | os.PathLike) -> bool:
    """True when ``dataset`` holds a finished dataset (what a run must not overwrite by accident)."""
    try:
        return read_manifest(Path(dataset)) is not None
    except DatasetError:
        return True


def load(dataset: str | os.PathLike) -> dict[str, Any]:
    """All tables of a dataset as pandas DataFrames: ``{"notices": df, "sections": df, …}``.

    Integer and boolean columns keep their type with nulls (pandas ``Int64``/``boolean``).
    """
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    nullable = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    path = require_dataset(dataset)
    out = {}
    for table in TABLES:
        files = table_files(path, table)
        out[table] = pq.ParquetDataset([str(f) for f in files]).read().to_pandas(types_mapper=nullable.get)
    return out
