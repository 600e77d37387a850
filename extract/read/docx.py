"""DOCX → Document: paragraphs, tables as rows, Word list numbers as markers.

Parsed straight from the zip with lxml (python-docx drops list numbers): the
archive is checked first (uncompressed total at most 100 MB, so a zip bomb is
refused), a part with a DTD is refused, and XML entities are never resolved.

>>> read_docx(b"PK\\x03\\x04 not really a zip", "a.docx")
Traceback (most recent call last):
...
zhenggai.errors.InputError: a.docx: damaged zip archive (File is not a zip file)
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from zhenggai.errors import InputError
from zhenggai.limits import check, current
from zhenggai.read.document import Document
from zhenggai.read.htmlrender import CELL_SEP
from zhenggai.read.meta import txt_header
from zhenggai.read.numbering import W, Numbering

MAX_UNCOMPRESSED = 100 * 1024 * 1024
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=True, remove_pis=True)
# Containers whose text is not the document's: deletions, field codes, and the
# fallback copy of drawings (mc:Fallback repeats mc:Choice).
_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}pPr", f"{W}rPr", f"{W}drawing",
         f"{W}pict", "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
         f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference"}


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: list[int]) -> bytes:
    # Sizes in the zip header can lie; count what is really inflated.
    with archive.open(info) as fh:
        data = fh.read(budget[0] + 1)
    budget[0] -= len(data)
    if budget[0] < 0:
        raise InputError(name, f"DOCX inflates beyond {MAX_UNCOMPRESSED // (1024 * 1024)} MB (zip bomb?)")
    return data


def _parse(data: bytes, name: str, part: str) -> etree._Element:
    # Anywhere, not only in the first bytes: a long comment can push the DTD back.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InputError(name, f"DOCX part {part} declares a DTD; refused")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"damaged DOCX part {part} ({exc})") from None


def _run_text(el: etree._Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}p":
            continue  # nested paragraphs (text boxes) are not part of this line
        else:
            _run_text(child, out)


def _paragraph(p: etree._Element, numbering: Numbering) -> str:
    parts: list[str] = []
    _run_text(p, parts)
    text = "".join(parts).strip(" \t\u3000\xa0")
    marker = numbering.marker(p.find(f"{W}pPr"))
    if not text:
        return ""
    if marker and marker[-1] not in "、.．）)：:" and not text.startswith(" "):
        marker += " "  # "第一条 内容"; "一、" and "1." need no space
    return marker + text


class _Budget:
    """Characters the document may still produce: the text limit, or what is left of the inflation budget.

    Markers repeat their level text for every numbered paragraph, and a table cell is read once per
    row that holds it, so a few KB of XML can write gigabytes of text; it is counted as it is made.
    """

    def __init__(self, inflation_left: int, max_chars: int, name: str):
        self.left = min(inflation_left, max_chars)
        self.max_chars = max_chars
        self.name = name

    def spend(self, text: str) -> str:
        check()  # the deadline, once per paragraph
        self.left -= len(text)
        if self.left < 0:
            if self.max_chars <= MAX_UNCOMPRESSED:
                raise InputError(self.name, f"DOCX text grows past the {self.max_chars:,}-character limit "
                                 "(repeated numbering or nested tables?); raise it with --max-chars or "
                                 "ZHENGGAI_MAX_CHARS")
            raise InputError(self.name, f"DOCX text grows beyond {MAX_UNCOMPRESSED // (1024 * 1024)} MB "
                             "(repeated numbering or nested tables: a zip bomb?)")
        return text


# Elements that wrap rows of a table, or blocks of a body or cell, without being one themselves.
_WRAPPERS = (f"{W}sdt", f"{W}customXml", f"{W}ins")


def _unwrapped(container: etree._Element):
    """The children of ``container``, with content controls and insertions opened (not nested tables)."""
    for child in container:
        if child.tag in _WRAPPERS:
            inner = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if inner is not None:
                yield from _unwrapped(inner)
        else:
            yield child


def _blocks(container: etree._Element, numbering: Numbering, budget: _Budget) -> list[str]:
    blocks: list[str] = []
    for child in _unwrapped(container):
        if child.tag == f"{W}p":
            text = budget.spend(_paragraph(child, numbering))
            if text:
                blocks.append(text)
        elif child.tag == f"{W}tbl":
            rows = []
            # The table's own rows only: a nested table's rows are read once, by the cell holding it
            # (iterating every descendant row here made a chain of nested tables cost 2^depth).
            for tr in _unwrapped(child):
                if tr.tag != f"{W}tr":
                    continue
                cells = [" ".join(_blocks(tc, numbering, budget)) for tc in _unwrapped(tr) if tc.tag == f"{W}tc"]
                cells = [c for c in cells if c]
                if cells:
                    rows.append(CELL_SEP.join(cells))
            if rows:
                blocks.append("\n".join(rows))
    return blocks


def read_docx(data: bytes, name: str = "-", max_chars: int | None = None) -> Document:
    """Paragraph text of a DOCX, numbering markers included; at most ``max_chars`` characters
    (default: the limit in force) and the inflation budget are produced."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(name, f"damaged zip archive ({exc})") from None
    if "word/document.xml" not in infos:
        raise InputError(name, "zip archive is not a DOCX (no word/document.xml)")
    if sum(info.file_size for info in infos.values()) > MAX_UNCOMPRESSED:
        raise InputError(name, f"DOCX inflates beyond {MAX_UNCOMPRESSED // (1024 * 1024)} MB (zip bomb?)")
    budget = [MAX_UNCOMPRESSED]
    try:
        parts = {
            part: _parse(_read_part(archive, infos[part], name, budget), name, part)
            for part in ("word/document.xml", "word/numbering.xml", "word/styles.xml")
            if part in infos
        }
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise InputError(name, f"damaged zip archive ({exc})") from None
    body = parts["word/document.xml"].find(f"{W}body")
    if body is None:
        raise InputError(name, "DOCX without a document body")
    numbering = Numbering.load(parts.get("word/numbering.xml"), parts.get("word/styles.xml"))
    text = "\n\n".join(_blocks(body, numbering, _Budget(budget[0], max_chars or current().max_chars, name)))
    if not text.strip():
        raise InputError(name, "DOCX holds no text")
    title, info = txt_header(text)
    return Document(
        text=text, format="docx", encoding=None, title=title, site=info.site,
        published_at=info.published_at, editor=info.editor,
    )
