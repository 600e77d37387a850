"""zhenggai.read on saved government pages: text, metadata, boilerplate, encodings."""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

import pytest

from zhenggai.errors import InputError
from zhenggai.read import read_bytes, read_path
from zhenggai.read.htmlrender import render_blocks
from zhenggai.read.meta import clean_title, date_from_url, parse_info_line

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HTML = FIXTURES / "html"
TWINS = FIXTURES / "read"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

# Furniture that must never reach the text.
BOILERPLATE = ["您当前的位置", "当前位置", "打印本页", "关闭窗口", "字号", "分享到", "扫一扫", "主办单位", "ICP备",
               "网站标识码", "技术支持", "版权所有", "首页", "上一篇", "浏览次数", "點擊", "您當前的位置", "版權所有"]

PAGES = [
    # name, url passed to read_bytes, encoding, title, site, published_at, editor, url in the Document, script
    ("trs_utf8", None, "utf-8", "中共青溪县农业农村局党组关于县委第二巡察组巡察反馈意见整改情况的通报", "青溪县纪委监委",
     datetime(2023, 3, 15, 9, 30), None, "http://nyncj.qingxi.example.gov.cn/art/2023/3/15/art_1501_889.html",
     "simplified"),
    ("hanweb_gbk", None, "gb18030", "临江市人民政府关于2022年度市级预算执行和其他财政收支审计查出问题整改情况的报告",
     "临江市审计局", date(2023, 4, 18), None, None, "simplified"),
    ("table_layout_gbk", None, "gb18030", "中共临江市第一人民医院委员会关于市委巡察整改进展情况的通报",
     "临江市卫生健康委员会", date(2022, 11, 8), None, None, "simplified"),
    ("wrong_charset", None, "utf-8", "中共南湖区市场监督管理局党组关于区委巡察反馈意见整改情况的通报",
     "南湖区市场监督管理局", datetime(2023, 5, 9, 15, 20), None, None, "simplified"),
    ("url_date", "http://www.yunling.example.gov.cn/zwgk/tzgg/202301/t20230106_4478123.html", "utf-8",
     "中共云岭县民政局党组关于巡察整改情况的通报", None, date(2023, 1, 6), None,
     "http://www.yunling.example.gov.cn/zwgk/tzgg/202301/t20230106_4478123.html", "simplified"),
    ("info_above_title", None, "utf-8", "中共平阳镇委员会关于区委巡察整改情况的通报", "平阳镇人民政府",
     datetime(2023, 7, 21, 10, 5, 32), "陈晓", "http://www.pingyang.example.gov.cn/art/2023/7/21/art_1229_5566.html",
     "simplified"),
    ("big5_traditional", None, "big5", "關於市公共資源交易中心巡察整改情況的通報", "市公共資源交易中心",
     date(2023, 2, 20), None, None, "traditional"),
]
PAGE_IDS = [p[0] for p in PAGES]


