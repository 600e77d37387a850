"""Web archives (WARC, WET): where each record sits, and one record → a Document.

Records are read with FastWARC (``fastwarc``, from resiliparse).  An archive is
listed as :class:`RecordSpan` s — the byte range of each record in the file,
which for a ``.warc.gz`` is its own gzip member (the WARC standard's advice,
followed by wget, Heritrix, warcio and Common Crawl) — streamed, never the
whole file in memory.  A damaged member or a record cut short does not stop the
listing: it resynchronises at the next member (or ``WARC/1.`` line) and the
bad range becomes a span of its own, which :func:`parse_record` then refuses
with a one-line :class:`~zhenggai.errors.InputError`.

A record's place in the archive, ``file.warc.gz:OFFSET``, names it in every
message and in the dataset (``zhenggai extract file.warc.gz --record OFFSET``).

>>> record_name("crawl.warc.gz", 4096)
'crawl.warc.gz:4096'
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from zhenggai.errors import InputError
from zhenggai.read.document import Document

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
# Records that hold a page (or a page's text); request, warcinfo and metadata records
# describe other records and are not inputs.
DOCUMENT_TYPES = ("response", "resource", "conversion", "revisit")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_BLOCK = 1 << 20
# Payload types that are clearly no document: skipped with the type as the reason.
_NOT_DOCUMENTS = ("image/", "audio/", "video/", "font/", "text/css", "application/javascript",
                  "text/javascript", "application/x-javascript", "application/json", "application/zip",
                  "application/octet-stream", "application/x-shockwave-flash", "application/font")
# Payload types zhenggai reads (HTML, plain text, PDF, DOCX).
_READABLE = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@dataclass(frozen=True)
class RecordSpan:
    """Where one record lies in an archive file: ``offset`` and ``length`` in bytes (compressed)."""

    offset: int
    length: int
    type: str | None = None  # WARC-Type; None when the range could not be parsed
    url: str | None = None


@dataclass
class WebRecord:
    """One archive record, parsed: what the crawler saw and the payload it saved."""

    type: str
    url: str | None
    fetched_at: datetime | None
    status: int | None  # HTTP status; None for resource and conversion records
    reason: str | None
    content_type: str | None  # media type, lower case, without parameters
    charset: str | None  # from the HTTP Content-Type header
    payload: bytes
    truncated: str | None = None  # WARC-Truncated: length|time|disconnect|unspecified
    location: str | None = None  # HTTP Location of a redirect


def is_archive(path: str | Path) -> bool:
    """A WARC or WET file by its name (``.warc``, ``.warc.gz``, ``.wet``, ``.wet.gz``)."""
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def record_name(path: str | Path, offset: int) -> str:
    """The input name of a record: ``file.warc.gz:OFFSET``."""
    return f"{path}:{offset}"


def _is_gzip(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == _GZIP_MAGIC[:2]


def _next_magic(fh, start: int, magic: bytes) -> int | None:
    """Offset of the next ``magic`` at or after ``start`` (read in blocks), or None."""
    pos = start
    tail = b""
    while True:
        fh.seek(pos)
        block = fh.read(_SCAN_BLOCK)
        if not block:
            return None
        data = tail + block
        found = data.find(magic)
        if found >= 0:
            return pos - len(tail) + found
        tail = data[-(len(magic) - 1):]
        pos += len(block)


def iter_spans(path: str | Path) -> Iterator[RecordSpan]:
    """The records of an archive file, in file order, as byte ranges; streamed.

    Raises InputError when the file cannot be opened, or when a gzip member holds
    several records (the whole archive gzipped at once), which cannot be split by offset.
    """
    from fastwarc.warc import ArchiveIterator

    path = str(path)
    try:
        size = Path(path).stat().st_size
        gz = _is_gzip(path)
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    magic = _GZIP_MAGIC if gz else _WARC_MAGIC
    with open(path, "rb") as fh:
        start = 0
        while start < size:
            fh.seek(start)
            prev: RecordSpan | None = None
            try:
                for rec in ArchiveIterator(fh, parse_http=False, fsspec_args=False):
                    pos = rec.stream_pos
                    if prev is not None:
                        if pos <= prev.offset:
                            raise InputError(path, "several records share one gzip member; recompress the "
                                             "archive with one member per record (warcio recompress)")
                        yield RecordSpan(prev.offset, pos - prev.offset, prev.type, prev.url)
                    prev = RecordSpan(pos, 0, str(rec.record_type), rec.headers.get("WARC-Target-URI"))
            except OSError:
                # A damaged member or a record cut short: the range up to the next member is one
                # span (the last record read, or the bad bytes), and the listing goes on from there.
                begin = prev.offset if prev is not None else start
                nxt = _next_magic(fh, begin + 1, magic)
                end = size if nxt is None else nxt
                yield RecordSpan(begin, end - begin, prev.type if prev else None, prev.url if prev else None)
                start = end
                continue
            if prev is not None:
                yield RecordSpan(prev.offset, size - prev.offset, prev.type, prev.url)
            break


def read_span(path: str | Path, span: RecordSpan, max_bytes: int | None = None) -> bytes:
    """The bytes of one record as stored (a gzip member, or plain WARC)."""
    name = record_name(path, span.offset)
    if max_bytes is not None and span.length > max_bytes:
        raise InputError(name, f"record is {span.length / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB "
                         "limit; raise it with ZHENGGAI_MAX_BYTES")
    with open(path, "rb") as fh:
        fh.seek(span.offset)
        return fh.read(span.length)


def _gunzip_member(data: bytes, name: str) -> bytes:
    """The first gzip member of ``data``, decompressed; InputError when damaged or cut short."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        raw = inflater.decompress(data)
    except zlib.error as exc:
        raise InputError(name, f"damaged gzip member ({exc}); the records after it are still read") from None
    if not inflater.eof:
        raise InputError(name, "gzip member cut short (truncated archive?)")
    return raw


