"""classify_doctype skips a cue whose field holds none of its required words (doctype._gate) and tests
the domain words with ``in``: each shortcut checked against the search it saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts.doctype import (
    _any_domain_word,
    _cues,
    _domain,
    _domain_words,
    _gate,
    _may_match,
    opening_of,
    required_words,
)
from zhenggai.models import word_alternation

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "corpus/doctype", "tests/fixtures/notices")
         for p in sorted((ROOT / folder).glob("*.txt"))]

# -- the words read from a fragment -----------------------------------------------------------------

WORDS = [
    ("literal_alone", "审计建议", ("审计建议",)),
    ("longest_run", "现将.{0,24}整改.{0,10}(?:公布|通报)", ("现将",)),
    ("one_per_branch", "记者|综述|出席会议", ("记者", "综述", "出席会议")),
    ("branch_without_literal", "记者|(?:看|见)成效", ("记者", "成效")),
    ("branch_of_groups", "记者|(?:看|见)(?:实效|成效)", ("记者", "实效", "成效")),
    ("optional_group_ignored", "整改(?:工作)?情况", ("整改",)),
    ("repeat_breaks_run", "关于.{0,50}问题", ("关于",)),
    ("digit_breaks_run", "整改\\d+个", ("整改",)),
    ("property_class", "(?:开展|进行)\\p{Han}{0,6}$", ("开展", "进行")),
    ("inline_flag", "(?i)abc", ()),
    ("anchors", "^审计结果$", ("审计结果",)),
]


@pytest.mark.parametrize("fragment,words", [w[1:] for w in WORDS], ids=[w[0] for w in WORDS])
def test_required_words(fragment, words):
    assert required_words(fragment) == words


def test_gate_falls_back_to_a_character_set():
    # (words read from the grammar of every branch, round 8: mentions.date_cues.required_words)
    assert _gate("记者|综述|(?:看|见|显)(?:实效|成效)") == ("记者", "综述", "实效", "成效")
    assert _gate("[开进]\\p{Han}") == ("开", "进")
    assert _gate("(?:看|见)?") == ()


# -- every cue's gate against its search -------------------------------------------------------------


def _fields(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [lines[0] if lines else "", opening_of(text), "\n".join(lines[:60])]


@pytest.mark.parametrize("index", range(len(TEXTS)), ids=lambda i: f"text{i}")
def test_gate_never_skips_a_match_on_real_texts(index):
    for value in _fields(TEXTS[index]):
        for cue in _cues():
            if cue.pattern.search(value):
                assert _may_match(cue.words, value), (cue.pattern.pattern, value[:40])


PIECES = ["关于", "整改", "情况", "的", "通报", "公示", "公告", "报告", "巡视", "巡察", "反馈", "意见", "审计",
          "查出", "问题", "工作", "结果", "进驻", "动员会", "听取", "汇报", "召开", "记者", "现将", "予以", "公布",
          "向", "组", "指出", "会议", "进展", "落实", "一览表", "受理", "举报电话", "期间", "我市", "开展", "：",
          "。", "\n", "12个", "完成", "已", "建议", "率", "照单全收", "成效", "看", "综述", "为期", "天", "出席",
          "参加", "培训", "近日", "，", "今年以来", "这一年", "违规金额", "项目", "措施", "存在", "“回头看”",
          "宣读", "值班电话", "意见箱", "来信来电来访", "信访", "时间", "表明", "调查", "联系方式", "本", "县"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_property_gate_never_skips_a_match(pieces):
    value = "".join(pieces)
    for cue in _cues():
        if cue.pattern.search(value):
            assert _may_match(cue.words, value), (cue.pattern.pattern, value)


# -- the domain words -----------------------------------------------------------------------------


def test_domain_pattern_is_its_words():
    # the pattern is the alternation of the words alone (no class, no flag): it matches a text
    # exactly when the text holds one of them
    assert _domain().pattern.split()[0] == word_alternation(_domain_words())
    assert all(w.isalnum() for w in _domain_words())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES + ["巡", "视", "察", "审", "计"]), max_size=8), max_size=3))
def test_property_domain_words_as_the_pattern(fields):
    values = ["".join(f) for f in fields]
    assert _any_domain_word(values) == any(_domain().search(v) for v in values)