def _twin(name: str) -> str:
    return (TWINS / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("name,url,encoding,title,site,published,editor,doc_url,script", PAGES, ids=PAGE_IDS)
def test_page_reads_to_its_twin(name, url, encoding, title, site, published, editor, doc_url, script):
    path = HTML / f"{name}.html"
    doc = read_bytes(path.read_bytes(), str(path), url=url)
    assert doc.format == "html"
    assert doc.encoding == encoding
    assert doc.title == title
    assert doc.site == site
    assert doc.published_at == published and type(doc.published_at) is type(published)
    assert doc.editor == editor
    assert doc.url == doc_url
    assert doc.script == script
    assert doc.path == str(path)
    assert doc.text == _twin(name)


@pytest.mark.parametrize("name", PAGE_IDS, ids=PAGE_IDS)
def test_page_text_has_no_boilerplate(name):
    doc = read_path(HTML / f"{name}.html")
    body = doc.text.split("\n\n", 1)[1]
    for word in BOILERPLATE:
        assert word not in body, word
    assert doc.text.startswith(doc.title + "\n")


@pytest.mark.parametrize("name", PAGE_IDS, ids=PAGE_IDS)
def test_paragraphs_and_headings_are_kept(name):
    doc = read_path(HTML / f"{name}.html")
    paragraphs = doc.text.split("\n\n")[1:]
    twin_paragraphs = _twin(name).split("\n\n")[1:]
    assert paragraphs == twin_paragraphs
    assert any(p.startswith("一、") for p in paragraphs)  # heading lines stay paragraphs of their own


def test_data_table_becomes_text_rows():
    doc = read_path(HTML / "hanweb_gbk.html")
    assert "序号  问题类别  问题数量（个）  已整改（个）  整改金额（万元）\n1  预算执行  12  12  356.8" in doc.text


def test_date_only_in_url_path_needs_the_url():
    data = (HTML / "url_date.html").read_bytes()
    assert read_bytes(data, "url_date.html").published_at is None
    assert read_bytes(data, "u.html", url="http://a.gov.cn/art/2023/1/6/art_1_2.html").published_at == date(2023, 1, 6)


def test_page_without_article_is_refused():
    with pytest.raises(InputError) as err:
        read_path(HTML / "no_article.html")
    assert str(err.value) == f"{HTML / 'no_article.html'}: no article text found"


@pytest.mark.parametrize(
    "line,site,published,editor",
    [
        ("来源:杭州廉政网      发布时间:2023-06-02 16:43:23", "杭州廉政网", datetime(2023, 6, 2, 16, 43, 23), None),
        ("发布日期：2023-04-18　信息来源：临江市审计局　浏览次数：1024", "临江市审计局", date(2023, 4, 18), None),
        ("2020-09-27 19:24 来源: 长江网", "长江网", datetime(2020, 9, 27, 19, 24), None),
        ("【责任编辑：王某某】", None, None, "王某某"),
        ("发布时间：2022年11月8日 来源：某某委员会 点击数：386", "某某委员会", date(2022, 11, 8), None),
        ("文章来源：区政府办 | 发布时间：2023/5/9 | 字号：大 中 小", "区政府办", date(2023, 5, 9), None),
        # 发布日期 names the publication; 成文日期 (drafted/signed) yields to it in either order.
        ("发布机构：某县财政局　成文日期：2023-03-14　发布日期：2023-03-17", "某县财政局", date(2023, 3, 17), None),
        ("发布日期：2023-03-17　成文日期：2023-03-14", None, date(2023, 3, 17), None),
        ("成文日期：2023-03-14　来源：某县财政局", "某县财政局", date(2023, 3, 14), None),
        # A date stamp after the site ends it and is the publication time (fix round 6).
        ("来源:东岭日报 2019-07-22 09:41:05", "东岭日报", datetime(2019, 7, 22, 9, 41, 5), None),
        ("来源:某县融媒体中心2023-04-11", "某县融媒体中心", date(2023, 4, 11), None),
        ("来源:某网 2022-06-03 发布时间:2022-06-05", "某网", date(2022, 6, 5), None),
        ("信息来源:南岸区审计局 信息提供日期:2021-09-14", "南岸区审计局", date(2021, 9, 14), None),
        ("来源:南岸区财政局 提供日期:2021-09-15", "南岸区财政局", date(2021, 9, 15), None),
    ],
    ids=["seed-style", "hanweb", "date-first", "editor-bracketed", "chinese-date", "pipes-and-widgets",
         "published-after-drafted", "published-before-drafted", "drafted-only",
         "stamp-after-site", "stamp-glued-to-site", "labelled-date-beats-stamp", "info-provided-date",
         "provided-date"],
)
def test_info_line_fields(line, site, published, editor):
    info = parse_info_line(line)
    assert (info.site, info.published_at, info.editor) == (site, published, editor)


@pytest.mark.parametrize(
    "line",
    ["一、关于落实主体责任的整改情况", "根据市委统一部署，现将巡察整改情况予以公布。", "时间紧、任务重，各单位要抓紧推进。"],
    ids=["heading", "sentence", "label-word-in-sentence"],
)
def test_body_lines_are_not_info_lines(line):
    assert parse_info_line(line) is None


@pytest.mark.parametrize(
    "url,expected",
    [
        ("http://www.example.gov.cn/art/2023/1/6/art_1229_123.html", date(2023, 1, 6)),
        ("http://www.example.gov.cn/xxgk/202301/t20230106_123.html", date(2023, 1, 6)),
        ("http://www.example.cn/legal/2021-10/12/c_1127948583.htm", date(2021, 10, 12)),
        ("http://www.example.gov.cn/content/2015-12/02/content_5240898.htm", date(2015, 12, 2)),
        ("http://www.example.gov.cn/art/2023/13/45/art_1.html", None),
        ("http://www.example.gov.cn/col/col1229/index.html", None),
    ],
    ids=["hanweb-art", "trs-t-date", "year-month-dir", "content-dir", "invalid-date", "no-date"],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("关于巡察整改情况的通报_某某市民政局", "关于巡察整改情况的通报"),
        ("关于巡察整改情况的通报 - 某某市人民政府门户网站", "关于巡察整改情况的通报"),
        ("某局--关于2022-2027年度目录的整改情况的通报", "关于2022-2027年度目录的整改情况的通报"),
        ("关于巡察整改情况的通报｜某某网", "关于巡察整改情况的通报"),
    ],
    ids=["underscore", "spaced-dash", "site-first-double-dash", "fullwidth-bar"],
)
def test_clean_title(raw, expected):
    assert clean_title(raw) == expected


