"""Round 7 shortcuts of the mentions, each against the scan it replaced.

* multiples: the anchors 倍/番 found by ``str.find`` (``CharAnchorScanner``) give the matches of
  ``RunScanner`` and of the whole-text scan; the idioms looked for around each 倍 on ``re``
  (``multiple.idiom_spans``) are the regex module's whole-text matches of the old alternation.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import multiple
from zhenggai.mentions.anchor_scan import CharAnchorScanner
from zhenggai.models import load_words, word_alternation
from zhenggai.scan import RunScanner

_OLD_IDIOMS = limits.compile(word_alternation(load_words("multiple_idioms.txt")))

MULTIPLE_SENTENCES = [
    ("arabic", "是上年的1.5倍,提高2 倍,增长12倍以上"),
    ("chinese", "是去年的三倍,翻一番,翻了两番,实现翻番"),
    ("idioms", "信心百倍,千百倍努力,事半功倍,事倍功半,精神百倍地投入,身价百倍"),
    ("mixed", "以百倍努力实现收入翻番,是2022年的3倍"),
    ("astral", "共\U00011F51\U00011F52倍,12倍"),
    ("none", "整改问题12个,追回资金3万元"),
    ("empty", ""),
]

MULTIPLE_ALPHABET = "0123456789,. 一二三四五六七八九十两百千万点倍番翻了数几成信心精神勇气身价努力事半功的。\n\U00011F51"


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def _multiple_scans(text):
    with limits.deadline(10):
        plain = RunScanner(multiple._MULTIPLE_RE, multiple._CONSUMABLE, anchor="[倍番]", reach=0)
        fast = _spans(multiple._SCANNER.finditer(text))
        assert fast == _spans(plain.finditer(text))
        assert fast == _spans(multiple._MULTIPLE_RE.finditer(text))
        assert multiple.idiom_spans(text) == [m.span() for m in _OLD_IDIOMS.finditer(text)]


@pytest.mark.parametrize("text", [s for _, s in MULTIPLE_SENTENCES], ids=[n for n, _ in MULTIPLE_SENTENCES])
def test_multiple_scans_equal_the_old_scans(text):
    _multiple_scans(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=MULTIPLE_ALPHABET, max_size=80))
def test_multiple_scans_equal_the_old_scans_on_random_text(text):
    _multiple_scans(text)


def test_idioms_dense_with_bei_take_the_whole_text_scan():
    text = "信心百倍千百倍" * 200  # more than matches_near's few keys, one every few characters
    assert multiple.idiom_spans(text) == [m.span() for m in _OLD_IDIOMS.finditer(text)]


def test_char_anchor_scanner_reads_its_characters_as_the_class():
    pat = limits.compile(r"\d+[倍番]", regex.VERBOSE)
    scanner = CharAnchorScanner(pat, r"\d倍番", chars="倍番")
    assert [m.group() for m in scanner.finditer("番3倍4番,5倍")] == ["3倍", "4番", "5倍"]
    assert scanner._anchor.pattern == "[倍番]"


# -- the merge: spans that claim no character twice (the usual case) skip the precedence walk --

from tests.test_mention_merge import KINDS, _reference  # noqa: E402  (the plain merge, written once)
from zhenggai.mentions import PRECEDENCE, merge  # noqa: E402
from zhenggai.mentions import _disjoint  # noqa: E402
from zhenggai.mentions.base import Found  # noqa: E402


@st.composite
def _disjoint_by_kind(draw):
    """Numeric spans that never overlap (gaps and lengths drawn; kinds shuffled over them),
    each kind's in start order as the finders give them, and titles anywhere."""
    by_kind = {k: [] for k in KINDS}
    pos = 0
    for _ in range(draw(st.integers(0, 25))):
        pos += draw(st.integers(0, 3))
        length = draw(st.integers(1, 5))
        kind = draw(st.sampled_from(PRECEDENCE))
        by_kind[kind].append(Found(kind, pos, pos + length, "x" * length))
        pos += length
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, pos + 2))
        length = draw(st.integers(0, 8))
        by_kind["document"].append(Found("document", start, start + length, "《》"))
    return by_kind


@settings(max_examples=500, deadline=None)
@given(_disjoint_by_kind())
def test_merge_of_disjoint_spans_equals_the_plain_merge(by_kind):
    assert _disjoint(by_kind) is not None
    assert merge(by_kind) == _reference(by_kind)


@pytest.mark.parametrize(
    "spans",
    [
        [("date", 0, 4), ("count", 4, 6)],  # touching: no overlap
        [("date", 0, 4), ("count", 3, 6)],  # overlapping: precedence decides
        [("money", 5, 5), ("count", 1, 3)],  # an empty span: the sort decides
        [("count", 2, 4), ("date", 2, 4)],  # the same characters: the date keeps them
    ],
    ids=["touching", "overlapping", "empty", "same"],
)
def test_merge_edges(spans):
    by_kind = {k: [] for k in KINDS}
    for kind, start, end in spans:
        by_kind[kind].append(Found(kind, start, end, "x" * (end - start)))
    assert merge(by_kind) == _reference(by_kind)
    assert (_disjoint(by_kind) is not None) == (spans[0][0] == "date" and spans[1][1] == 4 and spans[0][2] == 4)


# -- document numbers: the year brackets found by str.find per bracket --

from zhenggai.mentions import documents  # noqa: E402

BRACKET_ALPHABET = "〔[［【(（〕]］】)）1920号发文字〔2023〕\n "


@pytest.mark.parametrize(
    "text",
    ["(2023)〔2022〕(3)[1999]", "浙民发〔2023〕12号", "((2020", "〔19〔20", "（2024）年", "", "(" * 300 + "2023)"],
    ids=["mixed", "docnumber", "nested", "adjacent", "full_width", "empty", "hostile"],
)
def test_year_brackets_equal_the_class_scan(text):
    assert documents.year_brackets(text) == [m.start() for m in documents._YEAR_BRACKET.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=BRACKET_ALPHABET, max_size=80))
def test_year_brackets_equal_the_class_scan_on_random_text(text):
    assert documents.year_brackets(text) == [m.start() for m in documents._YEAR_BRACKET.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=BRACKET_ALPHABET + "国办中纪根据印见", max_size=80))
def test_docnumbers_equal_the_whole_text_scan(text):
    with limits.deadline(10):
        assert [m.span() for m in documents._docnumber_matches(text)] == [
            m.span() for m in documents._DOCNUMBER_RE.finditer(text)
        ]
