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
    print(f"zhenggai: error: {message}", file=sys.stderr)
    return 1


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
    p.add_argument("--resume", action="store_true",
                   help="reuse rows of inputs already done (same name and content hash) in DATASET "
                   "or in an interrupted run")
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
    p.add_argument("--extractor", default=DEFAULT_EXTRACTOR, help=argparse.SUPPRESS)
    p.set_defaults(func=run_batch_command)
    return p


def run_batch_command(args: argparse.Namespace) -> int:
    from zhenggai.corpus.batch import run_batch
    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.pool import WorkerStartError

    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask")
    if args.jobs is not None and args.jobs < 1:
        return _fail("--jobs must be at least 1")
    try:
        summary = run_batch(
            args.inputs, args.output, jobs=args.jobs, resume=args.resume, engine=args.engine,
            scheduler=args.scheduler, extractor=args.extractor, chunk_size=max(1, args.chunk_size),
            progress=not args.quiet and sys.stderr.isatty(), screen=args.screen,
        )
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
    for line in summary.lines():
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
    p.set_defaults(func=run_query_command)
    return p


def run_query_command(args: argparse.Namespace) -> int:
    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.query import QueryError, run_query, write_frame

    sql = sys.stdin.read() if args.sql == "-" else args.sql
    try:
        frame = run_query(args.dataset, sql)
    except (DatasetError, QueryError) as exc:
        return _fail(str(exc))
    if frame is None:
        return 0
    write_frame(frame, args.format, args.output, max_rows=args.max_rows if args.format == "table" else None)
    return 0


def add_compare_parser(subparsers) -> argparse.ArgumentParser:
    from zhenggai.corpus.compare import GROUPS  # plain constants; no heavy import

    p = subparsers.add_parser(
        "compare",
        help="compare notices by region, sector, level, year or organisation",
        description="Per group: notices, stated issues, completion rate, money by category, people "
        "disciplined, systems established and the top issue themes. Reposts count once.",
    )
    p.add_argument("dataset", metavar="DATASET", help="dataset folder written by zhenggai batch")
    p.add_argument("--by", choices=tuple(GROUPS), default="region", help="grouping (default region)")
    p.add_argument("--themes", type=int, default=5, metavar="N", help="top issue themes per group (0: none)")
    p.add_argument("--format", choices=_FORMATS, default="table", help="table (default), csv or json")
    p.add_argument("--csv", metavar="FILE", help="write CSV (utf-8-sig) to FILE")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=run_compare_command)
    return p


def run_compare_command(args: argparse.Namespace) -> int:
    from zhenggai.corpus.compare import compare
    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.query import write_frame

    try:
        frame = compare(args.dataset, by=args.by, themes=max(0, args.themes))
    except DatasetError as exc:
        return _fail(str(exc))
    if args.csv:
        write_frame(frame, "csv", args.csv)
        print(f"wrote {args.csv}: {len(frame)} groups", file=sys.stderr)
        return 0
    write_frame(frame, args.format, args.output)
    return 0
