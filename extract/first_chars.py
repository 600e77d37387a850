"""The characters a regex match can start with: a cheap test before running the regex.

Cue tables (models/totals_cues.tsv …) hold dozens of patterns, each tried on
every figure's clause; most clauses hold none of a cue's possible first
characters, and a set test says so far faster than the pattern's search.

>>> sorted(first_chars("(?:已|均已)?(?:完成|办结)"))
['办', '均', '完', '已']
>>> first_chars("[^,;。]{0,8}?处分") is None      # any character may start it: no test
True
>>> first_chars("(?:问题)?") is None                # may match the empty string: no test
True

The fragment is read with Python's own regex parser (``re._parser``), which
reads the constructs of the project's cue fragments (literals, groups,
alternation, classes, quantifiers, lookarounds) as the regex module does.  What
it cannot read (``\\p{Han}``, regex-only syntax) or cannot bound (negated or
category classes, ``.``, back-references) gets ``None``: no test, the pattern
alone decides.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _C, _parser as _parser
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT}
if hasattr(_C, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_C.POSSESSIVE_REPEAT)
_MAX_RANGE = 2000  # a class range wider than this is no useful test


class _Unbounded(Exception):
    """Any character may start the match (or the parser cannot tell)."""


@lru_cache(maxsize=None)
def first_chars(fragment: str, verbose: bool = True) -> frozenset[str] | None:
    """Characters some match of ``fragment`` must start with; None when there is no such bound.

    None also when the fragment can match the empty string (then it needs no
    character at all).  ``verbose``: the fragment is embedded in a VERBOSE pattern.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(fragment, re.VERBOSE if verbose else 0)
        chars, nullable = _sequence(list(parsed))
    except (re.error, _Unbounded, TypeError, ValueError, AttributeError):
        return None
    if nullable or not chars:
        return None
    return frozenset(chars)


def _sequence(items: list) -> tuple[set[str], bool]:
    """First characters of a sequence of parsed items, and whether it can match empty."""
    chars: set[str] = set()
    for op, av in items:
        first, nullable = _item(op, av)
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _item(op, av) -> tuple[set[str], bool]:
    if op is _C.LITERAL:
        return {chr(av)}, False
    if op in _ZERO_WIDTH:
        return set(), True  # consumes nothing: the next item starts the match
    if op is _C.IN:
        return _class(av), False
    if op is _C.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, empty = _sequence(list(branch))
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if op is _C.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        if add_flags or del_flags:
            raise _Unbounded  # (?i) and friends change what a literal matches
        return _sequence(list(pattern))
    if op in _REPEATS:
        low, _high, pattern = av
        first, nullable = _sequence(list(pattern))
        return first, nullable or low == 0
    if hasattr(_C, "ATOMIC_GROUP") and op is _C.ATOMIC_GROUP:
        return _sequence(list(av))
    raise _Unbounded  # ANY, NOT_LITERAL, GROUPREF, conditionals …


def _class(items: list) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            chars.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            raise _Unbounded  # NEGATE, CATEGORY (\d, \s …), huge ranges
    return chars
