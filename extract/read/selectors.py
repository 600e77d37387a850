"""Every HTML selector and boilerplate pattern the reader uses, in one place.

Like trafilatura's ``xpaths.py``: when a new site template turns up, this is
the one file to edit.  Government sites run on a handful of content
management systems (TRS WCM, 大汉 Hanweb/UCAP, 中网 Kaipu, self-built table
layouts); their article containers and their page furniture (breadcrumb,
字号 大 中 小, 打印本页/关闭窗口, share widgets, 扫一扫 QR codes, footers with
主办单位, ICP备, 网站标识码, 技术支持) are listed here.

>>> bool(BOILERPLATE_LINE.fullmatch("【打印本页】 【关闭窗口】"))
True
>>> bool(BREADCRUMB_LINE.match("您当前的位置：首页 > 工作动态 > 巡视巡察"))
True
"""

from __future__ import annotations

import regex

from zhenggai import limits
from lxml import etree


def _has_class(name: str) -> str:
    """XPath test for a whole class token (not a substring: 'content' ≠ 'foot-content')."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# Article containers, most specific first.  The first one that holds enough
# Chinese text with few links wins; generic names (.content, #content, article)
# come last because they often wrap navigation too.
CONTENT_XPATHS: list[tuple[str, etree.XPath]] = [
    (name, etree.XPath(expr))
    for name, expr in [
        ("TRS_Editor", f"//div[{_has_class('TRS_Editor')}]"),  # TRS WCM editor output
        ("TRS_UEDITOR", f"//div[{_has_class('TRS_UEDITOR')}]"),  # TRS with UEditor
        ("#UCAP-CONTENT", "//*[@id='UCAP-CONTENT']"),  # Hanweb/UCAP (gov.cn family)
        ("#zoom", "//*[@id='zoom' or @id='Zoom' or @id='fontzoom']"),  # 字号-resizable body
        # Hanweb article pages, then WeChat articles (reposts)
        ("#art_content", "//*[@id='art_content' or @id='artContent' or @id='art-content']"),
        ("#js_content", f"//*[@id='js_content' or {_has_class('rich_media_content')}]"),
        ("bt-content", f"//*[{_has_class('bt-content')}] | //td[{_has_class('bt_content')}]"),  # Hanweb 政务公开
        ("article-content", f"//*[{_has_class('article-content')} or @id='article-content' or @id='articleContent']"),
        ("pages_content", f"//*[{_has_class('pages_content')}]"),  # gov.cn article pages
        # 纪委监委 and county sites: con_nr (内容), article_con, news_content, v_news_content (博达 CMS)
        ("con_nr", f"//*[{_has_class('con_nr')} or {_has_class('article_con')}"
                   f" or {_has_class('news_content')} or {_has_class('v_news_content')}"
                   " or @id='con_nr' or @id='news_content']"),
        ("zw", f"//*[@id='zw' or {_has_class('zw')} or {_has_class('art_con')} or {_has_class('con_text')}]"),
        ("content", f"//*[{_has_class('content')} or @id='content' or {_has_class('main-content')}]"),
        ("article", "//article"),
    ]
]

# Elements never part of the text anywhere on the page.
DROP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "iframe", "object", "embed", "select", "option", "button",
     "input", "textarea", "svg", "canvas", "map", "head"]
)

# Page furniture inside or around the article, recognised by class/id tokens
# (split on - and _).  Matched against each token, so "share" hits "bdshare"
# via its own entry but "content" never hits "share".
BOILERPLATE_ATTR = limits.compile(
    r"""
    ^(?:
        share | bdshare | bdsharebuttonbox | fenxiang | jiathis        # share widgets
      | print | dayin | close | guanbi                               # 打印本页 / 关闭窗口
      | fontsize | font | zihao | zh                                  # 字号 大 中 小
      | crumb | breadcrumb | position | location | weizhi | dqwz | curpos | path  # 您当前的位置
      | footer | foot | bottom | copyright | copy                      # 主办单位, ICP备
      | qrcode | qr | erweima | ewm | code                            # 扫一扫 QR codes
      | nav | navbar | menu | topbar | header                         # site navigation
      | related | xgwz | xgxx | relate | pagenav | prevnext | sxp      # 相关文章 / 上一篇 下一篇
      | sidebar | aside | toolbar | tools
    )$
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# How a class/id is split into tokens for BOILERPLATE_ATTR.
ATTR_TOKEN_SPLIT = limits.compile(r"[\s_\-]+")
BOILERPLATE_TAGS = frozenset(["nav", "footer", "aside"])

