"""Prove a speed change kept the output: every record, byte for byte, before and after.

    python bench/identity.py save /tmp/before     # on the old version
    python bench/identity.py check /tmp/before    # on the new one: exit 1 and the first differences

The inputs are every notice text the project holds or reads: the gold set, the test fixtures
(plain texts, HTML pages and what their readers produce), the sample corpus, the labelled
document-type set, the held-out conformance expressions (each alone, with a fixed publication
date), the issue statements of the taxonomy set, 300 generated template notices, and the real
sample in ``../shared/seeds/`` when it is there.  Each becomes one line of JSON
(``Notice.model_dump_json()``, or the error it raised) in ``records.jsonl``; ``check`` compares
the lines and prints the first differing record of each input that changed.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parent.parent
# The real sample beside the repository (a worktree elsewhere names it with ZHENGGAI_SEEDS).
SEEDS = Path(os.environ.get("ZHENGGAI_SEEDS", REPO.parent / "shared" / "seeds"))
PUBLISHED = dt.date(2024, 6, 30)


def inputs() -> Iterator[tuple[str, Callable[[], object]]]:
    """(name, call returning a Notice) for every input, in a fixed order."""
    import zhenggai

    folders = [REPO / "corpus" / "gold", REPO / "tests" / "fixtures" / "notices", REPO / "tests" / "fixtures" / "read",
               REPO / "corpus" / "samples", REPO / "corpus" / "doctype", SEEDS]
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            name = path.relative_to(REPO) if path.is_relative_to(REPO) else Path("seeds") / path.name
            yield f"text:{name}", lambda t=text: zhenggai.extract_text(t)
    for folder in [REPO / "tests" / "fixtures" / "html", REPO / "corpus" / "samples"]:
        for path in sorted(folder.glob("*.html")):
            # Relative to the repository (the working folder), so records name the same path anywhere.
            yield f"file:{path.relative_to(REPO)}", lambda p=path.relative_to(REPO): zhenggai.extract_notice(p)
    for path in sorted((REPO / "tests" / "conformance").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if line.strip() and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            yield (f"expr:{path.name}:{row['id']}",
                   lambda t=row["text"], r=row.get("ref"): zhenggai.extract_text(t, published_at=r or PUBLISHED))
    taxonomy = REPO / "corpus" / "taxonomy" / "issues.tsv"
    with taxonomy.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = "\n".join(["某县巡察整改情况通报", row["frame"] or "一、存在的问题", "(一)" + row["issue"]])
            yield f"taxonomy:{row['id']}", lambda t=text: zhenggai.extract_text(t, published_at=PUBLISHED)
    from zhenggai.corpus.synth import make_specs, render

    for i, spec in enumerate(make_specs(300, seed=7)):
        text = render(spec)
        yield f"synth:{i}", lambda t=text: zhenggai.extract_text(t)


def records() -> Iterator[tuple[str, str]]:
    for name, call in inputs():
        try:
            line = call().model_dump_json()
        except Exception as exc:  # noqa: BLE001 - the error is part of the output
            line = f"ERROR {type(exc).__name__}: {exc}"
        yield name, line


def save(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    with (folder / "records.jsonl").open("w", encoding="utf-8") as out:
        for name, line in records():
            out.write(f"{name}\t{line}\n")
            n += 1
    print(f"{n} records written to {folder / 'records.jsonl'}")
    return 0


def check(folder: Path) -> int:
    before = {}
    with (folder / "records.jsonl").open(encoding="utf-8") as handle:
        for row in handle:
            name, _, line = row.rstrip("\n").partition("\t")
            before[name] = line
    seen, changed = 0, []
    for name, line in records():
        seen += 1
        if before.get(name) != line:
            changed.append((name, before.get(name), line))
    missing = sorted(set(before) - {n for n, _ in records()}) if seen != len(before) else []
    for name, old, new in changed[:5]:
        print(f"CHANGED {name}", file=sys.stderr)
        if old is None:
            print("  (not in the saved records)", file=sys.stderr)
            continue
        i = next((k for k, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        print(f"  before: …{old[max(0, i - 120): i + 120]}…", file=sys.stderr)
        print(f"  after:  …{new[max(0, i - 120): i + 120]}…", file=sys.stderr)
    print(f"{seen} records, {len(changed)} changed, {len(missing)} missing")
    return 1 if changed or missing else 0


def main() -> int:
    os.chdir(REPO)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["save", "check"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    return save(args.folder) if args.command == "save" else check(args.folder)


if __name__ == "__main__":
    sys.exit(main())
