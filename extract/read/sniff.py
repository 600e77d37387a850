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

    ASCII-heavy UTF-16 (HTML, digits, punctuation) has a NUL in every other byte; Chinese-only
    UTF-16 has few NULs, so bytes that are not UTF-8 are tried as text: nearly every character a
    Han character, CJK or ASCII punctuation or a blank.  (GBK read as UTF-16 gives Hangul,
    private-use characters and lone surrogates; random bytes give all of them.)

    >>> looks_utf16("<html>通报</html>".encode("utf-16-le"))
    'utf-16-le'
    >>> looks_utf16("根据市委统一部署，现将巡察整改情况予以公布。".encode("utf-16-be"))
    'utf-16-be'
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
    # ASCII read as UTF-16 is Han too ("ht" is U+7468): only bytes that are no UTF-8 and are high
    # in good part (Chinese UTF-16 has about one byte in two at 0x80 or above) are tried.
    high = sum(1 for b in sample if b >= 0x80)
    if len(sample) >= 16 and high >= 0.2 * len(sample) and sample.decode("utf-8", "replace").count("\ufffd") > 1:
        for codec in ("utf-16-le", "utf-16-be"):
            text = sample[: len(sample) // 2 * 2].decode(codec, errors="replace")[:-1]  # the last may be cut
            if "\ufffd" in text or _CONTROLS.search(text):
                continue
            if len(_TEXTLIKE.findall(text)) >= 0.95 * len(text):
                return codec
    return None


# What UTF-16 Chinese text is made of: Han, CJK and full-width punctuation, ASCII, blanks.
_TEXTLIKE = limits.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\r\n\u00b7]")
# Control characters that no text holds (NUL aside: ASCII-heavy UTF-16 is caught above).
_CONTROLS = limits.compile(r"[\x00-\x08\x0e-\x1f]")


def _utf32(head: bytes) -> str | None:
    if head[:4] == b"\xff\xfe\x00\x00":
        return "utf-32-le"
    if head[:4] == b"\x00\x00\xfe\xff":
        return "utf-32-be"
    return None


def _text_head(data: bytes) -> bytes:
    """First bytes as ASCII-compatible bytes (UTF-16 and UTF-32 squeezed to one byte per char)."""
    head = data[: _HEAD_BYTES * 4]
    codec = _utf32(head)
    if codec:
        return head[4:].decode(codec, errors="ignore").encode("utf-8", errors="ignore")[:_HEAD_BYTES]
    head = head[: _HEAD_BYTES * 2]
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
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or _utf32(head) or looks_utf16(head):
        return False
    if not head:
        return False
    # NUL counts with the other control bytes: a few stray NULs (an editor or a
    # truncated copy left them) do not make a notice binary; images, archives
    # and executables have them by the hundred.
    controls = head.count(0) + sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / len(head) > 0.02


def _crawl_record(data: bytes) -> bool:
    """Whether the first line is a JSON object with a "url" (a crawl record), not prose that starts alike."""
    import json

    line = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and "url" in record


def sniff(data: bytes) -> str:
    """Format of ``data``: 'pdf', 'docx', 'zip', 'ole', 'html', 'jsonl', 'txt', 'binary' or 'empty'.

    'zip' is a zip archive without ``word/document.xml`` (not a DOCX).

    >>> sniff(b"")
    'empty'
    """
    if not data.strip():
        return "empty"
    stripped = data.lstrip()
    # A PDF starts with %PDF- (a download may have a few junk bytes before it) and ends with %%EOF;
    # a text that only mentions "%PDF-" does not end so.
    if stripped[:5] == b"%PDF-" or (0 <= data[:1024].find(b"%PDF-") and b"%%EOF" in data[-2048:]):
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
    if first[:1] == b"{" and b'"url"' in first.split(b"\n", 1)[0] and _crawl_record(data):
        return "jsonl"  # before HTML: its records carry <html> inside strings
    if _HTML_MARKER.search(head):
        return "html"
    return "txt"
