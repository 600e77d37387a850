"""Inspection facts from the preamble: kind, body, team, target, mode, round, period, feedback day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_facts_support import date, mentions, node
from zhenggai.facts import find_inspection

D = dt.date

CASES = [
    (
        "county_two_sentences",
        "根据县委统一部署,2023年3月6日至5月10日,县委第二巡察组对县交通运输局党组开展了常规巡察。"
        "2023年6月15日,县委巡察组向县交通运输局党组反馈了巡察意见。",
        None,
        {"kind": "巡察", "body": "县委", "team": "县委第二巡察组", "target": "县交通运输局党组",
         "mode": "常规巡察", "start": D(2023, 3, 6), "end": D(2023, 5, 10), "feedback_date": D(2023, 6, 15)},
    ),
    (
        "central_round",
        "根据十九届中央第八轮巡视工作统一部署,2021年10月12日至12月25日,中央第六巡视组对某某部党组进行了常规巡视。"
        "2022年2月20日,中央巡视组向某某部党组反馈了巡视意见。",
        None,
        {"kind": "巡视", "body": "中央", "team": "中央第六巡视组", "target": "某某部党组", "mode": "常规巡视",
         "round": "十九届中央第八轮巡视", "round_number": 8,
         "start": D(2021, 10, 12), "end": D(2021, 12, 25), "feedback_date": D(2022, 2, 20)},
    ),
    (
        "feedback_in_same_sentence",
        "省委第二巡视组于2022年4月18日至6月20日对省林业局党组进行了巡视,并于8月30日反馈了巡视意见。",
        None,
        {"kind": "巡视", "body": "省委", "team": "省委第二巡视组", "target": "省林业局党组",
         "start": D(2022, 4, 18), "end": D(2022, 6, 20), "feedback_date": D(2022, 8, 30)},
    ),
    (
        "group_month_range",
        "按照集团党委部署,2023年5月至6月,集团党委第三巡察组对某某分公司党委开展了提级巡察。",
        None,
        {"kind": "巡察", "body": "集团党委", "team": "集团党委第三巡察组", "target": "某某分公司党委",
         "mode": "提级巡察", "start": D(2023, 5, 1), "end": D(2023, 6, 30)},
    ),
    (
        "look_back_round",
        "2022年9月,市委第一巡察组对市住建局党组开展了巡察“回头看”,11月8日反馈了巡察意见。",
        None,
        {"kind": "巡察", "body": "市委", "team": "市委第一巡察组", "target": "市住建局党组",
         "mode": "巡察“回头看”", "start": D(2022, 9, 1), "feedback_date": D(2022, 11, 8)},
    ),
    (
        "team_number_after_kind",
        "区委巡察四组对区文旅局党组开展了专项巡察。",
        None,
        {"kind": "巡察", "body": "区委", "team": "区委巡察四组", "target": "区文旅局党组", "mode": "专项巡察"},
    ),
    (
        "audit_office",
        "2023年3月至5月,省审计厅对我局2022年度预算执行情况进行了审计。现将整改情况报告如下。",
        "关于2022年度预算执行审计发现问题整改情况的报告",
        {"kind": "审计", "body": "省审计厅", "target": "我局2022年度预算执行情况",
         "start": D(2023, 3, 1), "end": D(2023, 5, 31)},
    ),
    (
        "audit_reporting_office_is_not_the_body",
        "市审计局局长 某某\n受市政府委托,现将审计查出问题的整改情况报告如下。",
        "关于2022年度市级预算执行审计查出问题整改情况的报告",
        {"kind": "审计"},
    ),
    (
        "body_from_title_only",
        "根据有关要求,现将整改情况予以公布。",
        "中共某县司法局党组关于县委巡察整改情况的通报",
        {"kind": "巡察", "body": "县委"},
    ),
    (
        "round_in_title",
        "根据部署,市委第三巡察组对市档案馆党组开展了常规巡察。",
        "中共某市档案馆党组关于十届市委第四轮巡察整改情况的通报",
        {"kind": "巡察", "body": "市委", "team": "市委第三巡察组", "target": "市档案馆党组", "mode": "常规巡察",
         "round": "十届市委第四轮巡察", "round_number": 4},
    ),
    # Audit rectification reports scraped without their title line.
    (
        "audit_genre_phrase_without_title",
        "区审计局局长 某某\n受区政府委托,现将2021年度区本级预算执行审计查出问题的整改情况报告如下。",
        None,
        {"kind": "审计"},
    ),
    (
        "audit_genre_after_inspection_word_stays_inspection",
        "公司党委召开会议,研究巡察整改和审计整改工作。",
        None,
        {"kind": "巡察"},
    ),
    (
        "audit_period_not_the_plan_year",
        "根据区委审计委员会2023年度审计项目计划,区审计局派出审计组,自2023年6月5日至9月15日,"
        "对区住建局2022年度部门预算执行情况进行了审计。",
        None,
        {"kind": "审计", "body": "区审计局", "target": "区住建局2022年度部门预算执行情况",
         "start": D(2023, 6, 5), "end": D(2023, 9, 15)},
    ),
    (
        "audit_fiscal_year_in_target_is_no_period",
        "县审计局组织对2021年度县级预算执行和其他财政收支情况进行了审计。",
        None,
        {"kind": "审计", "body": "县审计局", "target": "2021年度县级预算执行和其他财政收支情况"},
    ),
    (
        "rectifying_feedback_opinions_is_no_feedback_day",
        "十届省委第三轮巡视结束后,省委巡视办于2022年5月中旬至6月底对上轮巡视反馈意见整改落实情况开展了专项督查。",
        None,
        {"kind": "巡视", "body": "省委", "round": "十届省委第三轮巡视", "round_number": 3},
    ),
    (
        "bare_team_word_is_no_team",
        "根据区委部署,2023年4月10日至6月2日,区委组建3个巡察组对区教育局等5家单位开展了常规巡察。",
        None,
        {"kind": "巡察", "target": "区教育局等5家单位", "mode": "常规巡察",
         "start": D(2023, 4, 10), "end": D(2023, 6, 2)},
    ),
    (
        "feedback_only_team_sentence_no_period_no_false_target",
        "2023年9月5日,县委第一巡察组向镇党委反馈了巡察意见。巡察办还对县委第一巡察组进驻期间的工作作风进行了测评。",
        None,
        {"kind": "巡察", "team": "县委第一巡察组", "body": "县委", "feedback_date": D(2023, 9, 5)},
    ),
    (
        "feedback_opinions_as_noun_no_feedback_day",
        "学校党委于2021年10月下旬对化学学院开展了巡察工作,化学学院根据巡察反馈意见,制定了整改方案。",
        None,
        {"kind": "巡察", "target": "化学学院", "start": D(2021, 10, 21)},
    ),
    (
        "plan_year_before_the_period",
        "根据集团党委2024年巡察工作计划,2024年4月8日至5月30日,集团党委第二巡察组对物流公司党委开展了常规巡察。",
        None,
        {"kind": "巡察", "body": "集团党委", "team": "集团党委第二巡察组", "target": "物流公司党委",
         "mode": "常规巡察", "start": D(2024, 4, 8), "end": D(2024, 5, 30)},
    ),
    (
        # body + mode + 巡察组, no group number: a team all the same
        "body_mode_team_without_number",
        "2024年5月中旬至6月下旬,区委专项巡察组对区医疗保障局党组开展了专项巡察。",
        None,
        {"kind": "巡察", "body": "区委", "team": "区委专项巡察组", "target": "区医疗保障局党组",
         "mode": "专项巡察", "start": D(2024, 5, 11), "end": D(2024, 6, 30)},
    ),
    (
        "mode_team_without_body_is_no_team",
        "2024年5月,机动巡察组对区医疗保障局党组开展了机动巡察。",
        None,
        {"kind": "巡察", "target": "区医疗保障局党组", "mode": "机动巡察", "start": D(2024, 5, 1)},
    ),
]


# A place written before a territorial body stays in the team as written; the body is the bare 县委/市委.
PLACE_TEAMS = [
    ("county_name_before_body", "2024年3月4日至4月26日,平川县委第三巡察组对县林业局党组开展了交叉巡察。",
     "平川县委第三巡察组", "县委"),
    ("district_name_before_body", "根据区委统一部署,江北区委第二巡察组对区城管局党组开展了常规巡察。",
     "江北区委第二巡察组", "区委"),
    ("province_name_before_body", "2023年10月,东海省委第五巡视组对省粮食局党组开展了巡视。",
     "东海省委第五巡视组", "省委"),
    ("zhonggong_and_place_kept", "2024年4月,中共平川县委第一巡察组对县卫健局党组开展了巡察。",
     "中共平川县委第一巡察组", "县委"),
    ("no_place_unchanged", "根据市委统一部署,市委第四巡察组对市审计局党组开展了常规巡察。", "市委第四巡察组", "市委"),
    ("term_is_no_place", "2023年5月,十一届市委第二巡察组对市税务局开展了巡察。", "市委第二巡察组", "市委"),
    ("preposition_is_no_place", "2023年5月,经市委第三巡察组进驻,对市水务局开展了巡察。", "市委第三巡察组", "市委"),
    ("according_to_is_no_place", "2024年,按照县委第六巡察组对县教育局开展巡察的安排,我局积极配合。",
     "县委第六巡察组", "县委"),
    ("place_starting_with_cong", "2024年,从化区委第一巡察组对区林业局开展了巡察。", "从化区委第一巡察组", "区委"),
    ("place_starting_with_xiang", "2024年,向阳区委第二巡察组对区财政局开展了巡察。", "向阳区委第二巡察组", "区委"),
    ("preposition_xiang_is_no_place", "局党组积极配合,向区委第二巡察组汇报工作。2024年5月,区委第二巡察组对我局开展了巡察。",
     "区委第二巡察组", "区委"),
    # Real-page audit: a field between the body and the ordinal (…领域第六专项巡察组).
    ("field_before_ordinal", "3月至5月,青川市委教育领域第三专项巡察组对市一中党委开展了专项巡察。",
     "青川市委教育领域第三专项巡察组", "市委"),
]


@pytest.mark.parametrize("text,team,body", [c[1:] for c in PLACE_TEAMS], ids=[c[0] for c in PLACE_TEAMS])
def test_team_with_place_name(text, team, body):
    got = find_inspection(text, mentions(text), [])
    assert (got["team"], got["body"]) == (team, body)


def test_audit_sentence_under_the_first_heading():
    text = ("现将我局2023年度部门预算执行审计整改情况公告如下:\n一、审计整改总体情况\n"
            "2024年3月至5月,区审计局对我局2023年度部门预算执行情况进行了审计。")
    roots = [node(text, "一、审计整改总体情况", marker="一、", ordinal=1)]
    got = find_inspection(text, mentions(text), roots)
    assert got["kind"] == "审计"
    assert got["body"] == "区审计局"
    assert (got["start"], got["end"]) == (D(2024, 3, 1), D(2024, 5, 31))


@pytest.mark.parametrize("text,title,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_inspection(text, title, expected):
    assert find_inspection(text, mentions(text), [], title=title) == expected


def test_only_the_preamble_is_read():
    text = ("根据市委部署,市委第六巡察组对市体育局党组开展了常规巡察。\n"
            "一、关于“作风建设不够扎实”问题的整改情况\n"
            "2023年4月,省委第二巡视组对我市开展了专项巡视,我局配合做好有关工作。")
    roots = [node(text, "一、关于", role="issue", marker="一、", ordinal=1)]
    got = find_inspection(text, mentions(text), roots)
    assert got["team"] == "市委第六巡察组"
    assert got["mode"] == "常规巡察"
    assert "start" not in got


def test_hand_built_dates_two_mentions_joined_by_zhi():
    text = "2022年7月4日至2022年8月30日,县委第五巡察组对县医保局党组开展了常规巡察。"
    found = [date(text, "2022年7月4日", D(2022, 7, 4)), date(text, "2022年8月30日", D(2022, 8, 30))]
    got = find_inspection(text, found, [])
    assert (got["start"], got["end"]) == (D(2022, 7, 4), D(2022, 8, 30))


def test_no_inspection_words():
    assert find_inspection("今年以来,我局扎实推进各项工作。", [], []) == {}


def test_team_stated_under_the_first_heading():
    text = ("现将巡察整改情况通报如下:\n"
            "一、巡察基本情况\n"
            "2023年9月4日至10月27日,县委第三巡察组对县统计局党组开展了常规巡察。\n"
            "二、关于“统计数据质量管控不严”问题的整改情况\n"
            "1.健全核查机制。")
    roots = [node(text, "一、巡察基本情况", "二、关于", role="other", marker="一、", ordinal=1),
             node(text, "二、关于", role="issue", marker="二、", ordinal=2)]
    got = find_inspection(text, mentions(text), roots)
    assert (got["team"], got["start"], got["end"]) == ("县委第三巡察组", D(2023, 9, 4), D(2023, 10, 27))


# Held-out round 2: an audit's feedback is the day its report was issued (出具了审计报告),
# also when that sentence stands under 一、 rather than in the preamble.
AUDIT_FEEDBACK = [
    ("in_preamble", "2023年6月至8月,市审计局对我局进行了审计,并于9月12日出具了审计报告。\n一、总体情况\n已整改。",
     D(2023, 9, 12)),
    ("under_first_heading", "现将整改情况公告如下:\n一、总体情况\n2023年6月至8月,市审计局对我局进行了审计,"
     "并于9月12日出具了审计报告。", D(2023, 9, 12)),
]


@pytest.mark.parametrize("text,feedback", [c[1:] for c in AUDIT_FEEDBACK], ids=[c[0] for c in AUDIT_FEEDBACK])
def test_audit_report_date_is_feedback(text, feedback):
    heading = "一、总体情况"
    roots = [node(text, heading, marker="一、", ordinal=1)]
    assert find_inspection(text, mentions(text), roots)["feedback_date"] == feedback


# Held-out round 4: the report named by its title in 《》, and an audit opinion.
AUDIT_REPORT_NAMED = [
    ("report_title", "2024年4月至6月,县审计局对我局原局长任期经济责任进行了审计,并于2024年7月9日出具了"
     "《某县审计局关于某某同志任期经济责任履行情况的审计报告》(某审经责报〔2024〕3号)。", D(2024, 7, 9)),
    ("audit_opinion", "2024年4月,市审计局对我局进行了审计,并于5月20日出具了审计意见书。", D(2024, 5, 20)),
]


@pytest.mark.parametrize("text,feedback", [c[1:] for c in AUDIT_REPORT_NAMED], ids=[c[0] for c in AUDIT_REPORT_NAMED])
def test_audit_report_named_is_feedback(text, feedback):
    assert find_inspection(text, mentions(text), [])["feedback_date"] == feedback


# Fix round 3: the period stated in a sentence other than the first one naming the team
# (feedback reported first, a title line naming the team, a labelled period).
PERIOD_ELSEWHERE = [
    ("feedback_sentence_first",
     "2024年8月16日,市委第二巡察组向市统计局党组反馈了巡察意见。2024年5月6日至7月5日,"
     "市委第二巡察组对市统计局党组进行了常规巡察。",
     {"start": D(2024, 5, 6), "end": D(2024, 7, 5), "feedback_date": D(2024, 8, 16), "target": "市统计局党组"}),
    ("feedback_meeting_title_line",
     "县委第四巡察组巡察县供销社党组情况反馈会议召开\n"
     "2023年9月11日至11月3日,县委第四巡察组对县供销社党组开展了常规巡察。",
     {"start": D(2023, 9, 11), "end": D(2023, 11, 3), "target": "县供销社党组"}),
    ("labelled_stationing_period",
     "根据区委统一部署,区委第三巡察组对区司法局党组开展了常规巡察,集中进驻时间为2021年4月6日至5月21日。",
     {"start": D(2021, 4, 6), "end": D(2021, 5, 21)}),
    ("period_in_brackets",
     "按照县委安排,县委第五巡察组对县人社局党组开展了巡察。巡察期间(2022年3月14日至5月13日),"
     "巡察组共收到来信来电25件。",
     {"start": D(2022, 3, 14), "end": D(2022, 5, 13)}),
    ("since_start_only",
     "2025年1月6日,区委第一巡察组向区城管局党组反馈了巡察意见。"
     "此前,区委第一巡察组自2024年10月9日起进驻区城管局开展巡察。",
     {"start": D(2024, 10, 9), "feedback_date": D(2025, 1, 6)}),
    ("range_year_from_context",
     "2024年,根据市委部署,市委第六巡察组向市民政局党组反馈了巡察意见。市委第六巡察组从4月15日至6月14日"
     "对市民政局党组开展了常规巡察。",
     {"start": D(2024, 4, 15), "end": D(2024, 6, 14)}),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in PERIOD_ELSEWHERE], ids=[c[0] for c in PERIOD_ELSEWHERE])
def test_period_from_another_opening_sentence(text, expected):
    got = find_inspection(text, mentions(text), [])
    assert {k: got.get(k) for k in expected} == expected


def test_rectification_work_is_no_period():
    # 开展巡察整改…: a later work step, not the inspection; the year alone is no period either.
    text = ("2024年6月3日,县委第二巡察组向县文旅局党组反馈了巡察意见。"
            "2024年7月,局党组对照问题清单开展了巡察整改“回头看”。")
    got = find_inspection(text, mentions(text), [])
    assert "start" not in got and got["feedback_date"] == D(2024, 6, 3)


FEEDBACK_RANGES = [
    ("after_meeting_hearing_opinions",
     "2023年6月5日至7月28日,县委第一巡察组对县农机中心党支部开展了常规巡察。2023年8月30日,县委巡察工作领导小组"
     "召开会议,听取巡察反馈意见。9月4日—7日,县委第一巡察组向县农机中心党支部反馈了巡察意见。", D(2023, 9, 4)),
    ("range_with_zhi", "2024年3月至4月,区委第二巡察组对街道党工委开展了巡察,并于5月20日至22日向街道党工委反馈了巡察情况。",
     D(2024, 5, 20)),
    ("range_with_hyphen", "2022年10月,市委第五巡察组对市气象局党组开展了巡察。11月14日-16日,巡察组向市气象局党组进行了反馈。",
     D(2022, 11, 14)),
]


@pytest.mark.parametrize("text,feedback", [c[1:] for c in FEEDBACK_RANGES], ids=[c[0] for c in FEEDBACK_RANGES])
def test_feedback_range_gives_its_first_day(text, feedback):
    assert find_inspection(text, mentions(text), [])["feedback_date"] == feedback


# Compound sending bodies are kept whole (not cut to their last word 工委 / 委党委).
COMPOUND_BODIES = [
    ("education_work_committee", "2024年4月8日至6月7日,省委教育工委第二巡察组对师范学院党委开展了常规巡察。",
     "省委教育工委第二巡察组", "省委教育工委"),
    ("organs_work_committee", "2023年10月,市直机关工委第一巡察组对市档案馆机关党委开展了巡察。",
     "市直机关工委第一巡察组", "市直机关工委"),
    ("sasac_party_committee", "2024年5月,省国资委党委第三巡察组对省水务集团党委开展了常规巡察。",
     "省国资委党委第三巡察组", "省国资委党委"),
    ("county_organs_party_work_committee", "2022年9月,县直机关党工委第二巡察组对县档案馆党支部开展了巡察。",
     "县直机关党工委第二巡察组", "县直机关党工委"),
    ("group_company_party_committee", "2023年6月,集团公司党委第四巡察组对物资公司党委开展了巡察。",
     "集团公司党委第四巡察组", "集团公司党委"),
    ("mode_word_inside_team", "2024年9月,县委第二专项巡察组对县乡村振兴局党组开展了专项巡察。",
     "县委第二专项巡察组", "县委"),
    ("place_before_compound", "2024年4月,江岭省委教育工委第一巡察组对职业学院党委开展了巡察。",
     "江岭省委教育工委第一巡察组", "省委教育工委"),
    ("plain_body_unchanged", "2024年4月,区委第一巡察组对区统计局党组开展了巡察。", "区委第一巡察组", "区委"),
]


@pytest.mark.parametrize("text,team,body", [c[1:] for c in COMPOUND_BODIES], ids=[c[0] for c in COMPOUND_BODIES])
def test_compound_body_kept_whole(text, team, body):
    got = find_inspection(text, mentions(text), [])
    assert (got["team"], got["body"]) == (team, body)


def test_compound_body_from_title_without_team():
    got = find_inspection("现将整改情况通报如下。", [], [], title="中共某职业学院委员会关于省委教育工委巡察整改情况的通报")
    assert got["body"] == "省委教育工委"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("2024年3月1日至5日,省市县区委教育工直机关党组第一二巡察视组对向进驻开展了反馈意见期间()时间为。\n")),
               max_size=200))
def test_any_text_gives_valid_inspection(text):
    got = find_inspection(text, mentions(text), [])
    for key in ("start", "end", "feedback_date"):
        assert got.get(key) is None or isinstance(got[key], dt.date)
    for key in ("team", "body", "target"):
        assert got.get(key) is None or got[key] in text or key == "body"


# Fix round 6: standing agencies (巡察办, 巡视工作领导小组) are no inspection, and a report
# titled as an audit is an audit unless it states an inspection of its own unit.
AGENCY_AND_AUDIT_TITLES = [
    ("agency_in_audit_report",
     "区审计局会同区人大财经委跟踪督办整改事项;与区委巡察办建立问题线索移送机制。",
     "江洲区2023年度经济责任审计查出问题整改情况的报告", {"kind": "审计"}),
    ("inspection_group_office_in_audit_report",
     "审计整改纳入区委巡视巡察工作领导小组督查内容,形成监督合力。",
     "关于2022年度区本级预算执行审计发现问题整改情况的报告", {"kind": "审计"}),
    ("audit_results_announcement",
     "根据审计法规定,现将审计结果公告如下。",
     "东岭省2019年度审计结果公告", {"kind": "审计"}),
    ("audit_work_report",
     "受县政府委托,现报告审计工作情况,请予审议。",
     "关于2023年度县级预算执行和其他财政收支的审计工作报告", {"kind": "审计"}),
    ("audit_title_but_own_inspection_stated",
     "2024年3月至5月,市委第二巡察组对我局党组开展了常规巡察。",
     "关于审计发现问题和巡察反馈问题整改情况的报告",
     {"kind": "巡察", "body": "市委", "team": "市委第二巡察组", "target": "我局党组", "mode": "常规巡察",
      "start": D(2024, 3, 1), "end": D(2024, 5, 31)}),
    ("agency_only_no_kind",
     "局党组定期向县委巡察办报送工作进展。",
     None, {}),
    ("agency_then_real_body_in_title",
     "县委巡察工作领导小组办公室牵头督促整改。",
     "中共某县粮食局党组关于县委巡察整改情况的通报", {"kind": "巡察", "body": "县委"}),
    # the body before a count of teams or a mode word (found again after agency names stopped counting)
    # the office whose audit report the congress heard is the body (round 8)
    ("audit_office_authored_the_report",
     "某某\n我受县人民政府委托,报告审计查出问题的整改情况。6月26日,县人大常委会会议审议了县审计局所作的审计工作报告。",
     "关于2023年度县级预算执行审计查出问题整改情况的报告", {"kind": "审计", "body": "县审计局"}),
    ("audit_office_only_following_up_is_no_body",
     "我受县人民政府委托,报告审计查出问题的整改情况。县审计局对整改情况逐项跟踪。",
     "关于2023年度县级预算执行审计查出问题整改情况的报告", {"kind": "审计"}),
    ("body_before_team_count",
     "根据市委统一部署,市委5个巡察组分别向本轮巡察的23家党组织反馈了巡察意见。",
     None, {"kind": "巡察", "body": "市委"}),
]


@pytest.mark.parametrize("text,title,expected", [c[1:] for c in AGENCY_AND_AUDIT_TITLES],
                         ids=[c[0] for c in AGENCY_AND_AUDIT_TITLES])
def test_agency_and_audit_title(text, title, expected):
    assert find_inspection(text, mentions(text), [], title=title) == expected


# A (fiscal) year is no feedback day; dates before the audit verb are its period.
YEAR_IS_NO_FEEDBACK = [
    ("fiscal_year_before_report",
     "市审计局对我中心2023年度部门预算执行情况进行审计,出具了审计报告。", None),
    ("period_before_verb_not_feedback",
     "2024年2月至4月,县审计局对我局2023年度财务收支情况进行了审计,并出具了审计报告。", None),
    ("day_after_verb_kept",
     "2024年2月至4月,县审计局对我局2023年度财务收支情况进行了审计,于5月8日出具了审计报告。", D(2024, 5, 8)),
    ("month_part_kept",
     "2023年8月,区委第一巡察组对区档案馆党支部开展了巡察。2023年10月中旬,巡察组向区档案馆党支部反馈了巡察意见。",
     D(2023, 10, 11)),
    ("bare_year_feedback_skipped",
     "区委第三巡察组对区科协党组开展了巡察。2023年,巡察组向区科协党组反馈了巡察意见。", None),
]


@pytest.mark.parametrize("text,feedback", [c[1:] for c in YEAR_IS_NO_FEEDBACK], ids=[c[0] for c in YEAR_IS_NO_FEEDBACK])
def test_year_is_no_feedback_day(text, feedback):
    assert find_inspection(text, mentions(text), []).get("feedback_date") == feedback


# Team names: a mode word before 巡察N组 stays in the team; a clause before the body is no place.
TEAM_FORMS = [
    ("mode_before_number_after_kind", "2024年6月,长丰市委机动巡察二组对市供销社党组开展了机动巡察。",
     "长丰市委机动巡察二组", "市委"),
    ("special_mode_number_after_kind", "2023年9月,区委专项巡察三组对区卫健局党组开展了专项巡察。",
     "区委专项巡察三组", "区委"),
    ("clause_with_dui_is_no_place", "当前,镇党委对县委巡察组指出的8个问题逐项整改。", "县委巡察组", "县委"),
    ("demonstrative_is_no_place", "目前,该局党组对市委第二巡察组反馈的问题全部整改。", "市委第二巡察组", "市委"),
    ("conjunction_is_no_place", "2024年4月,纪委监委与区委第一巡察组联合开展了专项巡察。", "区委第一巡察组", "区委"),
    ("real_place_kept", "2024年4月,云岭县委第三巡察组对县水利局党组开展了巡察。", "云岭县委第三巡察组", "县委"),
]


@pytest.mark.parametrize("text,team,body", [c[1:] for c in TEAM_FORMS], ids=[c[0] for c in TEAM_FORMS])
def test_team_forms(text, team, body):
    got = find_inspection(text, mentions(text), [])
    assert (got["team"], got["body"]) == (team, body)


# Held-out round 6: the end of the stay written as 结束进驻 in the team sentence.
def test_end_of_stay_in_words():
    text = "根据市委统一部署,市委第二巡察组于2024年3月11日进驻市水务局,对局党组开展常规巡察,5月10日结束进驻。"
    got = find_inspection(text, mentions(text), [])
    assert (got["start"], got["end"]) == (D(2024, 3, 11), D(2024, 5, 10))


# Round 8: a notice on a 回头看 answers the 回头看, not the first inspection told before it.
REVISIT_TEXT = ("去年3月6日至5月12日,市委第四巡察组对医院党委开展了常规巡察,6月12日反馈了巡察意见。"
                "时隔一年,市委第四巡察组于4月中旬至5月底对医院党委开展了巡察“回头看”,并于6月20日反馈了意见。"
                "\n发布日期:2024年9月10日")
REVISITS = [
    ("title_names_the_revisit", "中共某医院委员会关于市委巡察“回头看”整改情况的通报",
     (dt.date(2024, 4, 11), dt.date(2024, 5, 31), dt.date(2024, 6, 20))),
    ("title_names_the_first_inspection", "中共某医院委员会关于市委巡察整改情况的通报",
     (dt.date(2023, 3, 6), dt.date(2023, 5, 12), dt.date(2023, 6, 12))),
]


@pytest.mark.parametrize("title,expected", [c[1:] for c in REVISITS], ids=[c[0] for c in REVISITS])
def test_revisit_notice_reports_the_revisit(title, expected):
    from zhenggai.mentions.dates import find_dates

    found = find_dates(REVISIT_TEXT, dt.date(2024, 9, 10))
    got = find_inspection(REVISIT_TEXT, found, [], title=title)
    assert (got.get("start"), got.get("end"), got.get("feedback_date")) == expected
