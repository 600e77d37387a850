"""Lines of a paginated text layer → paragraphs.

PDF text comes as lines per page.  Running headers and footers (a line that
recurs on most pages) and page numbers ("- 3 -", "第3页", "3/10") go; lines
broken inside a paragraph are joined again: a line that does not end a
sentence (。；：！？) runs on into the next unless the next one starts with a
heading marker (一、 （一） 1. （1） 第一条 附件).

>>> join_lines(["一、总体情况", "巡察反馈的8个问题已完成整改，", "剩余问题正在推进。", "二、下一步打算"])
['一、总体情况', '巡察反馈的8个问题已完成整改，剩余问题正在推进。', '二、下一步打算']
"""

from __future__ import annotations

import math

import regex

from zhenggai import limits

# A line that is only a page number, in the forms Chinese documents use.
PAGE_NUMBER = limits.compile(
    r"""
    \s* (?:
        [-—–－_]* \s* \d{1,4} \s* [-—–－_]*                        # - 3 -, — 3 —, 3
      | [-—–－]+ \s* [一二三四五六七八九十百〇零]{1,4} \s* [-—–－]+   # — 三 —
      | 第 \s* \d{1,4} \s* 页 (?: \s* [,，/]? \s* 共 \s* \d{1,4} \s* 页 )?   # 第3页 / 第3页 共10页
      | 共 \s* \d{1,4} \s* 页 \s* [,，]? \s* 第 \s* \d{1,4} \s* 页       # 共10页 第3页
      | \d{1,4} \s* / \s* \d{1,4}                                   # 3/10
      | (?i: page) \s* \d{1,4} (?: \s* (?i: of) \s* \d{1,4} )?     # Page 3 of 10
    ) \s*
    """,
    regex.VERBOSE,
)

# Start of a heading: a new paragraph even when the line before runs on.
HEADING_START = limits.compile(
    r"""
    \s* (?:
        [一二三四五六七八九十百]{1,3} \s* [、.．]                   # 一、
      | [（(] \s* [一二三四五六七八九十百]{1,3} \s* [)）]          # （一）
      | \d{1,3} \s* [.．、] (?!\d)                                # 1. / 1、 (not 1.5)
      | [（(] \s* \d{1,3} \s* [)）]                                # （1）
      | [①-⑳]                                                    # ①
      | 第 [一二三四五六七八九十百零〇\d]{1,4} [章节条部分]         # 第一条
      | 附件                                                       # 附件1
    )
    """,
    regex.VERBOSE,
)

# Sentence end: 。；：！？ (and ASCII twins), maybe followed by a closing quote or bracket.
SENTENCE_END = limits.compile(r"[。；：！？;:!?][”’」』）)】]*\s*$")
_DIGITS = limits.compile(r"\d+")
# Latin words wrapped at a line end get a space back; digits do not (a number
# split over two lines, "9" + "5%", is one number).
_ASCII_WORD_END = limits.compile(r"[A-Za-z]$")
_ASCII_WORD_START = limits.compile(r"^[A-Za-z]")
FURNITURE_MAX_CHARS = 40
EDGE_LINES = 3  # header/footer candidates: this many lines at the top and bottom of a page


def strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages.

    >>> pages = [["某某局文件", "正文一。", "- 1 -"], ["某某局文件", "正文二。", "- 2 -"]]
    >>> strip_page_furniture(pages)
    [['正文一。'], ['正文二。']]
    """
    pages = [[ln.strip() for ln in page if ln.strip()] for page in pages]
    pages = [[ln for ln in page if not PAGE_NUMBER.fullmatch(ln)] for page in pages]
    if len(pages) < 2:
        return pages
    counts: dict[str, int] = {}
    for page in pages:
        # Running heads and feet are short; long edge lines are body text.
        edge = {ln for ln in page[:EDGE_LINES] + page[-EDGE_LINES:] if len(ln) <= FURNITURE_MAX_CHARS}
        for key in {_DIGITS.sub("#", ln) for ln in edge}:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, math.ceil(0.6 * len(pages)))
    repeated = {key for key, n in counts.items() if n >= need}
    out = []
    for page in pages:
        last = len(page) - EDGE_LINES
        out.append([
            ln for i, ln in enumerate(page)
            if not ((i < EDGE_LINES or i >= last) and _DIGITS.sub("#", ln) in repeated)
        ])
    return out


def _typical_width(lines: list[str]) -> int | None:
    lengths = sorted(len(ln) for ln in lines if len(ln) >= 10)
    if not lengths:
        return None
    if len(lengths) < 8:
        return lengths[-1]  # few lines: the longest one is as wide as the page gets
    return lengths[int(len(lengths) * 0.8)]


def join_lines(lines: list[str]) -> list[str]:
    """Paragraphs from wrapped lines (see the module docstring)."""
    lines = [ln.strip() for ln in lines if ln.strip()]
    width = _typical_width(lines)
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if current and _ASCII_WORD_END.search(current) and _ASCII_WORD_START.search(line):
            current += " "
        current += line
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        ends = (
            nxt is None
            or SENTENCE_END.search(line) is not None
            or HEADING_START.match(nxt) is not None
            # A line well short of the page width ends its paragraph (titles, 落款).
            or (width is not None and len(line) < 0.7 * width)
        )
        if ends:
            paragraphs.append(current)
            current = ""
    return paragraphs
