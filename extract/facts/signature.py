"""The issuer signed at the end of a notice, above (or beside) the signature date.

Used when the title names no issuer ("关于区委巡察整改情况的通报"):

    ……特此通报。
    中共某某区委巡察工作领导小组办公室
    2024年3月1日

→ "中共某某区委巡察工作领导小组办公室".  A name typeset over two lines
("中共某某区委巡察工作" / "领导小组办公室") is joined.  Only the short, unpunctuated
lines right above the date are read: body sentences never give an issuer.
"""

from __future__ import annotations

import regex

from zhenggai import limits
from zhenggai.facts.source import _SIGNATURE_DATE
from zhenggai.models import load_words

# How many non-blank lines at the end may follow the signature date (打印/关闭 links,
# a note such as (此件公开发布)).
TAIL_LINES = 6
NAME_CHARS = 40  # longest issuer name

_ENDINGS = "|".join(map(regex.escape, sorted(load_words("issuer_endings.txt"), key=len, reverse=True)))
_NAME = limits.compile(
    rf"""
    (?:中共|中国共产党)\p{{Han}}{{2,38}}             # 中共… (a party body)
    |\p{{Han}}{{1,38}}(?:{_ENDINGS})                  # 某市农业农村局 / …领导小组办公室 (data file)
    """,
    regex.VERBOSE,
)
# A line that continues a name broken over two lines: it starts with an organisation word.
_CONTINUATION = limits.compile(
    rf"""
    (?:{_ENDINGS}|领导|工作|整改)                    # 领导小组办公室 / 党组 / 委员会 …
    """,
    regex.VERBOSE,
)
# A date closing a signature line written on one line with the name: "中共某局党组  2024年3月1日".
_NAME_THEN_DATE = limits.compile(
    r"""
    (?P<name>[^\s\d]{4,40}?)[\x20\u3000\t]+             # the name, then blanks …
    (?=(?:\d{4}|[〇○零一二三四五六七八九]{4})[\x20]*年)  # … before the date
    """,
    regex.VERBOSE,
)


def _is_name(line: str) -> bool:
    return len(line) <= NAME_CHARS and _NAME.fullmatch(line) is not None


def issuer_from_signature(text: str) -> str | None:
    r"""The issuer name above the signature date at the end of ``text``, or None.

    >>> issuer_from_signature("……特此通报。\n\n中共某县委巡察工作领导小组办公室\n2024年3月1日\n")
    '中共某县委巡察工作领导小组办公室'
    >>> issuer_from_signature("……特此通报。\n中共某县委巡察工作\n领导小组办公室\n二〇二四年三月一日")
    '中共某县委巡察工作领导小组办公室'
    >>> issuer_from_signature("全年共整改问题12个。\n2024年3月1日") is None
    True
    """
    lines = [ln.strip() for ln in text[-2000:].split("\n")]
    lines = [ln for ln in lines if ln]
    tail = lines[-TAIL_LINES:]
    base = len(lines) - len(tail)
    for i in range(len(tail) - 1, -1, -1):
        line = tail[i]
        if len(line) > 60:
            continue
        if _SIGNATURE_DATE.fullmatch(line):
            above = lines[: base + i]
            return _name_above(above)
        beside = _NAME_THEN_DATE.match(line)
        if beside is not None and _SIGNATURE_DATE.fullmatch(line, beside.end()) and _is_name(beside["name"]):
            return beside["name"]
    return None


def _name_above(lines: list[str]) -> str | None:
    """The name on the last line(s) of ``lines``: one line, or two joined when the second continues it."""
    if not lines:
        return None
    last = lines[-1]
    if len(lines) >= 2:
        joined = lines[-2] + last
        first = lines[-2]
        if (_CONTINUATION.match(last) and len(last) <= 12 and _is_name(joined)
                and (first.startswith(("中共", "中国共产党")) or len(first) <= 20)):
            return joined
    return last if _is_name(last) else None
