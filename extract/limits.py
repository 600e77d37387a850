"""Limits that keep one hostile input from hanging, or exhausting, a run.

Three limits, all configurable (:class:`Limits`, environment, command line):

* input size: at most ``max_bytes`` (20 MB) of file bytes and ``max_chars``
  (5,000,000) characters of text; larger inputs raise a one-line
  :class:`~zhenggai.errors.InputError` that says how to raise the limit;
* time: each notice gets ``seconds`` (10 s) for its extraction.  The deadline
  lives in a context variable (so threads and nested calls each see their own),
  and every regex that scans notice text is compiled with :func:`compile`,
  whose calls pass the time left to the regex module's ``timeout``; running
  out raises :class:`TimeoutError`, which :func:`zhenggai.assemble.build_notice`
  turns into :class:`~zhenggai.errors.ExtractionTimeout`;
* reading: ``read_seconds`` (60 s) for one reader (PDF pages are checked one
  by one), ``pdf_pages`` (500) pages at most.

>>> WORD = compile(r"整改  # the word itself", regex.VERBOSE)
>>> with deadline(5.0):
...     WORD.search("推进整改").span()
(2, 4)
>>> Limits(max_bytes=parse_size("50M")).max_bytes
52428800

Why a threshold (``TIMER_MIN_CHARS``): the regex module's timer reads the
process clock, about 1 µs per call, more than a scan of a short line costs
(extraction makes some 2,000 regex calls per notice, most of them on a clause
or a line: ``pattern.search(text, pos, endpos)``).  Calls whose window
(``endpos - pos``) is shorter than that are bounded by their size (the
project's patterns have no nested unbounded quantifiers, so a short window
cannot blow up), and every call, short or long, first checks that the deadline
has not passed, so a loop of short calls still stops in time.  A pattern with no
repetition at all (a delimiter class, a word list: :func:`can_repeat`) is left
unwrapped: its work is linear in the text whatever the input, and more than
half of a notice's regex calls are such scans.  Cost of the wrapper on a real
6,400-character notice: 5-8 % of extraction time (CPU time, same code with
and without it).
"""

from __future__ import annotations

import math
import os
import re as _std_re
import time
from collections.abc import Callable, Iterator
from contextlib import ContextDecorator, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any

import regex

MB = 1024 * 1024
MAX_LIMIT = 2**53  # the largest limit taken (bytes, characters, seconds, pages): exact as a float
# Strings at least this long get the regex module's own timer (see module docstring).
TIMER_MIN_CHARS = 2000

_DEADLINE: ContextVar[float | None] = ContextVar("zhenggai_deadline", default=None)
_LIMITS: ContextVar[Limits | None] = ContextVar("zhenggai_limits", default=None)
_now = time.monotonic


# -- configuration ------------------------------------------------------------------------------

def parse_size(value: str | int) -> int:
    """Bytes from ``20971520``, ``"20M"``, ``"20MB"``, ``"512k"`` or ``"1G"``: finite and positive.

    >>> parse_size("20MB"), parse_size("512k"), parse_size(1000)
    (20971520, 524288, 1000)
    >>> parse_size("1e400")
    Traceback (most recent call last):
    ...
    ValueError: not a size: '1e400' (a positive, finite number of bytes, or a number with K, M or G)
    """
    problem = f"not a size: {value!r} (a positive, finite number of bytes, or a number with K, M or G)"
    if isinstance(value, bool):
        raise ValueError(problem)
    if isinstance(value, int):
        if value <= 0:
            raise ValueError(problem)
        return value
    text = str(value).strip().upper().removesuffix("B").removesuffix("I")
    scale = {"K": 1024, "M": MB, "G": 1024 * MB}.get(text[-1:], 1)
    number = text[:-1] if scale > 1 else text
    try:
        amount = float(number.replace("_", "").replace(",", "")) * scale
    except ValueError:
        raise ValueError(problem) from None
    # 1e400 is inf and nan compares false: both refused here, before int() overflows.
    if not math.isfinite(amount) or amount < 1 or amount > MAX_LIMIT:
        raise ValueError(problem)
    return int(amount)


