"""CPU time of each part of ``extract_text`` inside the whole call, in ms per notice.

    python bench/functions.py [--passes 5]

``bench/stages.py`` times each public stage alone on the previous stage's output; this script
times the parts where they really run: every listed function is wrapped (``time.process_time``
around each call) and ``extract_text`` runs over corpus/gold and tests/fixtures/notices.  Nested
parts (``find_dates`` inside ``find_mentions``) count in both lines; the whole call is the best
unwrapped pass.  Used to find where the time goes before and after a speed change; compare two
versions by running it from both, alternately, on an idle machine.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent

# (module, function): the parts timed.  The assembly's own names are wrapped where it calls them.
PARTS = [
    ("zhenggai.assemble", "normalize"),
    ("zhenggai.read.script", "is_traditional"),
    ("zhenggai.facts", "find_source_meta"),
    ("zhenggai.assemble", "find_mentions"),
    ("zhenggai.mentions.dates", "find_dates"),
    ("zhenggai.mentions.counts", "find_counts"),
    ("zhenggai.mentions.money", "find_money"),
    ("zhenggai.mentions.percent", "find_shares"),
    ("zhenggai.mentions.documents", "find_documents"),
    ("zhenggai.mentions.multiple", "find_multiples"),
    ("zhenggai.outline", "parse_outline"),
    ("zhenggai.facts", "extract_facts"),
    ("zhenggai.facts.notice", "find_totals"),
    ("zhenggai.facts.notice", "find_inspection"),
    ("zhenggai.facts.notice", "find_contact"),
    ("zhenggai.facts", "check_flags"),
    ("zhenggai.facts.doctype", "classify_doctype"),
    ("zhenggai.assemble", "section_paths"),
    ("zhenggai.assemble", "Notice"),
]


def _wrap(totals: collections.Counter, module: str, name: str) -> None:
    mod = importlib.import_module(module)
    fn: Callable | None = getattr(mod, name, None)
    if fn is None:
        return

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[f"{module.rsplit('.', 1)[-1]}.{name}"] += time.process_time() - start

    setattr(mod, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()

    import zhenggai

    texts = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "tests/fixtures/notices")
             for p in sorted((REPO / folder).glob("*.txt"))]
    for text in texts:  # warm lazy imports, compiled patterns and caches
        zhenggai.extract_text(text)
    best = float("inf")
    for _ in range(args.passes):
        start = time.process_time()
        for text in texts:
            zhenggai.extract_text(text)
        best = min(best, time.process_time() - start)
    totals: collections.Counter = collections.Counter()
    for module, name in PARTS:
        _wrap(totals, module, name)
    for _ in range(args.passes):
        for text in texts:
            zhenggai.extract_text(text)
    calls = args.passes * len(texts)
    print(f"whole extract_text (unwrapped): {best / len(texts) * 1000:.3f} ms/notice over {len(texts)} notices "
          f"(best of {args.passes} passes, CPU time)")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {seconds / calls * 1000:.3f}")


if __name__ == "__main__":
    main()
