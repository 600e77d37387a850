"""read_path / read_bytes: any saved input → Document, format sniffed from the bytes.

>>> doc = read_bytes("关于巡察整改情况的通报\\n\\n根据市委统一部署，现将整改情况予以公布。".encode("gbk"), "a.txt")
>>> doc.format, doc.encoding, doc.title
('txt', 'gb18030', '关于巡察整改情况的通报')
"""

from __future__ import annotations

from pathlib import Path

from zhenggai.errors import InputError
from zhenggai.read.decode import decode_bytes
from zhenggai.read.document import Document
from zhenggai.read.meta import date_from_url, txt_header
from zhenggai.read.script import is_traditional
from zhenggai.read.sniff import sniff

MAX_BYTES = 200 * 1024 * 1024  # nothing a notice needs is this large


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


def read_bytes(data: bytes, name: str = "-", url: str | None = None) -> Document:
    """Document from raw bytes; ``name`` is used in error messages (and as path when not "-").

    Raises InputError for empty input, binary junk, a zip that is not a DOCX,
    a truncated or scanned PDF, undecodable text and HTML without article text.
    """
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

        return _finish(read_pdf(data, name), path)
    if kind == "docx":
        from zhenggai.read.docx import read_docx

        return _finish(read_docx(data, name), path)
    text, encoding = decode_bytes(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if kind == "jsonl":
        raise InputError(name, "a crawl JSONL file holds many pages; read it with iter_jsonl")
    if kind == "html":
        from zhenggai.read.html import read_html

        return _finish(read_html(text, name, url=url, encoding=encoding), path)
    return _finish(read_text(text, name, url=url, encoding=encoding), path)


def read_path(path: str | Path) -> Document:
    """Document from a file on disk, whatever its extension says.

    >>> read_path("/no/such/notice.html")
    Traceback (most recent call last):
    ...
    zhenggai.errors.InputError: /no/such/notice.html: no such file
    """
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"file too large ({size} bytes; at most {MAX_BYTES})")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    return read_bytes(data, name)
