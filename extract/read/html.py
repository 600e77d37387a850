"""A saved government web page → Document: article text and page metadata.

The article is taken from the first known CMS container (selectors.py) that
holds real text; failing that from trafilatura; failing that from the element
where paragraph text is densest.  Title, 来源, 发布时间 and 责任编辑 come from
the page's info line, its <meta> tags and, for the date, the URL path.

>>> page = ('<html><head><title>关于整改情况的通报_某某局</title></head><body>'
...         '<div class="position">您当前的位置：首页 &gt; 通知公告</div><h1>关于整改情况的通报</h1>'
...         '<div class="info">来源：某某局　发布时间：2023-01-06</div>'
...         '<div id="zoom"><p>　　根据统一部署，现将整改情况予以公布。</p><p>一、整改工作推进情况</p>'
...         '<p>截至目前，反馈的8个问题已全部完成整改。</p></div></body></html>')
>>> doc = read_html(page, "a.html")
>>> doc.text.split("\\n")[:3]
['关于整改情况的通报', '来源:某某局      发布时间:2023-01-06', '']
>>> doc.site, doc.published_at
('某某局', datetime.date(2023, 1, 6))
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex
from lxml import etree
from lxml import html as lxml_html

from zhenggai import limits
from zhenggai.errors import InputError
from zhenggai.read.document import Document
from zhenggai.read.htmlrender import clean_inline, render_blocks
from zhenggai.read.meta import (
    Info,
    clean_title,
    date_from_url,
    info_header,
    merge_info,
    parse_datetime,
    parse_info_line,
)
from zhenggai.read.pageinfo import label_rows, unlabelled_info
from zhenggai.read.script import is_traditional, to_simplified
from zhenggai.read.selectors import (
    BOILERPLATE_LINE,
    BREADCRUMB_LINE,
    CONTENT_XPATHS,
    FOOTER_LINE,
    FOOTER_MAX_CHARS,
    META_DATE,
    META_SITE,
    META_TITLE,
    META_URL,
    TITLE_XPATH,
)

Simplify = Callable[[str], str]
_HAN = limits.compile(r"\p{Han}")
_XML_DECL = limits.compile(r"^\s*<\?xml[^>]*>", regex.IGNORECASE)
MIN_ARTICLE_HAN = 30  # fewer Han characters than this is no notice
MAX_LINK_SHARE = 0.5  # a container that is mostly links is navigation
_BLANK_RUN = limits.compile(
    r"[\s\xa0\u3000]+  # any run of blanks, &nbsp; and full-width spaces", regex.VERBOSE
)


def _han(text: str) -> int:
    return len(_HAN.findall(text))


def _same(text: str) -> str:
    return text


def parse_html(text: str, name: str) -> etree._Element:
    """lxml tree of a page (the XML declaration removed: lxml refuses it on str)."""
    try:
        tree = lxml_html.document_fromstring(_XML_DECL.sub("", text, count=1) or "<html></html>")
    except (etree.ParserError, ValueError) as exc:
        raise InputError(name, f"unparseable HTML ({exc})") from None
    return tree


def _meta(tree: etree._Element, names: tuple[str, ...]) -> str | None:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    for name in names:
        if found.get(name.lower()):
            return found[name.lower()]
    return None


def _canonical(tree: etree._Element) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith("http"):
            return link.get("href").strip()
    url = _meta(tree, META_URL)
    return url if url and url.startswith("http") else None


def is_boilerplate(line: str) -> bool:
    """Breadcrumb, widget or footer line (never article text)."""
    if BREADCRUMB_LINE.match(line) or BOILERPLATE_LINE.fullmatch(line):
        return True
    return len(line) <= FOOTER_MAX_CHARS and bool(FOOTER_LINE.search(line))


def _clean_blocks(blocks: list[str], simp: Simplify) -> list[str]:
    out = []
    for block in blocks:
        lines = [ln for ln in block.split("\n") if ln.strip() and not is_boilerplate(simp(ln.strip()))]
        if lines:
            out.append("\n".join(lines))
    return out


def _acceptable(blocks: list[str], tree: etree._Element) -> bool:
    """Enough Han text, and not mostly the text of links (menus, lists of articles)."""
    if _han("".join(blocks)) < MIN_ARTICLE_HAN:
        return False
    return _anchor_share(tree, blocks) <= MAX_LINK_SHARE


def _from_selectors(tree: etree._Element, simp: Simplify) -> list[str] | None:
    for _name, xpath in CONTENT_XPATHS:
        for el in xpath(tree):
            blocks = _clean_blocks(render_blocks(el), simp)
            if _acceptable(blocks, tree):
                return blocks
    return None


def _trafilatura_lines(el: etree._Element) -> list[str]:
    for lb in el.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    return [clean_inline(part) for part in "".join(el.itertext()).split("\n")]


def _trafilatura_table(table: etree._Element) -> list[str]:
    """Rows of a data table as one block; a layout table (cells with <p>) as its paragraphs."""
    blocks, rows = [], []
    for row in table.iter("row"):
        cells = list(row.iter("cell"))
        if any(len(cell.findall("p")) > 1 or len("".join(cell.itertext())) > 150 for cell in cells):
            for cell in cells:
                if cell.text and cell.text.strip():
                    blocks.append(clean_inline(cell.text))
                for child in cell:
                    blocks.extend(_trafilatura_lines(child))
                    if child.tail and child.tail.strip():
                        blocks.append(clean_inline(child.tail))
            continue
        text = "  ".join(clean_inline("".join(c.itertext())) for c in cells if "".join(c.itertext()).strip())
        if text:
            rows.append(text)
    if rows:
        blocks.append("\n".join(rows))
    return blocks


# Above this many characters of scanning (distinct anchors × text), link text is found in one pass
# of an Aho-Corasick automaton instead of one str.count per anchor (a page of 250k links took 194 s).
ANCHOR_SCAN_BUDGET = 20_000_000


def _anchor_share(tree: etree._Element, blocks: list[str], scan_budget: int = ANCHOR_SCAN_BUDGET) -> float:
    """Share of extracted text that is link text somewhere on the page (menus, lists of articles)."""
    joined = _norm("".join(blocks))
    if not joined:
        return 1.0
    anchors = set()
    for a in tree.iter("a"):
        text = _norm(a.text_content())
        if len(text) >= 2:
            anchors.add(text)
    if len(anchors) * len(joined) <= scan_budget:
        linked = sum(len(a) * joined.count(a) for a in anchors)
    else:
        linked = _linked_chars(anchors, joined)
    return min(1.0, linked / len(joined))


def _linked_chars(anchors: set[str], text: str) -> int:
    """Σ len(anchor) × occurrences in ``text``, in time linear in the anchors and the text.

    Occurrences of one anchor are counted without overlap, as ``str.count`` does.
    """
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for n, anchor in enumerate(anchors):
        automaton.add_word(anchor, anchor)
        if n % 10_000 == 0:
            limits.check()
    automaton.make_automaton()
    next_free: dict[str, int] = {}  # per anchor: where its next non-overlapping occurrence may start
    linked = 0
    for n, (end, anchor) in enumerate(automaton.iter(text)):
        start = end - len(anchor) + 1
        if start >= next_free.get(anchor, 0):
            linked += len(anchor)
            next_free[anchor] = end + 1
        if n % 10_000 == 0:
            limits.check()
    return linked


def _from_trafilatura(text: str, tree: etree._Element, simp: Simplify) -> list[str] | None:
    import trafilatura  # heavy; only when no CMS container matched

    xml = trafilatura.extract(
        text, output_format="xml", include_tables=True, include_comments=False, favor_recall=True,
        include_formatting=False, include_links=False, include_images=False, deduplicate=False,
    )
    if not xml:
        return None
    try:
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    main = root.find("main")
    if main is None:
        return None
    blocks: list[str] = []
    for el in main:
        if el.tag == "table":
            blocks.extend(_trafilatura_table(el))
        elif el.tag == "list":
            blocks.extend(clean_inline("".join(item.itertext())) for item in el.iter("item"))
        else:
            blocks.extend(_trafilatura_lines(el))
    blocks = _clean_blocks([b for b in blocks if b], simp)
    return blocks if _acceptable(blocks, tree) else None


def _from_density(tree: etree._Element, simp: Simplify, cells_only: bool = False) -> list[str] | None:
    """Readability-style: score each element by the paragraph text right under it.

    ``cells_only``: answer only when the best element is a table cell (a table
    layout, where trafilatura mixes navigation cells into the text).
    """
    body = tree.find("body")
    if body is None:
        return None
    scores: dict[etree._Element, float] = {}
    for el in body.iter("p", "td", "div", "span", "font"):
        own = (el.text or "") + "".join(child.tail or "" for child in el)
        weight = _han(own)
        if el.tag == "p":
            weight = _han(el.text_content()) - sum(_han(a.text_content()) for a in el.iter("a"))
        if weight < 10:
            continue
        target = el if el.tag != "p" else el.getparent()
        if target is None:
            continue
        scores[target] = scores.get(target, 0.0) + weight
        parent = target.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + weight / 2
    ranked = sorted(scores, key=scores.get, reverse=True)[:3]
    if cells_only and (not ranked or ranked[0].tag != "td"):
        return None
    for el in ranked:
        blocks = _clean_blocks(render_blocks(el), simp)
        if _acceptable(blocks, tree):
            return blocks
    return None


def _page_lines(tree: etree._Element) -> list[str]:
    body = tree.find("body")
    blocks = render_blocks(body if body is not None else tree, prune=False)
    return [line.strip() for block in blocks for line in block.split("\n") if line.strip()]


def _page_info(lines: list[str], article: list[str], simp: Simplify) -> tuple[Info, str | None]:
    """Info lines anywhere on the page outside the article (unpruned: they often sit in class="info"),
    and the title-like line next to the first one (templates put the title just above or below it)."""
    infos = []
    # Body lines are no info lines, except at the article's edges, where
    # extractors leave the 来源/发布时间 line when it sits inside the container.
    inside = {line for block in article[3:-3] for line in block.split("\n")}
    neighbour = None
    for i, line in enumerate(lines):
        if line in inside:
            continue
        info = parse_info_line(line, simp(line))
        if info is None:
            continue
        if not infos and (info.site or info.published_at):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and _title_like(lines[j], simp):
                    neighbour = lines[j]
                    break
        infos.append(info)
    return merge_info(infos), neighbour


def _title_like(line: str, simp: Simplify) -> bool:
    """A line that could be an article title: some Han text, no sentence end, no furniture."""
    probe = simp(line)
    return (
        _han(line) >= 6 and len(line) <= 120 and not probe.endswith(("。", "；", "：", ":", "！", "？"))
        and not is_boilerplate(probe) and parse_info_line(line, probe) is None
    )


def _norm(text: str) -> str:
    return _BLANK_RUN.sub("", text)


def _title(tree: etree._Element, blocks: list[str], simp: Simplify, neighbour: str | None) -> str | None:
    """ArticleTitle meta; a heading also found in <title>; the line by the info line; <title> itself."""
    meta_title = _meta(tree, META_TITLE[:1])  # ArticleTitle: set by the CMS for exactly this
    if meta_title:
        return clean_inline(meta_title)
    title_el = tree.find(".//title")
    page_title = clean_inline(title_el.text_content()) if title_el is not None else ""
    candidates = []
    for el in TITLE_XPATH(tree):
        text = "".join(render_blocks(el, prune=False))
        if 4 <= len(text) <= 200 and not parse_info_line(text, simp(text)) and not is_boilerplate(simp(text)):
            candidates.append(text)
    if page_title:
        inside = [c for c in candidates if _norm(c) in _norm(page_title)]
        if inside:
            return max(inside, key=len)
    if neighbour:
        return neighbour
    for block in blocks[:2]:
        if block in candidates:
            return block
    og = _meta(tree, META_TITLE[1:])
    if og:
        return clean_inline(og)
    for text in candidates:
        if _han(text) >= 6:
            return text
    return clean_title(page_title)


def _strip_header(blocks: list[str], title: str | None, simp: Simplify) -> tuple[list[str], list[Info]]:
    """Drop the title, info lines and column names repeated at the top or bottom of the article.

    At the top: everything up to the last title or info line among the first
    five blocks, as long as what is dropped holds no sentence.
    """
    infos: list[Info] = []
    norm_title = _norm(title) if title else None
    cut = 0
    for i, block in enumerate(blocks[:5]):
        info = parse_info_line(block, simp(block))
        if info is not None:
            infos.append(info)
            cut = i + 1
        elif norm_title and _norm(block) == norm_title:
            cut = i + 1
        elif len(block) > 60 or simp(block).rstrip().endswith(("。", "；", "！", "？")):
            break
    blocks = blocks[cut:]
    while blocks and (info := parse_info_line(blocks[-1], simp(blocks[-1]))) is not None:
        infos.append(info)
        blocks = blocks[:-1]
    return blocks, infos


def read_html(text: str, name: str = "-", url: str | None = None, encoding: str | None = None) -> Document:
    """Document from a decoded HTML page; raises InputError "no article text found"."""
    tree = parse_html(text, name)
    # Traditional pages: patterns (written in simplified) run on a same-length simplified copy.
    simp: Simplify = lru_cache(maxsize=4096)(to_simplified) if is_traditional(text) else _same
    blocks = (
        _from_selectors(tree, simp)
        or _from_density(tree, simp, cells_only=True)
        or _from_trafilatura(text, tree, simp)
        or _from_density(tree, simp)
    )
    if not blocks:
        raise InputError(name, "no article text found")
    page_lines = _page_lines(tree)
    page_info, neighbour = _page_info(page_lines, blocks, simp)
    # Label/value cells rebuilt into rows: read for metadata only, never a title neighbour.
    rows = [info for row in label_rows(tree) if (info := parse_info_line(row, simp(row))) is not None]
    page_info = merge_info([page_info, *rows])
    title = _title(tree, blocks, simp, neighbour)
    blocks, inner = _strip_header(blocks, title, simp)
    if _han("".join(blocks)) < MIN_ARTICLE_HAN:
        raise InputError(name, "no article text found")
    info = merge_info(inner + [page_info])
    unlabelled_info(tree, info)
    info.site = info.site or _meta(tree, META_SITE)
    canonical = _canonical(tree)
    url = url or canonical
    if info.published_at is None:
        meta_date = _meta(tree, META_DATE)
        info.published_at = parse_datetime(meta_date) if meta_date else None
        # Dates from <meta> or the URL are not shown on the page: no header line for them.
        info.published_at = info.published_at or date_from_url(url) or date_from_url(canonical)
    header = [line for line in (title, info_header(info)) if line]
    body = "\n\n".join(blocks)
    doc_text = "\n".join(header) + "\n\n" + body if header else body
    return Document(
        text=doc_text, format="html", encoding=encoding, url=url, title=title, site=info.site,
        published_at=info.published_at, editor=info.editor,
    )
