"""Mention extractors, one module per kind; :func:`find_mentions` runs them all.

Each extractor is a plain function over a ``str``.  This module only decides
which kind wins where two claim the same characters, so that "2022年" is a
date, "12.5万元" money and "44个" a count, never two of them at once.

>>> [f.kind for f in find_mentions("2023年追回资金12.5万元,整改率99%")]
['date', 'money', 'percent']
"""

from __future__ import annotations

import bisect
import datetime as dt
from operator import attrgetter

from zhenggai.mentions.base import Found

# Precedence when spans overlap: earlier kinds keep their characters.  Document
# numbers come first so their years never become dates; money, percents and
# percentage points before counts so "3万元" is never a count of 万.
PRECEDENCE = ("docnumber", "date", "unparsed_date", "money", "percent", "points", "multiple", "count")


def find_mentions(text: str, published: dt.date | None = None) -> list[Found]:
    """All mentions in ``text``, sorted by start; numeric kinds never overlap.

    ``published`` (the notice's publication date, when known) lets dates without
    a year, and 今年/去年, resolve to the right year.
    """
    finders = _FINDERS if _FINDERS is not None else _finders()
    # Told once for the finders: every \d an ASCII digit and nothing beyond U+FFFF (then
    # limits.astral(text) is False, and dates read digit runs from an ASCII view).
    screened = finders.date_patterns.digit_screen(text)
    astral = False if screened else None  # (None: each finder asks limits.astral itself)
    by_kind: dict[str, list[Found]] = {"document": [], "docnumber": []}
    for f in finders.documents.find_documents(text):
        by_kind[f.kind].append(f)
    dates = finders.dates.find_dates(text, published=published, screened=screened)
    by_kind["date"] = [f for f in dates if f.kind == "date"]
    by_kind["unparsed_date"] = [f for f in dates if f.kind == "unparsed_date"]
    by_kind["money"] = finders.money.find_money(text, astral=astral)
    by_kind["percent"], by_kind["points"] = finders.percent.find_shares(text, astral=astral)
    by_kind["multiple"] = finders.multiple.find_multiples(text)
    by_kind["count"] = finders.counts.find_counts(text, astral=astral)
    return merge(by_kind)


class _Finders:
    """The finders' modules, imported on the first call (nothing heavy at import time).

    Each finder is read from its module at every call (``finders.dates.find_dates``), so a
    wrapper set on the module (bench/functions.py) is seen; the seven ``from … import``
    statements this replaces cost some 4.5 µs a call in the import machinery.
    """

    __slots__ = ("counts", "date_patterns", "dates", "documents", "money", "multiple", "percent")

    def __init__(self) -> None:
        from zhenggai.mentions import counts, date_patterns, dates, documents, money, multiple, percent

        self.counts, self.date_patterns, self.dates, self.documents = counts, date_patterns, dates, documents
        self.money, self.multiple, self.percent = money, multiple, percent


_FINDERS: _Finders | None = None


def _finders() -> _Finders:
    global _FINDERS
    _FINDERS = _Finders()
    return _FINDERS


def merge(by_kind: dict[str, list[Found]]) -> list[Found]:
    """The titles (``"document"``) and the numeric spans that win by PRECEDENCE, sorted by start
    (the longer first, then by kind); ``by_kind`` maps "document" and each PRECEDENCE kind to spans.

    >>> spans = {k: [] for k in PRECEDENCE}
    >>> spans["document"] = [Found("document", 0, 9, "《…》")]
    >>> spans["date"], spans["count"] = [Found("date", 3, 8, "2023年")], [Found("count", 5, 7, "3个")]
    >>> [(f.kind, f.start) for f in merge(spans)]
    [('document', 0), ('date', 3)]
    """
    numeric = _disjoint(by_kind)
    if numeric is None:  # spans overlap (or one is empty): precedence decides which stay
        numeric = _by_precedence(by_kind)
        if numeric is None:
            return _merge_by_sort(by_kind)
    documents = by_kind["document"]  # titles may contain dates and numbers: they overlap by design
    # Non-empty, non-overlapping spans in start order are in _order already (no two share a
    # start); each title goes in after every span that sorts before it or equal (no numeric
    # span is of kind "document", so titles alone can tie, and keep their order, as in a
    # stable sort of the titles followed by the numeric spans).
    for f in documents:
        numeric.insert(bisect.bisect_right(numeric, _order(f), key=_order), f)
    return numeric


_START = attrgetter("start")


def _disjoint(by_kind: dict[str, list[Found]]) -> list[Found] | None:
    """Every numeric span sorted by start when none is empty and no two overlap, else None.

    Then precedence drops nothing (the usual case: the finders seldom claim the same
    characters): one C sort and one sweep, instead of a bisection and three list inserts
    per span.  Sorted by start, such spans are also in ``_order`` (no two share a start).
    """
    spans = [f for kind in PRECEDENCE for f in by_kind[kind]]
    spans.sort(key=_START)
    end = 0
    for f in spans:
        start = f.start
        if start < end:
            return None  # it overlaps the span before it (the spans before are disjoint)
        end = f.end
        if start >= end:
            return None  # an empty span
    return spans


def _by_precedence(by_kind: dict[str, list[Found]]) -> list[Found] | None:
    """The numeric spans that win by PRECEDENCE, sorted by start; None when one is empty."""
    # Kept numeric spans never overlap each other, so sorted by start they are
    # also sorted by end: one bisection finds the only neighbours that can clash
    # (linear in the notice, not quadratic).
    starts: list[int] = []
    ends: list[int] = []
    numeric: list[Found] = []  # the kept numeric spans, in the same order as starts
    bisect_left = bisect.bisect_left
    for kind in PRECEDENCE:
        for f in by_kind[kind]:
            start, end = f.start, f.end
            i = bisect_left(starts, end)  # spans starting before f ends
            if i and ends[i - 1] > start:
                continue  # the nearest such span reaches into f
            if start >= end:
                return None  # an empty span (never seen) may share its start: the order needs the sort
            starts.insert(i, start)
            ends.insert(i, end)
            numeric.insert(i, f)
    return numeric


def _order(f: Found) -> tuple[int, int, str]:
    """The order of find_mentions' result: by start, the longer span first, then by kind."""
    return f.start, -f.end, f.kind


def _merge_by_sort(by_kind: dict[str, list[Found]]) -> list[Found]:
    """merge() the plain way: the kept spans in the order they are taken, then one stable sort."""
    kept: list[Found] = list(by_kind["document"])
    starts: list[int] = []
    ends: list[int] = []
    for kind in PRECEDENCE:
        for f in by_kind[kind]:
            i = bisect.bisect_left(starts, f.end)
            if i and ends[i - 1] > f.start:
                continue
            kept.append(f)
            starts.insert(i, f.start)
            ends.insert(i, f.end)
    kept.sort(key=_order)
    return kept
