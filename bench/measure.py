"""Measuring helpers for bench/run.py: the notice set, the machine, timings, subprocess probes.

Nothing here knows about Markdown; run.py renders what these functions return.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
GOLD_DIRS = [
    REPO.parent / "shared" / "seeds",  # the real sample notice (absent outside the dev machine)
    REPO / "tests" / "fixtures" / "notices",
    REPO / "corpus" / "gold",
]
# A full written date, for the reference date of peers when no publication date is known.
_FULL_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass
class Item:
    """One gold notice: its file, text (the string gold offsets index) and gold dict."""

    name: str
    path: Path
    text: str
    gold: dict


def load_items(limit: int | None = None) -> list[Item]:
    """Every ``*.expected.json`` (with its notice file) under the gold folders, sorted per folder."""
    items: list[Item] = []
    for folder in GOLD_DIRS:
        if not folder.is_dir():
            continue
        for gold_path in sorted(folder.glob("*.expected.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            path = gold_path.parent / str(gold.get("file", ""))
            if not path.is_file() or path.suffix != ".txt":
                continue  # peers read plain text; HTML/PDF golds are scored by `zhenggai evaluate`
            items.append(Item(path.stem, path, path.read_text(encoding="utf-8"), gold))
    return items[:limit] if limit else items


def reference_datetime(item: Item, record: dict | None) -> dt.datetime:
    """The peers' time base: gold publication time, else zhenggai's, else the latest full date written."""
    for value in ((item.gold.get("source") or {}).get("published_at"),
                  ((record or {}).get("source") or {}).get("published_at")):
        if value:
            return dt.datetime.fromisoformat(str(value))
    dates = []
    for y, m, d in _FULL_DATE.findall(item.text):
        try:
            dates.append(dt.datetime(int(y), int(m), int(d)))
        except ValueError:
            continue
    return max(dates) if dates else dt.datetime(2023, 12, 31)


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cores": f"{usable} usable (nproc), {os.cpu_count()} online",
        "cpu": cpu,
        "ram": ram,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }


def versions(dists: list[str]) -> dict[str, str]:
    out = {}
    for name in dists:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


# --------------------------------------------------------------------------- timing


@dataclass
class Rate:
    passes: int
    seconds: float
    notices: int
    chars: int

    @property
    def per_s(self) -> float:
        return self.notices / self.seconds if self.seconds else float("inf")

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else float("inf")


def throughput(fn: Callable[[Item], object], items: list[Item], min_seconds: float) -> Rate:
    """Warm up once on the first item, then run whole passes until ``min_seconds`` have elapsed."""
    fn(items[0])
    chars_per_pass = sum(len(i.text) for i in items)
    passes, start = 0, time.perf_counter()
    while True:
        for item in items:
            fn(item)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return Rate(passes, elapsed, passes * len(items), passes * chars_per_pass)


def time_call(fn: Callable[[], object], min_seconds: float, min_reps: int = 1, max_reps: int = 1000) -> float:
    """Fastest seconds per call over repeats filling ``min_seconds`` (at least ``min_reps``).

    The minimum, as timeit advises: other processes on the machine only ever add time.
    """
    times: list[float] = []
    total = 0.0
    while len(times) < min_reps or (total < min_seconds and len(times) < max_reps):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        total += times[-1]
    return min(times)


# --------------------------------------------------------------------------- subprocesses


def zhenggai_command() -> list[str]:
    """The installed console script next to this interpreter (no pyenv/asdf shim in front)."""
    script = Path(sys.executable).parent / "zhenggai"
    if script.is_file():
        return [str(script)]
    found = shutil.which("zhenggai")
    return [found] if found else [sys.executable, "-m", "zhenggai"]


def wall(cmd: list[str], timeout: float = 600) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - t, proc


def cold_start(sample: Path, runs: int) -> dict[str, float | str]:
    """Median wall time of ``zhenggai extract SAMPLE -o /dev/null`` and of a bare interpreter."""
    cmd = zhenggai_command() + ["extract", str(sample), "-o", os.devnull]
    times, error = [], ""
    for _ in range(runs):
        seconds, proc = wall(cmd, timeout=120)
        if proc.returncode != 0:
            error = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
            return {"error": error[0]}
        times.append(seconds)
    bare = statistics.median(wall([sys.executable, "-c", "pass"])[0] for _ in range(runs))
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "python_floor": bare, "command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd)),
            "error": error}


def batch(items: list[Item], copies: int, jobs_list: list[int]) -> dict:
    """Run ``zhenggai batch`` over ``copies`` varied copies of the gold notices, once per jobs value."""
    cmd = zhenggai_command()
    help_run = subprocess.run(cmd + ["batch", "--help"], capture_output=True, text=True)
    if help_run.returncode != 0:
        return {"error": "`zhenggai batch` is not available"}
    jobs_flag = "--jobs" if "--jobs" in help_run.stdout else "--workers"
    results = []
    with tempfile.TemporaryDirectory(prefix="zhenggai-bench-") as tmp:
        folder = Path(tmp, "in")
        folder.mkdir()
        chars = 0
        for i in range(copies):
            item = items[i % len(items)]
            # Distinct content per copy (different hashes) without changing the notice's structure.
            text = item.text.rstrip("\n") + f"\n\n(抄送第{i + 1}份)\n"
            Path(folder, f"{i:05d}-{item.name}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
        for jobs in jobs_list:
            out = Path(tmp, f"out-{jobs}")
            seconds, proc = wall(cmd + ["batch", str(folder), "-o", str(out), jobs_flag, str(jobs), "--quiet"])
            said = re.search(r"(\d+) inputs in ([\d.]+) s", proc.stdout + proc.stderr)
            results.append({
                "jobs": jobs, "wall": seconds, "ok": proc.returncode == 0,
                "engine_seconds": float(said.group(2)) if said else None,
                "error": "" if proc.returncode == 0 else (proc.stderr.strip().splitlines() or ["?"])[-1],
            })
    return {"copies": copies, "chars": chars, "runs": results}


def memory_probe(tool: str, paths: list[Path]) -> dict:
    """Run run.py --probe TOOL in a fresh interpreter; returns its JSON (peak memory figures)."""
    cmd = [sys.executable, str(Path(__file__).with_name("run.py")), "--probe", tool, *map(str, paths)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def probe_main(tool: str, paths: list[str]) -> None:
    """In a fresh process: import the tool, extract every path once (warm), then once under tracemalloc."""
    import tracemalloc

    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    ref = dt.datetime(2023, 6, 30)
    t = time.perf_counter()
    if tool == "zhenggai":
        import zhenggai

        def run(i: int) -> object:
            return zhenggai.extract_notice(paths[i])
    elif tool == "zhenggai+spacy":
        import zhenggai
        from zhenggai.models.pipeline import make_nlp

        nlp = make_nlp()

        def run(i: int) -> object:
            return zhenggai.extract_text(texts[i]), nlp(texts[i])
    else:
        sys.path.insert(0, str(Path(__file__).parent))
        from peers import load_peers

        loaded, missing = load_peers([tool])
        if not loaded:
            print(json.dumps({"error": next(iter(missing.values()), "not installed")}))
            return
        peer = loaded[0]

        def run(i: int) -> object:
            return peer.run(texts[i], ref)
    run(0)
    import_s = time.perf_counter() - t
    tracemalloc.start()
    for i in range(len(texts)):
        run(i)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"tracemalloc_peak_mb": peak / 2**20, "maxrss_mb": peak_rss_kib() / 1024,
                      "load_s": import_s}))


def peak_rss_kib() -> float:
    """Peak resident set of this process in KiB.

    VmHWM from /proc: ``ru_maxrss`` survives exec on Linux, so a child started from a big
    parent would report the parent's peak (every probe showed the same figure).
    """
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux, bytes on macOS
