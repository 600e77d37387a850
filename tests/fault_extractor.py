"""An extractor for fault tests: the synth oracle, with faults switched on by environment variables.

    zhenggai batch IN -o OUT --extractor tests.fault_extractor:extractor

- ``ZHENGGAI_FAULT_KILL=SUBSTRING``: SIGKILL the worker process on inputs whose name contains it.
- ``ZHENGGAI_FAULT_KILL_ONCE=MARKER``: only the first time (the marker file records it), so a retry works.
- ``ZHENGGAI_FAULT_SLEEP=SECONDS``: sleep before each input (a slow run to interrupt).
- ``ZHENGGAI_FAULT_HANG=SUBSTRING``: hang on inputs whose name contains it, deaf to SIGALRM
  (a reader that ignores every deadline).

With every variable unset it is the oracle: runs with and without faults share one extractor
version, so ``--resume`` reuses their rows.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from zhenggai.corpus.synth import oracle


class FaultyExtractor:
    def _faults(self, name: str) -> None:
        hang = os.environ.get("ZHENGGAI_FAULT_HANG")
        if hang and hang in name:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            while True:
                time.sleep(60)
        delay = os.environ.get("ZHENGGAI_FAULT_SLEEP")
        if delay:
            time.sleep(float(delay))
        target = os.environ.get("ZHENGGAI_FAULT_KILL")
        if target and target in name:
            marker = os.environ.get("ZHENGGAI_FAULT_KILL_ONCE")
            if marker:
                try:
                    Path(marker).open("x").close()  # exclusive create: exactly one process kills itself
                except FileExistsError:
                    return
            os.kill(os.getpid(), signal.SIGKILL)

    def from_bytes(self, data: bytes, name: str, **source):
        self._faults(name)
        return oracle.from_bytes(data, name, **source)

    def from_line(self, line: bytes, name: str):
        self._faults(name)
        return oracle.from_line(line, name)


extractor = FaultyExtractor()
