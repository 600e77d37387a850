"""Traditional characters: detection and same-length simplification."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.read import is_traditional, to_simplified
from zhenggai.read.script import traditional_share


@pytest.mark.parametrize(
    "text,expected",
    [
        ("關於巡察整改情況的通報", "关于巡察整改情况的通报"),
        ("截至目前，巡察反饋的12個問題已全部整改完畢。", "截至目前，巡察反馈的12个问题已全部整改完毕。"),
        ("追回資金12.5萬元，整改完成率達到96.3%。", "追回资金12.5万元，整改完成率达到96.3%。"),
        ("关于巡察整改情况的通报", "关于巡察整改情况的通报"),
        ("", ""),
    ],
    ids=["title", "counts", "money-percent", "already-simplified", "empty"],
)
def test_to_simplified(text, expected):
    assert to_simplified(text) == expected
    assert len(to_simplified(text)) == len(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("關於市公共資源交易中心巡察整改情況的通報", True),
        ("按照市委統一部署，市委第五巡察組於2022年6月至8月對市公共資源交易中心進行了巡察。", True),
        ("按照市委统一部署，市委第五巡察组于2022年6月至8月对市公共资源交易中心进行了巡察。", False),
        ("乾坤", False),  # one convertible character is no traditional text
        ("2023年6月2日", False),
    ],
    ids=["title", "sentence", "simplified-sentence", "single-variant", "no-han"],
)
def test_is_traditional(text, expected):
    assert is_traditional(text) is expected


def test_share_separates_scripts():
    assert traditional_share("巡察反饋的問題已全部整改") > 0.2
    assert traditional_share("巡察反馈的问题已全部整改") == 0.0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=300))
def test_to_simplified_keeps_length_and_non_han(text):
    out = to_simplified(text)
    assert len(out) == len(text)
    for a, b in zip(text, out):
        if a != b:
            assert "\u3400" <= a <= "\u9fff" or "\uf900" <= a <= "\ufaff"


TRADITIONAL_NOTICE = (
    "中共某市交通運輸局黨組關於市委巡察整改進展情況的通報\n"
    "來源：某市紀委監委網站　發佈時間：2023-09-12\n"
    "一、關於「工程項目監管不到位」問題\n"
    "1.強化工程質量監督。開展專項檢查6次。\n"
    "2.規範招標投標管理。修訂管理辦法2項。\n"
)


@pytest.mark.parametrize(
    "path,expected",
    [
        (("sections", 0, "heading"), "关于「工程项目监管不到位」问题"),
        (("sections", 0, "issue"), "工程项目监管不到位"),
        (("sections", 0, "children", 0, "heading"), "强化工程质量监督"),
        (("source", "site"), "某市纪委监委网站"),
        (("title",), "中共某市交通运输局党组关于市委巡察整改进展情况的通报"),
    ],
    ids=["heading", "issue-without-corner-brackets", "measure-heading", "site", "title"],
)
def test_traditional_notice_reports_simplified_strings(path, expected):
    from zhenggai import extract_notice

    record = extract_notice(TRADITIONAL_NOTICE.encode("utf-8"), name="notice.txt").model_dump(mode="json")
    value = record
    for key in path:
        value = value[key]
    assert value == expected


# -- the table-driven t2s conversion: the same output as OpenCC's own ------------------------------

def _opencc(text: str) -> str:
    from zhenggai.read.script import _converter

    return _converter().convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "一目瞭然，不瞭解情況",          # phrases whose characters alone would convert differently
        "上鍊上鍊上鍊",                    # the same phrase again and again in one piece
        "乾隆年間的乾燥天氣",              # 乾 kept in a phrase, converted alone
        "國際 發展-計劃,完畢",             # separators OpenCC splits at
        "",
    ],
    ids=["phrases", "repeated-phrase", "phrase-vs-char", "separators", "empty"],
)
def test_t2s_matches_opencc(text):
    from zhenggai.read.script import _t2s

    assert _t2s(text) == _opencc(text)


def _phrases() -> list[str]:
    from zhenggai.read.script import _t2s_tables

    return sorted(_t2s_tables()[1])


_PIECES = st.one_of(st.sampled_from(_phrases()), st.sampled_from(list("國際發展計劃乾瞭鍊，。 -的了")))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_property_t2s_matches_opencc(text):
    """Phrases (overlapping, repeated, split by separators) mixed with characters convert as OpenCC does."""
    from zhenggai.read.script import _t2s

    assert _t2s(text) == _opencc(text)


# -- the class shortcut of the detection: the same answer as the set test ---------------------------

def _traditional_in_gb2312() -> list[str]:
    """The traditional-only characters GB2312 still encodes (乾, 於 …): the hard cases for a simplified notice."""
    from zhenggai.read.script import traditional_chars

    def encodable(ch: str) -> bool:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True

    return sorted(ch for ch in traditional_chars() if encodable(ch))


def _pool() -> list[str]:
    from zhenggai.read.script import traditional_chars

    return _traditional_in_gb2312() + sorted(traditional_chars())[:40] + list("整改情况—\\abc，。〇•…乾坤")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_pool()), max_size=15).map("".join))
def test_property_may_hold_traditional_is_the_set_test(text):
    from zhenggai.read.script import _may_hold_traditional, traditional_chars

    assert _may_hold_traditional(text) is (not traditional_chars().isdisjoint(text))


@pytest.mark.parametrize(
    "text,expected",
    [("整改情况—完成", False), ("乾坤", True), ("關於", True), ("a\\b", False), ("整改\ud800", False)],
    ids=["dash", "gb2312-traditional", "not-gb2312", "backslash", "surrogate"],
)
def test_may_hold_traditional(text, expected):
    from zhenggai.read.script import _may_hold_traditional

    assert _may_hold_traditional(text) is expected


def _astral_pool() -> list[str]:
    from zhenggai.read.script import _traditional_astral

    return sorted(_traditional_astral())[:20] + ["\U00020000", "\U0001D7CF", "\U0001F600"] + list("整改乾關—\\")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_astral_pool()), max_size=12).map("".join))
def test_property_may_hold_traditional_beyond_the_bmp(text):
    # the class covers the characters below U+10000; the ones beyond are a set test in astral text
    from zhenggai.read.script import _may_hold_traditional, traditional_chars

    assert _may_hold_traditional(text) is (not traditional_chars().isdisjoint(text))


def test_class_and_astral_set_are_the_traditional_characters():
    from zhenggai.read.script import _traditional_astral, _traditional_bmp_re, traditional_chars

    bmp = "".join(sorted(ch for ch in traditional_chars() if ch <= "\uffff"))
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert "".join(_traditional_bmp_re().findall(every)) == bmp  # exactly those, in code point order
    assert _traditional_bmp_re().search("关于巡察整改情况的通报,共12个问题。—\\") is None
    assert _traditional_astral() | set(bmp) == traditional_chars()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_astral_pool() + _pool()), max_size=15).map("".join))
def test_property_counts_are_the_character_counts(text):
    # traditional characters counted by the class (and the set beyond U+FFFF): the plain count
    import regex

    from zhenggai.read.script import _counts, traditional_chars

    trad = sum(ch in traditional_chars() for ch in text)
    if trad:
        assert _counts(text) == (trad, len(regex.findall(r"\p{Han}", text)))
    else:
        assert _counts(text) == (0, 0)
