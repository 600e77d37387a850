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


# -- sizes checked before reading; no file kind is read past the limit (issue 13, item 4) ---------

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from zhenggai.limits import MB, Limits  # noqa: E402

NOTICE = "关于巡察整改情况的通报\n\n根据市委统一部署，现将整改情况予以公布。\n"


def _capped(limit_bytes: int = 1024**3):
    """preexec_fn: cap the child's address space, so a reader that reads a device whole dies fast."""
    def cap():
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))
    return cap


def _zhenggai(*args, stdin=None, env=None, timeout=30):
    proc = subprocess.run([sys.executable, "-m", "zhenggai", *map(str, args)], stdin=stdin,
                          capture_output=True, text=True, env={**os.environ, **(env or {})},
                          timeout=timeout, preexec_fn=_capped())
    return proc.returncode, proc.stdout, proc.stderr


def _one_line(code, err, *words):
    assert code == 1, err
    assert err.count("\n") == 1 and err.startswith("zhenggai: error: "), err
    for word in words:
        assert word in err, err


def test_sparse_file_over_the_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as fh:
        fh.truncate(1536 * MB)  # 1.5 GB that takes no disk
    with pytest.raises(InputError, match=r"input is 1,536 MB|input is 1536 MB"):
        read_path(path)


def test_batch_input_is_read_at_most_to_the_limit(tmp_path, monkeypatch):
    from zhenggai.corpus.inputs import InputItem

    path = tmp_path / "sparse.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * MB)
    monkeypatch.setenv("ZHENGGAI_MAX_BYTES", "1M")
    with pytest.raises(InputError, match=r"over the 1 MB limit"):
        InputItem(name=str(path), path=str(path)).read()


def test_batch_worker_turns_a_refused_read_into_an_errors_row(tmp_path):
    from zhenggai.corpus.inputs import InputItem
    from zhenggai.corpus.work import process_item

    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    outcome = process_item(InputItem(name=str(fifo), path=str(fifo)))
    assert outcome.status == "failed" and outcome.error_class == "InputError"


@pytest.mark.parametrize("kind", ["fifo", "socket", "char-device"])
def test_special_files_are_refused_up_front(tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "x.txt"
        os.mkfifo(path)
        word = "FIFO"
    elif kind == "socket":
        import socket

        path = tmp_path / "s.txt"
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        word = "socket"
    else:
        path = "/dev/zero"
        word = "device"
    code, _, err = _zhenggai("extract", path, timeout=30)
    _one_line(code, err, str(path), word)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_not_read(device):
    with pytest.raises(InputError, match="device"):
        read_path(device)


def test_endless_stdin_is_refused_after_the_limit():
    with open("/dev/zero", "rb") as zero:
        code, _, err = _zhenggai("extract", "-", stdin=zero, env={"ZHENGGAI_MAX_BYTES": "1M"})
    _one_line(code, err, "<stdin>", "over the 1 MB limit")


def test_stdin_within_the_limit_is_read():
    proc = subprocess.run([sys.executable, "-m", "zhenggai", "extract", "-"], input=NOTICE.encode(),
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert b"\xe5\x85\xb3\xe4\xba\x8e" in proc.stdout  # 关于


def test_read_path_of_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "n.txt"
    link.symlink_to("/dev/urandom")
    with pytest.raises(InputError, match="device"):
        read_path(link, limits=Limits(max_bytes=MB))


def test_pypdf_diagnostics_never_reach_stderr(tmp_path):
    import sys as _sys

    _sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.test_hostile_inputs import tiny_pdf

    # An encoding pypdf does not implement: it logs an error (to stderr, through logging's last resort).
    pdf = tiny_pdf(1, "Rectification notice").replace(b"/BaseFont /Helvetica", b"/BaseFont /Helvetica /Encoding /Foo-Bar")
    path = tmp_path / "enc.pdf"
    path.write_bytes(pdf)
    proc = subprocess.run([sys.executable, "-m", "zhenggai", "extract", str(path)], capture_output=True, text=True,
                          timeout=60)
    assert "Advanced encoding" not in proc.stderr and proc.stderr.count("\n") <= 1, proc.stderr
