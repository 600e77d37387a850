"""Reposted notices: exact (same normalised text) and near (MinHash LSH on character 5-grams).

The same notice is often posted by the bureau, the city portal and the
discipline commission's site, sometimes with a different header line.  Each
cluster of reposts gets one canonical notice (the earliest published, then the
first by input name); the others point to it with ``duplicate_of``.

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


@dataclass(frozen=True)
class DedupRecord:
    input: str
    text_hash: str
    published_at: dt.datetime | None
    signature: bytes | None


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

    compact = compact_text(text)
    shingles = {compact[i : i + SHINGLE] for i in range(max(1, len(compact) - SHINGLE + 1))}
    mh = _template().copy()
    mh.update_batch([s.encode("utf-8", "surrogatepass") for s in shingles])
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def _order_key(r: DedupRecord):
    # Canonical = earliest published; unknown dates last; ties by input name (stable across engines).
    return (r.published_at is None, r.published_at or dt.datetime.min, r.input)


def find_duplicates(records: list[DedupRecord], threshold: float = THRESHOLD) -> dict[str, tuple[str, str]]:
    """``{input: (canonical input, "exact"|"near")}`` for every non-canonical notice."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    result: dict[str, tuple[str, str]] = {}
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
            score = mh.jaccard(sigs[candidate])
            if score >= threshold and (best is None or score > best[1]):
                best = (candidate, score)
        if best is not None:
            result[r.input] = (best[0], "near")
            by_hash[r.text_hash] = best[0]
            continue
        lsh.insert(r.input, mh)
        sigs[r.input] = mh
    return result
