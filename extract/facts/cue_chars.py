"""Characters a cue's match cannot do without: a cheap set test before running the regex.

The totals cue tables (``models/totals_cues.tsv``) hold some forty patterns, and each
figure's clause is tried against many of them; most clauses hold no match.  A match of

    (?:已|均已)(?:完成整改|整改完成|完成)(?:的)?

holds 已 (from the first group: 已, or 均已 which holds 已 too) and one of 改/成 (each word of
the second group holds one of them; the last of its rarest characters is taken): a clause
without them cannot match, and a set test says so far faster than the search.

>>> [sorted(s) for s in required_chars("(?:已|均已)(?:完成整改|整改完成|完成)(?:的)?")]
[['已'], ['成', '改']]
>>> required_chars("[^,;。]{0,8}?处分")
(frozenset({'处'}), frozenset({'分'}))
>>> required_chars("(?:问题)?")                  # may match the empty string: no claim
()

Only what every match must hold is claimed; a construct the reading cannot bound (a
negated class, a category such as ``\\d``, a lookaround, an optional part, ``\\p{Han}``)
adds nothing.  ``\\p{…}``/``\\P{…}`` (regex-only syntax) are read as ``\\w`` before the
fragment is parsed with Python's own parser, which is safe because a category makes no
claim.  Same parser as zhenggai.first_chars.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from functools import lru_cache

from zhenggai.first_chars import _C, _parser

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT}
if hasattr(_C, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_C.POSSESSIVE_REPEAT)
_MAX_CLASS = 64  # a class with more characters than this is no useful test
# \p{Han} / \P{Lu} / \pL: regex-only property classes, read as \w (a category: no claim).
_PROPERTY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")

Required = tuple[frozenset[str], ...]


@lru_cache(maxsize=None)
def required_chars(fragment: str, verbose: bool = True) -> Required:
    """Character sets every match of ``fragment`` holds one character of (``()``: no claim).

    ``verbose``: the fragment is embedded in a VERBOSE pattern.
    """
    if "(?i" in fragment or "(?f" in fragment or "\\\\" in fragment:
        return ()  # case-insensitive literals match more than themselves; \\ (a literal
        # backslash) would confuse the reading of \p{…} below
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(_PROPERTY.sub(r"\\w", fragment), re.VERBOSE if verbose else 0)
    except (re.error, TypeError, ValueError, AttributeError, OverflowError):
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()
    return tuple(frozenset(s) for s in _sequence(list(parsed)))


def lacks(required: Required, chars: Iterable[str]) -> bool:
    """Whether ``chars`` (a string, or the set of its characters) miss one of the ``required`` sets.

    >>> lacks(required_chars("已(?:完成|办结)"), set("已办理"))
    True
    >>> lacks(required_chars("已(?:完成|办结)"), set("均已办结"))
    False
    """
    for need in required:
        if need.isdisjoint(chars):
            return True
    return False


def lacks_in(required: Required, text: str) -> bool:
    """Whether ``text`` misses one of the ``required`` sets: :func:`lacks`, asking the string
    for each character of a set (``in``) instead of building the set of a long string's
    characters (a sentence is read for one or two small sets).

    >>> lacks_in(required_chars("已(?:完成|办结)"), "已办理"), lacks_in(required_chars("已(?:完成|办结)"), "均已办结")
    (True, False)
    """
    for need in required:
        for ch in need:
            if ch in text:
                break
        else:
            return True
    return False


def _sequence(items: list) -> list[set[str]]:
    """The sets of a sequence: each item's, in order."""
    out: list[set[str]] = []
    for op, av in items:
        out.extend(_item(op, av))
    return out


def _item(op, av) -> list[set[str]]:
    if op is _C.LITERAL:
        return [{chr(av)}]
    if op is _C.IN:
        chars = _class(av)
        return [chars] if chars else []
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        if add_flags or del_flags:
            return []  # (?s:…) and friends: no claim
        return _sequence(list(pattern))
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            sets = _sequence(list(branch))
            if not sets:
                return []  # a branch that needs nothing: the alternation needs nothing
            smallest = min(len(s) for s in sets)
            union |= [s for s in sets if len(s) == smallest][-1]  # its last rarest character(s)
        return [union]
    if op in _REPEATS:
        low, _high, pattern = av
        return _sequence(list(pattern)) if low >= 1 else []
    if hasattr(_C, "ATOMIC_GROUP") and op is _C.ATOMIC_GROUP:
        return _sequence(list(av))
    return []  # anchors, lookarounds, ANY, NOT_LITERAL, group references …: no claim


def _class(items: list) -> set[str]:
    # The characters of a positive class of literals and short ranges; empty: no claim.
    chars: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            chars.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return set()  # NEGATE, CATEGORY (\d, \s …), wide ranges
        if len(chars) > _MAX_CLASS:
            return set()
    return chars
