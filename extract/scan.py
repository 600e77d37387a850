"""Run a mention pattern only where it can match: the runs of characters it can consume.

A pattern such as money's reads digits, numerals, 万/亿, 元 and a few qualifier
words; it can never consume 的, 整 or 。.  Every match therefore lies inside one
maximal *run* of consumable characters, and every match holds an *anchor* (元
or a currency marker for money, 倍/番 for multiples).  :class:`RunScanner`
finds the runs around the anchors and lets the pattern loose on those alone,
instead of trying it at each of the thousands of positions of a notice: the
same matches, several times faster.

>>> import regex
>>> from zhenggai import limits
>>> pat = limits.compile(r"\\d+倍  # a number and 倍", regex.VERBOSE)
>>> scanner = RunScanner(pat, consumable=r"\\d倍", anchor="倍")
>>> [m.group() for m in scanner.finditer("提高3倍,达到12倍以上")]
['3倍', '12倍']

Why the matches are the same as ``pattern.finditer(text)`` (checked against it
on random text in tests/test_scan.py):

* a pattern that cannot match the empty string matches nothing at a position
  whose character it cannot consume, and no match (no attempt, even) runs past
  a character it cannot consume: each attempt starting inside a run stays in it;
* a run without an anchor holds no match, so only runs around anchors are read;
* lookbehinds see the text before ``pos`` (the regex module reads the whole
  string), and the window ends ``reach`` + 2 characters after the run, so
  lookaheads (at most ``reach`` characters long) and ``$`` see what they see in
  the whole text;
* scans in successive runs restart exactly where the whole-text scan would:
  between runs there is nothing it could match.

``consumable`` must list every character any branch of the pattern can consume
outside lookarounds (a regex character-class body), ``anchor`` a regex whose
matches every match of the pattern contains (made of consumable characters).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from zhenggai import limits
from zhenggai.first_chars import first_chars


_MAX_FIRSTS = 3  # anchors starting with at most this many characters get the str pretest


def nearest(text: str, needles: tuple[str, ...] | list[str], pos: int, endpos: int) -> int:
    """Where the first of ``needles`` occurs in ``text[pos:endpos]`` (an index of ``text``), or -1.

    One ``str.find`` per needle: for a handful of needles cheaper than a class or alternation scan.

    >>> nearest("整改完成后公示", ("公示", "完成"), 0, 7), nearest("整改", ("公示",), 0, 2)
    (2, -1)
    """
    first = -1
    for needle in needles:
        at = text.find(needle, pos, endpos)
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first


class RunScanner:
    """``pattern.finditer`` restricted to the runs of ``consumable`` characters around ``anchor``s."""

    # A subclass's reading of a run without the pattern (None: every run takes the pattern): called as
    # ``_quick(text, pos, anchor, end)`` for the run whose first anchor starts at ``anchor`` and which
    # ends at ``end``, it returns the run's one match (match-like) when it can tell it, else None.
    _quick = None

    def __init__(self, pattern: limits.Pattern, consumable: str, anchor: str, reach: int = 2) -> None:
        self.pattern = pattern
        self.reach = reach + 2  # lookahead reach, plus room so that $ is never the window end
        # The first anchor and the rest of its run (the regex engine jumps between the
        # anchor's literals), then the start of that run, searching backwards.
        self._anchor_to_end = limits.compile(
            rf"""
            (?:{anchor})          # an anchor …
            [{consumable}]*+      # … and the rest of its run (possessive: nothing to give back)
            """,
            regex.VERBOSE,
        )
        self._stop_before = limits.compile(f"(?r)[^{consumable}]")  # no repetition: a linear scan
        # The characters an anchor can start with, when they are few: a text holding none
        # of them (most notices for 倍/番) has no run, which a str scan per character tells
        # faster than the search (with more characters the scans cost more than they save).
        firsts = first_chars(anchor, verbose=False)
        self._firsts = firsts if firsts is not None and len(firsts) <= _MAX_FIRSTS else None

    def runs(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[tuple[int, int]]:
        """(start, end) of each run of consumable characters in ``text[pos:endpos]`` that holds an anchor."""
        n = len(text) if endpos is None else min(endpos, len(text))
        while pos < n:
            found = self._run_at(text, pos, n)
            if found is None:
                return
            at, end = found
            before = self._stop_before.search(text, pos, at)
            yield (before.end() if before is not None else pos), end
            pos = end

    def _run_at(self, text: str, pos: int, n: int) -> tuple[int, int] | None:
        """(first anchor, end of its run) of the first run in ``text[pos:n]``, or None."""
        hit = self._anchor_to_end.search(text, pos, n)
        return None if hit is None else hit.span()

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, overlapped: bool = False
    ) -> Iterator[regex.Match[str]]:
        """The matches ``pattern.finditer(text, pos, endpos, overlapped=overlapped)`` would give, in order."""
        n = len(text) if endpos is None else min(endpos, len(text))
        if self._firsts is not None and not any(ch in text for ch in self._firsts):
            return
        # runs() inlined (a generator less per match); the same steps.
        run_at, stop_before, finditer, reach = self._run_at, self._stop_before.search, self.pattern.finditer, self.reach
        quick = self._quick
        while pos < n:
            found = run_at(text, pos, n)
            if found is None:
                return
            at, end = found
            if quick is not None:
                m = quick(text, pos, at, end)
                if m is not None:  # the run's one match, read without the pattern
                    yield m
                    pos = end
                    continue
            before = stop_before(text, pos, at)
            start = before.end() if before is not None else pos
            window = end + reach if end + reach < n else n
            for m in finditer(text, start, window, overlapped=overlapped):
                if m.start() >= end:
                    break  # the next run's business (and cut short by this window)
                yield m
            pos = end
