"""zhenggai.corpus.heap: with the mmap threshold pinned, large freed blocks leave the process."""

import os
import subprocess
import sys

import pytest

from zhenggai.corpus import heap

pytestmark = pytest.mark.skipif(heap._libc() is None, reason="needs glibc's mallopt and malloc_trim")

# Run in a fresh process: frees one 8 MiB block (glibc then raises its threshold to 8 MiB, unless it is
# pinned), then makes 48 blocks of 1 MiB, each followed by a small object that stays, and frees the blocks
# (in mode 'trimmed', then calls release_freed()).  Prints how much the process grew with the blocks and how
# much of that it still holds, in MiB.
_HELD_AFTER_FREE = """
import sys, psutil
import pyarrow  # imported by release_freed(): loaded before the measure
from zhenggai.corpus import heap
if sys.argv[1] == "pinned":
    assert heap.fixed_mmap_threshold()
rss = lambda: psutil.Process().memory_info().rss
big = bytearray(8 << 20); del big
base = rss()
blocks, keep = [], []
for i in range(48):
    blocks.append(bytearray(1 << 20))
    blocks[-1][::4096] = b"x" * 256  # every page written: resident whether or not calloc cleared it
    keep.append(bytearray(2048))
grown = rss() - base
del blocks
if sys.argv[1] == "trimmed":
    heap.release_freed()
print(grown >> 20, (rss() - base) >> 20)
"""


def held_after_free(mode: str) -> int:
    command = [sys.executable, "-c", _HELD_AFTER_FREE, mode]
    # glibc's own settings from the environment left out: any of them also stops the threshold from rising,
    # and a Dask nanny started by an earlier test puts MALLOC_TRIM_THRESHOLD_ in this process's os.environ.
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    grown, held = map(int, done.stdout.split())
    assert grown >= 46, "the 48 MiB of blocks were not resident: the measure says nothing"
    return held


def test_pinned_threshold_gives_large_blocks_back():
    assert held_after_free("pinned") < 8


def test_default_threshold_keeps_them():
    # What the pinning is for: with glibc's rising threshold the blocks came from the heap and stay mapped.
    assert held_after_free("default") > 40


def test_release_freed_gives_back_what_the_heap_kept():
    assert held_after_free("trimmed") < 8
