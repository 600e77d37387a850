"""Round 9 of the speed work on the mentions (docs/speed.md): each change checked against what it replaced.

* find_mentions reads its finders from their modules (imported once) instead of seven
  ``from … import`` statements a call: the same mentions as the old body on the bench notices,
  and a wrapper set on a finder's module (as bench/functions.py sets them) is still called.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import zhenggai.mentions as mentions
from zhenggai.limits import deadline
from zhenggai.mentions import find_mentions, merge

REPO = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "tests/fixtures/notices")
         for p in sorted((REPO / folder).glob("*.txt"))]


def _find_mentions_before(text, published=None):
    """find_mentions as main had it before round 9 (the finders imported at each call)."""
    from zhenggai.mentions.counts import find_counts
    from zhenggai.mentions.date_patterns import digit_screen
    from zhenggai.mentions.dates import find_dates
    from zhenggai.mentions.documents import find_documents
    from zhenggai.mentions.money import find_money
    from zhenggai.mentions.multiple import find_multiples
    from zhenggai.mentions.percent import find_shares

    screened = digit_screen(text)
    astral = False if screened else None
    by_kind = {"document": [], "docnumber": []}
    for f in find_documents(text):
        by_kind[f.kind].append(f)
    dates = find_dates(text, published=published, screened=screened)
    by_kind["date"] = [f for f in dates if f.kind == "date"]
    by_kind["unparsed_date"] = [f for f in dates if f.kind == "unparsed_date"]
    by_kind["money"] = find_money(text, astral=astral)
    by_kind["percent"], by_kind["points"] = find_shares(text, astral=astral)
    by_kind["multiple"] = find_multiples(text)
    by_kind["count"] = find_counts(text, astral=astral)
    return merge(by_kind)


def test_bench_notices_have_texts():
    assert len(TEXTS) >= 80


@pytest.mark.parametrize("with_deadline", [False, True], ids=["no-deadline", "deadline"])
def test_find_mentions_as_before_on_bench_notices(with_deadline):
    import datetime as dt

    for i, text in enumerate(TEXTS):
        published = dt.date(2023, 6, 30) if i % 2 else None
        if with_deadline:
            with deadline(60.0):
                got = find_mentions(text, published)
        else:
            got = find_mentions(text, published)
        assert got == _find_mentions_before(text, published)


@pytest.mark.parametrize(
    "module, name",
    [("dates", "find_dates"), ("counts", "find_counts"), ("money", "find_money"), ("percent", "find_shares"),
     ("documents", "find_documents"), ("multiple", "find_multiples"), ("date_patterns", "digit_screen")],
    ids=lambda v: v,
)
def test_find_mentions_calls_a_wrapped_finder(monkeypatch, module, name):
    import importlib

    find_mentions("2023年追回资金12.5万元")  # the finders' modules loaded first (as by a warm-up)
    mod = importlib.import_module(f"zhenggai.mentions.{module}")
    real = getattr(mod, name)
    calls = []

    def wrapped(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(mod, name, wrapped)
    text = "2023年追回资金12.5万元,整改率99%,问题12个"
    assert [f.kind for f in mentions.find_mentions(text)] == ["date", "money", "percent", "count"]
    assert calls == [text]
