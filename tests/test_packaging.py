"""The folders install as one package `zhenggai`; nothing generic lands in site-packages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE_DIR = PYPROJECT["tool"]["setuptools"]["package-dir"]
PACKAGES = PYPROJECT["tool"]["setuptools"]["packages"]


def _source_packages() -> set[str]:
    """Every folder with an __init__.py under a mapped folder, as a dotted name."""
    found = set()
    for name, folder in PACKAGE_DIR.items():
        root = REPO / folder
        for init in root.rglob("__init__.py"):
            rel = init.parent.relative_to(root)
            if any(part.startswith((".", "__")) for part in rel.parts):
                continue
            found.add(".".join((name, *rel.parts)) if rel.parts else name)
    return found


def test_every_subpackage_is_listed():
    # A package missing from `packages` imports in an editable install but is
    # absent from the wheel: keep the list and the folders in step.
    nested_mapped = {n for n in _source_packages() if any(n != k and n.startswith(k + ".") for k in PACKAGE_DIR)}
    assert _source_packages() - nested_mapped | set(PACKAGE_DIR) <= set(PACKAGES) | nested_mapped
    missing = sorted(_source_packages() - set(PACKAGES))
    assert not missing, f"add to [tool.setuptools].packages in pyproject.toml: {missing}"


def test_no_bare_generic_imports_in_source():
    pattern = re.compile(r"^\s*(?:from|import)\s+(models|schemas|extract|corpus)\b", re.M)
    offenders = []
    for folder in ("extract", "models", "schemas", "corpus", "tests"):
        for path in (REPO / folder).rglob("*.py"):
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(REPO)))
    assert not offenders, f"use absolute zhenggai.… imports in {offenders}"


def test_bare_names_do_not_resolve_to_the_repo(tmp_path):
    # Run outside the repo (python -m pytest puts the repo root on sys.path).
    code = (
        "import importlib.util, json\n"
        "out = {}\n"
        "for n in ['models', 'schemas', 'extract', 'corpus']:\n"
        "    spec = importlib.util.find_spec(n)\n"
        "    out[n] = spec.origin if spec else None\n"
        "print(json.dumps(out))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    import json

    for name, origin in json.loads(result.stdout).items():
        assert origin is None or str(REPO) not in str(origin), f"bare `import {name}` resolves to {origin}"


@pytest.mark.slow
def test_wheel_holds_every_subpackage_and_data(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    wheel = next(tmp_path.glob("zhenggai-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in _source_packages():
        init = package.replace(".", "/") + "/__init__.py"
        assert init in names, f"{package} is missing from the wheel"
    for data in (
        "zhenggai/schemas/notice.schema.json",
        "zhenggai/models/measure_words.txt",
        "zhenggai/templates/render.html",
        "zhenggai/templates/explorer.css",
        "zhenggai/corpus/samples/qinglan-finance-2024.txt",
    ):
        assert data in names, f"{data} is missing from the wheel"
    assert not any(n.split("/")[0] in {"models", "schemas", "extract", "corpus"} for n in names)
    # The spaCy factory is declared as an entry point.
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[spacy_factories]" in text and "zhenggai_mentions" in text
