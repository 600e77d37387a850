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

import regex

from zhenggai import limits
from zhenggai.scan import RunScanner


class LiteralAnchorScanner(RunScanner):
    """``RunScanner`` whose anchor (no repetition, no ``\\d``/``\\s``/``\\w``/``\\p``: the same on
    both engines) is searched for on ``re``; ``finditer`` (RunScanner's) gives what it gives there."""

    def __init__(self, pattern: limits.Pattern, consumable: str, anchor: str, reach: int = 2) -> None:
        super().__init__(pattern, consumable, anchor, reach)
        self._anchor = limits.plain(anchor)  # raises on a repetition

    def _run_at(self, text: str, pos: int, n: int) -> tuple[int, int] | None:
        """(first anchor, end of its run): the anchor found by ``re``, the run read from it."""
        limits.check()  # (re has no timer; its anchor scan is linear, the deadline is checked per run)
        first = self._anchor.search(text, pos, n)
        if first is None:
            return None
        # The regex search from pos finds its first match here: the first anchor, then the
        # run's rest (possessive: it always follows).
        return self._anchor_to_end.match(text, first.start(), n).span()


class CharAnchorScanner(LiteralAnchorScanner):
    """``LiteralAnchorScanner`` for an anchor that is one character of a short list (``[倍番]``):
    the next anchor is the nearest of ``str.find`` per character (a C search several times
    faster than ``re`` testing a class at each position), then the run is read from it as there.

    >>> import regex
    >>> from zhenggai import limits
    >>> pat = limits.compile(r"\\d+[倍番]  # a number and 倍", regex.VERBOSE)
    >>> [m.group() for m in CharAnchorScanner(pat, r"\\d倍番", chars="倍番").finditer("提高3倍,达到12番以上")]
    ['3倍', '12番']
    """

    def __init__(self, pattern: limits.Pattern, consumable: str, chars: str, reach: int = 2) -> None:
        super().__init__(pattern, consumable, "[" + regex.escape(chars) + "]", reach)
        self._chars = tuple(chars)

    def _run_at(self, text: str, pos: int, n: int) -> tuple[int, int] | None:
        """(first anchor, end of its run): the nearest anchor character, the run read from it."""
        limits.check()  # (as LiteralAnchorScanner: one deadline check per run)
        first = -1
        for ch in self._chars:
            at = text.find(ch, pos, n)
            if at >= 0 and (first < 0 or at < first):
                first = at
        if first < 0:
            return None
        return self._anchor_to_end.match(text, first, n).span()
