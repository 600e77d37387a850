r"""What kind of document a text is: a rectification notice, or something else that a crawl
of inspection pages also brings in.

    rectification         整改情况/整改进展情况的通报, 整改公示 (巡视/巡察)
    audit_rectification   审计查出问题整改情况的报告, 审计整改情况的公告
    feedback              巡视/巡察反馈情况 (the team tells the unit what it found)
    stationing            进驻公告, 巡察公告 (举报电话, 信箱, 受理时间)
    audit_report          审计工作报告, 审计结果公告 (findings, not their rectification)
    news                  a report about inspection, audit or rectification work
    other                 anything else (weather, traffic, recruitment …)

The cues are data (``models/doctype_cues.tsv``, ``models/doctype_domain_words.txt``): each row
that matches the title, the opening or the outline headings adds its weight to its type, the
type with most wins, and the rows that decided it are the evidence:

>>> classify_doctype("中共某县林业局党组关于县委巡察整改情况的通报", "根据县委统一部署…现将整改情况予以公布。")
DocType(doc_type='rectification', evidence=['title: 关于县委巡察整改情况的通报', 'title: 整改情况的通报', 'title: 巡察整改情况的通报', 'opening: 现将整改情况予以公布'])
>>> classify_doctype("云江市2024年7月12日天气预报", "今天白天多云转雷阵雨。").doc_type
'other'
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from zhenggai import limits
from zhenggai.facts.cue_chars import _PROPERTY, required_chars
from zhenggai.mentions.date_cues import required_words as date_cue_words
from zhenggai.models import load_table, load_words, word_alternation

# The types, in the order that breaks ties between equal scores.
DOC_TYPES = ("rectification", "audit_rectification", "feedback", "stationing", "audit_report", "news", "other")
# The types a comparison of rectification figures counts by default.
RECTIFICATION_TYPES = ("rectification", "audit_rectification")
# How much of the text's start is its opening (title lines, the first paragraphs).
OPENING_CHARS = 600
FIELDS = ("title", "opening", "outline")
# A title cue this strong decides the type on its own (the other fields only break ties).
TITLE_DECIDES = 3
# Audit cues this strong make a rectification notice an audit_rectification one.
AUDIT_DECIDES = 4


class DocType(NamedTuple):
    """A document type and the evidence that decided it (``field: matched text``)."""

    doc_type: str
    evidence: list[str]


class _Cue(NamedTuple):
    doc_type: str
    field: str
    weight: int
    pattern: limits.Pattern
    # pattern.search, on Python's re where the fragment is literals, classes, groups and
    # anchors alone (limits.Twin: a title, the 600-character opening and an outline under the
    # regex timer's threshold run there; both engines read such a fragment alike, on any text).
    search: Any
    # Words one of which every match holds (:func:`required_words`; empty: no claim): a field
    # holding none of them cannot match, and ``in`` says so far faster than the search.
    words: tuple[str, ...]
    # The ``re`` pattern's search of a plain fragment (None for the others), called by
    # classify_doctype itself on a field shorter than limits.TIMER_MIN_CHARS, with a deadline
    # check per limits.BATCH_CALLS calls (limits.Twin's batched calls).
    std: Any


def plain_fragment(fragment: str) -> bool:
    r"""Whether ``fragment`` has no escape at all (no \d, \p{…}, \s …): syntax both engines read alike.

    >>> plain_fragment("关于.{0,50}整改(?:情况|结果)$"), plain_fragment("整改\\d+个"), plain_fragment("\\p{Han}")
    (True, False, False)
    """
    return "\\" not in fragment


@lru_cache(maxsize=None)
def _cues() -> tuple[_Cue, ...]:
    cues = []
    for doc_type, field, weight, fragment in load_table("doctype_cues.tsv"):
        if doc_type not in DOC_TYPES or field not in FIELDS:
            raise ValueError(f"models/doctype_cues.tsv: unknown type or field in row {doc_type!r} {field!r}")
        pattern = limits.compile(fragment)
        twin = limits.Twin(pattern) if plain_fragment(fragment) else None
        search = pattern.search if twin is None else twin.search
        std = None if twin is None else twin.std.search
        cues.append(_Cue(doc_type, field, int(weight), pattern, search, _gate(fragment), std))
    return tuple(cues)


@lru_cache(maxsize=None)
def required_words(fragment: str) -> tuple[str, ...]:
    r"""Words one of which every match of ``fragment`` holds (``()``: no claim), as
    :func:`zhenggai.mentions.date_cues.required_words` reads them from the fragment's grammar
    (runs of literals, the words of every branch of an alternation, groups and repetitions of at
    least one), with ``\p{…}`` read as ``\w`` first (regex-only syntax; see facts.cue_chars).

    >>> required_words("现将.{0,24}整改(?:情况|结果)?(?:公布|通报)"), required_words("记者|综述|(?:看|见)成效")
    (('现将',), ('记者', '综述', '成效'))
    >>> required_words("(?:已|完成)整改\\d+个|照单全收"), required_words("(?:看|见)(?:实效|成效)"), required_words("(?i)abc")
    (('整改', '照单全收'), ('实效', '成效'), ())
    """
    return date_cue_words(_PROPERTY.sub(r"\\w", fragment)) or ()


def _gate(fragment: str) -> tuple[str, ...]:
    """The words a field must hold one of for ``fragment`` to match it: :func:`required_words`,
    else the characters of the smallest set every match holds one of (facts.cue_chars), each a
    one-character word; ``()`` when neither makes a claim.

    >>> _gate("审计建议"), _gate("记者|综述|(?:看|见|显)(?:实效|成效)"), _gate("^[^：:关]{2,14}[：:]")
    (('审计建议',), ('记者', '综述', '实效', '成效'), (':', '：'))
    """
    words = required_words(fragment)
    if words:
        return words
    sets = required_chars(fragment, verbose=False)
    return tuple(sorted(min(sets, key=len))) if sets else ()


def _may_match(words: tuple[str, ...], value: str) -> bool:
    """Whether ``value`` holds one of ``words`` (``()``: no claim, it may match).

    >>> _may_match(("现将",), "现将整改情况公布如下"), _may_match(("现将",), "整改情况"), _may_match((), "")
    (True, False, True)
    """
    if not words:
        return True
    for word in words:
        if word in value:
            return True
    return False


@lru_cache(maxsize=None)
def _domain_words() -> tuple[str, ...]:
    """The words of :func:`_domain`: a field matches it exactly when it holds one of them."""
    return tuple(load_words("doctype_domain_words.txt"))


def _any_domain_word(values) -> bool:
    """Whether one of ``values`` holds a domain word: ``_domain().search`` finds one, by ``in`` tests."""
    words = _domain_words()
    for value in values:
        for word in words:
            if word in value:
                return True
    return False


@lru_cache(maxsize=None)
def _domain() -> limits.Pattern:
    return limits.compile(
        rf"""
        {word_alternation(load_words("doctype_domain_words.txt"))}   # 巡视 / 巡察 / 审计 (data file)
        """,
        regex.VERBOSE,
    )


def opening_of(text: str) -> str:
    """The opening of a text: its first ``OPENING_CHARS`` characters.

    >>> opening_of("甲" * 700) == "甲" * 600
    True
    """
    return text[:OPENING_CHARS]


def outline_summary(outline: Sequence[Any], depth: int = 2) -> str:
    """The headings of an outline's first ``depth`` levels, one per line (markers kept), the
    ``outline`` input of ``classify_doctype``.

    >>> from types import SimpleNamespace as N
    >>> outline_summary([N(marker="一、", heading="关于“预算管理”问题的整改情况", children=[])])
    '一、关于“预算管理”问题的整改情况'
    """
    lines: list[str] = []
    stack = [(node, 1) for node in reversed(list(outline))]
    while stack:
        node, level = stack.pop()
        if node.heading:
            lines.append(f"{node.marker}{node.heading}")
        if level < depth:
            stack.extend((child, level + 1) for child in reversed(list(node.children)))
    return "\n".join(lines)


def classify_doctype(title: str | None, opening: str, outline: str = "") -> DocType:
    """The document type of a text from its ``title``, its ``opening`` (``opening_of(text)``)
    and its ``outline`` (the headings, one per line), with the evidence.

    A text with no word of inspection or audit work (巡视, 巡察, 审计) is ``other``; one with
    such a word and no stronger cue is ``news``.

    >>> classify_doctype(None, "近日，区委第四巡察组向区教育局党委反馈巡察情况。").doc_type
    'feedback'
    >>> classify_doctype("任前公示", "现将拟任职干部情况公示如下。举报电话：12380。")
    DocType(doc_type='other', evidence=['no word of inspection or audit work (巡视, 巡察, 审计)'])
    """
    title_text = title or ""
    if not _any_domain_word((title_text, opening, outline)):
        return DocType("other", ["no word of inspection or audit work (巡视, 巡察, 审计)"])
    title_rows, body_rows = _plan()
    matched: dict[int, str] = {}  # cue number → the text it matched (cues tried and matched)
    by_title = dict.fromkeys(DOC_TYPES, 0)
    # Searches made by a cue's ``std`` (short fields) since the last deadline check (limits.Twin).
    budget = 0
    short = limits.TIMER_MIN_CHARS
    # (the cue gate inline, as a for-else: a cue is searched when it has no words or the field
    # holds one of them; a call per cue cost more than its ``in`` tests)
    title_short = len(title_text) < short
    for i, doc_type, weight, words, std, search in title_rows:
        for word in words:
            if word in title_text:
                break
        else:
            if words:
                continue
        if std is not None and title_short:
            if budget <= 0:
                limits.check()
                budget = limits.BATCH_CALLS
            budget -= 1
            m = std(title_text)
        else:
            m = search(title_text)
        if m:
            by_title[doc_type] += weight
            matched[i] = m[0]
    top = max(by_title.values())
    # The types whose opening and outline cues can change the result: with a deciding title,
    # only the title's best types (the opening and outline break their tie) and, for a
    # rectification notice, the audit cues that may refine it; else every type.
    if top >= TITLE_DECIDES:
        contenders = [t for t in DOC_TYPES if by_title[t] == top]
        if "rectification" in contenders and "audit_rectification" not in contenders:
            contenders.append("audit_rectification")
    else:
        contenders = DOC_TYPES
    # A contender's score: its title cues that matched, then its opening and outline cues (the
    # other types score 0: only a contender can win or refine).
    total = dict.fromkeys(DOC_TYPES, 0)
    for t in contenders:
        total[t] = by_title[t]
    values = (opening, outline)  # (the fields of body cues: 0 opening, 1 outline)
    shorts = (len(opening) < short, len(outline) < short)
    for t in contenders:
        score = total[t]
        for i, field, weight, words, std, search in body_rows[t]:
            value = values[field]
            for word in words:
                if word in value:
                    break
            else:
                if words:
                    continue
            if std is not None and shorts[field]:
                if budget <= 0:
                    limits.check()
                    budget = limits.BATCH_CALLS
                budget -= 1
                m = std(value)
            else:
                m = search(value)
            if m:
                matched[i] = m[0]
                score += weight
        total[t] = score
    # The best type: the highest score, ties to the earlier type of DOC_TYPES (a strictly higher
    # score replaces it), the title's own score first when it decides.
    best = DOC_TYPES[0]
    if top >= TITLE_DECIDES:
        best_key = (by_title[best], total[best])
        for t in DOC_TYPES:
            key = (by_title[t], total[t])
            if key > best_key:
                best, best_key = t, key
    else:
        best_score = total[best]
        for t in DOC_TYPES:
            if total[t] > best_score:
                best, best_score = t, total[t]
    if total[best] == 0:
        word = _domain().search(" ".join((title_text, opening, outline)))
        return DocType("news", [f"mentions {word[0] if word else '巡视/巡察/审计'}, no genre cue"])
    if best == "rectification" and total["audit_rectification"] >= AUDIT_DECIDES:
        # A rectification of audit findings (…经济责任审计整改情况的公告): the audit cue names the kind.
        return DocType("audit_rectification", _evidence(matched, "audit_rectification") + _evidence(matched, best))
    return DocType(best, _evidence(matched, best))


def _pruned(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` without those holding another of them (the gate says the same: a field holding
    such a word holds the shorter one too), shorter words first.

    >>> _pruned(("整改", "整改完成率", "照单全收")), _pruned(("反馈会", "反馈意见指出", "反馈意见"))
    (('整改', '照单全收'), ('反馈会', '反馈意见'))
    """
    kept = [w for w in words if not any(o != w and o in w for o in words)]
    return tuple(sorted(dict.fromkeys(kept), key=len))


