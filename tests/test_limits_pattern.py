"""zhenggai.limits.Pattern: the deadline wrapper reads the wrapped pattern's attributes without __getattr__."""

from __future__ import annotations

import copy
import pickle
import time

import pytest
import regex

from zhenggai import limits

WORDS = limits.compile(r"(?P<n>\d+)个  # a count", regex.VERBOSE)


def test_the_wrapper_has_no_getattr_hook():
    # A __getattr__ on the class sends every attribute lookup (self._re in each search) down
    # CPython's slow path; the wrapped pattern's other attributes are properties instead.
    assert "__getattr__" not in vars(limits.Pattern)


@pytest.mark.parametrize("name", sorted(n for n in dir(regex.Pattern) if not n.startswith("__")))
def test_every_public_attribute_of_the_wrapped_pattern_is_there(name):
    assert hasattr(WORDS, name)
    if not callable(getattr(WORDS._re, name)) or name in ("pattern", "flags", "groups", "groupindex"):
        assert getattr(WORDS, name) == getattr(WORDS._re, name)


@pytest.mark.parametrize(
    "call,expected",
    [
        (lambda p: p.search("共12个问题").group("n"), "12"),
        (lambda p: p.match("12个", 0).span(), (0, 3)),
        (lambda p: p.fullmatch("3个").group(), "3个"),
        (lambda p: [m.group() for m in p.finditer("1个2个")], ["1个", "2个"]),
        (lambda p: p.findall("1个2个"), ["1", "2"]),
        (lambda p: p.sub("#", "1个和2个"), "#和#"),
        (lambda p: p.subf("{n}", "7个"), "7"),                      # forwarded: regex's own method
        (lambda p: p.scanner("8个").search().group(), "8个"),       # forwarded
        (lambda p: p.named_lists, {}),                              # forwarded
    ],
    ids=["search", "match", "fullmatch", "finditer", "findall", "sub", "subf", "scanner", "named_lists"],
)
def test_calls_read_as_the_wrapped_pattern(call, expected):
    with limits.deadline(5.0):
        assert call(WORDS) == expected
    assert call(WORDS) == expected  # no deadline in force


def test_a_missing_attribute_is_still_an_attribute_error():
    with pytest.raises(AttributeError):
        WORDS.no_such_attribute  # noqa: B018


@pytest.mark.parametrize("method", ["search", "match", "fullmatch", "finditer"])
def test_a_passed_deadline_stops_every_call(method):
    with limits.deadline(0.001):
        time.sleep(0.01)
        with pytest.raises(TimeoutError):
            result = getattr(WORDS, method)("12个")
            list(result) if method == "finditer" else result


def test_copies_and_pickles_are_wrapped_patterns():
    for other in (copy.copy(WORDS), copy.deepcopy(WORDS), pickle.loads(pickle.dumps(WORDS))):
        assert isinstance(other, limits.Pattern)
        assert other.search("共5个").group("n") == "5"
