"""Round 7 speed-ups of the facts: each against the code it replaced.

Kinds: the topic scans led by a lookahead of their first characters (``categories._led``) find
what the bare cues find, on both engines; the frame bit of ``categories._candidates`` is set on
every text a framework part's cue matches (so ``categorize`` skipping ``find_frame`` without it
changes no answer).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.facts.categories import (
    _candidate_tags,
    _candidates,
    _frame_bit,
    _frames,
    _led,
    _literal_led,
    _tags,
    categorize,
    find_frame,
)

ROOT = Path(__file__).resolve().parent.parent


def _taxonomy_texts() -> list[str]:
    with open(ROOT / "corpus/taxonomy/issues.tsv", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]
    return [text for row in rows[1:] for text in row[1:3] if text]  # statements and frame headings


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


# -- the lookahead-led scans ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "cues,led",
    [
        ("理论学习|学习贯彻", False),                    # every alternative opens on a literal
        ("(?:巡视|巡察)反馈|整改台账", False),             # (re reads it as 巡(?:视|察)反馈)
        ("[河湖]长", False),                              # a class
        ("(?:巡视|审计)反馈|整改台账", True),             # an alternative opens on a group
        ("(?<!廉洁)风险|担保", True),                     # … on a lookbehind
    ],
    ids=["literals", "common_prefix", "class", "group", "lookbehind"],
)
def test_literal_led(cues, led):
    assert _literal_led(cues) is not led


def test_led_only_where_re_tries_every_position():
    led = {tag.code for tag in _tags() if tag.scan.regex.pattern != tag.pattern.pattern}
    assert "risk" in led and "decisions" in led  # (?<!廉洁|廉政)风险…, (?:党中央|中央|上级)(?:精神…
    assert "finance" not in led
    for tag in _tags():
        if tag.code in led:
            assert tag.scan.regex.pattern == _led(tag.pattern.pattern, tag.openings)
            assert tag.scan.regex.pattern.startswith("(?=[")


def test_led_escapes_class_characters():
    cues = "(?:a|b)x|]y|^z|-w|\\\\v"
    pattern = re.compile(_led(cues, frozenset({"ax", "bx", "]y", "^z", "-w", "\\v"})))
    for text in ["ax", "]y", "^z", "-w", "\\v", "cx", "y"]:
        assert _spans(pattern.finditer(text)) == _spans(re.finditer(cues, text)), text


def test_led_scans_find_the_cues_matches_on_the_taxonomy_set():
    texts = _taxonomy_texts()
    assert len(texts) >= 300
    for tag in _tags():
        bare = re.compile(tag.pattern.pattern)
        for text in texts:
            assert _spans(tag.scan.finditer(text)) == _spans(bare.finditer(text)), (tag.code, text)


def test_led_scans_on_the_regex_module_for_long_texts():
    # A window of TIMER_MIN_CHARS or more runs on the wrapped regex pattern, lookahead included.
    long = "，".join(_taxonomy_texts()) * 2
    assert len(long) >= limits.TIMER_MIN_CHARS
    for tag in _tags():
        with limits.deadline(60):
            got = _spans(tag.scan.finditer(long))
        assert got == _spans(tag.pattern.finditer(long)), tag.code


_CUE_CHARS = sorted({ch for tag in _tags() for ch in tag.pattern.pattern
                     if ch not in "()?:|[]^{}<!=,0123456789"})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="".join(_CUE_CHARS) + "，。；\n\U00020000", max_size=60))
def test_property_led_scans_as_the_bare_cues(text):
    for tag in _tags():
        if tag.scan.regex.pattern != tag.pattern.pattern:
            assert _spans(regex.finditer(tag.scan.regex.pattern, text)) == _spans(tag.pattern.finditer(text))
            assert _spans(tag.scan.finditer(text)) == _spans(re.finditer(tag.pattern.pattern, text))


# -- the frame bit ---------------------------------------------------------------------------------

def test_candidate_tags_hold_no_frame_bit():
    text = "落实全面从严治党战略部署方面，财务报销把关不严"
    assert _candidates(text) & _frame_bit()
    assert _candidate_tags(text) == _candidates(text) & (_frame_bit() - 1)
    assert _candidate_tags(text) < _frame_bit()


def test_frame_bit_set_wherever_a_part_is_named_on_the_taxonomy_set():
    texts = _taxonomy_texts()
    named = [text for text in texts if find_frame(text) is not None]
    assert len(named) >= 50
    for text in named:
        assert _candidates(text) & _frame_bit(), text
    assert sum(not _candidates(text) & _frame_bit() for text in texts) >= len(texts) // 2  # it does refuse


_FRAME_PIECES = sorted({piece for _, pattern in _frames().values() if pattern is not None
                        for piece in re.split(r"[()?:|*]+", pattern.pattern) if piece})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FRAME_PIECES + ["一、", "方面", "。", "的", "落实", "和", "\U00020000"]),
                max_size=8).map("".join))
def test_property_frame_bit_set_wherever_a_part_is_named(text):
    if find_frame(text) is not None:
        assert _candidates(text) & _frame_bit()


def _ungated(monkeypatch):
    """categorize as before the frame bit: find_frame asked whatever the statement holds."""
    from zhenggai.facts import categories

    gated = categories._candidates
    monkeypatch.setattr(categories, "_candidates", lambda text: gated(text) | categories._frame_bit())


def test_categorize_as_ungated_on_the_taxonomy_set(monkeypatch):
    with open(ROOT / "corpus/taxonomy/issues.tsv", encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")][1:]
    cases = [(row[1], row[2]) for row in rows] + [(row[2], "") for row in rows if row[2]]
    gated = [categorize(issue, heading=heading) for issue, heading in cases]
    _ungated(monkeypatch)
    assert [categorize(issue, heading=heading) for issue, heading in cases] == gated
    assert sum(c[0].code != "other" for c in gated) >= 100


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAME_PIECES + ["违规发放津补贴", "方面", "。", "的", "问题"]), max_size=6).map("".join))
def test_property_categorize_as_ungated(text):
    gated = categorize(text)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _ungated(monkeypatch)
        assert categorize(text) == gated


# -- the guards' word test -------------------------------------------------------------------------

def _holds_by_find(words: tuple[str, ...], string: str, pos, endpos) -> bool:
    """Guarded.holds_word as it was: ``str.find`` over the window, word by word."""
    start = 0 if pos is None else pos
    end = len(string) if endpos is None else endpos
    return any(string.find(word, start, end) >= 0 for word in words)


_POSITIONS = st.one_of(st.none(), st.integers(min_value=-12, max_value=14))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="巡察组反馈a\U00020000", min_size=1, max_size=3), min_size=1, max_size=3),
       st.text(alphabet="巡察组反馈a\U00020000。", max_size=12), _POSITIONS, _POSITIONS)
def test_property_holds_word_as_find(words, string, pos, endpos):
    from zhenggai.facts.guards import Guarded

    guard = Guarded(re.compile("x"), tuple(words))
    assert guard.holds_word(string, pos, endpos) == _holds_by_find(tuple(words), string, pos, endpos)


def test_holds_word_on_the_notices_windows():
    from zhenggai.facts.guards import Guarded
    from zhenggai.facts.inspection_dates import FEEDBACK, VERB

    texts = [p.read_text(encoding="utf-8") for d in ("corpus/gold", "tests/fixtures/notices")
             for p in sorted((ROOT / d).glob("*.txt"))]
    seen = {True: 0, False: 0}
    for guard in (VERB, FEEDBACK, Guarded(re.compile("x"), ("联系电话", "。\n"))):
        for text in texts:
            windows = [(None, None), (0, None), (None, 40), (len(text) // 2, None), (5, 5), (-30, -2)]
            for pos, endpos in windows:
                got = guard.holds_word(text, pos, endpos)
                assert got == _holds_by_find(guard.words, text, pos, endpos), (guard.words, pos, endpos)
                seen[got] += 1
    assert seen[True] > 50 and seen[False] > 50


# -- the contact block's invitations ---------------------------------------------------------------

def _contact_start(invites) -> int | None:
    """Where find_contact's block starts, from a list of invitations (as find_contact reads it)."""
    from zhenggai.facts.contact import BLOCK_CHARS

    if not invites:
        return None
    start = invites[-1].start()
    for m in reversed(invites[:-1]):
        if start - m.start() <= BLOCK_CHARS:
            start = m.start()
    return start


