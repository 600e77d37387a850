"""The C heap of a long batch: give freed memory back to the system.

A batch's parent holds little for long, but it passes a great deal through: every input's rows
on their way to a Parquet part, and in the final pass the texts and 5-grams of every notice on
their way between DuckDB, Arrow and Python.  The allocators keep what was freed for reuse, and
with glibc's defaults much of it is never given back:

- glibc serves a block of more than its *mmap threshold* from a fresh mapping, unmapped when
  freed; but each time such a block is freed the threshold rises to its size (up to 32 MiB), so
  from then on the large blocks come from the heap, where a freed block stays mapped as long as
  anything above it is in use.  Texts, Parquet pages and Arrow batches are such blocks.
- Arrow's pool (mimalloc) keeps freed pages for reuse.

:func:`fixed_mmap_threshold` pins the threshold at 128 KiB (glibc's own starting value), so
large blocks keep their own mappings; :func:`release_freed` hands back what the allocators keep.
Both do nothing where there is no glibc.  Measured in ``docs/cluster.md`` ("The C heap").
"""

from __future__ import annotations

MMAP_THRESHOLD = 128 * 1024  # bytes: glibc's default starting value, here kept from rising
_M_MMAP_THRESHOLD = -3  # mallopt()'s parameter number for it (malloc.h)


def _libc():
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def fixed_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Serve blocks of ``size`` bytes and more from their own mappings, for the rest of the process.

    Returns whether the C library took the setting (False without glibc).
    """
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_MMAP_THRESHOLD, size))


def release_freed() -> None:
    """Give back to the system what Arrow's pool and the C heap keep of freed memory."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
