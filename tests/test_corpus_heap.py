"""zhenggai.corpus.heap: with the mmap threshold pinned, large freed blocks leave the process."""

import subprocess
import sys

import pytest

from zhenggai.corpus import heap

pytestmark = pytest.mark.skipif(heap._libc() is None, reason="needs glibc's mallopt and malloc_trim")

# Run in a fresh process: frees one 8 MiB block (glibc then raises its threshold to 8 MiB, unless it is
# pinned), then makes 48 blocks of 1 MiB, each followed by a small object that stays, frees the blocks and
# (in mode 'trimmed', after release_freed()) prints how much of the 48 MiB the process still holds.
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
    keep.append(bytearray(2048))
del blocks
if sys.argv[1] == "trimmed":
    heap.release_freed()
print((rss() - base) >> 20)
"""


def held_after_free(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", _HELD_AFTER_FREE, mode], capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_pinned_threshold_gives_large_blocks_back():
    assert held_after_free("pinned") < 8


def test_default_threshold_keeps_them():
    # What the pinning is for: with glibc's rising threshold the blocks came from the heap and stay mapped.
    assert held_after_free("default") > 40


def test_release_freed_gives_back_what_the_heap_kept():
    assert held_after_free("trimmed") < 8