def parse_seconds(value: str | float) -> float:
    """Seconds from ``"10"`` or ``2.5``: finite and positive (``nan``, ``inf``, ``-1`` and ``0`` are refused).

    >>> parse_seconds("2.5")
    2.5
    """
    problem = f"not a time limit: {value!r} (a positive, finite number of seconds)"
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ValueError(problem) from None
    if not math.isfinite(seconds) or seconds <= 0 or seconds > MAX_LIMIT:
        raise ValueError(problem)
    return seconds


def parse_count(value: str | int) -> int:
    """A positive whole number (pages): ``"500"`` → 500.

    >>> parse_count("500")
    500
    """
    problem = f"not a count: {value!r} (a positive whole number)"
    try:
        count = int(str(value).strip().replace("_", ""))
    except ValueError:
        raise ValueError(problem) from None
    if count <= 0 or count > MAX_LIMIT:
        raise ValueError(problem)
    return count


class LimitError(ValueError):
    """A limit set in the environment that is no finite, positive number; names the variable."""


def _env(name: str, parse: Callable[[str], Any], default: Any) -> Any:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return parse(raw)
    except ValueError as exc:
        # Refused, not ignored: ZHENGGAI_MAX_BYTES=1e400 used to fail every input one by one.
        raise LimitError(f"{name}: {exc}; fix or unset the variable") from None


