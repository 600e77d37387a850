"""Reposts found inside DuckDB: the same links as :func:`zhenggai.corpus.dedup.find_duplicates`, in bounded memory.

``find_duplicates`` keeps every notice's record and MinHash signature in Python and in
an in-memory LSH index: the parent's memory grows with the corpus.  Here the corpus
stays in DuckDB (which spills to disk) and Python holds one batch of rows at a time:

1. every notice gets its place in the canonical order (``dedup_order.pos``: a whole copy
   before a truncated one, then the earliest published, then the input name);
2. the first notice of each text hash is its group's *head*; the others are exact copies;
3. each head's LSH band keys — slices of its signature, the very bands datasketch's
   ``MinHashLSH`` hashes for the same threshold and number of permutations — become rows;
   a self-join on (band, key) gives the candidate pairs, exactly the keys an LSH query
   would return;
4. the near pairs are read in canonical order and verified on the signatures as the
   in-memory loop does (a candidate that was itself linked is no longer in the index);
5. the partial pairs are verified on the texts, read back by offset from a spill file
   written while the 5-gram table is built (:class:`TextStore`), so no join carries texts.

The result is the table ``dedup_links(input, canonical, kind)``: one row per non-canonical notice.
"""

from __future__ import annotations

import os
import tempfile
from collections import OrderedDict
from contextlib import contextmanager

from zhenggai.corpus.dedup import (
    NUM_PERM,
    PARTIAL_CANDIDATE,
    PARTIAL_CONTAINED,
    PARTIAL_MAX_SHARE,
    SHINGLE,
    THRESHOLD,
    _similar_length,
    containment,
    shingles,
)

BATCH_ROWS = 2048  # rows of candidate pairs per Arrow batch
GRAMS_CACHE = 256  # texts whose 5-gram sets are kept between pairs (about 50 KiB each for a notice)
LINKS_FLUSH = 10_000  # links written to DuckDB at a time
PARTS_PER_JOIN = 5_000  # parts whose candidate pairs are joined and counted at a time
GRAMS_FLUSH = 200_000  # 5-grams handed to DuckDB at a time (a few MiB of Python strings)
ANCHOR_MAX_DF = 256  # a 5-gram held by more notices pairs no parts with wholes (the bound, docs/cluster.md)
GRAMS_PER_BUCKET = 8_000_000  # 5-gram rows counted and joined at a time (12.5 million fitted 64 MB)
SORT_ROWS = 4_000_000  # 5-gram rows sorted at a time (10 million fitted 64 MB, 80 million did not)
RANK_ROWS = 1_000_000  # 5-grams ranked at a time (a window holds its whole input: about 40 bytes a row)
MAX_CANDIDATES = 4  # wholes a part is checked against at most (those sharing most of its rare 5-grams)


def band_ranges(threshold: float) -> list[tuple[int, int]]:
    """The (start, end) signature slices datasketch's ``MinHashLSH`` hashes as bands for this threshold.

    >>> band_ranges(0.9)
    [(0, 21), (21, 42), (42, 63)]
    """
    from datasketch import MinHashLSH

    return [tuple(r) for r in MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges]


def _bands_sql(source: str, threshold: float) -> str:
    # One row per (notice, band): the band's signature bytes (8 bytes per value; DuckDB slices are 1-based).
    values = ", ".join(f"({i}, {start * 8 + 1}, {end * 8})" for i, (start, end) in enumerate(band_ranges(threshold)))
    return (
        f"SELECT s.pos, b.band, s.signature[b.lo:b.hi] AS key FROM {source} s, "
        f"(VALUES {values}) b(band, lo, hi) WHERE octet_length(s.signature) > 0"
    )


