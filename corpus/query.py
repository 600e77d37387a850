"""Read-only SQL over a dataset, safe to hand to anyone.

    zhenggai query DATASET "SELECT sector, count(*) FROM canonical_notices GROUP BY 1"
    zhenggai query DATASET "SELECT * FROM mentions WHERE kind = 'money'" --format csv -o money.csv

>>> con = connect("DATASET")                                   # doctest: +SKIP
>>> con.sql("SELECT count(*) FROM notices").fetchone()         # doctest: +SKIP
(231,)

The connection is an in-memory DuckDB database with one view per table over
the dataset's Parquet files.  Once the views exist, file access is limited to
exactly those files (``allowed_paths``: regular files inside the resolved
dataset folder, see :func:`dataset_files`; a symlink is refused), external
access is switched off and the configuration is locked; only SELECT (and
EXPLAIN) statements run, and none may call a raw file reader (:data:`RAW_READERS`).
So ATTACH, COPY … TO, INSTALL/LOAD, EXPORT and ``read_csv('/etc/passwd')`` fail.
Before the lock, spills are pinned to a private temp folder of at most 4 GB
(DuckDB's default ``./.tmp`` is readable by queries); :func:`run_query` stops a
query after ``timeout`` seconds (60), and the CLI caps the process's memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import regex

from zhenggai.corpus.dataset import DatasetError, extra_views, require_dataset, resolve
from zhenggai.corpus.tables import TABLES
from zhenggai.limits import parse_seconds, parse_size

ALLOWED_STATEMENTS = ("SELECT", "EXPLAIN")
DEFAULT_TIMEOUT = 60.0  # seconds a query may run (--timeout)
DEFAULT_MEMORY_LIMIT = "2GB"  # DuckDB's memory_limit; the CLI also caps the process near it
DEFAULT_TEMP_LIMIT = "4GB"  # max_temp_directory_size: what a sort or window may spill to disk
# Table functions that read raw files (any path, the dataset's own files included): refused by name.
# The dataset's tables are the views; nobody needs the bytes of a Parquet part.
RAW_READERS = frozenset({
    "read_text", "read_blob", "glob", "sniff_csv", "read_csv", "read_csv_auto", "read_json",
    "read_json_auto", "read_json_objects", "read_json_objects_auto", "read_ndjson", "read_ndjson_auto",
    "read_ndjson_objects", "query", "query_table",
})
_TEMP_PREFIX = "zhenggai-query-"


class QueryError(Exception):
    """A query that was refused or failed; the message says why."""


def dataset_files(dataset: str | os.PathLike) -> dict[str, list[Path]]:
    """The Parquet files a query may read, per table: the one place that decides the allowed list.

    Only regular files directly inside the resolved dataset folder's table folders; a symlink (a
    part, or a table folder) is refused, so no link can put another file on the allowed list.
    """
    root = _resolved_dataset(dataset)
    out = {}
    for table in TABLES:
        folder = root / table
        if folder.is_symlink():
            raise DatasetError(f"{folder}: table folder is a symlink; refused (only regular files "
                               "inside the dataset are read); rebuild with zhenggai batch")
        files = []
        for part in sorted(folder.glob("*.parquet")) if folder.is_dir() else []:
            mode = os.lstat(part).st_mode
            if stat.S_ISLNK(mode):
                raise DatasetError(f"{part}: a symlink among the dataset's files; refused (only regular "
                                   "files inside the dataset are read); remove it or rebuild with zhenggai batch")
            if not stat.S_ISREG(mode):
                raise DatasetError(f"{part}: not a regular file; refused; rebuild with zhenggai batch")
            files.append(part)
        if not files:
            raise DatasetError(f"{root}: table {table} has no Parquet files; rebuild with zhenggai batch")
        out[table] = files
    return out


def _resolved_dataset(dataset: str | os.PathLike) -> Path:
    """The dataset folder, checked and with every link resolved (the folder whose files are allowed)."""
    try:
        path = resolve(require_dataset(dataset))  # the version `current` names, not the top folder
    except (ValueError, UnicodeDecodeError) as exc:  # json.JSONDecodeError is a ValueError
        raise DatasetError(f"{dataset}: manifest.json is damaged ({_first_line(exc)}); "
                           "rebuild the dataset with zhenggai batch") from None
    except OSError as exc:
        raise DatasetError(f"{dataset}: cannot read the dataset ({exc.strerror or exc})") from None
    return path.resolve()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def connect(dataset: str | os.PathLike, *, memory_limit: str = DEFAULT_MEMORY_LIMIT, threads: int | None = None,
            temp_limit: str = DEFAULT_TEMP_LIMIT, cap_process_memory: bool = False):
    """A locked, read-only DuckDB connection with the dataset's tables as views.

    Spills go to a private folder (see :func:`close`) of at most ``temp_limit``; with
    ``cap_process_memory`` the process's address space is capped near ``memory_limit`` too, because
    DuckDB's own limit covers its buffers only (a 3 GB ``repeat()`` string ignores it).
    """
    import duckdb

    files = dataset_files(dataset)
    temp = _private_temp_folder()
    con = duckdb.connect(":memory:")
    try:
        # Pinned before anything runs: DuckDB's default is ./.tmp, which it also lets queries read.
        con.execute(f"SET temp_directory = {_sql_str(str(temp))}")
        con.execute(f"SET max_temp_directory_size = {_sql_str(temp_limit)}")
        con.execute(f"SET memory_limit = {_sql_str(memory_limit)}")
        for table, parts in files.items():
            source = "[" + ", ".join(_sql_str(str(f)) for f in parts) + "]"
            con.execute(f'CREATE VIEW "{table}" AS SELECT * FROM read_parquet({source})')
        for name, body in extra_views().items():
            con.execute(f'CREATE VIEW "{name}" AS {body}')
        allowed = [str(f) for parts in files.values() for f in parts]
        con.execute("SET allowed_paths = [" + ", ".join(_sql_str(f) for f in allowed) + "]")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        con.execute("SET autoinstall_known_extensions = false")
        con.execute("SET autoload_known_extensions = false")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:  # a truncated or foreign part file: its footer is read here
        _close(con, temp)
        raise DatasetError(f"{dataset}: cannot read the dataset ({_first_line(exc)}); "
                           "rebuild it with zhenggai batch") from None
    if cap_process_memory:
        threads_used = int(con.execute("SELECT current_setting('threads')").fetchall()[0][0])
        previous = _cap_address_space(parse_size(memory_limit), threads_used)
        if previous is not None:
            _RESTORE[id(con)] = previous  # close() gives the process its old limit back
    return con


# Address-space limits to restore when a capped connection closes: id(connection) → (soft, hard).
_RESTORE: dict[int, tuple[int, int]] = {}


def close(con) -> None:
    """Close a connection from :func:`connect`, remove its private temp folder and lift its memory cap."""
    previous = _RESTORE.pop(id(con), None)
    if previous is not None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, previous)
    try:
        temp = con.execute("SELECT current_setting('temp_directory')").fetchall()[0][0]
    except Exception:  # noqa: BLE001 - already closed
        temp = None
    _close(con, Path(temp) if temp else None)


def _close(con, temp: Path | None) -> None:
    import shutil

    con.close()
    if temp is not None and temp.name.startswith(f"{os.getpid()}-"):
        shutil.rmtree(temp, ignore_errors=True)


def _private_temp_folder() -> Path:
    """A new 0700 folder ``$TMPDIR/zhenggai-query-UID/PID-XXXX``, removed at exit.

    Folders of processes that no longer exist (a killed query) are removed first.
    """
    import atexit
    import shutil
    import tempfile

    parent = Path(tempfile.gettempdir()) / f"{_TEMP_PREFIX}{os.getuid()}"
    parent.mkdir(mode=0o700, exist_ok=True)
    for old in parent.iterdir():
        pid = old.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=parent))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False  # gone (or a number no process can have)
    except PermissionError:
        return True  # alive, another user's
    return True


def _cap_address_space(memory_limit: int, threads: int = 1) -> tuple[int, int] | None:
    """Cap this process's address space at what it uses now plus ``memory_limit`` and headroom
    (1 GB, and for each DuckDB thread its stack and malloc arena, 72 MB of address space).

    DuckDB's ``memory_limit`` binds its buffer manager only; a huge string or list is allocated
    outside it. With the cap such an allocation fails at once (``Out of Memory Error``) instead of
    swapping the machine. Only the soft limit is lowered.
    """
    import resource

    try:
        with open("/proc/self/statm") as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None  # not Linux: DuckDB's own limit only
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = used + memory_limit + 1024**3 + max(1, threads) * 72 * 1024**2
    if soft != resource.RLIM_INFINITY:
        cap = min(cap, soft)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return soft, hard


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
        else:
            _check_functions(stmt.query)


def _check_functions(sql: str) -> None:
    """Refuse a SELECT that calls a raw file reader (:data:`RAW_READERS`) anywhere in its syntax tree."""
    import json

    import duckdb

    parser = duckdb.connect(":memory:")
    try:
        tree = json.loads(parser.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0])
    except (duckdb.Error, ValueError):
        return  # not serialisable: the locked connection's allowed list still applies
    finally:
        parser.close()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            name = node.get("function_name")
            if isinstance(name, str) and name.lower() in RAW_READERS:
                raise QueryError(f"refused: {name}() reads raw files; queries may read only the dataset's "
                                 "tables (notices, sections, mentions, documents, money_totals, errors)")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


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
    _check_functions(statements[0].query)


def run_query(dataset: str | os.PathLike, sql: str, *, con=None, timeout: float | None = DEFAULT_TIMEOUT,
              cap_process_memory: bool = False):
    """Run one read-only query; returns a pandas DataFrame (the last statement's result).

    A query running longer than ``timeout`` seconds (None: no limit) is interrupted (QueryError).
    """
    import threading

    import duckdb

    check_sql(sql)
    if timeout is not None:
        try:
            timeout = parse_seconds(timeout)
        except ValueError as exc:
            raise QueryError(str(exc)) from None
    own = con is None
    con = con or connect(dataset, cap_process_memory=cap_process_memory)
    timer = threading.Timer(timeout, con.interrupt) if timeout is not None else None
    try:
        if timer:
            timer.daemon = True
            timer.start()
        result = None
        for stmt in duckdb.extract_statements(sql):
            result = con.execute(stmt.query).df()
        return result
    except duckdb.InterruptException:
        raise QueryError(f"query took longer than {timeout:g}s; give it more time with --timeout SECONDS") from None
    except duckdb.PermissionException as exc:
        raise QueryError(f"refused: {_first_line(exc)}; queries may read only the dataset's tables") from None
    except duckdb.OutOfMemoryException as exc:
        raise QueryError(f"query needs more memory than allowed ({_first_line(exc)}); "
                         "select fewer or smaller values") from None
    except duckdb.Error as exc:
        raise QueryError(_first_line(exc)) from None
    except MemoryError:
        raise QueryError("query result needs more memory than allowed; select fewer or smaller values") from None
    finally:
        if timer:
            timer.cancel()
        if own:
            close(con)


def write_frame(frame, fmt: str, output: str | None, *, max_rows: int | None = None,
                width: int | None = None) -> None:
    """Print or write a DataFrame as a table, CSV (utf-8-sig, so Excel reads Chinese) or JSON.

    A file that cannot be written raises QueryError naming it. In table format values are plain
    text (never console markup), and rows wider than the terminal (``width``) are shown one field
    per line, like psql's ``\\x auto``.
    """
    import sys

    try:
        if fmt == "csv":
            if output and output != "-":
                frame.to_csv(output, index=False, encoding="utf-8-sig")
            else:
                sys.stdout.write(frame.to_csv(index=False))
                sys.stdout.flush()
            return
        if fmt == "json":
            text = frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1)
            if output and output != "-":
                Path(output).write_text(text + "\n", encoding="utf-8")
            else:
                sys.stdout.write(text + "\n")
                sys.stdout.flush()
            return
        if output and output != "-":
            with open(output, "w", encoding="utf-8") as fh:
                _print_table(frame, fh, width or 200, max_rows)
        else:
            _print_table(frame, sys.stdout, width or _terminal_width(), max_rows)
            sys.stdout.flush()
    except OSError as exc:
        where = output if output and output != "-" else "standard output"
        raise QueryError(f"{where}: cannot write ({exc.strerror or exc}); check the folder exists, "
                         "is writable and has space") from None


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((200, 24)).columns


def _print_table(frame, file, width: int, max_rows: int | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file, width=width, markup=False, highlight=False, emoji=False,
                      force_terminal=False, force_jupyter=False, color_system=None)
    shown = frame if max_rows is None else frame.head(max_rows)
    headers = [str(c) for c in frame.columns]
    cells = [["" if _is_null(v) else _short(v) for v in row] for row in shown.itertuples(index=False)]
    if _natural_width(headers, cells) > width:
        _print_vertical(console, headers, cells)
    else:
        table = Table(show_lines=False)
        for name in headers:
            table.add_column(Text(name), overflow="fold")
        for row in cells:
            table.add_row(*(Text(v) for v in row))  # Text: a value is never read as markup
        console.print(table)
    if max_rows is not None and len(frame) > max_rows:
        console.print(Text(f"… {len(frame) - max_rows} more rows (use --format csv for all)"))


def _natural_width(headers: list[str], cells: list[list[str]]) -> int:
    """Width of the boxed table with no column folded: cells, padding and borders."""
    from rich.cells import cell_len

    widths = [cell_len(h) for h in headers]
    for row in cells:
        widths = [max(w, cell_len(v)) for w, v in zip(widths, row)]
    return sum(widths) + 3 * len(widths) + 1


def _print_vertical(console, headers: list[str], cells: list[list[str]]) -> None:
    """One field per line, a ``-[ RECORD n ]`` rule between rows (psql's expanded display)."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    name_width = max((cell_len(h) for h in headers), default=0)
    for n, row in enumerate(cells, 1):
        console.print(Text(f"-[ RECORD {n} ]" + "-" * max(0, min(console.width, 40) - 13 - len(str(n)))))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=name_width, no_wrap=True)
        grid.add_column(width=1)
        grid.add_column(overflow="fold")
        for name, value in zip(headers, row):
            grid.add_row(Text(name), Text("│"), Text(value))
        console.print(grid)


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


__all__ = ["DatasetError", "QueryError", "check_sql", "close", "connect", "dataset_files",
           "run_query", "write_frame"]
