"""find_mentions' precedence merge (zhenggai.mentions.merge) equals the plain algorithm it replaces.

The merge keeps the kept numeric spans in start order as it goes and inserts the titles by
bisection instead of sorting everything at the end; these tests compare it with the sort
on random spans, ties, nested titles and empty spans included.
"""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions import PRECEDENCE, merge
from zhenggai.mentions.base import Found

KINDS = ("document",) + PRECEDENCE


def _reference(by_kind):
    # find_mentions' merge as first written: bisect.insort into lists, then one sort.
    kept = list(by_kind["document"])
    starts, ends = [], []
    for kind in PRECEDENCE:
        for f in by_kind[kind]:
            i = bisect.bisect_left(starts, f.end)
            if i and ends[i - 1] > f.start:
                continue
            kept.append(f)
            starts.insert(i, f.start)
            ends.insert(i, f.end)
    kept.sort(key=lambda f: (f.start, -f.end, f.kind))
    return kept


def _span(kind, with_empty):
    low = 0 if with_empty else 1
    return st.tuples(st.integers(0, 40), st.integers(low, 6)).map(
        lambda t: Found(kind, t[0], t[0] + t[1], "x" * t[1])
    )


def _by_kind(with_empty):
    return st.fixed_dictionaries(
        {kind: st.lists(_span(kind, with_empty), max_size=8).map(lambda l: sorted(l, key=lambda f: f.start))
         for kind in KINDS}
    )


@settings(max_examples=300, deadline=None)
@given(_by_kind(with_empty=False))
def test_merge_equals_the_sort(by_kind):
    got, want = merge(by_kind), _reference(by_kind)
    assert [id(f) for f in got] == [id(f) for f in want]


@settings(max_examples=200, deadline=None)
@given(_by_kind(with_empty=True))
def test_merge_equals_the_sort_with_empty_spans(by_kind):
    got, want = merge(by_kind), _reference(by_kind)
    assert [id(f) for f in got] == [id(f) for f in want]


def test_titles_with_equal_spans_keep_their_order():
    a, b = Found("document", 2, 8, "《a》"), Found("document", 2, 8, "《b》")
    spans = {kind: [] for kind in KINDS}
    spans["document"], spans["count"] = [a, b], [Found("count", 2, 4, "3个"), Found("count", 8, 10, "4个")]
    assert [f.text for f in merge(spans)] == ["《a》", "《b》", "3个", "4个"]