def _pairs(con, table: str, source: str, threshold: float) -> None:
    """``table(a, b)``: distinct pairs of ``source`` notices sharing a band key, ``a`` first in canonical order."""
    con.execute(f"CREATE OR REPLACE TABLE {table}_bands AS {_bands_sql(source, threshold)}")
    con.execute(
        f"CREATE OR REPLACE TABLE {table} AS SELECT DISTINCT x.pos AS a, y.pos AS b "
        f"FROM {table}_bands x JOIN {table}_bands y ON x.band = y.band AND x.key = y.key WHERE x.pos < y.pos"
    )
    con.execute(f"DROP TABLE {table}_bands")


@contextmanager
def build_on_right(con):
    """Inside, each hash join builds its table on the right-hand side as the query is written.

    DuckDB builds on the side it estimates smaller, and its estimate of a Parquet scan can be
    ~0 rows: it then hashed every notice's text to join a small key table (out of a 128 MB
    budget at 100,000 notices).  Queries run inside put the wide table on the left.
    """
    (old,) = con.execute("SELECT current_setting('disabled_optimizers')").fetchall()[0]
    con.execute("SET disabled_optimizers = " + _sql_literal(",".join(filter(None, [old, "join_order",
                                                                                  "build_side_probe_side"]))))
    try:
        yield
    finally:
        con.execute("SET disabled_optimizers = " + _sql_literal(old))


def _sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def rows_in_batches(con, sql: str):
    """Rows of a query as tuples, one Arrow batch at a time."""
    for batch in con.sql(sql).to_arrow_reader(BATCH_ROWS):
        yield from zip(*(col.to_pylist() for col in batch.columns))


class _Links:
    """Links written to a table in chunks, so Python never holds all of them.

    They go through a second cursor while the first one is still streaming pairs; a temp table
    would be private to that cursor, so the table is a plain one (of the in-memory database).
    """

    def __init__(self, con, table: str):
        self.con, self.table, self.rows = con.cursor(), table, []
        self.con.execute(f"CREATE OR REPLACE TABLE {table} (input VARCHAR, canonical VARCHAR, kind VARCHAR)")

    def add(self, name: str, canonical: str, kind: str) -> None:
        self.rows.append((name, canonical, kind))
        if len(self.rows) >= LINKS_FLUSH:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if not self.rows:
            return
        cols = list(zip(*self.rows))
        chunk = pa.table({k: list(v) for k, v in zip(("input", "canonical", "kind"), cols)})
        self.con.register("_links_chunk", chunk)
        self.con.execute(f"INSERT INTO {self.table} SELECT * FROM _links_chunk")
        self.con.unregister("_links_chunk")
        self.rows = []

    def close(self) -> None:
        self.flush()
        self.con.close()


def _jaccard(a: bytes, b: bytes) -> float:
    import numpy as np

    va, vb = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.count_nonzero(va == vb)) / float(len(va))  # as datasketch's MinHash.jaccard


def _near_links(con, threshold: float) -> None:
    """``near_links``: each head close to an earlier head still in the index (datasketch's loop, streamed)."""
    _pairs(con, "near_pairs", "dedup_heads", threshold)
    links = _Links(con, "near_links")
    # A linked head leaves the index: remember it only if a later head has it as a candidate.
    rows = rows_in_batches(con, """
        SELECT p.b, q.input, q.length, q.truncated, q.signature, c.input, c.length, c.truncated, c.signature,
               p.b IN (SELECT a FROM near_pairs) AS later
        FROM near_pairs p JOIN dedup_heads q ON q.pos = p.b JOIN dedup_heads c ON c.pos = p.a
        ORDER BY p.b, c.input""")
    linked: set[str] = set()
    group, best, current = None, None, None

    def close():
        if best is not None:
            name, length, truncated, later = current
            kind = "partial" if truncated and not best[2] else "near"
            links.add(name, best[0], kind)
            if later:
                linked.add(name)

    for pos, name, length, truncated, sig, cand, cand_length, cand_truncated, cand_sig, later in rows:
        if pos != group:
            close()
            group, best, current = pos, None, (name, length, truncated, later)
        if cand in linked or not _similar_length(cand_length, length):
            continue  # out of the index, or a much shorter or longer text (a partial copy, decided below)
        score = _jaccard(sig, cand_sig)
        if score >= threshold and (best is None or score > best[1]):
            best = (cand, score, cand_truncated)
    close()
    links.close()
    con.execute("DROP TABLE near_pairs")


