"""`zhenggai compare` over a dataset of real extractions: only rectification notices by default
(--types), null (not 0) where no notice stated a figure, a `…_notices` count per figure, exact
money; and `zhenggai batch --types`, whose left-out inputs are counted skips."""

from __future__ import annotations

import csv
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from zhenggai.cli import main
from zhenggai.corpus import dataset as ds
from zhenggai.corpus.compare import CompareError, compare, exact, parse_types

ROOT = Path(__file__).resolve().parents[1]
# Two rectification notices, one audit rectification report, a feedback notice and a weather page.
INPUTS = {
    "qinglan.txt": ROOT / "corpus" / "samples" / "qinglan-finance-2024.txt",
    "street.txt": ROOT / "corpus" / "gold" / "holdout2-street-figures-circled.txt",
    "audit.txt": ROOT / "tests" / "fixtures" / "notices" / "audit-rectification-report.txt",
    "feedback.txt": ROOT / "corpus" / "doctype" / "fb01-team-to-bureau.txt",
    "weather.txt": ROOT / "corpus" / "doctype" / "ot01-weather-report.txt",
}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("compare")
    folder = root / "in"
    folder.mkdir()
    for name, source in INPUTS.items():
        shutil.copy(source, folder / name)
    out = root / "ds"
    assert main(["batch", str(folder), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    return root, out


def _types_of(out) -> dict[str, str]:
    from zhenggai.corpus.query import connect

    rows = connect(out).sql("SELECT input, doc_type FROM notices").fetchall()
    return {Path(i).name: t for i, t in rows}


def test_every_input_is_typed(dataset):
    _, out = dataset
    assert _types_of(out) == {"qinglan.txt": "rectification", "street.txt": "rectification",
                              "audit.txt": "audit_rectification", "feedback.txt": "feedback", "weather.txt": "other"}


def test_compare_counts_only_rectification_notices_by_default(dataset):
    _, out = dataset
    frame = compare(out, by="year")
    assert int(frame["notices"].sum()) == 3  # the feedback notice and the weather page are left out
    every = compare(out, by="year", types=None)
    assert int(every["notices"].sum()) == 5
    only = compare(out, by="year", types=("feedback",))
    assert int(only["notices"].sum()) == 1


def test_a_sum_no_notice_stated_is_null_and_counted_notices_say_so(dataset):
    _, out = dataset
    frame = compare(out, by="year", types=("feedback", "other"))
    for _, row in frame.iterrows():
        assert row["money_total_yuan"] is None and row["money_total_notices"] == 0
        assert row["money_recovered_yuan"] is None and row["money_recovered_notices"] == 0
        assert pd.isna(row["issues"]) == (row["issues_notices"] == 0)


def test_figures_have_notice_counts_and_exact_money(dataset):
    from zhenggai.corpus.query import connect

    _, out = dataset
    frame = compare(out, by="year").set_index("year")
    con = connect(out)
    stated = con.sql("""
        SELECT coalesce(CAST(year AS VARCHAR), '(unknown)'), count(totals_issues), sum(totals_issues),
               count(totals_money_recovered_yuan_exact), list(totals_money_recovered_yuan_exact)
        FROM canonical_notices WHERE doc_type IN ('rectification', 'audit_rectification') GROUP BY 1
    """).fetchall()
    assert stated
    for year, n_issues, issues, n_money, amounts in stated:
        row = frame.loc[year]
        assert row["issues_notices"] == n_issues
        assert (pd.isna(row["issues"]) and issues is None) or row["issues"] == issues
        assert row["money_recovered_notices"] == n_money
        assert row["money_recovered_yuan"] == exact(sum((Decimal(a) for a in amounts if a), Decimal(0))) \
            if n_money else row["money_recovered_yuan"] is None
    per_category = con.sql("""
        SELECT m.category, list(m.value_exact) FROM money_totals m JOIN canonical_notices n USING (notice_id)
        WHERE n.doc_type IN ('rectification', 'audit_rectification') GROUP BY 1
    """).fetchall()
    for category, values in per_category:
        column = frame[f"money_{category}_yuan"]
        assert sum((v for v in column if v is not None), Decimal(0)) == sum(Decimal(v) for v in values)
        assert all(isinstance(v, Decimal) for v in column if v is not None)


def test_csv_writes_exact_whole_numbers(dataset, tmp_path):
    _, out = dataset
    target = tmp_path / "by-year.csv"
    assert main(["compare", str(out), "--by", "year", "--types", "all", "--csv", str(target)]) == 0
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    money = [r["money_total_yuan"] for r in rows if r["money_total_yuan"]]
    assert money and all(not v.endswith(".0") for v in money)
    for r in rows:
        for col in ("issues", "completed", "people_disciplined", "systems_established"):
            assert r[col] == "" or r[col].isdigit(), (col, r[col])
        if r["money_total_notices"] == "0":
            assert r["money_total_yuan"] == ""  # null, not 0.0


def test_exact_drops_trailing_zeros():
    assert str(exact(Decimal("54917375.0000"))) == "54917375"
    assert str(exact(Decimal("0.1000") + Decimal("0.2000"))) == "0.3"


@pytest.mark.parametrize(
    "value,expected",
    [("rectification", ("rectification",)), ("news, other", ("news", "other")), ("all", None)],
    ids=["one", "two_with_space", "all"],
)
def test_parse_types(value, expected):
    assert parse_types(value) == expected


def test_unknown_type_is_a_usage_error(dataset, capsys):
    _, out = dataset
    with pytest.raises(SystemExit) as exc:
        main(["compare", str(out), "--types", "notices"])
    assert exc.value.code == 2
    assert "unknown document type notices; use 'all' or a comma list of rectification" in capsys.readouterr().err


def test_a_dataset_without_doc_type_needs_types_all(dataset):
    import duckdb

    from zhenggai.corpus import load

    _, out = dataset
    tables = load(out)
    con = duckdb.connect()
    old = tables["notices"].drop(columns=["doc_type", "doc_type_evidence"])
    con.register("notices", old)
    con.register("canonical_notices", old[old["duplicate_of"].isna()])
    for name in ("money_totals", "sections"):
        con.register(name, tables[name])
    with pytest.raises(CompareError, match="no doc_type column .* rebuild it with zhenggai batch, or .* --types all"):
        compare(out, by="year", con=con)
    assert int(compare(out, by="year", types=None, con=con)["notices"].sum()) == 5


def test_batch_types_keeps_some_and_counts_the_others_as_skips(dataset, capsys):
    root, _ = dataset
    out = root / "only-rectification"
    assert main(["batch", str(root / "in"), "-o", str(out), "--jobs", "1", "--quiet",
                 "--types", "rectification,audit_rectification"]) == 0
    err = capsys.readouterr().err
    assert "5 inputs" in err
    assert "skipped by --types: 2 inputs of other document types (feedback 1, other 1)" in err
    assert set(_types_of(out).values()) == {"rectification", "audit_rectification"}
    manifest = ds.read_manifest(out)
    skipped = manifest["skipped"]
    assert skipped["count"] == 2 and skipped["by_doc_type"] == {"feedback": 1, "other": 1}
    assert {Path(k).name for k in skipped["inputs"]} == {"feedback.txt", "weather.txt"}
    assert manifest["counts"]["notices"] + manifest["counts"]["errors"] + skipped["count"] == len(INPUTS)


def test_batch_types_with_dask_is_refused(tmp_path, capsys):
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "ds"), "--engine", "dask", "--types", "news"]) == 1
    assert "--types needs the local engine" in capsys.readouterr().err
