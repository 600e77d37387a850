"""Page metadata lines of a notice: title, 来源, 发布时间, 责任编辑.

Scraped notices start with breadcrumbs and a metadata line before the body:

    您现在的位置:首页>党务公开>整改公开
    中共某县教育局党组关于县委巡察整改进展情况的通报
    来源:某县纪委监委      发布时间:2024-03-12 09:30:00

>>> meta = find_source_meta("当前位置:首页>巡察\\n中共某县教育局党组关于县委巡察整改进展情况的通报\\n"
...                         "来源:某县纪委监委  发布时间:2024-03-12 09:30:00\\n正文")
>>> meta.title, meta.site, meta.published_at
('中共某县教育局党组关于县委巡察整改进展情况的通报', '某县纪委监委', datetime.datetime(2024, 3, 12, 9, 30))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from zhenggai import limits

# How many leading non-empty lines may hold the title (breadcrumbs, column
# names and site banners come first on scraped pages).
TITLE_LINES = 15
# Where metadata lines are looked for: the head of the page, then its tail
# (some sites print 来源/责任编辑 under the body).
HEAD_CHARS = 2000
TAIL_CHARS = 1200

# Labels that end a metadata value when several share one line (often glued
# together by scraping: "来源:某县纪委监委发布时间:2024-03-12").
_LABELS = r"""
    (?:信息来源|文章来源|来源|发布时间|发布日期|发文日期|更新时间|时间|日期|作者|责任编辑|编辑
      |浏览次数|浏览量|点击数|点击量|阅读数|阅读量|访问量|字号|字体|打印|分享|【|\[|\|)
"""

_BREADCRUMB = limits.compile(
    r"""
    ^\s*(?:您当前的位置|您现在的位置|您的位置|当前位置|现在位置|所在位置)   # breadcrumb label
    \s*[:：]?\s*
    .*[>›»]\s*                                                          # up to the last > separator
    """,
    regex.VERBOSE,
)
# Info-disclosure pages (政府信息公开) print the title as a labelled field,
# often as a bulleted list item: "- 标 题:某镇党委关于…的通报", "文件名称:…".
_TITLE_LABEL = limits.compile(
    r"""
    ^\s*[-•·*]?\s*                                  # optional list bullet
    (?:标\s*题|文件名称|信息名称|文章标题|名\s*称)   # the title field label (spaced 标 题 too)
    \s*[:：]\s*                                     # its colon
    """,
    regex.VERBOSE,
)
_TITLE = limits.compile(
    r"""
    ^[^\n]{0,60}?关于[^\n]{2,100}?                 # (issuer) 关于 subject
    (?:通报|报告|情况|公告|公示|通知)              # the document type closes the title
    (?:[(（][^\n)）]{1,30}[)）])?\s*$             # optional (节选)/(第二批) note
    """,
    regex.VERBOSE,
)
_HEADING_START = limits.compile(
    r"""
    ^(?:[一二三四五六七八九十]+[、.,，．]              # 一、 — a section heading, not the title
      |[(（][一二三四五六七八九十\d]+[)）]            # (一) / (1)
      |\d+\s*[.、,，．]                              # 1.
      |第[一二三四五六七八九十]+部分)                  # 第一部分
    """,
    regex.VERBOSE,
)
_TITLE_NO_GUANYU = limits.compile(
    r"""
    ^[^\n]{2,80}?(?:巡视|巡察|审计)[^\n]{0,30}?整改  # a rectification title without 关于
    [^\n]{0,30}?(?:通报|报告|公告|公示)\s*$         # ending in the document type
    """,
    regex.VERBOSE,
)
_SITE = limits.compile(
    rf"""
    (?<!\p{{Han}})(?:信息来源|文章来源|来源)\s*[:：]\s*   # 来源: label, not part of a longer word
    (?P<site>[^\s|【】\[\]]+?)                          # the site name, lazily …
    (?=\s|$|{_LABELS})                                  # … up to a blank, line end or the next label
    """,
    regex.VERBOSE | regex.MULTILINE,
)
_PUBLISHED = limits.compile(
    r"""
    (?:发布时间|发布日期|发文日期|更新时间                   # 发布时间: label, even glued to a value before it
      |(?<!\p{Han})(?:时间|日期))\s*[:：]\s*               # bare 时间:/日期: only as a label of its own
    (?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?   # 2023-06-02 / 2023年6月2日
    (?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?             # optional 16:43(:23)
    """,
    regex.VERBOSE,
)
_EDITOR = limits.compile(
    r"""
    责任编辑\s*[:：]\s*                 # 责任编辑: label
    (?P<editor>[^\s|【】\[\]()（）]+)   # the name up to a blank or bracket
    """,
    regex.VERBOSE,
)


@dataclass
class SourceMeta:
    """Metadata of a notice page (all optional)."""

    title: str | None = None
    title_start: int | None = None
    site: str | None = None
    published_at: dt.datetime | dt.date | None = None
    editor: str | None = None


def _joined_title(candidate: str, text: str, pos: int) -> str | None:
    """A title broken over two or three short lines ("关于2018年度市级预算执行" / "和其他…的审计工作报告").

    Report titles are typeset centred on several lines; scraped text keeps the breaks.
    """
    if "关于" not in candidate[:62] or len(candidate) > 40:
        return None
    following = [ln.strip() for ln in text[pos : pos + 200].split("\n") if ln.strip()][:2]
    for line in following:
        if len(line) > 40 or _HEADING_START.match(line) or line.endswith(("。", ":", "：", ",", "，")):
            return None
        candidate += line
        if _TITLE.match(candidate):
            return candidate
    return None


def _find_title(text: str) -> tuple[str | None, int | None]:
    seen = 0
    pos = 0
    fallback: tuple[str | None, int | None] = (None, None)
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > TITLE_LINES:
            break
        crumb = _BREADCRUMB.match(line)
        offset = crumb.end() if crumb else 0
        label = _TITLE_LABEL.match(line, offset)
        offset = label.end() if label else offset
        body = line[offset:]
        lead = len(body) - len(body.lstrip())
        candidate = body.strip()
        if (not candidate or _SITE.search(candidate) or _PUBLISHED.search(candidate)
                or _HEADING_START.match(candidate)):
            continue
        if _TITLE.match(candidate):
            return candidate, start + offset + lead
        joined = _joined_title(candidate, text, pos)
        if joined is not None:
            return joined, start + offset + lead
        if fallback[0] is None and _TITLE_NO_GUANYU.match(candidate):
            fallback = (candidate, start + offset + lead)
    return fallback


def _parse_published(m: regex.Match) -> dt.datetime | dt.date | None:
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m["H"] is None:
            return day
        return dt.datetime(day.year, day.month, day.day, int(m["H"]), int(m["M"]), int(m["S"] or 0))
    except ValueError:  # 2023-02-30, 25:61 …: not a date, leave it out
        return None


def _search_head_tail(pattern: limits.Pattern, text: str) -> regex.Match | None:
    m = pattern.search(text, 0, min(len(text), HEAD_CHARS))
    if m is None and len(text) > HEAD_CHARS:
        m = pattern.search(text, max(HEAD_CHARS, len(text) - TAIL_CHARS))
    return m


def find_source_meta(text: str) -> SourceMeta:
    """Title, 来源, 发布时间 and 责任编辑 of a notice page.

    >>> m = find_source_meta("关于巡视整改进展情况的通报\\n发布日期:2022年11月3日 来源:某市国资委\\n…\\n责任编辑:王某")
    >>> m.title, m.title_start, m.site, m.published_at, m.editor
    ('关于巡视整改进展情况的通报', 0, '某市国资委', datetime.date(2022, 11, 3), '王某')
    """
    title, title_start = _find_title(text)
    meta = SourceMeta(title=title, title_start=title_start)
    site = _search_head_tail(_SITE, text)
    if site:
        meta.site = site["site"]
    published = _search_head_tail(_PUBLISHED, text)
    if published:
        meta.published_at = _parse_published(published)
    editor = _search_head_tail(_EDITOR, text)
    if editor:
        meta.editor = editor["editor"]
    return meta
