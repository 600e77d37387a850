"""Is this text cut off mid-notice?  The evidence for the ``truncated`` flag.

A page scraped in half, a crawl that kept page 1 of 2, a PDF missing its last
pages: the record looks complete unless the text's own end says otherwise.
Four signs, each enough:

- a pagination widget near the end (下一页, 尾页, 共2页 …: ``models/page_links.txt``);
- the text ends on a heading with nothing under it;
- the last line stops mid-sentence (a comma, an opening bracket, or a long body
  sentence with no closing punctuation; contact and trailer lines aside);
- the outline stops before the stated number of aspects and no closing part follows.

>>> truncation_reason("关于整改情况的通报\\n一、压实责任\\n召开专题会议，研究部署整改工作，明确责任分工和")
'the last line stops mid-sentence (…工作，明确责任分工和)'
>>> truncation_reason("关于整改情况的通报\\n一、压实责任\\n召开专题会议。\\n第1页 共2页 下一页") is not None
True
>>> truncation_reason("关于整改情况的通报\\n一、压实责任\\n召开专题会议。\\n2023年6月28日") is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
import re
from functools import lru_cache
from typing import Any

import regex

from zhenggai import limits
from zhenggai.facts.guards import Guarded
from zhenggai.facts.regions import walk
from zhenggai.models import load_words, word_alternation

# How far from the end a pagination widget counts (its lines, not the notice's).
_TAIL_LINES = 6
# A line this long without closing punctuation is a body sentence, not a signature or date.
_SENTENCE_LINE = 20

# The last lines are read stripped (:func:`_tail_lines`: ``str.strip`` removes every character the
# regex module's ``\s`` matches, and more), so a pattern ending ``\s*$`` matches one of them exactly
# when its last character ends a match: one test of that character or of the line's end instead of a
# search (tests/test_speed_r8_outline_truncation.py checks each against the pattern it replaces).
# A clause goes on after these: the text was cut here (was [，,、：:；;（(“‘《【—\-]\s*$).
_OPEN_END_CHARS = frozenset("，,、：:；;（(“‘《【—-")
# A sentence, a bracket or a quote closes here (was [。！？!?…）)”’》】\]\.]\s*$).
_CLOSED_END_CHARS = frozenset("。！？!?…）)”’》】].")
# A clause break: the line is prose, not a name or a date (was [，,]); a table row kept as a line
# (was [\t|]): each tested with ``in``.
_BODY_MARKS = ("，", ",")
_TABLE_MARKS = ("\t", "|")
# The last character of a bare heading marker, whose match is the whole line: its closing mark or a
# Chinese ordinal; a line ending on a ``\d`` matches only as (（)\d or \d\d, three characters at
# most (a length test: no Unicode table to keep in step with the regex module's ``\d``).
_BARE_MARKER_LAST = frozenset("）)、.．一二三四五六七八九十")
_BARE_MARKER = limits.compile(
    r"""
    ^[（(]?                              # an optional opening bracket
    (?:[一二三四五六七八九十]+|\d{1,2})   # an ordinal
    [）)、.．]?$                          # its closing mark, and nothing after it
    """,
    regex.VERBOSE,
)
_PAGE_COUNT = Guarded(limits.compile(
    r"""
    共\s*(?:[2-9]|[1-9]\d+)\s*页   # 共2页 … 共12页: more than one page
    """,
    regex.VERBOSE,
), ("页",))  # every match holds it (facts.guards)


@lru_cache(maxsize=None)
def _page_link_re() -> re.Pattern:
    return limits.plain(  # (words, no repetition: Python's re, see limits.plain)
        rf"""
        (?:{word_alternation(load_words("page_links.txt"))})   # 下一页 / 尾页 … from the data file
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _contact_labels() -> tuple[str, ...]:
    """联系电话 … (``models/contact_labels.txt``): a stripped last line ending on one has no value after
    it (the old pattern: the labels, then blanks to the end; see _OPEN_END_CHARS)."""
    return tuple(load_words("contact_labels.txt"))


@lru_cache(maxsize=None)
def _contact_re() -> re.Pattern:
    return limits.plain(  # (words, no repetition: Python's re, see limits.plain)
        rf"""
        (?:{word_alternation(load_words("contact_labels.txt"))})   # 电话 / 邮箱 … from the data file
        """,
        regex.VERBOSE,
    )


_DATE_LINE = limits.compile(
    r"""
    \d{4}\s*[-年./]                 # 2023年 / 2023-06-28: a date line (the signature date)
    |[〇○零一二三四五六七八九]{4}\s*年              # 二〇二三年
    """,
    regex.VERBOSE,
)
# A formula that ends a notice without a full stop (was 特此(?:通报|公告|通知|报告)$ on a stripped line).
_CLOSING_WORDS = ("特此通报", "特此公告", "特此通知", "特此报告")
# Every match of _DATE_LINE holds one of 年 - . / (its separator, or the 年 of a Chinese year):
# tested with ``in`` before the search (see _is_trailer).


@lru_cache(maxsize=None)
def _issuer_endings() -> tuple[str, ...]:
    """委员会 / 局 … (``models/issuer_endings.txt``): a short stripped line ending on one is a signed
    name (the old ``(?:endings)$|^中共``, with a line opening on 中共)."""
    return tuple(load_words("issuer_endings.txt"))