@dataclass(frozen=True)
class Limits:
    """The limits of one run; ``Limits.from_env()`` reads ``ZHENGGAI_*`` variables.

    >>> Limits().max_chars, Limits().seconds
    (5000000, 10.0)
    """

    max_bytes: int = 20 * MB  # one input file
    max_chars: int = 5_000_000  # one notice's text
    seconds: float = 10.0  # extraction of one notice
    read_seconds: float = 60.0  # reading (decoding, HTML, PDF pages) of one input
    pdf_pages: int = 500

    def __post_init__(self) -> None:
        # Finite and positive, whoever sets them: nan would silently disable a deadline.
        for name, parse in (("max_bytes", parse_size), ("max_chars", parse_size), ("seconds", parse_seconds),
                            ("read_seconds", parse_seconds), ("pdf_pages", parse_count)):
            value = getattr(self, name)
            if isinstance(value, float) and name not in ("seconds", "read_seconds"):
                raise LimitError(f"{name}: not a whole number: {value!r}")
            try:
                parse(value)
            except ValueError as exc:
                raise LimitError(f"{name}: {exc}") from None

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults overridden by ZHENGGAI_MAX_BYTES, _MAX_CHARS, _TIMEOUT, _READ_TIMEOUT, _MAX_PDF_PAGES.

        A variable that holds no finite, positive number raises :class:`LimitError`.
        """
        base = cls()
        return cls(
            max_bytes=_env("ZHENGGAI_MAX_BYTES", parse_size, base.max_bytes),
            max_chars=_env("ZHENGGAI_MAX_CHARS", parse_size, base.max_chars),
            seconds=_env("ZHENGGAI_TIMEOUT", parse_seconds, base.seconds),
            read_seconds=_env("ZHENGGAI_READ_TIMEOUT", parse_seconds, base.read_seconds),
            pdf_pages=_env("ZHENGGAI_MAX_PDF_PAGES", parse_count, base.pdf_pages),
        )

    def but(self, **changes: Any) -> Limits:
        """A copy with some limits changed (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_ENV_NAMES = ("ZHENGGAI_MAX_BYTES", "ZHENGGAI_MAX_CHARS", "ZHENGGAI_TIMEOUT", "ZHENGGAI_READ_TIMEOUT",
              "ZHENGGAI_MAX_PDF_PAGES")
# The environment's limits, keyed on the raw values of the variables :meth:`Limits.from_env`
# reads (as os.environ stores them, see _env_key): parsing them costs ~14 µs, looking five
# variables up far less.  A changed variable is a new key (read again); a refused one raises
# each time (nothing stored).
_FROM_ENV: dict[tuple, Limits] = {}


def current() -> Limits:
    """The limits in force: those set by :func:`using`, else the environment's.

    >>> with using(Limits(seconds=3.0)):
    ...     current().seconds
    3.0
    """
    set_by_using = _LIMITS.get()
    if set_by_using is not None:
        return set_by_using
    key = _env_key()
    found = _FROM_ENV.get(key)
    if found is None:
        found = Limits.from_env()
        if len(_FROM_ENV) >= 16:
            _FROM_ENV.clear()  # bounded: a test run sets many values
        _FROM_ENV[key] = found
    return found


def _env_key() -> tuple:
    """The raw values of the five variables, as a key of :data:`_FROM_ENV`.

    ``os.environ.get`` raises and catches a KeyError inside ``os`` for each variable that is
    unset (about 9k instructions each, five per notice); the mapping's own store, read with the
    key it encodes, holds the same values (``os.environ`` writes through to it), so it is read
    directly when there is one.
    """
    environ = os.environ
    data = getattr(environ, "_data", None)
    encodekey = getattr(environ, "encodekey", None)
    if type(data) is not dict or encodekey is None:
        get = environ.get  # (another mapping in its place: read it the ordinary way)
        return tuple([get(name) for name in _ENV_NAMES])
    keys = _ENCODED.get(encodekey)
    if keys is None:
        keys = _ENCODED[encodekey] = tuple(map(encodekey, _ENV_NAMES))
    get = data.get
    return (get(keys[0]), get(keys[1]), get(keys[2]), get(keys[3]), get(keys[4]))


# The five names as os.environ stores them (its encodekey: bytes on POSIX, upper case on Windows).
_ENCODED: dict = {}


@contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    """Run a block under ``limits`` (``None``: keep the limits in force)."""
    if limits is None:
        yield current()
        return
    token = _LIMITS.set(limits)
    try:
        yield limits
    finally:
        _LIMITS.reset(token)


def size_text(n_bytes: int) -> str:
    """``"21.5 MB"``, ``"20 MB"``; below a megabyte in bytes.

    >>> size_text(20 * MB), size_text(22_544_384), size_text(300)
    ('20 MB', '21.5 MB', '300 bytes')
    """
    if n_bytes < MB:
        return f"{n_bytes:,} bytes"
    value = n_bytes / MB
    return f"{value:.0f} MB" if value == int(value) else f"{value:.1f} MB"


def too_many_bytes(n_bytes: int, limits: Limits) -> str | None:
    """The message for an input over the byte limit, else None."""
    if n_bytes <= limits.max_bytes:
        return None
    return (f"input is {size_text(n_bytes)}, over the {size_text(limits.max_bytes)} limit; "
            "raise it with --max-bytes or ZHENGGAI_MAX_BYTES")


def too_many_chars(n_chars: int, limits: Limits) -> str | None:
    """The message for a text over the character limit, else None."""
    if n_chars <= limits.max_chars:
        return None
    return (f"text is {n_chars:,} characters, over the {limits.max_chars:,}-character limit; "
            "raise it with --max-chars or ZHENGGAI_MAX_CHARS")


# -- the deadline -------------------------------------------------------------------------------

class deadline(ContextDecorator):  # noqa: N801 (a function before, named as one)
    """Bound the block to ``seconds`` (never later than a deadline already in force).

    ``None`` or a value <= 0 leaves the block without a deadline of its own.
    A class with ``__enter__``/``__exit__`` (not a generator under ``contextmanager``, whose
    frames cost about 1 µs per block, once per notice): same use, as a ``with`` or a decorator.

    >>> with deadline(5.0):
    ...     remaining() > 4
    True
    """

    __slots__ = ("_seconds", "_tokens")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._tokens: list = []

    def __enter__(self) -> None:
        seconds = self._seconds
        if seconds is None or seconds <= 0:
            self._tokens.append(None)
            return
        end = _now() + seconds
        outer = _DEADLINE.get()
        self._tokens.append(_DEADLINE.set(end if outer is None or end < outer else outer))  # (= min(outer, end))

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: Any) -> bool:
        token = self._tokens.pop()
        if token is not None:
            _DEADLINE.reset(token)
        return False


