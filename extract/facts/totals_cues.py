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
                 "need_required", "is_right", "own_noun", "search", "req_bits")

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
        self.req_bits = 0  # one bit per set of ``required`` (numbered over the whole table by _rows)


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
    rows = tuple(_Row(i, *row) for i, row in enumerate(load_table("totals_cues.tsv")))
    bit = 0
    for row in rows:  # each required set of each row gets its own bit (see _required_bits)
        for _ in row.required:
            row.req_bits |= 1 << bit
            bit += 1
    return rows


@lru_cache(maxsize=None)
def _required_bits() -> dict[str, int]:
    """Character → the bits of the rows' required sets (``_Row.req_bits``) that hold it.

    OR-ing these over a clause's characters gives the sets the clause meets: a row's cue can
    match only where ``met & row.req_bits == row.req_bits`` (``lacks`` is False).
    """
    out: dict[str, int] = {}
    for row in _rows():
        bits = row.req_bits
        for need in row.required:
            low = bits & -bits  # this set's bit (the sets are numbered in order)
            bits ^= low
            for ch in need:
                out[ch] = out.get(ch, 0) | low
    return out


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

    The same lookups as bit masks: row ``rows[k]`` is bit ``1 << k``; ``left_bits``/``right_bits``
    map a character to the mask of its rows, ``always_bits`` is the rows with no bound.  OR-ing
    the masks of a clause's characters is one short loop (classify), and ``candidates`` turns a
    mask into its rows (memoised per mask: a pure function of the index and the mask).  A left
    character's bits also carry, above ``shift``, the required sets it is in (_required_bits),
    so the same loop says which sets the clause before the figure meets.
    """

    __slots__ = ("left", "left_any", "right", "right_any", "always", "rows", "left_bits", "right_bits",
                 "always_bits", "_of_mask", "row_bits", "shift")

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
        self.rows = rows
        bit = {row: 1 << k for k, row in enumerate(rows)}
        self.row_bits = (1 << len(rows)) - 1
        self.shift = len(rows)
        starts = {ch: sum(map(bit.__getitem__, found)) for ch, found in self.left.items()}
        required = _required_bits()
        # A left character's bits: the rows whose cue can start with it, and above them
        # (<< shift) the required sets it belongs to.
        self.left_bits = {ch: starts.get(ch, 0) | required.get(ch, 0) << self.shift
                          for ch in starts.keys() | required.keys()}
        self.right_bits = {ch: sum(map(bit.__getitem__, found)) for ch, found in self.right.items()}
        self.always_bits = sum(map(bit.__getitem__, self.always))
        self._of_mask: dict[int, tuple[_Row, ...]] = {}

    def candidates(self, mask: int) -> tuple[_Row, ...]:
        """The rows whose bits are set in ``mask``, in table order."""
        found = self._of_mask.get(mask)
        if found is None:
            found = tuple(row for k, row in enumerate(self.rows) if mask >> k & 1)
            if len(self._of_mask) < _MASK_MEMO:
                self._of_mask[mask] = found
        return found


_MASK_MEMO = 4096  # masks remembered per index (a notice meets a few dozen)


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
    left: str, right: str, kind: str, unit: str | None, sentence: str, noun: str | None = None,
    *, bmp: bool = False,
) -> str | None:
    """The totals key a figure answers, from the clause around it (None when no cue fits).

    ``left``/``right``: the clause before/after the figure; ``sentence``: its whole
    sentence, where a row's "need" word must occur; ``noun``: what the count counts,
    when a noun follows it (a left issues cue does not bind a count of something else:
    反映的问题分解到32个责任单位); ``bmp``: True when the caller knows ``left`` and ``right``
    hold no character beyond U+FFFF (both cut from a text without one: find_totals tests
    its text once), so each is not read again to choose the engine.

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
    # (One pass over ``left``: the rows that can start in it, and the required sets it meets.)
    # (A plain loop, OR-ing only the characters that have bits: cheaper than
    # reduce(or_, map(left_bits.get, left, repeat(0))), whose two-iterable map builds an
    # argument tuple per character and whose reduce calls or_ for each.)
    get = index.left_bits.get
    bits = 0
    for ch in left:
        ch_bits = get(ch)
        if ch_bits:
            bits |= ch_bits
    mask = bits & index.row_bits | index.always_bits | index.right_bits.get(right[:1], 0)
    rows = index._of_mask.get(mask)  # (index.candidates(mask), its memo read inline)
    if rows is None:
        rows = index.candidates(mask)
    left_met = bits >> index.shift  # the required sets (_Row.req_bits) the clause before meets
    best: tuple[int, int, str] | None = None
    right_met = None  # found once, when a row's test needs it
    left_bmp = right_bmp = bmp or None  # (likewise, unless the caller knows)
    for row in rows:
        # (cue_chars.lacks as bit masks: this loop runs for every candidate row of every figure)
        need = row.req_bits
        if row.is_right:
            if need:
                if right_met is None:
                    right_met = 0  # (the same plain loop over the clause after)
                    get = _required_bits().get
                    for ch in right:
                        ch_bits = get(ch)
                        if ch_bits:
                            right_met |= ch_bits
                if right_met & need != need:
                    continue  # the clause after the figure lacks a character the cue needs
        else:
            if other_noun and row.own_noun:
                continue  # 问题…分解到32个责任单位: the figure counts the units, not the issues
            if left_met & need != need:
                continue  # the clause before the figure lacks a character the cue needs
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
            if not gap:
                # The rows come in table order: a later one's order is higher, so with no gap
                # to undercut it cannot win; their searches are not made.
                break
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
