"""find_source_meta's shortcuts, each checked against the search it saves: the head/tail searches start
just before the first guard word (source._search_head_tail), and the line-anchored title patterns run
only on lines whose first visible character may open them (source._first_visible)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.facts import source
from zhenggai.facts.source import (
    _BREADCRUMB,
    _BREADCRUMB_FIRST,
    _EDITOR,
    _EDITOR_LEAD,
    _FURNITURE_FIRST,
    _FURNITURE_LINE,
    _PUBLISHED,
    _PUBLISHED_LEAD,
    _SITE,
    _SITE_LEAD,
    _TITLE_LABEL,
    _TITLE_LABEL_FIRST,
    _first_visible,
    _search_head_tail,
)

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for folder in ("corpus/gold", "corpus/doctype", "tests/fixtures/notices")
         for p in sorted((ROOT / folder).glob("*.txt"))]
LINES = [line for text in TEXTS for line in text.split("\n")[:20]]

# -- the head and tail searches --------------------------------------------------------------------


def _plain_head_tail(pattern, text: str):
    """The search as it was: the guarded pattern over the head, then over the tail."""
    m = pattern.search(text, 0, min(len(text), source.HEAD_CHARS))
    if m is None and len(text) > source.HEAD_CHARS:
        m = pattern.search(text, max(source.HEAD_CHARS, len(text) - source.TAIL_CHARS))
    return m


PATTERNS = [(_SITE, _SITE_LEAD), (_PUBLISHED, _PUBLISHED_LEAD), (_EDITOR, _EDITOR_LEAD)]


def _same(a, b) -> bool:
    return (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


@pytest.mark.parametrize("index", range(len(TEXTS)), ids=lambda i: f"text{i}")
def test_head_tail_as_the_plain_search_on_real_texts(index):
    with limits.deadline(60.0):
        for pattern, lead in PATTERNS:
            assert _same(_search_head_tail(pattern, TEXTS[index], lead), _plain_head_tail(pattern, TEXTS[index]))


PIECES = ["来源", "信息来源", "文章来源", "稿件来源", "时间", "日期", "信息提供日期", "提供日期", "发布时间", "发布日期",
          "发文日期", "更新时间", "责任编辑", ":", "：", " ", "\t", "\n", "2023-06-02", "2023年6月2日", " 16:43",
          "某县纪委监委", "浏览量", "整改", "。", "中", "|", "【", "12", "-08-17"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 2600))
def test_property_head_tail_as_the_plain_search(pieces, filler):
    # filler moves the labels across the head's end and into the tail
    text = "".join(pieces[: len(pieces) // 2]) + "甲" * filler + "".join(pieces[len(pieces) // 2:])
    with limits.deadline(60.0):
        for pattern, lead in PATTERNS:
            assert _same(_search_head_tail(pattern, text, lead), _plain_head_tail(pattern, text))


def test_leads_cover_every_label():
    # the longest label characters before a guard word: 信息来源, 信息提供日期 (a match opens with its label)
    for pattern, lead, labels in ((_SITE, _SITE_LEAD, ["信息来源", "文章来源", "稿件来源", "来源"]),
                                  (_PUBLISHED, _PUBLISHED_LEAD, ["信息提供日期", "提供日期", "发布时间", "发布日期",
                                                                "发文日期", "更新时间", "时间", "日期"]),
                                  (_EDITOR, _EDITOR_LEAD, ["责任编辑"])):
        for label in labels:
            assert label in pattern.pattern.pattern
            assert min(label.find(w) for w in pattern.words if w in label) <= lead


# -- the first visible character --------------------------------------------------------------------


def test_isspace_holds_every_regex_blank():
    blank = regex.compile(r"\s")
    assert all(chr(c).isspace() for c in range(sys.maxunicode + 1) if blank.match(chr(c)))


@pytest.mark.parametrize("line,first", [("  您现在的位置", "您"), ("\u3000标 题:", "标"), ("", ""), ("   ", ""),
                                        ("正文", "正")])
def test_first_visible(line, first):
    assert _first_visible(line) == first


def _gates_hold(line: str) -> None:
    if _BREADCRUMB.match(line):
        assert _first_visible(line) in _BREADCRUMB_FIRST, line
    for offset in (0, 3):
        if _TITLE_LABEL.match(line, offset):
            assert _first_visible(line[offset:]) in _TITLE_LABEL_FIRST, line
    candidate = line.strip()
    if candidate and _FURNITURE_LINE.match(candidate):
        assert candidate[0] in _FURNITURE_FIRST, line


def test_gates_on_real_lines():
    with limits.deadline(60.0):
        for line in LINES:
            _gates_hold(line)


LINE_PIECES = [" ", "\u3000", "\t", "\x1c", "\xa0", "您当前的位置", "您现在的位置", "您的位置", "当前位置", "现在位置",
               "所在位置", "网站首页", "首页", "主页", ">", "›", "»", ":", "：", "巡察", "-", "•", "·", "*", "标 题",
               "标题", "文件名称", "信息名称", "文章标题", "名 称", "摘要", "摘 要", "导读", "核心提示", "编者按", "内容提要",
               "正文", "全文", "关于"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=12))
def test_property_gates(pieces):
    with limits.deadline(60.0):
        _gates_hold("".join(pieces))
