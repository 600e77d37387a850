"""limits.deadline and limits.bounded as classes (round 9: no generator frames per notice), used as before:
a ``with`` block or a decorator, the earlier of two nested deadlines kept, the deadline reset on every exit,
a TimeoutError turned into a one-line ExtractionTimeout by ``bounded`` and nothing else touched."""

from __future__ import annotations

import time

import pytest

from zhenggai import limits
from zhenggai.errors import ExtractionTimeout


def _end():
    return limits._DEADLINE.get()


@pytest.mark.parametrize("seconds", [None, 0, -1.0], ids=["none", "zero", "negative"])
def test_no_deadline_of_its_own(seconds):
    with limits.deadline(seconds):
        assert _end() is None and limits.remaining() is None
    with limits.deadline(5.0), limits.deadline(seconds):
        assert 4 < limits.remaining() <= 5
    assert _end() is None


def test_nested_keeps_the_earlier():
    with limits.deadline(5.0):
        outer = _end()
        with limits.deadline(100.0):
            assert _end() == outer
        with limits.deadline(1.0):
            assert _end() < outer
        assert _end() == outer
    assert _end() is None


def test_reset_when_the_block_raises():
    with pytest.raises(KeyError), limits.deadline(5.0):
        raise KeyError("x")
    assert _end() is None


def test_as_a_decorator_and_reused():
    @limits.deadline(5.0)
    def left():
        return limits.remaining()

    assert 4 < left() <= 5 and 4 < left() <= 5
    assert _end() is None
    same = limits.deadline(5.0)
    with same:
        with same:
            assert _end() is not None
        assert _end() is not None
    assert _end() is None


def test_passed_deadline_raises():
    with limits.deadline(0.001):
        time.sleep(0.01)
        with pytest.raises(TimeoutError):
            limits.check()


def test_bounded_names_the_input():
    with pytest.raises(ExtractionTimeout, match=r"^a\.txt: reading took longer than 0\.001s \(pathological input\?\)$") as caught:
        with limits.bounded("a.txt", 0.001, "reading"):
            time.sleep(0.01)
            limits.check()
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert _end() is None


def test_bounded_leaves_other_errors_and_results():
    with pytest.raises(ValueError, match="other"), limits.bounded("a.txt", 5.0):
        raise ValueError("other")
    assert _end() is None

    @limits.bounded("a.txt", 5.0)
    def work():
        return limits.remaining()

    assert 4 < work() <= 5
    with limits.bounded("a.txt", None):
        assert _end() is None


def test_bounded_under_an_earlier_outer_deadline():
    with limits.deadline(0.001):
        with pytest.raises(ExtractionTimeout, match="took longer than 10s"), limits.bounded("b", 10.0):
            time.sleep(0.01)
            limits.check()
