"""Web archives in a batch run: each page record of a WARC/WET file is one input.

    zhenggai batch crawl.warc.gz -o DATASET           every response/resource/conversion record
    zhenggai batch crawls/ -o DATASET                 folders holding .warc(.gz) / .wet(.gz) files

An archive is listed in the parent (:func:`archive_items`, streamed through
:func:`zhenggai.read.warc.iter_spans`): each record becomes a
:class:`RecordItem` that carries only where the record lies
(``file.warc.gz:OFFSET`` and its length), so the parent never holds payloads
and the Dask engine ships a few dozen bytes per record.  The worker reads the
record's bytes (:meth:`RecordItem.read`) and :func:`process_record` turns them
into exactly one outcome:

- ``ok``: a notice (HTML through the HTML reader, WET text as plain text);
- ``failed``: an errors row (HTTP 404, truncated record, damaged gzip member,
  unsupported payload, no article text …);
- ``skipped``: a skipped row with its reason — clearly no document (an image,
  a stylesheet, a redirect, a revisit), or screened out as no rectification
  document (:mod:`zhenggai.corpus.screen`; ``--no-screen`` turns that off).

>>> RecordItem("a.warc.gz:0", "a.warc.gz", offset=0, length=10).name
'a.warc.gz:0'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from zhenggai.corpus.inputs import InputItem
from zhenggai.read.warc import DOCUMENT_TYPES, RecordSpan, is_archive, iter_spans, record_name

__all__ = ["RecordItem", "archive_items", "is_archive", "process_record", "SKIPPED"]

SKIPPED = "skipped"


@dataclass(frozen=True)
class RecordItem(InputItem):
    """One record of a web archive: where it lies, read by the worker."""

    offset: int = 0
    length: int = 0
    screen: bool = True  # screen the page before full extraction
    url: str | None = None  # WARC-Target-URI, known from the listing (pagination groups use it)

    def read(self) -> bytes:
        from zhenggai.limits import current
        from zhenggai.read.warc import read_span

        # Stored bytes over 4× the input limit are refused unread (a gzip member inflates).
        return read_span(self.path, RecordSpan(self.offset, self.length), max_bytes=4 * current().max_bytes)


def archive_items(path: str, *, screen: bool = True) -> Iterator[RecordItem]:
    """The page records of an archive as batch inputs, in file order (streamed).

    Request, warcinfo and metadata records describe other records and are not inputs;
    a range that could not be parsed (a damaged gzip member) is one, and fails in the worker.
    """
    for span in iter_spans(path):
        if span.type is None or span.type in DOCUMENT_TYPES:
            yield RecordItem(name=record_name(path, span.offset), path=path, offset=span.offset,
                             length=span.length, screen=screen, url=span.url)


def unscreened(items: Iterator[InputItem]) -> Iterator[InputItem]:
    """``items`` with screening turned off for archive records (``zhenggai batch --no-screen``)."""
    from dataclasses import replace

    for item in items:
        yield replace(item, screen=False) if isinstance(item, RecordItem) else item


def process_record(item: RecordItem, data: bytes, extractor):
    """Worker side: one record's stored bytes → (kind, value) where kind is

    ``"document"`` (a Document to extract), ``"skip"`` (a reason) — InputError otherwise.
    The extractor may replace the reading step with its own ``from_record(data, name)``.
    """
    from zhenggai.errors import InputError
    from zhenggai.read.warc import parse_record, record_document, record_problem, skip_reason

    rec = parse_record(data, item.name)
    reason = skip_reason(rec)
    if reason:
        return "skip", (rec.url, reason)
    problem = record_problem(rec)  # a 404, a truncated record: errors rows, never screened away
    if problem:
        raise InputError(item.name, problem)
    if item.screen:
        from zhenggai.corpus.screen import screen_record

        reason = screen_record(rec)
        if reason:
            return "skip", (rec.url, reason)
    return "document", record_document(rec, item.name)


def skipped_row(name: str, url: str | None, reason: str, digest: str | None) -> dict:
    """A row of the ``skipped`` table."""
    return {"input": name, "url": url, "reason": reason, "content_hash": digest}
