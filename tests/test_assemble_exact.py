"""assemble.inexact_mentions: the mentions json_exact refuses, found with a shortcut for plain figures.

The shortcut (a Decimal whose ``str`` is at most 15 ASCII digits is exact) must pick the same
mentions as testing both values with ``json_exact``; checked on written figures and on random
Decimals of every shape (fractions, exponents, signs, NaN, Infinity).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.assemble import MAX_FIGURE_DIGITS, inexact_mentions, json_exact
from zhenggai.mentions.base import Found


def reference(found: list[Found]) -> list[Found]:
    """The plain filter: a mention is inexact when its value or value_max is a Decimal json_exact refuses."""
    out = []
    for f in found:
        for key in ("value", "value_max"):
            value = f.values.get(key)
            if isinstance(value, Decimal) and not json_exact(value):
                out.append(f)
                break
    return out


def _found(values: dict) -> Found:
    return Found("money", 0, 1, "x", values)


WRITTEN = [
    ("whole", {"value": Decimal("1119500")}, False),
    ("fraction", {"value": Decimal("98.71")}, False),
    ("fifteen_digits", {"value": Decimal("999999999999999")}, False),
    ("sixteen_digits", {"value": Decimal("1000000000000000")}, True),
    ("exponent_whole", {"value": Decimal("1E+3")}, False),
    ("exponent_huge", {"value": Decimal("1E+32")}, True),
    ("many_fraction_digits", {"value": Decimal("9999999999999999.5")}, True),
    ("zero", {"value": Decimal("0")}, False),
    ("zero_exponent", {"value": Decimal("0E+40")}, False),
    ("negative", {"value": Decimal("-3.8")}, False),
    ("nan", {"value": Decimal("NaN")}, True),
    ("infinity", {"value": Decimal("Infinity")}, True),
    ("range_max_inexact", {"value": Decimal("5"), "value_max": Decimal("1E+20")}, True),
    ("no_value", {"title": "关于…"}, False),
    ("a_date", {"date_start": dt.date(2023, 1, 1)}, False),
    ("an_int", {"value": 10**20}, False),  # not a Decimal: json_exact does not read it
]


@pytest.mark.parametrize("values,inexact", [(v, i) for _, v, i in WRITTEN], ids=[w[0] for w in WRITTEN])
def test_written_figures(values, inexact):
    found = [_found(values)]
    assert inexact_mentions(found) == reference(found) == (found if inexact else [])


_DECIMALS = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.builds(lambda digits, exp, sign: Decimal((sign, tuple(digits), exp)),
              st.lists(st.integers(0, 9), min_size=1, max_size=20), st.integers(-20, 20), st.integers(0, 1)),
    st.integers(-(10 ** 17), 10 ** 17).map(Decimal),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_DECIMALS, st.one_of(st.none(), _DECIMALS)), max_size=8))
def test_random_decimals(pairs):
    found = [_found({"value": v} if m is None else {"value": v, "value_max": m}) for v, m in pairs]
    assert inexact_mentions(found) == reference(found)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10 ** 18))
def test_digit_strings_up_to_the_limit(n):
    value = Decimal(n)
    assert (inexact_mentions([_found({"value": value})]) == []) == json_exact(value)
    assert (len(str(n)) <= MAX_FIGURE_DIGITS) <= json_exact(value)
