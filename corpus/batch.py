"""Batch runs: many inputs → a dataset folder, on local processes or a Dask cluster.

    zhenggai batch notices/ crawl.jsonl -o DATASET            all cores of this machine
    zhenggai batch notices/ -o DATASET --resume               skip inputs already done
    zhenggai batch more/ -o DATASET --append                  add inputs to the dataset
    zhenggai batch notices/ -o DATASET --overwrite            replace the dataset
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

A run never destroys a dataset by accident: writing over one needs ``resume``,
``append`` or ``overwrite``; a run that found no input, or whose every input
failed, leaves it as it was; and a run holds the dataset's lock from start to end.
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
from zhenggai.corpus.doctypes import skipped_manifest, skipped_type
from zhenggai.corpus.heap import fixed_mmap_threshold, release_freed
from zhenggai.corpus.inputs import (
    DEFAULT_EXTRACTOR,
    InputItem,
    WalkStats,
    count_inputs,
    iter_inputs,
    load_extractor,
)
from zhenggai.corpus.pages import group_pages
from zhenggai.corpus.pool import WorkerStartError, pool_outcomes
from zhenggai.corpus.work import Outcome, init_worker, process_item_guarded


@dataclass
class BatchSummary:
    dataset: Path
    inputs: int = 0
    ok: int = 0
    failed: int = 0
    reused: int = 0
    kept: int = 0  # --append: inputs of the dataset kept as they were
    files: int = 0  # files walked (a crawl file counts once)
    records_skipped: int = 0  # web-archive records that are no notice (see the skipped table)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    error_classes: Counter = field(default_factory=Counter)
    skip_reasons: Counter = field(default_factory=Counter)
    manifest: dict = field(default_factory=dict)
    skipped: dict = field(default_factory=dict)  # input → doc_type left out by --types

    def lines(self) -> list[str]:
        counts = self.manifest.get("counts", {})
        dups = self.manifest.get("duplicates", {})
        rate = self.inputs / self.seconds if self.seconds else 0.0
        kept = f", {self.kept} kept from the dataset" if self.kept else ""
        out = [
            f"{self.files} files walked, {self.inputs} inputs in {self.seconds:.1f} s ({rate:.1f}/s): "
            f"{self.ok} extracted, {self.failed} failed, {self.reused} reused from an earlier run{kept}",
            f"dataset {self.dataset}: {counts.get('notices', 0)} notices ({dups.get('exact', 0)} exact and "
            f"{dups.get('near', 0)} near reposts, {dups.get('partial', 0)} partial copies), "
            f"{counts.get('sections', 0)} sections, "
            f"{counts.get('mentions', 0)} mentions, {counts.get('errors', 0)} errors",
        ]
        if dups.get("partial_bounded"):
            out.append(f"partial copies: {dups['partial_bounded']} notices were checked against a bounded set of "
                       "candidates (more candidates than kept, or rare 5-grams shared by many; see docs/cluster.md)")
        if self.skipped:
            kinds = ", ".join(f"{k} {v}" for k, v in Counter(self.skipped.values()).most_common())
            out.append(f"skipped by --types: {len(self.skipped)} inputs of other document types ({kinds}); "
                       "listed in manifest.json under 'skipped'")
        if self.records_skipped:
            top = ", ".join(f"{k} {v}" for k, v in self.skip_reasons.most_common(6))
            out.insert(1, f"{self.records_skipped} archive records skipped as no notice: {top} (the skipped table)")
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


# Workers beyond this many per core only cost memory (each holds the extractor and the gazetteer).
WORKERS_PER_CORE = 4


class BatchUsageError(ds.DatasetError):
    """A run that must not start as asked (a missing input, a dataset to overwrite without a choice)."""


class NothingToWrite(ds.DatasetError):
    """No input found, or every input failed: the dataset is left as it was."""


def input_timeout_default() -> float:
    """Wall-clock guard per input: reading plus extraction limits, plus a margin (ZHENGGAI_INPUT_TIMEOUT)."""
    from zhenggai.limits import current

    value = os.environ.get("ZHENGGAI_INPUT_TIMEOUT")
    if value:
        try:
            seconds = float(value)
        except ValueError:
            seconds = float("nan")
        if not (seconds > 0 and seconds != float("inf")):
            raise BatchUsageError(f"ZHENGGAI_INPUT_TIMEOUT={value!r}: give a positive number of seconds")
        return seconds
    limits = current()
    return limits.read_seconds + limits.seconds + 30.0


def cap_workers(jobs: int, first_inputs: int, cores: int | None = None) -> tuple[int, str | None]:
    """``jobs`` capped at the inputs there are and WORKERS_PER_CORE × cores; a note when capped.

    >>> cap_workers(10000, 1, cores=2)
    (1, 'note: --workers 10000 capped at 1 (the number of inputs)')
    >>> cap_workers(50, 500, cores=2)
    (8, 'note: --workers 50 capped at 8 (4 per core on 2 cores)')
    >>> cap_workers(2, 500, cores=2)
    (2, None)
    """
    cores = cores or default_jobs()
    limit, why = jobs, None
    if limit > WORKERS_PER_CORE * cores:
        limit, why = WORKERS_PER_CORE * cores, f"{WORKERS_PER_CORE} per core on {cores} cores"
    if limit > first_inputs:
        limit, why = max(1, first_inputs), "the number of inputs"
    return limit, (f"note: --workers {jobs} capped at {limit} ({why})" if limit != jobs else None)


def local_outcomes(
    items: Iterable[InputItem], jobs: int, extractor: str, skip: frozenset, timeout: float | None = None
) -> Iterator[Outcome]:
    """Outcomes of the inputs, from ``jobs`` worker processes (in-process when jobs == 1).

    The worker processes survive crashes: see :mod:`zhenggai.corpus.pool`.  With one job the
    extraction runs in this process (no pickling; a crash there ends the run, --resume goes on).
    """
    if jobs <= 1:
        init_worker(extractor, skip)
        for item in items:
            yield process_item_guarded(item, timeout)
        return
    yield from pool_outcomes(items, jobs, extractor, skip, timeout)


class _Progress:
    """A rich progress line on stderr: done of total, failed, reused, rate, elapsed and ETA."""

    def __init__(self, enabled: bool, total: int | None = None, console=None):
        self.enabled = enabled
        self.start = time.monotonic()
        if enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("done · [green]{task.fields[ok]} ok[/] · "
                           "[red]{task.fields[failed]} failed[/] · {task.fields[reused]} reused · "
                           "{task.fields[rate]:.1f}/s"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=console or Console(stderr=True), transient=False,
            )
            self.task = self.bar.add_task("extracting", total=total, ok=0, failed=0, reused=0, rate=0.0)
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
        summary.records_skipped += 1
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


def _mode(resume: bool, append: bool, overwrite: bool) -> str | None:
    chosen = [name for name, on in (("resume", resume), ("append", append), ("overwrite", overwrite)) if on]
    if len(chosen) > 1:
        raise BatchUsageError(f"--{chosen[0]} and --{chosen[1]} exclude each other; choose one")
    return chosen[0] if chosen else None


def check_input_paths(inputs: Iterable[str | os.PathLike]) -> list:
    """The inputs, or BatchUsageError naming the first that does not exist (nothing is touched)."""
    paths = list(inputs)
    for arg in paths:
        if not os.path.lexists(arg):
            from zhenggai.corpus.inputs import display_name

            raise BatchUsageError(f"{display_name(os.fsdecode(arg))}: no such file or folder; check the input path")
    return paths


def run_batch(
    inputs: Iterable[str | os.PathLike],
    output: str | os.PathLike,
    *,
    jobs: int | None = None,
    resume: bool = False,
    append: bool = False,
    overwrite: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    extractor: str = DEFAULT_EXTRACTOR,
    chunk_size: int = 500,
    progress: bool = True,
    limit: int | None = None,
    types: tuple[str, ...] | None = None,
    include: tuple[str, ...] | list[str] = (),
    exclude: tuple[str, ...] | list[str] = (),
    input_timeout: float | None = None,
    screen: bool = True,
) -> BatchSummary:
    """Extract every input into the dataset folder ``output``; returns counts and the manifest.

    Writing over a finished dataset needs one of ``resume`` (reuse rows of inputs already
    done), ``append`` (keep every row there and add these inputs; reposts are linked across
    old and new) or ``overwrite``; else :class:`BatchUsageError`.  A run that finds no input,
    or whose every input fails, raises :class:`NothingToWrite` and leaves the dataset as it was.

    ``limit`` stops after that many inputs *without* finishing the dataset (the
    journal keeps the work, as after Ctrl-C): for trying --resume and for tests.
    ``types`` keeps only records of those document types; the others are counted skips
    (``zhenggai.corpus.doctypes``; local engine only).
    ``screen=False`` sends every web-archive page record to full extraction (``--no-screen``).
    """
    if types is not None and engine != "local":
        raise ValueError("keeping only some document types (--types) needs the local engine")
    dataset = Path(output)
    mode = _mode(resume, append, overwrite)
    ds.check_dataset_dir(dataset)
    inputs = check_input_paths(inputs)
    if mode is None and ds.has_dataset(dataset):
        raise BatchUsageError(
            f"{dataset}: holds a dataset; choose --resume (go on), --append (add these inputs) "
            "or --overwrite (replace it)"
        )
    timeout = input_timeout if input_timeout is not None else input_timeout_default()
    try:  # a bad --extractor is one clear error here, not one per worker
        load_extractor(extractor)
    except Exception as exc:  # noqa: BLE001 - any import or attribute error
        raise WorkerStartError(f"cannot load the extractor {extractor!r}: {type(exc).__name__}: {exc}") from None
    fixed_mmap_threshold()  # the parent gives large freed blocks back (zhenggai.corpus.heap)
    created = not dataset.exists()
    try:
        with ds.locked(dataset):
            return _run_locked(dataset, inputs, mode, jobs, engine, scheduler, extractor, chunk_size,
                               progress, limit, tuple(include), tuple(exclude), timeout, types, screen)
    finally:
        if created and dataset.is_dir() and {p.name for p in dataset.iterdir()} <= {ds.LOCK}:
            shutil.rmtree(dataset, ignore_errors=True)  # nothing was written: leave no folder behind


def _run_locked(dataset, inputs, mode, jobs, engine, scheduler, extractor, chunk_size, progress, limit,
                include, exclude, timeout, types, screen) -> BatchSummary:
    import itertools

    ds.recover(dataset)
    existing = ds.has_dataset(dataset)
    version = run_version(extractor)
    sources = ds.reuse_sources(dataset, extractor_version=version) if mode in ("resume", "append") else []
    if mode not in ("resume", "append"):
        ds.drop_stale(dataset)
    keep_index = None
    if mode == "append" and existing:
        keep_index = next((i for i, src in enumerate(sources) if src.kind == "final"), None)
        if keep_index is None:  # made by another version: its rows are kept as they are
            sources.append(ds.final_source(dataset))
            keep_index = len(sources) - 1
    skip_source: dict[tuple[str, str], int] = {}
    for i, src in enumerate(sources):
        for key in src.done:
            skip_source.setdefault(key, i)
    skip = frozenset(skip_source)
    summary = BatchSummary(dataset)
    walk = WalkStats()
    reuse: dict[str, int] = {}
    # The names this run met: only --append into a dataset needs them (the inputs it keeps are the others).
    seen: set[str] = set()
    remember = keep_index is not None
    items = iter_inputs(inputs, include=include, exclude=exclude, stats=walk)
    if not screen:
        from zhenggai.corpus.archive import unscreened

        items = unscreened(items)
    items = group_pages(items)  # the pages of a paginated article: one input
    if limit is not None:
        items = itertools.islice(items, limit)
    jobs = jobs or default_jobs()
    if engine == "local":
        head = list(itertools.islice(items, min(jobs, WORKERS_PER_CORE * default_jobs()) + 1))
        jobs, note = cap_workers(jobs, len(head))
        if note:
            summary.notes.append(note)
        items = itertools.chain(head, items)
    total = None
    if progress:
        total = count_inputs(inputs, include, exclude)
        total = min(total, limit) if limit is not None else total
    tmp = None
    bar = _Progress(progress, total)
    try:
        tmp = ds.new_tmp(dataset)
        if engine == "dask":
            from zhenggai.corpus.dask_engine import dask_partitions

            listed = list(items)
            seen.update(item.name for item in listed)
            jobs, note = cap_workers(jobs, len(listed))
            if note:
                summary.notes.append(note)
            partitions = dask_partitions(listed, tmp, extractor, skip, scheduler, jobs, chunk_size)
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
                for outcome in local_outcomes(items, jobs, extractor, skip, timeout):
                    if remember:
                        seen.add(outcome.name)
                    if (kind := skipped_type(outcome, types)) is not None:
                        summary.inputs += 1  # a counted skip: in the summary and the manifest
                        summary.skipped[outcome.name] = kind
                        bar.update(summary, 1)
                        continue
                    if outcome.status == "reused":
                        reuse[outcome.name] = skip_source[(outcome.name, outcome.content_hash)]
                    _count(summary, outcome.status, outcome.error_class)
                    entry = writer.add(outcome)
                    if entry is not None:
                        entry["extractor_version"] = version
                        ds.append_journal(tmp, entry)
                        release_freed()
                    bar.update(summary, 1)
            finally:
                # Also on Ctrl-C: what is done stays journaled for --resume.
                entry = writer.flush()
                if entry is not None:
                    entry["extractor_version"] = version
                    ds.append_journal(tmp, entry)
        else:
            raise ValueError(f"unknown engine {engine!r}; use local or dask")
        summary.files = walk.files
        summary.seconds = time.monotonic() - bar.start
        if limit is not None:
            bar.stop("stopped (limit)")
            return summary
        if summary.inputs == 0 or (summary.failed == summary.inputs and existing):
            what = (f"no input found in {', '.join(display(a) for a in inputs)} ({walk.files} files walked)"
                    if summary.inputs == 0 else f"every input failed ({summary.failed} of {summary.inputs})")
            left = "left as it was" if existing else "not written"
            raise NothingToWrite(f"{dataset}: {what}; the dataset was {left}")
        if keep_index is not None:
            for name in (ds.read_manifest(dataset) or {}).get("inputs", {}):
                if name not in seen:
                    reuse[name] = keep_index
                    summary.kept += 1
        bar.stop("extracted; building the tables")
        from zhenggai.corpus.finalise import finalise

        # Reused inputs from an interrupted run come from its journaled parts, others from the dataset.
        extra = {"extractor_version": version, "extractor": extractor, "engine": engine, "jobs": jobs}
        if types is not None:
            extra["skipped"] = skipped_manifest(summary.skipped, types)
        summary.manifest = finalise(tmp, sources, reuse, extra)
        retried = summary.manifest.get("final_pass")
        if retried:
            summary.notes.append(f"note: the final pass ran out of its DuckDB memory budget ({retried['ran_out_of']}) "
                                 f"and ran again with {retried['duckdb_memory']}; set ZHENGGAI_DUCKDB_MEMORY to start there")
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
        if isinstance(exc, ds.FinalPassMemoryError):
            raise ds.FinalPassMemoryError(f"{dataset}: {exc}") from None
        raise
    ds.drop_stale(dataset)
    summary.seconds = time.monotonic() - bar.start
    return summary


def display(arg: str | os.PathLike) -> str:
    from zhenggai.corpus.inputs import display_name

    return display_name(os.fsdecode(arg))
