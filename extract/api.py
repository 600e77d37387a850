"""The public Python API: one notice in, one validated record out.

>>> from zhenggai import extract_text
>>> notice = extract_text("2022年7月15日至9月23日,市委第四巡察组开展巡察。")   # doctest: +SKIP
>>> notice.inspection.team                                                  # doctest: +SKIP
'市委第四巡察组'
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from zhenggai.assemble import SourceInfo, build_notice
from zhenggai.limits import Limits
from zhenggai.schemas import Notice

if TYPE_CHECKING:  # pragma: no cover
    from zhenggai.read import Document


def extract_text(
    text: str,
    *,
    path: str | None = None,
    url: str | None = None,
    format: str = "txt",
    encoding: str | None = None,
    site: str | None = None,
    published_at: dt.datetime | dt.date | str | None = None,
    title: str | None = None,
    script: str | None = None,
    limits: Limits | None = None,
) -> Notice:
    """Extract a notice from its plain text.  Offsets in the record index ``text``.

    ``limits`` (default :func:`zhenggai.limits.current`) bounds the text's length
    and the time taken: :class:`~zhenggai.errors.InputError` /
    :class:`~zhenggai.errors.ExtractionTimeout` when exceeded.

    ``published_at`` may be a date, a date-time or an ISO string ("2023-07-12",
    "2023-07-12T10:05").  Relative dates (今年, 上月, 29日) count from it, else from the
    signature date, else from the date in ``url`` (/art/2023/6/2/, /t20230602_…).
    """
    info = SourceInfo(
        path=path, url=url, format=format, encoding=encoding, site=site,
        published_at=published_at, title=title, script=script,
    )
    return build_notice(text, info, limits=limits)


def extract_document(doc: Document, *, limits: Limits | None = None) -> Notice:
    """Extract a notice from a :class:`zhenggai.read.Document` (what a reader returned)."""
    info = SourceInfo(
        path=doc.path, url=doc.url, format=doc.format, encoding=doc.encoding, site=doc.site,
        published_at=doc.published_at, title=doc.title, editor=doc.editor, script=doc.script,
        fetched_at=doc.fetched_at, urls=doc.urls, extra_flags=list(doc.flags),
    )
    return build_notice(doc.text, info, limits=limits)


def extract_notice(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    url: str | None = None,
    limits: Limits | None = None,
) -> Notice:
    """Read a file (txt, html, pdf, docx; format sniffed from content) or raw bytes and extract it.

    Raises :class:`zhenggai.errors.InputError` (or its sibling
    :class:`~zhenggai.errors.ExtractionTimeout`) with a one-line message naming the input.
    """
    from zhenggai.read import read_bytes, read_path

    if isinstance(source, bytes):
        doc = read_bytes(source, name=name or "-", url=url, limits=limits)
    else:
        doc = read_path(source, limits=limits)
        if url and not doc.url:
            doc.url = url
    return extract_document(doc, limits=limits)