def remaining() -> float | None:
    """Seconds left before the deadline (None: no deadline); raises TimeoutError when none are left."""
    end = _DEADLINE.get()
    if end is None:
        return None
    left = end - _now()
    if left <= 0:
        raise TimeoutError("zhenggai deadline passed")
    return left


def check() -> None:
    """Raise TimeoutError when the deadline has passed: for long Python loops."""
    end = _DEADLINE.get()
    if end is not None and _now() >= end:
        raise TimeoutError("zhenggai deadline passed")


def _timeout(timed: bool, string: Any, pos: int | None, endpos: int | None) -> float | None:
    # Deadline check on every call; the regex timer only for a pattern that can
    # repeat, scanning a long window.
    end = _DEADLINE.get()
    if end is None:
        return None
    left = end - _now()
    if left <= 0:
        raise TimeoutError("zhenggai deadline passed")
    if not timed:
        return None
    window = (len(string) if endpos is None else endpos) - (pos or 0)
    return left if window >= TIMER_MIN_CHARS else None


def can_repeat(pattern: str | bytes, flags: int = 0) -> bool:
    """Whether ``pattern`` holds a repetition (``* + ? {m,n}``) outside character classes.

    A pattern without one ("[。;\\n]", "整改事项|整改举措") tries a bounded amount of
    work at each position, so it cannot backtrack badly and needs no regex timer.

    >>> can_repeat(r"[,;。\\n]  # clause ends", regex.VERBOSE), can_repeat(r"(?<!\\d)[一二]{1,3}、")
    (False, True)
    """
    text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    verbose = bool(flags & regex.VERBOSE) or text.startswith(("(?x)", "(?V1x)"))
    i, n, in_class = 0, len(text), False
    while i < n:
        ch = text[i]
        if ch == "\\":
            if text[i + 1 : i + 2] in ("p", "P", "N", "x", "u") and text[i + 2 : i + 3] == "{":
                close = text.find("}", i)
                i = n if close < 0 else close + 1  # \p{Han}, \N{…}: one character, not a repeat
                continue
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if text.startswith("^]", i + 1) or text.startswith("]", i + 1):
                i += 1 + (text[i + 1] == "^")  # a ] right after [ or [^ is a literal
        elif verbose and ch == "#":
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
            continue
        elif ch in "*+{" or (ch == "?" and text[i - 1 : i] != "("):
            return True
        i += 1
    return False


# -- the pattern wrapper ------------------------------------------------------------------------

