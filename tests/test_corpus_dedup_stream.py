"""Repost detection inside DuckDB (zhenggai.corpus.dedup_stream) gives the in-memory algorithm's links.

The corpus is generated: template notices, with planted exact copies, near copies (a header
and a footer added), partial copies (the first part of a notice, the first part of that part),
truncated copies, reposts of partial copies, texts too short for a signature, and dates
(some unknown) that decide which copy is canonical.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from zhenggai.corpus.dedup import DedupRecord, find_duplicates, minhash_signature, shingles
from zhenggai.corpus.dedup_stream import band_ranges, link_duplicates
from zhenggai.corpus.rows import text_hash
from zhenggai.corpus.synth import make_specs, render


def _planted_corpus(n: int, seed: int) -> dict[str, tuple[str, dt.datetime | None, bool]]:
    """input → (text, published_at, truncated)."""
    rng = random.Random(seed)
    texts = {f"n{i:04d}.txt": render(spec) for i, spec in enumerate(make_specs(n, seed))}
    originals = sorted(texts)
    out = {}

    def date():
        return None if rng.random() < 0.2 else dt.datetime(2024, 1, 1) + dt.timedelta(days=rng.randrange(60))

    for name in originals:
        out[name] = (texts[name], date(), False)
    for k, name in enumerate(rng.sample(originals, n // 5)):
        text = texts[name]
        out[f"exact-{k}.txt"] = (text.replace("。", "。 "), date(), False)  # same compact text
        out[f"near-{k}.txt"] = ("本网转载　编辑：综合办\n" + text + "（责任编辑：网站管理员）\n", date(), False)
        half = text[: len(text) * rng.choice((5, 6, 7, 8)) // 10]
        out[f"part-{k}.txt"] = (half, date(), rng.random() < 0.5)
        out[f"part-of-part-{k}.txt"] = (half[: len(half) * 8 // 10], date(), False)
        out[f"part-repost-{k}.txt"] = (half.replace("，", "， "), date(), False)
        out[f"truncated-{k}.txt"] = (text[:-3], date(), True)  # a near copy that is truncated
    out["short-a.txt"] = ("通报", None, False)
    out["short-b.txt"] = ("通报。", None, False)
    out["empty.txt"] = ("", date(), False)
    return out


def _in_memory(corpus) -> dict[str, tuple[str, str]]:
    records = [
        DedupRecord(name, text_hash(text), published, minhash_signature(text) if text else None, len(text), truncated)
        for name, (text, published, truncated) in corpus.items()
    ]
    return find_duplicates(records, text_of=lambda name: corpus[name][0])


def records_arrow(corpus):
    """The final pass's record columns (and the texts) of ``corpus`` ({input: (text, published_at, truncated)})."""
    import pyarrow as pa

    names = list(corpus)
    return pa.table({
        "input": names,
        "text_hash": [text_hash(corpus[n][0]) for n in names],
        "published_at": pa.array([corpus[n][1] for n in names], pa.timestamp("us")),
        "signature": pa.array([minhash_signature(corpus[n][0]) if corpus[n][0] else None for n in names],
                              pa.binary()),
        "length": [len(corpus[n][0]) for n in names],
        "truncated": [corpus[n][2] for n in names],
        "text": [corpus[n][0] for n in names],
    })


def _in_duckdb(corpus) -> tuple[dict[str, tuple[str, str]], dict[str, int]]:
    import duckdb

    con = duckdb.connect(":memory:")
    con.register("records_arrow", records_arrow(corpus))
    counts = link_duplicates(con, "SELECT * EXCLUDE (text) FROM records_arrow", "SELECT input, text FROM records_arrow")
    links = {name: (canonical, kind) for name, canonical, kind in
             con.execute("SELECT input, canonical, kind FROM dedup_links").fetchall()}
    return links, counts


