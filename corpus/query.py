"""Read-only SQL over a dataset, safe to hand to anyone.

    zhenggai query DATASET "SELECT sector, count(*) FROM canonical_notices GROUP BY 1"
    zhenggai query DATASET "SELECT * FROM mentions WHERE kind = 'money'" --format csv -o money.csv

>>> con = connect("DATASET")                                   # doctest: +SKIP
>>> con.sql("SELECT count(*) FROM notices").fetchone()         # doctest: +SKIP
(231,)

The connection is an in-memory DuckDB database with one view per table over
the dataset's Parquet files.  Once the views exist, file access is limited to
exactly those files (``allowed_paths``), external access is switched off and
the configuration is locked; only SELECT (and EXPLAIN) statements run.  So
ATTACH, COPY … TO, INSTALL/LOAD, EXPORT and ``read_csv('/etc/passwd')`` fail.
"""

from __future__ import annotations

import os
import regex
from pathlib import Path

from zhenggai.corpus.dataset import DatasetError, require_dataset, table_files, view_sql
from zhenggai.corpus.tables import TABLES

ALLOWED_STATEMENTS = ("SELECT", "EXPLAIN")


class QueryError(Exception):
    """A query that was refused or failed; the message says why."""


def connect(dataset: str | os.PathLike, *, memory_limit: str = "2GB", threads: int | None = None):
    """A locked, read-only DuckDB connection with the dataset's tables as views."""
    import duckdb

    path = require_dataset(dataset)
    con = duckdb.connect(":memory:")
    for stmt in view_sql(path, explicit=True):
        con.execute(stmt)
    files = [str(f) for t in TABLES for f in table_files(path, t)]
    con.execute("SET allowed_paths = [" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]")
    con.execute(f"SET memory_limit = '{memory_limit}'")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def check_sql(sql: str) -> None:
    """Refuse anything but SELECT/EXPLAIN statements (before DuckDB runs any of it)."""
    import duckdb

    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"cannot parse the query: {exc}") from None
    if not statements:
        raise QueryError("empty query; give a SELECT statement")
    for stmt in statements:
        kind = getattr(stmt.type, "name", str(stmt.type))
        if kind not in ALLOWED_STATEMENTS:
            raise QueryError(f"only SELECT queries are allowed (got {kind}); the dataset is read-only")
        if kind == "EXPLAIN":
            _check_explained(stmt.query)


# EXPLAIN [ANALYZE] runs (ANALYZE) or plans the statement it wraps, and DuckDB lets a COPY TO
# write to the dataset's own files (they are in allowed_paths): so what it wraps must be a SELECT.
_EXPLAIN_PREFIX = regex.compile(
    r"""^\s*EXPLAIN\b          # the keyword
        (?:\s+ANALY[SZ]E\b)?   # EXPLAIN ANALYZE executes the statement
        \s*""", regex.IGNORECASE | regex.VERBOSE)


def _check_explained(sql: str) -> None:
    import duckdb

    match = _EXPLAIN_PREFIX.match(sql)
    inner = sql[match.end():] if match else ""
    try:
        statements = duckdb.extract_statements(inner) if inner.strip() else []
    except duckdb.Error:
        statements = []
    kinds = [getattr(s.type, "name", str(s.type)) for s in statements]
    if kinds != ["SELECT"]:
        raise QueryError("EXPLAIN is allowed only for a SELECT query; the dataset is read-only")


def run_query(dataset: str | os.PathLike, sql: str, *, con=None):
    """Run one read-only query; returns a pandas DataFrame (the last statement's result)."""
    import duckdb

    check_sql(sql)
    con = con or connect(dataset)
    try:
        statements = duckdb.extract_statements(sql)
        result = None
        for stmt in statements:
            result = con.sql(stmt.query)
        return result.df() if result is not None else None
    except duckdb.PermissionException as exc:
        raise QueryError(f"refused: {exc}; queries may read only the dataset's tables") from None
    except duckdb.Error as exc:
        raise QueryError(str(exc).splitlines()[0]) from None


def write_frame(frame, fmt: str, output: str | None, *, max_rows: int | None = None) -> None:
    """Print or write a DataFrame as a table, CSV (utf-8-sig, so Excel reads Chinese) or JSON."""
    import sys

    if fmt == "csv":
        if output and output != "-":
            frame.to_csv(output, index=False, encoding="utf-8-sig")
        else:
            sys.stdout.write(frame.to_csv(index=False))
        return
    if fmt == "json":
        text = frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1)
        if output and output != "-":
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in frame.columns:
        table.add_column(str(col), overflow="fold")
    shown = frame if max_rows is None else frame.head(max_rows)
    for row in shown.itertuples(index=False):
        table.add_row(*("" if _is_null(v) else _short(v) for v in row))
    if output and output != "-":
        with open(output, "w", encoding="utf-8") as fh:
            Console(file=fh, width=200).print(table)
    else:
        console = Console(width=None if sys.stdout.isatty() else 200)
        console.print(table)
        if max_rows is not None and len(frame) > max_rows:
            console.print(f"… {len(frame) - max_rows} more rows (use --format csv for all)")


def _is_null(value) -> bool:
    try:
        # bool() inside the try: pandas.NA compares to NA, and bool(NA) raises.
        return bool(value is None or value != value)
    except Exception:  # noqa: BLE001 - arrays and the like
        return False


def _short(value, width: int = 80) -> str:
    if isinstance(value, float):
        # Counts arrive as floats when a column has nulls: 12.0 → 12; money keeps cents.
        text = str(int(value)) if value.is_integer() else f"{value:.2f}"
    else:
        text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = ["DatasetError", "QueryError", "check_sql", "connect", "run_query", "write_frame"]
