"""Encodings and format sniffing for zhenggai.read."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.errors import InputError
from zhenggai.read import read_bytes, sniff
from zhenggai.read.decode import declared_charset, decode_bytes, mojibake_reason

NOTICE = ("中共某某县委巡察组关于巡察整改情况的通报\n\n根据县委统一部署，县委第一巡察组对县民政局党组开展了常规巡察。"
          "截至目前，反馈的12个问题已完成整改10个，整改完成率83.3%，追回资金25.6万元。")
TRAD = ("關於某某縣委巡察組巡察整改情況的通報\n\n根據縣委統一部署，縣委第一巡察組對縣民政局黨組開展了常規巡察。"
        "截至目前，反饋的12個問題已完成整改10個，整改完成率83.3%。")


@pytest.mark.parametrize(
    "data,encoding",
    [
        (NOTICE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + NOTICE.encode("utf-8"), "utf-8"),
        (NOTICE.encode("gbk"), "gb18030"),
        (NOTICE.encode("gb2312"), "gb18030"),
        (NOTICE.encode("gb18030"), "gb18030"),
        (TRAD.encode("big5"), "big5"),
        (NOTICE.encode("utf-16"), "utf-16"),  # with BOM
        (("<html>" + NOTICE + "</html>").encode("utf-16-le"), "utf-16"),  # no BOM, ASCII-rich
        (('<meta charset="gb2312">' + NOTICE).encode("utf-8"), "utf-8"),  # wrong declaration
        (('<meta http-equiv="Content-Type" content="text/html; charset=GBK">' + NOTICE).encode("gbk"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb2312", "gb18030", "big5", "utf16-bom", "utf16le-nobom", "meta-lies",
         "meta-gbk"],
)
def test_decode(data, encoding):
    text, used = decode_bytes(data, "x")
    assert used == encoding
    assert ("通报" in text) or ("通報" in text)
    assert "\ufffd" not in text


def test_gbk_only_characters_decode_as_gb18030():
    text = "关于“镕”“堃”等字的使用说明：巡察整改工作中涉及的人名用字应准确录入，共核对人员名单136份。"
    assert decode_bytes(text.encode("gbk"), "x") == (text, "gb18030")


@pytest.mark.parametrize(
    "header,codec",
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset=gb2312>", "gb18030"),
        (b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=big5">', "big5"),
        (b'<?xml version="1.0" encoding="GBK"?>', "gb18030"),
        (b"<html><head><title>x</title>", None),
    ],
    ids=["meta-utf8", "meta-unquoted", "http-equiv-big5", "xml-declaration", "none"],
)
def test_declared_charset(header, codec):
    assert declared_charset(header) == codec


@pytest.mark.parametrize(
    "text",
    [
        NOTICE.encode("utf-8").decode("gb18030", errors="ignore"),  # UTF-8 read as GBK, re-saved
        NOTICE.encode("utf-8").decode("gb18030", errors="replace"),  # … with replacement characters
        NOTICE.encode("utf-8").decode("latin-1"),  # UTF-8 read as Latin-1
    ],
    ids=["utf8-as-gbk", "utf8-as-gbk-replaced", "utf8-as-latin1"],
)
def test_mojibake_is_refused(text):
    assert mojibake_reason(text) is not None
    with pytest.raises(InputError) as err:
        read_bytes(text.encode("utf-8"), "garbled.html")
    assert str(err.value).startswith("garbled.html: undecodable text (")


@pytest.mark.parametrize("text", [NOTICE, TRAD, "发布时间：2023年6月2日 来源：杭州市民政局"], ids=["notice", "traditional", "short"])
def test_real_text_is_not_mojibake(text):
    assert mojibake_reason(text) is None


@pytest.mark.parametrize(
    "data,kind",
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"<!DOCTYPE html><html>", "html"),
        ('<meta charset="gbk"><title>通报</title>'.encode("gbk"), "html"),
        ("<html><body>通报</body></html>".encode("utf-16"), "html"),
        (NOTICE.encode("utf-8"), "txt"),
        (b'{"url": "http://a.gov.cn/1.html", "html": "<html></html>"}\n', "jsonl"),
        (b"PK\x03\x04garbage", "zip"),
        (bytes(range(256)) * 8, "binary"),
        (b"  \n\t ", "empty"),
    ],
    ids=["pdf", "doctype", "gbk-meta", "utf16-html", "text", "jsonl", "zip", "binary", "blank"],
)
def test_sniff_by_content(data, kind):
    assert sniff(data) == kind


def test_html_saved_as_txt_is_read_as_html():
    page = ("<html><head><title>关于整改情况的通报_某局</title></head><body><div id='zoom'><p>" + NOTICE.split("\n")[-1]
            + "</p></div></body></html>").encode("gbk")
    doc = read_bytes(page, "saved.txt")
    assert doc.format == "html" and doc.encoding == "gb18030" and doc.title == "关于整改情况的通报"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_document_or_input_error(data):
    try:
        doc = read_bytes(data, "fuzz.bin")
    except InputError as exc:
        assert str(exc).startswith("fuzz.bin: ")
        assert "\n" not in str(exc)
    else:
        assert isinstance(doc.text, str) and doc.text.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=400), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_any_text_round_trips_or_is_refused(text, codec):
    try:
        data = text.encode(codec)
        doc = read_bytes(data, "t.txt")
    except (InputError, UnicodeEncodeError):
        return
    if doc.format == "txt" and doc.encoding == codec:
        assert doc.text == text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# Head lines of scraped reports that are no title (their real title line was lost).
NOT_TITLES = [
    ("speaker_byline", "某区审计局局长 王某某\n主任、各位副主任、各位委员:\n正文。"),
    ("venue_line", "2023年12月20日在某县第十八届人大常委会第十六次会议上\n县审计局局长 李某\n主任、各位委员:\n正文。"),
    ("date_then_salutation", "2023年9月28日\n主任、各位副主任、各位委员:\n正文。"),
    ("disclosure_table_row", "索引号: | 0001/2023-01 | 成文日期: | 2023-11-26 |\n公开方式: | 主动公开 |\n"
                             "发布机构: | 某市审计局 | ||\n正文很长的一段话,说明审计情况。"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_TITLES], ids=[c[0] for c in NOT_TITLES])
def test_report_head_lines_are_no_title(text):
    from zhenggai.read.meta import txt_header

    assert txt_header(text)[0] is None


def test_generated_date_label_ends_the_site():
    from zhenggai.read.meta import txt_header

    title, info = txt_header("关于某项工作的审计报告\n发布机构: 某区审计局 生成日期: 2023-11-08 15:29\n正文。")
    assert title == "关于某项工作的审计报告"
    assert info.site == "某区审计局"


# Real-page audit: what stands above the info line of a saved news page.
TXT_TITLES = [
    ("byline_skipped", "某区巡察整改情况通报\n(记者 张某)\n来源:某日报 发布时间:2024-03-02\n正文。", "某区巡察整改情况通报"),
    ("abstract_skipped", "市委巡察组进驻情况公告\n摘要\n来源:市纪委监委网站\n正文。", "市委巡察组进驻情况公告"),
    ("body_sentence_not_title", "巡察组受理来电的时间为每天8:00—18:00,截止到2024年5月30日。\n(记者 李某)\n"
     "来源:某网\n正文。", None),
    ("line_without_genre_word", "某县召开全县干部大会\n来源:某县融媒体中心\n正文。", None),
]


@pytest.mark.parametrize("text,title", [c[1:] for c in TXT_TITLES], ids=[c[0] for c in TXT_TITLES])
def test_txt_header_title(text, title):
    from zhenggai.read.meta import txt_header

    assert txt_header(text)[0] == title


# Fix round 6: the info line under a title ends its site at a date stamp or at 信息提供日期.
TXT_STAMPS = [
    ("stamp_after_site", "东岭省2018年度审计结果公告\n来源:东岭日报 2019-07-22 09:41:05\n正文。",
     "东岭日报", "2019-07-22T09:41:05"),
    ("info_provided_date", "关于审计整改情况的公告\n信息来源:南岸区审计局 信息提供日期:2021-09-14\n正文。",
     "南岸区审计局", "2021-09-14"),
    # Held-out round 6: 发布者 names the publishing office.
    ("publisher_label", "关于巡察整改情况的通报\n发布者:学院党委办公室 发布时间:2024-12-26 阅读次数:418\n正文。",
     "学院党委办公室", "2024-12-26"),
]


@pytest.mark.parametrize("text,site,published", [c[1:] for c in TXT_STAMPS], ids=[c[0] for c in TXT_STAMPS])
def test_txt_header_site_stamp(text, site, published):
    from zhenggai.read.meta import txt_header

    _, info = txt_header(text)
    assert (info.site, info.published_at.isoformat()) == (site, published)


# -- encodings and formats the adversarial test found (issue 13, item 5) -----------------------------

ARTICLE = ("关于市委第二巡察组反馈意见整改情况的通报\n根据市委统一部署，2023年3月至5月，市委第二巡察组对我局开展了常规巡察。"
           "反馈的12个问题已完成整改11个，追回资金35.6万元，整改完成率91.7%。\n")
PAGE = f"<html><head><title>整改通报</title></head><body><div id='zoom'><p>{ARTICLE}</p></div></body></html>"


CHINESE_ONLY = ("关于市委第二巡察组反馈意见整改情况的通报。根据市委统一部署，市委第二巡察组对我局开展了常规巡察。"
                "反馈的问题已全部完成整改，追回资金三十五万元，整改工作取得阶段性成效。") * 3


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text,kind,expect", [(ARTICLE * 3, "txt", "追回资金35.6万元"), (PAGE, "html", "追回资金35.6万元"),
                                              (CHINESE_ONLY, "txt", "追回资金三十五万元")],
                         ids=["text", "html", "chinese-only"])
def test_utf16_without_bom_is_decoded(text, kind, expect, codec):
    data = text.encode(codec)
    assert sniff(data) == kind
    doc = read_bytes(data, f"a.{kind}")
    assert expect in doc.text and doc.encoding == "utf-16"


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text,kind", [(ARTICLE * 3, "txt"), (PAGE, "html")], ids=["text", "html"])
def test_utf32_with_bom_is_decoded_as_utf32(text, kind, codec):
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    data = bom + text.encode(codec)
    assert sniff(data) == kind
    text_out, encoding = decode_bytes(data, "a.txt")
    assert encoding == "utf-32" and "追回资金35.6万元" in text_out


@pytest.mark.parametrize("declared", ["iso-8859-1", "latin-1", "windows-1251", "cp1252", "koi8-r"])
def test_gbk_page_declaring_a_single_byte_charset_is_decoded_as_gbk(declared):
    page = PAGE.replace("<head>", f'<head><meta http-equiv="Content-Type" content="text/html; charset={declared}">')
    doc = read_bytes(page.encode("gbk"), "a.html")
    assert doc.encoding == "gb18030" and "追回资金35.6万元" in doc.text


def test_a_latin1_page_still_decodes_as_latin1():
    page = '<meta charset="iso-8859-1"><p>' + "Rectification réussie à Genève, café. " * 20 + "</p>"
    text, encoding = decode_bytes(page.encode("latin-1"), "a.html")
    assert encoding in ("latin-1", "iso8859-1") and "Genève" in text


def test_random_bytes_are_not_taken_for_utf16():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    assert sniff(data) == "binary"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_chinese_text_is_not_taken_for_utf16(encoding):
    data = (ARTICLE * 4).encode(encoding)
    assert decode_bytes(data, "a.txt") == (ARTICLE * 4, encoding)


def test_pdf_marker_inside_a_text_is_not_a_pdf():
    text = "整改报告附件说明：文件头为 %PDF-1.7 的附件已另行报送。\n" + ARTICLE
    assert sniff(text.encode("utf-8")) == "txt"
    assert "追回资金" in read_bytes(text.encode("utf-8"), "a.txt").text


def test_pdf_after_a_few_junk_bytes_is_still_a_pdf():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.test_hostile_inputs import tiny_pdf

    assert sniff(b"\r\n\x00junk" + tiny_pdf(1)) == "pdf"


@pytest.mark.parametrize("text", ['{"url" is the key the crawler writes, 网址}\n' + ARTICLE,
                                  '{"url": "http://a.gov.cn/1.html", "html": 整改通报\n' + ARTICLE],
                         ids=["prose", "broken-json"])
def test_text_starting_like_a_crawl_record_is_text(text):
    assert sniff(text.encode("utf-8")) == "txt"


def test_a_crawl_line_is_still_jsonl():
    import json

    line = json.dumps({"url": "http://a.gov.cn/1.html", "html": PAGE}, ensure_ascii=False)
    assert sniff((line + "\n" + line + "\n").encode("utf-8")) == "jsonl"


def test_gzipped_crawl_file_is_read_as_gzip(tmp_path):
    import gzip
    import json

    from zhenggai.read import iter_jsonl

    path = tmp_path / "crawl.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for n in range(3):
            fh.write(json.dumps({"url": f"http://a.gov.cn/art/2023/6/2/art_{n}.html", "html": PAGE},
                                ensure_ascii=False) + "\n")
    docs = list(iter_jsonl(path))
    assert len(docs) == 3 and all("追回资金35.6万元" in d.text for d in docs), docs
