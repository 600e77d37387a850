"""Conformance rows: one test function per class (TSV file), one case per row, pytest id = row id.

A row passes when a mention of its kind overlapping the target has the expected value (or, for
``none``, when no mention of its kind overlaps). Ids listed in known_failures.txt are strict xfails:
a known gap that gets fixed makes its case fail until the id is removed (update_known_failures.py).
"""

from __future__ import annotations

import pytest

from tests.conformance.cases import data_files, judge, load_cases, load_file, load_known_failures

CASES = load_cases()
KNOWN = load_known_failures()


def _params(cls: str) -> list:
    params = []
    for case in CASES:
        if case.cls != cls:
            continue
        marks = [pytest.mark.xfail(strict=True, reason="known gap")] if case.id in KNOWN else []
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def _make_test(cls: str):
    @pytest.mark.parametrize("case", _params(cls))
    def test(case):
        passed, why = judge(case)
        assert passed, f"{case.id} ({case.cls}.tsv:{case.line}) {case.target!r} in {case.text!r}: {why}"

    test.__name__ = f"test_{cls}"
    test.__doc__ = f"Rows of {cls}.tsv."
    return test


for _path in data_files():
    globals()[f"test_{_path.stem}"] = _make_test(_path.stem)


def test_data_files_are_well_formed():
    """Every class file loads (header, fields, target inside text, expected fits kind), ids are unique."""
    assert len(CASES) >= 520
    for path in data_files():
        rows = load_file(path)
        assert rows, f"{path.name} has no rows"
        assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} lacks its comment header"


def test_known_failures_name_existing_rows():
    """A stale id in known_failures.txt (row renamed or removed) is an error, not a silent no-op."""
    ids = {case.id for case in CASES}
    assert KNOWN <= ids, f"unknown ids in known_failures.txt: {sorted(KNOWN - ids)}"


def test_every_class_has_traditional_and_full_width_rows():
    """Each class carries traditional-character and full-width forms (they must read the same)."""
    traditional = set("個點億萬們與從於來當時區縣鄉農業務資產財數"
                      "較長進項條戶處實際舊聯發應")
    for path in data_files():
        rows = load_file(path)
        assert any(traditional & set(r.text) for r in rows), f"{path.name}: no traditional row"
        assert any(any("\uff01" <= ch <= "\uff5e" and ch not in "，：（）；～" for ch in r.text)
                   for r in rows), f"{path.name}: no full-width row"
