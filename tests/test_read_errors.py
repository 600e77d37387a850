"""Inputs that are no notice: one-line InputError naming the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from zhenggai.errors import InputError
from zhenggai.read import read_bytes, read_path

HTML = Path(__file__).resolve().parent / "fixtures" / "html"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data.csv", "序号,金额\n1,12.5\n")
    return buf.getvalue()


def _truncated_pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 700, "关于巡察整改情况的通报")
    pdf.showPage()
    pdf.save()
    data = buf.getvalue()
    return data[: len(data) - 300]


BROKEN = [
    ("empty.txt", b"", "empty file"),
    ("blank.html", b" \n\r\n\t", "empty file"),
    ("junk.bin", bytes(range(256)) * 16, "binary data, not text, HTML, PDF or DOCX"),
    ("cut.pdf", None, "truncated PDF (no %%EOF marker at the end)"),
    ("table.docx", None, "zip archive is not a DOCX (no word/document.xml)"),
    ("damaged.docx", b"PK\x03\x04" + b"\x00" * 40, "damaged zip archive (File is not a zip file)"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "legacy Word/WPS file (.doc); save it as DOCX or PDF"),
]


@pytest.mark.parametrize("name,data,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_file(tmp_path, name, data, message):
    if data is None:
        data = _truncated_pdf() if name.endswith(".pdf") else _zip()
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_path(path)
    assert str(err.value) == f"{path}: {message}"
    assert err.value.source == str(path)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as err:
        read_path(tmp_path / "nope.html")
    assert str(err.value) == f"{tmp_path / 'nope.html'}: no such file"


def test_directory(tmp_path):
    with pytest.raises(InputError) as err:
        read_path(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory, not a file"


def test_html_without_article(tmp_path):
    path = tmp_path / "list.html"
    path.write_bytes((HTML / "no_article.html").read_bytes())
    with pytest.raises(InputError) as err:
        read_path(path)
    assert str(err.value) == f"{path}: no article text found"


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><div class='nav'><a href='/'>首页</a></div><div id='zoom'></div></body></html>",
        "<html><head><title>网站首页</title></head><body><p>欢迎访问</p></body></html>",
        "<!DOCTYPE html><html><body><script>var a='关于巡察整改情况的通报，现将整改情况予以公布，反馈问题已整改完成。';"
        "</script></body></html>",
    ],
    ids=["empty-container", "too-short", "text-only-in-script"],
)
def test_pages_without_article_text(page):
    with pytest.raises(InputError, match=r"^p\.html: no article text found$"):
        read_bytes(page.encode("utf-8"), "p.html")


def test_read_bytes_without_name_uses_dash():
    with pytest.raises(InputError, match=r"^-: empty file$"):
        read_bytes(b"")
