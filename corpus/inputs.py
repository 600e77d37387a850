"""Inputs of a batch run: files, folders (walked) and crawl JSONL lines, streamed in a stable order.

>>> [i.name for i in iter_inputs(["missing.txt"])]
['missing.txt']

Each input is one :class:`InputItem`; a crawl line is named ``FILE.jsonl:LINE``
(1-based, blank lines are not inputs).  The worker side turns an item into a
Notice with an *extractor*: an object with ``from_bytes(data, name)`` and
``from_line(line, name)``, named by ``"module:attribute"`` so that every worker
process (multiprocessing or Dask) can import it.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

DEFAULT_EXTRACTOR = "zhenggai.corpus.inputs:default_extractor"

# File endings a folder walk picks up; files named on the command line are always inputs.
NOTICE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".pdf", ".docx")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# Web archives (zhenggai.corpus.archive): one input per page record.
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")


@dataclass(frozen=True)
class InputItem:
    """One input: a file, or one line of a crawl JSONL file (``line`` set, ``data`` its bytes)."""

    name: str
    path: str
    line: int | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        return self.data if self.data is not None else Path(self.path).read_bytes()


def content_hash(data: bytes) -> str:
    """sha256 hex of an input's bytes (what --resume compares)."""
    return hashlib.sha256(data).hexdigest()


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _walk(folder: Path) -> Iterator[Path]:
    # Sorted, hidden files and folders (.tmp-*, .git) skipped: the same order on every run and engine.
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith(".") and f.lower().endswith(NOTICE_SUFFIXES + JSONL_SUFFIXES + ARCHIVE_SUFFIXES):
                yield Path(root) / f


def _jsonl_lines(path: str) -> Iterator[InputItem]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            if raw.strip():
                yield InputItem(name=f"{path}:{number}", path=path, line=number, data=raw.rstrip(b"\r\n"))


def iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[InputItem]:
    """Stream the inputs named by ``paths`` (files, folders, JSONL files, web archives), in a stable order.

    A file named twice (``a.txt a.txt``, or a folder and a file in it) is one input.
    """
    seen: set[str] = set()
    for arg in paths:
        p = Path(arg)
        files = _walk(p) if p.is_dir() else [p]
        for f in files:
            name = str(f)
            if name in seen:
                continue
            seen.add(name)
            if name.lower().endswith(ARCHIVE_SUFFIXES) and f.is_file():
                yield from _archive_items(name)
            elif is_jsonl(name) and f.is_file():
                try:
                    yield from _jsonl_lines(name)
                except OSError:
                    yield InputItem(name=name, path=name)  # unreadable: the worker reports it
            else:
                yield InputItem(name=name, path=name)


def _archive_items(name: str) -> Iterator[InputItem]:
    from zhenggai.corpus.archive import archive_items
    from zhenggai.errors import InputError

    try:
        yield from archive_items(name)
    except InputError as exc:  # unreadable, or several records per gzip member: one errors row
        yield _FailedItem(name=name, path=name, message=str(exc))


@dataclass(frozen=True)
class _FailedItem(InputItem):
    """An input known to be bad while listing: the worker turns it into an errors row."""

    message: str = ""

    def read(self) -> bytes:
        raise OSError(self.message)


class DefaultExtractor:
    """zhenggai's own extraction: ``zhenggai.api`` for files, ``zhenggai.read`` for crawl lines."""

    def from_bytes(self, data: bytes, name: str):
        from zhenggai.api import extract_notice

        return extract_notice(data, name=name)

    def from_document(self, doc):
        from zhenggai.api import extract_document

        return extract_document(doc)

    def from_line(self, line: bytes, name: str):
        from zhenggai import read
        from zhenggai.api import extract_document
        from zhenggai.errors import InputError

        # The read package's one-line reader (what iter_jsonl calls per line); else the file
        # reader on a one-line file.
        from zhenggai.read import jsonl

        for fn in (getattr(read, "parse_jsonl_line", None), getattr(jsonl, "_record", None)):
            if fn is not None:
                return extract_document(fn(line.decode("utf-8", "replace"), name))
        import tempfile

        with tempfile.NamedTemporaryFile("wb", suffix=".jsonl", delete=False) as fh:
            fh.write(line + b"\n")
        try:
            items = list(read.iter_jsonl(fh.name))
        finally:
            os.unlink(fh.name)
        if not items:
            raise InputError(name, "blank crawl line")
        item = items[0]
        if isinstance(item, BaseException):
            raise InputError(name, getattr(item, "message", str(item)))
        return extract_document(item)


default_extractor = DefaultExtractor()


def load_extractor(spec: str = DEFAULT_EXTRACTOR):
    """The extractor object named ``"module:attribute"``."""
    module, _, attr = spec.partition(":")
    obj = importlib.import_module(module)
    for part in (attr or "default_extractor").split("."):
        obj = getattr(obj, part)
    return obj
