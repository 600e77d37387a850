"""Large tables are written as several sorted parts: the same rows, in the same order, as one part.

DuckDB sorts each output part within its memory budget; a table whose strings pass
``finalise.PART_BYTES`` is cut at its first sort key into parts ``part-00000.parquet``,
``part-00001.parquet`` … (docs/cluster.md).  Here the limit is made tiny so that a small
generated corpus is cut, and the tables read back equal those of a run written whole.
"""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.dataset import TABLES, resolve
from zhenggai.corpus.synth import write_corpus

ORACLE = "zhenggai.corpus.synth:oracle"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("parts")
    write_corpus(root / "in", n=60)
    return root


def _run(corpus, name, monkeypatch=None, part_bytes=None):
    import zhenggai.corpus.finalise as finalise

    if part_bytes is not None:
        monkeypatch.setattr(finalise, "PART_BYTES", part_bytes)
    out = corpus / name
    run_batch([corpus / "in"], out, jobs=1, extractor=ORACLE, chunk_size=20, progress=False)
    return resolve(out)


def test_a_small_part_limit_cuts_tables_into_sorted_parts_with_the_same_rows(corpus, monkeypatch):
    whole = _run(corpus, "whole")
    cut = _run(corpus, "cut", monkeypatch, part_bytes=20_000)
    for table in (*TABLES, "_minhash"):
        assert [p.name for p in (whole / table).glob("*.parquet")] == ["part-00000.parquet"]
    # The notices (long texts) and the mentions are cut; each part's first key is above the last one's.
    notices = sorted((cut / "notices").glob("*.parquet"))
    assert len(notices) >= 5
    firsts = [pq.read_table(p, columns=["input"]).column(0).to_pylist() for p in notices]
    assert all(rows for rows in firsts)
    assert all(a[-1] < b[0] for a, b in zip(firsts, firsts[1:]))
    assert len(sorted((cut / "mentions").glob("*.parquet"))) >= 2
    # Read back (every part, in name order), the tables are those of the run written whole.
    left, right = load(whole), load(cut)
    for table in TABLES:
        assert left[table].equals(right[table]), table


def test_rows_sharing_a_first_key_stay_in_one_part(corpus, monkeypatch):
    cut = _run(corpus, "cut-one-byte", monkeypatch, part_bytes=1)
    # A limit of one byte makes a part per notice; a notice's sections are never split across parts.
    parts = sorted((cut / "sections").glob("*.parquet"))
    ids = [set(pq.read_table(p, columns=["notice_id"]).column(0).to_pylist()) for p in parts]
    assert all(len(found) == 1 for found in ids)
    assert len(ids) == len(set().union(*ids))
