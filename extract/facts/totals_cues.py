"""Cue tables of the notice-level totals: which total a figure answers, from its clause.

The rows come from ``models/totals_cues.tsv`` (counts and percents) and
``models/totals_money_cues.tsv`` (money categories); ``zhenggai.facts.totals``
assembles the totals from what these functions say about each figure:

    classify("巡察反馈的", "具体问题中", "count", "个", …)   → 'issues'
    money_category("共挽回国有资产损失")                    → ('挽回', True)

A left cue ends the clause right before the figure (a short gap allowed, the
nearest cue wins); a right cue starts right after it.  Ties go to the earlier
table row, so more specific rows come first in the data file.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import repeat

import regex

from zhenggai import limits
from zhenggai.facts.cue_chars import lacks_in, required_chars
from zhenggai.first_chars import first_chars
from zhenggai.models import load_table, load_words

# How far (in characters, within the clause) a left cue may stand from the figure.
LEFT_GAP = 10
MONEY_GAP = 16
# Keys whose left cue names the counted noun itself (反馈问题共31个): a count followed
# by another noun (32个责任单位) is not theirs.
_OWN_NOUN_KEYS = frozenset({"issues"})
_ISSUE_WORD = "问题"


class _Row:
    __slots__ = ("key", "kind", "units", "side", "pattern", "need", "order", "gap", "first", "required",
                 "need_required", "is_right", "own_noun", "search")

    def __init__(self, order: int, key: str, kind: str, units: str, side: str, fragment: str, need: str = ""):
        self.order, self.key, self.kind, self.side = order, key, kind, side
        self.is_right = side != "left"  # (classify tests this flag, not the string, for every row)
        self.own_noun = key in _OWN_NOUN_KEYS  # the cue names the counted noun itself
        self.units = None if units == "*" else frozenset(u.strip() for u in units.split(","))
        if side == "left":
            # The cue, then a short gap of non-delimiters, then the clause end (the figure).
            self.pattern = limits.compile(
                rf"""
                (?:{fragment})             # the cue from the data file
                (?P<gap>[^,;。:、\n\d%]{{0,{LEFT_GAP}}})$   # a short gap up to the figure; a number
                                                       # inside it owns the cue (完成率达到100%的51个)
                """,
                regex.VERBOSE,
            )
        else:
            self.pattern = limits.compile(
                rf"""
                ^(?:{fragment})            # the cue right after the figure
                """,
                regex.VERBOSE,
            )
        self.need = limits.compile(need) if need else None
        # The cue's search on a clause: Python's re where both engines read the pattern alike
        # (limits.Twin: a clause is far below the regex timer's threshold), else the regex one.
        self.search = (limits.Twin(self.pattern) if plain_syntax(fragment) else self.pattern).search
        # Number of the "gap" group: a group by number is far cheaper than by name in regex.
        self.gap = self.pattern.groupindex.get("gap")
        # Characters the cue must start with (None: no such bound): a set test skips most rows.
        self.first = first_chars(fragment)
        # Character sets every match of the cue / of the need word holds one of (zhenggai.facts.cue_chars).
        self.required = required_chars(fragment)
        self.need_required = required_chars(need, verbose=False) if need else ()


# Escapes the two engines read alike (\d: the same digits below U+10000; astral text goes
# to the regex engine): a fragment with any other escape (\s, \p{Han} …) stays on regex.
_PLAIN_ESCAPES = limits.compile(
    r"""
    \\(?![dn])         # a backslash that does not open \d or \n
    """,
    regex.VERBOSE,
)


def plain_syntax(fragment: str) -> bool:
    """Whether ``fragment`` keeps to syntax Python's ``re`` reads as the regex module does.

    >>> plain_syntax("(?:已|均已)完成[^,;。\\d]{0,8}"), plain_syntax("\\s*(?:大?方面)"), plain_syntax("[\\p{Han}]")
    (True, False, False)
    """
    return _PLAIN_ESCAPES.search(fragment) is None


def _bmp(text: str) -> bool:
    """Whether ``text`` holds no character beyond U+FFFF (where re and regex read \\d alike)."""
    return not text or max(text) <= "\uffff"


@lru_cache(maxsize=None)
def _rows() -> tuple[_Row, ...]:
    return tuple(_Row(i, *row) for i, row in enumerate(load_table("totals_cues.tsv")))


@lru_cache(maxsize=None)
def _rows_of(kind: str) -> tuple[_Row, ...]:
    """The rows for one mention kind, in table order."""
    return tuple(row for row in _rows() if row.kind == kind)


class _CueIndex:
    """The rows of one (mention kind, unit), indexed by the characters their cues start with.

    ``left``/``right`` map a character to the left/right rows whose cue can start with it;
    ``left_any``/``right_any`` hold the rows with no such bound (always tried).  A left cue
    must start somewhere in the clause before the figure, a right cue at the clause's first
    character: classify looks up those characters instead of testing every row.
    """

    __slots__ = ("left", "left_any", "right", "right_any", "always")

    def __init__(self, rows: tuple[_Row, ...]) -> None:
        self.left: dict[str, tuple[_Row, ...]] = {}
        self.right: dict[str, tuple[_Row, ...]] = {}
        self.left_any = tuple(r for r in rows if r.side == "left" and r.first is None)
        self.right_any = tuple(r for r in rows if r.side != "left" and r.first is None)
        self.always = frozenset(self.left_any + self.right_any)  # both, ready to join the looked-up rows
        for row in rows:
            if row.first is not None:
                table = self.left if row.side == "left" else self.right
                for ch in row.first:
                    table[ch] = (*table.get(ch, ()), row)


_NO_ROWS = repeat(())  # the default of each character's lookup (no row starts with it)


@lru_cache(maxsize=256)
def _cue_index(kind: str, unit: str | None) -> _CueIndex:
    """The index of the rows for a figure of this kind and unit (a row's units must allow it)."""
    return _CueIndex(tuple(row for row in _rows_of(kind) if row.units is None or unit in row.units))


@lru_cache(maxsize=None)
def _plan() -> limits.Pattern:
    words = sorted(load_words("totals_plan_words.txt"), key=len, reverse=True)
    return limits.compile(
        rf"""
        (?:{"|".join(map(regex.escape, words))})   # 再 / 将 / 计划 … (data file): a plan in the closing
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _money_rows() -> tuple[tuple[str, bool, limits.Pattern, frozenset[str] | None], ...]:
    out = []
    for category, recovered, fragment in load_table("totals_money_cues.tsv"):
        pattern = limits.compile(
            rf"""
            (?<!未|没有|待)                       # 尚未追回/待收回: money NOT got back is no such total
            (?:{fragment})                       # the money cue from the data file
            [^,;。:、\n]{{0,{MONEY_GAP}}}?       # 经济损失 / 违规使用的医保基金 … up to the amount,
            (?:共计|合计|总计|累计|共)?$          # then 共计 right before it (outside the gap)
            """,
            regex.VERBOSE,
        )
        out.append((category, recovered == "1", pattern, first_chars(fragment)))
    return tuple(out)


def classify(
    left: str, right: str, kind: str, unit: str | None, sentence: str, noun: str | None = None
) -> str | None:
    """The totals key a figure answers, from the clause around it (None when no cue fits).

    ``left``/``right``: the clause before/after the figure; ``sentence``: its whole
    sentence, where a row's "need" word must occur; ``noun``: what the count counts,
    when a noun follows it (a left issues cue does not bind a count of something else:
    反映的问题分解到32个责任单位).

    >>> classify("巡察反馈的", "具体问题中", "count", "个", "巡察反馈的")
    'issues'
    >>> classify("", "问题已完成整改", "count", "个", "")
    'completed'
    >>> classify("反映的问题分解到", "责任单位", "count", "个", "", noun="责任单位") is None
    True
    """
    other_noun = noun is not None and _ISSUE_WORD not in noun
    index = _cue_index(kind, unit)
    # The rows worth a search: left cues that can start at some character of ``left``,
    # right cues that can start with the first character of ``right``.  The best
    # candidate is a minimum, so the order they are tried in does not matter.
    left_chars = set(left)
    rows = index.always.union(index.right.get(right[:1], ()), *map(index.left.get, left_chars, _NO_ROWS))
    best: tuple[int, int, str] | None = None
    right_chars = left_bmp = right_bmp = None  # found once, when a row's test needs them
    for row in rows:
        # (cue_chars.lacks, inlined: this loop runs for every candidate row of every figure)
        if row.is_right:
            if row.required:
                if right_chars is None:
                    right_chars = set(right)
                for need in row.required:
                    if need.isdisjoint(right_chars):
                        break  # the clause after the figure lacks a character the cue needs
                else:
                    need = None
                if need is not None:
                    continue
        else:
            if other_noun and row.own_noun:
                continue  # 问题…分解到32个责任单位: the figure counts the units, not the issues
            for need in row.required:
                if need.isdisjoint(left_chars):
                    break  # the clause before the figure lacks a character the cue needs
            else:
                need = None
            if need is not None:
                continue
        if row.need_required and lacks_in(row.need_required, sentence):
            continue  # the sentence cannot hold the row's need word
        if row.is_right:
            if right_bmp is None:
                right_bmp = _bmp(right)
            m = row.search(right) if right_bmp else row.pattern.search(right)
            if m is None:
                continue
            gap = 0
        else:
            if left_bmp is None:
                left_bmp = _bmp(left)
            m = row.search(left) if left_bmp else row.pattern.search(left)
            if m is None:
                continue
            gap = len(m[row.gap])
        if row.need is not None and not row.need.search(sentence):
            continue
        cand = (gap, row.order, row.key)
        if best is None or cand < best:
            best = cand
    return best[2] if best else None


def money_category(left: str) -> tuple[str, bool] | None:
    """(category, recovered) of an amount from the clause before it.

    >>> money_category("共挽回国有资产损失")
    ('挽回', True)
    """
    chars = set(left)  # once: each row's first-character test is then a set intersection
    for category, recovered, pattern, first in _money_rows():
        if first is not None and first.isdisjoint(chars):
            continue  # the cue cannot start anywhere in the clause
        if pattern.search(left):
            return category, recovered
    return None
