"""The bound on partial-copy candidates: a corpus whose notices share one template is not quadratic.

Every notice of the template corpus (zhenggai.corpus.synth without variety) shares most of its
5-grams with hundreds of others, so the prefix filter alone pairs nearly all of them.  With the
bound (zhenggai.corpus.dedup_stream: ANCHOR_MAX_DF, MAX_CANDIDATES) each part is checked against at
most MAX_CANDIDATES wholes, the planted partial copies are still found, and the notices whose
candidates were cut are counted, never silently.
"""

from __future__ import annotations

import math

import pytest

import zhenggai.corpus.dedup_stream as dedup_stream
from zhenggai.corpus.dedup import PARTIAL_CONTAINED, shingles
from zhenggai.corpus.synth import make_specs, render
from tests.test_corpus_dedup_stream import _in_duckdb


def _one_template_corpus(n: int, planted: int) -> dict:
    texts = {f"n{i:04d}.txt": render(spec) for i, spec in enumerate(make_specs(n, 31))}
    corpus = {name: (text, None, False) for name, text in texts.items()}
    for k, name in enumerate(sorted(texts)[:planted]):
        corpus[f"part-{k}.txt"] = (texts[name][: len(texts[name]) * 6 // 10], None, False)
    return corpus


@pytest.fixture
def pairs_seen(monkeypatch):
    """How many candidate pairs the partial-copy step kept (read before the table is dropped)."""
    seen = []
    original = dedup_stream._partial_candidates

    def counting(con, source, store=None):
        bounded = original(con, source, store)
        seen.append(con.execute("SELECT count(*) FROM partial_pairs").fetchall()[0][0])
        return bounded

    monkeypatch.setattr(dedup_stream, "_partial_candidates", counting)
    return seen


def _roots(corpus, links) -> list[str]:
    # The notices partial-copy detection looks at: neither an exact nor a near copy of another.
    return [name for name in corpus if links.get(name, ("", "partial"))[1] == "partial"]


@pytest.mark.parametrize("max_candidates", [4, 10**9], ids=["few-candidates", "candidates-unbounded"])
def test_one_template_corpus_is_bounded_and_counted(monkeypatch, pairs_seen, max_candidates):
    monkeypatch.setattr(dedup_stream, "ANCHOR_MAX_DF", 8)
    monkeypatch.setattr(dedup_stream, "MAX_CANDIDATES", max_candidates)
    corpus = _one_template_corpus(300, planted=12)
    links, counts = _in_duckdb(corpus)
    roots = _roots(corpus, links)
    # The planted halves point at their originals, found among the few candidates kept.
    for k in range(12):
        assert links[f"part-{k}.txt"] == (f"n{k:04d}.txt", "partial")
    if max_candidates == 4:
        assert pairs_seen[0] <= 4 * len(roots)
        assert 0 < counts["partial_bounded"] <= len(roots)
        return
    # Candidates unbounded: the count is the notices whose prefix (their n - t + 1 rarest 5-grams)
    # must reach a 5-gram held by more than 8 notices, i.e. they have fewer rare ones than that.
    grams = {name: shingles(corpus[name][0]) for name in roots}
    df: dict[str, int] = {}
    for found in grams.values():
        for g in found:
            df[g] = df.get(g, 0) + 1
    expected = 0
    for found in grams.values():
        n = len(found)
        prefix = n - (math.floor(PARTIAL_CONTAINED * n) - 1) + 1
        if sum(1 for g in found if df[g] <= 8) < prefix:
            expected += 1
    assert counts["partial_bounded"] == expected > 0
