"""Round 8: truncation_reason's line tests by one character or an end test, against the patterns they replace.

The last lines are stripped, so a pattern ending ``\\s*$`` (or ``$``) matches one exactly when the
line's last character ends a match; the word lists run on ``re`` (limits.plain); the bare-marker and
date-line searches run behind gates every match passes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts import truncation as T
from zhenggai.models import load_words, word_alternation

# -- the patterns round 7 searched with (the oracle) ------------------------------------------------------

OPEN_END = regex.compile(r"[，,、：:；;（(“‘《【—\-]\s*$")
CLOSED_END = regex.compile(r"[。！？!?…）)”’》】\]\.]\s*$")
BODY_LINE = regex.compile(r"[，,]")
TABLE_LINE = regex.compile(r"[\t|]")
LABEL_END = regex.compile(rf"(?:{word_alternation(load_words('contact_labels.txt'))})\s*$")
CONTACT = regex.compile(rf"(?:{word_alternation(load_words('contact_labels.txt'))})")
PAGE_LINK = regex.compile(rf"(?:{word_alternation(load_words('page_links.txt'))})")
CLOSING_WORDS = regex.compile(r"特此(?:通报|公告|通知|报告)$")
ISSUER_END = regex.compile(rf"(?:{word_alternation(load_words('issuer_endings.txt'))})$|^中共")


def old_is_trailer(line: str) -> bool:
    return bool(T._DATE_LINE.search(line) or CLOSING_WORDS.search(line)
                or (len(line) < T._SENTENCE_LINE and ISSUER_END.search(line)))


def new_line_tests(line: str) -> tuple:
    tail = line[-1]
    return (
        tail in T._OPEN_END_CHARS,
        tail in T._CLOSED_END_CHARS,
        T._BODY_MARKS[0] in line or T._BODY_MARKS[1] in line,
        T._TABLE_MARKS[0] in line or T._TABLE_MARKS[1] in line,
        line.endswith(T._contact_labels()),
        T._contact_re().search(line) is not None,
        T._page_link_re().search(line) is not None,
        bool((tail in T._BARE_MARKER_LAST or len(line) < 4) and T._BARE_MARKER.search(line)),
        T._is_trailer(line),
    )


def old_line_tests(line: str) -> tuple:
    return (
        OPEN_END.search(line) is not None,
        CLOSED_END.search(line) is not None,
        BODY_LINE.search(line) is not None,
        TABLE_LINE.search(line) is not None,
        LABEL_END.search(line) is not None,
        CONTACT.search(line) is not None,
        PAGE_LINK.search(line) is not None,
        T._BARE_MARKER.search(line) is not None,
        old_is_trailer(line),
    )


def test_every_blank_the_regex_module_reads_is_stripped_by_str_strip():
    # The premise: a line from _tail_lines (str.strip) ends on no \s, so \s*$ adds nothing.
    blank = regex.compile(r"\s")
    missed = [hex(c) for c in range(sys.maxunicode + 1) if blank.match(chr(c)) and not chr(c).isspace()]
    assert missed == []


WRITTEN = [
    "召开专题会议，研究部署整改工作，明确责任分工和", "（二", "二、", "3", "(12)", "１２", "٣", "十一、", "一二三四五六",
    "联系电话", "联系电话：0571-87000000", "特此通报", "特此报告。", "中共某市民政局党组", "某市民政局", "2023年6月28日",
    "二〇二三年六月二十八日", "第1页 共2页 下一页", "阅读全文", "（责任编辑：张三）", "表\t格", "a|b", "…", "——",
    "整改完成率100%", "某县人民政府办公室印发", "1.", "10、", "123",
]


@pytest.mark.parametrize("line", WRITTEN, ids=range(len(WRITTEN)))
def test_written_lines_answer_as_the_patterns(line):
    assert new_line_tests(line) == old_line_tests(line)


def _real_tails():
    root = Path(__file__).resolve().parents[1]
    for folder in ("corpus/gold", "tests/fixtures/notices", "corpus/doctype"):
        for path in sorted((root / folder).glob("*.txt")):
            yield from (line for _, line in T._tail_lines(path.read_text(encoding="utf-8"), 6))


def test_real_last_lines_answer_as_the_patterns():
    lines = list(_real_tails())
    assert len(lines) > 300
    assert [new_line_tests(line) for line in lines] == [old_line_tests(line) for line in lines]


ALPHABET = "，,、：:；;（(“‘《【—-。！？!?…）)”’》】].\t| 一二三十〇○零0123٣年月日特此通报告公知中共委员会局电话邮箱联系下一页尾阅读全文整改"


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30))
def test_property_stripped_lines_answer_as_the_patterns(raw):
    line = raw.strip()
    if line:
        assert new_line_tests(line) == old_line_tests(line)