class Pattern:
    """A compiled ``regex`` pattern whose calls respect the deadline.

    Same methods and arguments as ``regex.Pattern`` (``timeout`` is supplied);
    other attributes (``pattern``, ``groupindex`` …) are the wrapped pattern's.
    ``finditer`` also checks the deadline at each match, because the regex
    module restarts its timer for every match it looks for; ``findall``,
    ``sub`` and ``split`` get the timer per match (use them with linear patterns).
    (:func:`compile` leaves patterns that cannot repeat unwrapped.)
    """

    __slots__ = ("_re", "_timed", "pattern", "flags", "groups", "groupindex")

    def __init__(self, compiled: regex.Pattern) -> None:
        self._re = compiled
        self._timed = can_repeat(compiled.pattern, compiled.flags)
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex

    def __repr__(self) -> str:
        return f"limits.{self._re!r}"

    def __reduce__(self) -> tuple:
        return (Pattern, (self._re,))

    # search / match / fullmatch are the hot calls (thousands per notice): _timeout inlined.
    def search(self, string, pos=None, endpos=None, concurrent=None, partial=False):
        end = _DEADLINE.get()
        if end is None:
            return self._re.search(string, pos, endpos, concurrent, partial)
        left = end - _now()
        if left <= 0:
            raise TimeoutError("zhenggai deadline passed")
        if self._timed and (len(string) if endpos is None else endpos) - (pos or 0) >= TIMER_MIN_CHARS:
            return self._re.search(string, pos, endpos, concurrent, partial, left)
        return self._re.search(string, pos, endpos, concurrent, partial)

    def match(self, string, pos=None, endpos=None, concurrent=None, partial=False):
        end = _DEADLINE.get()
        if end is None:
            return self._re.match(string, pos, endpos, concurrent, partial)
        left = end - _now()
        if left <= 0:
            raise TimeoutError("zhenggai deadline passed")
        if self._timed and (len(string) if endpos is None else endpos) - (pos or 0) >= TIMER_MIN_CHARS:
            return self._re.match(string, pos, endpos, concurrent, partial, left)
        return self._re.match(string, pos, endpos, concurrent, partial)

    def fullmatch(self, string, pos=None, endpos=None, concurrent=None, partial=False):
        # A timeout argument costs even when None: passed only when set.
        timeout = _timeout(self._timed, string, pos, endpos)
        if timeout is None:
            return self._re.fullmatch(string, pos, endpos, concurrent, partial)
        return self._re.fullmatch(string, pos, endpos, concurrent, partial, timeout)

    def finditer(self, string, pos=None, endpos=None, overlapped=False, concurrent=None, partial=False):
        timeout = _timeout(self._timed, string, pos, endpos)
        if timeout is None:
            return self._re.finditer(string, pos, endpos, overlapped, concurrent, partial)
        # The regex timer restarts at each match: the deadline is checked between them.
        return _checked(self._re.finditer(string, pos, endpos, overlapped, concurrent, partial, timeout))

    def findall(self, string, pos=None, endpos=None, overlapped=False, concurrent=None):
        timeout = _timeout(self._timed, string, pos, endpos)
        if timeout is None:
            return self._re.findall(string, pos, endpos, overlapped, concurrent)
        return self._re.findall(string, pos, endpos, overlapped, concurrent, timeout=timeout)

    def sub(self, repl, string, count=0, pos=None, endpos=None, concurrent=None):
        timeout = _timeout(self._timed, string, pos, endpos)
        if timeout is None:
            return self._re.sub(repl, string, count, pos=pos, endpos=endpos, concurrent=concurrent)
        return self._re.sub(repl, string, count, pos=pos, endpos=endpos, concurrent=concurrent,
                            timeout=timeout)

    def subn(self, repl, string, count=0, pos=None, endpos=None, concurrent=None):
        timeout = _timeout(self._timed, string, pos, endpos)
        if timeout is None:
            return self._re.subn(repl, string, count, pos=pos, endpos=endpos, concurrent=concurrent)
        return self._re.subn(repl, string, count, pos=pos, endpos=endpos, concurrent=concurrent,
                             timeout=timeout)

    def split(self, string, maxsplit=0, concurrent=None):
        timeout = _timeout(self._timed, string, None, None)
        if timeout is None:
            return self._re.split(string, maxsplit, concurrent)
        return self._re.split(string, maxsplit, concurrent, timeout=timeout)

    def splititer(self, string, maxsplit=0, concurrent=None):
        timeout = _timeout(self._timed, string, None, None)
        if timeout is None:
            return self._re.splititer(string, maxsplit, concurrent)
        return self._re.splititer(string, maxsplit, concurrent, timeout=timeout)


# The wrapped pattern's other attributes (``scanner``, ``named_lists`` …) read through, as
# properties: with a ``__getattr__`` every attribute lookup on the class (``self._re`` in each
# search, the method itself) takes CPython's slow path, a third of the wrapper's own cost.
def _forward(name: str) -> property:
    return property(lambda self: getattr(self._re, name), doc=f"The wrapped pattern's ``{name}``.")


for _name in dir(regex.Pattern):
    if not _name.startswith("__") and not hasattr(Pattern, _name):
        setattr(Pattern, _name, _forward(_name))
del _name


def _checked(matches: Iterator[regex.Match]) -> Iterator[regex.Match]:
    for m in matches:
        check()
        yield m


