"""The fast paths of the mention extractors give exactly what the plain scans give.

counts._count_matches reads only the stretches before measure words, with Python's
``re`` on short windows (zhenggai.limits.Twin); these tests compare it with the
whole-text overlapped scan of the regex module, on notice sentences and on random
text over the characters that matter, and pin the assumption that both engines read
``\\d`` alike below U+10000.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import counts

SENTENCES = [
    ("plain", "反馈的6个方面23个问题中,已完成21个,约谈干部1.5万人次"),
    ("qualifiers", "约1600家,近百件,超过300人,上千人,大约三十个,最近3家,节约2个"),
    ("ranges", "3至5人,三到五个,1至2万人,2022-3个,0571-8958个"),
    ("big_units", "120余万件,十多万人,2万多人次,1万余人,三大类,五大方面"),
    ("spaced", "共 12 个问题, 3 人次"),
    ("ordinals", "第3次,每3人,八届89次常务会议,一、二、三轮巡察"),
    ("digits_glue", "1,234个,12.5个,10:30个,A3个,１２个"),
    ("astral", "共\U00011F51\U00011F52个问题,12个"),
    ("empty", ""),
]


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


# The count pattern as it was written before the fast paths: the measure words as a
# longest-first alternation (the pattern now holds them as a trie).
_ORIGINAL = regex.compile(counts._COUNT_RE.pattern.replace(counts._UNIT_TRIE, counts._UNITS), regex.VERBOSE)


def _reference(text):
    return _spans(_ORIGINAL.finditer(text, overlapped=True))


def test_the_reference_is_the_alternation():
    assert counts._UNITS in _ORIGINAL.pattern and counts._UNIT_TRIE not in _ORIGINAL.pattern


@pytest.mark.parametrize("text", [s for _, s in SENTENCES], ids=[n for n, _ in SENTENCES])
def test_count_matches_equal_the_overlapped_scan(text):
    with limits.deadline(10):
        assert _spans(counts._count_matches(text)) == _reference(text)


ALPHABET = (
    "0123456789,. 一二三四五六七八九十两兩百千万亿萬億零〇拾佰仟余多约近超过逾上大将接至到-—~～"
    "个人次件项条家名户类方面月部门届轮批期点位前后第每几数、的。,;:\n整改问题意见工作日小组"
    "\U00011F51"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_property_count_matches_equal_the_overlapped_scan(text):
    with limits.deadline(10):
        assert _spans(counts._count_matches(text)) == _reference(text)


def test_both_engines_read_digits_alike_below_the_astral_planes():
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert regex.findall(r"\d", bmp) == re.findall(r"\d", bmp)


def test_twin_checks_the_deadline_on_short_windows():
    twin = limits.Twin(limits.compile(r"\d+个  # a count", regex.VERBOSE))
    with pytest.raises(TimeoutError), limits.deadline(0.001):
        import time

        time.sleep(0.01)
        twin.match("12个", 0)


def test_twin_gives_long_windows_to_the_regex_timer():
    slow = limits.Twin(limits.compile(r"(?:a|aa)+b"))  # exponential backtracking
    with pytest.raises(TimeoutError), limits.deadline(0.3):
        slow.match("a" * (limits.TIMER_MIN_CHARS + 40), 0)


def test_plain_refuses_repetition_and_unknown_flags():
    with pytest.raises(ValueError, match="without repetition"):
        limits.plain(r"[0-9]+")
    with pytest.raises(ValueError, match="no equivalent"):
        limits.plain("a", regex.V1)


# -- document numbers: searched for only near year brackets ----------------------------------------

from zhenggai.mentions import documents  # noqa: E402

DOC_SENTENCES = [
    ("square", "按照浙民发〔2023〕12号文件要求,依据国办发[2022]3号和【2021】第7 号"),
    ("round", "杭政办发(2020)5号,见(2023)3号,市委发（2019）12号"),
    ("long_prefix", "根据中共浙江省委办公厅浙江省人民政府办公厅发〔2023〕1号"),
    ("crowded", "〔2023〔2022〕1号〕2号,发(2023)(2024)3号"),
    ("no_number", "〔2023〕年度,(2023)年"),
]


@pytest.mark.parametrize("text", [s for _, s in DOC_SENTENCES], ids=[n for n, _ in DOC_SENTENCES])
def test_docnumber_matches_equal_the_whole_text_scan(text):
    want = _spans(documents._DOCNUMBER_RE.finditer(text))
    assert _spans(documents._docnumber_matches(text)) == want


DOC_ALPHABET = "〔〕[]［］【】(（)）1920230 第号发函字浙民国办见的。\n年"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=DOC_ALPHABET, max_size=60))
def test_property_docnumber_matches_equal_the_whole_text_scan(text):
    want = _spans(documents._DOCNUMBER_RE.finditer(text))
    assert _spans(documents._docnumber_matches(text)) == want


# -- count nouns: the sure hard stops tested before the pattern ------------------------------------

from zhenggai.mentions import count_context  # noqa: E402


def test_the_sure_hard_stops_hold_no_han_character():
    han = regex.compile(r"\p{Han}")
    below = [c for c in range(ord(count_context.FIRST_HAN)) if han.match(chr(c))]
    assert below == []
    assert [ch for ch in count_context.CJK_PUNCTUATION if han.match(ch)] == []


@pytest.mark.parametrize("text,start,limit", [("12个,问题", 3, None), ("12个问题", 3, 3), ("12个", 3, None),
                                              ("12个。", 3, None), ("12个\n问题", 3, None)])
def test_no_noun_after_a_hard_stop(text, start, limit):
    assert count_context.find_noun(text, start, limit) is None


# -- word lists as tries: the same matches as the longest-first alternations ----------------------

from zhenggai.mentions.word_trie import word_trie  # noqa: E402
from zhenggai.models import load_table, load_words, word_alternation  # noqa: E402

WORD_LISTS = {
    "slogans": list(load_words("slogans.txt")),
    "nouns": [row[0] for row in load_table("counted_nouns.txt") if row[1:] != ("suffix",)],
    "units": [row[0] for row in load_table("measure_words.txt")],
}


@pytest.mark.parametrize("name", list(WORD_LISTS))
def test_trie_matches_the_alternation_on_running_text(name):
    words = WORD_LISTS[name]
    trie, alternation = regex.compile(word_trie(words)), regex.compile(word_alternation(words))
    text = "".join(words[::3]) + "的" + "".join(reversed(words)) + "问题整改" + "".join(w[:-1] for w in words)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]
    assert [m.span() for m in re.finditer(word_trie(words), text)] == [m.span() for m in alternation.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted({w for ws in WORD_LISTS.values() for w in ws} | {"的", "个", "人", "项"})),
                max_size=12))
def test_property_trie_matches_the_alternation(pieces):
    text = "".join(pieces)
    for words in WORD_LISTS.values():
        want = [m.span() for m in regex.finditer(word_alternation(words), text)]
        assert [m.span() for m in re.finditer(word_trie(words), text)] == want


def test_a_trie_has_no_repetition():
    assert not limits.can_repeat(word_trie(WORD_LISTS["nouns"]))


def test_the_never_first_characters_fail_the_first_test():
    first = regex.compile(rf"[\d{counts._CN_START}百千大将接超约近逾上]")
    assert [ch for ch in counts._NEVER_FIRST if first.match(ch)] == []


@pytest.mark.parametrize("text", ["约" + "一" * 3000 + "个", "共" + "1," * 2500 + "3个人", "两" * 2100 + "个" + "3" * 2100 + "人"],
                         ids=["numerals", "grouped", "two_long"])
def test_long_stretches_equal_the_overlapped_scan(text):
    with limits.deadline(30):
        assert _spans(counts._count_matches(text)) == _reference(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789个人次件大类方面以上左右,.的为１２万余约第\n ", max_size=40))
def test_property_digit_counts_equal_the_overlapped_scan(text):
    with limits.deadline(10):
        assert _spans(counts._count_matches(text)) == _reference(text)


def test_a_long_digit_run_takes_the_pattern():
    text = "共" + "1" * (counts._DIGIT_RUN_MAX + 3) + "个,3个"
    assert _spans(counts._count_matches(text)) == _reference(text)
