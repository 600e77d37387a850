"""Round 9 speed-ups of the facts: each against the code it replaced.

Kinds:

* ``inspection._team_finditer`` stops a run's scan at the match that ends at the run's last 巡察组:
  what the team pattern's own ``finditer`` gives over the same window (the oracle), on the opening
  sentences of the bench texts and on random text made of team pieces.
* ``inspection._team_sentence`` makes its passes only when the stretch of the sentences holds their
  words: the same answer as every sentence read (the code it replaced, below), on the bench
  openings and on random sentences.
* ``totals_cues.classify`` ORs its characters' bits in a plain loop and stops at a cue with no gap
  (no later row can beat it): the answer of every row of the table tried in turn (the oracle,
  without the bit prefilters), on the figures of the bench texts and on random clauses of cue
  characters.
* ``Regions._closing_start`` reads the paragraphs after the last issue section only up to the
  first closing node, their first character inline: the start round 8's reading gives (below),
  on the bench texts with their outlines and on random layouts.
"""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts.inspection import HEAD_CHARS, _team_finditer, _team_matches, _team_sentence
from zhenggai.facts.inspection_dates import VERB
from zhenggai.facts.inspection_patterns import patterns
from zhenggai.facts.regions import Regions, _closing_firsts, _first_non_space, _pattern, walk
from zhenggai.facts.totals_cues import _rows, _rows_of, classify
from zhenggai.mentions import find_mentions
from zhenggai.outline import parse_outline

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for d in ("corpus/gold", "tests/fixtures/notices")
         for p in sorted((ROOT / d).glob("*.txt"))]


def _spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]


def _oracle(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """The team pattern's matches in [s, e), by its own finditer over the whole window."""
    return _spans(patterns()["team"].finditer(text, s, e))


# -- _team_finditer: a run's scan ends at its last 巡察组 ----------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "县委第二巡察组对县交通运输局党组开展了常规巡察。",
        "中央第九巡视组对国家水文监测局党组进行了常规巡视。",
        "县委巡察组、市委第四巡察组和县委第二巡察组联合开展巡察。",   # three teams in one sentence
        "市委机动巡察一组进驻,县委巡察四组随后进驻。",                 # the ordinal forms
        "清河县委第二巡察组对安平县水利局党组开展了交叉巡察。",         # a place before the body
        "区委组建4个巡察组,第三巡察组组长带队。",                       # 组 after the last team
        "县委第二巡察组组长",                                          # the run goes on past the team
        "召开巡察工作动员会。",                                         # no team
    ],
    ids=["one-team", "central", "three-teams", "ordinal-forms", "place", "group-leader",
         "run-goes-on", "none"],
)
def test_team_finditer_as_the_pattern(text):
    assert _spans(_team_finditer(text, 0, len(text))) == _oracle(text, 0, len(text))


def test_team_finditer_on_the_bench_openings():
    for text in TEXTS:
        regions = Regions(text, [])
        for s, e in regions.sentences(0, min(regions.n, HEAD_CHARS)):
            assert _spans(_team_finditer(text, s, e)) == _oracle(text, s, e), text[s:e]


_PIECES = ["县委", "市委", "中央", "清河", "第", "二", "十一", "4", "巡察", "巡视", "组", "工作", "机动", "常规",
           "专项", "对", "开展了", "局党组", "领域", "医疗卫生", "组长", ",", "、", "。", " ", "和"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24), st.data())
def test_property_team_finditer(pieces, data):
    text = "".join(pieces)
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert _spans(_team_finditer(text, s, e)) == _oracle(text, s, e)


# -- _team_sentence: the passes whose words the sentences lack are not made ---------------------

def _every_sentence(text: str, sentences):
    """_team_sentence as round 8 wrote it: each pass reads every sentence."""
    pats, memo = patterns(), {}
    for want_ordinal in (True, False):
        for s, e in sentences:
            for m in _team_matches(text, s, e, memo):
                if want_ordinal and not (m["ord"] or m["ord2"]):
                    continue
                if not want_ordinal and not VERB.search(text, s, e) and not m["body"]:
                    continue
                return (s, e), m
    for s, e in sentences:
        if VERB.search(text, s, e) and pats["target"].search(text, s, e):
            return (s, e), None
    return None, None


def _answer(found):
    sentence, m = found
    return sentence, (m.span() if m is not None else None)


