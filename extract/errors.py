"""Errors with messages a user can act on; each names its input."""

from __future__ import annotations


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
