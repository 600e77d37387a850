"""Load the conformance rows (one TSV per class) and judge one row against the extractor.

Shared by the pytest runner (test_conformance.py), update_known_failures.py and score.py.
The expectations in the TSV files were written from docs/conventions (the project's annotation
conventions) and the grammar of official Chinese, never from the extractor's output.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
KNOWN_FAILURES = HERE / "known_failures.txt"
COLUMNS = ["id", "text", "target", "ref", "kind", "expected", "note"]
KINDS = {"date", "money", "percent", "points", "count", "multiple", "unparsed_date"}
VALUE_KINDS = {"money", "percent", "points", "multiple"}

# Traditional measure words compared as their simplified twins (a count's unit is kept as written).
_UNIT_TWINS = str.maketrans({
    "個": "个", "戶": "户", "處": "处", "項": "项", "條": "条", "張": "张", "場": "场",
    "輛": "辆", "間": "间", "筆": "笔", "塊": "块", "隻": "只", "噸": "吨", "畝": "亩",
})

_NUMBER = r"-?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"({_NUMBER})(?:\.\.({_NUMBER}))?")      # 12.5 or 10000..50000
_DATES = re.compile(r"(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)")  # 2023-01-01..2023-12-31
_COUNT = re.compile(rf"({_NUMBER}) (\S+)")                      # 20000 人次


@dataclass(frozen=True)
class Case:
    cls: str        # the class = the TSV file's stem
    id: str
    text: str
    target: str
    ref: str
    kind: str
    expected: str
    note: str
    line: int       # line number in the TSV file, for error messages

    @property
    def negative(self) -> bool:
        """A row that passes when NO mention of its kind overlaps the target."""
        return self.expected == "none"

    @property
    def span(self) -> tuple[int, int]:
        """The target's [start, end) in text (its first occurrence)."""
        start = self.text.index(self.target)
        return start, start + len(self.target)

    @property
    def published_at(self) -> dt.datetime | None:
        return dt.datetime.fromisoformat(self.ref) if self.ref else None


def data_files() -> list[Path]:
    return sorted(HERE.glob("*.tsv"))


def _check_expected(kind: str, expected: str) -> bool:
    if expected == "none":
        return True
    if kind == "date":
        return _DATES.fullmatch(expected) is not None
    if kind == "unparsed_date":
        return expected == "-"
    if kind == "count":
        return _COUNT.fullmatch(expected) is not None
    return _RANGE.fullmatch(expected) is not None


def load_file(path: Path) -> list[Case]:
    """Rows of one class file; raise ValueError naming file:line for a malformed row."""
    cases: list[Case] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields != COLUMNS:
                raise ValueError(f"{path.name}:{number}: header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(fields) == len(COLUMNS) - 1:
            fields.append("")           # the note column is optional
        if len(fields) != len(COLUMNS):
            raise ValueError(f"{path.name}:{number}: {len(fields)} fields, expected {len(COLUMNS)}")
        case = Case(path.stem, *fields, line=number)
        if case.target not in case.text:
            raise ValueError(f"{path.name}:{number}: target {case.target!r} is not in the text")
        if case.kind not in KINDS:
            raise ValueError(f"{path.name}:{number}: unknown kind {case.kind!r}")
        if case.ref and not re.fullmatch(r"\d{4}-\d\d-\d\d", case.ref):
            raise ValueError(f"{path.name}:{number}: ref {case.ref!r} is not an ISO date")
        if not _check_expected(case.kind, case.expected):
            raise ValueError(
                f"{path.name}:{number}: expected {case.expected!r} does not fit kind {case.kind}")
        cases.append(case)
    return cases


def load_cases() -> list[Case]:
    """Every row of every class file, ids checked unique across files."""
    cases = [case for path in data_files() for case in load_file(path)]
    seen: dict[str, str] = {}
    for case in cases:
        if case.id in seen:
            raise ValueError(f"duplicate id {case.id} in {seen[case.id]} and {case.cls}")
        seen[case.id] = case.cls
    return cases


def load_known_failures(path: Path = KNOWN_FAILURES) -> set[str]:
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@lru_cache(maxsize=None)
def _extract(text: str, ref: str):
    import zhenggai

    published = dt.datetime.fromisoformat(ref) if ref else None
    return zhenggai.extract_text(text, published_at=published)


def overlapping(case: Case) -> list:
    """Mentions of the row's kind whose [start, end) overlaps the target in text."""
    notice = _extract(case.text, case.ref)
    start, end = case.span
    return [m for m in notice.mentions
            if m.kind == case.kind and m.start < end and start < m.end]


def _close(kind: str, got, want: Decimal) -> bool:
    if got is None:
        return False
    got = Decimal(str(got))
    if kind != "percent":
        return got == want
    # Percents within 0.01 points, tighter for tiny shares (千万分之六 = 0.000006).
    return abs(got - want) <= min(Decimal("0.01"), abs(want) / 100)


def _matches(case: Case, mention) -> bool:
    if case.kind == "unparsed_date":
        return True
    if case.kind == "date":
        start, end = _DATES.fullmatch(case.expected).groups()
        return (mention.date_start.isoformat(), mention.date_end.isoformat()) == (start, end)
    if case.kind == "count":
        value, unit = _COUNT.fullmatch(case.expected).groups()
        return (_close("count", mention.value, Decimal(value))
                and mention.unit.translate(_UNIT_TWINS) == unit.translate(_UNIT_TWINS))
    low, high = _RANGE.fullmatch(case.expected).groups()
    value_max = getattr(mention, "value_max", None)
    if not _close(case.kind, mention.value, Decimal(low)):
        return False
    if high is None:
        return value_max is None or _close(case.kind, value_max, Decimal(low))
    return _close(case.kind, value_max, Decimal(high))


def describe(mention) -> str:
    fields = ("date_start", "date_end", "value", "value_max", "unit")
    shown = {f: getattr(mention, f) for f in fields if getattr(mention, f, None) is not None}
    return f"{mention.kind} {mention.text!r} [{mention.start},{mention.end}) {shown}"


def judge(case: Case) -> tuple[bool, str]:
    """(passed, why) for one row."""
    found = overlapping(case)
    if case.negative:
        if not found:
            return True, "no overlapping mention, as expected"
        return False, "expected no {} mention, found: {}".format(case.kind, "; ".join(map(describe, found)))
    if any(_matches(case, m) for m in found):
        return True, "found"
    if not found:
        return False, f"no {case.kind} mention overlaps {case.target!r}"
    return False, "expected {}, found: {}".format(case.expected, "; ".join(map(describe, found)))
