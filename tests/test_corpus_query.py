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


# -- the sandbox's own holes (issue 13, item 1) -------------------------------------------------

import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from zhenggai.corpus.dataset import DatasetError  # noqa: E402
from zhenggai.corpus.query import connect  # noqa: E402


def _cli(*args, cwd=None, env=None, timeout=120):
    """Run ``zhenggai`` in a fresh process: (exit code, stdout, stderr)."""
    proc = subprocess.run([sys.executable, "-m", "zhenggai", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def _one_line_error(code, err):
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("zhenggai: error: "), err
    assert "Traceback" not in err


@pytest.fixture()
def copy(dataset, tmp_path):
    """A copy of the dataset that a test may damage."""
    _, out, _ = dataset
    target = tmp_path / "ds"
    shutil.copytree(out, target, symlinks=True)  # keeps the `current` link of the dataset layout
    return target


@pytest.mark.parametrize("sql", [
    "SELECT content FROM read_text('.tmp/s.txt')",
    "SELECT * FROM glob('{cwd}/.tmp/**')",
    "SELECT content FROM read_text('{cwd}/.tmp/s.txt')",
], ids=["read-text-relative", "glob", "read-text-absolute"])
def test_duckdb_default_temp_folder_in_cwd_is_not_readable(dataset, tmp_path, monkeypatch, sql):
    _, out, _ = dataset
    (tmp_path / ".tmp").mkdir()
    (tmp_path / ".tmp" / "s.txt").write_text("SECRET")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(QueryError):
        run_query(out, sql.format(cwd=tmp_path))


def test_temp_folder_is_private_capped_and_removed(dataset, tmp_path):
    _, out, _ = dataset
    parent = tmp_path / "t"
    parent.mkdir()
    stale = parent / f"zhenggai-query-{os.getuid()}" / "999999999-killed"
    stale.mkdir(parents=True)
    (stale / "spill.block").write_bytes(b"x" * 100)
    code, got, err = _cli("query", out, "SELECT current_setting('temp_directory') AS t, "
                          "current_setting('max_temp_directory_size') AS m, "
                          "current_setting('memory_limit') AS l", "--format", "json",
                          cwd=tmp_path, env={"TMPDIR": str(parent)})
    assert code == 0, err
    import json
    row = json.loads(got)[0]
    assert row["t"].startswith(str(parent / f"zhenggai-query-{os.getuid()}"))
    assert row["m"] not in ("", "90% of available disk space") and "GiB" in row["m"]
    assert not (tmp_path / ".tmp").exists()
    assert not stale.exists()  # left by a killed run, swept on the next start
    assert list((parent / f"zhenggai-query-{os.getuid()}").iterdir()) == []  # ours, removed on exit


def test_memory_limit_is_enforced(dataset):
    _, out, _ = dataset
    code, _, err = _cli("query", out, "SELECT length(repeat('x', 3000000000)) AS n")
    _one_line_error(code, err)
    assert "memory" in err.lower()


def test_query_timeout_interrupts_a_long_query(dataset):
    _, out, _ = dataset
    code, _, err = _cli("query", out, "SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b",
                        "--timeout", "0.5")
    _one_line_error(code, err)
    assert "longer than 0.5s" in err and "--timeout" in err


@pytest.mark.parametrize("value", ["nan", "-1", "0", "inf", "abc"])
def test_query_bad_timeout_is_a_usage_error(dataset, value):
    _, out, _ = dataset
    code, _, err = _cli("query", out, "SELECT 1", "--timeout", value)
    assert code == 2 and "--timeout" in err and "Traceback" not in err


def test_symlinked_part_is_refused(copy):
    (resolve(copy) / "notices" / "zz.parquet").symlink_to("/etc/hostname")
    with pytest.raises(DatasetError, match="symlink"):
        connect(copy)
    with pytest.raises((DatasetError, QueryError)):
        run_query(copy, "SELECT content FROM read_text('/etc/hostname')")
    code, _, err = _cli("query", copy, "SELECT count(*) FROM notices")
    _one_line_error(code, err)


def test_symlinked_table_folder_is_refused(copy, tmp_path):
    shutil.move(resolve(copy) / "errors", tmp_path / "elsewhere")
    (resolve(copy) / "errors").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(DatasetError, match="symlink"):
        run_query(copy, "SELECT count(*) FROM errors")


@pytest.mark.parametrize("fn", ["read_blob", "read_text", "read_csv", "read_json", "glob"])
def test_raw_reads_of_the_datasets_own_files_are_refused(dataset, fn):
    _, out, _ = dataset
    part = next((resolve(out) / "notices").glob("*.parquet"))
    with pytest.raises(QueryError, match="refused"):
        run_query(out, f"SELECT * FROM (SELECT 1) x, {fn}('{part}')")


def test_a_quoted_or_nested_raw_read_is_refused(dataset):
    _, out, _ = dataset
    part = next((resolve(out) / "notices").glob("*.parquet"))
    with pytest.raises(QueryError, match="refused"):
        run_query(out, f"SELECT * FROM notices WHERE EXISTS (SELECT 1 FROM \"READ_BLOB\"('{part}'))")


@pytest.mark.parametrize("damage", ["truncated-part", "truncated-manifest", "empty-manifest"])
def test_damaged_dataset_is_one_line(copy, damage):
    if damage == "truncated-part":
        part = next((resolve(copy) / "mentions").glob("*.parquet"))
        part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    else:
        manifest = resolve(copy) / "manifest.json"
        manifest.write_bytes(manifest.read_bytes()[:10] if damage == "truncated-manifest" else b"")
    code, _, err = _cli("query", copy, "SELECT count(*) FROM mentions")
    _one_line_error(code, err)
    assert str(copy) in err


@pytest.mark.parametrize("value", ["[/x]", "[link=https://example.com]click[/link]", "[bold]b[/bold]"],
                         ids=["close-tag", "link", "bold"])
def test_table_values_are_plain_text_never_markup(dataset, value):
    _, out, _ = dataset
    code, got, err = _cli("query", out, f"SELECT '{value}' AS v, '{value}' AS \"{value}\"")
    assert code == 0, err
    assert got.count(value) == 3  # the header and both cells, as written
    assert "\x1b]8;" not in got  # no terminal hyperlink


@pytest.mark.parametrize("target", ["/missing/x.csv", "/dev/full"], ids=["missing-folder", "full-device"])
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_output_that_cannot_be_written_is_one_line(dataset, target, fmt):
    if target == "/dev/full" and not os.path.exists(target):
        pytest.skip("no /dev/full")
    _, out, _ = dataset
    code, _, err = _cli("query", out, "SELECT * FROM notices", "--format", fmt, "-o", target)
    _one_line_error(code, err)
    assert target in err


def test_query_to_a_full_stdout_is_one_line(dataset):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    _, out, _ = dataset
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "zhenggai", "query", str(out), "SELECT * FROM notices",
                               "--format", "csv"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    _one_line_error(proc.returncode, proc.stderr)


def test_compare_csv_to_a_missing_folder_is_one_line(dataset):
    _, out, _ = dataset
    code, _, err = _cli("compare", out, "--by", "sector", "--csv", "/missing/x.csv")
    _one_line_error(code, err)
    assert "/missing/x.csv" in err


def test_compare_format_csv_to_a_file_says_what_it_wrote(dataset, tmp_path):
    _, out, _ = dataset
    code, _, err = _cli("compare", out, "--by", "sector", "--format", "csv", "-o", tmp_path / "c.csv")
    assert code == 0, err
    assert err.startswith(f"wrote {tmp_path / 'c.csv'}: ") and (tmp_path / "c.csv").exists()


def test_wide_rows_switch_to_a_vertical_layout(dataset):
    _, out, _ = dataset
    code, got, err = _cli("query", out, "SELECT * FROM notices LIMIT 2", env={"COLUMNS": "100"})
    assert code == 0, err
    assert "-[ RECORD 1 ]" in got and "-[ RECORD 2 ]" in got
    assert max(len(line) for line in got.splitlines()) <= 100
    names = [line.split("│")[0].strip() for line in got.splitlines() if "│" in line]
    assert "notice_id" in names and "title" in names
    # A narrow result stays a table.
    code, got, _ = _cli("query", out, "SELECT count(*) AS n FROM notices", env={"COLUMNS": "100"})
    assert "RECORD" not in got and " n " in got


def test_readme_states_the_query_defaults():
    from pathlib import Path

    from zhenggai.corpus.query import DEFAULT_TEMP_LIMIT, DEFAULT_TIMEOUT

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    faults = (root / "docs" / "faults.md").read_text(encoding="utf-8")
    assert "stopped after 60 s by default" in readme and DEFAULT_TIMEOUT == 60
    assert f"`max_temp_directory_size` is {DEFAULT_TEMP_LIMIT[:-2]} GB" in faults
