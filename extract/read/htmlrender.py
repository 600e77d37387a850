"""An lxml element → text blocks: one block per paragraph, heading or table.

``<p>``, ``<div>``, headings, list items and ``<br>`` end a block; a data
table becomes one block of rows whose cells are joined by two spaces; a
layout table (cells holding paragraphs or other tables) is walked like divs.

>>> from lxml import html
>>> render_blocks(html.fromstring("<div><p>一、总体情况</p><p>　　整改\\n  完成。</p></div>"))
['一、总体情况', '整改完成。']
"""

from __future__ import annotations

import regex
from lxml import etree

from zhenggai import limits
from zhenggai.read.selectors import (
    ATTR_TOKEN_SPLIT,
    BOILERPLATE_ATTR,
    BOILERPLATE_TAGS,
    DISCLOSURE_LABEL,
    DOWNLOAD_HREF,
    DROP_TAGS,
    METADATA_TABLE_MIN_LABELS,
)

BLOCK_TAGS = frozenset(
    ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
     "section", "article", "main", "header", "footer", "nav", "aside", "center", "form", "table", "tbody",
     "thead", "tfoot", "tr", "td", "th", "pre", "address", "figure", "figcaption", "hr", "body", "html",
     "fieldset", "caption"]
)
CELL_SEP = "  "
# Line breaks in the HTML source between two non-ASCII characters are no
# spaces in Chinese ("巡察整改\n    情况" → "巡察整改情况"); elsewhere they are.
_WRAP_CJK = limits.compile(r"(?<=[^\x00-\x7f])[ \t\r\f\v\xa0\u3000]*\n\s*(?=[^\x00-\x7f])")
_SPACES = limits.compile(r"[\s\xa0\u3000]+")
_HIDDEN = limits.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


def clean_inline(text: str) -> str:
    """Collapse source whitespace; strip indentation (full-width spaces, &nbsp;)."""
    text = _WRAP_CJK.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_furniture(el: etree._Element) -> bool:
    """Share widgets, breadcrumbs, footers… by tag or by class/id token."""
    if el.tag in BOILERPLATE_TAGS:
        return True
    for attr in ("class", "id"):
        value = el.get(attr)
        if value and any(BOILERPLATE_ATTR.match(tok) for tok in ATTR_TOKEN_SPLIT.split(value) if tok):
            return True
    return False


def is_metadata_table(table: etree._Element) -> bool:
    """A 信息公开 table of 索引号 / 发布机构 / 成文日期 … label cells: page metadata, no article text."""
    labels = 0
    for cell in table.iter("td", "th"):
        text = cell.text_content()
        if len(text) <= 12 and DISCLOSURE_LABEL.fullmatch(text):
            labels += 1
            if labels >= METADATA_TABLE_MIN_LABELS:
                return True
    return False


def is_download_link(el: etree._Element) -> bool:
    """<a href="….doc"> and CMS download endpoints: attachments, not notice text."""
    return el.tag == "a" and bool(DOWNLOAD_HREF.search(el.get("href") or ""))


def _is_hidden(el: etree._Element) -> bool:
    style = el.get("style")
    return bool(style and _HIDDEN.search(style)) or el.get("hidden") is not None


def _is_data_table(table: etree._Element) -> bool:
    """A table of figures, not a page layout: several columns, no nested tables, few blocks per cell."""
    if table.find(".//table") is not None:
        return False
    if all(sum(1 for cell in tr if cell.tag in ("td", "th")) < 2 for tr in table.iter("tr")):
        return False  # one cell per row: paragraphs laid out in rows
    for cell in table.iter("td", "th"):
        blocks = sum(1 for el in cell.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4") if el is not cell)
        if blocks > 3 or len(cell.text_content()) > 400:
            return False
    return True


class _Renderer:
    def __init__(self, prune: bool):
        self.prune = prune
        self.blocks: list[str] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        if self.buffer:
            text = clean_inline("".join(self.buffer))
            self.buffer = []
            if text:
                self.blocks.append(text)

    def table(self, table: etree._Element) -> None:
        rows = []
        for tr in table.iter("tr"):
            cells = []
            for cell in tr:
                if cell.tag in ("td", "th"):
                    sub = _Renderer(self.prune)
                    sub.walk_children(cell)
                    sub.flush()
                    cells.append(" ".join(sub.blocks))
            if any(cells):
                rows.append(CELL_SEP.join(c for c in cells if c) if len(cells) > 1 else cells[0])
        if rows:
            self.blocks.append("\n".join(rows))

    def walk_children(self, el: etree._Element) -> None:
        if el.text:
            self.buffer.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)

    def walk(self, el: etree._Element, root: bool = False) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        # The root was chosen as the article: its own hidden style is a reveal-by-script
        # trick (WeChat's #js_content is visibility:hidden until JS runs), not hiding.
        hidden = not root and _is_hidden(el)
        if tag is None or tag in DROP_TAGS or hidden or (self.prune and is_furniture(el)):
            return  # comments, scripts, hidden and boilerplate elements
        tag = tag.lower()
        if self.prune and (is_download_link(el) or (tag == "table" and is_metadata_table(el))):
            return  # attachments to download, 信息公开 metadata tables
        if tag == "br":
            self.flush()
            return
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.table(el)
            return
        if tag in BLOCK_TAGS:
            self.flush()
            self.walk_children(el)
            self.flush()
        else:
            self.walk_children(el)


def render_blocks(el: etree._Element, prune: bool = True) -> list[str]:
    """Text blocks of ``el``; ``prune`` drops furniture found by class/id."""
    renderer = _Renderer(prune)
    renderer.walk(el, root=True)
    renderer.flush()
    return renderer.blocks
