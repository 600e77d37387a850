"""Errors with messages a user can act on; each names its input."""

from __future__ import annotations

import unicodedata


class ZhenggaiError(Exception):
    """Base class for errors zhenggai reports to users."""


class _Named(ZhenggaiError):
    """An error about one input: ``"<source>: <message>"``, one line."""

    def __init__(self, source: str, message: str):
        self.source = str(source)
        self.message = message
        super().__init__(f"{self.source}: {message}")

    def __reduce__(self):
        # Picklable (process pools, dask workers): rebuild from both parts.
        return (type(self), (self.source, self.message))


class InputError(_Named):
    """An input that cannot be read or holds no notice.

    >>> str(InputError("a.pdf", "no text layer; OCR is not supported"))
    'a.pdf: no text layer; OCR is not supported'
    """


class ExtractionTimeout(_Named):
    """Reading or extracting one input ran past its time limit (see :mod:`zhenggai.limits`).

    >>> str(ExtractionTimeout("a.txt", "extraction took longer than 10s (pathological input?)"))
    'a.txt: extraction took longer than 10s (pathological input?)'
    """


def one_line(text: str) -> str:
    """``text`` safe to print as one line: control characters (newline, CR, ESC …), line and
    paragraph separators and undecodable bytes of a file name written as escapes.

    >>> one_line("a\\nb.txt: no such file")
    'a\\\\nb.txt: no such file'
    >>> one_line("整改\\x1b[31m.txt")
    '整改\\\\x1b[31m.txt'
    """
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\t" or category not in ("Cc", "Zl", "Zp", "Cs"):
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii") if category != "Cs" else f"\\u{ord(ch):04x}")
    return "".join(out)
