"""Bytes of one input, never more than the byte limit plus one: files, devices, pipes, stdin.

A file's size is checked before it is read, and the read itself stops one byte past the limit
(a file that grows, a ``/proc`` file that claims size 0).  Only regular files are read: a FIFO
named ``x.txt`` would block forever, a device (``/dev/zero``, ``/dev/urandom``) never ends and a
socket cannot be opened, so each is refused up front with a one-line :class:`InputError`.

>>> read_stream(io.BytesIO(b"x" * 100), "<stdin>", Limits(max_bytes=10))
Traceback (most recent call last):
...
zhenggai.errors.InputError: <stdin>: input goes on past 10 bytes, over the 10 bytes limit (reading stopped there); raise it with --max-bytes or ZHENGGAI_MAX_BYTES
"""

from __future__ import annotations

import io
import os
import stat
from typing import BinaryIO

from zhenggai.errors import InputError
from zhenggai.limits import Limits, current, size_text, too_many_bytes

_CHUNK = 1024 * 1024

# What a file that is no regular file is, for the message.
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def special_kind(mode: int) -> str | None:
    """``"a FIFO (named pipe)"``, ``"a socket"``, … for a file mode that is no regular file or folder."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None


def _refuse_special(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(name, "is a directory, not a file")
    if not stat.S_ISREG(mode):
        kind = special_kind(mode) or "not a regular file"
        raise InputError(name, f"is {kind}, not a regular file; refused (save the notice to a file)")


def read_file(path: str | os.PathLike, limits: Limits | None = None) -> bytes:
    """The bytes of a regular file, refused (InputError) when over ``limits.max_bytes`` or no regular file.

    Reads at most ``max_bytes + 1`` bytes whatever the file claims to be. A file that is gone or
    unreadable raises the OSError (FileNotFoundError, PermissionError …): a batch reports it as such.
    """
    limits = limits or current()
    name = str(path)
    mode = os.stat(path).st_mode  # follows links: a link to /dev/zero is a device
    _refuse_special(name, mode)
    # O_NONBLOCK: a file swapped for a FIFO after the stat does not block the open.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", buffering=0) as fh:
        info = os.fstat(fh.fileno())
        _refuse_special(name, info.st_mode)
        if message := too_many_bytes(info.st_size, limits):
            raise InputError(name, message)
        return _bounded(fh, name, limits)


def read_stream(stream: BinaryIO, name: str = "<stdin>", limits: Limits | None = None) -> bytes:
    """Bytes from a stream (standard input), refused once more than ``limits.max_bytes`` arrive."""
    return _bounded(stream, name, limits or current())


def _bounded(stream: BinaryIO, name: str, limits: Limits) -> bytes:
    buf = io.BytesIO()
    wanted = limits.max_bytes + 1
    while buf.tell() < wanted:
        chunk = stream.read(min(_CHUNK, wanted - buf.tell()))
        if not chunk:
            break
        buf.write(chunk)
    if buf.tell() > limits.max_bytes:
        limit = size_text(limits.max_bytes)
        raise InputError(name, f"input goes on past {limit}, over the {limit} limit (reading stopped there); "
                         "raise it with --max-bytes or ZHENGGAI_MAX_BYTES")
    return buf.getvalue()


__all__ = ["read_file", "read_stream", "special_kind"]
