"""Batch runs: many inputs → a dataset folder, on local processes or a Dask cluster.

    zhenggai batch notices/ crawl.jsonl -o DATASET            all cores of this machine
    zhenggai batch notices/ -o DATASET --resume               skip inputs already done
    zhenggai batch notices/ -o DATASET --engine dask          a LocalCluster (or --scheduler ADDRESS)

>>> summary = run_batch(["no-such-file.txt"], "/tmp/ds", jobs=1, progress=False)  # doctest: +SKIP
>>> summary.failed                                                                  # doctest: +SKIP
1

The local engine starts one multiprocessing pool; each worker loads the
extractor and the region gazetteer once and then takes inputs from a stream
(bounded, so a huge crawl file is never held in memory).  The parent writes a
Parquet part every ``chunk_size`` inputs and journals it, so ``--resume`` after
an interruption only does what is left.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from zhenggai.corpus import dataset as ds
from zhenggai.corpus.inputs import DEFAULT_EXTRACTOR, InputItem, iter_inputs
from zhenggai.corpus.work import Outcome, init_worker, process_item


@dataclass
class BatchSummary:
    dataset: Path
    inputs: int = 0
    ok: int = 0
    failed: int = 0
    reused: int = 0
    seconds: float = 0.0
    error_classes: Counter = field(default_factory=Counter)
    manifest: dict = field(default_factory=dict)

    def lines(self) -> list[str]:
        counts = self.manifest.get("counts", {})
        dups = self.manifest.get("duplicates", {})
        rate = self.inputs / self.seconds if self.seconds else 0.0
        out = [
            f"{self.inputs} inputs in {self.seconds:.1f} s ({rate:.1f}/s): {self.ok} extracted, "
            f"{self.failed} failed, {self.reused} reused from an earlier run",
            f"dataset {self.dataset}: {counts.get('notices', 0)} notices ({dups.get('exact', 0)} exact and "
            f"{dups.get('near', 0)} near reposts), {counts.get('sections', 0)} sections, "
            f"{counts.get('mentions', 0)} mentions, {counts.get('errors', 0)} errors",
        ]
        if self.error_classes:
            top = ", ".join(f"{k} {v}" for k, v in self.error_classes.most_common(5))
            out.append(f"errors by class: {top} (see the errors table: zhenggai query {self.dataset} "
                       "\"SELECT * FROM errors\")")
        return out


def run_version(extractor: str) -> str:
    """What produced the rows: a resumed run reuses rows only from the same version."""
    import zhenggai

    return f"zhenggai {zhenggai.__version__}" + ("" if extractor == DEFAULT_EXTRACTOR else f" ({extractor})")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def local_outcomes(
    items: Iterable[InputItem], jobs: int, extractor: str, skip: frozenset
) -> Iterator[Outcome]:
    """Outcomes of the inputs, from ``jobs`` worker processes (in-process when jobs == 1)."""
    if jobs <= 1:
        init_worker(extractor, skip)
        for item in items:
            yield process_item(item)
        return
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    window = threading.BoundedSemaphore(jobs * 32)  # inputs in flight: a stream, not a list

    def gated() -> Iterator[InputItem]:
        for item in items:
            window.acquire()
            yield item

    with ctx.Pool(jobs, initializer=init_worker, initargs=(extractor, skip)) as pool:
        for outcome in pool.imap_unordered(process_item, gated(), chunksize=4):
            window.release()
            yield outcome


class _Progress:
    """A rich progress line on stderr: done, failed, reused, rate."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.start = time.monotonic()
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                TextColumn("{task.completed} done · [green]{task.fields[ok]} ok[/] · "
                           "[red]{task.fields[failed]} failed[/] · {task.fields[reused]} reused · "
                           "{task.fields[rate]:.1f}/s"),
                TimeElapsedColumn(), console=Console(stderr=True), transient=False,
            )
            self.task = self.bar.add_task("extracting", total=None, ok=0, failed=0, reused=0, rate=0.0)
            self.bar.start()

    def update(self, summary: BatchSummary, n: int) -> None:
        if self.enabled:
            elapsed = max(time.monotonic() - self.start, 1e-6)
            self.bar.update(self.task, advance=n, ok=summary.ok, failed=summary.failed, reused=summary.reused,
                            rate=summary.inputs / elapsed)

    def stop(self, description: str) -> None:
        if self.enabled:
            self.bar.update(self.task, description=description)
            self.bar.stop()


