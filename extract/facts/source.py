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
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from zhenggai import limits
from zhenggai.facts.guards import Guarded
from zhenggai.mentions.date_patterns import small_number, year_number
from zhenggai.models import load_table, load_words
from zhenggai.sitenames import site_note_start
from zhenggai.numerals import read_int
from zhenggai.scan import nearest

# How many leading non-empty lines may hold the title (breadcrumbs, column
# names and site banners come first on scraped pages).
TITLE_LINES = 15
# Where metadata lines are looked for: the head of the page, then its tail
# (some sites print 来源/责任编辑 under the body).
HEAD_CHARS = 2000
TAIL_CHARS = 1200

# Labels that end a metadata value when several share one line (often glued
# together by scraping: "来源:某县纪委监委发布时间:2024-03-12"; a page widget after
# one space: "来源:区文旅局 浏览量:").  A label ends the value with its colon; page
# widgets (浏览量, 字号, 打印 …, marked "bare" in the data file) even without one.
def _label_alternation(bare_only: bool) -> str:
    rows = load_table("page_labels.txt")
    words = [row[0] for row in rows if not bare_only or row[1:2] == ("bare",)]
    return "|".join(map(regex.escape, sorted(words, key=len, reverse=True)))


_LABELS = rf"""
    (?:(?:{_label_alternation(False)})\s*[:：]         # any page label with its colon
      |{_label_alternation(True)}                       # a widget word, colon or not
      |【|\[|\|)                                       # a bracketed field or a bar
"""

