"""Read-only SQL over a dataset: ordinary queries work, hostile ones are refused."""

from __future__ import annotations

import pytest

from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.query import QueryError, check_sql, run_query
from zhenggai.corpus.synth import write_corpus


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("q")
    plan = write_corpus(root / "in", n=12)
    out = root / "ds"
    run_batch([root / "in"], out, jobs=1, extractor="zhenggai.corpus.synth:oracle", progress=False)
    (root / "secret.parquet").write_bytes((out / "notices" / "part-00000.parquet").read_bytes())
    return root, out, plan


@pytest.mark.parametrize(
    "sql,expect",
    [
        ("SELECT count(*) AS n FROM notices", lambda f, p: f.n[0] == len(p.inputs) - len(p.broken)),
        ("SELECT count(*) AS n FROM canonical_notices", lambda f, p: f.n[0] == len(p.specs)),
        ("SELECT n.organisation, count(*) AS k FROM sections s JOIN notices n USING (notice_id) GROUP BY 1",
         lambda f, p: f.k.sum() > 0),
        ("WITH m AS (SELECT * FROM mentions WHERE kind = 'money') SELECT sum(value) AS v FROM m",
         lambda f, p: f.v[0] > 0),
        ("DESCRIBE notices", lambda f, p: "notice_id" in set(f.iloc[:, 0])),
        ("FROM errors SELECT input", lambda f, p: len(f) == len(p.broken)),
    ],
    ids=["count", "canonical", "join", "cte", "describe", "from-first"],
)
def test_ordinary_queries(dataset, sql, expect):
    _, out, plan = dataset
    assert expect(run_query(out, sql), plan)


HOSTILE = [
    ("ATTACH '{root}/other.db' AS other", "attach"),
    ("COPY notices TO '{root}/leak.csv'", "copy-to"),
    ("COPY (SELECT 1) TO '{out}/notices/part-00000.parquet'", "copy-over-dataset"),
    ("EXPORT DATABASE '{root}/export'", "export"),
    ("INSTALL httpfs", "install"),
    ("LOAD httpfs", "load"),
    ("SET enable_external_access = true", "unlock-access"),
    ("SET lock_configuration = false", "unlock-config"),
    ("SELECT * FROM read_csv('/etc/passwd')", "read-csv-etc"),
    ("SELECT * FROM read_text('/etc/hostname')", "read-text"),
    ("SELECT * FROM read_parquet('{root}/secret.parquet')", "read-parquet-outside"),
    ("SELECT * FROM read_parquet('{out}/../secret.parquet')", "read-parquet-dotdot"),
    ("SELECT * FROM glob('/etc/*')", "glob"),
    ("SELECT 1; COPY notices TO '{root}/x.csv'", "second-statement"),
    ("CREATE TABLE t AS SELECT 1", "create"),
    ("PRAGMA database_list", "pragma"),
    ("CALL pragma_version()", "call"),
]


@pytest.mark.parametrize("sql", [h[0] for h in HOSTILE], ids=[h[1] for h in HOSTILE])
def test_hostile_sql_is_refused(dataset, sql):
    root, out, _ = dataset
    before = sorted(p.name for p in root.rglob("*"))
    with pytest.raises(QueryError):
        run_query(out, sql.format(root=root, out=out))
    assert sorted(p.name for p in root.rglob("*")) == before


def test_locked_connection_refuses_even_unchecked_sql(dataset):
    # Defence in depth: the statement filter is not the only guard.
    import duckdb

    from zhenggai.corpus.query import connect

    root, out, _ = dataset
    con = connect(out)
    for sql in (f"COPY notices TO '{root}/leak.csv'", "SELECT * FROM read_csv('/etc/passwd')",
                f"ATTACH '{root}/x.db'", "SET enable_external_access = true"):
        with pytest.raises(duckdb.Error):
            con.execute(sql)
    assert not (root / "leak.csv").exists()


@pytest.mark.parametrize("sql", ["", "SELEC 1", "DROP TABLE notices"], ids=["empty", "typo", "drop"])
def test_bad_sql_gives_a_clear_error(sql):
    with pytest.raises(QueryError):
        check_sql(sql)
