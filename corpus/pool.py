"""A pool of worker processes that survives its workers: the local engine of ``zhenggai batch``.

>>> items = [InputItem("a.txt", "a.txt")]                                        # doctest: +SKIP
>>> [o.status for o in pool_outcomes(items, 2, DEFAULT_EXTRACTOR, frozenset())]  # doctest: +SKIP
['failed']

``multiprocessing.Pool`` hangs for ever when a worker dies (SIGKILL, the
kernel's OOM killer, a segfault in a PDF library): the task that worker held
is never answered.  Here each worker holds exactly one input at a time, so the
parent knows which input was in a worker that died.  That input is tried once
more in a fresh worker (the kill may have come from outside, e.g. the OOM
killer picking a process); if it kills that worker too it becomes an errors row
(``error_class`` ``WorkerCrashed``) and the run goes on.  Such rows carry no
content hash, so ``--resume`` tries the input again.

Workers ignore SIGINT: Ctrl-C is handled by the parent, which stops them.
Workers die with the parent: each asks the kernel for SIGKILL when its parent
dies (``prctl(PR_SET_PDEATHSIG)`` on Linux; elsewhere a watchdog thread polls
the parent's pid) and closes the parent's ends of every pipe and the dataset
lock it inherited, so a killed run (kill -9, SIGTERM) leaves no worker behind.

Each input has a wall-clock guard (``timeout`` seconds): a worker still busy
with one input after it is killed, and the input becomes a ``Timeout`` errors
row, even when the reader inside ignores its own deadline.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Iterable, Iterator

from zhenggai.corpus.inputs import InputItem
from zhenggai.corpus.rows import empty_rows, error_row
from zhenggai.corpus.work import Outcome, init_worker, process_item, timeout_outcome

# A crashed input is tried this many more times, each time in a new worker.
RETRIES = 1


class WorkerCrashed(Exception):
    """A worker process died while it extracted one input.

    >>> str(WorkerCrashed("a.pdf", -9, 1))
    'a.pdf: the worker process died (killed by SIGKILL) while extracting this input, also when tried again'
    """

    def __init__(self, name: str, exitcode: int | None, retries: int, how: str | None = None):
        self.name, self.exitcode = name, exitcode
        how = how or _describe_exit(exitcode)
        again = ", also when tried again" if retries else ""
        self.message = f"{name}: the worker process died ({how}) while extracting this input{again}"
        super().__init__(self.message)


class WorkerStartError(RuntimeError):
    """A worker could not load the extractor (e.g. a bad ``--extractor``)."""


def _describe_exit(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when ``parent_pid`` does (PR_SET_PDEATHSIG, else a watchdog thread)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL, 0, 0, 0) != 0:  # 1 = PR_SET_PDEATHSIG
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        import threading

        def watch() -> None:
            while os.getppid() == parent_pid:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, daemon=True, name="zhenggai-parent-watchdog").start()
    if os.getppid() != parent_pid:  # the parent died before the signal was asked for
        os._exit(1)


def _worker_main(conn, extractor: str, skip: frozenset, parent_pid: int | None = None,
                 inherited: tuple[int, ...] = ()) -> None:
    """A worker: load the extractor once, then answer one input at a time until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent handles it
    if parent_pid is not None:
        die_with_parent(parent_pid)
    for fd in inherited:  # the parent's pipe ends of the other workers, the dataset lock (fork only)
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        init_worker(extractor, skip)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the run
        conn.send(("start-error", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if item is None:
            return
        outcome = process_item(item)
        try:
            conn.send(("outcome", outcome))
        except (BrokenPipeError, ConnectionResetError):
            return  # the parent was killed: nobody to answer


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: object
    item: InputItem | None = None
    since: float = 0.0  # when it was given its input (monotonic)


@dataclass
class _Pool:
    ctx: object
    extractor: str
    skip: frozenset
    workers: list[_Worker] = field(default_factory=list)

    def start(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        inherited: tuple[int, ...] = ()
        if self.ctx.get_start_method() == "fork":  # a forked child holds copies of these descriptors
            from zhenggai.corpus.dataset import LOCK_FDS

            inherited = tuple(w.conn.fileno() for w in self.workers) + (parent.fileno(),) + tuple(LOCK_FDS)
        proc = self.ctx.Process(target=_worker_main,
                                args=(child, self.extractor, self.skip, os.getpid(), inherited),
                                daemon=True, name="zhenggai-batch-worker")
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
        self.workers.append(worker)
        return worker

    def retire(self, worker: _Worker) -> int | None:
        """Reap a dead worker; its exit code."""
        self.workers.remove(worker)
        worker.conn.close()
        worker.process.join(timeout=5)
        return worker.process.exitcode

    def stop(self) -> None:
        """Stop every worker (also on Ctrl-C or an error in the parent)."""
        for w in self.workers:
            try:
                if w.item is None:
                    w.conn.send(None)
            except (OSError, ValueError):
                pass
        for w in self.workers:
            w.process.join(timeout=0.5 if w.item is None else 0)
            if w.process.is_alive():
                w.process.terminate()
                w.process.join(timeout=2)
            if w.process.is_alive():  # pragma: no cover - stuck in uninterruptible code
                w.process.kill()
                w.process.join(timeout=2)
            w.conn.close()
        self.workers.clear()


def crash_outcome(item: InputItem, exitcode: int | None, how: str | None = None) -> Outcome:
    """The errors row of an input that killed its worker each time it was tried (also for Dask)."""
    rows = empty_rows()
    # No content hash: the worker died before reporting one, and --resume must try the input again.
    rows["errors"].append(error_row(item.name, WorkerCrashed(item.name, exitcode, RETRIES, how), None))
    return Outcome(item.name, None, "failed", rows, "WorkerCrashed")


def pool_outcomes(
    items: Iterable[InputItem], jobs: int, extractor: str, skip: frozenset, timeout: float | None = None
) -> Iterator[Outcome]:
    """Outcomes of ``items`` from ``jobs`` worker processes, in the order they finish.

    A stream: at most ``jobs`` inputs are in flight, so a huge crawl file is never held in memory.
    A worker busy with one input for longer than ``timeout`` seconds is killed and the input
    becomes a ``Timeout`` errors row.
    """
    methods = mp.get_all_start_methods()
    pool = _Pool(mp.get_context("fork" if "fork" in methods else "spawn"), extractor, skip)
    source = iter(items)
    retry: deque[InputItem] = deque()
    crashes: dict[str, int] = {}

    def feed(worker: _Worker) -> None:
        item = retry.popleft() if retry else next(source, None)
        worker.item = item
        worker.since = time.monotonic()
        if item is not None:
            try:
                worker.conn.send(item)
            except (BrokenPipeError, ConnectionResetError):
                pass  # it died between inputs: its sentinel says so on the next wait

    try:
        for _ in range(jobs):
            feed(pool.start())
        while any(w.item is not None for w in pool.workers):
            busy = [w for w in pool.workers if w.item is not None]
            wait_for = None
            if timeout:
                now = time.monotonic()
                overdue = [w for w in busy if now - w.since >= timeout]
                for w in overdue:
                    item = w.item
                    w.process.kill()
                    pool.retire(w)
                    yield timeout_outcome(item, timeout)
                    feed(pool.start())
                if overdue:
                    continue
                wait_for = max(0.05, min(w.since for w in busy) + timeout - now)
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait_for))
            for w in busy:
                if w.conn not in ready and w.process.sentinel not in ready:
                    continue
                message = None
                try:
                    if w.conn.poll():
                        message = w.conn.recv()
                except (EOFError, OSError):
                    message = None
                if message is None:
                    if w.process.is_alive() and w.process.sentinel not in ready:
                        continue  # spurious wake-up
                    item, code = w.item, pool.retire(w)
                    crashes[item.name] = crashes.get(item.name, 0) + 1
                    if crashes[item.name] <= RETRIES:
                        retry.append(item)
                    else:
                        yield crash_outcome(item, code)
                    feed(pool.start())  # idle if nothing is left; stop() ends it
                    continue
                kind, payload = message
                if kind == "start-error":
                    raise WorkerStartError(f"cannot start a worker with extractor {extractor!r}: {payload}")
                feed(w)  # before yielding: the worker goes on while the parent writes
                yield payload
    finally:
        pool.stop()

