"""Run a batch that kills itself (SIGKILL) at the N-th file-system step of the dataset switch.

    python -m tests.swap_killer STEP DATASET INPUT...

Every ``os.replace``, ``os.symlink``, ``os.unlink``, ``shutil.rmtree`` and DuckDB file write made
inside :func:`zhenggai.corpus.dataset.swap_in` is one step (what such a call does inside, e.g.
rmtree's own unlinks, belongs to its step).  Prints ``steps N`` and exits 0 when
the run ended before step STEP (so a caller learns how many steps there are).
"""

from __future__ import annotations

import os
import shutil
import signal
import sys

from zhenggai.corpus import dataset as ds
from zhenggai.corpus.batch import run_batch

EXTRACTOR = "zhenggai.corpus.synth:oracle"


def main() -> int:
    stop, out, inputs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    state = {"in_swap": False, "steps": 0, "depth": 0}

    def step(fn):
        def wrapped(*a, **k):
            if state["in_swap"] and state["depth"] == 0:  # calls inside a step (rmtree's unlinks) are part of it
                state["steps"] += 1
                if state["steps"] == stop:
                    os.kill(os.getpid(), signal.SIGKILL)
            state["depth"] += 1
            try:
                return fn(*a, **k)
            finally:
                state["depth"] -= 1
        return wrapped

    os.replace = step(os.replace)
    os.symlink = step(os.symlink)
    os.unlink = step(os.unlink)
    shutil.rmtree = step(shutil.rmtree)
    ds.write_duckdb_file = step(ds.write_duckdb_file)
    real_swap = ds.swap_in

    def swap_in(*a, **k):
        state["in_swap"] = True
        try:
            return real_swap(*a, **k)
        finally:
            state["in_swap"] = False

    ds.swap_in = swap_in
    run_batch(inputs, out, jobs=1, extractor=EXTRACTOR, progress=False, overwrite=True)
    print(f"steps {state['steps']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