_BREADCRUMB = Guarded(limits.compile(
    r"""
    ^\s*(?:(?:您当前的位置|您现在的位置|您的位置|当前位置|现在位置|所在位置)   # breadcrumb label
          \s*[:：]?\s*
         |(?:网站首页|首页|主页)\s*[>›»])                                 # or an unlabelled nav line: 首页 > …
    .*[>›»]\s*                                                          # up to the last > separator
    """,
    regex.VERBOSE,
), (">", "›", "»"))  # every match ends at a separator (facts.guards)
# Page furniture around a title: a byline "(记者 王某)" / "(通讯员 …)" glued before or
# after it, and the 摘要/导读 labels of news pages.  A byline is cut off; a furniture
# line is no title.
_BYLINE = Guarded(limits.compile(
    r"""
    ^[(（\[【]\s*(?:本报|本网|本台)?(?:记者|通讯员|作者|撰稿|文|图)(?:\s*[/:：]|\s)\s*[^)）\]】\n]{0,30}[)）\]】]\s*  # (记者 王某) before
    |\s*[(（\[【]\s*(?:本报|本网|本台)?(?:记者|通讯员|作者|撰稿|文|图)(?:\s*[/:：]|\s)\s*[^)）\]】\n]{0,30}[)）\]】]$  # … or after
    """,
    regex.VERBOSE,
), ("(", "（", "[", "【"))  # every byline is bracketed
_FURNITURE_LINE = Guarded(limits.compile(
    r"""
    ^(?:摘要|摘\s要|导读|核心提示|编者按|内容提要|正文|全文)\s*[:：]?\s*$   # a news page's field label alone
    """,
    regex.VERBOSE,
), ("摘", "导读", "核心提示", "编者按", "内容提要", "正文", "全文"))  # the labels
# A column name written before the title with a colon ("本级巡察整改:中共某局党组关于…的通报"):
# dropped when what follows is a title on its own.
_COLUMN_PREFIX = Guarded(limits.compile(
    r"""
    ^(?!关于)[^\s:：,，。;；关]{2,12}[:：]\s*   # 本级巡察整改: / 整改公示: (no 关于 inside)
    """,
    regex.VERBOSE,
), (":", "："))  # the colon
# Info-disclosure pages (政府信息公开) print the title as a labelled field,
# often as a bulleted list item: "- 标 题:某镇党委关于…的通报", "文件名称:…".
_TITLE_LABEL = Guarded(limits.compile(
    r"""
    ^\s*[-•·*]?\s*                                  # optional list bullet
    (?:标\s*题|文件名称|信息名称|文章标题|名\s*称)   # the title field label (spaced 标 题 too)
    \s*[:：]\s*                                     # its colon
    """,
    regex.VERBOSE,
), (":", "："))  # the colon
_TITLE = Guarded(limits.compile(
    r"""
    ^[^\n]{0,60}?关于[^\n]{2,100}?                 # (issuer) 关于 subject
    (?:通报|报告|情况|公告|公示|通知)              # the document type closes the title
    (?:[(（][^\n)）]{1,30}[)）])?\s*$             # optional (节选)/(第二批) note
    """,
    regex.VERBOSE,
), ("关于",))  # every such title holds it
_HEADING_START = limits.compile(
    r"""
    ^(?:[一二三四五六七八九十]+[、.,，．]              # 一、 — a section heading, not the title
      |[(（][一二三四五六七八九十\d]+[)）]            # (一) / (1)
      |\d+\s*[.、,，．]                              # 1.
      |第[一二三四五六七八九十]+部分)                  # 第一部分
    """,
    regex.VERBOSE,
)
_TITLE_NO_GUANYU = Guarded(limits.compile(
    r"""
    ^[^\n]{2,80}?(?:巡视|巡察|审计)[^\n]{0,30}?整改  # a rectification title without 关于
    [^\n]{0,30}?(?:通报|报告|公告|公示)\s*$         # ending in the document type
    |^[^\n]{2,60}?审计(?:结果公告|工作报告)\s*$       # an audit genre title: 某省2015年度审计结果公告
    """,
    regex.VERBOSE,
), ("巡视", "巡察", "审计"))  # every branch holds one
# The month, day and optional time after a year, as page stamps write them: -08-17 11:05:24 /
# 年8月17日 16:43.  One fragment for every stamp pattern below (they name the year group y).
_MONTH_DAY_TIME = r"(?:\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?" \
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?)"
_STAMP_START = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)"  # 2016-08-17 / 2016年8月17
_SITE = Guarded(limits.compile(
    rf"""
    (?<!\p{{Han}})(?:信息来源|文章来源|稿件来源|来源)[\x20\t]*[:：][\x20\t]*   # 来源: label (not in a longer word)
    (?!{_LABELS})                                       # an empty value (来源: 发布时间:…) is no site
    (?P<site>[^\s|【】\[\]]+?)                          # the site name, lazily …
    (?=\s|$|{_LABELS}|{_STAMP_START})                   # … up to a blank, line end, the next label or a date
    """,
    regex.VERBOSE | regex.MULTILINE,
), ("来源",))  # every label holds 来源 (facts.guards)
# A date/time stamp printed right after the site on its line ("来源:某某日报 2016-08-17 11:05:24"):
# the publication time, unlabelled.
_SITE_STAMP = limits.compile(
    rf"""
    [\x20\t\u3000]*                                                  # the blank after the site
    (?P<y>(?:19|20)\d{{2}}){_MONTH_DAY_TIME}                         # 2016-08-17 11:05(:24)
    """,
    regex.VERBOSE,
)
_PUBLISHED = Guarded(limits.compile(
    rf"""
    (?:信息提供日期|提供日期|发布时间|发布日期|发文日期|更新时间   # 发布时间: label, even glued to a value before it
      |(?<!\p{{Han}})(?:时间|日期))\s*[:：]\s*               # bare 时间:/日期: only as a label of its own
    (?P<y>\d{{4}}){_MONTH_DAY_TIME}                                  # 2023-06-02 / 2023年6月2日 16:43
    """,
    regex.VERBOSE,
), ("时间", "日期"))  # every label holds one (facts.guards)
# The signature date: the last line of a notice when it holds only a date
# (2024年3月1日 / 二〇二四年三月十五日) under the issuer's name.
_SIGNATURE_DATE = limits.compile(
    r"""
    [\x20\u3000\t]*
    (?P<y>\d{4}|[〇○零一二三四五六七八九]{4})[\x20]*年[\x20]*   # 2024年 / 二〇二四年
    (?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})[\x20]*月[\x20]*    # 3月 / 三月
    (?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})[\x20]*日            # 1日 / 十五日
    [\x20\u3000\t]*
    """,
    regex.VERBOSE,
)
# The speech date of a report read to a congress or committee, on its own line under the
# title: "——2023年12月27日在区第五届人民代表大会常务委员会第十九次会议上".  Such a report
# has no signature; this is its date.
_SPEECH_DATE = Guarded(limits.compile(
    r"""
    ^[\x20\u3000\t]*[—－\-]{1,2}[\x20\u3000]*        # the dash that opens the line
    (?P<y>\d{4}|[〇○零一二三四五六七八九]{4})[\x20]*年[\x20]*   # 2023年 / 二〇二三年
    (?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})[\x20]*月[\x20]*    # 12月
    (?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})[\x20]*日            # 27日
    [\x20]*在[^\n]{0,60}?(?:会议|会)上                         # 在…会议上: where it was read
    """,
    regex.VERBOSE | regex.MULTILINE,
), ("会",))  # 会议上 / 会上
# The head line of a WeChat article copied as text: its badge (原创), the author and the
# account name, and the stamp with 发表于 — before it ("发表于 2023-11-23 10:05") or after it
# with the poster's region ("2023-11-23 10:05 发表于浙江").  The account is the page's site,
# as the account element is on a saved WeChat page; a 来源 line under the body names where
# the article came from.
_WECHAT_HEAD = limits.compile(
    rf"""
    ^[\x20\t\u3000]*
    (?P<badge>(?:原创|转载|置顶)[\x20\t\u3000]+)?         # WeChat's article badge
    (?:(?!发表于)[^\s\d:：,，。;；]{{1,20}}[\x20\t\u3000]+)?  # the author (often the account again)
    (?!发表于)(?P<site>[^\s\d:：,，。;；]{{2,30}})          # the account name, right before the stamp
    [\x20\t\u3000]*(?P<before>发表于)?[\x20\t\u3000]*      # 发表于 before the stamp …
    (?P<y>(?:19|20)\d{{2}}){_MONTH_DAY_TIME}                 # 2023-11-23 10:05
    (?:[\x20\t\u3000]*(?P<after>发表于)?[\x20\t\u3000]*\p{{Han}}{{2,8}})?  # … or after it, with the region
    [\x20\t\u3000]*$
    """,
    regex.VERBOSE | regex.MULTILINE,
)
# The words of the groups badge, before and after above: a head line needs one of them.
_WECHAT_MARKS = ("原创", "转载", "置顶", "发表于")
# Where the WeChat head line is looked for: the first lines of the text.
WECHAT_HEAD_CHARS = 300
_EDITOR = Guarded(limits.compile(
    r"""
    责任编辑\s*[:：]\s*                 # 责任编辑: label
    (?P<editor>[^\s|【】\[\]()（）]+)   # the name up to a blank or bracket
    """,
    regex.VERBOSE,
), ("责任编辑",))  # the label (facts.guards)


