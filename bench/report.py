"""Render the benchmark figures as the Markdown page bench/results.md."""

from __future__ import annotations

from collections import Counter

from stages import stages_markdown

PEER_LABELS = ("JioNLP", "Recognizers-Text")
THROUGHPUT_HEADER = "| tool | what is timed | notices/s | chars/s | ms/notice | passes |"
ACCURACY_HEADER = "| tool | money P | money R | money F1 | date P | date R | date F1 | money tp/fp/fn | date tp/fp/fn |"
MEMORY_HEADER = "| process | tracemalloc peak of one pass (MiB) | max RSS of the process (MiB) | load + first notice (s) |"
COLD_HEADER = "| command | median (s) | min (s) | max (s) | bare `python -c pass` (s) |"
BATCH_HEADER = "| jobs | files | wall (s) | files/s (wall) | engine (s) | files/s (engine) |"
SCALING_HEADER = "| copies of the notice | chars | time (ms) | µs/char | per-char ratio to 1× |"


def _n(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}"


def _throughput(rows: list[dict], missing: dict, peers_skipped: bool) -> list[str]:
    out = [THROUGHPUT_HEADER, "| --- | --- | ---: | ---: | ---: | ---: |"]
    for r in rows:
        rate = r["rate"]
        out.append(f"| {r['tool']} | {r['what']} | {_n(rate.per_s)} | {_n(rate.chars_per_s, 0)} | "
                   f"{_n(1000 / rate.per_s, 2)} | {rate.passes} |")
    for label in PEER_LABELS:
        if label in missing or peers_skipped:
            why = "skipped (--no-peers)" if peers_skipped else missing[label]
            out.append(f"| {label} | {why} | – | – | – | – |")
    return out


