"""Tests for zhenggai.mentions.money.find_money."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_EXPECTED
from zhenggai.mentions.money import find_money
from zhenggai.normalize import normalize

D = Decimal

# (sentence, mention text, start, value, value_max, approx)
PLAIN = [
    ("督促退回多领补贴3860元", "3860元", 8, D("3860"), None, False),
    ("全年压减会议费用12.5万元", "12.5万元", 8, D("125000"), None, False),
    ("盘活闲置资产价值2.36亿元", "2.36亿元", 8, D("236000000"), None, False),
    ("追缴违规发放津贴111.95万元", "111.95万元", 8, D("1119500"), None, False),
    ("年度预算规模3千元以下的零星采购", "3千元以下", 6, D("3000"), None, True),
    ("列入财政预算1.2万亿元", "1.2万亿元", 6, D("1200000000000"), None, False),
    ("统筹安排专项资金3千万元", "3千万元", 8, D("30000000"), None, False),
]
SEPARATORS = [
    ("审计发现违规列支1,234.5万元", "1,234.5万元", 8, D("12345000"), None, False),
    ("核减工程结算款2,860元", "2,860元", 7, D("2860"), None, False),
]
CHINESE = [
    ("下达补助资金一百二十万元", "一百二十万元", 6, D("1200000"), None, False),
    ("累计投入三千余万元", "三千余万元", 4, D("30000000"), None, True),
    ("争取上级资金一点五亿元", "一点五亿元", 6, D("150000000"), None, False),
    ("设立引导基金两亿元", "两亿元", 6, D("200000000"), None, False),
    ("每户一次性补助两千元", "两千元", 7, D("2000"), None, False),
    ("造成损失三四万元", "三四万元", 4, D("30000"), D("40000"), True),
    ("退还多收的工本费五元。", "五元", 8, D("5"), None, False),
    ("收回资金陆元整", "陆元", 4, D("6"), None, False),
]
QUALIFIERS = [
    ("涉及资金1376万余元", "1376万余元", 4, D("13760000"), None, True),
    ("挤占挪用427余万元", "427余万元", 4, D("4270000"), None, True),
    ("带动社会投资近3亿元", "近3亿元", 6, D("300000000"), None, True),
    ("节约经费约5000元", "约5000元", 4, D("5000"), None, True),
    ("涉及金额约3,200元", "约3,200元", 4, D("3200"), None, True),
    ("撬动社会资本3亿余元", "3亿余元", 6, D("300000000"), None, True),
    ("单笔500万元以上的支出须集体决策", "500万元以上", 2, D("5000000"), None, True),
    ("为困难群众减负超过800万元", "超过800万元", 7, D("8000000"), None, True),
    ("清理欠款逾200万元", "逾200万元", 4, D("2000000"), None, True),
    ("人均增收5000元左右", "5000元左右", 4, D("5000"), None, True),
    ("发放慰问金300多元", "300多元", 5, D("300"), None, True),
    ("慈善基金规模达到8.6亿元", "8.6亿元", 8, D("860000000"), None, False),
]
CURRENCY = [
    ("退缴违纪款人民币100万元", "人民币100万元", 5, D("1000000"), None, False),
    ("收受礼金人民币约2万元", "人民币约2万元", 4, D("20000"), None, True),
    ("报销金额为￥1,234.00", "￥1,234.00", 5, D("1234"), None, False),
    ("合同价¥ 58,000", "¥ 58,000", 3, D("58000"), None, False),
    ("罚没人民币30万", "人民币30万", 2, D("300000"), None, False),
]
RANGES = [
    ("每个项目补助5万至10万元", "5万至10万元", 6, D("50000"), D("100000"), False),
    ("奖励标准为5至10万元", "5至10万元", 5, D("50000"), D("100000"), False),
    ("单项补贴5万-10万元", "5万-10万元", 4, D("50000"), D("100000"), False),
    ("按5万～10万元分档发放", "5万～10万元", 1, D("50000"), D("100000"), False),
    ("每人每月补贴300元至500元", "300元至500元", 6, D("300"), D("500"), False),
    ("补助500至10万元不等", "500至10万元", 2, D("500"), D("100000"), False),
    ("工程款2亿到3亿元", "2亿到3亿元", 3, D("200000000"), D("300000000"), False),
]
# Typeset/scraped reports leave one blank between the figure and its unit.
SCRAPED = [
    ("涉及问题资金61208.35 万元,已整改", "61208.35 万元", 6, D("612083500"), None, False),
    ("补助标准2万至4.5 万元不等", "2万至4.5 万元", 4, D("20000"), D("45000"), False),
]

CASES = PLAIN + SEPARATORS + CHINESE + QUALIFIERS + CURRENCY + RANGES + SCRAPED
IDS = (
    [f"plain-{i}" for i in range(len(PLAIN))]
    + [f"separator-{i}" for i in range(len(SEPARATORS))]
    + [f"chinese-{i}" for i in range(len(CHINESE))]
    + [f"qualifier-{i}" for i in range(len(QUALIFIERS))]
    + [f"currency-{i}" for i in range(len(CURRENCY))]
    + [f"range-{i}" for i in range(len(RANGES))]
    + [f"scraped-blank-{i}" for i in range(len(SCRAPED))]
)


@pytest.mark.parametrize("sentence, text, start, value, value_max, approx", CASES, ids=IDS)
def test_money(sentence, text, start, value, value_max, approx):
    found = find_money(sentence)
    assert len(found) == 1, found
    f = found[0]
    assert f.kind == "money"
    assert (f.text, f.start, f.end) == (text, start, start + len(text))
    assert sentence[f.start : f.end] == f.text
    assert f.values["value"] == value
    assert f.values["value_max"] == value_max
    assert f.values["approx"] is approx


def test_value_is_canonical():
    # Exact and without trailing zeros, so equality and JSON output are both clean.
    f = find_money("累计追回资金111.95万元")[0]
    assert str(f.values["value"]) == "1119500"
    assert str(find_money("¥1,234.50")[0].values["value"]) == "1234.5"


def test_several_in_one_sentence():
    sentence = "分别追回资金12.5万元、3860元和人民币两万元,另有5万元待追缴"
    found = find_money(sentence)
    assert [f.text for f in found] == ["12.5万元", "3860元", "人民币两万元", "5万元"]
    assert [f.values["value"] for f in found] == [D("125000"), D("3860"), D("20000"), D("50000")]
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_on_normalised_fullwidth_text():
    raw = "追回资金１２．５万元，约３，２００元"
    norm = normalize(raw).text
    assert [f.values["value"] for f in find_money(norm)] == [D("125000"), D("3200")]


NON_MONEY = [
    ("元旦春节期间开展明察暗访", "yuandan"),
    ("对3号楼2单元进行改造", "danyuan"),
    ("推动基层多元共治", "duoyuan"),
    ("推进城乡一元化管理", "yiyuanhua"),
    ("破解城乡二元结构", "eryuan-jiegou"),
    ("加强党建元素融入", "yuansu"),
    ("公元前后的文物", "gongyuan"),
    ("当年的万元户", "wanyuanhu"),
    ("服务群众3万人次", "wan-without-yuan"),
    ("惠及困难群众12.5万人", "decimal-wan-people"),
    ("引进外资100万美元", "usd"),
    ("资金5至10万欧元", "eur-range"),
    ("兑付港币100万元", "hkd-prefix"),
    ("挽回损失数万元", "vague-shu"),
    ("涉及十几万元", "vague-jishi"),
    ("2022-2023年度工作", "year-range"),
    ("第一单元", "ordinal"),
    ("推动三元素融合发展", "yuansu-numeral"),
    # Real-page audit: a one-numeral "amount" that is a personal name.
    ("编辑:陆元刚  审核:李某", "name-after-label"),
    ("摄影 伍元", "name-alone-after-byline"),
    ("经办人柒元平签字确认", "given-name-char-after"),
]


@pytest.mark.parametrize("sentence", [c[0] for c in NON_MONEY], ids=[c[1] for c in NON_MONEY])
def test_not_money(sentence):
    assert find_money(sentence) == []


_ALPHABET = st.sampled_from(
    list("0123456789.,-~至到余多约近超逾以上下左右元万亿千百十一二两三四五点零人民币¥￥美港化旦单户% 《》\n"
         "－负圆角分钱含()佰仟肆叁壹")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_property_money(text):
    found = find_money(text)
    last_end = -1
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= last_end  # sorted, non-overlapping
        last_end = f.end
        assert isinstance(f.values["value"], Decimal)
        assert f.values["value"] >= 0 or any(sign in f.text for sign in "-－−负負")  # only a written sign
        if f.values["value_max"] is not None:
            assert f.values["value_max"] >= f.values["value"]
        assert isinstance(f.values["approx"], bool)


def test_seed_money(seed_text):
    """Every money mention the real sample expects is found with its value."""
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["mentions"]["money"]
    found = find_money(normalize(seed_text).text)
    for exp in expected:
        hits = [f for f in found if f.start < exp["end"] and exp["start"] < f.end]
        assert hits, exp
        assert hits[0].values["value"] == Decimal(str(exp["value"]))


# Issue 11.4: a unit written once on the high end is shared by the low end; -- and (含) ranges.
SHARED_UNIT_RANGES = [
    ("chinese_wan", "每个项目补助一百二十到一百五十万元。", "一百二十到一百五十万元", D("1200000"), D("1500000")),
    ("chinese_qianwan", "单个项目投资一千到两千万元之间", "一千到两千万元", D("10000000"), D("20000000")),
    ("chinese_yi", "带动投资七千到九千亿元", "七千到九千亿元", D("700000000000"), D("900000000000")),
    ("chinese_small", "奖励三到五万元", "三到五万元", D("30000"), D("50000")),
    ("traditional_wan", "給予一百到三百萬元獎勵", "一百到三百萬元", D("1000000"), D("3000000")),
    ("double_hyphen", "处1万元--5万元罚款", "1万元--5万元", D("10000"), D("50000")),
    ("inclusive_mark", "采购金额1万(含)-5万元的", "1万(含)-5万元", D("10000"), D("50000")),
    ("inclusive_fullwidth_parens", "金额10万（含）至50万元", "10万（含）至50万元", D("100000"), D("500000")),
    ("arabic_high_unit", "发行专项债券10-20亿元", "10-20亿元", D("1000000000"), D("2000000000")),
    ("bare_digit_takes_first_place", "投资两到三百亿元", "两到三百亿元", D("20000000000"), D("30000000000")),
    ("bare_digit_qianwan", "补助两到三千万元", "两到三千万元", D("20000000"), D("30000000")),
    ("bare_digit_shi_wan", "奖励五到十万元", "五到十万元", D("50000"), D("100000")),
]


@pytest.mark.parametrize(("sentence", "text", "value", "value_max"), [c[1:] for c in SHARED_UNIT_RANGES],
                         ids=[c[0] for c in SHARED_UNIT_RANGES])
def test_range_shares_its_unit(sentence, text, value, value_max):
    (f,) = find_money(sentence)
    assert (f.text, f.values["value"], f.values["value_max"]) == (text, value, value_max)


# 角 and 分 after 元, alone (Arabic digits), and 大写 amounts with 圆.
CENTS_AND_CAPITALS = [
    ("jiao_fen", "收取费用123元4角5分", "123元4角5分", D("123.45")),
    ("chinese_yuan_arabic_cents", "退还一百二十三元1角1分", "一百二十三元1角1分", D("123.11")),
    ("jiao_alone", "每张加收5角", "5角", D("0.5")),
    ("jiao_fen_alone", "单价3角5分。", "3角5分", D("0.35")),
    ("fen_before_qian", "电价下调2分钱", "2分", D("0.02")),
    ("capital_yuan_round", "合同金额肆佰叁拾萬圆整", "肆佰叁拾萬圆", D("4300000")),
    ("capital_wan_qian", "退款壹万贰仟元", "壹万贰仟元", D("12000")),
    ("capital_after_currency", "收到人民币叁仟伍佰元整", "人民币叁仟伍佰元", D("3500")),
    ("capital_jiao", "计叁拾元伍角", "叁拾元伍角", D("30.5")),
    ("traditional_yi_over", "涉及資金逾5380億元", "逾5380億元", D("538000000000")),
    ("renminbi_after_yi", "总投资2.5亿人民币", "2.5亿人民币", D("250000000")),
    ("renminbi_after_wan", "融资3000万人民币。", "3000万人民币", D("30000000")),
    ("capitals_without_yuan", "核定金额肆佰叁拾萬", "肆佰叁拾萬", D("4300000")),
    ("capitals_mixed_wan_without_yuan", "退款壹万贰仟,", "壹万贰仟", D("12000")),
    ("capitals_with_jiao_fen", "合计人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分", "人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分", D("123456.78")),
    ("included_bound_then_above", "合同金额50万元(含)以上的", "50万元(含)以上", D("500000")),
]


@pytest.mark.parametrize(("sentence", "text", "value"), [c[1:] for c in CENTS_AND_CAPITALS],
                         ids=[c[0] for c in CENTS_AND_CAPITALS])
def test_cents_and_capitals(sentence, text, value):
    (f,) = find_money(sentence)
    assert (f.text, f.values["value"]) == (text, value)
    assert sentence[f.start : f.end] == f.text


SIGNED = [
    ("hyphen", "利润总额-3.8亿元", "-3.8亿元", D("-380000000")),
    ("fullwidth_minus", "净利润－1200万元", "－1200万元", D("-12000000")),
    ("fu", "经营结余负3亿元", "负3亿元", D("-300000000")),
    ("decrease_word_is_no_sign", "收入下降3.2亿元", "3.2亿元", D("320000000")),
    ("range_dash_is_no_sign", "补助5万-10万元", "5万-10万元", D("50000")),
]


@pytest.mark.parametrize(("sentence", "text", "value"), [c[1:] for c in SIGNED], ids=[c[0] for c in SIGNED])
def test_sign_is_kept(sentence, text, value):
    (f,) = find_money(sentence)
    assert (f.text, f.values["value"]) == (text, value)


NOT_MONEY_NEW = [
    ("place_wujiaochang", "前往五角场街道调研"),
    ("score", "年度考核扣3分"),
    ("star", "悬挂5角星标志"),
    ("yuanman", "确保三圆满完成"),
    ("minutes", "会议用时5元5分钟"),
    ("shoushi", "收拾好会议室"),
    ("luxu", "陆续完成整改"),
    ("bare_shi_capital", "叁拾"),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NOT_MONEY_NEW], ids=[c[0] for c in NOT_MONEY_NEW])
def test_not_money_new_forms(sentence):
    assert all("分" not in f.text and "角" not in f.text and "圆" not in f.text for f in find_money(sentence))
