"""zhenggai.mentions.date_cues: the words every match of a cue fragment contains."""

from __future__ import annotations

import random

import pytest
import regex

from zhenggai.mentions.date_cues import required_words
from zhenggai.models import load_table

BOUNDED = [
    ("literal", "回头看", ("回头看",)),
    ("after_optional_and_lookbehind", "(?<!根据)(?:巡视|巡察)?反馈(?:了|会)", ("反馈",)),
    ("branch_union", "[反指]馈|通报", ("馈", "通报")),
    ("longer_words_win", "(?:开展|进行)了?[^。]{0,20}?巡", ("开展", "进行")),
    ("repeat_at_least_once", "(?:整改){1,3}完成?", ("整改",)),
]
UNBOUNDED = [
    ("class_only", "[反指]"),
    ("optional_only", "(?:问题)?"),
    ("category", r"\d+个?"),
    ("ignore_case", "(?i)rmb"),
    ("ignore_case_group", "(?i:rmb)"),
    ("branch_without_bound", "反馈|[一二]"),
    ("unreadable", r"[\p{Han}]{2}"),
]


@pytest.mark.parametrize("fragment,words", [c[1:] for c in BOUNDED], ids=[c[0] for c in BOUNDED])
def test_bounded_fragments(fragment, words):
    assert required_words(fragment) == words


@pytest.mark.parametrize("fragment", [c[1] for c in UNBOUNDED], ids=[c[0] for c in UNBOUNDED])
def test_unbounded_fragments(fragment):
    assert required_words(fragment) is None


@pytest.mark.parametrize("kind,fragment", [tuple(r[:2]) for r in load_table("date_story_cues.tsv")])
def test_every_match_of_a_story_cue_holds_one_of_its_words(kind, fragment):
    words = required_words(fragment)
    assert words, f"the {kind} cue has no required word: it would be searched in every sentence"
    pattern = regex.compile(fragment)
    pieces = list(words) + ["巡察", "巡视", "审计", "根据", "了", "会", "意见", "整改", "召开", "，", "。",
                            "反", "馈", "开展", "进驻", "专题会议", "民主生活会", "检查", "出具",
                            "审计报告", "回头", "看"]
    rng = random.Random(kind)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if pattern.search(text) is not None:
            matched += 1
            assert any(w in text for w in words), text
    assert matched  # the generated texts did exercise the cue