@lru_cache(maxsize=None)
def _plan() -> tuple[tuple[tuple, ...], dict[str, tuple[tuple, ...]]]:
    """The cues as rows read by :func:`classify_doctype`: the title cues in table order, and each
    type's opening and outline cues in table order, each row (cue number, type or field (0
    opening, 1 outline), weight, gate words (:func:`_pruned`), ``std``, ``search``)."""
    cues = _cues()
    title_rows = tuple((i, c.doc_type, c.weight, _pruned(c.words), c.std, c.search)
                       for i, c in enumerate(cues) if c.field == "title")
    body_rows = {t: tuple((i, 0 if c.field == "opening" else 1, c.weight, _pruned(c.words), c.std, c.search)
                          for i, c in enumerate(cues) if c.doc_type == t and c.field != "title")
                 for t in DOC_TYPES}
    return title_rows, body_rows


def _evidence(matched: dict[int, str], doc_type: str) -> list[str]:
    """``field: matched text`` of the cues of ``doc_type`` that matched, in table order."""
    cues = _cues()
    return [f"{cues[i].field}: {text}" for i, text in sorted(matched.items()) if cues[i].doc_type == doc_type]


@lru_cache(maxsize=None)
def _title_cues() -> tuple[int, ...]:
    """Numbers of the cues read on the title (tried first: a strong one decides the type)."""
    return tuple(i for i, cue in enumerate(_cues()) if cue.field == "title")