# A whole line made of page widgets: 【打印本页】【关闭窗口】, 字号:[大 中 小], 分享到:,
# 扫一扫在手机打开当前页, 浏览次数:123, 上一篇/下一篇 links.
_WIDGET = r"""
    [【\[]? \s*
    (?: 打印本页 | 打印此页 | 打印文章 | 打印正文 | 打印 | 关闭窗口 | 关闭本页 | 关闭 | 返回顶部 | 返回
      | 收藏本页 | 加入收藏 | 收藏 | 我要纠错 | 纠错 | 分享到 | 分享至 | 分享 | 微信好友 | 朋友圈 | 微信
      | 新浪微博 | 腾讯微博 | 微博 | QQ空间 | QQ好友 | 复制链接
      | 点击蓝字 \s* 关注我们 | 长按 (?:识别)? \s* 二维码 [^\n]{0,12}           # WeChat furniture
      | 预览时标签不可点 | (?:微信扫一扫)? \s* 关注该公众号 | 阅读原文 | 在看 | 点赞 | 赞 | (?i:END)
      | 原创 | 留言 | 写留言
      | (?:相关)? 附件 (?:下载)?                                          # 附件: whose download links were dropped
      | 字号 \s* [:：]? \s* [\[【(（]? \s* 大 [\s|｜/丨]* 中 [\s|｜/丨]* 小 \s* [\]】)）]?   # 字号:[大 | 中 | 小]
      | 字体 \s* [:：]? \s* (?: 大 [\s|｜/丨]* 中 [\s|｜/丨]* 小 )?          # 【字体:大 中 小】
      | [大中小]                                                         # 大 中 小 split into links
      | 扫一扫 [^\n]{0,20}                                               # 扫一扫在手机打开当前页
      | (?: 浏览次数 | 阅读次数 | 访问次数 | 点击数 | 访问量 | 浏览量 ) \s* [:：]? \s* \d*
      | (?: 上一篇 | 下一篇 | 上一条 | 下一条 ) \s* [:：]? [^\n]{0,80}
      | 相关(?:链接|文章|阅读|新闻)
    ) \s* [】\]]? \s* [:：|｜/丨]? \s*
"""
BOILERPLATE_LINE = limits.compile(rf"(?:{_WIDGET})+", regex.VERBOSE)

# A breadcrumb line: 您当前的位置：首页 > … / 当前位置: … / 所在位置.
BREADCRUMB_LINE = limits.compile(
    r"""
    \s* (?: 您 (?:当前)? (?:的)? (?:所在)? 位置 | 当前位置 | 所在位置 | 当前页面 )  # the label
    \s* [:：]                                                                # then a colon
    """,
    regex.VERBOSE,
)

