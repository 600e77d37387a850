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


# -- money and percent: the anchors listed once per text by str.find --

from zhenggai.mentions import money, percent  # noqa: E402
from zhenggai.mentions.anchor_scan import _Located, anchor_starts  # noqa: E402

ANCHOR_ALPHABET = (
    "0123456789,. %％‰一二三四五六七八九十两兩半百千万亿点點分之个個成多余以上下内左右"
    "元圆圓人民币RMB¥￥约近超过逾不足到至-—~～负完的。\n\U00011F51"
)
_POSITIONED = [("money", money._SCANNER_TWIN), ("percent", percent._SCANNER)]


def _run_starts_agree(text):
    for _, scanner in _POSITIONED:
        starts = anchor_starts(text, scanner.words)
        if starts is None:
            continue
        located = _Located(scanner, *starts)
        with limits.deadline(10):
            for n in {len(text), max(0, len(text) - 1), len(text) // 2}:
                for pos in range(n + 1):
                    old = scanner._anchor.search(text, pos, n)  # LiteralAnchorScanner's re search
                    new = located._run_at(text, pos, n)
                    assert (new is None) == (old is None), (text, pos, n)
                    if old is not None:
                        assert new == scanner._anchor_to_end.match(text, old.start(), n).span()


def _whole_scans_agree(text):
    with limits.deadline(10):
        assert _spans(percent._SCANNER.finditer(text)) == _spans(percent._PERCENT_RE.finditer(text))
        if not limits.astral(text):  # (find_money sends astral text to money._SCANNER)
            assert _spans(money._SCANNER_TWIN.finditer(text)) == _spans(money._MONEY_RE.finditer(text))


@pytest.mark.parametrize(
    "text",
    ["整改完成率达到98.71%,三分之二,提高5个百分点,下降0.5個百分點,占四成,完成整改,7成多",
     "追回资金111.95万元,人民币约100万元,¥ 1,234.00,RMB 300万,5至10万元,元旦,单元",
     "完成" * 500 + "三成", "3%" * 500, ""],
    ids=["percent", "money", "many_cheng", "hostile", "empty"],
)
def test_positioned_anchors_equal_the_re_search(text):
    _run_starts_agree(text[:300])
    _whole_scans_agree(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ANCHOR_ALPHABET, max_size=50))
def test_positioned_anchors_equal_the_re_search_on_random_text(text):
    _run_starts_agree(text)
    _whole_scans_agree(text)


def test_anchor_words_are_the_anchor_branches():
    assert "|".join(w for w, _ in money._ANCHOR_WORDS) == money._ANCHOR
    assert set(percent._TENTHS_AFTER) == set("一二三四五六七八九十两兩半") | set("0123456789")
    assert anchor_starts("3%" * 500, percent._SCANNER.words) is None  # past the cap: the re search
