"""Crawl output: one JSON object per line → one Document (or InputError) per line.

Each line holds ``{"url": …, "html": …}`` or ``{"url": …, "text": …}`` with
optional ``"fetched_at"`` and ``"encoding"`` (what the crawler decoded with).
A bad line does not stop the run: it yields an InputError naming ``path:lineno``.

>>> import json, tempfile, os
>>> fd, name = tempfile.mkstemp(suffix=".jsonl"); os.close(fd)
>>> _ = open(name, "w", encoding="utf-8").write(json.dumps({"url": "http://a.gov.cn/t20230106_1.html",
...     "text": "关于整改情况的通报\\n\\n现将巡察整改情况予以公布，反馈问题均已完成整改。"}) + "\\nnot json\\n")
>>> [type(x).__name__ for x in iter_jsonl(name)]
['Document', 'InputError']
>>> os.remove(name)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from zhenggai.errors import InputError, ZhenggaiError
from zhenggai.limits import bounded, current
from zhenggai.read.decode import mojibake_reason
from zhenggai.read.document import Document
from zhenggai.read.meta import parse_datetime
from zhenggai.read.script import is_traditional


def _record(line: str, where: str) -> Document:
    with bounded(where, current().read_seconds, "reading"):  # a hostile page in one line
        return _read_record(line, where)


def _read_record(line: str, where: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not JSON ({exc.msg})") from None
    except RecursionError:
        raise InputError(where, "not JSON this reader takes (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise InputError(where, f"not JSON this reader takes ({' '.join(str(exc).split())[:120]})") from None
    if not isinstance(record, dict):
        raise InputError(where, "not a JSON object")
    url = record.get("url")
    html, text = record.get("html"), record.get("text")
    if not isinstance(url, str) or not url:
        raise InputError(where, 'no "url"')
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, 'neither "html" nor "text" holds content')
    reason = mojibake_reason(body)
    if reason:
        raise InputError(where, f"undecodable text ({reason})")
    encoding = record.get("encoding") if isinstance(record.get("encoding"), str) else None
    for key, value in (("url", url), ("encoding", encoding)):
        if value is not None and not _is_unicode(value):
            raise InputError(where, f'"{key}" holds a lone surrogate (not valid Unicode)')
    if body is html:
        from zhenggai.read.html import read_html

        doc = read_html(html, where, url=url, encoding=encoding)
    else:
        from zhenggai.read.reader import read_text

        doc = read_text(text, where, url=url, encoding=encoding)
    fetched = record.get("fetched_at")
    doc.fetched_at = parse_datetime(fetched) if isinstance(fetched, str) else None
    doc.script = "traditional" if is_traditional(doc.text) else "simplified"
    return doc


def _is_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_jsonl_line(line: str, where: str = "-") -> Document:
    """One crawl record (one JSONL line) → Document; InputError naming ``where`` when bad.

    >>> parse_jsonl_line('{"url": "http://a.gov.cn/1.html"}', "crawl.jsonl:7")
    Traceback (most recent call last):
    ...
    zhenggai.errors.InputError: crawl.jsonl:7: neither "html" nor "text" holds content
    """
    return _record(line, where)


def _open_text(path: Path):
    """The file as text lines; gzip (x.jsonl.gz, told by its magic bytes) is decompressed as it is read."""
    import gzip

    with path.open("rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open("r", encoding="utf-8", errors="replace")


def iter_jsonl(path: str | Path) -> Iterator[Document | ZhenggaiError]:
    """Documents of a crawl JSONL file, in line order; blank lines are skipped.

    A bad line yields its InputError (ExtractionTimeout when reading it ran past
    the reading limit); the file itself missing or unreadable raises InputError
    (nothing to iterate).
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(str(path), "no such file" if not p.exists() else "is a directory, not a file")
    with _open_text(p) as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                yield _record(line, where)
            except ZhenggaiError as exc:
                yield exc
            except Exception as exc:  # noqa: BLE001 - one bad line never stops the file
                yield InputError(where, f"unreadable crawl line ({type(exc).__name__}: "
                                 f"{' '.join(str(exc).split())[:200]})")