class TextStore:
    """Texts written once to an unnamed temporary file and read back by (offset, size).

    The partial-copy check needs both texts of each candidate pair.  Joining the texts onto the
    pairs in DuckDB makes a hash join whose build side is every text (at 100,000 notices it ran
    out of a 128 MB budget); here the texts go to disk as they stream past once, and a pair row
    carries two offsets.  The file lives in ``directory`` (the run's spill folder) and is gone
    when closed, even after a crash.

    >>> store = TextStore()
    >>> where = store.add("整改情况通报")
    >>> store.get(*where)
    '整改情况通报'
    >>> store.close()
    """

    def __init__(self, directory: str | os.PathLike | None = None):
        if directory is not None:
            os.makedirs(directory, exist_ok=True)  # DuckDB makes its spill folder only when it spills
        self.file = tempfile.TemporaryFile(dir=directory)
        self.end = 0

    def add(self, text: str) -> tuple[int, int]:
        """Append ``text``; returns its (offset, size in bytes)."""
        data = text.encode("utf-8")
        self.file.write(data)
        offset, self.end = self.end, self.end + len(data)
        return offset, len(data)

    def get(self, offset: int, size: int) -> str:
        self.file.flush()  # a no-op when nothing was written since the last read
        return os.pread(self.file.fileno(), size, offset).decode("utf-8")

    def close(self) -> None:
        self.file.close()


def _insert_arrow(cursor, sql: str, columns: dict) -> None:
    """Run ``sql`` (an INSERT reading the view ``_chunk``) on the Arrow table made of ``columns``."""
    import pyarrow as pa

    cursor.register("_chunk", pa.table(columns))
    cursor.execute(sql)
    cursor.unregister("_chunk")


def _store_texts(con, source: str, store: TextStore) -> None:
    """``partial_offsets(pos, off, size)``: each root's text written to ``store``, and where.

    The texts stream past once and DuckDB does nothing else meanwhile; the join hashes the roots'
    names (:func:`build_on_right`), never the texts.
    """
    import pyarrow as pa

    writer = con.cursor()
    writer.execute("CREATE OR REPLACE TABLE partial_offsets (pos INTEGER, off BIGINT, size INTEGER)")
    texts = f"SELECT r.pos, t.text FROM dedup_texts t JOIN (SELECT pos, input FROM {source}) r ON t.input = r.input"
    with build_on_right(con):
        for batch in con.sql(texts).to_arrow_reader(BATCH_ROWS):
            places = [store.add(text or "") for text in batch.column(1).to_pylist()]
            _insert_arrow(writer, "INSERT INTO partial_offsets SELECT * FROM _chunk", {
                "pos": batch.column(0).cast(pa.int32()),
                "off": pa.array([off for off, _ in places], pa.int64()),
                "size": pa.array([size for _, size in places], pa.int32())})
    writer.close()