# Footer furniture: a short line that carries any of these is no article text.
FOOTER_LINE = limits.compile(
    r"""
    ICP \s* 备 | 网站标识码 | 公网安备 | 版权所有 | Copyright | ©         # licence and copyright
  | 技术支持 \s* [:：] | (?:^|\s) (?: 主办单位 | 承办单位 | 协办单位 | 主办 | 承办 ) \s* [:：]  # who runs the site
  | 网站地图 | 联系我们 \s* [|｜] | 建议使用 .{0,20} 浏览器 | 分辨率          # footer links and browser hints
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
FOOTER_MAX_CHARS = 160

# Labels of the info line above (or below) the article.
INFO_LABEL = limits.compile(
    r"""
    (?P<label>
        信息来源 | 文章来源 | 稿件来源 | 来源 | 发布机构 | 发布单位 | 发布者 | 发文机关  # → site (来源)
      | 信息提供日期 | 提供日期                                          # → published_at (信息提供日期)
      | 发布时间 | 发布日期 | 发文日期 | 成文日期 | 生成日期 | 更新时间 | 时间 | 日期  # → published_at
      | 责任编辑 | 编辑 | 作者 | 撰稿 | 审核 | 校对                    # → editor (责任编辑, 编辑)
      | 浏览次数 | 浏览量 | 浏览 | 阅读次数 | 阅读量 | 阅读数 | 点击数 | 点击量 | 点击  # widgets sharing the line
      | 访问次数 | 访问量 | 字号 | 字体 | 分享 | 打印                  # (浏览量: ends the 来源 value before it)
      | 索引号 | 主题分类 | 组配分类 | 体裁分类 | 服务对象 | 发文字号 | 文号 | 有效性  # 信息公开 metadata table
      | 公开方式 | 公开范围 | 公开时限 | 名称                                # (read, then dropped)
    )
    \s* [:：]                                                         # label colon, ASCII or full width
    """,
    regex.VERBOSE,
)
SITE_LABELS = frozenset(["信息来源", "文章来源", "稿件来源", "来源", "发布机构", "发布单位", "发布者", "发文机关"])
DATE_LABELS = frozenset(["信息提供日期", "提供日期", "发布时间", "发布日期", "发文日期", "成文日期", "生成日期", "更新时间", "时间", "日期"])
EDITOR_LABELS = frozenset(["责任编辑", "编辑"])
INFO_MAX_CHARS = 200

# 信息公开 metadata tables (索引号 / 发布机构 / 成文日期 / 发布日期 / 文号 rows): a
# table with this many label cells is metadata, never article text.
DISCLOSURE_LABEL = limits.compile(
    r"""
    \s* (?: 索引号 | 主题分类 | 组配分类 | 体裁分类 | 发布机构 | 发文机关 | 成文日期 | 发布日期  # the usual rows
        | 发文字号 | 文号 | 有效性 | 公开方式 | 公开范围 | 公开时限 | 生效日期 | 废止日期 | 名称 )
    \s* [:：]? \s*                                                     # label colon, often absent in <th>
    """,
    regex.VERBOSE,
)
METADATA_TABLE_MIN_LABELS = 3

# Download links (attachments: 附件：xxx.doc): dropped from the text, the file is not the notice.
DOWNLOAD_HREF = limits.compile(
    r"""
    \. (?: docx? | xlsx? | et | wps | pdf | ofd | zip | rar | 7z | pptx? ) (?: [?#] | $ )  # file extension
  | download | downfile | attach(?:ment)?/                               # CMS download endpoints
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Elements carrying the site or the date with no label (WeChat: account name, publish time).
SITE_XPATH = etree.XPath("//*[@id='js_name'] | //*[@id='profileBt']//a")
DATE_XPATH = etree.XPath("//*[@id='publish_time'] | //*[@id='post-date']")

# <meta name=…> carrying page metadata (政府网站发展指引 names first, then Open Graph).
META_TITLE = ("ArticleTitle", "og:title", "title")
META_DATE = ("PubDate", "pubdate", "publishdate", "article:published_time", "dc.date", "Maketime")
META_SITE = ("ContentSource", "source")
META_URL = ("og:url",)

# Elements that may hold the article title, tried after h1.
TITLE_XPATH = etree.XPath(
    "//h1 | //h2 | //h3"
    f" | //*[{_has_class('title')} or {_has_class('article-title')} or {_has_class('con-title')}"
    f" or {_has_class('bt')} or {_has_class('tit')} or {_has_class('biaoti')} or @id='title'"
    f" or {_has_class('bt_title')} or {_has_class('news_title')} or {_has_class('artTitle')}]"
)
# Separators between the title and the site name in <title>: "标题_杭州市民政局",
# "标题 - 杭州市人民政府", "标题|某网".  A bare "-" needs spaces (2022-2027年度).
TITLE_SPLIT = limits.compile(r"\s*(?:[_|｜]|——|--|－|::)\s*|\s+[-–—]\s+")
