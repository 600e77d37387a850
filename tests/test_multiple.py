"""Tests for zhenggai.mentions.multiple.find_multiples."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_EXPECTED
from zhenggai.mentions.multiple import find_multiples
from zhenggai.normalize import normalize

D = Decimal

# (sentence, mention text, start, value)
ARABIC = [
    ("补贴标准提高到原来的1.5倍", "1.5倍", 10, D("1.5")),
    ("申报数量是上年的2倍", "2倍", 8, D("2")),
    ("服务人次增长 3 倍", "3 倍", 7, D("3")),
]
CHINESE = [
    ("受理量达到去年同期的两倍", "两倍", 10, D("2")),
    ("覆盖面扩大三倍", "三倍", 5, D("3")),
    ("效率提升了十倍", "十倍", 5, D("10")),
    ("资金量是原先的一点五倍", "一点五倍", 7, D("1.5")),
]
FANFAN = [
    ("床位数量翻一番", "翻一番", 4, D("2")),
    ("志愿者人数翻两番", "翻两番", 5, D("4")),
    ("助餐点数量翻了一番", "翻了一番", 5, D("2")),
    ("三年内实现翻番", "翻番", 5, D("2")),
]

CASES = ARABIC + CHINESE + FANFAN
IDS = (
    [f"arabic-{i}" for i in range(len(ARABIC))]
    + [f"chinese-{i}" for i in range(len(CHINESE))]
    + [f"fanfan-{i}" for i in range(len(FANFAN))]
)


@pytest.mark.parametrize("sentence, text, start, value", CASES, ids=IDS)
def test_multiple(sentence, text, start, value):
    found = find_multiples(sentence)
    assert len(found) == 1, found
    f = found[0]
    assert f.kind == "multiple"
    assert (f.text, f.start, f.end) == (text, start, start + len(text))
    assert sentence[f.start : f.end] == f.text
    assert f.values["value"] == value


def test_two_multiples():
    found = find_multiples("认定标准从最低生活保障标准的1.5倍放宽到2倍")
    assert [(f.text, f.values["value"]) for f in found] == [("1.5倍", D("1.5")), ("2倍", D("2"))]


NON_MULTIPLE = [
    ("服务能力倍增", "beizeng"),
    ("加倍努力抓好落实", "jiabei"),
    ("干部群众信心百倍", "idiom-xinxin"),
    ("做到事半功倍", "idiom-shiban"),
    ("收入增长数十倍", "vague-shushi"),
    ("效益提升十几倍", "vague-shiji"),
    ("资金成倍增加", "chengbei"),
    ("倍感责任重大", "beigan"),
]


@pytest.mark.parametrize("sentence", [c[0] for c in NON_MULTIPLE], ids=[c[1] for c in NON_MULTIPLE])
def test_not_multiple(sentence):
    assert find_multiples(sentence) == []


_ALPHABET = st.sampled_from(list("0123456789.,倍翻番了一两二三四五十百千万点数几信心功半增加 元%《》\n"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_property_multiple(text):
    last_end = -1
    for f in find_multiples(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= last_end
        last_end = f.end
        assert isinstance(f.values["value"], Decimal) and f.values["value"] > 0


def test_seed_multiple(seed_text):
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["mentions"]["multiple"]
    found = find_multiples(normalize(seed_text).text)
    for exp in expected:
        hits = [f for f in found if f.start < exp["end"] and exp["start"] < f.end]
        assert hits, exp
        assert hits[0].values["value"] == Decimal(str(exp["value"]))
