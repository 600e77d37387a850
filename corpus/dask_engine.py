"""The Dask engine: a dask.bag over the inputs; workers write the Parquet parts themselves.

    zhenggai batch crawl/ -o DATASET --engine dask                      a LocalCluster on 127.0.0.1
    zhenggai batch crawl/ -o DATASET --engine dask --scheduler tcp://HOST:8786

Each partition of the bag is extracted on a worker with the same
:func:`zhenggai.corpus.work.process_item` as the local engine and written as
one part per table into the run's folder (so the workers must see the dataset
folder at the same path, as on one machine or a shared file system).  The
parent journals each finished partition and builds the tables and the DuckDB
file at the end, exactly as the local engine does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from zhenggai.corpus.inputs import InputItem


def _partition_prefix(items: list[InputItem]) -> str:
    # Named by content, not by position: re-running a partition overwrites its own part.
    digest = hashlib.sha1("\n".join(i.name for i in items).encode("utf-8")).hexdigest()[:12]
    return f"dask-{digest}"


def extract_partition(items: list[InputItem], parts_dir: str, extractor: str, skip: frozenset) -> list[dict]:
    """Run on a worker: extract a partition, write its parts; returns [statuses and the journal entry]."""
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
    # A bag partition is a list: one element holding the partition's report.
    return [{"statuses": statuses, "entry": writer.flush()}]


def _client(scheduler: str | None, jobs: int):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    # Loopback only; the scheduler's HTTP server always starts, so give it any free port
    # rather than 8787 (another cluster on the machine may hold that).
    cluster = LocalCluster(
        n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address="127.0.0.1:0", silence_logs=50,
    )
    return Client(cluster), cluster


def dask_partitions(
    items: list[InputItem], tmp: Path, extractor: str, skip: frozenset, scheduler: str | None, jobs: int,
    chunk_size: int,
) -> Iterator[tuple[list, dict | None]]:
    """(statuses, journal entry) per finished partition, as partitions finish."""
    if not items:
        return
    import dask.bag as db
    from dask.distributed import as_completed

    size = max(1, min(chunk_size, -(-len(items) // (jobs * 4))))  # at least 4 partitions per worker
    bag = db.from_sequence(items, partition_size=size)
    parts_dir = str((tmp / "parts").resolve())
    delayed = bag.map_partitions(extract_partition, parts_dir, extractor, skip).to_delayed()
    client, cluster = _client(scheduler, jobs)
    try:
        futures = client.compute(delayed)
        for future in as_completed(futures):
            (result,) = future.result()
            yield result["statuses"], result["entry"]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