def test_team_sentence_as_every_sentence_on_the_bench_openings():
    for text in TEXTS:
        regions = Regions(text, [])
        sentences = regions.sentences(0, min(regions.n, HEAD_CHARS))
        for part in (sentences, sentences[1:], sentences[len(sentences) // 2 :], []):
            assert _answer(_team_sentence(text, part)) == _answer(_every_sentence(text, part))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["进驻", "审计局", "对县局", "进行了"]), max_size=30))
def test_property_team_sentence(pieces):
    text = "".join(pieces)
    sentences = Regions(text, []).sentences()
    assert _answer(_team_sentence(text, sentences)) == _answer(_every_sentence(text, sentences))


# -- classify: the characters' bits OR-ed in a plain loop ----------------------------------------

def _every_row(left: str, right: str, kind: str, unit: str | None, sentence: str, noun: str | None = None):
    """classify by its definition: every row of the kind that allows the unit, tried in turn on the
    regex engine (no first-character or required-character prefilter), the nearest cue winning."""
    other_noun = noun is not None and "问题" not in noun
    best = None
    for row in _rows_of(kind):
        if row.units is not None and unit not in row.units:
            continue
        if row.is_right:
            m = row.pattern.search(right)
            gap = 0
        else:
            if other_noun and row.own_noun:
                continue
            m = row.pattern.search(left)
            gap = len(m[row.gap]) if m else 0
        if m is None or (row.need is not None and not row.need.search(sentence)):
            continue
        cand = (gap, row.order, row.key)
        best = cand if best is None or cand < best else best
    return best[2] if best else None


def _figure_clauses(text: str):
    """(left, right, kind, unit, sentence, noun) of each count and percent of ``text``, cut as
    find_totals cuts them (the clause before and after the figure, its sentence)."""
    regions = Regions(text, [])
    for f in find_mentions(text):
        if f.kind not in ("count", "percent"):
            continue
        cs, ce = regions.clause(f.start)
        ss, se = regions.sentence(f.start)
        yield (text[cs:f.start], text[f.end:max(ce, f.end)], f.kind, f.values.get("unit"), text[ss:se],
               f.values.get("noun"))


def test_classify_as_every_row_on_the_bench_figures():
    checked = 0
    for text in TEXTS:
        for args in _figure_clauses(text):
            assert classify(*args, bmp=True) == classify(*args) == _every_row(*args), args
            checked += 1
    assert checked > 1000


_CUE_CHARS = sorted({ch for row in _rows() for need in row.required for ch in need} | set("的共问题个,"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CUE_CHARS, max_size=14), st.text(alphabet=_CUE_CHARS, max_size=10),
       st.sampled_from([("count", "个"), ("count", "人"), ("count", "件"), ("percent", None), ("count", "方面")]),
       st.sampled_from([None, "问题", "责任单位"]))
def test_property_classify_as_every_row(left, right, kind_unit, noun):
    kind, unit = kind_unit
    sentence = left + "1" + right
    assert classify(left, right, kind, unit, sentence, noun) == _every_row(left, right, kind, unit, sentence, noun)


# -- Regions._closing_start: paragraphs read up to the first closing node ------------------------

def _old_closing_start(regions: Regions) -> int:
    """Regions._closing_start as round 8 wrote it."""
    starts = [n.start for n in walk(regions.roots) if getattr(n, "role", None) == "closing"]
    after = max((d[2].start for d in regions._detail), default=regions.preamble_end() if regions.roots else 0)
    closing, openers = _pattern("closing"), _closing_firsts()
    text, para = regions.text, regions._para
    k = 0 if after <= 0 else bisect_left(para, after - 1) + 1
    pos = para[k - 1] + 1 if 0 < k <= len(para) else 0
    for stop in (para + [regions.n])[k:]:
        if _first_non_space(text, pos, stop) in openers and closing.match(text, pos, stop):
            starts.append(pos)
            break
        pos = stop + 1
    return min(starts) if starts else regions.n


def test_closing_start_as_before_on_the_bench_texts():
    for text in TEXTS:
        for outline in (parse_outline(text), []):
            regions = Regions(text, outline)
            assert regions.closing_from == _old_closing_start(regions)


_LAYOUT = ["一、存在问题\n", "二、整改情况\n", "三、下一步工作\n", "(一)关于问题\n", "1.措施\n", "下一步,我们将", "今后",
           "\u3000\u3000下一步", " 今后", "整改完成。", "\n", "\n\n", "反馈问题12个,已整改10个。"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LAYOUT), max_size=16))
def test_property_closing_start(parts):
    text = "".join(parts)
    regions = Regions(text, parse_outline(text))
    assert regions.closing_from == _old_closing_start(regions)
