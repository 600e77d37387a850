"""The ``zhenggai`` command line.

    zhenggai extract NOTICE.txt --pretty        one notice → JSON
    zhenggai render NOTICE.html -o check.html   one notice → a page to check by eye
    zhenggai schema                             regenerate schemas/*.schema.json
    zhenggai evaluate GOLD.expected.json ...    precision/recall against gold files
    zhenggai batch INPUT... -o DATASET          many notices → Parquet + DuckDB
    zhenggai query DATASET "SQL"                read-only SQL over a dataset
    zhenggai compare DATASET --by region        compare bureaus, regions, years

Only the standard library, pydantic and regex load on the path of
``extract``; spaCy, pandas and the corpus tools load when their command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

import zhenggai

EPILOG = "Docs: README.md. Report problems with the input path and the command you ran."


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


class UsageError(CliError):
    """A bad command line or environment: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors are one line (``zhenggai: error: …; see … --help``), exit 2."""

    def error(self, message: str):
        from zhenggai.errors import one_line

        sys.stderr.write(f"zhenggai: error: {one_line(message)}; see `{self.prog} --help`\n")
        raise SystemExit(2)


def _write_output(data: bytes, output: str | None) -> None:
    if output is None or output == "-":
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # `> /dev/full`, a closed or failing terminal
            raise CliError(f"standard output: cannot write ({exc.strerror or exc})") from None
        return
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        raise CliError(f"{output}: cannot write output ({exc.strerror or exc}); check the folder exists and is writable")


def _limits(args: argparse.Namespace):
    """The limits of this run: the environment's, overridden by --max-bytes / --max-chars / --timeout.

    The flags were checked by argparse (:func:`_limit_type`), the environment by :func:`main`.
    """
    from zhenggai.limits import Limits

    return Limits.from_env().but(max_bytes=getattr(args, "max_bytes", None),
                                 max_chars=getattr(args, "max_chars", None),
                                 seconds=getattr(args, "timeout", None))


def _limit_type(parse_name: str):
    """An argparse ``type`` running ``zhenggai.limits.<parse_name>`` (finite, positive), loaded lazily."""
    def parse(value: str):
        from zhenggai import limits

        try:
            return getattr(limits, parse_name)(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    parse.__name__ = parse_name
    return parse


def _check_environment() -> None:
    """ZHENGGAI_* limits must be finite, positive numbers: checked once, before any input is touched."""
    from zhenggai.limits import LimitError, Limits

    try:
        Limits.from_env()
    except LimitError as exc:
        raise UsageError(str(exc)) from None


def _read_notice(path: str, url: str | None = None, limits=None):
    """Path or "-" → Notice, with one-line errors that name the input."""
    from zhenggai.api import extract_notice
    from zhenggai.errors import ZhenggaiError

    try:
        if path == "-":
            from zhenggai.read.files import read_stream

            data = read_stream(sys.stdin.buffer, "<stdin>", limits)  # never more than the limit + 1 byte
            return extract_notice(data, name="<stdin>", url=url, limits=limits)
        return extract_notice(path, url=url, limits=limits)
    except ZhenggaiError as exc:  # InputError, ExtractionTimeout
        raise CliError(str(exc)) from None


def _is_jsonl(path: str) -> bool:
    return path.endswith((".jsonl", ".jsonl.gz", ".ndjson"))


def _read_archive_record(args: argparse.Namespace, limits):
    """One record of a WARC/WET file, chosen by --record OFFSET or --url URL → Notice."""
    from zhenggai.api import extract_document
    from zhenggai.errors import ZhenggaiError
    from zhenggai.read.warc import find_record, parse_record, record_document, record_name, skip_reason

    if args.record is None and not args.url:
        raise UsageError(f"{args.input} is a web archive: choose a record with --record OFFSET (the number in "
                         "the batch's input name FILE:OFFSET) or --url URL (its WARC-Target-URI)")
    if not Path(args.input).is_file():
        raise CliError(f"{args.input}: no such file; give the path of a .warc(.gz) or .wet(.gz) file")
    try:
        span, data = find_record(args.input, offset=args.record, url=None if args.record is not None else args.url)
        name = record_name(args.input, span.offset)
        rec = parse_record(data, name)
        reason = skip_reason(rec)
        if reason:
            raise CliError(f"{name}: {reason}; no notice to extract")
        return extract_document(record_document(rec, name, limits=limits), limits=limits)
    except ZhenggaiError as exc:
        raise CliError(str(exc)) from None


def cmd_extract(args: argparse.Namespace) -> int:
    from zhenggai.read.warc import is_archive

    if is_archive(args.input):
        notice = _read_archive_record(args, _limits(args))
    elif args.record is not None:
        raise UsageError("--record selects a record of a web archive (.warc, .warc.gz, .wet, .wet.gz)")
    elif _is_jsonl(args.input):
        return _extract_jsonl(args)
    else:
        notice = _read_notice(args.input, url=args.url, limits=_limits(args))
    if args.jsonl:
        data = notice.model_dump_json() + "\n"
    else:
        data = notice.model_dump_json(indent=2 if args.pretty else None) + "\n"
    _write_output(data.encode("utf-8"), args.output)
    return 0


def _extract_jsonl(args: argparse.Namespace) -> int:
    """Crawl JSONL in, one JSON record per line out; bad lines are reported and counted."""
    from zhenggai.api import extract_document
    from zhenggai.errors import ZhenggaiError, one_line
    from zhenggai.read import iter_jsonl

    if not Path(args.input).is_file():
        raise CliError(f"{args.input}: no such file; give the path of a crawl JSONL file")
    limits = _limits(args)
    lines, failed = [], 0
    for item in _crawl_items(args.input, iter_jsonl):
        if isinstance(item, ZhenggaiError):
            failed += 1
            print(f"zhenggai: error: {one_line(str(item))}", file=sys.stderr)
            continue
        try:
            lines.append(extract_document(item, limits=limits).model_dump_json())
        except ZhenggaiError as exc:  # one line over a limit does not stop the file
            failed += 1
            print(f"zhenggai: error: {one_line(str(exc))}", file=sys.stderr)
    _write_output(("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"), args.output)
    if failed:
        print(f"zhenggai: {len(lines)} records written, {failed} lines failed", file=sys.stderr)
        return 1
    return 0


def _crawl_items(path: str, iter_jsonl):
    """iter_jsonl, streamed; a damaged file (a cut .jsonl.gz) is one CliError."""
    items = iter_jsonl(path)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except (OSError, EOFError) as exc:
            raise CliError(f"{path}: cannot read the crawl file ({exc}); is it complete?") from None
        yield item


def cmd_schema(args: argparse.Namespace) -> int:
    from zhenggai.schemas.generate import SCHEMA_DIR, render_schemas, write_schemas

    directory = Path(args.dir) if args.dir else SCHEMA_DIR
    if args.check:
        stale = [
            name
            for name, text in render_schemas().items()
            if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != text
        ]
        if stale:
            raise CliError(f"{directory}: stale schema files {', '.join(stale)}; run `zhenggai schema` to regenerate")
        print(f"schema files in {directory} are up to date")
        return 0
    for path in write_schemas(directory):
        print(f"wrote {path}")
    return 0


def _record_or_notice(path: str, limits):
    """A record written by ``zhenggai extract`` (JSON) as it is, else the notice extracted from the file."""
    from pydantic import ValidationError

    from zhenggai.api import extract_notice
    from zhenggai.errors import ZhenggaiError
    from zhenggai.read.files import read_file, read_stream
    from zhenggai.schemas import Notice

    name = "<stdin>" if path == "-" else path
    try:
        data = read_stream(sys.stdin.buffer, name, limits) if path == "-" else read_file(path, limits)
        if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"{":
            return extract_notice(data, name=name, limits=limits)
    except ZhenggaiError as exc:
        raise CliError(str(exc)) from None
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except OSError as exc:
        raise CliError(f"{name}: cannot read file ({exc.strerror or exc})") from None
    try:
        return Notice.model_validate_json(data.decode("utf-8-sig", errors="replace"))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "record"
        raise CliError(f"{name}: JSON, but not a record written by zhenggai extract ({where}: {err['msg']}); "
                       "give the notice itself, or the output of zhenggai extract") from None


def cmd_render(args: argparse.Namespace) -> int:
    from zhenggai.render import render_html

    notice = _record_or_notice(args.input, _limits(args))
    _write_output(render_html(notice).encode("utf-8"), args.output)
    if args.output and args.output != "-":
        print(f"wrote {args.output}: {len(notice.sections)} sections, {len(notice.mentions)} mentions", file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from zhenggai.evaluate_cli import run_evaluate

    return run_evaluate(args)


ONE_NOTICE_COMMANDS = frozenset({"extract", "render", "schema", "evaluate"})


def build_parser(include_corpus: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="zhenggai",
        description="Turn Chinese inspection-rectification notices (巡视/巡察整改情况通报) into validated records.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"zhenggai {zhenggai.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="extract one notice (txt, html, pdf, docx, crawl .jsonl, or one web-archive record) and print its "
        "record as JSON",
        description="Extract one notice and print its record as JSON. The format is sniffed from the content; "
        "'-' reads standard input. A .jsonl crawl file gives one record per line.",
    )
    p.add_argument("input", metavar="PATH", help="notice file, crawl .jsonl file, or - for standard input")
    p.add_argument("-o", "--output", metavar="FILE", help="write JSON to FILE instead of standard output")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--jsonl", action="store_true", help="one record per line (the default for .jsonl input)")
    p.add_argument("--url", help="the page's URL, when the file does not say (used for the date in /art/2023/1/6/ "
                   "paths); for a web archive, the WARC-Target-URI of the record to extract")
    p.add_argument("--record", type=int, metavar="OFFSET",
                   help="for a web archive (.warc, .warc.gz, .wet, .wet.gz): the record at this byte offset, "
                   "as in the batch's input names FILE:OFFSET")
    _add_limit_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("render", help="write one notice as an HTML page with outline and mentions highlighted")
    p.add_argument("input", metavar="PATH",
                   help="notice file, a record written by zhenggai extract (JSON), or - for standard input")
    p.add_argument("-o", "--output", metavar="FILE.html", required=True, help="the page to write")
    _add_limit_options(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("schema", help="write the JSON Schema files of the records (schemas/*.schema.json)")
    p.add_argument("--dir", help="folder to write to (default: the installed schemas folder)")
    p.add_argument("--check", action="store_true", help="only check that the files are up to date; exit 1 if stale")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "evaluate",
        help="score extraction against gold files (*.expected.json): precision, recall, F1 per kind",
        description="Each gold file names its notice in its 'file' key, looked up beside the gold file. "
        "A folder holding labels.tsv (file, doc_type, style) is scored for document types: P/R/F1 per type.",
    )
    p.add_argument("gold", nargs="+", metavar="GOLD",
                   help="gold files, folders holding *.expected.json, or labelled folders holding labels.tsv")
    p.add_argument("--report", action="store_true", help="also list every miss, spurious item and wrong value")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=cmd_evaluate)

    if include_corpus:
        _add_corpus_commands(sub)
    return parser


def _add_limit_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("limits", "bounds against hostile input (defaults from ZHENGGAI_MAX_BYTES, "
                             "ZHENGGAI_MAX_CHARS, ZHENGGAI_TIMEOUT)")
    g.add_argument("--max-bytes", metavar="SIZE", type=_limit_type("parse_size"),
                   help="largest input file, e.g. 50M (default 20M)")
    g.add_argument("--max-chars", metavar="N", type=_limit_type("parse_size"),
                   help="longest notice text in characters (default 5000000)")
    g.add_argument("--timeout", metavar="SECONDS", type=_limit_type("parse_seconds"),
                   help="time allowed to extract one notice (default 10)")


def _add_corpus_commands(sub) -> None:
    """batch / query / compare live in zhenggai.corpus; their parsers load lazily-importing modules."""
    try:
        from zhenggai.corpus import cli as corpus_cli
    except ImportError:  # pragma: no cover - corpus tools not installed in this build
        return
    corpus_cli.add_batch_parser(sub)
    corpus_cli.add_query_parser(sub)
    corpus_cli.add_compare_parser(sub)
    from zhenggai.corpus import explorer_cli

    explorer_cli.add_serve_parser(sub)
    explorer_cli.add_report_parser(sub)


LIMITED_COMMANDS = frozenset({"extract", "render", "evaluate", "batch"})


def main(argv: Sequence[str] | None = None) -> int:
    from zhenggai.errors import one_line

    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    # The one-notice commands start fast: the corpus tools' parsers are not loaded for them.
    parser = build_parser(include_corpus=command not in ONE_NOTICE_COMMANDS)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        if args.command in LIMITED_COMMANDS:
            _check_environment()
        code = int(args.func(args) or 0)
    except UsageError as exc:
        print(f"zhenggai: error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except CliError as exc:
        print(f"zhenggai: error: {one_line(str(exc))}", file=sys.stderr)
        _drop_stdout()
        return 1
    except KeyboardInterrupt:
        print("zhenggai: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `zhenggai extract x | head`
        _drop_stdout()
        return 0
    return code if _flush_stdout() else 1


def _flush_stdout() -> bool:
    """Flush standard output now, so a failing flush is one line here and not a traceback at exit."""
    from zhenggai.errors import one_line

    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()
    except OSError as exc:
        print(f"zhenggai: error: standard output: cannot write ({one_line(exc.strerror or str(exc))})",
              file=sys.stderr)
        _drop_stdout()
        return False
    return True


def _drop_stdout() -> None:
    """Point standard output at /dev/null: what Python would flush at exit can no longer fail."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
