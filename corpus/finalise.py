"""The end of a run: parts (new and reused) → the finished, sorted, de-duplicated tables.

DuckDB does the heavy lifting out of core (``COPY (SELECT … ORDER BY …) TO``),
so a corpus larger than memory finishes too.  The result depends only on the
inputs, never on the order workers finished in: the local and the Dask engine
give the same tables row for row.

Exact reposts share ``Notice.id`` (it is computed from the text); to keep
``notice_id`` a key, the canonical copy keeps the id and each other copy gets
``<id>-<8 hex of sha1(input)>`` (``record_id`` keeps the extracted id).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

from zhenggai.corpus.dataset import (
    CHILD_TABLES,
    FORMAT_NAME,
    FinalPassMemoryError,
    MANIFEST,
    PART_TABLES,
    ReuseSource,
    _sql_str,
)
from zhenggai.corpus.dedup_stream import build_on_right, rows_in_batches
from zhenggai.corpus.tables import TABLES, table_columns

_DUCK_TYPES = {
    "string": "VARCHAR", "json": "VARCHAR", "int64": "BIGINT", "float64": "DOUBLE",
    "bool": "BOOLEAN", "date": "DATE", "timestamp": "TIMESTAMP",
}
DUCKDB_MEMORY = "64MB"  # the final pass's DuckDB budget unless ZHENGGAI_DUCKDB_MEMORY says otherwise (docs/cluster.md;
# 128 MB until the 5-gram steps were sliced: 64 MB peaks lower at every size and was as fast at 100,000 notices)
RETRY_FACTOR = 4  # a final pass that ran out of its budget starts again once with this many times it
# Sort keys: full, so that equal inputs give byte-equal tables.
_ORDER = {
    "notices": "input",
    "sections": "notice_id, seq",
    "issue_categories": "notice_id, section_seq, level, code",
    "mentions": 'notice_id, start, "end", kind, text',
    "documents": 'notice_id, start, "end", kind, text',
    "money_totals": "notice_id, start, category, text",
    "errors": "input",
    "skipped": "input",
    "_minhash": "input",
}


# Bytes of strings in one output part, at most.  DuckDB sorts each part within its budget; a sort whose
# rows carry long texts ran out of a 128 MB budget at 20,000 notices (about 180 MB of text) and not at
# 10,000, so a table with more text than this is written as several parts, each sorted, in key order.
PART_BYTES = 32 * 2**20
# A part's strings are also at most the budget divided by this: the sort and the Parquet writer hold a
# part's strings more than twice over (one part of 27 MiB of notices ran out of 64 MB, and parts of 9 MiB
# ran out of 32 MB but not of 64 MB; docs/cluster.md).
PART_OF_BUDGET = 8


def _files_sql(files: list[Path]) -> str:
    return "read_parquet([" + ", ".join(_sql_str(str(f)) for f in files) + "], union_by_name=true)"


def _key(table: str) -> str:
    return "_input" if table in CHILD_TABLES else "input"


def _raw_view(con, table: str, new_files: list[Path], sources: list[ReuseSource]) -> None:
    """raw_<table>: this run's rows plus the reused ones, in part layout (child rows keep _input)."""
    selects = [f"SELECT * FROM {_files_sql(new_files)}"]
    for i, src in enumerate(sources):
        files = src.files.get(table) or []
        if not files:
            continue
        reused = f"(SELECT input FROM reuse WHERE source = {i})"
        if src.kind == "tmp":
            selects.append(f"SELECT * FROM {_files_sql(files)} WHERE {_key(table)} IN {reused}")
        elif table in CHILD_TABLES:
            old_notices = _files_sql(src.files["notices"])
            selects.append(
                "SELECT c.* REPLACE (o.record_id AS notice_id), o.input AS _input "
                f"FROM {_files_sql(files)} c JOIN {old_notices} o ON c.notice_id = o.notice_id "
                f"WHERE o.input IN {reused}"
            )
        elif table == "notices":
            selects.append(
                f"SELECT * REPLACE (record_id AS notice_id) FROM {_files_sql(files)} WHERE input IN {reused}"
            )
        else:
            selects.append(f"SELECT * FROM {_files_sql(files)} WHERE input IN {reused}")
    con.execute(f'CREATE TEMP VIEW "raw_{table}" AS ' + " UNION ALL BY NAME ".join(selects))