@dataclass
class SourceMeta:
    """Metadata of a notice page (all optional)."""

    title: str | None = None
    title_start: int | None = None
    site: str | None = None
    published_at: dt.datetime | dt.date | None = None
    editor: str | None = None
    # The date under the signature (not a publication date: ``published_at`` stays
    # None), the reference for 今年/去年 when the page prints no publication date.
    signed_at: dt.date | None = None


def _joined_title(candidate: str, text: str, pos: int) -> str | None:
    """A title broken over two or three short lines ("关于2018年度市级预算执行" / "和其他…的审计工作报告").

    Report titles are typeset centred on several lines; scraped text keeps the breaks.
    """
    if "关于" not in candidate[:62] or len(candidate) > 40:
        return None
    following = [ln.strip() for ln in text[pos : pos + 200].split("\n") if ln.strip()][:2]
    for line in following:
        if len(line) > 40 or _is_heading_start(line) or line.endswith(("。", ":", "：", ",", "，")):
            return None
        candidate += line
        if _TITLE.match(candidate):
            return candidate
    return None


# An issuer typeset on its own line above "关于…的通报" (中共某局党组⏎关于…): a short
# unpunctuated line naming a party body.
_ISSUER_LINE = limits.compile(
    rf"""
    ^(?:中共[^\n]{{2,36}}                             # 中共… (a party body)
      |[^\n]{{2,36}}(?:{"|".join(regex.escape(w) for w in load_words("org_suffixes.txt"))}))$
    """,
    regex.VERBOSE,
)
_NOT_ISSUER = limits.compile(r"[\d。,，:：;；!?！？《》“”]  # prose, dates and quotes: not a bare name", regex.VERBOSE)


