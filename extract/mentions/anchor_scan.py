"""RunScanner with its anchors found by Python's ``re``: the same runs, the same matches, a cheaper scan.

:class:`zhenggai.scan.RunScanner` finds each run by searching the whole remaining text for
``(?:anchor)[consumable]*+`` with the regex module, which reads every character of a notice
through its general matcher (money's and percent's anchor scans were about a third of those
extractors' work).  An anchor made of literals and classes of listed characters (元, 人民币,
%, 分之, a lookbehind on 0-9 …) matches alike on both engines, and ``re`` skips to the
anchors' first characters by a table: so :class:`LiteralAnchorScanner` finds the next anchor
with ``re``, then reads the run from it with the scanner's own pattern (``match`` where the
search would have found it, the regex module as before: ``\\d``, ``\\s`` read as there).
tests/test_mention_anchor_scan.py compares it with RunScanner and with the whole-text scan.

>>> import regex
>>> from zhenggai import limits
>>> pat = limits.compile(r"\\d+倍  # a number and 倍", regex.VERBOSE)
>>> [m.group() for m in LiteralAnchorScanner(pat, r"\\d倍", anchor="倍").finditer("提高3倍,达到12倍以上")]
['3倍', '12倍']
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from zhenggai import limits
from zhenggai.scan import RunScanner


class LiteralAnchorScanner(RunScanner):
    """``RunScanner`` whose anchor (no repetition, no ``\\d``/``\\s``/``\\w``/``\\p``: the same on
    both engines) is searched for on ``re``; ``finditer`` gives what ``RunScanner.finditer`` gives."""

    def __init__(self, pattern: limits.Pattern, consumable: str, anchor: str, reach: int = 2) -> None:
        super().__init__(pattern, consumable, anchor, reach)
        self._anchor = limits.plain(anchor)  # raises on a repetition

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, overlapped: bool = False
    ) -> Iterator[regex.Match[str]]:
        """The matches ``pattern.finditer(text, pos, endpos, overlapped=overlapped)`` would give, in order."""
        n = len(text) if endpos is None else min(endpos, len(text))
        if self._firsts is not None and not any(ch in text for ch in self._firsts):
            return
        anchor, anchor_to_end, stop_before, finditer, reach = (
            self._anchor.search, self._anchor_to_end.match, self._stop_before.search, self.pattern.finditer, self.reach
        )
        while pos < n:
            limits.check()  # (re has no timer; its anchor scan is linear, the deadline is checked per run)
            first = anchor(text, pos, n)
            if first is None:
                return
            # The regex search from pos finds its first match here: the first anchor, then the
            # run's rest (possessive: it always follows).
            at, end = anchor_to_end(text, first.start(), n).span()
            before = stop_before(text, pos, at)
            start = before.end() if before is not None else pos
            window = end + reach if end + reach < n else n
            for m in finditer(text, start, window, overlapped=overlapped):
                if m.start() >= end:
                    break  # the next run's business (and cut short by this window)
                yield m
            pos = end