def _id_map(con, spill_dir: Path) -> dict[str, int]:
    """Temp table ``idmap``: input → final notice_id, duplicate_of, duplicate_kind; returns counts per kind.

    The reposts are found inside DuckDB (``zhenggai.corpus.dedup_stream``), so the parent's memory
    does not grow with the corpus; the texts of the partial-copy check go to a file in ``spill_dir``.
    """
    from zhenggai.corpus.dedup_stream import link_duplicates

    counts = link_duplicates(
        con,
        # Written signatures first: inside build_on_right() the narrow rows of the notices are hashed and
        # the signatures (512 bytes a notice) stream past them.
        "SELECT n.input, n.record_id, n.text_hash, n.published_at, m.signature, n.length, n.truncated "
        "FROM raw__minhash m RIGHT JOIN (SELECT input, record_id, "
        "coalesce(nullif(text_hash, ''), record_id) AS text_hash, source_published_at AS published_at, "
        "text_length AS length, coalesce(flags LIKE '%\"code\": \"truncated\"%', false) AS truncated "
        "FROM raw_notices) n ON n.input = m.input",
        "SELECT input, text FROM raw_notices",
        spill_dir=spill_dir,
    )
    # Exact reposts share the extracted id: the first in canonical order keeps it, the others get a suffix.
    con.execute("""CREATE TEMP TABLE idmap AS
        WITH ids AS (
            SELECT o.input,
                   CASE WHEN row_number() OVER (PARTITION BY n.record_id ORDER BY o.pos) = 1 THEN n.record_id
                        ELSE n.record_id || '-' || sha1(o.input)[1:8] END AS notice_id
            FROM dedup_order o JOIN raw_notices n ON n.input = o.input)
        SELECT i.input, i.notice_id, c.notice_id AS duplicate_of, l.kind AS duplicate_kind
        FROM ids i LEFT JOIN dedup_links l ON l.input = i.input LEFT JOIN ids c ON c.input = l.canonical""")
    return counts