def _issuer_line(line: str | None) -> bool:
    return bool(line) and _ISSUER_LINE.match(line) is not None and _NOT_ISSUER.search(line) is None


def _strip_furniture(candidate: str, lead: int) -> tuple[int, str]:
    """A title candidate without a byline and without a column name before it (offset moved along).

    "(记者 王某)某局巡察整改情况通报" → "某局巡察整改情况通报"; "本级巡察整改:关于…的通报" → "关于…的通报".
    """
    byline = _BYLINE.search(candidate)
    if byline is not None:
        if byline.start() == 0:
            lead += byline.end()
            candidate = candidate[byline.end():]
        else:
            candidate = candidate[: byline.start()]
    column = _COLUMN_PREFIX.match(candidate)
    if column is not None:
        rest = candidate[column.end():]
        if _TITLE.match(rest) or _TITLE_NO_GUANYU.match(rest):
            lead += column.end()
            candidate = rest
    return lead, candidate.strip()


# The characters _HEADING_START can open with (and any digit): a line opening otherwise is no heading.
_HEADING_FIRST = frozenset("一二三四五六七八九十(（第")


def _is_heading_start(line: str) -> bool:
    """Whether ``line`` opens with a section marker (一、 / (一) / 1. / 第一部分)."""
    first = line[:1]
    # (Every character \d matches below U+10000 is isdigit(); astral ones go to the regex.)
    if first not in _HEADING_FIRST and not first.isdigit() and first <= "\uffff":
        return False
    return _HEADING_START.match(line) is not None


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as ``text.split("\\n")`` gives them, one at a time: the title is
    looked for in the first few, and a long text need not be cut up whole."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


# The characters a match of _BREADCRUMB, _TITLE_LABEL and _FURNITURE_LINE can open with after
# its leading blanks (each pattern opens with ^\s* and these words or bullets).
_BREADCRUMB_FIRST = frozenset("您当现所网首主")
_TITLE_LABEL_FIRST = frozenset("-•·*标文信名")
_FURNITURE_FIRST = frozenset("摘导核编内正全")


def _first_visible(line: str) -> str:
    r"""The first character of ``line`` after its leading blanks ("" for a blank line): a match of a
    pattern opening with ^\s* starts its words there (str.isspace holds every \s of the regex
    module, so no blank the pattern would skip is kept)."""
    first = line[:1]
    return line.lstrip()[:1] if first.isspace() else first


def _find_title(text: str) -> tuple[str | None, int | None]:
    seen = 0
    pos = 0
    fallback: tuple[str | None, int | None] = (None, None)
    previous: tuple[str, int] | None = None  # the line right above (None after a blank line)
    for line in _lines(text):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            previous = None
            continue
        above, previous = previous, (line.strip(), start + len(line) - len(line.lstrip()))
        seen += 1
        if seen > TITLE_LINES:
            break
        first = _first_visible(line)
        crumb = _BREADCRUMB.match(line) if first in _BREADCRUMB_FIRST else None
        offset = crumb.end() if crumb else 0
        if (first if offset == 0 else _first_visible(line[offset:])) in _TITLE_LABEL_FIRST:
            label = _TITLE_LABEL.match(line, offset)
            offset = label.end() if label else offset
        body = line[offset:]
        lead = len(body) - len(body.lstrip())
        candidate = body.strip()
        if (not candidate or _SITE.search(candidate) or _PUBLISHED.search(candidate)
                or _is_heading_start(candidate)
                or (candidate[0] in _FURNITURE_FIRST and _FURNITURE_LINE.match(candidate))):
            continue
        lead, candidate = _strip_furniture(candidate, lead)
        if not candidate:
            continue
        if _TITLE.match(candidate):
            if candidate.startswith("关于") and above is not None and _issuer_line(above[0]):
                return above[0] + candidate, above[1]  # 中共某局党组⏎关于…的通报
            return candidate, start + offset + lead
        joined = _joined_title(candidate, text, pos)
        if joined is not None:
            return joined, start + offset + lead
        if fallback[0] is None and _TITLE_NO_GUANYU.match(candidate):
            fallback = (candidate, start + offset + lead)
    return fallback