def compile(pattern: str | bytes, flags: int = 0, **kwargs: Any) -> Pattern | regex.Pattern:  # noqa: A001
    """``regex.compile`` whose searches stop at the deadline (see :class:`Pattern`).

    A pattern that cannot repeat (:func:`can_repeat` is False: a character class,
    a word list) is returned as the plain compiled pattern: its work at each
    position is bounded by its own length, so no call can run away, and the
    wrapper would only cost time (more than half of the regex calls of a notice
    are such delimiter scans).

    >>> compile(r"\\d+年").search("2023年").group()
    '2023年'
    >>> type(compile(r"\\d+年")).__name__, type(compile(r"[。;]")).__name__
    ('Pattern', 'Pattern')
    >>> isinstance(compile(r"[。;]"), Pattern), isinstance(compile(r"\\d+"), Pattern)
    (False, True)
    """
    compiled = regex.compile(pattern, flags, **kwargs)
    return Pattern(compiled) if can_repeat(compiled.pattern, compiled.flags) else compiled


# -- the standard engine for hot patterns ---------------------------------------------------------
#
# The regex module pays for every element of a pattern at every attempt (a 12-group pattern
# costs ~2 µs per call where Python's own ``re`` costs a few tenths), and tests a character
# class member by member (a 200-character class is 100 times slower than in ``re``).  The two
# functions below let a hot caller use ``re`` where doing so keeps the deadline's behaviour.

# regex flags that ``re`` reads the same way (V0 is re's behaviour; UNICODE is re's default on str).
_STD_FLAGS = {regex.I: _std_re.I, regex.M: _std_re.M, regex.S: _std_re.S, regex.X: _std_re.X, regex.A: _std_re.A}
_STD_IGNORED = regex.U | regex.V0


def _std_compile(pattern: str, flags: int) -> _std_re.Pattern:
    std = 0
    for flag, value in _STD_FLAGS.items():
        if flags & flag:
            std |= value
            flags &= ~flag
    if flags & ~_STD_IGNORED:
        raise ValueError(f"regex flags {flags:#x} have no equivalent in re")
    return _std_re.compile(pattern, std)


def plain(pattern: str, flags: int = 0) -> _std_re.Pattern:
    """A pattern that cannot repeat (a word list, a class), compiled by Python's ``re``.

    Such a pattern needs no deadline (:func:`compile` leaves it unwrapped too: its work is
    linear in the text), and ``re`` scans it several times faster than the regex module.
    Only for syntax both engines read alike (literals, escapes, classes of listed
    characters, groups, alternation, lookarounds), not ``\\p{…}`` nor set operations; and
    ``\\d``/``\\w`` follow Python's Unicode tables, older than the regex module's.

    >>> plain("问题|整改  # two words", regex.VERBOSE).findall("整改问题")
    ['整改', '问题']
    >>> plain(r"\\d+")
    Traceback (most recent call last):
    ...
    ValueError: plain() takes patterns without repetition; use compile(): '\\\\d+'
    """
    if can_repeat(pattern, flags):
        raise ValueError(f"plain() takes patterns without repetition; use compile(): {pattern!r}")
    return _std_compile(pattern, flags)