@pytest.mark.parametrize("bounds", ["default-bounds", "no-bounds"])
@pytest.mark.parametrize("n, seed", [(60, 7), (120, 2023)], ids=["60-notices", "120-notices"])
def test_same_links_as_the_in_memory_algorithm(n, seed, bounds, monkeypatch):
    import zhenggai.corpus.dedup_stream as dedup_stream

    monkeypatch.setattr(dedup_stream, "PARTS_PER_JOIN", 16)  # candidate pairs joined in many ranges of parts
    if bounds == "no-bounds":  # every candidate of the prefix filter is checked
        monkeypatch.setattr(dedup_stream, "MAX_CANDIDATES", 10**9)
        monkeypatch.setattr(dedup_stream, "ANCHOR_MAX_DF", 10**9)
    corpus = _planted_corpus(n, seed)
    expected = _in_memory(corpus)
    links, counts = _in_duckdb(corpus)
    assert links == expected
    bounded = counts.pop("partial_bounded")
    if bounds == "no-bounds":  # nothing was cut (tests/test_corpus_dedup_bound.py shows cuts counted)
        assert bounded == 0
    kinds = [kind for _, kind in expected.values()]
    assert counts == {k: kinds.count(k) for k in ("exact", "near", "partial")}
    # The planted copies are found (so the comparison is not between two empty results).
    assert counts["exact"] >= n // 5 and counts["near"] >= n // 10 and counts["partial"] >= n // 5
    assert links["exact-0.txt"][1] in ("exact", "near", "partial")


def test_the_part_of_a_part_points_at_the_fullest_copy():
    corpus = _planted_corpus(60, 7)
    links, _ = _in_duckdb(corpus)
    for name, (canonical, kind) in links.items():
        if name.startswith("part-of-part-") and kind == "partial":
            assert not canonical.startswith("part")


def test_gram_table_holds_each_notices_shingles_hashed():
    import duckdb
    import pyarrow as pa

    from zhenggai.corpus.dedup_stream import _gram_table

    texts = ["关于巡察整改进展情况的通报。现将有关情况通报如下：追回资金１２.５万元。", "通报", "", "ａｂｃ12"]
    con = duckdb.connect(":memory:")
    con.register("roots", pa.table({"pos": list(range(1, len(texts) + 1)), "input": [f"{i}.txt" for i in range(1, 5)],
                                    "text": texts}))
    con.execute("CREATE VIEW dedup_texts AS SELECT input, text FROM roots")  # as link_duplicates names them
    _gram_table(con, "roots")
    for pos, text in enumerate(texts, 1):
        got = sorted(h for (h,) in con.execute("SELECT gram FROM partial_grams WHERE pos = ?", [pos]).fetchall())
        want = sorted(con.execute("SELECT hash(g) FROM unnest(?::VARCHAR[]) t(g)", [sorted(shingles(text))]).fetchall())
        assert got == [h for (h,) in want] and len(got) == len(shingles(text))


def test_bands_are_datasketch_hashranges():
    assert band_ranges(0.9) == [(0, 21), (21, 42), (42, 63)]
    assert len(band_ranges(0.25)) == 18


def test_text_store_gives_back_each_text_and_leaves_no_file(tmp_path):
    from zhenggai.corpus.dedup_stream import TextStore

    texts = ["关于巡察整改进展情况的通报", "", "追回资金１２.５万元；𠀀𠮷字", "a\nb\r\nc", "通报" * 5000]
    store = TextStore(tmp_path)
    places = [store.add(t) for t in texts]
    # Read back out of order, twice (the check reads a whole many times, between other writes).
    for i in (4, 0, 2, 1, 3, 2):
        assert store.get(*places[i]) == texts[i]
    assert [size for _, size in places] == [len(t.encode("utf-8")) for t in texts]
    assert list(tmp_path.iterdir()) == []  # an unnamed file: nothing to clean up after a crash
    store.close()
    assert list(tmp_path.iterdir()) == []