def _parse_published(m: regex.Match) -> dt.datetime | dt.date | None:
    try:
        day = dt.date(read_int(m["y"]), read_int(m["m"]), read_int(m["d"]))
        if m["H"] is None:
            return day
        clock = read_int(m["H"]), read_int(m["M"]), read_int(m["S"] or "0")
        return dt.datetime(day.year, day.month, day.day, *clock)
    except ValueError:  # 2023-02-30, 25:61 …: not a date, leave it out
        return None


# How far before its guard word a match of a labelled field may start: the longest label
# characters before 来源 (信息来源), before 时间/日期 (信息提供日期) and before 责任编辑.
_SITE_LEAD = 2
_PUBLISHED_LEAD = 4
_EDITOR_LEAD = 0


def _search_head_tail(pattern: Guarded, text: str, lead: int) -> regex.Match | None:
    """``pattern.search`` in the head of ``text``, else in its tail.

    Every match of ``pattern`` opens with a label holding one of its guard words at most ``lead``
    characters in, so the search starts ``lead`` characters before the first guard word of the
    window (the same first match: none starts earlier), and not at all without one.
    """
    m = _search_from_word(pattern, text, 0, min(len(text), HEAD_CHARS), lead)
    if m is None and len(text) > HEAD_CHARS:
        m = _search_from_word(pattern, text, max(HEAD_CHARS, len(text) - TAIL_CHARS), len(text), lead)
    return m


def _search_from_word(pattern: Guarded, text: str, pos: int, endpos: int, lead: int) -> regex.Match | None:
    first = nearest(text, pattern.words, pos, endpos)
    if first < 0:
        return None  # no guard word in the window: no match (facts.guards)
    return pattern.pattern.search(text, max(pos, first - lead), endpos)


def find_source_meta(text: str) -> SourceMeta:
    """Title, 来源, 发布时间 and 责任编辑 of a notice page.

    >>> m = find_source_meta("关于巡视整改进展情况的通报\\n发布日期:2022年11月3日 来源:某市国资委\\n…\\n责任编辑:王某")
    >>> m.title, m.title_start, m.site, m.published_at, m.editor
    ('关于巡视整改进展情况的通报', 0, '某市国资委', datetime.date(2022, 11, 3), '王某')
    """
    title, title_start = _find_title(text)
    meta = SourceMeta(title=title, title_start=title_start)
    site = _search_head_tail(_SITE, text, _SITE_LEAD)
    if site:
        meta.site = site["site"][: site_note_start(site["site"])] or None  # 某某网（转载） → 某某网
    published = _search_head_tail(_PUBLISHED, text, _PUBLISHED_LEAD)
    if published:
        meta.published_at = _parse_published(published)
    wechat = wechat_head(text)
    if wechat is not None:
        meta.site = wechat["site"]
        meta.published_at = meta.published_at or _parse_published(wechat)
    if meta.published_at is None and site:
        stamp = _SITE_STAMP.match(text, site.end())
        if stamp:
            meta.published_at = _parse_published(stamp)
    if meta.site is None and title_start is not None:
        byline = _unlabelled_byline(text, title_start + len(title or ""))
        if byline is not None:
            meta.site = byline["site"]
            meta.published_at = meta.published_at or _parse_published(byline)
    editor = _search_head_tail(_EDITOR, text, _EDITOR_LEAD)
    if editor:
        meta.editor = editor["editor"]
    meta.signed_at = signature_date(text) or speech_date(text)
    return meta


# An unlabelled source line right under the title: a site name (ending like one: 网站, 网,
# 日报, 融媒体中心 …) then its date — "某某市纪委监委网站 2024年10月29日".
_BYLINE_SITE = limits.compile(
    rf"""
    [\x20\t\u3000]*
    (?P<site>\p{{Han}}[\p{{Han}}A-Za-z0-9]{{1,28}}?                       # the site name, no punctuation
      (?:网站|网|日报|晚报|报|频道|公众号|客户端|融媒体中心|新闻中心|电视台))  # … ending like a site
    [\x20\t\u3000]*                                                 # a blank (dropped by some scrapes)
    (?P<y>(?:19|20)\d{{2}}){_MONTH_DAY_TIME}                         # its date (and time)
    [\x20\t\u3000]*
    """,
    regex.VERBOSE,
)