def _baseline(rows: list[dict] | None) -> list[str]:
    """The section comparing ``extract_text`` with an older install (``run.py --baseline``), if run."""
    if not rows:
        return []
    old, new = rows
    out = [
        "## Against a previous version",
        "",
        "`bench/extract_time.py` over the same notices in two installs, run alternately in fresh processes "
        f"({old['passes']} passes each time, CPU time, best pass kept): `extract_text(text)` only.",
        "",
        "| version | installed at | ms/notice | chars/s | speed-up |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        per = r["seconds_per_pass"]
        out.append(f"| {r['label']} ({r['version']}) | `{r['at']}` | {per / r['notices'] * 1000:.3f} | "
                   f"{r['chars'] / per:,.0f} | {old['seconds_per_pass'] / per:.2f}× |")
    return out + [""]


def _accuracy(acc: dict, missing: dict, peers_skipped: bool) -> list[str]:
    out = [ACCURACY_HEADER, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for tool, kinds in acc.items():
        m, d = kinds["money"], kinds["date"]
        out.append(f"| {tool} | {m['precision']:.3f} | {m['recall']:.3f} | **{m['f1']:.3f}** | "
                   f"{d['precision']:.3f} | {d['recall']:.3f} | **{d['f1']:.3f}** | "
                   f"{m['tp']}/{m['fp']}/{m['fn']} | {d['tp']}/{d['fp']}/{d['fn']} |")
    for label in PEER_LABELS:
        if label in missing or peers_skipped:
            why = "skipped (--no-peers)" if peers_skipped else "not installed"
            out.append(f"| {label} | {why} | – | – | – | – | – | – | – |")
    return out


def _memory(memory: dict) -> list[str]:
    out = [MEMORY_HEADER, "| --- | ---: | ---: | ---: |"]
    for tool, m in memory.items():
        if "error" in m:
            out.append(f"| {tool} | {m['error']} | – | – |")
        else:
            out.append(f"| {tool} | {_n(m['tracemalloc_peak_mb'])} | {_n(m['maxrss_mb'])} | {m['load_s']:.2f} |")
    return out


def _cold(cold: dict) -> list[str]:
    out = [COLD_HEADER, "| --- | ---: | ---: | ---: | ---: |"]
    if "median" not in cold:
        out.append(f"| zhenggai extract | failed: {cold.get('error')} | – | – | – |")
    else:
        out.append(f"| `{cold['command']}` | **{cold['median']:.2f}** | {cold['min']:.2f} | "
                   f"{cold['max']:.2f} | {cold['python_floor']:.2f} |")
    return out


def _batch(batch: dict) -> list[str]:
    out = [BATCH_HEADER, "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    if "runs" not in batch:
        out.append(f"| – | {batch.get('error')} | – | – | – | – |")
        return out
    n = batch["copies"]
    for r in batch["runs"]:
        if not r["ok"]:
            out.append(f"| {r['jobs']} | {n} | failed: {r['error']} | – | – | – |")
            continue
        eng = r["engine_seconds"]
        eng_cells = f"{eng:.1f} | {_n(n / eng)}" if eng else "– | –"
        out.append(f"| {r['jobs']} | {n} | {r['wall']:.1f} | {_n(n / r['wall'])} | {eng_cells} |")
    return out


def _scaling(scaling: list[dict]) -> list[str]:
    out = [SCALING_HEADER, "| ---: | ---: | ---: | ---: | ---: |"]
    for r in scaling:
        out.append(f"| {r['factor']}× | {r['chars']:,} | {r['seconds'] * 1000:,.1f} | "
                   f"{r['us_per_char']:.2f} | {r['ratio']:.2f} |")
    return out


def _targets(rows, acc, cold, scaling) -> list[str]:
    out = ["| target | measured | met |", "| --- | --- | :---: |"]
    notice = next(r["rate"] for r in rows if r["what"].startswith("extract_notice"))
    jio = next((r["rate"] for r in rows if r["tool"] == "JioNLP"), None)
    if jio:
        ratio = notice.per_s / jio.per_s
        out.append(f"| extract_notice ≥ 50× JioNLP money+time throughput (one core) | {ratio:.1f}× "
                   f"({_n(notice.per_s)} vs {_n(jio.per_s)} notices/s) | {'yes' if ratio >= 50 else 'no'} |")
        for kind in ("money", "date"):
            z, j = acc["zhenggai"][kind]["f1"], acc["JioNLP"][kind]["f1"]
            out.append(f"| {kind} F1 above JioNLP | {z:.3f} vs {j:.3f} | {'yes' if z > j else 'no'} |")
    else:
        out.append("| extract_notice ≥ 50× JioNLP; F1 above JioNLP | JioNLP not measured | – |")
    if "median" in cold:
        out.append(f"| CLI cold start < 1 s | {cold['median']:.2f} s (median) | "
                   f"{'yes' if cold['median'] < 1 else 'no'} |")
    worst = max(r["ratio"] for r in scaling)
    out.append(f"| time linear in length | per-char cost at {scaling[-1]['factor']}× is "
               f"{scaling[-1]['ratio']:.2f}× that at 1× (worst {worst:.2f}×) | {'yes' if worst <= 1.5 else 'no'} |")
    return out


def render(*, quick, machine, versions, items, rows, acc, missing, peers_skipped, memory, cold, batch,
           scaling, sample, stages, baseline=None) -> str:
    folders = Counter(str(i.path.parent.name) for i in items)
    chars = sum(len(i.text) for i in items)
    lines = [
        "# zhenggai benchmark",
        "",
        f"Generated by `python bench/run.py{' --quick' if quick else ''}`"
        f"{' (quick smoke run: timings are rough)' if quick else ''} on {machine['date']}.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "| --- | --- |",
        f"| CPU | {machine['cpu']} |",
        f"| cores | {machine['cores']} |",
        f"| RAM | {machine['ram']} |",
        f"| OS | {machine['os']} |",
        f"| Python | {machine['python']} |",
    ]
    lines += [f"| {name} | {v} |" for name, v in versions.items()]
    lines += [
        "",
        f"Notices: {len(items)} gold notices, {chars:,} chars "
        f"({', '.join(f'{n} from {k}' for k, n in folders.items())}).",
        "",
        "## Throughput (one process, one core, in memory)",
        "",
        "Whole passes over all notices after one warm-up call, repeated until the time budget is used.",
        "",
        *_throughput(rows, missing, peers_skipped),
        "",
        "## Accuracy: money and dates against the gold files",
        "",
        "A mention counts when its span overlaps a gold span and its value is equal "
        "(`zhenggai.evaluate.compare_mentions`; money `value`, dates `date_start` and `date_end`). "
        "Peers' outputs are mapped as described in bench/README.md.",
        "",
        *_accuracy(acc, missing, peers_skipped),
        "",
        "## Peak memory",
        "",
        "Each in a fresh interpreter: load, extract the first notice, then one pass over all notices "
        "under tracemalloc.",
        "",
        *_memory(memory),
        "",
        "## CLI cold start",
        "",
        f"`zhenggai extract {sample.path.name} -o /dev/null`, a new process each time "
        "(the console script next to the interpreter, no version-manager shim).",
        "",
        *_cold(cold),
        "",
        "## Batch (`zhenggai batch`)",
        "",
        "Files are copies of the gold notices, each with a different closing line; wall time includes "
        "process start, Parquet and DuckDB output; the engine figure is the time the command reports.",
        "",
        *_batch(batch),
        "",
        "## Time against notice length",
        "",
        f"`extract_text` on 1×, 10× and 100× concatenations of {sample.path.name} ({len(sample.text):,} chars); "
        "fastest of repeated calls.",
        "",
        *_scaling(scaling),
        "",
        "## Where the time goes",
        "",
        "Each stage of `extract_text` timed alone (`bench/stages.py`), fastest whole pass, per notice. The stages do "
        "not add up to the whole call: the rest is script detection and building the validated record "
        "(mention, section and notice models).",
        "",
        *stages_markdown(stages, next((r["rate"].per_s for r in rows if r["tool"] == "JioNLP"), None)),
        "",
        *_baseline(baseline),
        "## Targets",
        "",
        *_targets(rows, acc, cold, scaling),
        "",
    ]
    return "\n".join(lines)
