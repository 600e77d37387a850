"""Found, built without a Python __init__ (base.Found.__new__), behaves as the frozen dataclass it is."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from decimal import Decimal

import pytest

from zhenggai.mentions.base import Found


def test_fields_and_default_values():
    f = Found("count", 3, 5, "3个", {"value": Decimal(3)})
    assert (f.kind, f.start, f.end, f.text, f.values) == ("count", 3, 5, "3个", {"value": Decimal(3)})
    assert type(f) is Found
    assert Found("date", 0, 4, "今年").values == {}
    assert Found("date", 0, 4, "今年").values is not Found("date", 0, 4, "今年").values  # a new dict each
    assert Found(kind="money", start=1, end=2, text="5元").kind == "money"
    assert [x.name for x in dataclasses.fields(Found)] == ["kind", "start", "end", "text", "values"]


def test_equality_and_repr_are_the_dataclass_ones():
    assert Found("count", 3, 5, "3个", {"value": 3}) == Found("count", 3, 5, "3个", {"value": 3})
    assert Found("count", 3, 5, "3个") != Found("count", 3, 6, "3个")
    assert repr(Found("count", 3, 5, "3个")) == "Found(kind='count', start=3, end=5, text='3个', values={})"


@pytest.mark.parametrize("field", ["kind", "start", "end", "text", "values"])
def test_frozen(field):
    f = Found("count", 3, 5, "3个")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(f, field, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(f, field)


@pytest.mark.parametrize("clone", [pickle.loads, copy.copy, copy.deepcopy], ids=["pickle", "copy", "deepcopy"])
def test_copies(clone):
    f = Found("money", 0, 6, "12.5万元", {"value": Decimal("125000")})
    g = clone(pickle.dumps(f)) if clone is pickle.loads else clone(f)
    assert g == f and type(g) is Found


def test_overlaps():
    f = Found("count", 3, 5, "3个")
    assert f.overlaps(4, 9) and f.overlaps(0, 4) and not f.overlaps(5, 9) and not f.overlaps(0, 3)
