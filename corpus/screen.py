"""Screening: a fast first pass that tells whether a web page can be a rectification document at all.

In a crawl of government sites, rectification notices are a small share of the pages.  Before a
page record goes to full extraction (HTML parsing, the whole extractor), :func:`screen_text`
looks at its title and opening words and the genre's formulas (``models/screen_formulas.tsv``):

1. the title (``<title>``, or a WET record's first line) matches a ``title`` formula
   (整改, 落实巡视反馈意见 …); else
2. the opening words (the start of the page's body: its first 24,000 characters of markup, which
   on a government page hold the menus and the first paragraphs) match an ``opening`` formula
   (整改情况, 巡察反馈, 审计查出问题 …); else
3. the page repeats the genre's core word (整改) at least ``density`` times and holds an
   ``opening`` formula somewhere (a notice under a generic title such as 通知公告, whose text
   starts below a long menu); news that says 督促整改 five times holds no formula.

A page that passes none of them is skipped with the reason ``screen: no rectification formula``
and counted in the run summary and the ``skipped`` table; ``zhenggai batch --no-screen`` sends
every page to full extraction.  PDF and DOCX payloads are never screened out.

>>> screen_text("关于市委巡察整改情况的通报", "根据市委统一部署……", "")
>>> screen_text("全市春季农业生产工作会议召开", "4月2日，全市春季农业生产工作会议召开……", "")
'screen: no rectification formula in the title or text'
"""

from __future__ import annotations

from functools import lru_cache

import regex
from zhenggai.models import load_table

SCREENED_OUT = "screen: no rectification formula in the title or text"
_TITLE_HEAD = 65536  # bytes of the page searched for <title>

_TITLE_TAG = regex.compile(
    r"""<title[^>]*>      # the opening tag
        ([^<]{0,400})      # the title text (no markup inside a title)
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
_BODY_TAG = regex.compile(r"<body[\s>]", regex.IGNORECASE)  # where the visible text begins
@lru_cache(maxsize=1)
def _formulas() -> dict:
    rows = load_table("screen_formulas.tsv")
    by = {}
    for row in rows:
        by.setdefault(row[0], []).append(row[1])
    return {
        "title": regex.compile("|".join(f"(?:{p})" for p in by["title"])),
        "opening": regex.compile("|".join(f"(?:{p})" for p in by["opening"])),
        "core": by["core"][0],
        "density": int(by["density"][0]),
        "opening_chars": int(by["opening_chars"][0]),
    }


def screen_text(title: str, opening: str, text: str) -> str | None:
    """None when a page with this title, opening and text can be a rectification document;
    else the reason it is skipped."""
    f = _formulas()
    if f["title"].search(title) or f["opening"].search(opening):
        return None
    if text.count(f["core"]) >= f["density"] and f["opening"].search(text):
        return None
    # Traditional pages: the formulas are written in simplified characters.
    from zhenggai.read.script import is_traditional, to_simplified

    probe = title + "\n" + opening
    if is_traditional(probe):
        if f["title"].search(to_simplified(title)) or f["opening"].search(to_simplified(opening)):
            return None
        simplified = to_simplified(text)
        if simplified.count(f["core"]) >= f["density"] and f["opening"].search(simplified):
            return None
    return SCREENED_OUT


def _decode(payload: bytes, charset: str | None) -> str:
    """Good enough to find Chinese words: strict UTF-8, else the declared charset, else GB18030/Big5."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from zhenggai.read.decode import charset_codec, declared_charset

    codec = declared_charset(payload) or charset_codec(charset)
    for candidate in ([codec] if codec and codec != "utf-8" else []) + ["gb18030", "big5hkscs"]:
        try:
            return payload.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return payload.decode("gb18030", errors="replace")


def html_title_opening(html: str, opening_chars: int) -> tuple[str, str]:
    """The <title> text and the opening of a page: the start of its body, markup included.

    The formulas are searched in the markup as it is (stripping tags first costs three times as
    much); a government page's menus come first, so the opening spans 16 × ``opening_chars``
    characters of markup.
    """
    match = _TITLE_TAG.search(html, 0, _TITLE_HEAD)
    title = match.group(1) if match else ""
    body = _BODY_TAG.search(html)
    start = body.end() if body else 0
    return title, html[start:start + 16 * opening_chars]


def screen_payload(payload: bytes, content_type: str | None, charset: str | None = None) -> str | None:
    """Screen one page's bytes (HTML or plain text); None when it is a candidate, else the reason."""
    if content_type and not content_type.startswith(("text/", "application/xhtml")):
        return None  # PDF, DOCX: no cheap look inside, always extracted
    text = _decode(payload, charset)
    n = _formulas()["opening_chars"]
    if content_type == "text/plain" or (content_type is None and "<" not in text[:512]):
        stripped = text.lstrip()
        return screen_text(stripped.split("\n", 1)[0], stripped[:n], text)
    title, opening = html_title_opening(text, n)
    return screen_text(title, opening, text)


def screen_record(rec) -> str | None:
    """Screen a :class:`zhenggai.read.warc.WebRecord`; None when it goes to full extraction."""
    return screen_payload(rec.payload, rec.content_type, rec.charset)