def _count(summary: BatchSummary, status: str, error_class: str | None) -> None:
    summary.inputs += 1
    if status == "ok":
        summary.ok += 1
    elif status == "failed":
        summary.failed += 1
        summary.error_classes[error_class or "Error"] += 1
    else:
        summary.reused += 1


def run_batch(
    inputs: Iterable[str | os.PathLike],
    output: str | os.PathLike,
    *,
    jobs: int | None = None,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    chunk_size: int = 500,
    progress: bool = True,
    limit: int | None = None,
) -> BatchSummary:
    """Extract every input into the dataset folder ``output``; returns counts and the manifest.

    ``limit`` stops after that many inputs *without* finishing the dataset (the
    journal keeps the work, as after Ctrl-C): for trying --resume and for tests.
    """
    dataset = Path(output)
    ds.check_dataset_dir(dataset)
    dataset.mkdir(parents=True, exist_ok=True)
    ds.recover(dataset)
    version = run_version(extractor)
    sources = ds.reuse_sources(dataset, extractor_version=version) if resume else []
    if not resume:
        ds.drop_stale(dataset)
    skip_source: dict[tuple[str, str], int] = {}
    for i, src in enumerate(sources):
        for key in src.done:
            skip_source.setdefault(key, i)
    skip = frozenset(skip_source)
    tmp = ds.new_tmp(dataset)
    jobs = jobs or default_jobs()
    summary = BatchSummary(dataset)
    reuse: dict[str, int] = {}
    bar = _Progress(progress)
    items = iter_inputs(inputs)
    if limit is not None:
        import itertools

        items = itertools.islice(items, limit)
    try:
        if engine == "dask":
            from zhenggai.corpus.dask_engine import dask_partitions

            partitions = dask_partitions(list(items), tmp, extractor, skip, scheduler, jobs, chunk_size)
            for statuses, entry in partitions:
                if entry is not None:
                    entry["extractor_version"] = version
                    ds.append_journal(tmp, entry)
                for name, digest, status, error_class in statuses:
                    if status == "reused":
                        reuse[name] = skip_source[(name, digest)]
                    _count(summary, status, error_class)
                bar.update(summary, len(statuses))
        elif engine == "local":
            writer = ds.PartWriter(tmp / "parts", prefix="local", chunk_size=chunk_size)
            try:
                for outcome in local_outcomes(items, jobs, extractor, skip):
                    if outcome.status == "reused":
                        reuse[outcome.name] = skip_source[(outcome.name, outcome.content_hash)]
                    _count(summary, outcome.status, outcome.error_class)
                    entry = writer.add(outcome)
                    if entry is not None:
                        entry["extractor_version"] = version
                        ds.append_journal(tmp, entry)
                    bar.update(summary, 1)
            finally:
                # Also on Ctrl-C: what is done stays journaled for --resume.
                entry = writer.flush()
                if entry is not None:
                    entry["extractor_version"] = version
                    ds.append_journal(tmp, entry)
        else:
            raise ValueError(f"unknown engine {engine!r}; use local or dask")
    except BaseException:
        bar.stop("interrupted")
        raise
    summary.seconds = time.monotonic() - bar.start
    if limit is not None:
        bar.stop("stopped (limit)")
        return summary
    bar.stop("extracted; building the tables")
    from zhenggai.corpus.finalise import finalise

    # Reused inputs from an interrupted run come from its journaled parts, others from the dataset.
    extra = {"extractor_version": version, "extractor": extractor, "engine": engine, "jobs": jobs}
    summary.manifest = finalise(tmp, sources, reuse, extra)
    ds.swap_in(dataset, tmp)
    ds.drop_stale(dataset)
    summary.seconds = time.monotonic() - bar.start
    return summary
