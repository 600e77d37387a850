"""PDF → Document through the text layer (pypdf); scanned PDFs are refused.

Page headers and footers and page numbers are removed and wrapped lines
joined into paragraphs (layout.py).  OCR is out of scope: a PDF without a
text layer raises ``InputError(path, "no text layer; OCR is not supported")``.

>>> read_pdf(b"%PDF-1.4 truncated", "a.pdf")
Traceback (most recent call last):
...
zhenggai.errors.InputError: a.pdf: truncated PDF (no %%EOF marker at the end)
"""

from __future__ import annotations

import io
import logging
import warnings

from zhenggai import limits
from zhenggai.errors import InputError
from zhenggai.read.document import Document
from zhenggai.read.layout import join_lines, strip_page_furniture
from zhenggai.read.meta import txt_header

MAX_PAGES = 500
_WORDLIKE = limits.compile(r"[\p{Han}A-Za-z0-9]")


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]


def _check_deadline(*_args) -> None:
    limits.check()


def _read_pages(data: bytes, name: str, max_pages: int) -> list[list[str]]:
    """The lines of each page's text layer; any pypdf failure is a one-line InputError."""
    from pypdf import PdfReader  # imported on first PDF

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(name, "encrypted PDF (a password is needed)")
        count = len(reader.pages)
        if count > max_pages:
            raise InputError(name, f"PDF has {count} pages; at most {max_pages} are read")
        pages: list[list[str]] = []
        for page in reader.pages:
            # The deadline is checked before every content-stream operator, those of form XObjects
            # included: a 3 KB page drawing one form a thousand times no longer runs for minutes.
            pages.append((page.extract_text(visitor_operand_before=_check_deadline) or "").splitlines())
            limits.check()
    except (InputError, TimeoutError):
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise InputError(name, f"unreadable PDF ({_first_line(exc)})") from None
    return pages


def read_pdf(data: bytes, name: str = "-", *, max_pages: int = MAX_PAGES) -> Document:
    """Text layer of a PDF as paragraphs; title guessed from the first lines.

    At most ``max_pages`` pages; the reading deadline (:func:`zhenggai.limits.deadline`,
    set by ``read_bytes``) is checked before every content-stream operator.
    """
    # PDF readers tolerate a little trailing junk after %%EOF, never its absence.
    if b"%%EOF" not in data[-2048:]:
        raise InputError(name, "truncated PDF (no %%EOF marker at the end)")
    # pypdf reports damage through logging (errors included, which logging's last resort prints to
    # stderr as multi-line text) and warnings: silenced; a PDF that cannot be read is one InputError.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pages = _read_pages(data, name, max_pages)
    if not any(_WORDLIKE.search(line) for page in pages for line in page):
        raise InputError(name, "no text layer; OCR is not supported")
    lines = [line for page in strip_page_furniture(pages) for line in page]
    text = "\n\n".join(join_lines(lines))
    title, info = txt_header(text)
    return Document(
        text=text, format="pdf", encoding=None, title=title, site=info.site,
        published_at=info.published_at, editor=info.editor,
    )
