r"""Words a cue fragment's every match contains: a cheap test before searching a sentence.

The story step (:mod:`zhenggai.mentions.date_story`) asks each cue of
models/date_story_cues.tsv whether it occurs in a date's sentence.  Most sentences
hold none of a cue's words (反馈, 回头看, 开展/进行/实施 …), and substring tests say so
far faster than the pattern's search.

>>> required_words("(?<!根据)(?:巡视|巡察)?反馈(?:了|会)")
('反馈',)
>>> required_words("(?:开展|进行)了?[^。]{0,20}?巡")   # the longer words win over 巡
('开展', '进行')
>>> required_words("[反指]馈|通报")              # one word from each branch
('馈', '通报')
>>> required_words(r"\d+个?") is None            # no literal every match holds
True

Like :func:`zhenggai.first_chars.first_chars`, the fragment is read with Python's own
parser; what it cannot read, case-insensitive fragments and fragments without a
literal every match must hold give ``None`` (no test: the pattern alone decides).
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

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT}
if hasattr(_C, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_C.POSSESSIVE_REPEAT)


@lru_cache(maxsize=None)
def required_words(fragment: str, verbose: bool = False) -> tuple[str, ...] | None:
    """Words one of which every match of ``fragment`` contains; None when there is no such bound."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(fragment, re.VERBOSE if verbose else 0)
        if parsed.state.flags & re.IGNORECASE:
            return None
        return _sequence(list(parsed))
    except (re.error, TypeError, ValueError, AttributeError):
        return None


def _better(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> tuple[str, ...] | None:
    # the more telling bound: the one whose shortest word is longer (fewer words on a tie)
    if a is None or b is None:
        return a if b is None else b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _sequence(items: list) -> tuple[str, ...] | None:
    """The best bound of a sequence: a run of literals, or the bound of a part every match holds."""
    best: tuple[str, ...] | None = None
    run: list[str] = []
    for op, av in items + [(None, None)]:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if run:  # consecutive literals: one word every match holds as written
            best = _better(best, ("".join(run),))
            run = []
        if op is _C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # (?i:…) matches other cases than written
                best = _better(best, _sequence(list(av[-1])))
        elif op is _C.BRANCH:
            alternatives = [_sequence(list(b)) for b in av[1]]
            if all(a is not None for a in alternatives):
                best = _better(best, tuple(dict.fromkeys(w for a in alternatives for w in a)))
        elif op in _REPEATS and av[0] >= 1:  # at least once: its bound holds
            best = _better(best, _sequence(list(av[2])))
        # anything else (classes, lookarounds, optional parts, anchors) bounds nothing
    return best
