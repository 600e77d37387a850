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

import fnmatch
import gzip
import hashlib
import importlib
import os
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

DEFAULT_EXTRACTOR = "zhenggai.corpus.inputs:default_extractor"

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# Web archives (zhenggai.corpus.archive): one input per page record.
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")


@dataclass(frozen=True)
class InputItem:
    """One input: a file, or one line of a crawl JSONL file (``line`` set, ``data`` its bytes).

    ``name`` is what the tables show (bytes-safe text: a non-UTF-8 file name byte is written
    ``\\xff``); ``path`` is the file to read.  ``problem`` is set for what the walk met but
    must not open (a FIFO, a device, a symlink loop, an unreadable folder): the worker turns
    it into an errors row without touching the path.
    """

    name: str
    path: str
    line: int | None = None
    data: bytes | None = None
    problem: str | None = None

    def read(self) -> bytes:
        """The input's bytes; a file over the byte limit, a FIFO or a device raises InputError unread."""
        from zhenggai.read.files import read_file

        if self.problem is not None:
            raise NotAFileError(self.name, self.problem)
        return self.data if self.data is not None else read_file(self.path)


class NotAFileError(OSError):
    """What a folder walk met that is not a regular file (or a folder it could not enter)."""

    def __init__(self, name: str, problem: str):
        super().__init__(problem)
        self.message = problem


@dataclass
class WalkStats:
    """What :func:`iter_inputs` met: files walked and crawl lines found."""

    files: int = 0
    lines: int = 0


def display_name(path: str) -> str:
    """A path as text any table can hold: undecodable bytes as ``\\xff``, lone surrogates escaped.

    >>> display_name(os.fsdecode(b"bad\\xff.txt"))
    'bad\\\\xff.txt'
    >>> display_name("通报.txt")
    '通报.txt'
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return path.encode("utf-8", "backslashreplace").decode("ascii")


def content_hash(data: bytes) -> str:
    """sha256 hex of an input's bytes (what --resume compares)."""
    return hashlib.sha256(data).hexdigest()


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _kind(mode: int) -> str | None:
    """What a non-regular file is, for its errors row (None: a regular file)."""
    for test, what in ((stat.S_ISREG, None), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return what
    return "not a regular file"


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    # A pattern matches the path below the folder walked, or the bare file name.
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], p) for p in patterns)


def _walk(folder: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[tuple[Path, str | None]]:
    """Every regular file under ``folder``, sorted; hidden files and folders (``.git``, ``.tmp-*``) aside.

    Yields ``(path, problem)``: problem is None for a file to read, else why it is not one
    (a FIFO, a device, a socket, a folder that cannot be listed, a symlink loop).  Symlinked
    folders are walked once each (by their real path); nothing is opened here.
    """
    seen_dirs: set[tuple[int, int]] = set()

    def visit(d: Path) -> Iterator[tuple[Path, str | None]]:
        try:
            st = d.stat()
        except OSError as exc:
            yield d, f"cannot enter the folder: {exc.strerror or exc}"
            return
        if (st.st_dev, st.st_ino) in seen_dirs:
            yield d, "a symlink to a folder already walked (a loop or a second path); not walked again"
            return
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield d, f"cannot list the folder: {exc.strerror or exc}"
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            path = Path(e.path)
            try:
                is_dir = e.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
                continue
            rel = path.relative_to(folder).as_posix()
            if (include and not _matches(rel, include)) or (exclude and _matches(rel, exclude)):
                continue
            try:
                mode = e.stat(follow_symlinks=True).st_mode
            except OSError as exc:
                yield path, f"cannot read: {exc.strerror or exc}"
                continue
            yield path, _kind(mode)

    yield from visit(folder)


def _jsonl_lines(path: str, name: str) -> Iterator[InputItem]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            if raw.strip():
                yield InputItem(name=f"{name}:{number}", path=path, line=number, data=raw.rstrip(b"\r\n"))


def _overlapping(args: list[Path]) -> set[int]:
    """Indices of the arguments whose paths can equal another argument's (the same path, or one inside the other).

    A walk yields each path once, and the paths of two arguments can only be equal strings when one
    argument's path is the other's or lies under it; the others need no memory of what was yielded.

    >>> sorted(_overlapping([Path("a"), Path("b"), Path("a/x.txt"), Path("c")]))
    [0, 2]
    """
    found: set[int] = set()
    stack: list[tuple[int, tuple[str, ...]]] = []  # the enclosing paths of the current one, in sorted order
    for i, parts in sorted(enumerate(a.parts for a in args), key=lambda x: x[1]):
        while stack and stack[-1][1] != parts[: len(stack[-1][1])]:
            stack.pop()
        if stack:  # inside (or equal to) the argument on top: both overlap
            found.update((stack[-1][0], i))
        stack.append((i, parts))
    return found


def iter_inputs(
    paths: Iterable[str | os.PathLike],
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    stats: WalkStats | None = None,
) -> Iterator[InputItem]:
    """Stream the inputs named by ``paths`` (files, folders, JSONL files, web archives), in a
    stable order.

    Every regular file under a folder is an input, whatever its name (the format is sniffed
    from the content), hidden files and folders aside; ``include``/``exclude`` are glob
    patterns on the path below the folder or on the file name.  A file named twice (``a.txt
    a.txt``, or a folder and a file in it) is one input; only such overlapping arguments' paths
    are remembered, so walking one large folder holds no list of what it yielded.  ``stats`` counts
    what was walked.
    """
    args = [Path(os.fsdecode(arg)) for arg in paths]
    overlapping = _overlapping(args)
    seen: set[str] = set()  # paths of the arguments that overlap another one (only they can repeat)
    stats = stats if stats is not None else WalkStats()
    for i, p in enumerate(args):
        remember = i in overlapping
        if p.is_dir():
            files = _walk(p, include, exclude)
        else:
            kind = None
            try:
                kind = _kind(p.stat().st_mode)
            except OSError:
                pass  # missing or unreadable: the worker reports it
            files = [(p, kind)]
        for f, problem in files:
            path = str(f)
            if remember:
                if path in seen:
                    continue
                seen.add(path)
            stats.files += 1
            name = display_name(path)
            if problem is None and path.lower().endswith(ARCHIVE_SUFFIXES):
                yield from _archive_items(path)
            elif problem is None and is_jsonl(path):
                try:
                    for item in _jsonl_lines(path, name):
                        stats.lines += 1
                        yield item
                except (OSError, EOFError, zlib.error) as exc:  # unreadable or a broken .gz
                    yield InputItem(name=name, path=path, problem=f"cannot read the crawl file: {exc}")
            else:
                yield InputItem(name=name, path=path, problem=problem)


def count_inputs(paths: Iterable[str | os.PathLike], include: Sequence[str] = (),
                 exclude: Sequence[str] = ()) -> int:
    """How many inputs :func:`iter_inputs` will give (for a progress bar's total); reads crawl files once."""
    return sum(1 for _ in iter_inputs(paths, include=include, exclude=exclude))


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