def test_render_blocks_keeps_headings_br_and_tables():
    from lxml import html as lxml_html

    el = lxml_html.fromstring(
        "<div><p>一、总体情况</p>　　整改工作\n  有序推进。<br><br>二、下一步打算"
        "<table><tr><td>序号</td><td>金额</td></tr><tr><td>1</td><td>12.5</td></tr></table></div>"
    )
    assert render_blocks(el) == ["一、总体情况", "整改工作有序推进。", "二、下一步打算", "序号  金额\n1  12.5"]


def test_single_column_table_rows_are_paragraphs():
    from lxml import html as lxml_html

    el = lxml_html.fromstring("<table><tr><td>一、总体情况</td></tr><tr><td>整改工作有序推进。</td></tr></table>")
    assert render_blocks(el) == ["一、总体情况", "整改工作有序推进。"]


def split_seed_page(seed: str) -> tuple[str, str, str, str, list[str], str]:
    """The seed's header lines (column, breadcrumb, title, info), its paragraphs, and their <p> markup."""
    lines = seed.split("\n")
    column, breadcrumb, title, info = [ln for ln in lines[:6] if ln.strip()]
    paragraphs = [p.strip() for p in "\n".join(lines[6:]).split("\n\n") if p.strip()]
    body = "".join(f"<p>　　{html.escape(p)}</p>\n" for p in paragraphs)
    return column, breadcrumb, title, info, paragraphs, body


def test_seed_wrapped_in_gbk_page_reads_back():
    seed_path = SEEDS / "hangzhou-civil-affairs-2023.txt"
    if not seed_path.exists():
        pytest.skip("seed notice not available")
    seed = seed_path.read_text(encoding="utf-8")
    column, breadcrumb, title, info, paragraphs, body = split_seed_page(seed)
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{html.escape(column)}</title></head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/gzdt/">工作动态</a></div>'
        f'<div class="lm">{html.escape(column)}</div><div class="dqwz">{html.escape(breadcrumb)}</div>'
        f'<h1>{html.escape(title)}</h1><div class="info">{html.escape(info)}</div>'
        f'<div class="TRS_Editor">{body}</div>'
        '<div class="print">【打印本页】【关闭窗口】</div><div class="footer">主办单位：某某 网站标识码：0000000000</div>'
        "</body></html>"
    )
    doc = read_bytes(page.encode("gb18030"), "seed.html")
    assert doc.encoding == "gb18030"
    assert doc.title == title
    assert doc.text.split("\n\n")[1:] == paragraphs
    assert doc.text.split("\n")[0] == title
    info_doc = read_path(seed_path)  # the seed itself is a saved page in plain text
    assert info_doc.text == seed
    assert (doc.site, doc.published_at) == (info_doc.site, info_doc.published_at)
    assert doc.site is not None and doc.published_at is not None


@pytest.mark.parametrize("name,url,encoding,title,site,published,editor,doc_url,script", PAGES, ids=PAGE_IDS)
def test_twin_reads_as_plain_text(name, url, encoding, title, site, published, editor, doc_url, script):
    twin = TWINS / f"{name}.txt"
    doc = read_path(twin)
    assert doc.format == "txt" and doc.encoding == "utf-8"
    assert doc.text == twin.read_text(encoding="utf-8")
    assert doc.title == title and doc.script == script
    if site is not None:  # the twin carries the header line only when the page shows one
        assert (doc.site, doc.published_at) == (site, published)
