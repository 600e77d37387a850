"""The genre's language knowledge as data files, loaded with importlib.resources.

>>> "项" in load_words("measure_words.txt")
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_text(name: str) -> str:
    """The UTF-8 text of a data file in this package."""
    return resources.files("zhenggai.models").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a word list (first tab-separated field), in file order."""
    words = []
    for line in load_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line.split("\t")[0])
    return tuple(words)


def word_alternation(words) -> str:
    r"""A regex alternation of ``words``, escaped, longest first (the first alternative that
    matches wins, so 人次 must come before 人).

    >>> word_alternation(["人", "人次", "a.b"])
    'a\\.b|人次|人'
    """
    import regex

    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file, comments and blank lines skipped."""
    rows = []
    for line in load_text(name).splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(field.strip() for field in line.split("\t")))
    return tuple(rows)
