"""The two-character openings a regex match can start with: a sharper test than its first characters.

The topic tags of the issue taxonomy (models/issue_categories.tsv) are large
alternations of cue words; an issue statement holds the first character of about
half of them (问, 整, 学 …) but the opening pair of only one or two.  Looking the
statement's character pairs up among the tags' possible openings
(``zhenggai.facts.categories``) skips the tags that cannot match, before their
pattern runs.

>>> sorted(first_pairs("上[一]?轮|整改(?:不到位|台账)"))
['上一', '上轮', '整改']
>>> sorted(first_pairs("河[湖长]|污染(?:防治)?|环"))
['污染', '河湖', '河长', '环']
>>> sorted(first_pairs("(?<!廉洁|廉政)风险"))          # a lookbehind consumes nothing
['风险']
>>> sorted(first_pairs("的[^，。；]{0,24}问题"))        # 的, then any character (or 问 at once)
['的', '的问']
>>> first_pairs("(?:问题)?") is None                    # may match the empty string: no test
True

An opening of one character means "this character, then anything (or the end)".
The fragment is read with Python's regex parser, as :mod:`zhenggai.first_chars` does;
what it cannot read or bound gets ``None``: no test, the pattern alone decides.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from zhenggai.first_chars import _C, _REPEATS, _ZERO_WIDTH, _Unbounded, _class, _parser

_MAX_OPENINGS = 20_000  # more possible openings than this: no useful test

# A partial opening: the characters consumed so far, and whether they are all of what the
# path consumed (True: the next item continues it; False: an unknown character follows).
_State = tuple[str, bool]
_START: frozenset[_State] = frozenset({("", True)})


def first_pairs(fragment: str) -> frozenset[str] | None:
    """Openings (one or two characters) some match of ``fragment`` must start with; None: no bound."""
    return first_openings(fragment, 2)


@lru_cache(maxsize=None)
def first_openings(fragment: str, n: int) -> frozenset[str] | None:
    """Openings of at most ``n`` characters some match of ``fragment`` must start with; None: no bound.

    >>> sorted(first_openings("整改(?:不到位|台账)|回头看", 3))
    ['回头看', '整改不', '整改台']
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(fragment, 0)
        if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
            return None  # a global (?i) changes what a literal matches
        states = _sequence(list(parsed), n)
    except (re.error, _Unbounded, TypeError, ValueError, AttributeError, RecursionError):
        return None
    openings = frozenset(s for s, _ in states)
    if not openings or "" in openings or len(openings) > _MAX_OPENINGS:
        return None
    return openings


def _then(states: set[_State] | frozenset[_State], item: set[_State], n: int) -> set[_State]:
    """The openings of ``states`` followed by ``item``'s."""
    out: set[_State] = set()
    for s, whole in states:
        if not whole or len(s) >= n:
            out.add((s, False))
            continue
        for t, t_whole in item:
            u = s + t
            out.add((u[:n], False) if len(u) >= n else (u, t_whole))
        if len(out) > _MAX_OPENINGS:
            raise _Unbounded
    return out


def _sequence(items: list, n: int) -> set[_State]:
    states: set[_State] = set(_START)
    for op, av in items:
        if all(not whole or len(s) >= n for s, whole in states):
            break  # every path already has its opening: later items change nothing
        states = _then(states, _item(op, av, n), n)
    return states


def _item(op, av, n: int) -> set[_State]:
    if op is _C.LITERAL:
        return {(chr(av), True)}
    if op in _ZERO_WIDTH:
        return set(_START)  # consumes nothing
    if op is _C.IN:
        try:
            return {(ch, True) for ch in _class(av)}
        except _Unbounded:
            return {("", False)}  # a negated or category class: some unknown character
    if op is _C.BRANCH:
        out: set[_State] = set()
        for branch in av[1]:
            out |= _sequence(list(branch), n)
        return out
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        if add_flags or del_flags:
            raise _Unbounded  # (?i) and friends change what a literal matches
        return _sequence(list(pattern), n)
    if op in _REPEATS:
        low, high, pattern = av
        inner = _sequence(list(pattern), n)
        out = set(_START) if low == 0 else set()
        states: set[_State] = set(_START)
        for count in range(1, high + 1):
            before = states
            states = _then(states, inner, n)
            if count >= low:
                out |= states
            if states == before and count >= low:
                break  # a fixed point (the inner part may be empty): more repeats add nothing
            if count >= low + n and all(not whole or len(s) >= n for s, whole in states):
                break
        return out
    if op in (_C.ANY, _C.NOT_LITERAL):
        return {("", False)}
    raise _Unbounded  # GROUPREF, conditionals …
