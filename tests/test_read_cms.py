"""zhenggai.read on the government CMS templates real crawls contain.

TRS WCM (.view TRS_UEDITOR), Hanweb/大汉 (#art_content in table layouts with
label cells), 政府网站集约化平台 (.pages_content / #UCAP-CONTENT with one <div>
per paragraph, <span style>, &nbsp; indentation, <br> paragraphs, <font>),
信息公开 detail pages (索引号 / 发布机构 / 成文日期 / 发布日期 metadata tables),
纪委监委 sites (.con_nr) and WeChat reposts (#js_content).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from zhenggai.errors import InputError
from zhenggai.read import read_bytes, read_path
from zhenggai.read.html import is_boilerplate, read_html
from zhenggai.read.htmlrender import is_download_link, is_metadata_table, render_blocks
from zhenggai.read.meta import merge_info, parse_info_line

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HTML = FIXTURES / "html"
TWINS = FIXTURES / "read"

CMS_PAGES = [
    # name, encoding, title, site, published_at, editor
    ("xxgk_meta_table", "utf-8", "中共东溪区财政局党组关于区委巡察反馈意见整改进展情况的通报", "东溪区财政局",
     date(2023, 8, 14), None),
    ("article_content_rows", "utf-8", "中共白河市自然资源和规划局党组关于市委巡察整改情况的通报",
     "白河市自然资源和规划局", date(2023, 12, 5), None),
    ("ucap_pages_content", "gb18030", "西塘区审计局关于2022年度区级预算执行审计查出问题整改情况的公告", "西塘区审计局",
     datetime(2023, 10, 9, 11, 20), None),
    ("hanweb_cells_gbk", "gb18030", "中共青石市发展和改革委员会党组关于市委巡察整改情况的通报",
     "青石市发展和改革委员会", date(2023, 5, 26), None),
    ("jiwei_con_nr", "utf-8", "中共南山县水利局党组关于县委巡察整改落实情况的通报", "南山县水利局",
     datetime(2023, 11, 2, 9, 15), "何静"),
    ("wechat_repost", "utf-8", "中共北岭县教育局委员会关于县委巡察整改情况的通报", "北岭县教育局",
     datetime(2023, 9, 12, 18, 30), "周岚"),
]
CMS_IDS = [p[0] for p in CMS_PAGES]

# Furniture of these templates that must never reach the body text.
FURNITURE = ["索引号", "主题分类", "成文日期", "文号", "有效性", ".doc", ".xlsx", ".pdf", "附件", "字体", "字号", "打印",
             "关闭", "分享", "扫一扫", "上一篇", "下一篇", "相关链接", "责任编辑", "阅读原文", "预览时标签不可点",
             "关注该公众号", "长按识别", "点击蓝字", "END", "原创", "您现在的位置", "当前位置", "您所在的位置",
             "网站标识码", "版权所有", "ICP备", "浏览次数", "阅读次数", "网站首页", "技术支持"]


def _twin(name: str) -> str:
    return (TWINS / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("name,encoding,title,site,published,editor", CMS_PAGES, ids=CMS_IDS)
def test_cms_page_reads_to_its_twin(name, encoding, title, site, published, editor):
    path = HTML / f"{name}.html"
    doc = read_bytes(path.read_bytes(), str(path))
    assert doc.encoding == encoding
    assert (doc.title, doc.site, doc.editor) == (title, site, editor)
    assert doc.published_at == published and type(doc.published_at) is type(published)
    assert doc.text == _twin(name)


@pytest.mark.parametrize("name", CMS_IDS, ids=CMS_IDS)
def test_cms_page_body_has_no_furniture(name):
    doc = read_path(HTML / f"{name}.html")
    body = doc.text.split("\n\n", 1)[1]
    for word in FURNITURE:
        assert word not in body, word
    assert doc.text.startswith(doc.title + "\n来源:")


@pytest.mark.parametrize("name,encoding,title,site,published,editor", CMS_PAGES, ids=CMS_IDS)
def test_cms_twin_reads_as_plain_text(name, encoding, title, site, published, editor):
    doc = read_path(TWINS / f"{name}.txt")
    assert (doc.title, doc.site, doc.published_at) == (title, site, published)


@pytest.mark.parametrize(
    "line",
    ["【字体：大 中 小】", "[ 字号：大 | 中 | 小 ]　　【 打印 】　　【 关闭本页 】　　【返回顶部】", "【打印】【关闭】",
     "分享至：QQ空间 新浪微博 微信", "扫一扫 在手机打开当前页", "上一篇：中共某某局党组关于巡察整改情况的通报",
     "下一篇：没有了", "相关链接：", "相关附件：", "附件下载：", "阅读原文", "点击蓝字 关注我们", "长按识别二维码关注我们",
     "预览时标签不可点", "微信扫一扫关注该公众号", "END", "在看 分享 收藏 赞"],
    ids=["zhiti", "zihao-pipes", "print-close", "share-to", "qr", "prev", "next-none", "related",
         "attachments-label", "download-label", "wechat-read-original", "wechat-follow", "wechat-qr",
         "wechat-preview", "wechat-account", "wechat-end", "wechat-toolbar"],
)
def test_furniture_lines_in_many_spellings(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["附件：1.巡察整改问题清单", "一、关于落实主体责任的整改情况", "截至目前，已完成整改14个，其余问题正在推进。",
     "欢迎广大干部群众对整改情况进行监督。"],
    ids=["typed-attachment", "heading", "sentence", "supervision"],
)
def test_body_lines_are_no_furniture(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "lines,site,published",
    [
        (["成文日期：2023-08-10", "发布日期：2023-08-14"], None, date(2023, 8, 14)),
        (["发布日期：2023-08-14", "成文日期：2023-08-10"], None, date(2023, 8, 14)),
        (["索引号：  1133/2023-00318  发文机关：  某县财政局", "成文日期：  2023年8月10日"], "某县财政局",
         date(2023, 8, 10)),
        (["时间：2023-08-12", "发布日期：2023-08-14"], None, date(2023, 8, 12)),
    ],
    ids=["published-row-after-drafted", "published-row-first", "disclosure-labels", "first-publication-wins"],
)
def test_metadata_rows_merge(lines, site, published):
    info = merge_info([i for i in (parse_info_line(ln) for ln in lines) if i is not None])
    assert (info.site, info.published_at) == (site, published)


@pytest.mark.parametrize(
    "markup,expected",
    [
        ("<table><tr><th>索引号：</th><td>1</td></tr><tr><th>发布机构</th><td>某局</td></tr>"
         "<tr><th>成文日期</th><td>2023-01-01</td></tr></table>", True),
        ("<table><tr><td>序号</td><td>问题类别</td></tr><tr><td>1</td><td>预算执行</td></tr></table>", False),
    ],
    ids=["disclosure-table", "data-table"],
)
def test_metadata_table(markup, expected):
    assert is_metadata_table(lxml_html.fromstring(markup)) is expected


@pytest.mark.parametrize(
    "href,expected",
    [("/attach/0/a.pdf", True), ("/module/download/downfile.jsp?filename=a.doc", True), ("x.XLSX", True),
     ("/art/2023/8/14/art_1229_70812.html", False), ("/col/col9/index.html", False)],
    ids=["pdf", "download-endpoint", "upper-case-ext", "article", "column"],
)
def test_download_links(href, expected):
    assert is_download_link(lxml_html.fromstring(f'<a href="{href}">附件</a>')) is expected


def test_article_root_hidden_by_script_is_read():
    el = lxml_html.fromstring('<div id="js_content" style="visibility: hidden;"><p>整改完成。</p>'
                              '<p style="display:none">隐藏</p></div>')
    assert render_blocks(el) == ["整改完成。"]


def test_br_paragraphs_and_split_divs():
    el = lxml_html.fromstring(
        "<div><div><span>&nbsp;&nbsp;一、总体</span><span>情况</span></div>"
        "<p><font>（一）第一项。</font><br/><font>（二）第二项。</font><br><br><font>（三）第三项。</font></p></div>"
    )
    assert render_blocks(el) == ["一、总体情况", "（一）第一项。", "（二）第二项。", "（三）第三项。"]


_PAGE_TEXT = st.text(alphabet=st.sampled_from(list("整改巡察情况通报发布日期来源索引号附件：:大中小【】|<>/\n 12-")),
                     max_size=80)


@settings(max_examples=60, deadline=None)
@given(head=_PAGE_TEXT, body=_PAGE_TEXT)
def test_any_page_reads_or_is_refused(head, body):
    page = f"<html><body><div class='info'>{head}</div><div id='zoom'><p>{body}</p></div></body></html>"
    try:
        doc = read_html(page, "p.html")
    except InputError:
        return
    assert doc.text and (doc.title is None or isinstance(doc.title, str))
