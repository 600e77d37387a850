"""The dataset folder: Parquet parts, atomic swap, manifest, DuckDB file, loading.

    DATASET/
      notices/part-00000.parquet  sections/…  mentions/…  documents/…  money_totals/…  errors/…
      _minhash/part-00000.parquet   (MinHash signatures kept for --resume)
      manifest.json                 (inputs with their content hashes, counts, versions)
      dataset.duckdb                (one view per table over the Parquet files)
      .tmp-XXXX/                    (a run in progress: parts/, journal.jsonl, final/)

A run writes chunked parts into ``.tmp-XXXX/parts`` and appends one journal
line per finished chunk, so an interrupted run can be resumed.  The finished
tables are built in ``.tmp-XXXX/final`` and swapped in with ``os.replace``;
``manifest.json`` is replaced last.  A swap that was cut short is finished by
the next run (:func:`recover`).

>>> sorted(ALLOWED_ENTRIES)[:3]
['_minhash', 'dataset.duckdb', 'documents']
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zhenggai.corpus.tables import TABLES

INTERNAL_TABLES = ("_minhash",)
PART_TABLES = TABLES + INTERNAL_TABLES
# Child tables carry the input they came from while in parts (dropped in the final tables).
CHILD_TABLES = ("sections", "issue_categories", "mentions", "documents", "money_totals")
ALLOWED_ENTRIES = frozenset(PART_TABLES) | {"manifest.json", "dataset.duckdb"}
MANIFEST = "manifest.json"
DUCKDB_FILE = "dataset.duckdb"
FORMAT_NAME = "zhenggai-dataset"


class DatasetError(Exception):
    """A dataset folder problem the user can fix (wrong folder, missing dataset)."""


class DiskFullError(DatasetError):
    """The disk filled up while a run wrote; the previous dataset is left as it was."""


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
        strangers = [
            p.name for p in dataset.iterdir()
            if p.name not in ALLOWED_ENTRIES and not p.name.startswith(".tmp-")
        ]
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
        inputs = manifest.get("inputs", {})
        done = {(name, v["hash"]): v["status"] for name, v in inputs.items() if v.get("hash")}
        files = {t: _table_files(dataset / t) for t in PART_TABLES}
        sources.append(ReuseSource("final", dataset, done, files))
    return sources


def read_manifest(dataset: Path) -> dict | None:
    path = Path(dataset) / MANIFEST
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def swap_in(dataset: Path, tmp: Path) -> None:
    """Move ``tmp/final`` into ``dataset`` (idempotent: a cut-short swap can be run again).

    Renames only, within one file system; the DuckDB file is the one thing written, and if
    that fails (a full disk) or Ctrl-C arrives, the tables moved so far go back: the previous
    dataset stays whole.  Only a killed process leaves a swap half done, and the next run
    finishes it (:func:`recover`).
    """
    final, old = tmp / "final", tmp / "old"
    moved: list[str] = []
    try:
        for entry in sorted(final.iterdir()):
            if entry.name in ("READY", MANIFEST):
                continue
            target = dataset / entry.name
            if target.exists():
                old.mkdir(exist_ok=True)
                if (old / entry.name).exists():
                    shutil.rmtree(old / entry.name)
                os.replace(target, old / entry.name)
            os.replace(entry, target)
            moved.append(entry.name)
        write_duckdb_file(dataset, tmp / DUCKDB_FILE)
        os.replace(tmp / DUCKDB_FILE, dataset / DUCKDB_FILE)
    except BaseException:
        _roll_back(dataset, tmp, moved)
        raise
    if (final / MANIFEST).exists():
        os.replace(final / MANIFEST, dataset / MANIFEST)
    shutil.rmtree(tmp, ignore_errors=True)


def _roll_back(dataset: Path, tmp: Path, moved: list[str]) -> None:
    """Undo the renames of a swap that failed: new tables back to final/, old ones back in place."""
    final, old = tmp / "final", tmp / "old"
    (tmp / DUCKDB_FILE).unlink(missing_ok=True)
    for name in reversed(moved):
        if (dataset / name).exists():
            os.replace(dataset / name, final / name)
        if (old / name).exists():
            os.replace(old / name, dataset / name)
    (final / "READY").unlink(missing_ok=True)  # not to be swapped in by a later run's recover()


def recover(dataset: Path) -> None:
    """Finish swaps that a previous run started but did not end."""
    for tmp in sorted(Path(dataset).glob(".tmp-*")):
        if (tmp / "final" / "READY").exists():
            swap_in(Path(dataset), tmp)


def drop_stale(dataset: Path, keep: Path | None = None) -> None:
    """Remove interrupted runs' folders (a run without --resume starts afresh)."""
    for tmp in Path(dataset).glob(".tmp-*"):
        if tmp != keep:
            shutil.rmtree(tmp, ignore_errors=True)


def table_files(dataset: Path, table: str) -> list[Path]:
    """The Parquet files of one table of a finished dataset (absolute)."""
    return [p.resolve() for p in _table_files(Path(dataset) / table)]


def _extra_views() -> dict[str, str]:
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
            source = _sql_str(str((Path(dataset) / table).resolve() / "*.parquet"))
        out.append(f'CREATE VIEW "{table}" AS SELECT * FROM read_parquet({source})')
    for name, body in _extra_views().items():
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
    path = Path(dataset)
    manifest = read_manifest(path)
    if manifest is None or manifest.get("format") != FORMAT_NAME:
        raise DatasetError(
            f"{path}: no zhenggai dataset here (manifest.json missing); build one with zhenggai batch"
        )
    return path


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