def _spans_of(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


def test_invitations_as_the_whole_scan_on_the_notices():
    from zhenggai.facts.contact import _INVITE, _invitations

    texts = [p.read_text(encoding="utf-8") for d in ("corpus/gold", "tests/fixtures/notices")
             for p in sorted((ROOT / d).glob("*.txt"))]
    tail_only = 0
    for text in texts:
        whole = list(_INVITE.finditer(text))
        got = _invitations(text)
        assert _contact_start(got) == _contact_start(whole)
        assert _spans_of(got) == _spans_of(whole)[len(whole) - len(got):]  # the last ones, as found
        tail_only += len(got) < len(whole)
    assert tail_only >= 1  # the shortcut is taken on real notices


_INVITE_PIECES = ["欢迎", "监督", "意见", "建议", "意见和建议", "举报电话", "监督方式", "联系方式",
                  "：", ":", " ", "\n", "。", "，", "电话", "方式", "群众"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_INVITE_PIECES), st.integers(0, 900).map(lambda n: "字" * n)),
                max_size=14).map("".join))
def test_property_invitations_as_the_whole_scan(text):
    from zhenggai.facts import contact

    whole = list(contact._INVITE.finditer(text))
    got = contact._invitations(text)
    assert _contact_start(got) == _contact_start(whole)
    assert _spans_of(got) == _spans_of(whole)[len(whole) - len(got):]


