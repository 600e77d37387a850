"""Cue words that give outline sections their roles, from models/role_cues.tsv.

Each cue list becomes one compiled alternation (longest cue first), built on
first use so importing the package reads no files.

>>> starts_with("closing", "下一步,我局将持续用力")
True
>>> starts_with("trailer", "欢迎广大干部群众对整改落实情况进行监督。")
True
>>> is_generic_parent("巡察反馈问题整改落实情况")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import regex

from zhenggai import limits
from zhenggai.models import load_table


@cache
def cues(role: str) -> tuple[str, ...]:
    """The cue words of one role, longest first.

    >>> cues("closing")[0]
    '下一步工作安排'
    """
    words = [row[1] for row in load_table("role_cues.tsv") if row[0] == role and len(row) > 1]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _alternation(role: str) -> str:
    # Cues are literals; escape them so "今后," or "【打印】" stay literal.
    return "|".join(regex.escape(w) for w in cues(role))


# The cue patterns are read by Python's re (a few times faster than the regex module on a
# heading): literals, classes of listed characters and anchors, which both engines read alike
# on any text (no \d, \w or \s, whose Unicode tables differ beyond U+FFFF); limits.Twin keeps
# the regex module, with its timer, for a window of limits.TIMER_MIN_CHARS or more.
@cache
def _start_re(role: str) -> limits.Twin:
    return limits.Twin(limits.compile(
        rf"""
        [\x20\t\u3000]*          # indentation
        (?:{_alternation(role)})  # one cue of the role, longest first
        """,
        regex.VERBOSE,
    ))


@cache
def _search_re(role: str) -> re.Pattern:
    return limits.plain(rf"(?:{_alternation(role)})  # any cue of the role, anywhere", regex.VERBOSE)


# The round numerals (第三轮) and the stray punctuation a generic heading may hold besides its words.
_ROUND_NUMERALS = "一二三四五六七八九十"
_GENERIC_PUNCT = "\x20\u3000,、“”\""


@cache
def _generic_re() -> limits.Pattern:
    return limits.compile(
        rf"""
        (?:{_alternation("generic")}      # only generic words: 巡察 反馈 问题 整改 落实 情况 …
          | 第[{_ROUND_NUMERALS}]+轮        # 第三轮 (巡察)
          | [{regex.escape(_GENERIC_PUNCT, special_only=False)}]  # spaces and stray punctuation
        )+
        """,
        regex.VERBOSE,
    )


@cache
def _generic_chars() -> frozenset[str]:
    """Every character :func:`_generic_re` can match: the generic words', 第…轮 and the punctuation."""
    return frozenset("".join(cues("generic")) + "第轮" + _ROUND_NUMERALS + _GENERIC_PUNCT)


@cache
def _other_char_re() -> re.Pattern:
    """Any character :func:`_generic_re` cannot match (one class: Python's re, see limits.plain)."""
    chars = regex.escape("".join(sorted(_generic_chars())), special_only=False)
    return limits.plain(f"[^{chars}]  # a character no generic word, 第…轮 nor the punctuation has", regex.VERBOSE)


def only_generic_words(text: str) -> bool:
    """Whether ``text`` is made only of generic words (巡察 反馈 问题 整改 …, 第三轮, spaces, stray commas).

    A text holding a character no generic word has is ruled out by one class search before the
    pattern (``_generic_chars().issuperset(text)``, without hashing every character).

    >>> only_generic_words("巡察反馈问题整改情况"), only_generic_words("理论学习不够深入整改情况")
    (True, False)
    """
    return _other_char_re().search(text) is None and _generic_re().fullmatch(text) is not None


_INDENT = "\x20\t\u3000"
# The first character that is no indentation (repetition-free: a plain linear scan).
_NOT_INDENT = limits.compile(r"[^\x20\t\u3000]  # the first character after any indentation", regex.VERBOSE)


@cache
def _first_chars(role: str) -> frozenset[str] | None:
    """First characters of the role's cues (None when a cue could start with indentation, or is empty)."""
    words = cues(role)
    if not words or any(not w or w[0] in _INDENT for w in words):  # (?:) alone matches anywhere
        return None
    return frozenset(w[0] for w in words)


class _AnyCharacter:
    """Holds every character: the openers of a role whose cues have no bound on their first one."""

    def __contains__(self, ch: object) -> bool:
        return True

    def isdisjoint(self, text: object) -> bool:
        return False  # (it meets every text: no text is ruled out)


ANY_CHARACTER = _AnyCharacter()


@cache
def openers(*roles: str) -> frozenset[str] | _AnyCharacter:
    """Characters a text must open with for a cue of any of ``roles`` to start it: the cues'
    first characters and the indentation (:data:`ANY_CHARACTER` when a cue could open with
    indentation or be empty: then no character rules a cue out).

    ``text[pos:pos + 1] not in openers(role)`` means ``starts_with(role, text, pos)`` is False,
    told by one set test instead of the call.

    >>> "下" in openers("closing"), "强" in openers("closing")
    (True, False)
    """
    firsts = [_first_chars(role) for role in roles]
    if any(f is None for f in firsts):
        return ANY_CHARACTER
    return frozenset().union(*firsts) | frozenset(_INDENT)