def part_bytes(budget: str) -> int:
    """Bytes of strings in one output part under a DuckDB budget: ``PART_BYTES``, less under a small budget.

    >>> part_bytes("128MB"), part_bytes("64MB"), part_bytes("a lot")
    (16000000, 8000000, 33554432)
    """
    size = budget_bytes(budget)
    return PART_BYTES if size is None else max(1, min(PART_BYTES, size // PART_OF_BUDGET))


def _part_bounds(con, body: str, table: str, limit: int) -> list[str]:
    """The first sort key of every output part after the first: cuts where the parts' strings reach ``limit``.

    One narrow pass over the table (its first sort key and the bytes of its string and binary columns,
    grouped by key); rows sharing that key always land in one part.
    """
    key = _ORDER[table].split(",")[0].strip()
    sizes = {"VARCHAR": "strlen", "BLOB": "octet_length"}
    columns = con.execute(f"DESCRIBE SELECT * FROM ({body})").fetchall()
    weight = " + ".join([f'coalesce({sizes[t]}("{name}"), 0)' for name, t, *_ in columns if t in sizes]
                        + [str(8 * len(columns))])
    bounds, size = [], 0
    for value, weight_of in rows_in_batches(
            con, f"SELECT {key}, sum({weight}) FROM ({body}) GROUP BY {key} ORDER BY {key} NULLS LAST"):
        if value is not None and size and size + weight_of > limit:
            bounds.append(value)
            size = 0
        size += weight_of
    return bounds


def _copy_sorted(con, body: str, table: str, folder: Path, limit: int = PART_BYTES) -> int:
    """Write ``body`` sorted by the table's full key as ``folder/part-NNNNN.parquet`` (one part unless large).

    ``limit``: the bytes of strings in one part (:func:`part_bytes`).

    Read in file-name order, the parts are the table in key order.  Returns the number of rows written.
    """
    key = _ORDER[table].split(",")[0].strip()
    bounds = _part_bounds(con, body, table, limit)
    rows = 0
    for i, (lo, hi) in enumerate(zip([None, *bounds], [*bounds, None])):
        where = []
        if lo is not None:
            where.append(f"({key} >= {_sql_str(lo)} OR {key} IS NULL)" if hi is None else f"{key} >= {_sql_str(lo)}")
        if hi is not None:
            where.append(f"{key} < {_sql_str(hi)}")
        cond = f"WHERE {' AND '.join(where)}" if where else ""
        out = folder / f"part-{i:05d}.parquet"
        con.execute(f"COPY (SELECT * FROM ({body}) {cond} ORDER BY {_ORDER[table]}) TO {_sql_str(str(out))} "
                    "(FORMAT parquet, COMPRESSION zstd)")
        rows += con.execute(f"SELECT count(*) FROM read_parquet({_sql_str(str(out))})").fetchall()[0][0]
    return rows


def write_manifest(path: Path, manifest: dict, inputs) -> None:
    """``manifest.json``: ``manifest`` plus ``"inputs"`` written from (input, hash, status) rows as they come.

    The same text as ``json.dumps({**manifest, "inputs": {...}}, ensure_ascii=False, indent=1)``, without
    holding every input's entry in memory at once.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "m.json"
    >>> write_manifest(out, {"format": "x"}, iter([("a.txt", "h", "ok")]))
    >>> json.loads(out.read_text(encoding="utf-8"))
    {'format': 'x', 'inputs': {'a.txt': {'hash': 'h', 'status': 'ok'}}}
    """
    head = json.dumps(manifest, ensure_ascii=False, indent=1)
    with path.open("w", encoding="utf-8") as f:
        f.write(head[:-2] + ',\n "inputs": {' if manifest else '{\n "inputs": {')
        sep = "\n"
        for name, digest, status in inputs:
            entry = json.dumps({"hash": digest, "status": status}, ensure_ascii=False, indent=1)
            f.write(sep + "  " + json.dumps(name, ensure_ascii=False) + ": " + entry.replace("\n", "\n  "))
            sep = ",\n"
        f.write("}\n}" if sep == "\n" else "\n }\n}")


def _select_list(table: str, alias: str, overrides: dict[str, str]) -> str:
    cols = []
    for c in table_columns(table):
        expr = overrides.get(c.name, f'{alias}."{c.name}"')
        cols.append(f'CAST({expr} AS {_DUCK_TYPES[c.type]}) AS "{c.name}"')
    return ", ".join(cols)


def budget_bytes(size: str) -> int | None:
    """Bytes in a DuckDB memory size such as ``128MB``, ``1.5GiB`` or ``512 KB`` (None when not one).

    >>> budget_bytes("128MB"), budget_bytes("1GiB"), budget_bytes("lots")
    (128000000, 1073741824, None)
    """
    import re

    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(i?)B\s*", size, re.IGNORECASE)
    if not found:
        return None
    number, prefix, binary = found.groups()
    base = 1024 if binary else 1000
    return int(float(number) * base ** " KMGT".index(prefix.upper() or " "))


def finalise(tmp: Path, sources: list[ReuseSource], reuse: dict[str, int], manifest_extra: dict) -> dict:
    """Build ``tmp/final`` (tables, _minhash, manifest.json, READY); returns the manifest.

    Should DuckDB run out of its budget (``ZHENGGAI_DUCKDB_MEMORY``, default ``DUCKDB_MEMORY``), the
    pass starts again once with ``RETRY_FACTOR`` times the budget, and the manifest's
    ``final_pass`` says so; a second failure is :class:`FinalPassMemoryError` (the run's finished
    inputs are kept for ``--resume``).
    """
    import duckdb

    from zhenggai.corpus.heap import fixed_mmap_threshold

    fixed_mmap_threshold()  # texts and Arrow batches pass through: their blocks are given back when freed
    budget = os.environ.get("ZHENGGAI_DUCKDB_MEMORY", DUCKDB_MEMORY)
    try:
        return _finalise(tmp, sources, reuse, manifest_extra, budget)
    except duckdb.OutOfMemoryException:
        size = budget_bytes(budget)
        if size is None:
            raise FinalPassMemoryError(f"the final pass ran out of its DuckDB memory budget ({budget}); set "
                                       "ZHENGGAI_DUCKDB_MEMORY higher (e.g. 2GB) and run again with --resume") from None
    larger = f"{size * RETRY_FACTOR // 2**20}MiB"
    shutil.rmtree(tmp / "final", ignore_errors=True)
    try:
        manifest = _finalise(tmp, sources, reuse, {**manifest_extra, "final_pass": {
            "duckdb_memory": larger, "ran_out_of": budget}}, larger, attempt="retry")
    except duckdb.OutOfMemoryException:
        raise FinalPassMemoryError(
            f"the final pass ran out of its DuckDB memory budget ({budget}, then {larger}); set "
            f"ZHENGGAI_DUCKDB_MEMORY higher (e.g. {size * RETRY_FACTOR * 4 // 2**20}MiB) and run again with --resume"
        ) from None
    return manifest


def _finalise(tmp: Path, sources: list[ReuseSource], reuse: dict[str, int], manifest_extra: dict,
              budget: str, attempt: str = "first") -> dict:
    import duckdb

    final = tmp / "final"
    final.mkdir(exist_ok=True)
    # A database file, not ":memory:": the working tables of repost detection (every notice's band keys
    # and 5-grams) then live on disk and DuckDB's budget below bounds what stays in memory.  Each
    # attempt has a folder of its own for that file and DuckDB's spill: DuckDB keeps one database per
    # file while any connection to it is open, and a database that has spilled refuses a new
    # temp_directory, so a retry on the first attempt's file could fail for a reason that is not memory.
    spill = tmp / "spill" / attempt
    shutil.rmtree(spill, ignore_errors=True)
    spill.mkdir(parents=True)
    work_db = spill / "finalise.duckdb"
    con = duckdb.connect(str(work_db))
    try:
        return _finalise_on(con, tmp, final, spill, sources, reuse, manifest_extra, budget)
    finally:
        con.close()  # also when DuckDB runs out: the retry must not find this database still open
        shutil.rmtree(spill, ignore_errors=True)


def _finalise_on(con, tmp: Path, final: Path, spill: Path, sources: list[ReuseSource], reuse: dict[str, int],
                 manifest_extra: dict, budget: str) -> dict:
    import pyarrow as pa

    con.execute(f"SET temp_directory = {_sql_str(str(spill))}")
    # DuckDB takes up to 80 % of the machine's memory before it spills; a bound keeps the parent
    # flat as the corpus grows (sorting and joining spill to the run's folder instead).
    con.execute(f"SET memory_limit = {_sql_str(budget)}")
    con.execute("SET preserve_insertion_order = true")
    reuse_tbl = pa.table({"input": list(reuse), "source": list(reuse.values())},
                         schema=pa.schema([("input", pa.string()), ("source", pa.int64())]))
    con.register("reuse_arrow", reuse_tbl)
    con.execute("CREATE TEMP TABLE reuse AS SELECT * FROM reuse_arrow")
    for table in PART_TABLES:
        new_files = sorted((tmp / "parts" / table).glob("*.parquet"))
        _raw_view(con, table, new_files, sources)

    dup_counts = _id_map(con, spill)

    counts = {}
    for table in PART_TABLES:
        folder = final / table
        folder.mkdir(parents=True, exist_ok=True)
        if table == "_minhash":
            body = "SELECT input, signature FROM raw__minhash"
        elif table == "notices":
            sel = _select_list(table, "r", {"notice_id": "m.notice_id", "duplicate_of": "m.duplicate_of",
                                            "duplicate_kind": "m.duplicate_kind"})
            body = f"SELECT {sel} FROM raw_notices r JOIN idmap m ON r.input = m.input"
        elif table in CHILD_TABLES:
            sel = _select_list(table, "r", {"notice_id": "m.notice_id"})
            body = f"SELECT {sel} FROM raw_{table} r JOIN idmap m ON r._input = m.input"
        else:
            body = f"SELECT {_select_list(table, 'r', {})} FROM raw_{table} r"
        with build_on_right(con):  # the joins hash idmap, not the parts' rows with their texts
            counts[table] = _copy_sorted(con, body, table, folder, part_bytes(budget))

    manifest = {
        "format": FORMAT_NAME,
        "format_version": 1,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        **manifest_extra,
        "counts": {t: counts[t] for t in TABLES},
        "duplicates": dup_counts,
    }
    rows = rows_in_batches(con, "SELECT input, content_hash, 'ok' FROM raw_notices "
                         "UNION ALL SELECT input, content_hash, 'failed' FROM raw_errors "
                         "UNION ALL SELECT input, content_hash, 'skipped' FROM raw_skipped ORDER BY 1")
    write_manifest(final / MANIFEST, manifest, rows)
    (final / "READY").write_text("ok\n")
    return manifest
