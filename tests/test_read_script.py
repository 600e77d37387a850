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
