"""CPU time of ``zhenggai.extract_text`` over a fixed set of notices: compare two versions fairly.

    python bench/extract_time.py [FOLDER_OR_FILE ...] [--passes 5] [--json]

Times whole passes over the ``*.txt`` files of the folders (and any file named; default: corpus/gold and
tests/fixtures/notices) with ``time.process_time`` and prints the best pass, so other jobs on a
shared machine count as little as possible.  To compare two versions, install each in its own
environment and run the script from both on the SAME folders, alternately, a few times; the
README's speed comparison before and after a change was made this way (``bench/run.py --baseline
OLD_PYTHON`` does it and writes the table).  ``--json`` prints one JSON object instead of the sentence.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[REPO / "corpus" / "gold", REPO / "tests" / "fixtures" / "notices"])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    import zhenggai

    paths = [p for given in args.folders for p in ([given] if given.is_file() else sorted(given.glob("*.txt")))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for text in texts[:3]:  # warm the lazy imports and compiled patterns
        zhenggai.extract_text(text)
    best = float("inf")
    for _ in range(max(1, args.passes)):
        start = time.process_time()
        for text in texts:
            zhenggai.extract_text(text)
        best = min(best, time.process_time() - start)
    chars = sum(map(len, texts))
    if args.json:
        print(json.dumps({"version": zhenggai.__version__, "at": str(Path(zhenggai.__file__).parent),
                          "notices": len(texts), "chars": chars, "seconds_per_pass": best, "passes": args.passes}))
        return
    print(f"zhenggai {zhenggai.__version__} at {Path(zhenggai.__file__).parent}: {len(texts)} notices, "
          f"{1000 * best / len(texts):.3f} ms/notice, {len(texts) / best:.1f} notices/s, "
          f"{chars / best:,.0f} chars/s (best of {args.passes} passes, CPU time)")


if __name__ == "__main__":
    main()
