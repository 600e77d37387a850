"""CPU time of ``zhenggai.extract_text`` over a fixed set of notices: compare two versions fairly.

    python bench/extract_time.py [FOLDER ...] [--passes 5]

Times whole passes over the ``*.txt`` files of the folders (default: corpus/gold and
tests/fixtures/notices) with ``time.process_time`` and prints the best pass, so other jobs on a
shared machine count as little as possible.  To compare two versions, install each in its own
environment and run the script from both on the SAME folders, alternately, a few times; the
README's speed comparison before and after a change was made this way.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[REPO / "corpus" / "gold", REPO / "tests" / "fixtures" / "notices"])
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()

    import zhenggai

    texts = [p.read_text(encoding="utf-8") for folder in args.folders for p in sorted(folder.glob("*.txt"))]
    for text in texts[:3]:  # warm the lazy imports and compiled patterns
        zhenggai.extract_text(text)
    best = float("inf")
    for _ in range(max(1, args.passes)):
        start = time.process_time()
        for text in texts:
            zhenggai.extract_text(text)
        best = min(best, time.process_time() - start)
    chars = sum(map(len, texts))
    print(f"zhenggai {zhenggai.__version__} at {Path(zhenggai.__file__).parent}: {len(texts)} notices, "
          f"{1000 * best / len(texts):.3f} ms/notice, {len(texts) / best:.1f} notices/s, "
          f"{chars / best:,.0f} chars/s (best of {args.passes} passes, CPU time)")


if __name__ == "__main__":
    main()
