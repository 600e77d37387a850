"""The ``batch``, ``query`` and ``compare`` commands (registered by zhenggai.cli).

Only argparse is imported here; pandas, DuckDB and Dask load when a command runs.

    zhenggai batch notices/ crawl.jsonl -o DATASET [--resume] [--jobs N] [--engine dask]
    zhenggai query DATASET "SELECT organisation, totals_issues FROM canonical_notices" [--format csv]
    zhenggai compare DATASET --by region|sector|level|year|organisation [--csv FILE]
"""

from __future__ import annotations

import argparse
import sys

from zhenggai.corpus.inputs import DEFAULT_EXTRACTOR

_FORMATS = ("table", "csv", "json")


def _fail(message: str) -> int:
    from zhenggai.errors import one_line

    print(f"zhenggai: error: {one_line(message)}", file=sys.stderr)
    return 1


def _types(value: str) -> tuple[str, ...] | None:
    """``--types``: a comma list of document types, or ``all`` (a usage error otherwise)."""
    from zhenggai.corpus.compare import CompareError, parse_types  # plain constants; no heavy import

    try:
        return parse_types(value)
    except CompareError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _usage(message: str) -> int:
    """A usage error (a wrong path or flag choice): one line, exit 2, nothing touched."""
    print(f"zhenggai: error: {message}", file=sys.stderr)
    return 2


def add_batch_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "batch",
        help="extract many notices (files, folders, crawl .jsonl) into a Parquet + DuckDB dataset",
        description="Extract every input into a dataset folder: Parquet tables (notices, sections, mentions, "
        "documents, money_totals, errors) and dataset.duckdb. Every input becomes one row in notices or "
        "in errors. The folder is replaced atomically when the run ends.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="notice files, folders (walked), crawl .jsonl files, or web archives (.warc, .warc.gz, "
                   ".wet, .wet.gz)")
    p.add_argument("-o", "--output", required=True, metavar="DATASET", help="dataset folder to write")
    write = p.add_mutually_exclusive_group()
    write.add_argument("--resume", action="store_true",
                       help="reuse rows of inputs already done (same name and content hash) in DATASET "
                       "or in an interrupted run")
    write.add_argument("--append", action="store_true",
                       help="keep every row of DATASET and add these inputs (reposts are linked across both)")
    write.add_argument("--overwrite", action="store_true", help="replace the dataset in DATASET")
    p.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="only files under a folder whose path (or name) matches GLOB; repeatable")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="skip files under a folder whose path (or name) matches GLOB; repeatable")
    p.add_argument("--input-timeout", type=float, default=None, metavar="S",
                   help="wall-clock seconds one input may take in a worker before it becomes a Timeout "
                   "errors row (default: the read and extraction limits plus 30 s)")
    p.add_argument("-j", "--workers", "--jobs", dest="jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: all cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or Dask (a LocalCluster unless --scheduler is given)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://127.0.0.1:8786")
    p.add_argument("--chunk-size", type=int, default=500, metavar="N",
                   help="inputs per Parquet part (default 500)")
    p.add_argument("--no-screen", dest="screen", action="store_false",
                   help="send every web-archive page to full extraction (default: a fast first pass skips "
                   "pages that cannot be a rectification document; they are counted in the skipped table)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--fail-on-error", action="store_true", help="exit 1 when any input failed")
    p.add_argument("--types", type=_types, default=None, metavar="TYPE,...",
                   help="keep only records of these document types (rectification, audit_rectification, feedback, "
                   "stationing, audit_report, news, other; default all); the others are counted skips, listed in "
                   "manifest.json")
    p.add_argument("--extractor", default=DEFAULT_EXTRACTOR, help=argparse.SUPPRESS)
    p.set_defaults(func=run_batch_command)
    return p


