"""Hostile one-notice inputs: each gives a record or a one-line error, within its time bound.

The error is an InputError or ExtractionTimeout whose message names the input.
Extraction runs under a 2-second limit here (the default is 10 s) so that the
inputs that hit it cost CI little; the bound each case asserts (measured with
time.monotonic) is a ceiling, not a benchmark.  README's "bad input → behaviour"
table describes the same cases under the default limits.
"""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from zhenggai.api import extract_notice, extract_text
from zhenggai.errors import ExtractionTimeout, InputError, ZhenggaiError
from zhenggai.limits import MB, Limits
from zhenggai.read import read_bytes
from zhenggai.schemas import Notice

LIMITS = Limits(seconds=2, read_seconds=10)
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NOTICE = (
    "关于市委第二巡察组反馈意见整改情况的通报\n\n根据市委统一部署，2023年3月至5月，市委第二巡察组对我局开展了常规巡察。\n"
    "一、整改工作推进情况\n反馈的12个问题已完成整改11个，追回资金35.6万元，整改完成率91.7%。\n"
    "二、下一步工作打算\n我局将持续巩固整改成果，欢迎广大干部群众监督。\n"
)


# -- builders -------------------------------------------------------------------------------------

def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def _document(inner: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {W_NS}><w:body>{inner}</w:body></w:document>'.encode()


def _para(text: str, numbered: bool = False) -> str:
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if numbered else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


BODY = "".join(_para(line) for line in NOTICE.split("\n") if line)


def docx_lying_zip_bomb() -> bytes:
    """document.xml inflates to 120 MB while its zip headers say 1 KB."""
    payload = _document(BODY) + b"<!--" + b" " * (120 * MB) + b"-->"
    data = _zip({"word/document.xml": payload})
    return data.replace(struct.pack("<I", len(payload)), struct.pack("<I", 1024))


def docx_honest_zip_bomb() -> bytes:
    return _zip({"word/document.xml": _document(BODY), "word/media/pad.bin": b"\0" * (101 * MB)})


def docx_dtd_after_comment() -> bytes:
    """Billion laughs, its DTD pushed past the first 4 KB by a comment."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdef", "bcdefg")
    )
    xml = (f'<?xml version="1.0"?><!--{"x" * 5000}--><!DOCTYPE w:document [{entities}]>'
           f'<w:document {W_NS}><w:body>{_para("&g;" * 4)}{BODY}</w:body></w:document>')
    return _zip({"word/document.xml": xml.encode()})


def docx_external_entity() -> bytes:
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document {W_NS}><w:body>{_para("&x;")}{BODY}</w:body></w:document>')
    return _zip({"word/document.xml": xml.encode()})


def docx_numbering(start: str, fmt: str, ilvl: str = "0") -> bytes:
    """A list whose w:start / w:ilvl are hostile (two billion, junk, out of range)."""
    numbering = (f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{ilvl}">'
                 f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/>'
                 '<w:lvlOverride w:ilvl="20"><w:startOverride w:val="3"/></w:lvlOverride>'
                 '</w:num></w:numbering>')
    return _zip({"word/document.xml": _document(_para("整改工作推进情况", numbered=True) + BODY),
                 "word/numbering.xml": numbering.encode()})


def docx_nested_tables(depth: int = 40) -> bytes:
    """A table in a cell of a table … ``depth`` deep: walking every descendant row per row is 2^depth."""
    inner = _para("整改")
    for level in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{_para(f'第{level}层')}{inner}</w:tc></w:tr></w:tbl>"
    return _zip({"word/document.xml": _document(BODY + inner)})


def docx_repeated_numbering(paragraphs: int = 100_000, repeats: int = 2000) -> bytes:
    """A level text of ``%1`` × ``repeats``: every numbered paragraph writes its number that many times."""
    numbering = (f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                 f'<w:start w:val="100000"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * repeats}"/>'
                 '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    return _zip({"word/document.xml": _document(BODY + _para("改", numbered=True) * paragraphs),
                 "word/numbering.xml": numbering.encode()})


def docx_deep_xml() -> bytes:
    return _zip({"word/document.xml": _document("<w:sdt><w:sdtContent>" * 50_000 + BODY
                                                + "</w:sdtContent></w:sdt>" * 50_000)})


def docx_damaged_deflate() -> bytes:
    data = bytearray(_zip({"word/document.xml": _document(BODY * 20)}))
    for i in range(60, 90):  # inside the compressed stream of the first entry
        data[i] ^= 0x5A
    return bytes(data)


def tiny_pdf(pages: int, text: str = "page") -> bytes:
    """A valid PDF of ``pages`` pages sharing one content stream: 501 pages in 80 KB, in milliseconds."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    kids = " ".join(f"{len(objs) + 1 + i} 0 R" for i in range(pages))
    objs[1] = f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
             b"/Contents 4 0 R >>"] * pages
    return _pdf_file(objs)


