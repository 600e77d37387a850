"""A crawl folder with faults, through `zhenggai batch`: is every input one row, is each copy linked?

    python bench/faults_folder.py [--folder DIR] [--workers 2] [--total 2000]

Writes a folder of ``--total`` inputs (default 2,000) made from the template notices of
``zhenggai.corpus.synth``: 20 broken files (empty, binary, not a notice, a FIFO, a name
with a non-UTF-8 byte …), 10 truncated copies (a notice cut inside a body line, its full
text also in the folder), 30 reposts (10 the same bytes, 10 re-encoded, 10 with a site
header: exact and near), the rest distinct notices under varied file endings (.txt,
.jhtml, .php, .asp, .xhtml, none).  Then runs ``zhenggai batch`` with the real extractor
and prints what an analyst would check.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BROKEN, TRUNCATED, REPOSTS = 20, 10, 30
ENDINGS = (".txt", ".jhtml", ".php", ".asp", ".xhtml", "")


def _cut(text: str, rng: random.Random) -> str:
    """The text cut inside a body line of its second half (what half a scraped page gives)."""
    lines = text.splitlines(keepends=True)
    body = [i for i, ln in enumerate(lines) if i >= len(lines) // 3 and len(ln) > 30 and "、" not in ln[:3]]
    i = rng.choice(body)
    keep = rng.randint(8, len(lines[i]) - 8)
    return "".join(lines[:i]) + lines[i][:keep]


def write_folder(root: Path, total: int, seed: int = 12) -> dict:
    from zhenggai.corpus.synth import make_specs, render

    rng = random.Random(seed)
    distinct = total - BROKEN - TRUNCATED - REPOSTS
    specs = make_specs(distinct, seed=seed)
    plan = {"truncated": {}, "reposts": {}, "broken": []}
    originals = []
    for spec in specs:
        ending = ENDINGS[spec.index % len(ENDINGS)]
        path = root / "site" / spec.region[1] / f"n{spec.index:05d}{ending}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(spec).encode("gb18030" if spec.index % 3 == 0 else "utf-8"))
        originals.append((spec, path))
    picks = rng.sample(originals, TRUNCATED + REPOSTS)
    (root / "cut").mkdir()
    for spec, path in picks[:TRUNCATED]:
        cut = root / "cut" / f"page1-{spec.index:05d}.html"
        cut.write_text(_cut(render(spec), rng), encoding="utf-8")
        plan["truncated"][str(cut)] = str(path)
    (root / "mirror").mkdir()
    for k, (spec, path) in enumerate(picks[TRUNCATED:]):
        copy = root / "mirror" / f"repost-{spec.index:05d}.txt"
        if k % 3 == 0:
            copy.write_bytes(path.read_bytes())
        elif k % 3 == 1:
            copy.write_bytes(render(spec).encode("utf-8" if spec.index % 3 == 0 else "gb18030"))
        else:
            copy.write_text(render(spec, header="本网转载　来源：市政府网站\n") + "（责任编辑：网站管理员）\n",
                            encoding="utf-8")
        plan["reposts"][str(copy)] = str(path)
    bad = root / "broken"
    bad.mkdir()
    junk = {
        "empty.txt": b"", "blank.html": b" \n\t\n", "zeros.bin": bytes(4096),
        "random.pdf": b"%PDF-1.4\n" + rng.randbytes(3000),
        "not-a-docx.docx": b"PK\x03\x04" + rng.randbytes(500), "image.jpg": b"\xff\xd8\xff\xe0" + rng.randbytes(800),
        "menu.html": b"<html><body><ul><li>home</li></ul></body></html>",
        "gzip.txt": b"\x1f\x8b\x08\x00" + rng.randbytes(300),
        "crawl.jsonl": b'{not json\n',
    }
    for name, data in junk.items():
        (bad / name).write_bytes(data)
        plan["broken"].append(str(bad / name))
    for i in range(BROKEN - len(junk) - 2):
        p = bad / f"noise-{i}"
        p.write_bytes(rng.randbytes(200 + i))
        plan["broken"].append(str(p))
    odd = bad.as_posix().encode() + b"/bad\xff-name.txt"
    with open(odd, "wb") as fh:
        fh.write(b"")  # an empty file with a name that is not UTF-8
    plan["broken"].append(os.fsdecode(odd))
    fifo = bad / "pipe.txt"
    os.mkfifo(fifo)
    plan["broken"].append(str(fifo))
    return plan


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, help="where to write (default: a temporary folder, removed after)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--total", type=int, default=2000)
    args = ap.parse_args(argv)
    base = args.folder or Path(tempfile.mkdtemp(prefix="zhenggai-faults-"))
    root = base / "crawl"
    shutil.rmtree(base / "crawl", ignore_errors=True)
    shutil.rmtree(base / "dataset", ignore_errors=True)
    root.mkdir(parents=True)
    plan = write_folder(root, args.total)
    exe = Path(sys.executable).with_name("zhenggai")
    cmd = [str(exe), "batch", str(root), "-o", str(base / "dataset"), "--workers", str(args.workers), "--quiet"]
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.monotonic() - start
    print("$ " + " ".join(cmd[1:]).replace(str(base), "BASE"))
    print(proc.stderr.strip().replace(str(base), "BASE"))
    from zhenggai.corpus import load

    t = load(base / "dataset")
    n, e = t["notices"], t["errors"]
    by_input = n.set_index("input")
    ids = by_input["notice_id"].to_dict()

    def root(name: str) -> str:
        row = by_input.loc[name]
        return row["duplicate_of"] if isinstance(row["duplicate_of"], str) else row["notice_id"]

    def linked(copy: str, original: str, kinds: tuple[str, ...]) -> bool:
        # One cluster (whichever copy is canonical), linked with the expected kind.
        if copy not in by_input.index or original not in ids:
            return False
        kind = {by_input.loc[copy, "duplicate_kind"], by_input.loc[original, "duplicate_kind"]}
        return root(copy) == root(original) and bool(kind & set(kinds))

    truncated = sum(1 for c in plan["truncated"] if c in by_input.index
                    and any(f["code"] == "truncated" for f in json.loads(by_input.loc[c, "flags"] or "[]")))
    partials = sum(linked(c, o, ("partial",)) for c, o in plan["truncated"].items())
    reposts = sum(linked(c, o, ("exact", "near")) for c, o in plan["reposts"].items())
    flagged_elsewhere = sum(1 for f in n["flags"] if '"truncated"' in (f or "")) - truncated
    print(f"inputs written: {args.total} ({BROKEN} broken, {TRUNCATED} truncated, {REPOSTS} reposts); "
          f"batch exit {proc.returncode} in {seconds:.0f} s with --workers {args.workers}")
    print(f"rows in notices + errors: {len(n)} + {len(e)} = {len(n) + len(e)} (of {args.total})")
    print(f"errors rows: {len(e)} (of {len(plan['broken'])} broken files; by class: "
          + ", ".join(f"{k} {v}" for k, v in e["error_class"].value_counts().items()) + ")")
    print(f"truncated flagged: {truncated} of {TRUNCATED} (and {flagged_elsewhere} other notices flagged truncated)")
    print(f"partials linked to the full copy: {partials} of {TRUNCATED}")
    print(f"reposts linked: {reposts} of {REPOSTS}")
    print(f"canonical notices (what compare counts): {int(n['duplicate_of'].isna().sum())} "
          f"(expected {args.total - BROKEN - TRUNCATED - REPOSTS})")
    if not args.folder:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
