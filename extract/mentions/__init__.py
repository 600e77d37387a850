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
    from zhenggai.mentions.counts import find_counts
    from zhenggai.mentions.dates import find_dates
    from zhenggai.mentions.documents import find_documents
    from zhenggai.mentions.money import find_money
    from zhenggai.mentions.multiple import find_multiples
    from zhenggai.mentions.percent import find_shares

    documents = find_documents(text)
    by_kind: dict[str, list[Found]] = {"document": [], "docnumber": []}
    for f in documents:
        by_kind[f.kind].append(f)
    dates = find_dates(text, published=published)
    by_kind["date"] = [f for f in dates if f.kind == "date"]
    by_kind["unparsed_date"] = [f for f in dates if f.kind == "unparsed_date"]
    by_kind["money"] = find_money(text)
    by_kind["percent"], by_kind["points"] = find_shares(text)
    by_kind["multiple"] = find_multiples(text)
    by_kind["count"] = find_counts(text)

    kept: list[Found] = list(by_kind["document"])  # titles may contain dates and numbers: they overlap by design
    # Kept numeric spans never overlap each other, so sorted by start they are
    # also sorted by end: one bisection finds the only neighbours that can clash
    # (linear in the notice, not quadratic).
    starts: list[int] = []
    ends: list[int] = []
    for kind in PRECEDENCE:
        for f in by_kind[kind]:
            i = bisect.bisect_left(starts, f.end)  # spans starting before f ends
            if i and ends[i - 1] > f.start:
                continue  # the nearest such span reaches into f
            kept.append(f)
            starts.insert(i, f.start)
            ends.insert(i, f.end)
    kept.sort(key=lambda f: (f.start, -f.end, f.kind))
    return kept