class Twin:
    """A pattern compiled by both engines: ``re`` for short windows, the wrapped regex for long ones.

    ``match`` and ``search`` keep :class:`Pattern`'s deadline behaviour exactly: every call
    checks the deadline first; a window of at least ``TIMER_MIN_CHARS`` goes to the regex
    module with the time left as its timeout; a shorter one, which the wrapper would
    run without a timer, runs on ``re`` (bounded by its size just the same).  The caller
    keeps to syntax both engines read alike (see :func:`plain`) and, because ``\\d`` and
    friends follow different Unicode versions, sends text with a character beyond
    U+FFFF (:func:`astral`) to ``.regex`` instead.

    >>> TWO = Twin(compile(r"(?<!\\d)\\d+个  # a count", regex.VERBOSE))
    >>> with deadline(5.0):
    ...     TWO.match("共12个", 1).group(), TWO.match("共12个", 2)
    ('12个', None)

    **Batched calls** (``std``): a loop making many short-window calls may call ``std`` (the
    ``re`` pattern) itself, skipping the wrapper's frame and its deadline check (about half the
    cost of a call on a short line), under three rules: the window (``endpos - pos``) is shorter
    than ``TIMER_MIN_CHARS``; the text holds no character beyond U+FFFF unless the pattern reads
    no ``\\d``, ``\\w``, ``\\s`` nor ``\\b``; and the loop calls :func:`check` at least once
    per ``BATCH_CALLS`` such calls (before the first of them, then as often: each call being
    bounded by its window, the deadline is overrun by a batch at most).

    >>> calls = 0
    >>> with deadline(5.0):
    ...     for pos in range(2):
    ...         if calls % BATCH_CALLS == 0:
    ...             check()
    ...         calls += 1
    ...         found = TWO.std.match("共12个", pos)
    >>> found.group()
    '12个'
    """

    __slots__ = ("regex", "std", "groupindex")

    def __init__(self, pattern: Pattern | regex.Pattern) -> None:
        self.regex = pattern
        self.std = _std_compile(pattern.pattern, pattern.flags)
        if self.std.groupindex != dict(pattern.groupindex):
            raise ValueError("the two engines number the groups differently")
        self.groupindex = pattern.groupindex

    # check() inlined: match is called at every start position of a count's stretch.
    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        if endpos is None:
            endpos = len(string)
        if endpos - pos >= TIMER_MIN_CHARS:
            return self.regex.match(string, pos, endpos)  # the wrapper: deadline and timer
        end = _DEADLINE.get()
        if end is not None and _now() >= end:
            raise TimeoutError("zhenggai deadline passed")
        return self.std.match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        if endpos is None:
            endpos = len(string)
        if endpos - pos >= TIMER_MIN_CHARS:
            return self.regex.search(string, pos, endpos)
        end = _DEADLINE.get()
        if end is not None and _now() >= end:
            raise TimeoutError("zhenggai deadline passed")
        return self.std.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None, overlapped: bool = False):
        """As :meth:`Pattern.finditer`: on ``re`` for a short window (one deadline check, as the
        wrapper makes without a timer), else (or ``overlapped``, which ``re`` lacks) the wrapper's."""
        if endpos is None:
            endpos = len(string)
        if overlapped or endpos - pos >= TIMER_MIN_CHARS:
            return self.regex.finditer(string, pos, endpos, overlapped=overlapped)
        end = _DEADLINE.get()
        if end is not None and _now() >= end:
            raise TimeoutError("zhenggai deadline passed")
        return self.std.finditer(string, pos, endpos)


# The most ``Twin.std`` calls a loop may make between two deadline checks (see Twin).
BATCH_CALLS = 32


_ASTRAL = regex.compile("[\U00010000-\U0010FFFF]")  # one range: no repetition, a linear scan


def astral(text: str) -> bool:
    """Whether ``text`` holds a character beyond U+FFFF (where ``re`` and regex may read ``\\d`` apart).

    >>> astral("整改12个"), astral("\U00011F51")
    (False, True)
    """
    global _astral_last
    last = _astral_last
    if last[0] is text:  # the same str object: the stages of one notice each ask about its text
        return last[1]
    found = _ASTRAL.search(text) is not None
    _astral_last = (text, found)  # one tuple: a reader sees a text with its own answer
    return found


# The last text asked about and the answer (a str is immutable: the same object, the same answer).
_astral_last: tuple[str | None, bool] = (None, False)


class bounded(deadline):  # noqa: N801 (a function before, named as one)
    """A :func:`deadline` whose TimeoutError becomes a one-line ExtractionTimeout naming ``name``.

    (A :class:`deadline` that turns the error on its way out: one object per block.)

    >>> with bounded("a.txt", 0.001):
    ...     time.sleep(0.01); check()
    Traceback (most recent call last):
    ...
    zhenggai.errors.ExtractionTimeout: a.txt: extraction took longer than 0.001s (pathological input?)
    """

    __slots__ = ("_name", "_what")

    def __init__(self, name: str, seconds: float | None, what: str = "extraction") -> None:
        self._seconds = seconds
        self._tokens: list = []
        self._name = name
        self._what = what

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: Any) -> bool:
        deadline.__exit__(self, kind, error, traceback)
        if kind is not None and issubclass(kind, TimeoutError):
            from zhenggai.errors import ExtractionTimeout

            raise ExtractionTimeout(
                self._name, f"{self._what} took longer than {self._seconds:g}s (pathological input?)") from None
        return False
