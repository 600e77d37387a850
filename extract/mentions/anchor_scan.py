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

from bisect import bisect_left

import regex

from zhenggai import limits
from zhenggai.scan import RunScanner, nearest


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
        first = nearest(text, self._chars, pos, n)
        if first < 0:
            return None
        return self._anchor_to_end.match(text, first, n).span()


def anchor_starts(text: str, words: tuple[tuple[str, str], ...]) -> tuple[list[int], list[int]] | None:
    """(starts, ends) of every occurrence in ``text`` of the anchor ``words``, sorted by start:
    each word a literal, with the characters one of which must stand right before it ("": any);
    found by ``str.find`` once per text.  None past ``_MAX_ANCHORS`` occurrences of the words
    (a hostile text: the scanner searches as before).

    >>> anchor_starts("完成三成,5%", (("%", ""), ("成", "三")))
    ([3, 6], [4, 7])
    """
    found: list[tuple[int, int]] = []
    find = text.find
    for word, before in words:
        size = len(word)
        at = find(word)
        while at >= 0:
            if not before or (at and text[at - 1] in before):
                found.append((at, at + size))
            if len(found) > _MAX_ANCHORS:
                return None
            at = find(word, at + 1)
    found.sort()
    return [s for s, _ in found], [e for _, e in found]


_MAX_ANCHORS = 400  # occurrences of anchor words (with the refused 成 of 完成) a text may hold


class PositionedAnchorScanner(LiteralAnchorScanner):
    """``LiteralAnchorScanner`` whose anchors, every branch a literal word (with at most a test of
    the character before it), are listed once per text by ``str.find`` (:func:`anchor_starts`)
    instead of searched for by ``re`` at each run: ``re`` tests the anchors' first characters at
    every position (about 70 instructions a character), a ``str.find`` per word costs a few.

    ``words`` must list the anchor's branches exactly: tests/test_speed_r7_mentions.py checks the
    starts against the anchor's ``re`` search.

    >>> import regex
    >>> from zhenggai import limits
    >>> pat = limits.compile(r"\\d+元  # a number and 元", regex.VERBOSE)
    >>> [m.group() for m in PositionedAnchorScanner(pat, r"\\d元", "元", (("元", ""),)).finditer("3元,12元")]
    ['3元', '12元']
    """

    def __init__(self, pattern: limits.Pattern, consumable: str, anchor: str,
                 words: tuple[tuple[str, str], ...], reach: int = 2, quick=None) -> None:
        """``quick``: a reading of a run without the pattern (``RunScanner._quick``) for text without
        characters beyond U+FFFF, or None."""
        super().__init__(pattern, consumable, anchor, reach)
        self.words = tuple(words)
        self._narrow_quick = quick
        self._run_end = run_end_std(self._anchor_to_end.pattern, self._anchor_to_end.flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, overlapped: bool = False,
                 astral: bool | None = None):
        """The matches ``pattern.finditer(text, pos, endpos, overlapped=overlapped)`` would give, in order.

        ``astral``: :func:`zhenggai.limits.astral` of ``text`` when the caller has it; False lets the
        runs be read by ``re`` (:func:`run_end_std`), which reads ``\\d`` as the regex module only below
        U+10000."""
        found = anchor_starts(text, self.words)
        if found is None:
            return super().finditer(text, pos, endpos, overlapped)
        return RunScanner.finditer(_Located(self, *found, astral is False), text, pos, endpos, overlapped)


class _Located:
    """One text's view of a :class:`PositionedAnchorScanner`: its runs start at the listed anchors."""

    __slots__ = ("pattern", "reach", "_firsts", "_stop_before", "_anchor_to_end", "_run_end", "_quick", "_starts",
                 "_ends")

    def __init__(self, scanner: PositionedAnchorScanner, starts: list[int], ends: list[int],
                 narrow: bool = False) -> None:
        """``narrow``: ``text`` holds no character beyond U+FFFF (then runs are read by ``re``)."""
        self.pattern, self.reach, self._firsts = scanner.pattern, scanner.reach, scanner._firsts
        self._stop_before, self._anchor_to_end = scanner._stop_before, scanner._anchor_to_end
        self._run_end = scanner._run_end if narrow else None
        self._quick = scanner._narrow_quick if narrow else None
        self._starts, self._ends = starts, ends

    def _run_at(self, text: str, pos: int, n: int) -> tuple[int, int] | None:
        """(first anchor, end of its run): the first listed anchor from ``pos`` that ends by ``n``.

        The run is read by ``re`` (``run_end_std``) in a window of ``RUN_WINDOW`` characters after
        the deadline check (one per run, as before); a run reaching the window's end is read again
        whole by the scanner's own pattern (the regex module, with its timer)."""
        end = limits._DEADLINE.get()  # (limits.check() inlined: one deadline check per run)
        if end is not None and limits._now() >= end:
            raise TimeoutError("zhenggai deadline passed")
        starts, ends = self._starts, self._ends
        i = bisect_left(starts, pos)
        while i < len(starts) and ends[i] > n:
            i += 1
        if i == len(starts):
            return None
        start = starts[i]
        if self._run_end is None:  # (the text may hold characters beyond U+FFFF)
            return self._anchor_to_end.match(text, start, n).span()
        stop = start + RUN_WINDOW
        if stop < n:
            run = self._run_end.match(text, start, stop)
            if run.end() < stop:  # the run ends inside the window: as the whole match ends it
                return start, run.end()
            return self._anchor_to_end.match(text, start, n).span()  # a long run: read it whole
        return self._run_end.match(text, start, n).span()


# The window in which _Located reads a run with re (far below limits.TIMER_MIN_CHARS; a money or
# percent run after its anchor is a few characters: 元,其中 stops at 其).
RUN_WINDOW = 64
assert RUN_WINDOW < limits.TIMER_MIN_CHARS

# \s as the regex module reads it (White_Space; Python's re adds \x1c-\x1f), spelled out for a class.
_REGEX_BLANKS = r"\t\n\x0b\x0c\r\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def run_end_std(pattern: str, flags: int):
    r"""``(?:anchor)[consumable]*+`` (a scanner's ``_anchor_to_end``) for Python's ``re``, which reads it
    as the regex module does: ``\s`` spelled as the regex module's blanks, ``\d`` left (both engines read
    it alike below U+10000; a text beyond takes the regex-only scanner).  No repetition but the
    possessive run of one class: linear in its window (tests/test_speed_r8_mentions.py compares the
    class over every character below U+10000).

    >>> run_end_std(r"(?:元)[\d\s,.]*+", 0).match("元, 2\x1c", 0).end()  # (re's \s holds \x1c)
    4
    """
    if "\\\\s" in pattern:  # an escaped backslash before s: not the class \s
        raise ValueError(f"cannot spell \\s for re in {pattern!r}")
    return limits._std_compile(pattern.replace(r"\s", _REGEX_BLANKS), flags)
