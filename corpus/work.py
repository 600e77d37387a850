"""The per-input work both engines share: bytes → Notice → rows, or → an errors row.

>>> from zhenggai.corpus.inputs import InputItem
>>> out = process_item(InputItem("nothing-here.txt", "nothing-here.txt"))
>>> out.status, out.rows["errors"][0]["error_class"]
('failed', 'FileNotFoundError')

A worker process keeps its loaded resources (the extractor, the region
gazetteer, jieba) between inputs: :func:`init_worker` loads them once.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

from zhenggai.corpus.inputs import DEFAULT_EXTRACTOR, InputItem, content_hash, load_extractor
from zhenggai.corpus.rows import Rows, empty_rows, error_row, notice_rows

# Per-process state: set by init_worker (pool initializer, or first use on a Dask worker).
_STATE: dict[str, Any] = {"spec": None, "extractor": None, "skip": frozenset()}


@dataclass
class Outcome:
    """What one input gave: status ok|failed|reused|skipped, and its rows (empty when reused).

    For ``skipped`` (a web-archive record that is no notice) ``error_class`` holds the reason.
    """

    name: str
    content_hash: str | None
    status: str
    rows: Rows = field(default_factory=empty_rows)
    error_class: str | None = None


def init_worker(
    extractor_spec: str = DEFAULT_EXTRACTOR, skip: frozenset = frozenset(), warm: bool = True
) -> None:
    """Load the extractor (and warm the gazetteer) once per worker process."""
    if _STATE["spec"] != extractor_spec:
        _STATE["extractor"] = load_extractor(extractor_spec)
        _STATE["spec"] = extractor_spec
        if warm:
            from zhenggai.corpus.orgs import find_region

            find_region("杭州市")
    _STATE["skip"] = skip


def _signature(text: str) -> bytes:
    from zhenggai.corpus.dedup import minhash_signature

    return minhash_signature(text)


def process_item(item: InputItem) -> Outcome:
    """Extract one input; any exception becomes an errors row (nothing is lost)."""
    if _STATE["extractor"] is None:
        init_worker(warm=False)
    from zhenggai.errors import InputError

    try:
        data = item.read()
    except (OSError, InputError) as exc:  # gone, unreadable, over the byte limit, a FIFO or a device
        return Outcome(item.name, None, "failed", _error_rows(item.name, exc, None), type(exc).__name__)
    digest = content_hash(data)
    if (item.name, digest) in _STATE["skip"]:
        return Outcome(item.name, digest, "reused")
    try:
        extractor = _STATE["extractor"]
        if item.line is not None:
            notice = extractor.from_line(data, item.name)
        elif _is_record(item) or _is_paged(item):  # may be skipped (not a document, screened out)
            notice = _from_record(item, data, extractor) if _is_record(item) else _from_pages(item, extractor)
            if isinstance(notice, tuple):
                url, reason = notice
                return _skipped_outcome(item.name, url, reason, digest)
        else:
            notice = extractor.from_bytes(data, item.name)
        from zhenggai.corpus.orgs import resolve_organisation

        org = resolve_organisation(
            notice.issuer, site=notice.source.site, title=notice.title, target=notice.inspection.target
        )
        rows = notice_rows(notice, input_name=item.name, content_hash=digest, org=org)
        rows["_minhash"] = [{"input": item.name, "signature": _signature(notice.text)}]
        check_text_cells(item.name, rows)
    except Exception as exc:  # noqa: BLE001 - every input must give a row
        return Outcome(item.name, digest, "failed", _error_rows(item.name, exc, digest), type(exc).__name__)
    return Outcome(item.name, digest, "ok", rows)


class Timeout(Exception):
    """One input ran past the batch's wall-clock guard (its worker was stopped)."""

    def __init__(self, name: str, seconds: float):
        self.message = (f"{name}: took longer than {seconds:g}s (the batch's per-input guard; "
                        "raise it with --input-timeout)")
        super().__init__(self.message)


def timeout_outcome(item: InputItem, seconds: float) -> Outcome:
    """The errors row of an input stopped by the per-input guard (no content hash: --resume tries it again)."""
    return Outcome(item.name, None, "failed", _error_rows(item.name, Timeout(item.name, seconds), None), "Timeout")


@contextmanager
def guard(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Timeout` in this (main) thread after ``seconds`` of wall-clock time (SIGALRM)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(_sig, _frame):
        raise Timeout("<input>", seconds)

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_item_guarded(item: InputItem, seconds: float | None) -> Outcome:
    """:func:`process_item` within the per-input guard (in-process runs: one job)."""
    try:
        with guard(seconds):
            return process_item(item)
    except Timeout:
        return timeout_outcome(item, seconds or 0)


def check_text_cells(name: str, rows: Rows) -> None:
    """Refuse rows whose text no Parquet file can hold (a lone surrogate from a crawl line's url …)."""
    from zhenggai.errors import InputError

    for table, table_rows in rows.items():
        for row in table_rows:
            for column, value in row.items():
                if isinstance(value, str):
                    try:
                        value.encode("utf-8")
                    except UnicodeEncodeError:
                        raise InputError(name, f"{table}.{column} holds a lone surrogate (not valid Unicode); "
                                         "fix the input's encoding") from None


# --- web-archive records (zhenggai.corpus.archive) ---------------------------------------------


def _is_record(item: InputItem) -> bool:
    return type(item).__name__ == "RecordItem"  # no import: archive support loads only when used


def _is_paged(item: InputItem) -> bool:
    return type(item).__name__ == "PagedItem"  # the pages of one article (zhenggai.corpus.pages)


def _from_pages(item: InputItem, extractor):
    from zhenggai.corpus.pages import process_paged

    return process_paged(item, extractor)


def _from_record(item: InputItem, data: bytes, extractor):
    """A Notice, or (url, reason) when the record is skipped."""
    from zhenggai.corpus.archive import process_record

    kind, value = process_record(item, data, extractor)
    if kind == "skip":
        return value
    from_document = getattr(extractor, "from_document", None)
    if from_document is None:
        from zhenggai.api import extract_document as from_document
    return from_document(value)


def _skipped_outcome(name: str, url: str | None, reason: str, digest: str) -> Outcome:
    """A record that is no notice: one ``skipped`` row; the reason travels as error_class."""
    from zhenggai.corpus.archive import SKIPPED, skipped_row

    rows = empty_rows()
    rows["skipped"].append(skipped_row(name, url, reason, digest))
    return Outcome(name, digest, SKIPPED, rows, reason)


def _error_rows(name: str, exc: BaseException, digest: str | None) -> Rows:
    rows = empty_rows()
    rows["errors"].append(error_row(name, exc, digest))
    return rows
