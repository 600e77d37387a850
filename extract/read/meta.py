"""Page metadata from text: the 来源/发布时间 info line, dates, dates in URLs, titles.

>>> info = parse_info_line("来源:杭州廉政网      发布时间:2023-06-02 16:43:23")
>>> info.site, info.published_at
('杭州廉政网', datetime.datetime(2023, 6, 2, 16, 43, 23))
>>> date_from_url("https://www.example.gov.cn/art/2023/1/6/art_1229_123.html")
datetime.date(2023, 1, 6)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import regex

from zhenggai import limits
from zhenggai.models import load_words
from zhenggai.read.script import is_traditional, to_simplified
from zhenggai.sitenames import site_note_start
from zhenggai.read.selectors import (
    BOILERPLATE_LINE,
    BREADCRUMB_LINE,
    DATE_LABELS,
    EDITOR_LABELS,
    INFO_LABEL,
    INFO_MAX_CHARS,
    SITE_LABELS,
    TITLE_SPLIT,
)

# A calendar date, optionally with a time: 2023-06-02 16:43:23, 2023年6月2日, 2023/6/2 16:43.
DATE_TIME = limits.compile(
    r"""
    (?<!\d)
    (?P<y> (?:19|20) \d{2} ) \s* [-/.年] \s*          # year, then - / . or 年
    (?P<m> \d{1,2} ) \s* [-/.月] \s*                   # month
    (?P<d> \d{1,2} ) (?!\d) \s* 日?                    # day
    (?: [\sT]* (?P<H> \d{1,2} ) \s* [:：时] \s*        # optional hour
        (?P<M> \d{2} ) (?: \s* [:：分] \s* (?P<S> \d{2} ) )? )?   # minutes, seconds
    """,
    regex.VERBOSE,
)

# Dates that CMSes put into article URLs.
URL_DATES = [
    limits.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),  # Hanweb /art/2023/1/6/
    limits.compile(r"/t(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})_\d+"),  # TRS /t20230106_123.html
    limits.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})/(?P<d>\d{2})/"),  # /2023-01/06/content_…
    limits.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})/"),  # /20230106/
    limits.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})/(?P<d>\d{2})/"),  # /202301/06/
    limits.compile(r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})/"),  # /c/2023-01-29/4656419.shtml
    limits.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})-(?P<d>\d{1,2})/"),  # /2025/12-17/588880.html
]
# A month folder (/2023/08/…) dates the page only to its month: a reference for relative dates
# (its first day), never a publication date.
URL_MONTH = limits.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0[1-9]|1[0-2])/(?P<d>)")

# Start of an info line: a label, a bracket, or a date ("2023-06-02 来源:…").
_INFO_START = limits.compile(r"\s*(?:[【\[(（]\s*)?(?:" + INFO_LABEL.pattern + r"|(?:19|20)\d{2}\s*[-/.年])", regex.VERBOSE)
_URL_HOST = limits.compile(
    r"^[a-z]+://[^/]+  # scheme and host: dates live in the path", regex.VERBOSE | regex.IGNORECASE
)
_SPACE_RUN = limits.compile(r"\s+  # a run of whitespace, collapsed to one space", regex.VERBOSE)
_FIELD_GAP = limits.compile(
    r"\s{2,}|\u3000  # two spaces or a full-width one: the next field of the line", regex.VERBOSE
)
# Trailing furniture around a value: brackets, separators, spaces.
_VALUE_STRIP = " \t\u3000\xa0|｜/丨【】[]()（）,，;；"
# Short head lines of reports that are no title: the speaker's byline, the
# venue line, a bare date, a metadata table row (scraped 信息公开 tables).
_NOT_TITLE = limits.compile(
    r"""
    ^[^\s,，。:：]{2,24}?(?:局长|厅长|审计长|主任|书记|院长|校长)\s*[\p{Han}·]{2,4}$   # 市审计局局长 某某
    |会议上\s*$                                                      # ——2023年…在…常委会第…次会议上
    |^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$              # 2023年9月28日 (the date line)
    |\|[^|\n]*\|                                                     # 索引号: | … | 成文日期: | … (table row)
    |^(?:索引号|公开方式|组配分类|主题分类|发布机构|文件编号|成文日期|有效性)\s*[:：]   # disclosure fields
    """,
    regex.VERBOSE,
)


# A line guessed as the title without a label must look like a notice title (hold a genre
# word such as 巡察/整改/通报); bylines ("(记者 王某)"), 摘要/导读 labels and nav lines
# ("首页 > 党务公开 > …") never are titles.
_GENRE_WORD = limits.compile(
    "|".join(map(regex.escape, load_words("title_genre_words.txt"))) + "  # 巡察 / 整改 / 通报 … (data file)",
    regex.VERBOSE,
)
_NOT_TITLE_FURNITURE = limits.compile(
    r"""
    ^[(（\[【]\s*(?:本报|本网|本台)?(?:记者|通讯员|作者|撰稿)[^)）\]】]{0,30}[)）\]】]\s*$   # (记者 王某) alone
    |^(?:摘要|摘\s要|导读|核心提示|编者按|内容提要)\s*[:：]?                           # 摘要 / 导读:
    |(?:首页|主页)\s*[>›»]                                                             # 首页 > 党务公开 > …
    |[>›»][^>›»\n]*[>›»]                                                               # two nav separators
    """,
    regex.VERBOSE,
)


def looks_like_title(line: str) -> bool:
    """Whether an unlabelled head line may be a notice's title.

    >>> looks_like_title("某区文旅体局巡察整改情况公示"), looks_like_title("摘要"), looks_like_title("(记者 王某)")
    (True, False, False)
    """
    return _NOT_TITLE_FURNITURE.search(line) is None and _GENRE_WORD.search(line) is not None


@dataclass
class Info:
    """What an info line says; fields are None when absent."""

    site: str | None = None
    published_at: datetime | date | None = None
    published_text: str | None = None  # the date as written on the page
    editor: str | None = None
    date_rank: int = 9  # which label gave the date: 0 发布…, 1 时间/日期, 2 成文/生成 (drafting), 9 none



def parse_datetime(text: str) -> datetime | date | None:
    """First valid date in ``text``; a ``datetime`` when a time follows it.

    >>> parse_datetime("发布日期：2023年06月02日")
    datetime.date(2023, 6, 2)
    >>> parse_datetime("2023-13-40") is None
    True
    """
    for match in DATE_TIME.finditer(text):
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            if match["H"] is None:
                return day
            return datetime(day.year, day.month, day.day, int(match["H"]), int(match["M"]), int(match["S"] or 0))
        except ValueError:
            continue
    return None


def date_from_url(url: str | None, month: bool = False) -> date | None:
    """Publication date encoded in a CMS article URL (with ``month``, also a /2023/08/ folder's first day).

    >>> date_from_url("http://www.example.gov.cn/xxgk/202301/t20230106_4123.html")
    datetime.date(2023, 1, 6)
    """
    if not url:
        return None
    path = _URL_HOST.sub("", url)
    for pattern in URL_DATES + ([URL_MONTH] if month else []):
        for match in pattern.finditer(path):
            try:
                return date(int(match["y"]), int(match["m"]), int(match["d"] or 1))
            except ValueError:
                continue
    return None


def _clean_value(value: str) -> str:
    return _SPACE_RUN.sub(" ", value).strip(_VALUE_STRIP)


def parse_info_line(line: str, simplified: str | None = None) -> Info | None:
    """Fields of an info line such as ``来源：某某网 | 发布日期：2023-01-06``, or None.

    ``simplified`` is ``to_simplified(line)`` for traditional pages: labels
    (來源, 發佈時間) are found there, values are cut from ``line`` as written.

    >>> parse_info_line("【责任编辑：王某】").editor
    '王某'
    >>> parse_info_line("來源：某某網　發佈時間：2023-02-20", "来源：某某网　发布时间：2023-02-20").site
    '某某網'
    >>> parse_info_line("一、关于落实主体责任的整改情况") is None
    True
    """
    scan = simplified if simplified is not None and len(simplified) == len(line) else line
    if len(line) > INFO_MAX_CHARS or not _INFO_START.match(scan):
        return None
    labels = list(INFO_LABEL.finditer(scan))
    info = Info()
    if not labels:
        return None
    head = line[: labels[0].start()]
    date_rank = 9  # rank of the label the current published_at came from (lower wins)
    if head.strip(_VALUE_STRIP):
        # A date before the first label ("2023-06-02 16:43 来源：长江网").
        info.published_at = parse_datetime(head)
        if info.published_at is None:
            return None
        info.published_text = head.strip(_VALUE_STRIP)
        date_rank = 1
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(line)
        raw = line[match.end() : end]
        label = match["label"]
        if label in SITE_LABELS and info.site is None:
            # 来源 values end at a run of spaces, which separates the next field, or at a
            # date stamp ("来源:某某日报 2016-08-17 11:05:24"): the unlabelled publication time.
            value = _FIELD_GAP.split(raw.strip(), maxsplit=1)[0]
            stamp = DATE_TIME.search(value)
            if stamp is not None:
                value = value[: stamp.start()]
                if date_rank > 1:
                    published = parse_datetime(stamp.group())
                    if published is not None:
                        info.published_at, info.published_text, date_rank = published, stamp.group().strip(), 1
            value = _clean_value(value)
            value = _clean_value(value[: site_note_start(to_simplified(value))])  # 某某网（转载）
            info.site = value or None
        elif label in DATE_LABELS and _date_rank(label) < date_rank:
            # 成文日期 (signed) yields to 发布日期 (published) on the same line, whatever the order.
            published = parse_datetime(raw)
            if published is not None:
                info.published_at, date_rank = published, _date_rank(label)
                found = DATE_TIME.search(raw)
                info.published_text = found.group().strip() if found else None
        elif label in EDITOR_LABELS and info.editor is None:
            value = _clean_value(_FIELD_GAP.split(raw.strip(), maxsplit=1)[0])
            info.editor = value or None
    if info.site is None and info.published_at is None and info.editor is None:
        return None
    info.date_rank = date_rank if info.published_at is not None else 9
    return info


def _date_rank(label: str) -> int:
    """Which date label names the publication best: 发布 first, 成文/生成 (drafting) last."""
    if label.startswith("发布"):
        return 0
    return 2 if label in ("成文日期", "生成日期") else 1


def merge_info(infos: list[Info]) -> Info:
    """First value of each field across several info lines; a drafting date (成文日期)
    yields to a publication date found on a later line (信息公开 tables put them in
    separate rows).

    >>> merge_info([parse_info_line("成文日期：2023-08-10"), parse_info_line("发布日期：2023-08-14")]).published_at
    datetime.date(2023, 8, 14)
    """
    merged = Info()
    for info in infos:
        merged.site = merged.site or info.site
        drafted = merged.date_rank == 2 and info.date_rank < 2
        if info.published_at is not None and (merged.published_at is None or drafted):
            merged.published_at, merged.published_text = info.published_at, info.published_text
            merged.date_rank = info.date_rank
        merged.editor = merged.editor or info.editor
    return merged


def info_header(info: Info) -> str | None:
    """The line the Document text carries under the title.

    >>> info_header(Info(site="某某网", published_text="2023-01-06"))
    '来源:某某网      发布时间:2023-01-06'
    """
    parts = []
    if info.site:
        parts.append(f"来源:{info.site}")
    if info.published_text:
        parts.append(f"发布时间:{info.published_text}")
    return "      ".join(parts) or None


def clean_title(title: str | None, site_names: tuple[str, ...] = ()) -> str | None:
    """A ``<title>`` without the site name glued to it.

    >>> clean_title("关于巡察整改情况的通报_某某市民政局")
    '关于巡察整改情况的通报'
    """
    if not title:
        return None
    title = _SPACE_RUN.sub(" ", title).strip()
    parts = [p for p in TITLE_SPLIT.split(title) if p and p.strip()]
    parts = [p for p in parts if p not in site_names] or parts
    return max(parts, key=len).strip() if parts else None


def is_header_furniture(line: str) -> bool:
    """Breadcrumbs and widget lines that sit above a title in saved pages (line already simplified)."""
    return bool(BREADCRUMB_LINE.match(line) or BOILERPLATE_LINE.fullmatch(line))


def txt_header(text: str) -> tuple[str | None, Info]:
    """Title and info of a plain-text notice (a saved page or a typed notice).

    The title is the line just above an info line near the top, else the
    first short line that is no breadcrumb and does not end a sentence.

    >>> txt_header("栏目\\n\\n您当前的位置：首页\\n关于整改情况的通报\\n来源:某网  发布时间:2023-01-06\\n\\n正文。")[0]
    '关于整改情况的通报'
    """
    lines = [ln.strip() for ln in text.split("\n", 40)[:40]]
    lines = [ln for ln in lines if ln]
    probes = [to_simplified(ln) for ln in lines[:12]] if is_traditional(text[:5000]) else lines[:12]
    for i, line in enumerate(lines[:12]):
        info = parse_info_line(line, probes[i])
        if info is not None and (info.site or info.published_at):
            title = None
            for j in range(i - 1, -1, -1):
                if _NOT_TITLE.search(probes[j]):
                    break  # a metadata row or byline above the info line: no title there
                if is_header_furniture(probes[j]) or _NOT_TITLE_FURNITURE.search(probes[j]):
                    continue  # a byline, 摘要 or nav line between the title and the info line
                if (looks_like_title(probes[j]) and len(lines[j]) <= 100
                        and not lines[j].endswith(("。", "；", ";", "：", ":"))):
                    title = lines[j]
                break  # the nearest other line is the title or there is none (never a body sentence)
            return title, info
    for i, line in enumerate(lines[:6]):
        if (is_header_furniture(probes[i]) or parse_info_line(line, probes[i]) or _NOT_TITLE.search(probes[i])
                or not looks_like_title(probes[i])):
            continue
        if len(line) <= 100 and not line.endswith(("。", "；", ";", "：", ":")):
            return line, Info()
        break
    return None, Info()
