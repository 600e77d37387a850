"""The ``serve`` and ``report`` commands (registered by zhenggai.cli); Datasette and Altair load when run."""

from __future__ import annotations

import argparse
import sys

from zhenggai.corpus.cli import _fail


def add_serve_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "serve",
        help="browse a dataset in a local, read-only Datasette (search, facets, notice pages, dashboard)",
        description="Build the dataset's SQLite file (reused while the dataset is unchanged) and serve it with "
        "Datasette: tables with facets, Chinese full-text search, a page per notice, a dashboard and the "
        "compare tables. Read-only; listens on 127.0.0.1 unless --host says otherwise; loads nothing from "
        "the internet.",
    )
    p.add_argument("dataset", metavar="DATASET", help="dataset folder written by zhenggai batch")
    p.add_argument("--port", type=int, default=8001, help="port (default 8001)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; 0.0.0.0 exposes it to the network)")
    p.add_argument("--db", metavar="FILE",
                   help="SQLite file to build or reuse (default: under ~/.cache/zhenggai/explorer)")
    p.add_argument("--rebuild", action="store_true", help="rebuild the SQLite file even if the dataset is unchanged")
    p.set_defaults(func=run_serve_command)
    return p


def run_serve_command(args: argparse.Namespace) -> int:
    from zhenggai.corpus.dataset import DatasetError, require_dataset
    from zhenggai.corpus.serve import serve

    try:
        require_dataset(args.dataset)
    except DatasetError as exc:
        return _fail(str(exc))
    if not 0 < args.port < 65536:
        return _fail(f"--port {args.port}: give a port between 1 and 65535")
    problem = _cannot_listen(args.host, args.port)
    if problem:
        return _fail(f"cannot listen on {args.host}:{args.port} ({problem}); choose another with --port or --host")
    try:
        serve(args.dataset, host=args.host, port=args.port, db=args.db, rebuild=args.rebuild,
              log=lambda line: print(line, file=sys.stderr, flush=True))
    except DatasetError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{exc.filename or args.db or args.dataset}: {exc.strerror or exc}")
    return 0


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (None when it can), checked before the slow build."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return exc.strerror or str(exc)
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def add_report_parser(subparsers) -> argparse.ArgumentParser:
    from zhenggai.corpus.report import REPORT_BY

    p = subparsers.add_parser(
        "report",
        help="write one self-contained HTML report: compare table, charts (SVG), flagged notices",
        description="One HTML file to mail or print: the compare table, the dashboard's charts as static SVG "
        "(drawn offline), the data date, what counts and the flagged notices. It loads nothing from elsewhere.",
    )
    p.add_argument("dataset", metavar="DATASET", help="dataset folder written by zhenggai batch")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="HTML file to write")
    p.add_argument("--by", choices=REPORT_BY, default="province", help="compare table grouping (default province)")
    p.add_argument("--db", metavar="FILE", help=argparse.SUPPRESS)
    p.set_defaults(func=run_report_command)
    return p


def run_report_command(args: argparse.Namespace) -> int:
    from pathlib import Path

    from zhenggai.corpus.dataset import DatasetError
    from zhenggai.corpus.report import build_report

    try:
        page = build_report(args.dataset, by=args.by, db=args.db)
    except DatasetError as exc:
        return _fail(str(exc))
    try:
        Path(args.output).write_text(page, encoding="utf-8")
    except OSError as exc:
        return _fail(f"{args.output}: {exc.strerror or exc}")
    print(f"wrote {args.output} ({len(page.encode('utf-8')) // 1024} KB)", file=sys.stderr)
    return 0