def _media_type(value: str | None) -> str | None:
    if not value:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def parse_record(data: bytes, name: str) -> WebRecord:
    """One stored record (gzip member or plain bytes) → :class:`WebRecord`.

    Raises InputError for a damaged gzip member, bytes that are no WARC record and a
    record shorter than its Content-Length (truncated).
    """
    from fastwarc.warc import ArchiveIterator

    if data[:3] == _GZIP_MAGIC:
        data = _gunzip_member(data, name)
    if not data.startswith(_WARC_MAGIC):
        raise InputError(name, "not a WARC record (damaged archive?)")
    try:
        rec = next(iter(ArchiveIterator(io.BytesIO(data), parse_http=True, fsspec_args=False)), None)
        if rec is None:
            raise InputError(name, "not a WARC record (damaged archive?)")
        payload = rec.reader.read()
    except OSError as exc:
        raise InputError(name, f"unreadable WARC record ({exc})") from None
    if len(payload) < rec.content_length:
        raise InputError(name, f"truncated record: {len(payload):,} of {rec.content_length:,} bytes")
    headers = rec.headers
    status = reason = charset = location = None
    if rec.is_http:
        http = rec.http_headers
        status, reason = http.status_code, http.reason_phrase
        content_type = _media_type(http.get("Content-Type"))
        charset = rec.http_charset
        location = http.get("Location")
    else:
        content_type = _media_type(headers.get("Content-Type"))
        if str(rec.record_type) == "conversion":
            content_type = content_type or "text/plain"
    date = rec.record_date
    return WebRecord(
        type=str(rec.record_type), url=headers.get("WARC-Target-URI"), fetched_at=date, status=status,
        reason=reason, content_type=content_type, charset=charset, payload=payload,
        truncated=headers.get("WARC-Truncated"), location=location,
    )


def skip_reason(rec: WebRecord) -> str | None:
    """Why a record is clearly no document (an image, a redirect, a revisit), or None.

    >>> skip_reason(WebRecord("response", "http://a.cn/a.png", None, 200, "OK", "image/png", None, b""))
    'not a document (image/png)'
    """
    if rec.type == "revisit":
        return "revisit record (the page was saved earlier; no payload)"
    if rec.status is not None and 300 <= rec.status < 400:
        return f"redirect (HTTP {rec.status}) to {rec.location or 'no Location'}"
    if rec.content_type and rec.content_type.startswith(_NOT_DOCUMENTS):
        return f"not a document ({rec.content_type})"
    return None


def record_problem(rec: WebRecord) -> str | None:
    """Why a record that could be a document cannot be read (error rows), or None."""
    if rec.truncated:
        return f"record truncated by the crawler (WARC-Truncated: {rec.truncated})"
    if rec.status is not None and rec.status != 200:
        return f"HTTP {rec.status} {rec.reason or ''}".rstrip() + " response, not a page"
    if rec.content_type and not rec.content_type.startswith(_READABLE):
        return f"unsupported payload type {rec.content_type}"
    if not rec.payload.strip():
        return "empty payload"
    return None


def record_document(rec: WebRecord, name: str, limits=None) -> Document:
    """A readable record → Document: HTML through the HTML reader (with the header's charset),
    WET conversion records as plain text.  Keeps the url and the fetch time."""
    from zhenggai.read.reader import read_bytes

    problem = record_problem(rec)
    if problem:
        raise InputError(name, problem)
    doc = read_bytes(rec.payload, name, url=rec.url, limits=limits, charset=rec.charset)
    doc.path = name
    doc.url = rec.url or doc.url
    doc.fetched_at = rec.fetched_at
    return doc


def find_record(path: str | Path, *, offset: int | None = None, url: str | None = None) -> tuple[RecordSpan, bytes]:
    """The span and bytes of the record at ``offset`` (as in ``file.warc.gz:OFFSET``) or of the
    first page record whose WARC-Target-URI is ``url``; InputError naming what is missing."""
    if offset is not None:
        for span in iter_spans(path):
            if span.offset == offset:
                return span, read_span(path, span)
            if span.offset > offset:
                break
        raise InputError(str(path), f"no record starts at offset {offset}; record offsets are the numbers "
                         "after the colon in the batch's input names (file.warc.gz:OFFSET)")
    for span in iter_spans(path):
        if span.url == url and span.type in DOCUMENT_TYPES:
            return span, read_span(path, span)
    raise InputError(str(path), f"no page record with WARC-Target-URI {url}")
