"""Date patterns run on Python's re (limits.Twin) give what the regex module gives.

The story cues of models/date_story_cues.tsv are searched in short sentence parts on ``re``
(several times cheaper per call); these tests compare each cue's search with the regex
module's on written sentences and on random text dense in the characters the cues read.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import date_story
from zhenggai.models import load_table

_FRAGMENTS = [row[1] for row in load_table("date_story_cues.tsv")]


def _span(m):
    return None if m is None else m.span()


@pytest.mark.parametrize("fragment", _FRAGMENTS)
def test_every_cue_runs_on_re(fragment):
    # the table's cues are all plain: a cue with another escape would stay on the regex module
    assert date_story._plain_cue(fragment)
    assert isinstance(date_story._cue_search(fragment).__self__, limits.Twin)


@pytest.mark.parametrize("fragment,plain", [
    pytest.param("整改[^。；;\\n]{0,20}?会", True, id="newline-escape"),
    pytest.param("\\d+月反馈", False, id="digit-escape"),
    pytest.param("\\p{Han}反馈", False, id="property"),
])
def test_plain_cue(fragment, plain):
    assert date_story._plain_cue(fragment) is plain


_SENTENCES = [
    "2022年10月10日至12月9日，区委第一巡察组对该局开展了巡察",
    "3月24日，巡察组反馈了巡察意见",
    "根据巡察反馈意见，制定整改方案",
    "巡视反馈的整改任务",
    "10月17日，召开巡视整改专题民主生活会",
    "市委巡察组于4月中旬至5月底开展了巡察“回头看”",
    "审计组进驻该单位",
    "出具了审计报告",
    "专题会议研究部署整改工作",
    "整改工作领导小组召开推进会议",
    "对该局进行巡视工作领导小组",
    "",
]


@pytest.mark.parametrize("sentence", _SENTENCES)
@pytest.mark.parametrize("fragment", _FRAGMENTS)
def test_cue_search_equals_regex_on_sentences(fragment, sentence):
    assert _span(date_story._cue_search(fragment)(sentence)) == _span(regex.search(fragment, sentence))


# The characters and words the cues read, and a few others.
_PIECES = ["整改", "会", "会议", "推进会", "专题会", "民主生活会", "检查", "反馈", "了", "意见", "问题",
           "巡视", "巡察", "审计", "开展", "进行", "实施", "进驻", "回头看", "根据", "落实", "出具",
           "审计报告", "工作领导", "。", "；", ";", "\n", "，", "的", "情况", "a", "\U00020000"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_cue_search_equals_regex_on_dense_text(pieces):
    sentence = "".join(pieces)
    for fragment in _FRAGMENTS:
        assert _span(date_story._cue_search(fragment)(sentence)) == _span(regex.search(fragment, sentence))


# --------------------------------------------------- relation words after a date

from zhenggai.mentions.date_patterns import RELATION_AFTER_RE, RELATIONS_AFTER, relation_after  # noqa: E402


def _regex_relation(text, end):
    m = RELATION_AFTER_RE.match(text, end)
    return None if m is None else m.lastgroup


@pytest.mark.parametrize("text,end,expected", [
    pytest.param("2022年12月以来", 8, "since", id="since"),
    pytest.param("2023年起草方案", 5, None, id="blocked-by-next-char"),
    pytest.param("2023年起", 5, "since", id="word-at-end"),
    pytest.param("6月  前完成", 2, "before", id="two-blanks"),
    pytest.param("6月   前完成", 2, None, id="three-blanks"),
    pytest.param("6月\t之前", 2, "before", id="tab"),
    pytest.param("6月后续", 2, None, id="after-blocked"),
    pytest.param("1月至今", 2, "since", id="until-now"),
    pytest.param("", 0, None, id="empty"),
])
def test_relation_after_on_written_cases(text, end, expected):
    assert relation_after(text, end) == expected == _regex_relation(text, end)


_RELATION_PIECES = sorted({w for w, _, _ in RELATIONS_AFTER} | {ch for _, _, blk in RELATIONS_AFTER for ch in blk}
                          | {" ", "\t", "年", "月", "1", "\n", "以", "之", "至", "今"})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RELATION_PIECES), max_size=12))
def test_relation_after_equals_the_pattern_on_dense_text(pieces):
    text = "".join(pieces)
    for end in range(len(text) + 1):
        assert relation_after(text, end) == _regex_relation(text, end), (text, end)
