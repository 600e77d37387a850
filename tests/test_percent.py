"""Tests for zhenggai.mentions.percent.find_percents."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_EXPECTED
from zhenggai.mentions.percent import find_percents
from zhenggai.normalize import normalize

D = Decimal

# (sentence, mention text, start, value, approx)
SIGNS = [
    ("问题整改完成率为99%", "99%", 8, D("99"), False),
    ("群众满意度达到98.71%", "98.71%", 7, D("98.71"), False),
    ("按期办结率96.5％", "96.5％", 5, D("96.5"), False),
    ("资金执行率 100 %", "100 %", 6, D("100"), False),
    ("差错率控制在5‰以内", "5‰以内", 6, D("0.5"), True),
]
QUALIFIERS = [
    ("整改到位率65%以上", "65%以上", 5, D("65"), True),
    ("覆盖约80%的社区", "约80%", 2, D("80"), True),
    ("近90%的问题已销号", "近90%", 0, D("90"), True),
    ("超过95%的单位完成自查", "超过95%", 0, D("95"), True),
    ("参保率达到97%左右", "97%左右", 5, D("97"), True),
]
CHINESE = [
    ("建档率达到百分之九十", "百分之九十", 5, D("90"), False),
    ("合格率为百分之九十五点五", "百分之九十五点五", 4, D("95.5"), False),
    ("做到百分之百全覆盖", "百分之百", 2, D("100"), False),
    ("抽查比例不低于百分之5", "百分之5", 7, D("5"), False),
    ("覆盖百分之八十以上的村社", "百分之八十以上", 2, D("80"), True),
]
FRACTIONS = [
    ("须有三分之二的委员到会", "三分之二", 2, D("66.67"), False),
    ("四分之一的项目进度滞后", "四分之一", 0, D("25"), False),
    ("按千分之五计提", "千分之五", 1, D("0.5"), False),
    ("不超过万分之三", "不超过万分之三", 0, D("0.03"), True),
    ("占比不足十分之一", "不足十分之一", 2, D("10"), True),
    ("超过三分之一以上", "超过三分之一以上", 0, D("33.33"), True),
]
CASES = SIGNS + QUALIFIERS + CHINESE + FRACTIONS
IDS = (
    [f"sign-{i}" for i in range(len(SIGNS))]
    + [f"qualifier-{i}" for i in range(len(QUALIFIERS))]
    + [f"chinese-{i}" for i in range(len(CHINESE))]
    + [f"fraction-{i}" for i in range(len(FRACTIONS))]
)


@pytest.mark.parametrize("sentence, text, start, value, approx", CASES, ids=IDS)
def test_percent(sentence, text, start, value, approx):
    found = find_percents(sentence)
    assert len(found) == 1, found
    f = found[0]
    assert f.kind == "percent"
    assert (f.text, f.start, f.end) == (text, start, start + len(text))
    assert sentence[f.start : f.end] == f.text
    assert f.values["value"] == value
    assert f.values["approx"] is approx


def test_two_percents_and_normalised_text():
    norm = normalize("办结率由８５％提升至９７．５％").text
    found = find_percents(norm)
    assert [(f.text, f.values["value"]) for f in found] == [("85%", D("85")), ("97.5%", D("97.5"))]


NON_PERCENT = [
    ("按百分比分配名额", "baifenbi"),
    ("理顺各部分之间的关系", "bufen-zhi"),
    ("这项工作十分重要", "shifen"),
    ("满分100分", "manfen"),
    ("会议开始3分之后", "fen-zhihou"),
    ("实行百分制考核", "baifenzhi"),
    ("版本号v2.5%", "code-tail"),
    ("收回资金12.5万元", "money"),
    ("同比提高5个百分点", "points-arabic"),
    ("投诉率下降0.8个百分点", "points-decimal"),
    ("比上年增加两个百分点", "points-chinese"),
]


@pytest.mark.parametrize("sentence", [c[0] for c in NON_PERCENT], ids=[c[1] for c in NON_PERCENT])
def test_not_percent(sentence):
    assert find_percents(sentence) == []


_ALPHABET = st.sampled_from(
    list("0123456789.,%％‰约近超过以上下左右百千万分之一二两三四五九十点个部满比 元倍《》\n-－负成半多至到個點员")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_property_percent(text):
    last_end = -1
    for f in find_percents(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= last_end
        last_end = f.end
        assert isinstance(f.values["value"], Decimal)
        assert f.values["value"] >= 0 or any(sign in f.text for sign in "-－−负負")  # only a written sign
        if f.values["value_max"] is not None:
            assert f.values["value_max"] >= f.values["value"]
        assert isinstance(f.values["approx"], bool)


def test_seed_percent(seed_text):
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["mentions"]["percent"]
    found = find_percents(normalize(seed_text).text)
    for exp in expected:
        hits = [f for f in found if f.start < exp["end"] and exp["start"] < f.end]
        assert hits, exp
        assert hits[0].values["value"] == Decimal(str(exp["value"]))


# Held-out round 2: tenths (四成) are rates after a share or level word; 成 in words is not.
TENTHS = [
    ("share_of_total", "新提任干部中年轻干部占总数的三成。", [("三成", Decimal("30"), False)]),
    ("reached_with_tail", "村集体收入达到六成以上", [("六成以上", Decimal("60"), True)]),
    ("near", "受访群众中近七成,", [("近七成", Decimal("70"), True)]),
    ("idiom", "工作方法一成不变", []),
    ("built_then_count", "已建成三个服务站", []),
    ("condition_grade", "收回设备九成新", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in TENTHS], ids=[c[0] for c in TENTHS])
def test_tenths(text, expected):
    assert [(f.text, f.values["value"], f.values["approx"]) for f in find_percents(text)] == expected


# Held-out round 3: a blank after the decimal point in scraped text (88. 4%) belongs to the
# number, except where the number starts a line (a "2. 5%…" list marker then a rate); tenths
# with 多 (七成多) or after 占比 are approximate rates.
ROUND3 = [
    ("blank_after_point", "全年整改销号率88. 4%,", [("88. 4%", Decimal("88.4"), False)]),
    ("blank_after_point_and_before_sign", "覆盖率为 97. 25 %。", [("97. 25 %", Decimal("97.25"), False)]),
    ("blank_after_point_approx", "群众知晓率达到约90. 5%以上", [("约90. 5%以上", Decimal("90.5"), True)]),
    ("line_start_marker_kept", "情况如下:\n2. 5%的资金尚未拨付", [("5%", Decimal("5"), False)]),
    ("text_start_marker_kept", "3. 12%的村已完成", [("12%", Decimal("12"), False)]),
    ("tenths_and_more", "回访对象满意的达七成多,", [("七成多", Decimal("70"), True)]),
    ("tenths_more_before_noun", "约有六成多群众参与评议", [("六成多", Decimal("60"), True)]),
    ("tenths_share_ratio", "女性干部占比四成以上", [("四成以上", Decimal("40"), True)]),
    ("tenths_then_de", "超过五成的社区已建成", [("超过五成", Decimal("50"), True)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ROUND3], ids=[c[0] for c in ROUND3])
def test_round3_percents(text, expected):
    found = find_percents(text)
    assert [(f.text, f.values["value"], f.values["approx"]) for f in found] == expected
    assert all(text[f.start : f.end] == f.text for f in found)


# Issue 11.4: tenths standing alone, signs, exact fractions, ranges, and points as their own kind.
from zhenggai.mentions.percent import find_points, find_shares  # noqa: E402

ALONE_TENTHS = [
    ("san", "全年任务完成三成", "三成", Decimal("30"), None, False),
    ("jiu", "九成村庄已完成改厕", "九成", Decimal("90"), None, False),
    ("liang", "两成以下的单位", "两成以下", Decimal("20"), None, True),
    ("half", "压减三成半", "三成半", Decimal("35"), None, False),
    ("decimal", "比例提高到2.5成", "2.5成", Decimal("25"), None, False),
    ("above", "七成以上问题已销号", "七成以上", Decimal("70"), None, True),
    ("traditional_liang", "約兩成,", "約兩成", Decimal("20"), None, True),
    ("ten_tenths", "达到十成", "十成", Decimal("100"), None, False),
    ("half_tenth", "仅占半成", "半成", Decimal("5"), None, False),
    ("chinese_decimal_tenths", "约八点五成,", "约八点五成", Decimal("85"), None, True),
    ("hundredths_after_cheng", "满意率达九成五。", "九成五", Decimal("95"), None, False),
    ("hundredths_then_above", "七成六以上", "七成六以上", Decimal("76"), None, True),
]
FRACTIONS_AND_RANGES = [
    ("permille_word", "差错率控制在千分之五", "千分之五", Decimal("0.5"), None, False),
    ("per_ten_thousand", "万分之四的比例", "万分之四", Decimal("0.04"), None, False),
    ("per_ten_million", "误差千万分之六,", "千万分之六", Decimal("0.00006"), None, False),
    ("third_rounded", "三分之二的问题", "三分之二", Decimal("66.67"), None, False),
    ("adjacent_digits_range", "占百分之二三十", "百分之二三十", Decimal("20"), Decimal("30"), False),
    ("sign_range", "压减预算10%至30%", "10%至30%", Decimal("10"), Decimal("30"), False),
    ("bare_range", "降低20-30%", "20-30%", Decimal("20"), Decimal("30"), False),
    ("year_dash_no_range", "2022-30%的比例", "30%", Decimal("30"), None, False),
    ("tenths_range", "压减三到四成", "三到四成", Decimal("30"), Decimal("40"), False),
    ("tenths_adjacent_digits", "约有两三成", "两三成", Decimal("20"), Decimal("30"), True),
    ("fraction_more", "占百分之三十多", "百分之三十多", Decimal("30"), None, True),
    ("fraction_range", "下降百分之三十至四十", "百分之三十至四十", Decimal("30"), Decimal("40"), False),
    ("fraction_range_repeated", "占百分之三十至百分之四十", "百分之三十至百分之四十", Decimal("30"), Decimal("40"), False),
    ("negative_fraction", "增速为负百分之三", "负百分之三", Decimal("-3"), None, False),
]
SIGNED = [
    ("hyphen", "同比增长-3.8%", "-3.8%", Decimal("-3.8")),
    ("fu", "增速为负3.9%", "负3.9%", Decimal("-3.9")),
    ("traditional_fu", "增速為負2.4%", "負2.4%", Decimal("-2.4")),
    ("fullwidth_minus", "利润增长－122%", "－122%", Decimal("-122")),
    ("decrease_word", "下降3.2%", "3.2%", Decimal("3.2")),
    ("plus_minus_is_no_sign", "误差控制在正负5%以内", "5%以内", Decimal("5")),
]


@pytest.mark.parametrize(("text", "span", "value", "value_max", "approx"), [c[1:] for c in ALONE_TENTHS + FRACTIONS_AND_RANGES],
                         ids=[c[0] for c in ALONE_TENTHS + FRACTIONS_AND_RANGES])
def test_shares_and_ranges(text, span, value, value_max, approx):
    (f,) = find_percents(text)
    assert (f.text, f.values["value"], f.values["value_max"], f.values["approx"]) == (span, value, value_max, approx)


@pytest.mark.parametrize(("text", "span", "value"), [c[1:] for c in SIGNED], ids=[c[0] for c in SIGNED])
def test_signed_percent(text, span, value):
    (f,) = find_percents(text)
    assert (f.text, f.values["value"]) == (span, value)


NOT_TENTHS = [
    ("idiom", "工作方法一成不变"),
    ("flock", "三五成群聚集"),
    ("member", "三成员单位"),
    ("grade", "设备八成新"),
    ("ordinal", "第三成立"),
    ("vague_fraction", "占百分之十几"),
    ("semi_finished", "库存半成品"),
    ("ten_members", "二十成员单位"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_TENTHS], ids=[c[0] for c in NOT_TENTHS])
def test_not_tenths(text):
    assert find_percents(text) == []


POINTS = [
    ("arabic", "完成率提高12个百分点", "12个百分点", Decimal("12")),
    ("decimal", "下降0.5个百分点", "0.5个百分点", Decimal("0.5")),
    ("liang", "提高两个百分点", "两个百分点", Decimal("2")),
    ("chinese_decimal", "上升二点三个百分点", "二点三个百分点", Decimal("2.3")),
    ("traditional", "增長3.6個百分點", "3.6個百分點", Decimal("3.6")),
    ("no_ge", "提高5百分点", "5百分点", Decimal("5")),
    ("and_a_half", "提高三个半百分点", "三个半百分点", Decimal("3.5")),
    ("half", "下降半个百分点", "半个百分点", Decimal("0.5")),
    ("more", "高出两个多百分点", "两个多百分点", Decimal("2")),
]


@pytest.mark.parametrize(("text", "span", "value"), [c[1:] for c in POINTS], ids=[c[0] for c in POINTS])
def test_points_are_their_own_kind(text, span, value):
    percents, points = find_shares(text)
    assert percents == []
    (f,) = points
    assert (f.kind, f.text, f.values["value"]) == ("points", span, value)
    assert find_points(text) == points


def test_points_beside_a_percent():
    percents, points = find_shares("就业率63.5%,较上年提高4.2个百分点")
    assert [(f.text, f.values["value"]) for f in percents] == [("63.5%", Decimal("63.5"))]
    assert [(f.text, f.values["value"]) for f in points] == [("4.2个百分点", Decimal("4.2"))]


def test_points_in_a_record_and_never_a_count():
    from zhenggai.api import extract_text

    record = extract_text("群众满意度较去年提高6.5个百分点,办结率98%。")
    kinds = [(m.kind, m.text) for m in record.mentions]
    assert ("points", "6.5个百分点") in kinds and ("percent", "98%") in kinds
    assert not any(kind == "count" for kind, _ in kinds)


def test_two_fractions_are_two_mentions():
    assert [f.text for f in find_percents("占三分之一到二分之一")] == ["三分之一", "二分之一"]
