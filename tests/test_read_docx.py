"""DOCX: paragraphs, tables and Word automatic numbering rendered as markers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import regex

from zhenggai.errors import InputError
from zhenggai.read import read_bytes, read_path
from zhenggai.read.numbering import format_number

TWINS = Path(__file__).resolve().parent / "fixtures" / "read"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# Three list levels as 公文 use them: 一、 / （一） / 1.
ABSTRACT = f"""<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
    <w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>
    <w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>
    <w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
# Marker written in the twin → list level.
MARKERS = [(regex.compile(r"^[一二三四五六七八九十]+、"), 0), (regex.compile(r"^（[一二三四五六七八九十]+）"), 1),
           (regex.compile(r"^\d+\."), 2)]


def _twin() -> tuple[str, list[str]]:
    twin = (TWINS / "trs_utf8.txt").read_text(encoding="utf-8").rstrip("\n")
    header, *paragraphs = twin.split("\n\n")
    return header.split("\n")[0], paragraphs


def make_docx(title: str, paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A DOCX whose heading markers exist only as automatic numbering (w:numPr)."""
    from docx import Document as make
    from docx.oxml import parse_xml

    doc = make()
    numbering = doc.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    abstract = parse_xml(ABSTRACT)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM))
    doc.add_paragraph(title)
    for text in paragraphs:
        level = None
        for pattern, lvl in MARKERS:
            if m := pattern.match(text):
                level, text = lvl, text[m.end():]
                break
        para = doc.add_paragraph()
        if level is not None:
            para._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        # Split the text over runs, as Word does around formatting changes.
        half = len(text) // 2
        para.add_run(text[:half])
        para.add_run(text[half:]).bold = True
    if table:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_docx_numbering_becomes_markers(tmp_path):
    title, paragraphs = _twin()
    data = make_docx(title, paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "二、巡察反馈" not in xml and "numPr" in xml  # markers are not in the stored text
    path = tmp_path / "notice.doc"  # misnamed: content decides
    path.write_bytes(data)
    doc = read_path(path)
    assert doc.format == "docx" and doc.encoding is None
    assert doc.title == title
    assert doc.text == "\n\n".join([title, *paragraphs])


def test_docx_table_rows():
    data = make_docx("关于审计整改情况的报告", ["一、总体情况"], table=[["序号", "问题类别", "整改金额（万元）"],
                                                                 ["1", "预算执行", "356.8"]])
    doc = read_bytes(data, "t.docx")
    assert doc.text.endswith("序号  问题类别  整改金额（万元）\n1  预算执行  356.8")


@pytest.mark.parametrize(
    "n,fmt,expected",
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
     (23, "chineseCountingThousand", "二十三"), (3, "decimal", "3"), (4, "decimalEnclosedCircle", "④"),
     (2, "ideographTraditional", "乙"), (3, "lowerLetter", "c"), (4, "upperRoman", "IV"), (5, "decimalZero", "05"),
     (3, "chineseLegalSimplified", "叁"), (1, "bullet", "")],
    ids=["cn-1", "cn-10", "cn-11", "cn-23", "decimal", "circled", "stems", "letter", "roman", "zero-padded",
         "legal", "bullet"],
)
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_that_is_not_a_docx():
    data = _zip({"mimetype": b"application/epub+zip", "OEBPS/content.opf": b"<package/>"})
    with pytest.raises(InputError) as err:
        read_bytes(data, "book.docx")
    assert str(err.value) == "book.docx: zip archive is not a DOCX (no word/document.xml)"


def test_zip_bomb_is_refused():
    data = _zip({"word/document.xml": b"<w:document/>", "word/media/pad.bin": b"\0" * (101 * 1024 * 1024)})
    assert len(data) < 1024 * 1024
    with pytest.raises(InputError, match=r"^bomb.docx: DOCX inflates beyond 100 MB"):
        read_bytes(data, "bomb.docx")


def test_entities_are_never_resolved():
    document = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                b'<w:document ' + W_NS.encode() + b'><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    with pytest.raises(InputError, match="declares a DTD; refused"):
        read_bytes(_zip({"word/document.xml": document}), "evil.docx")
