"""Batch runs: many inputs → a dataset folder, on local processes or a Dask cluster.

    zhenggai batch notices/ crawl.jsonl -o DATASET            all cores of this machine
    zhenggai batch notices/ -o DATASET --resume               skip inputs already done
    zhenggai batch notices/ -o DATASET --engine dask          a LocalCluster (or --scheduler ADDRESS)

>>> summary = run_batch(["no-such-file.txt"], "/tmp/ds", jobs=1, progress=False)  # doctest: +SKIP
>>> summary.failed                                                                  # doctest: +SKIP
1

The local engine starts ``jobs`` worker processes (:mod:`zhenggai.corpus.pool`);
each loads the extractor and the region gazetteer once and then takes inputs
from a stream (bounded, so a huge crawl file is never held in memory).  A worker
that dies (SIGKILL, out of memory) costs one input an errors row, not the run.
The parent writes a Parquet part every ``chunk_size`` inputs and journals it, so
``--resume`` after an interruption only does what is left.

Faults: an input that cannot be read is an errors row; Ctrl-C and a full disk
(:class:`~zhenggai.corpus.dataset.DiskFullError`) stop the run and leave the
previous dataset as it was, with the finished inputs journaled for ``--resume``.
Errors rows without a content hash (unreadable input, crashed worker) are
tried again by ``--resume``.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from zhenggai.corpus import dataset as ds
from zhenggai.corpus.inputs import DEFAULT_EXTRACTOR, InputItem, iter_inputs, load_extractor
from zhenggai.corpus.pages import group_pages
from zhenggai.corpus.pool import WorkerStartError, pool_outcomes
from zhenggai.corpus.work import Outcome, init_worker, process_item


@dataclass
class BatchSummary:
    dataset: Path
    inputs: int = 0
    ok: int = 0
    failed: int = 0
    reused: int = 0
    skipped: int = 0  # web-archive records that are no notice (see the skipped table)
    seconds: float = 0.0
    error_classes: Counter = field(default_factory=Counter)
    skip_reasons: Counter = field(default_factory=Counter)
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
        if self.skipped:
            top = ", ".join(f"{k} {v}" for k, v in self.skip_reasons.most_common(6))
            out.insert(1, f"{self.skipped} archive records skipped as no notice: {top} (the skipped table)")
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
    """Outcomes of the inputs, from ``jobs`` worker processes (in-process when jobs == 1).

    The worker processes survive crashes: see :mod:`zhenggai.corpus.pool`.  With one job the
    extraction runs in this process (no pickling; a crash there ends the run, --resume goes on).
    """
    if jobs <= 1:
        init_worker(extractor, skip)
        for item in items:
            yield process_item(item)
        return
    yield from pool_outcomes(items, jobs, extractor, skip)


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
            self.enabled = False
            self.bar.update(self.task, description=description)
            self.bar.stop()


def _count(summary: BatchSummary, status: str, error_class: str | None) -> None:
    summary.inputs += 1
    if status == "ok":
        summary.ok += 1
    elif status == "failed":
        summary.failed += 1
        summary.error_classes[error_class or "Error"] += 1
    elif status == "skipped":  # error_class holds the reason (zhenggai.corpus.archive)
        summary.skipped += 1
        summary.skip_reasons[_reason_kind(error_class)] += 1
    else:
        summary.reused += 1


def _reason_kind(reason: str | None) -> str:
    """A skip reason without its details, for counting: 'redirect (HTTP 301) to …' → 'redirect'."""
    reason = reason or "skipped"
    return reason.split(" (", 1)[0]


def _keep_for_resume(tmp: Path | None) -> bool:
    """After a failed or interrupted run: keep the journaled parts (for --resume), drop the rest.

    The half-built tables (``final/``, DuckDB spill files) go, so a full disk gets its space back
    and no later run swaps in a result that was not finished.  True when work is kept.
    """
    if tmp is None or not tmp.is_dir():
        return False
    for name in ("final", "spill"):  # not old/: swap_in has put it back, or it is all that is left
        shutil.rmtree(tmp / name, ignore_errors=True)
    for partial in tmp.glob("parts/*/*.partial"):
        partial.unlink(missing_ok=True)
    if ds.read_journal(tmp):
        return True
    shutil.rmtree(tmp, ignore_errors=True)
    return False


def _is_disk_full(exc: BaseException) -> bool:
    # DuckDB and pyarrow report a full disk as their own errors, with the C library's words.
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return "no space left on device" in str(exc).lower()


def _is_interrupt(exc: BaseException) -> bool:
    # DuckDB turns Ctrl-C during a query into its own InterruptException.
    return type(exc).__name__ == "InterruptException"


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
    screen: bool = True,
) -> BatchSummary:
    """Extract every input into the dataset folder ``output``; returns counts and the manifest.

    ``limit`` stops after that many inputs *without* finishing the dataset (the
    journal keeps the work, as after Ctrl-C): for trying --resume and for tests.
    ``screen=False`` sends every web-archive page record to full extraction (``--no-screen``).
    """
    dataset = Path(output)
    ds.check_dataset_dir(dataset)
    try:  # a bad --extractor is one clear error here, not one per worker
        load_extractor(extractor)
    except Exception as exc:  # noqa: BLE001 - any import or attribute error
        raise WorkerStartError(f"cannot load the extractor {extractor!r}: {type(exc).__name__}: {exc}") from None
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
    jobs = jobs or default_jobs()
    summary = BatchSummary(dataset)
    reuse: dict[str, int] = {}
    items = iter_inputs(inputs)
    if not screen:
        from zhenggai.corpus.archive import unscreened

        items = unscreened(items)
    items = group_pages(items)  # the pages of a paginated article: one input
    if limit is not None:
        import itertools

        items = itertools.islice(items, limit)
    tmp = None
    bar = _Progress(progress)
    try:
        tmp = ds.new_tmp(dataset)
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
    except BaseException as exc:
        bar.stop("interrupted" if isinstance(exc, KeyboardInterrupt) else "failed")
        kept = _keep_for_resume(tmp)
        if _is_interrupt(exc):
            raise KeyboardInterrupt from exc
        if _is_disk_full(exc):
            hint = "; finished inputs are kept: run again with --resume" if kept else ""
            raise ds.DiskFullError(
                f"{dataset}: no space left on device; free space or write the dataset elsewhere{hint}"
            ) from exc
        raise
    ds.drop_stale(dataset)
    summary.seconds = time.monotonic() - bar.start
    return summary