def _pdf_file(objs: list[bytes]) -> bytes:
    """A PDF file of the numbered ``objs`` (object 1 the catalog) with its cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_xobject_fanout(fanout: int = 30, levels: int = 3, ops: int = 50) -> bytes:
    """A page that draws a form XObject ``fanout`` times, which draws the next one ``fanout`` times …"""
    text = b"BT /F1 12 Tf 72 720 Td (rectification) Tj ET\n" * ops
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    # XObjects: object 5 is the innermost (text), 5+k draws 5+k-1 fanout times.
    first = len(objs) + 1
    for k in range(levels):
        if k == 0:
            stream, res = text, b"<< /Font << /F1 4 0 R >> >>"
        else:
            stream = b"/X Do\n" * fanout
            res = b"<< /XObject << /X %d 0 R >> /Font << /F1 4 0 R >> >>" % (first + k - 1)
        objs.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + res
                    + b" /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    page_stream = b"/X Do\n" * fanout
    objs.append(b"<< /Length %d >>\nstream\n" % len(page_stream) + page_stream + b"\nendstream")
    objs[2] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X %d 0 R >> "
               b"/Font << /F1 4 0 R >> >> /Contents %d 0 R >>" % (first + levels - 1, len(objs)))
    return _pdf_file(objs)


def gbk_one_wrong_byte() -> bytes:
    data = bytearray(NOTICE.encode("gbk"))
    data[41] = 0xFF  # inside a two-byte character
    return bytes(data)


def html_many_links(links: int = 100_000) -> bytes:
    """An article whose container also holds ``links`` distinct links (anchors × text was quadratic)."""
    items = "".join(f'<a href="/art/{i}.html">第{i}号文章</a> ' for i in range(links))
    return (f'<html><body><div id="zoom"><p>{NOTICE}</p><p>{items}</p></div></body></html>').encode()


def deep_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "<p>" + NOTICE + "</p>" + "</div>" * depth
            + "</body></html>").encode()


# -- the table --------------------------------------------------------------------------------------

def _text(text: str) -> Callable[[], Notice]:
    return lambda: extract_text(text, path="hostile.txt", limits=LIMITS)


def _bytes(make: Callable[[], bytes], name: str, limits: Limits = LIMITS) -> Callable[[], Notice]:
    return lambda: extract_notice(make(), name=name, limits=limits)


U8 = NOTICE.encode("utf-8")
# (id, run, bound in seconds, expected outcome: "record", an error class, or "either")
CASES = [
    # Text that makes extractors work hard: a record, or ExtractionTimeout at the limit.
    ("1MB-of-digits", _text("1" * MB), 6, "either"),
    ("1MB-of-heading-lines", _text("一、\n" * (MB // 3)), 6, "either"),
    ("200k-open-parens", _text("（" * 200_000), 6, "either"),
    ("100k-nested-book-titles", _text("《" * 100_000 + "整改方案" + "》" * 100_000), 6, "either"),
    ("year-x-100k", _text("2022年" * 100_000), 6, "either"),
    ("1MB-of-newlines", _text("\n" * MB), 6, "either"),
    ("200k-money-amounts-unpunctuated", _text("3万元" * 200_000), 6, "either"),
    ("80k-sections", _text("一、整改\n（一）学习\n1.制度\n（1）追回资金3万元\n" * 20_000), 6, "either"),
    ("lone-surrogates-and-controls", _text(("\ud800整改\x00\u202e\u200b2023年6月" * 1000)), 6, "record"),
    ("over-the-char-limit", _text("整" * 5_000_001), 3, InputError),
    ("200k-character-numeral-chain", _text("追回资金" + "一亿" * 100_000 + "元"), 6, "either"),
    ("200k-character-numeral-chain-with-units", _text("问题" + "九千九百九十九万" * 25_000 + "个"), 6, "either"),
    # Files.
    ("10MB-single-line", _bytes(lambda: ("整改" * (10 * MB // 6)).encode(), "line.txt"), 20, "either"),
    ("10MB-single-ascii-line", _bytes(lambda: b"a" * (10 * MB), "ascii.txt"), 5, InputError),
    ("over-the-byte-limit", _bytes(lambda: b"a" * (21 * MB), "huge.txt"), 5, InputError),
    ("nul-bytes-in-a-notice", _bytes(lambda: U8[:30] + b"\x00" + U8[30:90] + b"\x00\x00" + U8[90:], "n.txt"),
     5, "record"),
    ("all-nul-bytes", _bytes(lambda: b"\x00" * 100_000, "zeros.txt"), 3, InputError),
    ("invalid-utf8-in-the-middle", _bytes(lambda: U8[:99] + b"\xff\xfe\xc3\x28\xa0" + U8[99:], "bad.txt"),
     5, "record"),
    ("gbk-with-one-wrong-byte", _bytes(gbk_one_wrong_byte, "gbk.txt"), 10, "record"),
    ("50k-deep-html", _bytes(lambda: deep_html(50_000), "deep.html"), 15, "either"),
    ("100k-deep-html", _bytes(lambda: deep_html(100_000), "deeper.html"), 15, "either"),
    ("docx-lying-zip-bomb", _bytes(docx_lying_zip_bomb, "bomb.docx"), 10, InputError),
    ("docx-honest-zip-bomb", _bytes(docx_honest_zip_bomb, "bomb2.docx"), 10, InputError),
    ("docx-billion-laughs-after-4KB", _bytes(docx_dtd_after_comment, "laughs.docx"), 5, InputError),
    ("docx-external-entity", _bytes(docx_external_entity, "xxe.docx"), 5, InputError),
    ("docx-numbering-two-billion-letters",
     _bytes(lambda: docx_numbering("2000000000", "lowerLetter"), "a.docx"), 5, "record"),
    ("docx-numbering-junk-values", _bytes(lambda: docx_numbering("one", "lowerRoman", ilvl="x"), "n2.docx"),
     5, "record"),
    ("docx-50k-deep-xml", _bytes(docx_deep_xml, "deep.docx"), 5, InputError),
    ("docx-tables-nested-24-deep", _bytes(docx_nested_tables, "nested.docx"), 5, "record"),
    ("docx-numbering-text-repeated", _bytes(docx_repeated_numbering, "repeat.docx"), 10, InputError),
    ("docx-damaged-deflate", _bytes(docx_damaged_deflate, "damaged.docx"), 5, InputError),
    ("pdf-501-pages", _bytes(lambda: tiny_pdf(501), "big.pdf"), 10, InputError),
    ("pdf-one-form-xobject-drawn-1000-times", _bytes(lambda: pdf_xobject_fanout(10, 3), "forms.pdf",
                                                    Limits(read_seconds=0.5)), 5, ExtractionTimeout),
    ("pdf-over-the-reading-time", _bytes(lambda: tiny_pdf(400, "Rectification notice"), "slow.pdf",
                                         Limits(read_seconds=0.05)), 10, ExtractionTimeout),
]


@pytest.mark.parametrize("run,bound,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_input_gives_a_record_or_a_one_line_error_in_time(run, bound, expected):
    started = time.monotonic()
    try:
        result = run()
    except ZhenggaiError as exc:
        result = exc
    elapsed = time.monotonic() - started
    assert elapsed < bound, f"took {elapsed:.1f}s, bound {bound}s"
    if isinstance(result, ZhenggaiError):
        message = str(result)
        assert "\n" not in message and re.match(r"^\S+: \S", message), message
        assert expected != "record", f"expected a record, got {message}"
        if isinstance(expected, type):
            assert isinstance(result, expected), message
    else:
        assert isinstance(result, Notice)
        assert expected in ("record", "either"), f"expected {expected.__name__}, got a record"
        Notice.model_validate_json(result.model_dump_json())


# -- exact messages and the limits API --------------------------------------------------------------

def test_byte_limit_message_says_how_to_raise_it(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (21 * MB + 512 * 1024))
    with pytest.raises(InputError) as err:
        extract_notice(path)
    assert str(err.value) == (f"{path}: input is 21.5 MB, over the 20 MB limit; "
                              "raise it with --max-bytes or ZHENGGAI_MAX_BYTES")


def test_byte_limit_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "notice.txt"
    path.write_bytes(U8)
    monkeypatch.setenv("ZHENGGAI_MAX_BYTES", "100")
    with pytest.raises(InputError, match=r"over the 100 bytes limit; raise it with --max-bytes"):
        extract_notice(path)
    monkeypatch.setenv("ZHENGGAI_MAX_BYTES", "1M")
    assert extract_notice(path).title


def test_char_limit_message():
    with pytest.raises(InputError) as err:
        extract_text("整改" * 100, path="a.txt", limits=Limits(max_chars=150))
    assert str(err.value) == ("a.txt: text is 200 characters, over the 150-character limit; "
                              "raise it with --max-chars or ZHENGGAI_MAX_CHARS")


def test_timeout_message_names_the_input():
    with pytest.raises(ExtractionTimeout) as err:
        extract_text(NOTICE * 2000, path="slow.txt", limits=Limits(seconds=0.01))
    assert str(err.value) == "slow.txt: extraction took longer than 0.01s (pathological input?)"
    assert isinstance(err.value, ZhenggaiError)


def test_a_catastrophic_pattern_is_cut_at_the_deadline():
    from zhenggai import limits

    exponential = limits.compile(r"(?:a|aa)+b")  # 2^n ways to split a run of a's; never in the project
    started = time.monotonic()
    with pytest.raises(TimeoutError), limits.deadline(0.3):
        exponential.search("a" * 5000)
    assert time.monotonic() - started < 2


def test_cli_limit_options(tmp_path, capsys):
    from zhenggai.cli import main

    path = tmp_path / "notice.txt"
    path.write_bytes(U8)
    assert main(["extract", str(path), "--max-bytes", "100"]) == 1
    assert "over the 100 bytes limit" in capsys.readouterr().err
    assert main(["extract", str(path), "--max-chars", "50"]) == 1
    assert "over the 50-character limit" in capsys.readouterr().err
    assert main(["extract", str(path), "--timeout", "0.000001"]) == 1
    assert "extraction took longer than" in capsys.readouterr().err
    assert main(["extract", str(path), "--max-bytes", "2M", "--timeout", "30"]) == 0


def test_errors_survive_pickling():
    # Process pools and dask workers send errors back pickled.
    import pickle

    errors = (InputError("a.txt", "empty file"), ExtractionTimeout("b.txt", "extraction took over 10s"))
    for err in errors:
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is type(err) and str(again) == str(err) and again.source == err.source


def test_read_bytes_applies_the_limits_too():
    with pytest.raises(InputError, match="over the 10 bytes limit"):
        read_bytes(U8, "a.txt", limits=Limits(max_bytes=10))


# -- every regex in extract/ is bounded ----------------------------------------------------------------

EXTRACT = Path(__file__).resolve().parents[1] / "extract"
RAW_REGEX = re.compile(
    r"\bregex\.(?:compile|search|match|fullmatch|finditer|findall|sub|subn|split|splititer)\("
)


def test_every_regex_in_extract_goes_through_limits():
    """Patterns are compiled with zhenggai.limits.compile, which bounds their calls by the deadline."""
    offenders = [
        f"{path.relative_to(EXTRACT)}:{n}: {line.strip()}"
        for path in sorted(EXTRACT.rglob("*.py")) if path.name != "limits.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if RAW_REGEX.search(line)
    ]
    assert not offenders, "use zhenggai.limits.compile:\n" + "\n".join(offenders)


def test_section_recursion_is_bounded_by_marker_ranks():
    """assemble._section and render._walk recurse over sections: the tree is at most 7 deep."""
    from zhenggai.outline.markers import kind_table

    text = "".join(f"{m}标题\n" for m in ["第一部分", "一、", "（一）", "1.", "一是", "（1）", "①"]) * 3
    notice = extract_text(text)
    depth, stack = 0, [(s, 1) for s in notice.sections]
    while stack:
        s, d = stack.pop()
        depth = max(depth, d)
        stack.extend((c, d + 1) for c in s.children)
    assert depth <= len(set(rank for _, rank in kind_table().values())) + 1


# -- figures that are no figures (issue 13, item 4) ---------------------------------------------------

def test_a_numeral_chain_gives_no_giant_figure():
    notice = extract_text("追回资金" + "一亿" * 50_000 + "元。", limits=LIMITS)
    for m in notice.mentions:
        value = getattr(m, "value", None)
        assert value is None or len(str(int(value))) <= 15, (m.kind, len(str(int(value))))
    assert len(notice.model_dump_json()) < 3 * len(notice.text.encode())


@pytest.mark.parametrize("text", ["追回资金1万亿亿元。", "追回资金一亿亿亿亿元。", "追回资金10000000000000000元。"],
                         ids=["mixed", "chinese", "arabic"])
def test_a_figure_over_15_digits_is_an_invalid_mention(text):
    notice = extract_text(text, limits=LIMITS)
    assert not [m for m in notice.mentions if m.kind == "money"]
    assert [f for f in notice.flags if f.code == "invalid_mention" and "money" in f.message], notice.flags


def test_a_long_chinese_numeral_is_refused_without_big_integer_work():
    from zhenggai.numerals import parse_chinese_integer, parse_number

    started = time.monotonic()
    for parse in (parse_chinese_integer, parse_number):
        with pytest.raises(ValueError, match="too long"):
            parse("一亿" * 200_000)
    assert time.monotonic() - started < 2
    assert parse_chinese_integer("一千二百三十四万五千六百七十八") == 12345678


def test_nested_docx_tables_keep_each_cell_once():
    notice = extract_notice(docx_nested_tables(6), name="nested.docx", limits=LIMITS)
    assert notice.text.count("整改") - NOTICE.count("整改") == 1  # the innermost cell, once
    assert all(notice.text.count(f"第{level}层") == 1 for level in range(6))


def test_docx_text_counts_against_the_inflation_budget():
    data = docx_repeated_numbering(paragraphs=20_000, repeats=2000)
    assert len(data) < 200_000  # a small file …
    with pytest.raises(InputError, match="DOCX text grows past the 5,000,000-character limit"):  # 240 M chars
        read_bytes(data, "repeat.docx", limits=LIMITS)


def test_link_share_counts_every_anchor_occurrence():
    from lxml import html as lxml_html

    from zhenggai.read.html import _anchor_share

    tree = lxml_html.fromstring(html_many_links(3).decode("utf-8"))
    blocks = ["第0号文章 第1号文章 正文正文正文正文正文正文", "第2号文章"]
    # 15 of 27 characters (blanks dropped) are link text, whichever way the anchors are counted.
    assert _anchor_share(tree, blocks) == pytest.approx(15 / 27)
    assert _anchor_share(tree, blocks, scan_budget=0) == pytest.approx(15 / 27)  # the automaton


def test_link_share_of_a_page_of_100k_links_is_linear():
    from lxml import html as lxml_html

    from zhenggai.read.html import _anchor_share

    tree = lxml_html.fromstring(html_many_links(100_000).decode("utf-8"))
    blocks = ["".join(a.text_content() for a in tree.iter("a"))]  # 100k anchors × 790k characters of text
    started = time.process_time()  # CPU time: the machine may be shared
    assert _anchor_share(tree, blocks) == 1.0
    assert time.process_time() - started < 20  # one str.count per anchor: about 10^11 steps


@pytest.mark.parametrize("field,value", [("seconds", float("nan")), ("seconds", -1.0), ("read_seconds", float("inf")),
                                         ("max_bytes", 0), ("max_chars", -5), ("pdf_pages", 0)])
def test_limits_are_finite_and_positive_through_the_api(field, value):
    from zhenggai.limits import LimitError

    with pytest.raises(LimitError, match=field):
        Limits(**{field: value})
    with pytest.raises(LimitError, match=field):
        Limits().but(**{field: value})


@pytest.mark.parametrize(
    "name, raw, field, value",
    [
        ("ZHENGGAI_TIMEOUT", "3", "seconds", 3.0),
        ("ZHENGGAI_MAX_CHARS", "1000", "max_chars", 1000),
        ("ZHENGGAI_MAX_PDF_PAGES", "7", "pdf_pages", 7),
        ("ZHENGGAI_READ_TIMEOUT", "2.5", "read_seconds", 2.5),
    ],
    ids=["timeout", "max-chars", "pdf-pages", "read-timeout"],
)
def test_current_limits_follow_a_changed_environment(monkeypatch, name, raw, field, value):
    # limits.current() keeps the parsed limits keyed on the variables' raw values: a change is seen.
    from zhenggai import limits

    monkeypatch.delenv(name, raising=False)
    default = getattr(limits.current(), field)
    monkeypatch.setenv(name, raw)
    assert getattr(limits.current(), field) == value
    monkeypatch.setenv(name, "nan")
    with pytest.raises(limits.LimitError, match=name):
        limits.current()  # refused every time, not only the first
    with pytest.raises(limits.LimitError, match=name):
        limits.current()
    monkeypatch.delenv(name)
    assert getattr(limits.current(), field) == default
