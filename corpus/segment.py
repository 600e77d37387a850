"""Chinese word segmentation for full-text search (jieba with the genre's user dictionary).

SQLite's FTS5 splits on spaces, so text is indexed as jieba words joined by spaces.  A word is
indexed with every dictionary word inside it, so 殡葬改革 is found by 殡葬 and by 改革, and
违规发放津补贴 by 违规发放; a query is segmented the same way (each word must occur).

>>> index_words("殡葬改革")[:3]                                   # doctest: +SKIP
['殡葬改革', '殡葬', '改革']
>>> query_words("违规发放")                                        # doctest: +SKIP
['违规发放']
"""

from __future__ import annotations

from functools import lru_cache

# Longest dictionary word looked for inside a longer word.
_MAX_INNER = 6


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    from zhenggai.models.pipeline import load_user_dict

    load_user_dict()
    jieba.initialize()
    return jieba


def load() -> None:
    """Load jieba and the user dictionary now (a server does it before its first search)."""
    _jieba()


def _words(text: str) -> list[str]:
    # No HMM: only dictionary words and single characters, so a query and the text it is
    # looked for in are cut by the same rules.
    return [w for w in _jieba().cut(text, HMM=False) if w.strip()]


def _inner_words(word: str) -> list[str]:
    """Dictionary words of two or more characters strictly inside ``word`` (first position first)."""
    freq = _jieba().dt.FREQ
    out = []
    for size in range(min(len(word) - 1, _MAX_INNER), 1, -1):
        for i in range(len(word) - size + 1):
            piece = word[i:i + size]
            if freq.get(piece) and piece not in out:
                out.append(piece)
    return out


def index_words(text: str) -> list[str]:
    """The words to index for ``text``: each jieba word, then the dictionary words inside it."""
    out: list[str] = []
    for word in _words(text or ""):
        out.append(word)
        if len(word) > 2:
            out.extend(_inner_words(word))
    return out


def index_text(text: str | None) -> str:
    """``text`` as space-separated index words (what an FTS5 shadow column holds)."""
    return " ".join(index_words(text or ""))


def query_words(query: str) -> list[str]:
    """A search query cut into words the same way (punctuation and spaces dropped)."""
    return [w for w in _words(query or "") if any(ch.isalnum() for ch in w)]


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression: every query word, quoted (so no word is read as an operator)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in query_words(query))
