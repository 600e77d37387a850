"""Sentences cut over short lines (a notice board's 公示): the line breaks inside them.

A village 公示 is set in lines of a dozen characters, so one sentence runs over three or
four lines ("今年3月4日至4月12日，⏎县委第五巡察组对我村⏎开展了常规巡察。").  The fact readers
take a line break as the end of a sentence; in such a layout, :func:`join_short_lines`
turns each break that falls inside a sentence into a space.  The text keeps its length,
so every offset (mentions, outline) stays valid.

>>> t = "各位村民：\\n今年3月4日至4月12日，\\n县委第五巡察组对我村\\n开展了常规巡察。\\n" * 4
>>> join_short_lines(t).splitlines()[1]
'今年3月4日至4月12日， 县委第五巡察组对我村 开展了常规巡察。'
"""

from __future__ import annotations

import regex

from zhenggai import limits

SHORT_LINE = 16  # a line of at most this many characters is short
MIN_LINES = 12  # the layout needs at least this many non-blank lines ...
MIN_SHARE = 0.6  # ... and this share of them short

# A line that opens a section or an item: a break before it is a real one.
_MARKER = limits.compile(
    r"""
    [\x20\u3000\t]*
    (?:[一二三四五六七八九十]{1,3}[、.．]         # 一、
      |\d{1,2}[.．、](?!\d)                      # 1. (not 12.4万元)
      |[（(][一二三四五六七八九十\d]{1,3}[）)]   # （一） / (1)
    )
    """,
    regex.VERBOSE,
)
_SENTENCE_END = frozenset("。！？!?；;：:")  # a line ending in these ends its sentence


def join_short_lines(text: str) -> str:
    """``text`` with the line breaks inside sentences made spaces, in a short-line layout only."""
    lines = text.split("\n")
    if len(lines) < MIN_LINES:
        return text  # too few lines, blank or not
    filled = short = 0  # non-blank lines, and the short ones among them
    for ln in lines:
        size = len(ln.strip(" \t\u3000"))
        if size:
            filled += 1
            short += size <= SHORT_LINE
    if filled < MIN_LINES or short < MIN_SHARE * filled:
        return text
    out = list(text)
    pos = 0
    for k, line in enumerate(lines[:-1]):
        pos += len(line)  # pos: the index of the "\n" after this line
        here, after = line.rstrip(" \t\u3000"), lines[k + 1]
        if here and after.strip(" \t\u3000") and here[-1] not in _SENTENCE_END \
                and not _MARKER.match(line) and not _MARKER.match(after):
            out[pos] = " "
        pos += 1
    return "".join(out)
