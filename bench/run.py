"""Benchmark zhenggai against its targets and against peers, and write bench/results.md.

    python bench/run.py            # full run (a few minutes; peers included when installed)
    python bench/run.py --quick    # smoke run: 3 notices, short timings
    python bench/run.py --no-peers --out /tmp/results.md
    python bench/run.py --baseline /path/to/old-venv/bin/python   # also: this version against an older install

Everything runs on the gold notices (``*.expected.json`` next to their ``.txt``) found in
../shared/seeds, tests/fixtures/notices and corpus/gold.  See bench/README.md for what each
figure means and how the peers' outputs are mapped to zhenggai's gold format.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import (  # noqa: E402  (bench/ is a folder of scripts, not a package)
    GOLD_DIRS,
    REPO,
    Item,
    batch,
    cold_start,
    load_items,
    machine,
    memory_probe,
    probe_main,
    reference_datetime,
    throughput,
    time_call,
    versions,
)
from report import render  # noqa: E402
from stages import bench_stages  # noqa: E402

KINDS = ("money", "date")
DISTS = ["zhenggai", "spacy", "jieba", "regex", "pydantic", "jionlp", "recognizers-text-suite"]
FULL = {"limit": None, "min_s": 3.0, "cold_runs": 5, "copies": 120, "scale": (1, 10, 100), "scale_s": 1.0, "scale_reps": 3,
        "stage_s": 1.0}
QUICK = {"limit": 3, "min_s": 0.2, "cold_runs": 2, "copies": 3, "scale": (1, 10, 100), "scale_s": 0.05, "scale_reps": 1,
         "stage_s": 0.05}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="fast smoke run (3 notices, short timings)")
    p.add_argument("--no-peers", action="store_true", help="skip JioNLP and Recognizers-Text")
    p.add_argument("--no-batch", action="store_true", help="skip the `zhenggai batch` runs")
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results.md", help="Markdown file to write")
    p.add_argument("--baseline", metavar="PYTHON",
                   help="an interpreter with an older zhenggai installed: time extract_text in both, alternately")
    p.add_argument("--probe", help=argparse.SUPPRESS)  # internal: memory probe in a fresh process
    p.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def counts(kind_results) -> tuple[int, int, int]:
    """tp, fp, fn of one MentionResult, as zhenggai.evaluate.score counts them."""
    r = kind_results
    return len(r.matched), len(r.wrong) + len(r.spurious) + len(r.extra), len(r.wrong) + len(r.missed)


def accuracy(per_notice: list[dict]) -> dict[str, dict]:
    """Micro P/R/F1 per kind from a list of {kind: MentionResult}."""
    from zhenggai.evaluate import prf

    out = {}
    for kind in KINDS:
        tp = fp = fn = 0
        for results in per_notice:
            a, b, c = counts(results[kind])
            tp, fp, fn = tp + a, fp + b, fn + c
        out[kind] = prf(tp, fp, fn)
    return out


def bench_zhenggai(items: list[Item], cfg: dict, refs: dict) -> list[dict]:
    import zhenggai
    from zhenggai.models.pipeline import make_nlp

    rows = []
    rate = throughput(lambda it: zhenggai.extract_notice(it.path), items, cfg["min_s"])
    rows.append({"tool": "zhenggai", "what": "extract_notice(path) — read + full record", "rate": rate})
    rate = throughput(lambda it: zhenggai.extract_text(it.text, published_at=refs[it.name]), items, cfg["min_s"])
    rows.append({"tool": "zhenggai", "what": "extract_text(text)", "rate": rate})
    t = time.perf_counter()
    nlp = make_nlp()
    load = time.perf_counter() - t
    rate = throughput(lambda it: nlp(it.text), items, cfg["min_s"])
    rows.append({"tool": "zhenggai", "what": f"make_nlp()(text) — spaCy Doc, jieba + mentions "
                 f"(make_nlp {load:.1f} s once)", "rate": rate})
    rate = throughput(lambda it: (zhenggai.extract_text(it.text), nlp(it.text)), items, cfg["min_s"])
    rows.append({"tool": "zhenggai", "what": "extract_text(text) + spaCy Doc", "rate": rate})
    return rows


def bench_peers(items: list[Item], cfg: dict, refs: dict, peers: list) -> tuple[list[dict], dict]:
    from zhenggai.evaluate import compare_mentions

    rows, acc = [], {}
    for peer in peers:
        log(f"peer {peer.label} {peer.version}: accuracy")
        per_notice = []
        for it in items:
            out = peer.run(it.text, refs[it.name])
            gold = it.gold.get("mentions") or {}
            per_notice.append({k: compare_mentions(k, gold.get(k) or [], out[k]) for k in KINDS})
        acc[peer.label] = accuracy(per_notice)
        log(f"peer {peer.label}: throughput")
        rate = throughput(lambda it, p=peer: p.run(it.text, refs[it.name]), items, cfg["min_s"])
        rows.append({"tool": peer.label, "what": "money + dates (mapped)", "rate": rate})
    return rows, acc


def bench_scaling(item: Item, cfg: dict) -> list[dict]:
    import zhenggai

    rows = []
    for factor in cfg["scale"]:
        text = "\n\n".join([item.text.strip()] * factor)
        seconds = time_call(lambda t=text: zhenggai.extract_text(t), cfg["scale_s"], min_reps=cfg["scale_reps"])
        rows.append({"factor": factor, "chars": len(text), "seconds": seconds})
    base = rows[0]["seconds"] / rows[0]["chars"]
    for r in rows:
        r["us_per_char"] = r["seconds"] / r["chars"] * 1e6
        r["ratio"] = (r["seconds"] / r["chars"]) / base
    return rows


def bench_baseline(python: str, items: list[Item], rounds: int, passes: int) -> list[dict]:
    """Best CPU time per pass of ``extract_text`` over ``items`` in ``python`` and in this interpreter.

    Each round runs bench/extract_time.py once in each (a fresh process, alternately, so a load on the
    machine weighs on both alike); the best pass of all rounds is kept per version.
    """
    import json
    import subprocess

    script = str(REPO / "bench" / "extract_time.py")
    files = [str(it.path) for it in items]
    best: dict[str, dict] = {}
    for _ in range(rounds):
        for label, exe in (("baseline", python), ("this version", sys.executable)):
            out = subprocess.run([exe, script, "--json", "--passes", str(passes), *files],
                                 capture_output=True, text=True, check=True).stdout
            got = json.loads(out.strip().splitlines()[-1])
            if label not in best or got["seconds_per_pass"] < best[label]["seconds_per_pass"]:
                best[label] = {"label": label, **got}
    return [best["baseline"], best["this version"]]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.probe:
        probe_main(args.probe, args.paths)
        return 0
    cfg = QUICK if args.quick else FULL
    items = load_items(cfg["limit"])
    if not items:
        print(f"no gold notices found in {', '.join(map(str, GOLD_DIRS))}", file=sys.stderr)
        return 2
    log(f"{len(items)} notices, {sum(len(i.text) for i in items)} chars")

    import zhenggai
    from zhenggai.evaluate import compare

    records = {it.name: zhenggai.extract_notice(it.path).model_dump(mode="json") for it in items}
    refs = {it.name: reference_datetime(it, records[it.name]) for it in items}
    comparisons = [compare(records[it.name], it.gold).mentions for it in items]
    acc = {"zhenggai": accuracy(comparisons)}

    log("zhenggai throughput")
    rows = bench_zhenggai(items, cfg, refs)

    peers, missing = [], {}
    if not args.no_peers:
        from peers import load_peers

        peers, missing = load_peers()
        peer_rows, peer_acc = bench_peers(items, cfg, refs, peers)
        rows += peer_rows
        acc.update(peer_acc)

    log("peak memory (subprocesses)")
    tools = ["zhenggai"] if args.quick else ["zhenggai", "zhenggai+spacy"] + [p.name for p in peers]
    memory = {tool: memory_probe(tool, [it.path for it in items]) for tool in tools}

    log("CLI cold start")
    # The longest notice shows the cost of a real one; --quick takes the shortest to stay fast.
    pick = min if args.quick else max
    sample = pick(items, key=lambda it: len(it.text))
    cold = cold_start(sample.path, cfg["cold_runs"])

    batch_result: dict = {"error": "skipped (--no-batch)"}
    if not args.no_batch:
        log(f"zhenggai batch over {cfg['copies']} files")
        ncores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        batch_result = batch(items, cfg["copies"], sorted({1, ncores}))

    log("time against notice length")
    scaling = bench_scaling(sample, cfg)

    log("time per stage")
    stages = bench_stages(items, cfg["stage_s"])

    baseline = None
    if args.baseline:
        log(f"extract_text against the version under {args.baseline}")
        baseline = bench_baseline(args.baseline, items, rounds=2 if args.quick else 5, passes=2 if args.quick else 5)

    md = render(
        quick=args.quick, machine=machine(), versions=versions(DISTS), items=items, rows=rows, acc=acc,
        missing=missing, peers_skipped=args.no_peers, memory=memory, cold=cold, batch=batch_result,
        scaling=scaling, sample=sample, stages=stages, baseline=baseline,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(md, encoding="utf-8")
    print(md)
    log(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
