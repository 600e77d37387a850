"""A pattern run only where it can match: when its window holds one of the words every match holds.

The inspection readers try a few long patterns on every opening sentence (VERB on each
sentence that may name the team, FEEDBACK on each that may date the feedback); most
sentences hold none of the words those patterns are built around, and ``str.find`` says
so far faster than the regex (and its deadline wrapper) does.

>>> import regex
>>> from zhenggai import limits
>>> verb = Guarded(limits.compile(r"进行了?[^。]{0,9}?巡察  # 进行了…巡察", regex.VERBOSE), ("巡察",))
>>> verb.search("市委巡察组对我局进行了常规巡察。").group()
'进行了常规巡察'
>>> verb.search("召开专题会议。") is None          # no 巡察: the regex is not run
True

The words must be such that every match of the pattern holds one of them *within the
match* (lookarounds do not count: a match's lookbehind may read before the window);
tests/test_facts_guards.py checks each guard against its pattern on the gold texts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class Guarded:
    """``pattern.search`` that first checks ``words`` (one must occur in the searched window)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: Any, words: tuple[str, ...]) -> None:
        if not words or not all(words):
            raise ValueError("a guard needs at least one non-empty word")
        self.pattern = pattern
        self.words = words

    def __repr__(self) -> str:
        return f"Guarded({self.pattern!r}, {self.words!r})"

    def holds_word(self, string: str, pos: int | None = None, endpos: int | None = None) -> bool:
        """Whether ``string[pos:endpos]`` holds one of the words (else the pattern cannot match there)."""
        # ``word in window`` for a window cut once: ``str.find(word, start, end)`` parses its
        # three arguments at every call, which cost more than the search on a sentence (the
        # cut is ``string`` itself for the whole string, and the same slice ``find`` reads).
        window = string if pos is None and endpos is None else string[pos:endpos]
        for word in self.words:
            if word in window:
                return True
        return False

    # search / match / finditer test the words as holds_word does, inline: a Python call to it
    # cost more than the test itself (these run some 40 times a notice).
    def search(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        """The pattern's first match in ``string[pos:endpos]``; None at once when no word is there."""
        window = string if pos is None and endpos is None else string[pos:endpos]
        for word in self.words:
            if word in window:
                return self.pattern.search(string, pos, endpos)
        return None

    def match(self, string: str, pos: int | None = None, endpos: int | None = None) -> Any:
        """The pattern's match at ``pos``; None at once when no word is in ``string[pos:endpos]``."""
        window = string if pos is None and endpos is None else string[pos:endpos]
        for word in self.words:
            if word in window:
                return self.pattern.match(string, pos, endpos)
        return None

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None) -> Iterator[Any]:
        """The pattern's matches in ``string[pos:endpos]``; none at once when no word is there."""
        window = string if pos is None and endpos is None else string[pos:endpos]
        for word in self.words:
            if word in window:
                return self.pattern.finditer(string, pos, endpos)
        return iter(())


def _forward(name: str) -> property:
    return property(lambda self: getattr(self.pattern, name), doc=f"The wrapped pattern's ``{name}``.")


# The wrapped pattern's other public attributes (flags, groupindex, findall, sub …) read through
# properties, not ``__getattr__``: a class with ``__getattr__`` sends every attribute lookup,
# ``self.pattern`` inside each search included, down CPython's slow path.
def _add_forwards() -> None:
    import regex

    for name in dir(regex.Pattern):
        if not name.startswith("_") and not hasattr(Guarded, name):
            setattr(Guarded, name, _forward(name))


_add_forwards()
