"""PDF text layer: page furniture removed, wrapped lines re-joined, broken PDFs refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from zhenggai.errors import InputError
from zhenggai.read import read_bytes, read_path
from zhenggai.read.layout import PAGE_NUMBER, join_lines, strip_page_furniture

TWINS = Path(__file__).resolve().parent / "fixtures" / "read"
PER_LINE = 36  # characters per line at 11 pt on A4 with 2.5 cm margins
SENTENCE_END = "。；：！？"


def _wrap(paragraph: str) -> list[str]:
    """Fixed-width lines; like typesetters, never end a non-final line on a sentence mark."""
    lines = []
    while len(paragraph) > PER_LINE:
        cut = PER_LINE if paragraph[PER_LINE - 1] not in SENTENCE_END else PER_LINE - 1
        lines.append(paragraph[:cut])
        paragraph = paragraph[cut:]
    lines.append(paragraph)
    return lines


def _notice() -> tuple[str, list[str]]:
    twin = (TWINS / "info_above_title.txt").read_text(encoding="utf-8").rstrip("\n")
    header, *paragraphs = twin.split("\n\n")
    return header.split("\n")[0], paragraphs


def make_pdf(title: str, paragraphs: list[str], lines_per_page: int = 14, blank: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    if blank:
        pdf.rect(100, 100, 200, 200)
        pdf.showPage()
        pdf.save()
        return buf.getvalue()
    lines = [("title", title)] + [("body", ln) for p in paragraphs for ln in _wrap(p)]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    for number, page in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(72, height - 40, "平阳镇党务公开")  # running header
        pdf.drawCentredString(width / 2, 30, f"- {number} -")  # page number
        y = height - 90
        for kind, text in page:
            if kind == "title":
                pdf.setFont("STSong-Light", 16)
                pdf.drawCentredString(width / 2, y, text)
                y -= 36
            else:
                pdf.setFont("STSong-Light", 11)
                pdf.drawString(72, y, text)
                y -= 20
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_pdf_reads_back_to_paragraphs(tmp_path):
    title, paragraphs = _notice()
    data = make_pdf(title, paragraphs)
    path = tmp_path / "notice.bin"  # the extension does not matter
    path.write_bytes(data)
    doc = read_path(path)
    assert doc.format == "pdf" and doc.encoding is None
    assert doc.title == title
    assert doc.text == "\n\n".join([title, *paragraphs])
    assert "平阳镇党务公开" not in doc.text and "- 2 -" not in doc.text


def test_truncated_pdf_is_refused(tmp_path):
    title, paragraphs = _notice()
    data = make_pdf(title, paragraphs)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as err:
        read_path(path)
    assert str(err.value) == f"{path}: truncated PDF (no %%EOF marker at the end)"


def test_pdf_without_text_layer_is_refused():
    with pytest.raises(InputError) as err:
        read_bytes(make_pdf("", [], blank=True), "scan.pdf")
    assert str(err.value) == "scan.pdf: no text layer; OCR is not supported"


def test_page_cap():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for n in range(501):
        pdf.drawString(72, 700, f"page {n}")
        pdf.showPage()
    pdf.save()
    with pytest.raises(InputError, match="^big.pdf: PDF has 501 pages; at most 500 are read$"):
        read_bytes(buf.getvalue(), "big.pdf")


def test_damaged_pdf_body_is_refused():
    with pytest.raises(InputError, match="^bad.pdf: "):
        read_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n", "bad.pdf")


@pytest.mark.parametrize(
    "line,is_number",
    [("- 3 -", True), ("— 12 —", True), ("第3页", True), ("第 3 页 共 10 页", True), ("3/10", True), ("7", True),
     ("Page 2 of 5", True), ("— 三 —", True), ("3个问题已完成整改", False), ("2023年6月", False)],
    ids=["dash", "em-dash", "di-ye", "di-ye-gong", "slash", "bare", "english", "chinese-numeral", "count", "date"],
)
def test_page_number_lines(line, is_number):
    assert bool(PAGE_NUMBER.fullmatch(line)) is is_number


BODY = ["根据统一部署，巡察组对局党组开展了常规巡察。", "截至目前，反馈的12个问题已完成整改10个。", "一、整改工作组织情况",
        "局党组召开专题会议研究部署整改工作。", "二、下一步工作打算", "持续巩固整改成果，建立长效机制。"]


def test_running_header_and_page_numbers_go():
    pages = [["某某局文件", *BODY[i : i + 3], f"第 {i // 3 + 1} 页 共 2 页"] for i in (0, 3)]
    assert strip_page_furniture(pages) == [BODY[:3], BODY[3:]]


def test_line_on_a_minority_of_pages_stays():
    pages = [["某某局文件", *BODY[:2]], BODY[2:4], BODY[4:], ["附件：整改任务清单"]]
    assert strip_page_furniture(pages)[0] == ["某某局文件", *BODY[:2]]


@pytest.mark.parametrize(
    "lines,expected",
    [
        (["根据县委统一部署，县委第一巡察组对县民政", "局党组开展了常规巡察。"], ["根据县委统一部署，县委第一巡察组对县民政局党组开展了常规巡察。"]),
        (["整改措施包括以下方面，分别是", "（一）强化责任落实。"], ["整改措施包括以下方面，分别是", "（一）强化责任落实。"]),
        (["截至目前，已完成整改10个；", "正在整改2个。"], ["截至目前，已完成整改10个；", "正在整改2个。"]),
        (["涉及金额约12.5万元，其中追回资金", "2.3万元。"], ["涉及金额约12.5万元，其中追回资金2.3万元。"]),
    ],
    ids=["wrapped-sentence", "heading-next", "semicolon-ends", "number-at-line-start"],
)
def test_join_lines(lines, expected):
    assert join_lines(lines) == expected
