"""limits.current() reads the five ZHENGGAI_* variables from os.environ's own store (limits._env_key) instead
of os.environ.get, which raises and catches a KeyError for each unset one (once per notice: 4.1 -> 0.44 us a
call): the key must follow the variables exactly as os.environ.get reads them, a changed variable be read
again, and a mapping put in os.environ's place be read with its own get."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.limits import _ENV_NAMES, _env_key


def _as_get_reads() -> tuple:
    decode = getattr(os.environ, "decodevalue", None)
    return tuple(None if v is None or decode is None else decode(v) for v in _env_key())


def _plain_reads() -> tuple:
    return tuple(os.environ.get(name) for name in _ENV_NAMES)


VALUES = st.one_of(st.none(), st.sampled_from(["3", "2.5", "20M", " 7 ", "", "nan", "1e400", "五", "x\u3000"]))


@settings(max_examples=200, deadline=None)
@given(st.tuples(*[VALUES] * len(_ENV_NAMES)))
def test_key_is_what_environ_get_reads(values):
    saved = {name: os.environ.get(name) for name in _ENV_NAMES}
    try:
        for name, value in zip(_ENV_NAMES, values):
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        assert _as_get_reads() == _plain_reads() == values
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def test_changed_variable_is_read_again(monkeypatch):
    monkeypatch.setenv("ZHENGGAI_TIMEOUT", "3")
    assert limits.current().seconds == 3.0
    monkeypatch.setenv("ZHENGGAI_TIMEOUT", "4")
    assert limits.current().seconds == 4.0
    monkeypatch.delenv("ZHENGGAI_TIMEOUT")
    assert limits.current().seconds == limits.Limits().seconds
    monkeypatch.setenv("ZHENGGAI_MAX_CHARS", "nan")
    with pytest.raises(limits.LimitError, match="ZHENGGAI_MAX_CHARS"):
        limits.current()


def test_another_mapping_in_place_of_environ(monkeypatch):
    monkeypatch.setattr(os, "environ", {"ZHENGGAI_TIMEOUT": "6"})
    assert _env_key() == (None, None, "6", None, None)
    assert limits.current().seconds == 6.0
