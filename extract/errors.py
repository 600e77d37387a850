"""Errors with messages a user can act on; each names its input."""

from __future__ import annotations


class ZhenggaiError(Exception):
    """Base class for errors zhenggai reports to users."""


class InputError(ZhenggaiError):
    """An input that cannot be read or holds no notice.

    >>> str(InputError("a.pdf", "no text layer; OCR is not supported"))
    'a.pdf: no text layer; OCR is not supported'
    """

    def __init__(self, source: str, message: str):
        self.source = str(source)
        self.message = message
        super().__init__(f"{self.source}: {message}")