def wechat_head(text: str) -> regex.Match | None:
    r"""The head line of a WeChat article (原创 作者 账号 发表于 日期), if the text opens with one.

    >>> wechat_head("原创 清风某县 清风某县 发表于 2023-11-23 10:05\n\n正文")["site"]
    '清风某县'
    >>> wechat_head("清风某县 2023-11-23 10:05 发表于浙江\n正文")["site"]
    '清风某县'
    >>> wechat_head("原创 张某 清风某县 2023年11月23日 10:05 浙江\n正文")["site"]
    '清风某县'
    >>> wechat_head("某某市纪委监委网站 2024年10月29日\n正文") is None
    True
    """
    head = min(len(text), WECHAT_HEAD_CHARS)
    if not any(text.find(mark, 0, head) >= 0 for mark in _WECHAT_MARKS):
        return None  # no mark in the head: no match of the head line could carry one
    for m in _WECHAT_HEAD.finditer(text, 0, head):
        if m["badge"] or m["before"] or m["after"]:  # a WeChat mark, not any "name date" line
            return m
    return None


def _unlabelled_byline(text: str, after: int) -> regex.Match | None:
    """The "site date" line right under the title (blank lines skipped), if it is one."""
    start = text.find("\n", after)
    if start < 0:
        return None
    while start < len(text) and text[start] in "\n\r\x20\t\u3000":
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if end - start > 60:
        return None
    return _BYLINE_SITE.fullmatch(text, start, end)


# The footer of a printed document below its signature: a page number (— 4 —), the 抄送/主送
# line and the 印发 line of the issuing office (…办公室　2023年4月20日印发).
_FOOTER_LINE = limits.compile(
    r"""
    [\x20\u3000\t]*
    (?:[—－\-]{1,2}[\x20\u3000]*\d{1,3}[\x20\u3000]*[—－\-]{1,2}     # — 4 —
      |(?:抄送|主送|抄报)[:：].*                                     # 抄送：县纪委监委…
      |.{0,40}?印发                                                # …办公室 2023年4月20日印发
    )
    [\x20\u3000\t]*
    """,
    regex.VERBOSE,
)
FOOTER_LINES = 4  # at most this many footer lines below the signature date


def signature_date(text: str) -> dt.date | None:
    r"""The date on the last non-blank line when that line is only a date.

    A printed document's footer below it (page number, 抄送, 印发 line) is skipped.

    >>> signature_date("……特此通报。\n\n中共某县委员会\n二〇二四年三月十五日\n")
    datetime.date(2024, 3, 15)
    >>> signature_date("中共某县委员会\n2023年4月20日\n\n— 4 —\n\n抄送：县纪委。\n某县办公室　2023年4月20日印发\n")
    datetime.date(2023, 4, 20)
    """
    end = len(text.rstrip())
    for _ in range(FOOTER_LINES + 1):
        start = text.rfind("\n", 0, end) + 1
        if end - start <= 30 and (m := _SIGNATURE_DATE.fullmatch(text, start, end)) is not None:
            return _match_date(m)
        if start == 0 or _FOOTER_LINE.fullmatch(text, start, end) is None:
            return None
        end = len(text[:start].rstrip())
    return None


def speech_date(text: str) -> dt.date | None:
    r"""The date of a report read at a meeting, from its "——…日在…会议上" line near the top.

    >>> speech_date("关于审计查出问题整改情况的报告\n\n——2023年12月27日在区人大常委会第十九次会议上\n")
    datetime.date(2023, 12, 27)
    """
    return _match_date(_SPEECH_DATE.search(text, 0, min(len(text), 400)))


def _match_date(m) -> dt.date | None:
    """The calendar date of a match with groups y, m, d (Arabic or Chinese numerals), if it is real."""
    if m is None:
        return None
    try:
        return dt.date(year_number(m["y"]), small_number(m["m"]), small_number(m["d"]))
    except (ValueError, KeyError):
        return None
