"""The batch, query and compare commands, through zhenggai's command line."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from zhenggai.cli import main
from zhenggai.corpus.synth import write_corpus

ORACLE = "zhenggai.corpus.synth:oracle"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    plan = write_corpus(root / "in", n=14)
    out = root / "ds"
    code = main(["batch", str(root / "in"), "-o", str(out), "--jobs", "1", "--quiet", "--extractor", ORACLE])
    assert code == 0
    return root, out, plan


def test_batch_prints_a_summary(tmp_path, capsys):
    plan = write_corpus(tmp_path / "in", n=4)
    code = main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "ds"), "-j", "1", "--quiet",
                 "--extractor", ORACLE, "--fail-on-error"])
    err = capsys.readouterr().err
    assert code == 1  # the broken files failed
    assert f"{len(plan.inputs)} inputs" in err and f"{len(plan.broken)} failed" in err
    assert "errors by class: InputError" in err


@pytest.mark.parametrize(
    "fmt,check",
    [
        ("json", lambda out, plan: json.loads(out)[0]["n"] == len(plan.specs)),
        ("csv", lambda out, plan: out.splitlines()[1] == str(len(plan.specs))),
        ("table", lambda out, plan: str(len(plan.specs)) in out),
    ],
    ids=["json", "csv", "table"],
)
def test_query_formats(built, capsys, fmt, check):
    _, out, plan = built
    assert main(["query", str(out), "SELECT count(*) AS n FROM canonical_notices", "--format", fmt]) == 0
    assert check(capsys.readouterr().out, plan)


def test_query_refuses_hostile_sql(built, capsys):
    root, out, _ = built
    assert main(["query", str(out), f"COPY notices TO '{root}/leak.csv'"]) == 1
    assert "only SELECT" in capsys.readouterr().err
    assert main(["query", str(out), "SELECT * FROM read_csv('/etc/passwd')"]) == 1
    assert "refused" in capsys.readouterr().err
    assert not (root / "leak.csv").exists()


def test_query_on_a_folder_without_dataset(tmp_path, capsys):
    assert main(["query", str(tmp_path), "SELECT 1"]) == 1
    assert "no zhenggai dataset here" in capsys.readouterr().err


def test_compare_writes_utf8_sig_csv(built, tmp_path):
    _, out, plan = built
    target = tmp_path / "by-sector.csv"
    assert main(["compare", str(out), "--by", "sector", "--csv", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert {r["sector"] for r in rows} == {s.sector for s in plan.specs}
    assert sum(int(r["notices"]) for r in rows) == len(plan.specs)
    assert sum(int(r["issues"]) for r in rows) == sum(s.issues for s in plan.specs)


def test_parsing_the_command_line_loads_no_heavy_library():
    code = (
        "import sys, zhenggai.cli as c; c.build_parser().parse_args(['compare', 'x', '--by', 'year']); "
        "print(sorted(m for m in ('pandas', 'duckdb', 'dask', 'pyarrow', 'jieba', 'cpca') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_query_lifts_its_memory_cap_when_done(built):
    """The query command caps the address space while DuckDB runs; run in-process (an API caller, a
    test), the process gets its old limit back afterwards instead of keeping the cap for good."""
    import resource

    _, out, _ = built
    before = resource.getrlimit(resource.RLIMIT_AS)
    assert main(["query", str(out), "SELECT count(*) AS n FROM canonical_notices", "--format", "csv"]) == 0
    assert resource.getrlimit(resource.RLIMIT_AS) == before
