"""The Dask engine: chunks of inputs as Dask futures; workers write the Parquet parts themselves.

    zhenggai batch crawl/ -o DATASET --engine dask                      a LocalCluster on 127.0.0.1
    zhenggai batch crawl/ -o DATASET --engine dask --scheduler tcp://HOST:8786

Each chunk is extracted on a worker with the same
:func:`zhenggai.corpus.work.process_item` as the local engine and written as
one part per table into the run's folder (so the workers must see the dataset
folder at the same path, as on one machine or a shared file system).  The
parent journals each finished chunk and builds the tables and the DuckDB file
at the end, exactly as the local engine does.

A worker that dies (SIGKILL, the OOM killer, a segfault in a PDF library)
takes its whole chunk with it: Dask retries the chunk on another worker and
finally gives up with ``KilledWorker``.  The chunk is then split and each of
its inputs submitted alone, so one poisonous input costs one errors row
(``error_class`` ``WorkerCrashed``, no content hash, so ``--resume`` tries it
again), never the run and never its neighbours — the promise the local engine
keeps too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from zhenggai.corpus.inputs import InputItem

# Scheduler settings of the LocalCluster.  allowed-failures: how many times a task whose worker
# died is run again before KilledWorker, the local engine's RETRIES (a kill from outside deserves
# one more try).  worker-saturation 1.0: a worker holds only the task it runs, none queued behind
# it, so a dying worker cannot take an innocent queued chunk's retries with it.
CLUSTER_CONFIG = {
    "distributed.scheduler.allowed-failures": 1,
    "distributed.scheduler.worker-saturation": 1.0,
}


def _partition_prefix(items: list[InputItem]) -> str:
    # Named by content, not by position: re-running a partition overwrites its own part.
    digest = hashlib.sha1("\n".join(i.name for i in items).encode("utf-8")).hexdigest()[:12]
    return f"dask-{digest}"


def extract_partition(items: list[InputItem], parts_dir: str, extractor: str, skip: frozenset) -> dict:
    """Run on a worker: extract a chunk, write its parts; returns its statuses and journal entry."""
    from zhenggai.corpus.dataset import PartWriter
    from zhenggai.corpus.work import init_worker, process_item

    items = list(items)
    init_worker(extractor, skip)
    writer = PartWriter(Path(parts_dir), prefix=_partition_prefix(items), chunk_size=len(items) + 1)
    statuses = []
    for item in items:
        outcome = process_item(item)
        statuses.append((outcome.name, outcome.content_hash, outcome.status, outcome.error_class))
        writer.add(outcome)
    return {"statuses": statuses, "entry": writer.flush()}


def _crashed(item: InputItem, parts_dir: str) -> dict:
    """In the parent: the errors row of an input whose worker died each time it was tried."""
    from zhenggai.corpus.dataset import PartWriter
    from zhenggai.corpus.pool import crash_outcome

    outcome = crash_outcome(item, None, how="lost by Dask: KilledWorker")
    writer = PartWriter(Path(parts_dir), prefix=_partition_prefix([item]) + "-crashed", chunk_size=2)
    writer.add(outcome)
    return {"statuses": [(outcome.name, None, outcome.status, outcome.error_class)], "entry": writer.flush()}


def _client(scheduler: str | None, jobs: int):
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    # Loopback only; the scheduler's HTTP server always starts, so give it any free port
    # rather than 8787 (another cluster on the machine may hold that).  The scheduler runs in
    # this process and reads its settings when it is created.  (An external scheduler keeps its
    # own: set the same two keys in its dask config for the same behaviour.)
    with dask.config.set(CLUSTER_CONFIG):
        cluster = LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address="127.0.0.1:0", silence_logs=50,
        )
    return Client(cluster), cluster


def _chunks(items: list[InputItem], size: int) -> list[list[InputItem]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def dask_partitions(
    items: list[InputItem], tmp: Path, extractor: str, skip: frozenset, scheduler: str | None, jobs: int,
    chunk_size: int,
) -> Iterator[tuple[list, dict | None]]:
    """(statuses, journal entry) per finished chunk, as chunks finish."""
    if not items:
        return
    from dask.distributed import KilledWorker, as_completed

    size = max(1, min(chunk_size, -(-len(items) // (jobs * 4))))  # at least 4 chunks per worker
    parts_dir = str((tmp / "parts").resolve())
    client, cluster = _client(scheduler, jobs)
    try:
        chunk_of = {}

        def submit(chunk: list[InputItem]):
            future = client.submit(extract_partition, chunk, parts_dir, extractor, skip, pure=False)
            chunk_of[future] = chunk
            return future

        pending = as_completed([submit(c) for c in _chunks(items, size)])
        for future in pending:
            chunk = chunk_of.pop(future)
            try:
                result = future.result()
            except KilledWorker:
                if len(chunk) > 1:
                    # Which input killed the worker is unknown: try each alone.
                    for one in _chunks(chunk, 1):
                        pending.add(submit(one))
                    continue
                result = _crashed(chunk[0], parts_dir)
            yield result["statuses"], result["entry"]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
