"""read_path / read_bytes: any saved input → Document, format sniffed from the bytes.

>>> doc = read_bytes("关于巡察整改情况的通报\\n\\n根据市委统一部署，现将整改情况予以公布。".encode("gbk"), "a.txt")
>>> doc.format, doc.encoding, doc.title
('txt', 'gb18030', '关于巡察整改情况的通报')
"""

from __future__ import annotations

from pathlib import Path

from zhenggai.errors import InputError, ZhenggaiError
from zhenggai.limits import Limits, bounded, current, too_many_bytes, too_many_chars
from zhenggai.read.decode import decode_bytes
from zhenggai.read.document import Document
from zhenggai.read.meta import date_from_url, txt_header
from zhenggai.read.script import is_traditional
from zhenggai.read.sniff import sniff

def read_text(text: str, name: str = "-", url: str | None = None, encoding: str | None = None) -> Document:
    """A plain-text notice: the text as written, line ends unified to ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(name, "empty file")
    title, info = txt_header(text)
    return Document(
        text=text, format="txt", encoding=encoding, url=url, title=title, site=info.site,
        published_at=info.published_at or date_from_url(url), editor=info.editor,
    )


def _finish(doc: Document, path: str | None) -> Document:
    doc.path = path
    doc.script = "traditional" if is_traditional(doc.text) else "simplified"
    return doc


def read_bytes(
    data: bytes, name: str = "-", url: str | None = None, *, limits: Limits | None = None,
    charset: str | None = None,
) -> Document:
    """Document from raw bytes; ``name`` is used in error messages (and as path when not "-").

    Raises InputError for empty input, binary junk, a zip that is not a DOCX,
    a truncated or scanned PDF, undecodable text, HTML without article text and
    input over the size limits; ExtractionTimeout when reading runs past
    ``limits.read_seconds`` (see :mod:`zhenggai.limits`).  ``charset``: the encoding an HTTP
    header names (a web-archive record), used when the page itself declares none.
    """
    limits = limits or current()
    if message := too_many_bytes(len(data), limits):
        raise InputError(name, message)
    with bounded(name, limits.read_seconds, "reading"):
        try:
            doc = _read_bytes(data, name, url, limits, charset)
        except (ZhenggaiError, TimeoutError):
            raise
        except RecursionError:
            raise InputError(name, "input nested too deeply to read") from None
        except Exception as exc:  # lxml, zlib, pypdf … on damaged files: one line, never a traceback
            first = (str(exc).strip().splitlines() or [""])[0][:120]
            raise InputError(name, f"unreadable input ({type(exc).__name__}: {first})") from None
    if message := too_many_chars(len(doc.text), limits):
        raise InputError(name, message)
    return doc


def _read_bytes(data: bytes, name: str, url: str | None, limits: Limits, charset: str | None = None) -> Document:
    kind = sniff(data)
    path = None if name == "-" else name
    if kind == "empty":
        raise InputError(name, "empty file")
    if kind == "ole":
        raise InputError(name, "legacy Word/WPS file (.doc); save it as DOCX or PDF")
    if kind == "binary":
        raise InputError(name, "binary data, not text, HTML, PDF or DOCX")
    if kind == "zip":
        from zhenggai.read.docx import read_docx  # gives the precise message

        read_docx(data, name)
        raise InputError(name, "zip archive is not a DOCX")  # pragma: no cover
    if kind == "pdf":
        from zhenggai.read.pdf import read_pdf

        return _finish(read_pdf(data, name, max_pages=limits.pdf_pages), path)
    if kind == "docx":
        from zhenggai.read.docx import read_docx

        return _finish(read_docx(data, name, max_chars=limits.max_chars), path)
    text, encoding = decode_bytes(data, name, hint=charset)
    if message := too_many_chars(len(text), limits):
        raise InputError(name, message)  # before HTML parsing or the text header
    if text.startswith("\ufeff"):
        text = text[1:]
    if kind == "jsonl":
        raise InputError(name, "a crawl JSONL file holds many pages; read it with iter_jsonl")
    if kind == "html":
        from zhenggai.read.html import read_html

        return _finish(read_html(text, name, url=url, encoding=encoding), path)
    return _finish(read_text(text, name, url=url, encoding=encoding), path)


def read_path(path: str | Path, *, limits: Limits | None = None) -> Document:
    """Document from a file on disk, whatever its extension says.

    >>> read_path("/no/such/notice.html")
    Traceback (most recent call last):
    ...
    zhenggai.errors.InputError: /no/such/notice.html: no such file
    """
    from zhenggai.read.files import read_file

    limits = limits or current()
    name = str(path)
    try:
        # Size checked before reading, at most the limit plus one byte read; FIFOs and devices refused.
        data = read_file(path, limits)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    return read_bytes(data, name, limits=limits)
