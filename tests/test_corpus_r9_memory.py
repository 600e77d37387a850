"""The partial-copy step's big operators hold a bounded slice of their input, and the links do not change.

DuckDB's windows, sorts, groupings and hash joins need memory that grows with their input even when
they spill: at 100,000 notices (100 million 5-grams) the one-shot grouping, join, sort and ranking
window of the partial-copy step each ran out of a 64 MB budget (docs/cluster.md, "What ran out at
64 MB").  ``zhenggai.corpus.dedup_stream`` now runs them a slice at a time: the 5-gram counts and their
join a hash bucket of 5-grams at a time (``GRAMS_PER_BUCKET``), the sort a chunk of notices at a time
(``SORT_ROWS``), the ranking window a range of notices at a time (``RANK_ROWS``), the band check and the
per-part cap a range of parts at a time (``PARTS_PER_JOIN``).

Here the limits are made tiny so that a planted corpus is cut into many slices; every statement that
runs one of those operators is watched, and the rows it reads are counted before it runs.  A step
that went back to reading its whole input fails the size checks; a slice that lost or doubled rows
fails the comparison with the in-memory algorithm's links.
"""

from __future__ import annotations

import re

import pytest

from tests.test_corpus_dedup_stream import _in_memory, _planted_corpus, records_arrow

LIMITS = {"GRAMS_PER_BUCKET": 10_000, "SORT_ROWS": 12_000, "RANK_ROWS": 2_500, "PARTS_PER_JOIN": 16}


class _Watched:
    """A DuckDB connection that counts, before each sliced statement runs, the rows its slice reads."""

    def __init__(self, con):
        self.con = con
        self.seen: dict[str, list[int]] = {"bucket": [], "sort": [], "rank": [], "band": []}
        self.buckets: list[int] = []

    def __getattr__(self, name):
        return getattr(self.con, name)

    def _count(self, sql: str) -> int:
        return self.con.execute(sql).fetchall()[0][0]

    def execute(self, sql: str, *args):
        flat = " ".join(sql.split())
        if m := re.search(r"INSERT INTO partial_df .* WHERE gram % (\d+) = (\d+) GROUP BY gram", flat):
            self.buckets.append(int(m.group(1)))
            self.seen["bucket"].append(self._count(f"SELECT count(*) FROM partial_grams WHERE gram % {m.group(1)} "
                                                   f"= {m.group(2)}"))
        elif m := re.search(r"TABLE partial_sorted AS SELECT \* FROM partial_gdf WHERE pos BETWEEN (\d+) AND (\d+)", flat):
            self.seen["sort"].append(self._count(f"SELECT count(*) FROM partial_gdf WHERE pos BETWEEN {m.group(1)} "
                                                 f"AND {m.group(2)}"))
        elif m := re.search(r"INSERT INTO partial_ranked .* g\.pos BETWEEN (\d+) AND (\d+)", flat):
            self.seen["rank"].append(self._count(f"SELECT count(*) FROM partial_sorted WHERE pos BETWEEN {m.group(1)} "
                                                 f"AND {m.group(2)}"))
        elif m := re.search(r"INSERT INTO partial_pairs .* WHERE (a >= \d+ AND a < \d+)", flat):
            self.seen["band"].append(self._count(f"SELECT count(DISTINCT a) FROM partial_banded WHERE {m.group(1)}"))
        return self.con.execute(sql, *args)


def _watched_links(corpus, tmp_path):
    import duckdb

    from zhenggai.corpus.dedup_stream import link_duplicates

    con = duckdb.connect(str(tmp_path / "work.duckdb"))  # a file, as in the final pass: tables can leave memory
    con.register("records_arrow", records_arrow(corpus))
    con.execute("CREATE TABLE records AS SELECT * FROM records_arrow")
    watched = _Watched(con)
    counts = link_duplicates(watched, "SELECT * EXCLUDE (text) FROM records", "SELECT input, text FROM records",
                             spill_dir=tmp_path / "spill")
    links = {name: (canonical, kind) for name, canonical, kind in
             con.execute("SELECT input, canonical, kind FROM dedup_links").fetchall()}
    return links, counts, watched


@pytest.mark.parametrize("bounds", ["default-bounds", "no-bounds"])
@pytest.mark.parametrize("n, seed", [(60, 7), (120, 2023)], ids=["60-notices", "120-notices"])
def test_sliced_steps_read_bounded_slices_and_give_the_in_memory_links(n, seed, bounds, monkeypatch, tmp_path):
    import zhenggai.corpus.dedup_stream as dedup_stream
    from zhenggai.corpus.dedup import shingles

    for name, value in LIMITS.items():
        monkeypatch.setattr(dedup_stream, name, value)
    if bounds == "no-bounds":
        monkeypatch.setattr(dedup_stream, "MAX_CANDIDATES", 10**9)
        monkeypatch.setattr(dedup_stream, "ANCHOR_MAX_DF", 10**9)
    corpus = _planted_corpus(n, seed)
    links, counts, watched = _watched_links(corpus, tmp_path)
    assert links == _in_memory(corpus)
    assert counts["partial"] >= n // 5  # planted partial copies found, so the comparison is not of empty sets

    # Every slice was cut, into many slices, each within its limit (a range holds at least one notice, so
    # it may pass the limit by one notice's 5-grams).
    largest = max(len(shingles(text)) for text, _, _ in corpus.values())
    total = sum(watched.seen["bucket"])
    assert len(watched.seen["bucket"]) == watched.buckets[0] == -(-total // LIMITS["GRAMS_PER_BUCKET"]) >= 4
    assert max(watched.seen["bucket"]) <= 2 * total / watched.buckets[0]  # hash buckets: about equal
    assert len(watched.seen["sort"]) >= 3 and sum(watched.seen["sort"]) == total
    assert max(watched.seen["sort"]) <= LIMITS["SORT_ROWS"] + largest
    assert len(watched.seen["rank"]) >= 10 and sum(watched.seen["rank"]) == total
    assert max(watched.seen["rank"]) <= LIMITS["RANK_ROWS"] + largest
    assert len(watched.seen["band"]) >= 4 and max(watched.seen["band"]) <= LIMITS["PARTS_PER_JOIN"]


def test_pos_ranges_cut_at_the_limit_and_keep_a_heavy_notice_whole():
    import duckdb

    from zhenggai.corpus.dedup_stream import _pos_ranges

    con = duckdb.connect()
    rows = "SELECT * FROM (VALUES (0, 4), (1, 4), (2, 9), (3, 1), (4, 1), (7, 2)) t(pos, w) ORDER BY pos"
    assert list(_pos_ranges(con, rows, 8)) == [(0, 1), (2, 2), (3, 7)]
    assert list(_pos_ranges(con, rows, 100)) == [(0, 7)]
    assert list(_pos_ranges(con, "SELECT 1 AS pos, 1 AS w WHERE false", 8)) == []
