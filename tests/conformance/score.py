"""Print the conformance score per class and overall.

    python tests/conformance/score.py [--fails]

Columns: passed/total rows; for dates and money, recall = positive rows found with the right value /
positive rows, and negatives = negative rows passed / negative rows (a precision-like figure:
no mention where none may be). --fails also lists every failing row and why.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.conformance.cases import judge, load_cases  # noqa: E402

DATE_KINDS = {"date", "unparsed_date"}


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total} ({hit / total:.0%})" if total else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fails", action="store_true", help="list the failing rows and why")
    args = parser.parse_args(argv)

    results = [(case, *judge(case)) for case in load_cases()]
    by_class: dict[str, list] = defaultdict(list)
    for row in results:
        by_class[row[0].cls].append(row)

    def figures(rows, kinds=None):
        rows = [r for r in rows if kinds is None or r[0].kind in kinds]
        pos = [r for r in rows if not r[0].negative]
        neg = [r for r in rows if r[0].negative]
        return (_ratio(sum(r[1] for r in rows), len(rows)),
                _ratio(sum(r[1] for r in pos), len(pos)),
                _ratio(sum(r[1] for r in neg), len(neg)))

    head = (f"{'class':34} {'passed':>14} {'date recall':>14} {'date neg.':>12}"
            f" {'money recall':>14} {'money neg.':>12}")
    print(head)
    print("-" * len(head))
    for name in sorted(by_class) + ["OVERALL"]:
        rows = results if name == "OVERALL" else by_class[name]
        passed = figures(rows)[0]
        _, d_rec, d_neg = figures(rows, DATE_KINDS)
        _, m_rec, m_neg = figures(rows, {"money"})
        print(f"{name:34} {passed:>14} {d_rec:>14} {d_neg:>12} {m_rec:>14} {m_neg:>12}")
    if args.fails:
        print()
        for case, passed, why in results:
            if not passed:
                print(f"{case.id}\t{case.target}\t{case.expected}\t{why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
