"""Read-only SQL over a dataset: ordinary queries work, hostile ones are refused."""

from __future__ import annotations

import pytest

from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.dataset import resolve
from zhenggai.corpus.query import QueryError, check_sql, run_query
from zhenggai.corpus.synth import write_corpus


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("q")
    plan = write_corpus(root / "in", n=12)
    out = root / "ds"
    run_batch([root / "in"], out, jobs=1, extractor="zhenggai.corpus.synth:oracle", progress=False)
    (root / "secret.parquet").write_bytes((resolve(out) / "notices" / "part-00000.parquet").read_bytes())
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
    ("SELECT * FROM read_text('/etc/passwd')", "read-text-passwd"),
    ("SELECT * FROM read_blob('/etc/passwd')", "read-blob"),
    ("SELECT * FROM read_json('/etc/passwd')", "read-json"),
    ("SELECT * FROM sniff_csv('/etc/passwd')", "sniff-csv"),
    ("SELECT * FROM '/etc/passwd'", "replacement-scan"),
    ("SELECT * FROM glob('/*')", "glob-root"),
    ("SELECT * FROM glob('{out}/*')", "glob-dataset-folder"),
    ("SELECT * FROM duckdb_extensions()", "list-extensions"),
    ("SELECT * FROM query(\"COPY notices TO '{root}/q.csv'\")", "query-function"),
    ("SELECT * FROM query('COPY notices TO ''{root}/q.csv''')", "query-function-quoted"),
    ("SET allowed_paths = ['/']", "widen-paths"),
    ("RESET enable_external_access", "reset-access"),
    ("PRAGMA enable_profiling", "pragma-profiling"),
    ("CALL duckdb_settings()", "call-settings"),
    ("CREATE VIEW v AS SELECT 1", "create-view"),
    ("DROP VIEW notices", "drop-view"),
    ("INSERT INTO notices SELECT * FROM notices", "insert"),
    ("UPDATE notices SET title = 'x'", "update"),
    ("DELETE FROM errors", "delete"),
    ("ALTER VIEW notices RENAME TO n2", "alter"),
    ("DETACH memory", "detach"),
    ("USE system", "use"),
    ("CHECKPOINT", "checkpoint"),
    ("SELECT 1; ATTACH '{root}/other.db' AS other", "select-then-attach"),
    ("SELECT 1; DROP VIEW notices; SELECT 2", "select-drop-select"),
    ("EXPLAIN COPY notices TO '{root}/leak.csv'", "explain-copy"),
    ("EXPLAIN ANALYZE COPY notices TO '{root}/leak.csv'", "explain-analyze-copy"),
    # The dataset's own files are readable, so DuckDB would also let COPY overwrite them.
    ("EXPLAIN ANALYZE COPY (SELECT 1 AS x) TO '{out}/notices/part-00000.parquet' "
     "(FORMAT parquet, USE_TMP_FILE false)",
     "explain-analyze-overwrite-dataset"),
    ("EXPLAIN ANALYZE INSERT INTO notices SELECT * FROM notices", "explain-analyze-insert"),
]


@pytest.mark.parametrize("sql", [h[0] for h in HOSTILE], ids=[h[1] for h in HOSTILE])
def test_hostile_sql_is_refused(dataset, sql):
    root, out, _ = dataset
    before = {p: p.read_bytes() if p.is_file() else None for p in root.rglob("*")}
    with pytest.raises(QueryError):
        run_query(out, sql.format(root=root, out=resolve(out)))  # the folder holding the tables
    # Nothing written anywhere, the dataset's own files included.
    assert {p: p.read_bytes() if p.is_file() else None for p in root.rglob("*")} == before
    assert len(run_query(out, "SELECT * FROM notices")) > 0


def test_explain_of_a_select_still_works(dataset):
    _, out, _ = dataset
    assert len(run_query(out, "EXPLAIN SELECT count(*) FROM notices")) > 0
    assert len(run_query(out, "EXPLAIN ANALYZE SELECT count(*) FROM notices")) > 0


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