def test_no_invitation_holds_a_full_stop():
    from zhenggai.facts.contact import _INVITE

    for text in ["欢迎。监督", "联系方式 。:", "意见。建议", "举报。电话", "欢迎群众监督。"]:
        assert all("。" not in m.group() for m in _INVITE.finditer(text)), text


# -- the spans capped without the max/min builtins -------------------------------------------------

def _old_clause_in(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """Regions._clause_in as it was (max/min builtins)."""
    from zhenggai.facts.regions import CLAUSE_REACH

    lo, hi = max(start, pos - CLAUSE_REACH), min(end, pos + CLAUSE_REACH)
    window = text[lo:hi].replace("，", ",").replace(":", ",").replace("：", ",").replace("、", ",")
    k = pos - lo
    before, after = window.rfind(",", 0, k), window.find(",", k)
    return lo + before + 1, (hi if after < 0 else lo + after)


def _old_sentence(regions, pos: int) -> tuple[int, int]:
    """Regions.sentence as it was (max/min builtins)."""
    from bisect import bisect_right

    from zhenggai.facts.regions import SENTENCE_REACH

    positions = regions._sentence
    i = bisect_right(positions, pos - 1)
    start = positions[i - 1] + 1 if i > 0 else 0
    end = positions[i] if i < len(positions) else regions.n
    return max(start, pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(list("，,:：、。；\n问题")), st.integers(0, 700).map(lambda n: "字" * n)),
                max_size=10).map("".join), st.data())
def test_property_spans_as_with_max_and_min(text, data):
    from zhenggai.facts.regions import Regions

    regions = Regions(text, [])
    pos = data.draw(st.integers(0, len(text)))
    sentence = regions.sentence(pos)
    assert sentence == _old_sentence(regions, pos)
    assert regions.clause(pos) == _old_clause_in(text, pos, *_sentence_bounds(regions, pos))
    place = regions.totals_place(pos)
    if place is not None:
        assert place == (regions.clause(pos), sentence)


def _sentence_bounds(regions, pos: int) -> tuple[int, int]:
    from bisect import bisect_right

    positions = regions._sentence
    i = bisect_right(positions, pos - 1)
    return (positions[i - 1] + 1 if i > 0 else 0), (positions[i] if i < len(positions) else regions.n)