def _gram_table(con, source: str, store: TextStore | None = None) -> None:
    """``partial_grams(pos, gram)``: each root's distinct 5-grams (:func:`shingles`, hashed to 64 bits), in batches.

    Python builds each notice's set (no large DISTINCT for DuckDB to hold) and DuckDB stores its hashes
    (``hash(gram)``, 8 bytes a row); a collision of two 5-grams could only add candidates, never lose one,
    since every candidate is checked on the texts.  The texts are first written to ``store`` (a
    temporary one when None) by :func:`_store_texts`, which leaves ``partial_offsets``; the 5-grams
    are then made from the store, so DuckDB never streams texts and stores 5-grams at once.
    """
    import pyarrow as pa

    own = store is None
    store = TextStore() if own else store
    try:
        _store_texts(con, source, store)
        writer = con.cursor()
        writer.execute("CREATE OR REPLACE TABLE partial_grams (pos INTEGER, gram UBIGINT)")
        positions: list[int] = []
        grams: list[str] = []

        def flush() -> None:
            if grams:
                _insert_arrow(writer, "INSERT INTO partial_grams SELECT pos, hash(gram) FROM _chunk",
                              {"pos": pa.array(positions, pa.int32()), "gram": grams})
                positions.clear()
                grams.clear()

        for pos, off, size in rows_in_batches(con, "SELECT pos, off, size FROM partial_offsets"):
            found = shingles(store.get(off, size))
            positions.extend([pos] * len(found))
            grams.extend(found)
            if len(grams) >= GRAMS_FLUSH:
                flush()
        flush()
        writer.close()
    finally:
        if own:
            store.close()


def _pos_ranges(con, sql: str, limit: int):
    """Inclusive ranges ``(lo, hi)`` of consecutive ``pos`` whose weights sum to at most ``limit`` (or one pos).

    ``sql`` gives ``(pos, weight)`` rows in ``pos`` order.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> list(_pos_ranges(con, "SELECT * FROM (VALUES (1, 3), (2, 3), (3, 5), (5, 1)) t(pos, w)", 6))
    [(1, 2), (3, 5)]
    """
    lo = hi = None
    size = 0
    for pos, weight in rows_in_batches(con, sql):
        if lo is not None and size + weight > limit:
            yield lo, hi
            lo, size = None, 0
        if lo is None:
            lo = pos
        hi, size = pos, size + weight
    if lo is not None:
        yield lo, hi