def _may_start(role: str, text: str, pos: int) -> bool:
    """False when no cue of ``role`` can open ``text`` at ``pos``: a set test instead of the regex.

    Most lines open with none of a role's first characters; the answer is the
    same as the pattern's, which needs a cue right after the indentation.
    """
    firsts = _first_chars(role)
    if firsts is None:
        return True
    ch = text[pos : pos + 1]
    if ch in firsts:
        return True
    if not ch or ch not in _INDENT:
        return False
    first = _NOT_INDENT.search(text, pos)
    return first is not None and first.group() in firsts


@cache
def _starter(role: str) -> tuple[frozenset[str] | None, limits.Twin]:
    """(:func:`_first_chars`, :func:`_start_re`) of ``role``: one cached lookup per cue test."""
    return _first_chars(role), _start_re(role)


def _start_match(role: str, text: str, pos: int):
    """``_start_re(role).match(text, pos)`` when :func:`_may_start` allows it, else None (the same
    test inline: one cached lookup instead of three calls)."""
    firsts, pattern = _starter(role)
    if firsts is not None:
        ch = text[pos : pos + 1]
        if ch not in firsts:
            if not ch or ch not in _INDENT:
                return None
            first = _NOT_INDENT.search(text, pos)
            if first is None or first.group() not in firsts:
                return None
    return pattern.match(text, pos)


def starts_with(role: str, text: str, pos: int = 0) -> bool:
    """Whether ``text`` at ``pos`` opens with a cue of ``role`` (after indentation)."""
    return _start_match(role, text, pos) is not None


def cue_end(role: str, text: str, pos: int = 0) -> int | None:
    """End of the cue of ``role`` that opens ``text`` at ``pos``, else None.

    >>> cue_end("closing", "下一步工作打算:", 0)
    7
    """
    m = _start_match(role, text, pos)
    return m.end() if m else None


def searcher(role: str) -> Callable[[str], re.Match | None]:
    """The ``search`` of the cues of ``role`` (``contains(role, text)`` is ``searcher(role)(text) is not None``),
    for a caller that asks for one role many times.

    >>> searcher("problem")("会议记录程序不够规范") is not None
    True
    """
    return _search_re(role).search


def contains(role: str, text: str) -> bool:
    """Whether any cue of ``role`` occurs in ``text``.

    (One search of the cues' alternation, which ``re`` scans by their first characters: a
    set test of the text's characters before it cost more than the search.)

    >>> contains("problem", "会议记录程序不够规范")
    True
    """
    return _search_re(role).search(text) is not None


@cache
def _first_class(role: str) -> re.Pattern | None:
    """The first characters of the role's cues as one class (None when they have no bound)."""
    firsts = _first_chars(role)
    if firsts is None:
        return None
    chars = regex.escape("".join(sorted(firsts)), special_only=False)
    return limits.plain(f"[{chars}]  # a character a cue of the role opens with", regex.VERBOSE)


# What a "整改落实情况"-type heading reports on: the state, results or progress of the rectification.
_GENERIC_RESULT_WORDS = ("情况", "成效", "进展")


def is_generic_parent(heading: str) -> bool:
    """A "整改落实情况"-type heading: made only of generic words and naming 整改…情况 (or 成效, 进展).

    Its children are the issues (二、巡察反馈问题整改落实情况 → (一)…; 二、主要整改成效 →
    (一)聚焦…,推动… → 1.<measure>).

    >>> is_generic_parent("整改工作开展情况"), is_generic_parent("主要整改成效")
    (False, True)
    """
    heading = heading.rstrip(":：。 ")
    if "整改" not in heading or not any(w in heading for w in _GENERIC_RESULT_WORDS):
        return False
    return only_generic_words(heading)


@cache
def _category_re() -> limits.Twin:
    return limits.Twin(limits.compile(  # (re for a heading, see _start_re)
        rf"""
        (?:{_alternation("category")})             # 审计查出问题 / 巡察发现的问题 …
        (?:的?整改(?:落实|进展|推进)?(?:情况)?)?   # …的整改情况
        [\x20:：]*$                                # at the end of the heading
        """,
        regex.VERBOSE,
    ))


def is_category(heading: str) -> bool:
    """A heading that groups the problems one audit or inspection found; its children are issues.

    >>> is_category("市级财政管理审计查出问题的整改情况")
    True
    >>> is_category("关于公务用车管理不规范问题的整改情况")
    False
    """
    firsts = _first_class("category")
    if firsts is not None and firsts.search(heading) is None:
        return False  # no category cue can start anywhere in the heading (one class search)
    return _category_re().search(heading) is not None
