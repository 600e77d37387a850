"""Tell a file's format from its bytes, not from its name.

Crawlers save HTML as ``.txt`` or without an extension, PDFs arrive as
``download.do`` and DOCX files as ``.doc``; the content decides.

>>> sniff(b"%PDF-1.7 ...")
'pdf'
>>> sniff("<!DOCTYPE html><html><head><meta charset='utf-8'>".encode())
'html'
>>> sniff("关于巡察整改情况的通报".encode())
'txt'
"""

from __future__ import annotations

import io
import zipfile

import regex

from zhenggai import limits

_HEAD_BYTES = 2048

# Markers that only HTML starts with; checked case-insensitively in the first 2 KB.
_HTML_MARKER = limits.compile(
    rb"""
    < \s* (?: !doctype \s+ html    # <!DOCTYPE html ...>
            | html \b               # <html ...>
            | head \b               # fragment saved without <html>
            | meta \b               # <meta charset=...> first
            | body \b               # body-only snapshot
            | title \b              # bare <title>
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Control bytes that never occur in text (NUL aside, which UTF-16 has plenty of).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"


def looks_utf16(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes look like BOM-less UTF-16, else None.

    ASCII-heavy UTF-16 (HTML, digits, punctuation) has a NUL in every other byte.

    >>> looks_utf16("<html>通报</html>".encode("utf-16-le"))
    'utf-16-le'
    """
    sample = head[:_HEAD_BYTES]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    # Chinese-heavy text has fewer NULs than ASCII-heavy text; junk has them on both sides.
    if odd_nul >= 0.15 and even_nul <= odd_nul / 8:
        return "utf-16-le"
    if even_nul >= 0.15 and odd_nul <= even_nul / 8:
        return "utf-16-be"
    return None


def _text_head(data: bytes) -> bytes:
    """First bytes as ASCII-compatible bytes (UTF-16 squeezed to one byte per char)."""
    head = data[: _HEAD_BYTES * 2]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec = "utf-16"
    else:
        codec = looks_utf16(head)
    if codec:
        return head.decode(codec, errors="ignore").encode("utf-8", errors="ignore")[:_HEAD_BYTES]
    return head[:_HEAD_BYTES]


def is_binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding we read (images, executables, junk).

    >>> is_binary(bytes(range(256)) * 4)
    True
    """
    head = data[:8192]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or looks_utf16(head):
        return False
    if not head:
        return False
    # NUL counts with the other control bytes: a few stray NULs (an editor or a
    # truncated copy left them) do not make a notice binary; images, archives
    # and executables have them by the hundred.
    controls = head.count(0) + sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / len(head) > 0.02


def sniff(data: bytes) -> str:
    """Format of ``data``: 'pdf', 'docx', 'zip', 'ole', 'html', 'jsonl', 'txt', 'binary' or 'empty'.

    'zip' is a zip archive without ``word/document.xml`` (not a DOCX).

    >>> sniff(b"")
    'empty'
    """
    if not data.strip():
        return "empty"
    stripped = data.lstrip()
    if stripped[:5] == b"%PDF-" or data[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"  # legacy .doc/.xls/.wps compound file
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if is_binary(data):
        return "binary"
    head = _text_head(data)
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if first[:1] == b"{" and b'"url"' in first.split(b"\n", 1)[0]:
        return "jsonl"  # before HTML: its records carry <html> inside strings
    if _HTML_MARKER.search(head):
        return "html"
    return "txt"