def run_batch_command(args: argparse.Namespace) -> int:
    from zhenggai.corpus.batch import BatchUsageError, run_batch
    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.pool import WorkerStartError

    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    if args.jobs is not None and args.jobs < 1:
        return _fail("--jobs must be at least 1")
    if args.types is not None and args.engine != "local":
        return _fail("--types needs the local engine (not yet with --engine dask)")
    if args.input_timeout is not None and not 0 < args.input_timeout < float("inf"):
        return _usage("--input-timeout must be a positive number of seconds")
    try:
        summary = run_batch(
            args.inputs, args.output, jobs=args.jobs, resume=args.resume,
            append=args.append, overwrite=args.overwrite, engine=args.engine,
            scheduler=args.scheduler, extractor=args.extractor, chunk_size=max(1, args.chunk_size),
            progress=not args.quiet and sys.stderr.isatty(), types=args.types,
            include=args.include, exclude=args.exclude, input_timeout=args.input_timeout, screen=args.screen,
        )
    except BatchUsageError as exc:
        return _usage(str(exc))
    except WorkerStartError as exc:
        return _fail(str(exc))
    except DatasetError as exc:  # also a full disk (DiskFullError): one line, the old dataset is intact
        return _fail(str(exc))
    except OSError as exc:  # e.g. the output folder is read-only: one line, not a traceback
        return _fail(f"{exc.filename or args.output}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        print(f"zhenggai: interrupted; run again with --resume to continue (finished inputs are kept in "
              f"{args.output}; its previous dataset is unchanged)", file=sys.stderr)
        return 130
    for line in summary.notes + summary.lines():
        print(line, file=sys.stderr)
    return 1 if args.fail_on_error and summary.failed else 0


def add_query_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "query",
        help="run a read-only SQL query over a dataset (DuckDB)",
        description="Run SELECT queries over the dataset's tables: notices, canonical_notices, sections, "
        "mentions, documents, money_totals, errors. Files outside the dataset, ATTACH, COPY, INSTALL "
        "and LOAD are refused.",
    )
    p.add_argument("dataset", metavar="DATASET", help="dataset folder written by zhenggai batch")
    p.add_argument("sql", metavar="SQL", help="the query; '-' reads it from standard input")
    p.add_argument("--format", choices=_FORMATS, default="table",
                   help="table (default), csv (utf-8-sig to a file) or json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--max-rows", type=int, default=50, metavar="N",
                   help="rows shown in table format (default 50)")
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="stop a query running longer than this (default 60)")
    p.set_defaults(func=run_query_command)
    return p


def _seconds(value: str) -> float:
    """argparse type: a finite, positive number of seconds."""
    from zhenggai.limits import parse_seconds

    try:
        return parse_seconds(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run_query_command(args: argparse.Namespace) -> int:
    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.query import DEFAULT_TIMEOUT, QueryError, run_query, write_frame

    sql = sys.stdin.read() if args.sql == "-" else args.sql
    try:
        frame = run_query(args.dataset, sql, timeout=args.timeout or DEFAULT_TIMEOUT, cap_process_memory=True)
        if frame is not None:
            write_frame(frame, args.format, args.output,
                        max_rows=args.max_rows if args.format == "table" else None)
    except (DatasetError, QueryError) as exc:
        return _fail(str(exc))
    return 0


def add_compare_parser(subparsers) -> argparse.ArgumentParser:
    from zhenggai.corpus.compare import DEFAULT_TYPES, GROUPS  # plain constants; no heavy import

    p = subparsers.add_parser(
        "compare",
        help="compare notices by region, sector, level, year or organisation",
        description="Per group: notices, stated issues, completion rate, money by category, people "
        "disciplined, systems established and the issue categories (framework parts and top topic tags, "
        "docs/taxonomy.md), each figure with the number of notices that stated it (a sum no notice stated is "
        "empty, not 0). Reposts count once; only rectification notices by default (--types).",
    )
    p.add_argument("dataset", metavar="DATASET", help="dataset folder written by zhenggai batch")
    p.add_argument("--by", choices=tuple(GROUPS), default="region", help="grouping (default region)")
    p.add_argument("--types", type=_types, default=DEFAULT_TYPES, metavar="TYPE,...|all",
                   help="document types to count (default rectification,audit_rectification; 'all' for every "
                   "type: feedback, stationing, audit_report, news, other)")
    p.add_argument("--format", choices=_FORMATS, default="table", help="table (default), csv or json")
    p.add_argument("--csv", metavar="FILE", help="write CSV (utf-8-sig) to FILE")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--plot", metavar="FILE", help="also draw the completion rate per group to FILE (.svg or .png)")
    p.set_defaults(func=run_compare_command)
    return p


def run_compare_command(args: argparse.Namespace) -> int:
    from zhenggai.corpus.compare import CompareError, compare
    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.query import QueryError, write_frame

    fmt, output = ("csv", args.csv) if args.csv else (args.format, args.output)
    try:
        frame = compare(args.dataset, by=args.by, types=args.types)
        if args.plot:
            from zhenggai.corpus.plot import PlotError, write_plot

            try:
                print(f"wrote {write_plot(frame, args.by, args.plot)}", file=sys.stderr)
            except PlotError as exc:
                return _fail(str(exc))
        write_frame(frame, fmt, output)
    except (DatasetError, CompareError, QueryError) as exc:
        return _fail(str(exc))
    if output and output != "-":
        print(f"wrote {output}: {len(frame)} groups", file=sys.stderr)
    return 0