def _partial_candidates(con, source: str, store: TextStore | None = None) -> int:
    """``partial_pairs(a, b)``: every pair that can pass the containment check, found without comparing all pairs.

    Prefix filter (set-similarity joins): order all 5-grams by how many notices hold them,
    rarest first.  If at least ``t`` of the part's ``n`` 5-grams are in the whole, the part's
    first ``n - t + 1`` 5-grams in that order include one of them; so only wholes holding one
    of the part's rarest 5-grams are candidates.  ``t`` is taken a little low (the exact test
    is the float one in :func:`zhenggai.corpus.dedup.containment`), which only adds candidates.

    The bound (``max_df`` = ``ANCHOR_MAX_DF``, ``max_candidates`` = ``MAX_CANDIDATES``; docs/cluster.md),
    so that notices sharing one template do not make the work quadratic: a 5-gram held by more than
    ``max_df`` notices is no anchor.  A part whose prefix holds such a
    common 5-gram meets its wholes on its rarer ones only; a part whose prefix is all common 5-grams
    meets the first ``max_df`` notices (canonical order) holding its rarest one.  Then each part keeps
    the ``max_candidates`` wholes sharing most of its anchors (ties: canonical order).  Returns how many
    parts the bound touched (a common 5-gram in the prefix, or more candidates than kept); when 0, the
    candidates are all the filter's.
    """
    max_df, max_candidates = ANCHOR_MAX_DF, MAX_CANDIDATES
    _gram_table(con, source, store)
    # How many notices hold each 5-gram, and each notice's 5-grams with that count: a grouping and a join over
    # every 5-gram, done a bucket of 5-grams (by hash) at a time, since DuckDB's hash tables need memory
    # that grows with their rows even when they spill (at 100,000 notices, 100 million rows, both ran out of 64 MB).
    (total,) = con.execute("SELECT count(*) FROM partial_grams").fetchall()[0]
    buckets = max(1, -(-total // GRAMS_PER_BUCKET))
    con.execute("CREATE OR REPLACE TABLE partial_df (gram UBIGINT, df INTEGER)")
    con.execute("CREATE OR REPLACE TABLE partial_gdf (pos INTEGER, gram UBIGINT, df INTEGER)")
    for b in range(buckets):
        con.execute(f"INSERT INTO partial_df SELECT gram, count(*)::INTEGER FROM partial_grams "
                    f"WHERE gram % {buckets} = {b} GROUP BY gram")
    for b in range(buckets):
        con.execute(f"""INSERT INTO partial_gdf SELECT g.pos, g.gram, d.df
            FROM (SELECT pos, gram FROM partial_grams WHERE gram % {buckets} = {b}) g
            JOIN (SELECT gram, df FROM partial_df WHERE gram % {buckets} = {b}) d USING (gram)""")
    con.execute("""CREATE OR REPLACE TABLE partial_size AS
        SELECT g.pos, count(*)::INTEGER AS n, any_value(r.length) AS length
        FROM partial_grams g JOIN %s r ON r.pos = g.pos GROUP BY g.pos""" % source)
    for table in ("partial_df", "partial_grams"):
        con.execute(f"DROP TABLE {table}")
    # Each notice's 5-grams ranked rarest first; t = the fewest shared 5-grams a part may have (taken low).
    # A window holds its whole input, and so does a sort of every 5-gram (at 100,000 notices it ran out of
    # 64 MB): a chunk of notices (about SORT_ROWS 5-grams) is copied out in notice order, then ranked a
    # range of notices (about RANK_ROWS 5-grams) at a time, each range reading only its own rows.
    ranked = """SELECT g.pos, g.gram, g.df, row_number() OVER (PARTITION BY g.pos ORDER BY g.df, g.gram) AS rk,
               s.n, s.length, floor(%s * s.n) - 1 AS t
        FROM partial_sorted g JOIN partial_size s USING (pos) WHERE %%s""" % PARTIAL_CONTAINED
    con.execute("CREATE OR REPLACE TABLE partial_sorted AS SELECT * FROM partial_gdf WHERE false")
    con.execute("CREATE OR REPLACE TABLE partial_ranked AS " + ranked % "false")
    sizes = "SELECT pos, n FROM partial_size WHERE pos BETWEEN %d AND %d ORDER BY pos"
    for first, last_pos in list(_pos_ranges(con, sizes % (0, 2**31 - 1), SORT_ROWS)):
        con.execute(f"CREATE OR REPLACE TABLE partial_sorted AS SELECT * FROM partial_gdf "
                    f"WHERE pos BETWEEN {first} AND {last_pos} ORDER BY pos")
        for lo, hi in list(_pos_ranges(con, sizes % (first, last_pos), RANK_ROWS)):
            con.execute("INSERT INTO partial_ranked "
                        + ranked % f"g.pos BETWEEN {lo} AND {hi} AND s.pos BETWEEN {lo} AND {hi}")
    con.execute("DROP TABLE partial_gdf")
    for table in ("partial_size", "partial_sorted"):
        con.execute(f"DROP TABLE {table}")
    # The parts' prefixes (rank <= n - t + 1), and which of them hold a common 5-gram.
    con.execute("CREATE OR REPLACE TABLE partial_prefix AS SELECT * FROM partial_ranked WHERE rk <= n - t + 1")
    con.execute(f"CREATE OR REPLACE TABLE partial_common AS "
                f"SELECT DISTINCT pos FROM partial_prefix WHERE df > {max_df}")
    # The first max_df holders (canonical order) of each common 5-gram that is some part's rarest.
    con.execute(f"""CREATE OR REPLACE TABLE partial_first AS
        SELECT w.* FROM partial_ranked w
        WHERE w.df > {max_df} AND w.gram IN (SELECT gram FROM partial_prefix WHERE rk = 1 AND df > {max_df})
        QUALIFY row_number() OVER (PARTITION BY w.gram ORDER BY w.pos) <= {max_df}""")
    # Prefix filter on the part's side; positional filter on the whole's: the first shared 5-gram in that
    # order leaves at most n - rank more, so it is within the whole's first n - t + 1.  Wholes: longer texts
    # of which the part is at most PARTIAL_MAX_SHARE of the 5-grams (a loose bound here).
    match = "w.pos <> p.pos AND w.length > p.length AND p.n <= %s * w.n AND w.rk <= w.n - p.t + 1" % (
        PARTIAL_MAX_SHARE + 0.01)
    # Each part's candidates: the wholes sharing most of its anchors, at most max_candidates of them.  Built
    # a range of parts at a time, so the join's and the grouping's tables hold one range's pairs (at 100,000
    # notices the whole at once ran out of a 128 MB budget).
    con.execute("CREATE OR REPLACE TABLE partial_shared (a INTEGER, b INTEGER, shared BIGINT)")
    (last,) = con.execute("SELECT coalesce(max(pos), 0) FROM partial_prefix").fetchall()[0]
    for lo in range(0, last + 1, PARTS_PER_JOIN):
        parts = f"p.pos >= {lo} AND p.pos < {lo + PARTS_PER_JOIN}"
        con.execute(f"""INSERT INTO partial_shared
            SELECT a, b, count(*) AS shared FROM (
                SELECT p.pos AS a, w.pos AS b
                FROM (SELECT * FROM partial_prefix p WHERE df <= {max_df} AND {parts}) p
                JOIN partial_ranked w USING (gram) WHERE {match}
                UNION ALL
                SELECT p.pos AS a, w.pos AS b
                FROM (SELECT * FROM partial_prefix p WHERE rk = 1 AND df > {max_df} AND {parts}) p
                JOIN partial_first w USING (gram) WHERE {match})
            GROUP BY a, b""")
    for table in ("partial_prefix", "partial_first", "partial_ranked"):
        con.execute(f"DROP TABLE {table}")
    # The in-memory algorithm's own condition: a candidate shares a band of the looser LSH with the part.
    # Each notice's band keys as one 64-bit hash of (band, key) per band, in a column of its own: narrow
    # fixed-width rows to join every pair with, compared band by band.  (Two different keys of one band with
    # one hash, about 10⁻¹¹ over a million pairs, would only add a candidate.)
    bands = band_ranges(PARTIAL_CANDIDATE)
    con.execute("CREATE OR REPLACE TABLE partial_bands AS SELECT pos, " + ", ".join(
        f"hash({i}, signature[{lo * 8 + 1}:{hi * 8}]) AS k{i}" for i, (lo, hi) in enumerate(bands))
        + f" FROM {source} WHERE octet_length(signature) > 0")
    shares_a_band = " OR ".join(f"x.k{i} = y.k{i}" for i in range(len(bands)))
    # The pairs sharing a band, and each part's best max_candidates of them, a range of parts at a time as
    # above (partial_shared is stored range by range, so each range reads its own rows): the hash tables are
    # the band keys, never the pairs, and the ranking window holds one range's pairs.
    con.execute("CREATE OR REPLACE TABLE partial_banded (a INTEGER, b INTEGER, shared BIGINT)")
    con.execute("CREATE OR REPLACE TABLE partial_pairs (a INTEGER, b INTEGER)")
    for lo in range(0, last + 1, PARTS_PER_JOIN):
        parts, own = (f"{col} >= {lo} AND {col} < {lo + PARTS_PER_JOIN}" for col in ("a", "pos"))
        with build_on_right(con):
            con.execute(f"""INSERT INTO partial_banded
                SELECT s.a, s.b, s.shared FROM (SELECT * FROM partial_shared WHERE {parts}) s
                JOIN (SELECT * FROM partial_bands WHERE {own}) x ON x.pos = s.a
                JOIN partial_bands y ON y.pos = s.b
                WHERE {shares_a_band}""")
        con.execute(f"""INSERT INTO partial_pairs SELECT a, b FROM partial_banded WHERE {parts}
            QUALIFY row_number() OVER (PARTITION BY a ORDER BY shared DESC, b) <= {max_candidates}""")
    for table in ("partial_shared", "partial_bands"):
        con.execute(f"DROP TABLE {table}")
    (capped,) = con.execute(f"""SELECT count(*) FROM (
        SELECT pos FROM partial_common UNION SELECT a FROM partial_banded GROUP BY a HAVING count(*) > {max_candidates})
        """).fetchall()[0]
    con.execute("DROP TABLE partial_banded")
    con.execute("DROP TABLE partial_common")
    return capped


def _partial_links(con, spill_dir: str | os.PathLike | None = None) -> int:
    """``partial_links``: each head left in the index that is a large part of a longer one → the fullest copy.

    The candidates of the in-memory version are the pairs sharing a band of the looser LSH;
    here they are the prefix-filter pairs that share such a band — the same pairs, less the
    ones that cannot pass the containment check anyway.
    """
    # The roots without their texts (they are read once, by _gram_table, into the text store).
    con.execute(
        "CREATE OR REPLACE TABLE partial_roots AS SELECT h.pos, h.input, h.length, h.signature FROM dedup_heads h "
        "WHERE octet_length(h.signature) > 0 AND h.input NOT IN (SELECT input FROM near_links)"
    )
    store = TextStore(spill_dir)
    try:
        bounded = _partial_candidates(con, "partial_roots", store)
        _check_partials(con, store)
    finally:
        store.close()
    con.execute("DROP TABLE partial_roots")
    return bounded


def _check_partials(con, store: TextStore) -> None:
    """``partial_links`` from ``partial_pairs``: each part whose 5-grams its best whole contains."""
    cache: OrderedDict[str, set[str]] = OrderedDict()

    def grams(name: str, offset: int, size: int) -> set[str]:
        if name in cache:
            cache.move_to_end(name)
            return cache[name]
        found = cache[name] = shingles(store.get(offset, size))
        if len(cache) > GRAMS_CACHE:
            cache.popitem(last=False)
        return found

    # The pairs with the names and the texts' places in the store: narrow rows, sorted by part so that a
    # part's 5-grams are computed once (DuckDB spills the sort under a small budget).
    con.execute("""CREATE OR REPLACE TABLE partial_check AS
        SELECT p.a, p.b, x.input, y.input AS other, y.length AS other_length,
               ox.off, ox.size, oy.off AS other_off, oy.size AS other_size
        FROM partial_pairs p JOIN partial_roots x ON x.pos = p.a JOIN partial_roots y ON y.pos = p.b
        JOIN partial_offsets ox ON ox.pos = p.a JOIN partial_offsets oy ON oy.pos = p.b""")
    for table in ("partial_pairs", "partial_offsets"):
        con.execute(f"DROP TABLE {table}")
    fuller: dict[str, str] = {}
    best: dict[str, tuple] = {}
    # The result does not depend on the order: each part keeps its best whole by (share, length, name).
    rows = rows_in_batches(con, "SELECT input, other, other_length, off, size, other_off, other_size "
                                "FROM partial_check ORDER BY a, b")
    for name, other, other_length, off, size, other_off, other_size in rows:
        part, whole = grams(name, off, size), grams(other, other_off, other_size)
        share = containment(part, whole)
        if len(part) > PARTIAL_MAX_SHARE * len(whole) or share < PARTIAL_CONTAINED:
            continue
        # The copy holding most of it (another notice of the same template holds less), then the longest.
        key = (share, other_length, other)
        if name not in best or key > best[name]:
            best[name] = key
    fuller.update((name, key[2]) for name, key in sorted(best.items()))
    links = _Links(con, "partial_links")
    for name in fuller:
        root = name
        while root in fuller:  # a part of a part: the fullest copy of all
            root = fuller[root]
        links.add(name, root, "partial")
    links.close()
    con.execute("DROP TABLE partial_check")


def link_duplicates(con, records: str, texts: str, threshold: float = THRESHOLD,
                    spill_dir: str | os.PathLike | None = None) -> dict[str, int]:
    """Create ``dedup_order(pos, input)`` and ``dedup_links(input, canonical, kind)``; returns counts per kind.

    The counts: ``exact``, ``near`` and ``partial`` links, and ``partial_bounded``, the notices whose
    partial-copy candidates the bound on common 5-grams cut (see :func:`_partial_candidates`; 0 means
    the links are those of the unbounded algorithm).

    ``records`` is a query with the columns ``input``, ``text_hash`` (the exact-copy key),
    ``published_at``, ``signature`` (bytes or NULL), ``length`` and ``truncated``; ``texts``
    a query with ``input`` and ``text`` (for partial copies).  Same result as
    :func:`zhenggai.corpus.dedup.find_duplicates` with ``text_of``.
    """
    # Nothing here depends on the order rows come out in (every order is an ORDER BY or a pos); without
    # the guarantee DuckDB can spill the large DISTINCT and window steps under a small budget.
    (preserve,) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0]
    con.execute("SET preserve_insertion_order = false")
    # The canonical order is ranked on narrow rows, then joined to the signatures (512 bytes a notice): a
    # window over every row holds its whole input, and with the signatures it ran out of 64 MB at 100,000.
    con.execute(f"""CREATE OR REPLACE TABLE dedup_order AS
        SELECT row_number() OVER (ORDER BY truncated, published_at IS NULL, published_at, input) AS pos, input
        FROM (SELECT input, truncated, published_at FROM ({records}))""")
    with build_on_right(con):
        con.execute(f"""CREATE OR REPLACE TABLE dedup_all AS
            SELECT o.pos, r.input, r.text_hash, r.signature, coalesce(r.length, 0) AS length, r.truncated
            FROM ({records}) r JOIN dedup_order o ON o.input = r.input""")
    con.execute("CREATE OR REPLACE TEMP VIEW dedup_texts AS " + texts)
    # Each text hash's head: its first notice (a grouping on narrow rows, not a window over the signatures).
    con.execute("""CREATE OR REPLACE TABLE dedup_heads AS
        SELECT d.pos, d.input, d.text_hash, d.signature, d.length, d.truncated FROM dedup_all d
        WHERE d.pos IN (SELECT min(pos) FROM dedup_all GROUP BY text_hash)""")
    _near_links(con, threshold)
    bounded = _partial_links(con, spill_dir)
    # Exact copies point where their head points (a head linked as a near copy passes its canonical on);
    # then a link to a notice that is itself a partial copy goes on to the fullest copy.
    con.execute("""CREATE OR REPLACE TABLE dedup_links AS
        WITH exact AS (
            SELECT d.input, coalesce(n.canonical, h.input) AS canonical, 'exact' AS kind
            FROM dedup_all d JOIN dedup_heads h ON h.text_hash IS NOT DISTINCT FROM d.text_hash
            LEFT JOIN near_links n ON n.input = h.input
            WHERE d.pos <> h.pos),
        linked AS (SELECT * FROM exact UNION ALL SELECT * FROM near_links UNION ALL SELECT * FROM partial_links)
        SELECT l.input,
               CASE WHEN l.kind <> 'partial' AND p.input IS NOT NULL THEN p.canonical ELSE l.canonical END
                   AS canonical,
               CASE WHEN l.kind <> 'partial' AND p.input IS NOT NULL THEN 'partial' ELSE l.kind END AS kind
        FROM linked l LEFT JOIN partial_links p ON p.input = l.canonical""")
    for table in ("near_links", "partial_links", "dedup_heads", "dedup_all"):
        con.execute(f"DROP TABLE {table}")
    con.execute(f"SET preserve_insertion_order = {'true' if preserve else 'false'}")
    counts = dict(con.execute("SELECT kind, count(*) FROM dedup_links GROUP BY kind").fetchall())
    return {**{kind: counts.get(kind, 0) for kind in ("exact", "near", "partial")}, "partial_bounded": bounded}
