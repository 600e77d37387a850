"""Reposted notices: exact (same normalised text), near (MinHash LSH on character 5-grams) and partial.

The same notice is often posted by the bureau, the city portal and the
discipline commission's site, sometimes with a different header line.  Each
cluster of reposts gets one canonical notice (a copy not flagged ``truncated``
first, then the earliest published, then the first by input name); the others point to it with ``duplicate_of``.

A *partial* copy is a text that is a large part of another (half a page scraped,
page 1 of 2): at least ``PARTIAL_CONTAINED`` of its 5-grams occur in a longer
notice.  It points to the fullest copy (``duplicate_kind`` ``partial``), so a
comparison counts the notice once, from its fullest text.  Candidates come from
a second, looser LSH; each is verified on the texts themselves.

>>> sig = minhash_signature("关于巡察整改进展情况的通报。现将有关情况通报如下。")
>>> len(sig) == NUM_PERM * 8
True
>>> recs = [DedupRecord("a.txt", "h1", None, sig), DedupRecord("b.txt", "h1", None, sig)]
>>> find_duplicates(recs)
{'b.txt': ('a.txt', 'exact')}
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from zhenggai.corpus.rows import compact_text
from dataclasses import dataclass

NUM_PERM = 64
SHINGLE = 5  # character 5-grams: long enough to be specific in Chinese, short enough for edits
THRESHOLD = 0.9
_SEED = 2260  # fixed: signatures must be equal across processes, runs and engines


PARTIAL_CANDIDATE = 0.25  # LSH threshold for partial-copy candidates (a half copy has Jaccard about 0.5)
PARTIAL_CONTAINED = 0.9  # share of a partial copy's 5-grams found in the fuller text
PARTIAL_MAX_SHARE = 0.95  # a partial copy is at most this share of the fuller text's 5-grams


@dataclass(frozen=True)
class DedupRecord:
    input: str
    text_hash: str
    published_at: dt.datetime | None
    signature: bytes | None
    length: int = 0  # the text's length: the fuller copy is the longer one
    truncated: bool = False  # flagged ``truncated``: never the canonical copy when a whole one exists


def shingles(text: str) -> set[str]:
    """The character 5-grams of the text's letters and digits (what signatures and containment use)."""
    compact = compact_text(text)
    return {compact[i : i + SHINGLE] for i in range(max(1, len(compact) - SHINGLE + 1))}


def containment(part: set[str], whole: set[str]) -> float:
    """Share of ``part``'s 5-grams found in ``whole``.

    >>> containment({"a", "b"}, {"a", "b", "c"})
    1.0
    """
    return len(part & whole) / len(part) if part else 0.0


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def _from_values(values):
    from datasketch import MinHash

    # datasketch >= 2 wants the hashing scheme named when values are given; 1.x has no such argument.
    scheme = getattr(_template(), "scheme", None)
    if scheme is None:
        return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=values)
    return MinHash(num_perm=NUM_PERM, seed=_SEED, hashvalues=values, scheme=scheme)


def minhash_signature(text: str) -> bytes:
    """MinHash signature (NUM_PERM uint64 values as bytes) of the text's character 5-grams."""
    import numpy as np

    mh = _template().copy()
    mh.update_batch([s.encode("utf-8", "surrogatepass") for s in shingles(text)])
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def _order_key(r: DedupRecord):
    # Canonical = a whole copy before a truncated one, then the earliest published (unknown dates
    # last), then the first by input name (stable across engines).
    return (r.truncated, r.published_at is None, r.published_at or dt.datetime.min, r.input)


def find_duplicates(
    records: list[DedupRecord], threshold: float = THRESHOLD, text_of=None
) -> dict[str, tuple[str, str]]:
    """``{input: (canonical input, "exact"|"near"|"partial")}`` for every non-canonical notice.

    ``text_of(input) -> str`` enables partial copies (their check needs the texts).
    """
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    result: dict[str, tuple[str, str]] = {}
    lengths = {r.input: r.length for r in records}
    truncated = {r.input: r.truncated for r in records}
    by_hash: dict[str, str] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sigs: dict[str, LeanMinHash] = {}
    for r in sorted(records, key=_order_key):
        canonical = by_hash.get(r.text_hash)
        if canonical is not None:
            result[r.input] = (canonical, "exact")
            continue
        by_hash[r.text_hash] = r.input
        if not r.signature:
            continue
        values = np.frombuffer(r.signature, dtype=np.uint64)
        mh = LeanMinHash(_from_values(values))
        best = None
        for candidate in sorted(lsh.query(mh)):
            if not _similar_length(lengths.get(candidate, 0), r.length):
                continue  # a much shorter or longer text: a partial copy, decided below
            score = mh.jaccard(sigs[candidate])
            if score >= threshold and (best is None or score > best[1]):
                best = (candidate, score)
        if best is not None:
            # A truncated text close to a whole one is a partial copy of it, not a repost.
            kind = "partial" if r.truncated and not truncated.get(best[0], False) else "near"
            result[r.input] = (best[0], kind)
            by_hash[r.text_hash] = best[0]
            continue
        lsh.insert(r.input, mh)
        sigs[r.input] = mh
    if text_of is not None:
        _link_partials(records, sigs, result, text_of)
    return result


def _similar_length(a: int, b: int) -> bool:
    # Near reposts differ by a header or a footer; a text much shorter than another is a partial copy.
    return not a or not b or min(a, b) >= PARTIAL_MAX_SHARE * max(a, b)


def _link_partials(records, sigs, result, text_of) -> None:
    """Point each canonical notice that is a large part of a longer one (and its reposts) at the fullest copy."""
    from datasketch import MinHashLSH

    length = {r.input: r.length for r in records}
    lsh = MinHashLSH(threshold=PARTIAL_CANDIDATE, num_perm=NUM_PERM)
    for name in sorted(sigs):
        lsh.insert(name, sigs[name])
    cache: dict[str, set[str]] = {}

    def grams(name: str) -> set[str]:
        if name not in cache:
            cache[name] = shingles(text_of(name) or "")
        return cache[name]

    fuller: dict[str, str] = {}
    for name in sorted(sigs):
        best = None
        for other in sorted(lsh.query(sigs[name])):
            if other == name or length[other] <= length[name]:
                continue
            part, whole = grams(name), grams(other)
            share = containment(part, whole)
            if len(part) > PARTIAL_MAX_SHARE * len(whole) or share < PARTIAL_CONTAINED:
                continue
            # The copy holding most of it (another notice of the same template holds less), then the longest.
            key = (share, length[other], other)
            if best is None or key > best:
                best = key
        if best is not None:
            fuller[name] = best[2]
    for name in fuller:
        root = name
        while root in fuller:  # a part of a part: the fullest copy of all
            root = fuller[root]
        result[name] = (root, "partial")
    for name, (canonical, kind) in list(result.items()):
        if kind != "partial" and canonical in fuller:  # a repost of a partial copy is partial too
            result[name] = (result[canonical][0], "partial")
