"""Tests for the count extractor (zhenggai.mentions.counts).

Sentences are written for these tests in the style of rectification notices.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions.counts import find_counts
from zhenggai.models import load_table, load_words

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_TXT = SEEDS / "hangzhou-civil-affairs-2023.txt"
SEED_EXPECTED = SEEDS / "hangzhou-civil-affairs-2023.expected.json"

# (sentence, text, value, unit, noun, approx) — the count written as `text` in the sentence.
ARABIC = [
    ("梳理反馈问题17个,已整改15个", "17个", 17, "个", None, False),
    ("制定整改措施46项,明确责任人", "46项", 46, "项", None, False),
    ("约谈提醒科级干部12人次", "12人次", 12, "人次", None, False),
    ("共收到信访件9件,均已办结", "9件", 9, "件", None, False),
    ("走访困难家庭214户", "214户", 214, "户", None, False),
    ("查处违纪违法案件3起", "3起", 3, "起", None, False),
    ("全区1,260名党员参加", "1,260名", 1260, "名", "党员", False),
    ("督查组抽查12家单位", "12家", 12, "家", "单位", False),
    ("共排查整改隐患30 处", "30 处", 30, "处", None, False),  # a PDF space before the measure word
    ("入户核查1200户次", "1200户次", 1200, "户次", None, False),
    ("梳理出3大类21小项风险点", "21小项", 21, "小项", "风险点", False),
    ("开设廉政微党课24节", "24节", 24, "节", None, False),
    ("补齐项目档案58卷", "58卷", 58, "卷", None, False),
    ("整理归档文书 96 卷", "96 卷", 96, "卷", None, False),  # a scraped space before the measure word
]
CHINESE = [
    ("修订完善制度十二项", "十二项", 12, "项", None, False),
    ("两个方面的问题已整改", "两个", 2, "个", "方面", False),
    ("统一三项标准", "三项", 3, "项", "标准", False),
    ("分为三组开展督查", "三组", 3, "组", None, False),
    ("共有一百零八名志愿者", "一百零八名", 108, "名", "志愿者", False),
    ("新增床位三千张", "三千张", 3000, "张", None, False),
]
APPROX = [
    ("梳理相关文件200余份,形成汇编", "200余份", 200, "份", None, True),
    ("建成约900家社区食堂,实现全覆盖", "约900家", 900, "家", "社区食堂", True),
    ("每季度开展谈心谈话3次以上", "3次以上", 3, "次", None, True),
    ("近百件信访件已办结", "近百件", 100, "件", "信访件", True),
    ("上千人参加了警示教育", "上千人", 1000, "人", None, True),
    ("二十余人受到提醒", "二十余人", 20, "人", None, True),
    ("整改措施三百多条已落实", "三百多条", 300, "条", None, True),
    ("惠及困难群众两千余户", "两千余户", 2000, "户", None, True),
    ("超过300人参加", "超过300人", 300, "人", None, True),
    ("逾百家企业签订承诺书", "逾百家", 100, "家", "企业", True),
    ("每组安排3至5人", "3至5人", 3, "人", None, True),
    ("集中学习100人左右", "100人左右", 100, "人", None, True),
    ("最近3家单位完成整改", "3家", 3, "家", "单位", False),
]
NOUNS = [
    ("反馈的6个方面23个具体问题中", "6个", 6, "个", "方面", False),
    ("已形成5个方面18项重点任务,逐项推进", "18项", 18, "项", "重点任务", False),
    ("剩余2个问题正在整改", "2个", 2, "个", "问题", False),
    ("对3份干部档案进行核查", "3份", 3, "份", "干部档案", False),
    ("持续巩固60条整改措施的成果", "60条", 60, "条", "整改措施", False),
    ("建成12个养老服务中心,运行良好", "12个", 12, "个", "养老服务中心", False),
    ("开展督查5轮,着力解决", "5轮", 5, "轮", None, False),
    ("清理违规人员9名,减少编外岗位", "9名", 9, "名", None, False),
    ("排查12家发现隐患", "12家", 12, "家", None, False),
    ("覆盖3个县(市、区)", "3个", 3, "个", "县", False),
    ("建立以十大维度、40余项指标构成的评价体系", "40余项", 40, "项", "指标", True),
    ("新建8家镇街综合为老服务中心站点、", "8家", 8, "家", None, False),  # too long to delimit
]
MULTIPLIERS = [
    ("全年服务1.5万人次", "1.5万人次", 15000, "人次", None, False),
    ("惠及3.2万户家庭", "3.2万户", 32000, "户", "家庭", False),
    ("累计培训3千人", "3千人", 3000, "人", None, False),
    ("约3万余户完成改造", "约3万余户", 30000, "户", None, True),
    ("1万多人参与", "1万多人", 10000, "人", None, True),
]
TRADITIONAL = [
    ("兩個方面的問題", "兩個", 2, "個", "方面", False),
    ("發現參個問題", "參個", 3, "個", "問題", False),
    ("建立制度貳拾項,", "貳拾項", 20, "項", None, False),
    ("全年服務2萬人次", "2萬人次", 20000, "人次", None, False),
]

CASES = (
    [pytest.param(*c, id=f"arabic-{c[1]}") for c in ARABIC]
    + [pytest.param(*c, id=f"chinese-{c[1]}") for c in CHINESE]
    + [pytest.param(*c, id=f"approx-{c[1]}") for c in APPROX]
    + [pytest.param(*c, id=f"noun-{c[1]}-{c[4]}") for c in NOUNS]
    + [pytest.param(*c, id=f"wan-{c[1]}") for c in MULTIPLIERS]
    + [pytest.param(*c, id=f"traditional-{c[1]}") for c in TRADITIONAL]
)


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "noun", "approx"), CASES)
def test_count(sentence, text, value, unit, noun, approx):
    found = [f for f in find_counts(sentence) if f.text == text]
    assert len(found) == 1, (sentence, find_counts(sentence))
    f = found[0]
    assert f.kind == "count"
    assert sentence[f.start : f.end] == text
    assert f.values["value"] == Decimal(value)
    assert isinstance(f.values["value"], Decimal)
    assert f.values["unit"] == unit
    assert f.values["noun"] == noun
    assert f.values["approx"] is approx


NON_COUNTS = [
    # ordinals
    ("ordinal-第四个", "第四个问题的整改情况"),
    ("ordinal-第一批", "列入第一批试点单位"),
    ("ordinal-第3次", "第3次专题会议"),
    ("ordinal-第2节", "按照第2节的要求"),
    ("word-节约", "推动2节约型机关建设"),
    ("word-卷宗", "调阅3卷宗材料"),
    ("ordinal-range", "第1至3批名单"),
    # dates and durations
    ("date-ymd", "2023年5月8日至6月20日"),
    ("duration-3个月", "用3个月时间集中整治"),
    ("duration-24小时", "提供24小时值守服务"),
    ("duration-3天", "3天内完成"),
    ("duration-2周", "每2周通报"),
    ("duration-5年", "用5年时间建成"),
    ("duration-工作日", "在5个工作日内办结"),
    # a duration whose measure word is shared over a conjunction: both numbers are durations
    ("duration-shared-工作日", "办理时限分别缩短至12个和8个工作日"),
    ("duration-shared-月", "整改期限定为3个或6个月"),
    # ranks: 前/后 with 位/名, or after 排名
    ("rank-后3位", "对考评排名后3位的科室进行约谈"),
    ("rank-前三名", "评选出前三名并通报表扬"),
    ("rank-排在前10个", "综合得分排在前10个的项目优先安排"),
    # money, percent, multiple
    ("money", "追回资金3万元"),
    ("money-decimal", "涉及金额12.5万元"),
    ("percent", "整改完成率达到98%"),
    ("percent-points", "提高3个百分点"),
    ("multiple", "标准提高到1.5倍"),
    ("decimal", "平均3.5个"),
    # slogans and idioms
    ("slogan-两个维护", "坚决做到两个维护"),
    ("slogan-两个确立", "深刻领悟两个确立"),
    ("slogan-四个意识", "增强四个意识"),
    ("slogan-四个自信", "坚定四个自信"),
    ("slogan-三张清单", "细化三张清单"),
    ("slogan-四张清单", "完善四张清单"),
    ("slogan-一岗双责", "落实一岗双责"),
    ("slogan-十个一", "开展十个一活动"),
    ("slogan-八项规定", "严守中央八项规定精神"),
    ("slogan-三重一大", "执行三重一大决策制度"),
    ("slogan-三会一课", "坚持三会一课"),
    ("slogan-两学一做", "推进两学一做常态化"),
    ("slogan-四风", "持续纠治四风"),
    ("slogan-五个一", "开展五个一活动"),
    ("slogan-一票否决", "实行一票否决"),
    ("idiom-千家万户", "服务走进千家万户"),
    ("idiom-三番五次", "三番五次催办"),
    # Chinese-numeral counts inside short quotes
    ("quoted-两项", "落实“两项”补贴政策"),
    ("quoted-整合一批", "落实“整合一批、提升一批”要求"),
    ("quoted-三项机制", "建立‘三项机制’"),
    # bare 一 as a determiner
    ("determiner-一个", "形成一个机制"),
    ("determiner-一批", "建立一批制度"),
    ("determiner-一项", "开展一项专项行动"),
    ("determiner-一次", "进行一次全面排查"),
    ("determiner-一套", "制定一套流程"),
    # not measure words, names, codes
    ("单人户", "以单人户方式纳入保障"),
    ("一把手", "落实一把手责任"),
    ("九大预案", "制定九大应急预案"),
    ("三级", "三级残疾人"),
    ("二次供水", "推进二次供水改造"),
    ("team-巡察四组", "市委巡察四组进驻"),
    ("division-综合二处", "由综合二处牵头"),
    ("phone", "联系电话:0571-87651234"),
    ("phone-bare", "联系方式:87651234;"),
    ("docnumber", "浙民发〔2023〕12号"),
    ("address", "滨河路88号"),
    ("group-5人小组", "成立5人小组"),
    ("classifier-noun-部门", "12部门联合发文"),
    ("population", "涉及5万人口"),
    ("vague-几十个", "几十个问题"),
    ("vague-数百名", "数百名干部"),
    ("vague-三四个", "三四个单位"),
    ("distributive", "每3人一组"),
    ("title", "印发《关于加强基层治理的二十条措施》"),
    ("title-with-slogan", "印发《关于落实两个维护的实施意见和二十条措施》"),
    ("slogan-quoted-tail", "实现两个“一百年”奋斗目标"),
]


@pytest.mark.parametrize("sentence", [s for _, s in NON_COUNTS], ids=[i for i, _ in NON_COUNTS])
def test_not_a_count(sentence):
    assert find_counts(sentence) == []


def test_several_counts_in_order_and_not_overlapping():
    text = "市委巡察组移交信访件5件,办结5件,诫勉谈话3人,建立制度12项,约谈2名同志。"
    found = find_counts(text)
    assert [f.text for f in found] == ["5件", "5件", "3人", "12项", "2名"]
    assert [f.values["noun"] for f in found] == [None, None, None, None, "同志"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_arabic_count_inside_long_quote_is_kept():
    text = "关于“反馈的7个问题中仍有2个问题整改进度滞后”问题的整改情况"
    assert [f.text for f in find_counts(text)] == ["7个", "2个"]


def test_lexicons_load():
    rows = load_table("measure_words.txt")
    kinds = {row[1] for row in rows}
    assert kinds == {"count", "not"}
    units = {row[0] for row in rows if row[1] == "count"}
    assert {"个", "项", "人次", "件次", "户次"} <= units
    assert not units & {"年", "月", "日", "天", "周", "小时", "岁", "元", "米", "吨", "亩", "号", "大", "级"}
    assert len(load_words("slogans.txt")) >= 60
    assert {row[1] for row in load_table("counted_nouns.txt")} == {"head", "stop", "word", "suffix"}


def test_userdict_lines_are_jieba_format():
    from zhenggai.models import load_text

    lines = [line for line in load_text("userdict.txt").splitlines() if line.strip()]
    assert len(lines) >= 150
    for line in lines:
        word, freq, pos = line.split(" ")
        assert word and freq.isdigit() and pos.isalpha()
    assert {"巡察组", "整改措施", "谈话提醒", "党纪政务处分", "一岗双责"} <= {line.split(" ")[0] for line in lines}


_FRAGMENTS = st.sampled_from(
    list("0123456789一二三四五六七八九十百千万两兩參貳个项条人次件家户余多约近第每“”‘’《》,、。 -.")
    + ["人次", "以上", "左右", "超过", "问题", "个月", "两个维护", "1.5万", "〔2023〕", "年", "元", "%"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_FRAGMENTS, max_size=40).map("".join)))
def test_any_text_gives_valid_counts(text):
    found = find_counts(text)
    previous_end = 0
    for f in found:
        assert f.kind == "count"
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= previous_end
        previous_end = f.end
        assert isinstance(f.values["value"], Decimal) and f.values["value"] >= 0
        assert f.values["unit"] and f.values["unit"] in f.text
        assert f.values["noun"] is None or (0 < len(f.values["noun"]) <= 8)
        assert isinstance(f.values["approx"], bool)


def test_seed_counts():
    if not (SEED_TXT.is_file() and SEED_EXPECTED.is_file()):
        pytest.skip("the real sample notice ../shared/seeds/ is not present")
    text = SEED_TXT.read_text(encoding="utf-8")
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["mentions"]["count"]
    assert len(expected) == 24
    found = find_counts(text)
    matched: set[int] = set()
    for e in expected:
        hits = [f for f in found if f.start < e["end"] and e["start"] < f.end]
        assert len(hits) == 1, e
        f = hits[0]
        assert f.values["value"] == Decimal(str(e["value"])), e
        assert f.values["unit"] == e["unit"], e
        if "approx" in e:
            assert f.values["approx"] is e["approx"], e
        if "noun" in e:
            assert f.values["noun"] == e["noun"], e
        matched.add(f.start)
    extra = [f.text for f in found if f.start not in matched]
    assert extra == []


# Held-out round 2: a frequency's 一次 counts (like 每季度1次); 一次 elsewhere is a determiner.
# 档 counts archive files (4.2万档 地质资料).
ONCE_AND_FILES = [
    ("once_per_quarter", "街道每季度开展一次入户走访", [("一次", Decimal("1"), "次")]),
    ("once_per_half_year", "结余资金每半年清理一次,防止沉淀", [("一次", Decimal("1"), "次")]),
    ("once_per_month_then_noun", "学院每月组织一次集体备课", [("一次", Decimal("1"), "次")]),
    ("determiner_once_is_no_count", "对全部库点进行一次全面清查", []),
    ("one_off_is_no_count", "每年安排一次性补助资金", []),
    ("archive_files", "累计公开馆藏资料3.6万档,", [("3.6万档", Decimal("36000"), "档")]),
    ("grade_is_no_count", "服务质量提升2档次", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ONCE_AND_FILES], ids=[c[0] for c in ONCE_AND_FILES])
def test_once_per_period_and_archive_files(text, expected):
    assert [(f.text, f.values["value"], f.values["unit"]) for f in find_counts(text)] == expected


# Held-out round 3: frequencies with a long clause between 每 and 一次; sessions and listed
# rounds are ordinals; 点 counts opinions and 方面 counts aspects without 个; nouns behind
# words holding a stop character (集中) or ending in a facility (水厂).
ROUND3 = [
    ("once_long_clause", "每半年对全部下属企业资金往来情况核查一次", [("一次", Decimal("1"), "次")]),
    ("session_after_term", "经县政府十届42次常务会议研究", []),
    ("session_after_congress", "在市十五届人大三次会议上", []),
    ("session_after_standing_committee", "区十三届人大常委会八次会议", []),
    ("meetings_after_term_change_counted", "换届后召开4次党组会议专题研究", [("4次", Decimal("4"), "次")]),
    ("meetings_counted", "先后召开5次常务会议研究整改", [("5次", Decimal("5"), "次")]),
    ("listed_rounds_ordinal", "市委第二、三、四轮巡察发现的问题", []),
    ("listed_rounds_no_di", "县委五、六轮巡察反馈", []),
    ("rounds_counted", "组织开展3轮交叉检查", [("3轮", Decimal("3"), "轮")]),
    ("points_of_opinion", "检查组提出5点整改意见", [("5点", Decimal("5"), "点")]),
    ("points_chinese", "会上提出两点具体要求,", [("两点", Decimal("2"), "点")]),
    ("points_opinions_suggestions", "形成四点意见建议", [("四点", Decimal("4"), "点")]),
    ("time_of_day_no_count", "每天下午5点召开调度会", []),
    ("aspects_without_ge", "梳理出5方面21项问题", [("5方面", Decimal("5"), "方面"), ("21项", Decimal("21"), "项")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ROUND3], ids=[c[0] for c in ROUND3])
def test_round3_counts(text, expected):
    assert [(f.text, f.values["value"], f.values["unit"]) for f in find_counts(text)] == expected


ROUND3_NOUNS = [
    ("word_holding_stop", "抽调人员组成两个集中核查组。", "集中核查组"),
    ("facility_after_place", "对57家乡镇污水厂开展排查,", "乡镇污水厂"),
    ("work_team", "下设5个工作专班,", "工作专班"),
    ("under_construction", "对8个在建项目开展", "在建项目"),
    ("points_noun", "提出3点整改意见。", "整改意见"),
]


@pytest.mark.parametrize("text,noun", [c[1:] for c in ROUND3_NOUNS], ids=[c[0] for c in ROUND3_NOUNS])
def test_round3_nouns(text, noun):
    assert find_counts(text)[0].values["noun"] == noun


# Held-out round 4: a count right after a dotted date and a (normalised) comma; 具 and 列 as measure words.
ROUND4 = [
    ("after_dotted_date_comma", "截至2024.6.30,15个问题已整改12个", [("15个", Decimal("15"), "个"), ("12个", Decimal("12"), "个")]),
    ("after_slashed_date_comma", "截至2024/6/30,8项任务已完成", [("8项", Decimal("8"), "项")]),
    ("odd_grouping_tail_refused", "共计3,4567人", []),
    ("equipment_ju", "配发灭火器材86具", [("86具", Decimal("86"), "具")]),
    ("trains_lie", "全年开行中欧班列1,046列", [("1,046列", Decimal("1046"), "列")]),
    ("lieru_is_no_count", "将其中3列入年度计划", []),
    ("once_closing_clause", "今年二季度将开展全覆盖检查一次。", [("一次", Decimal("1"), "次")]),
    ("once_every_two_weeks", "每2周通报一次", [("一次", Decimal("1"), "次")]),
    ("once_before_noun_is_determiner", "开展一次全覆盖检查。", []),
    ("once_again_is_adverb", "会上再一次,强调纪律", []),
    ("big_aspects", "提出存在的4大方面11个问题", [("4大方面", Decimal("4"), "大方面"), ("11个", Decimal("11"), "个")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ROUND4], ids=[c[0] for c in ROUND4])
def test_round4_counts(text, expected):
    assert [(f.text, f.values["value"], f.values["unit"]) for f in find_counts(text)] == expected


# Issue 11.4: 余/多 before 万 and a range whose 万 is written once.
WAN_QUALIFIED = [
    ("duo_after_wan", "服务群众2万多人次", "2万多人次", Decimal("20000"), "人次", True),
    ("yu_before_wan", "办理业务120余万件", "120余万件", Decimal("1200000"), "件", True),
    ("decimal_wan", "接待群众137.6万人次", "137.6万人次", Decimal("1376000"), "人次", False),
    ("chinese_yu_before_wan", "惠及十余万人", "十余万人", Decimal("100000"), "人", True),
    ("range_shares_wan", "带动1至2万人就业", "1至2万人", Decimal("10000"), "人", True),
    ("chinese_range_shares_wan", "吸纳三到五万人", "三到五万人", Decimal("30000"), "人", True),
    ("plain_range_unchanged", "每组3至5人", "3至5人", Decimal("3"), "人", True),
    ("after_a_label_colon", "整改措施:42条", "42条", Decimal("42"), "条", False),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "approx"), [c[1:] for c in WAN_QUALIFIED],
                         ids=[c[0] for c in WAN_QUALIFIED])
def test_counts_with_wan(sentence, text, value, unit, approx):
    (f,) = find_counts(sentence)
    assert (f.text, f.values["value"], f.values["unit"], f.values["approx"]) == (text, value, unit, approx)


# Issue 12.7: a noun phrase stops before a verb; a modifier noun + head noun stays whole.
NOUN_PHRASES = [
    ("modifier_place_then_institution", "11家乡镇敬老院,", "乡镇敬老院"),
    ("institution_then_verb", "11家乡镇敬老院开展消防检查", "乡镇敬老院"),
    ("people_then_verb", "42名医师下沉乡镇卫生院", "医师"),
    ("people_then_other_verb", "20名干部深入基层走访", "干部"),
    ("village_clinic", "建成5个村卫生室,", "村卫生室"),
    ("school_measure_suo", "8所学校完成改造", "学校"),
    ("police_station", "新建3个派出所。", "派出所"),
    ("head_then_unknown_verb", "12个问题立行立改,", "问题"),
    ("known_head_unchanged", "134家乡镇自来水厂", "乡镇自来水厂"),
    ("teachers_sent", "选派120名教师支教", "教师"),
    ("head_holding_a_stop_verb", "对1名科室负责人进行诫勉谈话", "科室负责人"),
    ("adverb_before_verb", "3间商铺重新签订租赁合同", "商铺"),
    ("full_coverage_is_no_verb", "开展全覆盖检查1次全覆盖检查,", "全覆盖检查"),
]


@pytest.mark.parametrize(("text", "noun"), [c[1:] for c in NOUN_PHRASES], ids=[c[0] for c in NOUN_PHRASES])
def test_noun_phrase_boundary(text, noun):
    assert find_counts(text)[0].values["noun"] == noun


def test_a_time_before_a_count_is_still_refused():
    assert [f.text for f in find_counts("会议于10:30召开")] == []


# Round 8: a converted PDF keeps its page furniture; a duration cut by a page break is no count.
PAGE_BREAKS = [
    ("duration-cut-by-page-number-and-header",
     "某县自然资源局文件\n正文\n办理时间由5个工作日压缩至3个\n\n— 3 —\n\n某县自然资源局文件\n\n工作日，办件量增长。", []),
    ("count-before-page-break-kept", "某县自然资源局文件\n正文\n验收项目3个\n\n— 3 —\n\n某县自然资源局文件\n\n新增耕地入库。",
     ["3个"]),
    ("line-end-without-furniture-kept", "某县自然资源局文件\n正文\n验收项目3个\n工作日志已归档。", ["3个"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in PAGE_BREAKS], ids=[c[0] for c in PAGE_BREAKS])
def test_duration_cut_by_page_break(text, expected):
    assert [f.text for f in find_counts(text)] == expected
