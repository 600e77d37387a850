"""Paginated articles: which page of a sequence a url or file is, the pager, and joining pages.

A CMS splits a long notice over ``t20230106_123.html``, ``t20230106_123_1.html``,
``t20230106_123_2.html`` (TRS: ``_1`` is the second page), ``index.shtml`` / ``index_1.shtml``,
or ``art.html?page=2``, with a pager (上一页 1 2 3 下一页, 共3页) under the text.

>>> page_key("http://a.gov.cn/art/t20230106_123_2.html")
('http://a.gov.cn/art/t20230106_123.html', 3)
>>> page_key("http://a.gov.cn/art/t20230106_123.html")
('http://a.gov.cn/art/t20230106_123.html', 1)
>>> page_key("http://a.gov.cn/content.jsp?id=7&page=2")
('http://a.gov.cn/content.jsp?id=7', 2)
>>> pager_total("<div class='page'>共3页 上一页 1 2 3 下一页</div>")
3
"""

from __future__ import annotations

import regex
from zhenggai import limits
from zhenggai.read.document import Document

MAX_PAGES = 99  # a suffix above this is an article id, not a page number (t20230106_4071234.html)

_SUFFIX = limits.compile(
    r"""
    ^(?P<stem> .+? )                  # the first page's url or path without its extension
    _(?P<n> [1-9]\d? )                # _1, _2 … : the second, third … page
    (?P<ext> \.s?html? )$             # .html .htm .shtml
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_PARAM = limits.compile(
    r"""
    (?P<sep> [?&] )                         # the parameter's separator
    (?: page | pageno | pagenum | p ) =     # its name
    (?P<n> \d{1,3} )                        # the page number (1-based)
    (?= & | \# | $ )                        # up to the next parameter
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
_TOTAL = limits.compile(
    r"""
    共 \s* (?P<n> [1-9]\d{0,2} ) \s* 页      # 共3页
    | 第 \s* \d{1,3} \s* 页 \s* [/／] \s* (?P<n2> [1-9]\d{0,2} ) \s* 页?   # 第1页/3页
    """,
    regex.VERBOSE,
)
_PAGER_LINE = limits.compile(
    r"""
    ^ [\s\[【(（]*
    (?: 共\s*\d{1,3}\s*页 | 第\s*\d{1,3}\s*页 | 首页 | 上一页 | 下一页 | 尾页 | 末页 | 前一页 | 后一页
      | \d{1,3} | [/／\]】)）|] )                       # the pager's own words and page numbers
    (?: [\s\[【(（\]】)）|/／]* (?: 共\s*\d{1,3}\s*页 | 第\s*\d{1,3}\s*页 | 首页 | 上一页 | 下一页 | 尾页
      | 末页 | 前一页 | 后一页 | \d{1,3} ) )*
    [\s\]】)）]* $
    """,
    regex.VERBOSE,
)
_PAGER_WORD = limits.compile(r"上一页|下一页|共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页\s*[/／]")  # a pager's sure sign


def page_key(ref: str) -> tuple[str, int]:
    """(the sequence's key, this page's 1-based number) of a url or file path."""
    m = _SUFFIX.match(ref)
    if m and int(m["n"]) <= MAX_PAGES:
        return m["stem"] + m["ext"], int(m["n"]) + 1
    p = _PARAM.search(ref)
    if p:
        rest = ref[:p.start()] + (p["sep"] if p["sep"] == "?" else "") + ref[p.end():].lstrip("&")
        return rest.rstrip("?&"), max(1, int(p["n"]))
    return ref, 1


def pager_total(text: str) -> int | None:
    """The page count a pager states (共3页, 第1页/3页), or None."""
    m = _TOTAL.search(text)
    if not m:
        return None
    return int(m["n"] or m["n2"])


def is_pager_line(line: str) -> bool:
    """A line made only of pager words and page numbers (上一页 1 2 3 下一页 共3页).

    >>> is_pager_line("共3页 上一页 1 2 3 下一页"), is_pager_line("共3个问题已整改")
    (True, False)
    """
    line = line.strip()
    return bool(line) and bool(_PAGER_WORD.search(line)) and bool(_PAGER_LINE.match(line))


def _body(doc: Document) -> str:
    """A later page's text without the title and info lines the reader put on top."""
    text = doc.text
    if doc.title and text.startswith(doc.title) and "\n\n" in text:
        text = text.split("\n\n", 1)[1]
    return text


def _without_pager(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not is_pager_line(line))


def join_pages(pages: list[tuple[int, str, Document]], total: int | None) -> Document:
    """One Document from the pages of one article (``(number, url or file, Document)``, any order).

    The text is the first page's followed by each later page's body; ``urls`` lists every page;
    a flag ``pages_missing`` names the pages of the sequence that are absent (by the numbers
    present, and by the pager's 共N页).
    """
    pages = sorted(pages, key=lambda p: p[0])
    first = pages[0][2]
    parts = [_without_pager(first.text).rstrip("\n")]
    for _, _, doc in pages[1:]:
        parts.append(_without_pager(_body(doc)).strip("\n"))
    present = [n for n, _, _ in pages]
    last = max(present + [total or 0])
    missing = [n for n in range(1, last + 1) if n not in present]
    doc = Document(
        text="\n\n".join(p for p in parts if p) + "\n", format=first.format, encoding=first.encoding,
        path=first.path, url=first.url, title=first.title, site=first.site, published_at=first.published_at,
        editor=first.editor, script=first.script, fetched_at=first.fetched_at,
        urls=[ref for _, ref, _ in pages], flags=list(first.flags),
    )
    if missing:
        doc.flags.append(("pages_missing", f"page(s) {', '.join(map(str, missing))} of {last} of this paginated "
                          "article are not in the run; the text joins the pages that are"))
    if any(d.published_at for _, _, d in pages) and not doc.published_at:
        doc.published_at = next(d.published_at for _, _, d in pages if d.published_at)
    return doc