def _is_trailer(line: str) -> bool:
    """A line that ends a notice without punctuation: a date, a signed name, 特此通报."""
    if ("年" in line or "-" in line or "." in line or "/" in line) and _DATE_LINE.search(line):
        return True
    return line.endswith(_CLOSING_WORDS) or (
        len(line) < _SENTENCE_LINE and (line.endswith(_issuer_endings()) or line.startswith("中共")))


def _tail_lines(text: str, count: int) -> list[tuple[int, str]]:
    """(offset, stripped line) of the last ``count`` non-blank lines, in text order: read from
    the end, since only the tail of a notice tells whether it was cut.

    >>> _tail_lines("a\\n\\n b \\nc", 2)
    [(3, 'b'), (7, 'c')]
    """
    out: list[tuple[int, str]] = []
    end = len(text)
    while len(out) < count:
        cut = text.rfind("\n", 0, end)
        raw = text[cut + 1 : end]
        if raw.strip():
            out.append((cut + 1, raw.strip()))
        if cut < 0:
            break
        end = cut
    out.reverse()
    return out


def page_widget_line(lines: list[str]) -> str | None:
    """The first of ``lines`` holding a pagination widget (下一页, 共2页 …), or None.

    A widget word or page count found in a line is found in the lines joined, so one search of
    the joined lines rules the widget out (the usual case) before each line is read.

    >>> page_widget_line(["召开专题会议。", "第1页 共2页 下一页"]), page_widget_line(["召开专题会议。"])
    ('第1页 共2页 下一页', None)
    """
    tail = "\n".join(lines)
    if _page_link_re().search(tail) is None and _PAGE_COUNT.search(tail) is None:
        return None
    for line in lines:
        if _page_link_re().search(line) or _PAGE_COUNT.search(line):
            return line
    return None


def truncation_reason(text: str, outline: Sequence[Any] = (), aspects: int | None = None) -> str | None:
    """Why ``text`` looks cut off mid-notice, or None (see the module docstring for the signs)."""
    return reason_given_heading(text, outline, aspects, HEADING_UNKNOWN)


def last_heading_start(outline: Sequence[Any]) -> int | None:
    """The start of the last numbered heading of ``outline`` (a node with a marker; None without one).

    >>> from types import SimpleNamespace as N
    >>> last_heading_start([N(marker="一、", start=0, children=[N(marker="", start=9), N(marker="1.", start=5)])])
    5
    """
    last_heading = None
    for node in walk(outline):
        if getattr(node, "marker", "") and (last_heading is None or node.start > last_heading):
            last_heading = node.start
    return last_heading


# reason_given_heading's ``last_heading`` when the caller does not know it: looked up there.
HEADING_UNKNOWN = object()


def reason_given_heading(text: str, outline: Sequence[Any], aspects: int | None, last_heading: Any) -> str | None:
    """:func:`truncation_reason` with ``last_heading`` = :func:`last_heading_start` ``(outline)``, given
    by a caller that has walked the outline already (check_flags), or ``HEADING_UNKNOWN``, to find it here
    (only when the text has a last line)."""
    lines = _tail_lines(text, _TAIL_LINES)
    if not lines:
        return None
    widget = page_widget_line([line for _, line in lines])
    if widget is not None:
        return f"a link to another page ({widget[:30]})"
    last_start, last = lines[-1]
    if last_heading is HEADING_UNKNOWN:
        last_heading = last_heading_start(outline)
    if last_heading is not None and len(lines) > 1 and last_heading >= last_start:
        return f"it ends on the heading {last[:30]!r} with nothing under it"
    tail = last[-1]
    if (tail in _BARE_MARKER_LAST or len(last) < 4) and _BARE_MARKER.search(last):
        return f"it ends on the heading marker {last!r} with nothing after it"
    if last.count("（") + last.count("(") > last.count("）") + last.count(")"):
        return f"the last line opens a bracket it never closes (…{last[-10:]})"
    if tail in _OPEN_END_CHARS:
        return f"the last line stops mid-sentence (…{last[-10:]})"
    if last.endswith(_contact_labels()):
        return f"the last line ends on a label with no value (…{last[-10:]})"
    if not _contact_re().search(last) and _TABLE_MARKS[0] not in last and _TABLE_MARKS[1] not in last:
        if tail not in _CLOSED_END_CHARS and not _is_trailer(last) and len(lines) > 1:
            previous_start, previous = lines[-2]
            body = len(last) >= _SENTENCE_LINE and (_BODY_MARKS[0] in last or _BODY_MARKS[1] in last)
            after_heading = last_heading is not None and last_heading >= previous_start
            if body or after_heading or previous[-1] in _CLOSED_END_CHARS:
                return f"the last line stops mid-sentence (…{last[-10:]})"
    if not aspects:
        return None  # the last sign needs a stated number of aspects
    roots = list(outline)
    issue_roots = [n for n in roots if getattr(n, "role", None) == "issue"]
    if (issue_roots and len(issue_roots) < aspects and roots[-1] is issue_roots[-1]
            and not any(getattr(n, "role", None) == "closing" for n in walk(roots))):
        return (f"the outline stops after {len(issue_roots)} of {aspects} stated aspects "
                "and no closing part follows")
    return None
