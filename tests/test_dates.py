"""Tests for zhenggai.mentions.dates: every kind of date expression, non-dates, the sample notice."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions.dates import find_dates
from zhenggai.schemas.mentions import DateMention, UnparsedDateMention

PUB = date(2023, 6, 2)


def _case(id_, text, span, when, gran, inferred=False, relation=None, published=None):
    """One expected date; ``when`` is "2022-07-15" or "2022-07-15/2022-09-23" (start/end)."""
    start, _, end = when.partition("/")
    start, end = date.fromisoformat(start), date.fromisoformat(end or start)
    return pytest.param(text, published, span, start, end, gran, inferred, relation, id=id_)


def _check(text, published, span, start, end, gran, inferred, relation):
    found = [f for f in find_dates(text, published=published) if f.kind == "date"]
    hits = [f for f in found if f.text == span]
    assert hits, f"no date {span!r} in {[f.text for f in found]}"
    f = hits[0]
    assert text[f.start:f.end] == span
    v = f.values
    assert (v["date_start"], v["date_end"]) == (start, end)
    assert v["granularity"] == gran
    assert v["year_inferred"] is inferred
    assert v["relation"] == relation


FULL = [
    _case("ymd", "2022年3月8日,区委第二巡察组进驻", "2022年3月8日", "2022-03-08", "day"),
    _case("ymd-hao", "于2022年7月15号召开专题民主生活会", "2022年7月15号", "2022-07-15", "day"),
    _case("ymd-padded", "2023年04月06日完成销号", "2023年04月06日", "2023-04-06", "day"),
    _case("ymd-fen-free", "于2021年12月31日前全部办结", "2021年12月31日", "2021-12-31", "day",
          relation="before"),
    _case("leap-day", "2024年2月29日完成审计", "2024年2月29日", "2024-02-29", "day"),
]

YEAR_MONTH = [
    _case("ym", "2022年11月,局党组召开专题会议", "2022年11月", "2022-11-01/2022-11-30", "month"),
    _case("ym-feb", "2023年2月出台办法", "2023年2月", "2023-02-01/2023-02-28", "month"),
    _case("ym-fen", "2021年9月份开展回头看", "2021年9月份", "2021-09-01/2021-09-30", "month"),
    _case("ym-yuanyue", "2023年元月召开警示教育大会", "2023年元月", "2023-01-01/2023-01-31", "month"),
]

YEAR = [
    _case("year", "2021年共梳理问题线索", "2021年", "2021-01-01/2021-12-31", "year"),
    _case("year-1949", "1949年以来的档案资料", "1949年", "1949-01-01/1949-12-31", "year", relation="since"),
    _case("year-edition", "《村级组织工作规则(2022年版)》", "2022年", "2022-01-01/2022-12-31", "year"),
]

NIANDU = [
    _case("niandu", "制定2023年度内部审计计划", "2023年度", "2023-01-01/2023-12-31", "year"),
    _case("niandu-title", "印发《2021年度重点任务清单》", "2021年度", "2021-01-01/2021-12-31", "year"),
    _case("niandu-range", "编制《养老服务设施布局规划(2021-2025年度)》", "2021-2025年度",
          "2021-01-01/2025-12-31", "year"),
]

NUMERIC = [
    _case("iso", "更新时间:2023-06-02", "2023-06-02", "2023-06-02", "day"),
    _case("iso-short", "日期:2023-6-2", "2023-6-2", "2023-06-02", "day"),
    _case("dotted", "会议时间2023.6.2,地点三楼", "2023.6.2", "2023-06-02", "day"),
    _case("slashed", "填报日期2023/06/02", "2023/06/02", "2023-06-02", "day"),
    _case("dotted-ym", "实施期限至2023.06,逾期不再受理", "2023.06", "2023-06-01/2023-06-30", "month"),
    _case("slashed-ym", "统计口径2022/12", "2022/12", "2022-12-01/2022-12-31", "month"),
    _case("fullwidth", "２０２３年６月２日", "２０２３年６月２日", "2023-06-02", "day"),
]

CHINESE = [
    _case("cn-ym", "二〇二二年十月印发", "二〇二二年十月", "2022-10-01/2022-10-31", "month"),
    _case("cn-ymd", "二○二三年三月十五日", "二○二三年三月十五日", "2023-03-15", "day"),
    _case("cn-ymd-31", "二〇二一年十二月三十一日止", "二〇二一年十二月三十一日", "2021-12-31", "day"),
    _case("cn-year", "二〇二〇年起实行", "二〇二〇年", "2020-01-01/2020-12-31", "year", relation="since"),
    _case("cn-md-inferred", "2022年工作中,十一月二十日召开推进会", "十一月二十日", "2022-11-20",
          "day", inferred=True),
]

TIMESTAMPS = [
    _case("ts", "发布时间:2023-06-02 16:43:23\n", "2023-06-02 16:43:23", "2023-06-02", "day"),
    _case("ts-T", "updated 2023-06-02T08:05:00Z", "2023-06-02T08:05:00", "2023-06-02", "day"),
    _case("ts-cn", "2023年6月2日 09:30召开会议", "2023年6月2日 09:30", "2023-06-02", "day"),
]

RANGES = [
    _case("ymd-md", "2021年4月12日至6月30日,市委巡察组进驻", "2021年4月12日至6月30日",
          "2021-04-12/2021-06-30", "day"),
    _case("ymd-d", "2021年10月9日至11日举办培训", "2021年10月9日至11日", "2021-10-09/2021-10-11", "day"),
    _case("md-d-inferred", "2020年以来……3月9日到12日开展督查", "3月9日到12日", "2020-03-09/2020-03-12", "day",
          inferred=True),
    _case("ymd-ymd", "2022年11月1日—2023年1月15日", "2022年11月1日—2023年1月15日",
          "2022-11-01/2023-01-15", "day"),
    _case("years-niandu", "编制2022-2027年度规划", "2022-2027年度", "2022-01-01/2027-12-31", "year"),
    _case("years", "2021年至2023年连续三年", "2021年至2023年", "2021-01-01/2023-12-31", "year"),
    _case("years-compact", "2021—2023年累计投入", "2021—2023年", "2021-01-01/2023-12-31", "year"),
    _case("ym-m", "2022年3月至5月集中整治", "2022年3月至5月", "2022-03-01/2022-05-31", "month"),
    _case("ym-compact", "2022年1-6月共受理信访件", "2022年1-6月", "2022-01-01/2022-06-30", "month"),
    _case("m-emdash", "2022年,7月—9月开展专项检查", "7月—9月", "2022-07-01/2022-09-30", "month",
          inferred=True),
    _case("m-hyphen", "2022年,7月-9月开展专项检查", "7月-9月", "2022-07-01/2022-09-30", "month",
          inferred=True),
    _case("m-tilde", "2022年7月～9月", "2022年7月～9月", "2022-07-01/2022-09-30", "month"),
    _case("m-ascii-tilde", "2022年7月~9月", "2022年7月~9月", "2022-07-01/2022-09-30", "month"),
    _case("ym-ym", "2021年10月到2022年2月", "2021年10月到2022年2月", "2021-10-01/2022-02-28", "month"),
    _case("cross-year", "2022年12月25日至1月5日开展集中清查", "2022年12月25日至1月5日",
          "2022-12-25/2023-01-05", "day"),
    _case("compact-days", "2023年5月15-19日", "2023年5月15-19日", "2023-05-15/2023-05-19", "day"),
    _case("iso-iso", "2023-06-01至2023-06-30", "2023-06-01至2023-06-30", "2023-06-01/2023-06-30", "day"),
    _case("dotted-tail", "公示期2023.6.1-6.30", "2023.6.1-6.30", "2023-06-01/2023-06-30", "day"),
    _case("quarters", "2023年第一季度至第三季度", "2023年第一季度至第三季度", "2023-01-01/2023-09-30",
          "season"),
    _case("mixed-gran", "2022年10月至2023年3月底", "2022年10月至2023年3月底", "2022-10-01/2023-03-31",
          "other"),
]

PARTS = [
    _case("h1", "2023年上半年共开展检查", "2023年上半年", "2023-01-01/2023-06-30", "other"),
    _case("h2", "2022年下半年", "2022年下半年", "2022-07-01/2022-12-31", "other"),
    _case("q1", "2023年一季度新增", "2023年一季度", "2023-01-01/2023-03-31", "season"),
    _case("q3-di", "2022年第三季度", "2022年第三季度", "2022-07-01/2022-09-30", "season"),
    _case("q3-bare", "2022年工作要点明确,三季度开展评估", "三季度", "2022-07-01/2022-09-30", "season",
          inferred=True),
    _case("q-first3", "2022年前三季度", "2022年前三季度", "2022-01-01/2022-09-30", "season"),
    _case("q1-end", "2023年一季度末贷款余额412亿元", "2023年一季度末", "2023-03-21/2023-03-31", "other"),
    _case("q3-end-bare", "2021年工作要点明确,三季度末完成评估", "三季度末", "2021-09-21/2021-09-30", "other",
          inferred=True),
    _case("q2-di", "2022年第二季度底", "2022年第二季度底", "2022-06-21/2022-06-30", "other"),
    _case("q-first3-end", "2022年前三季度末", "2022年前三季度末", "2022-09-21/2022-09-30", "other"),
    _case("year-start", "2023年初启动", "2023年初", "2023-01-01/2023-02-28", "other"),
    _case("year-mid", "2022年中,完成", "2022年中", "2022-06-01/2022-07-31", "other"),
    _case("year-end", "2022年底全部完成", "2022年底", "2022-11-01/2022-12-31", "other"),
    _case("year-end-mo", "2022年末", "2022年末", "2022-11-01/2022-12-31", "other"),
    # Held-out round 4: a bare 年底前 deadline is this year's end (as 今年底前 would be).
    _case("bare-year-end-deadline", "确保年底前全部完成", "年底", "2023-11-01/2023-12-31", "other", True,
          "before", PUB),
    _case("bare-year-end-zhiqian", "力争年末之前销号", "年末", "2023-11-01/2023-12-31", "other", True,
          "before", PUB),
    _case("month-start", "2022年工作中,10月初完成移交", "10月初", "2022-10-01/2022-10-10", "other",
          inferred=True),
    _case("month-mid", "2022年5月中", "2022年5月中", "2022-05-11/2022-05-20", "other"),
    _case("month-end", "2022年2月底", "2022年2月底", "2022-02-21/2022-02-28", "other"),
    _case("month-end-mo", "2024年2月末", "2024年2月末", "2024-02-21/2024-02-29", "other"),
    _case("xun-1", "2022年8月上旬", "2022年8月上旬", "2022-08-01/2022-08-10", "other"),
    _case("xun-2", "2022年8月中旬", "2022年8月中旬", "2022-08-11/2022-08-20", "other"),
    _case("xun-3", "2022年9月下旬", "2022年9月下旬", "2022-09-21/2022-09-30", "other"),
    _case("xun-23", "2022年9月中下旬", "2022年9月中下旬", "2022-09-11/2022-09-30", "other"),
]

RELATIONS = [
    _case("since", "2021年12月以来,累计清退", "2021年12月", "2021-12-01/2021-12-31", "month",
          relation="since"),
    _case("since-zhijin", "2022年3月至今", "2022年3月", "2022-03-01/2022-03-31", "month", relation="since"),
    _case("since-qi", "自2023年1月1日起施行", "2023年1月1日", "2023-01-01", "day", relation="since"),
    _case("after-yihou", "2021年6月以后新入职人员", "2021年6月", "2021-06-01/2021-06-30", "month",
          relation="after"),
    _case("after-zhihou", "2021年6月之后", "2021年6月", "2021-06-01/2021-06-30", "month", relation="after"),
    _case("after-hou", "2021年6月后", "2021年6月", "2021-06-01/2021-06-30", "month", relation="after"),
    _case("until-jiezhi", "截至2023年5月底,已完成", "2023年5月底", "2023-05-21/2023-05-31", "other",
          relation="until"),
    _case("until-jiezhi2", "截止2022年12月31日", "2022年12月31日", "2022-12-31", "day",
          relation="until"),
    _case("until-jiezhidao", "截至到2022年底", "2022年底", "2022-11-01/2022-12-31", "other",
          relation="until"),
    _case("before-qian", "2021年3月前的遗留问题", "2021年3月", "2021-03-01/2021-03-31", "month",
          relation="before"),
    _case("before-yiqian", "2021年3月以前", "2021年3月", "2021-03-01/2021-03-31", "month", relation="before"),
    _case("before-zhiqian", "2021年3月之前", "2021年3月", "2021-03-01/2021-03-31", "month",
          relation="before"),
    _case("before-deadline", "2022年……确保于6月底前完成整改", "6月底", "2022-06-21/2022-06-30", "other",
          inferred=True, relation="before"),
    _case("no-qicao", "2023年起草管理办法", "2023年", "2023-01-01/2023-12-31", "year"),
    _case("no-qianhou", "2023年春节前后", "2023年", "2023-01-01/2023-12-31", "year"),
    _case("range-since", "2022年7月15日至9月23日以来", "2022年7月15日至9月23日", "2022-07-15/2022-09-23",
          "day", relation="since"),
]

RELATIVE = [
    _case("jinnian", "今年以来,累计办结", "今年", "2023-01-01/2023-12-31", "year", True, "since", PUB),
    _case("jinnian-h1", "今年上半年", "今年上半年", "2023-01-01/2023-06-30", "other", True, None, PUB),
    _case("benniandu", "本年度", "本年度", "2023-01-01/2023-12-31", "year", True, None, PUB),
    _case("qunian-tongqi", "较去年同期下降", "去年同期", "2022-01-01/2022-06-02", "other", True, None, PUB),
    _case("shangyinian-date", "上一年度", "上一年度", "2022-01-01/2022-12-31", "year", True, None, PUB),
    _case("bare-year-end", "年底进行考核", "年底", "2023-11-01/2023-12-31", "other", True, None, PUB),
    _case("qunian-m", "去年11月", "去年11月", "2022-11-01/2022-11-30", "month", True, None, PUB),
    _case("shangnian-month", "上年11月", "上年11月", "2022-11-01/2022-11-30", "month", True, None, PUB),
    _case("qiannian", "前年底", "前年底", "2021-11-01/2021-12-31", "other", True, None, PUB),
    _case("mingnian", "明年3月", "明年3月", "2024-03-01/2024-03-31", "month", True, None, PUB),
    _case("cinian-pub", "2020年试点,次年推广", "次年", "2021-01-01/2021-12-31", "year", True, None, PUB),
    _case("cinian-nopub", "2020年试点,次年推广", "次年", "2021-01-01/2021-12-31", "year", True),
    _case("tongnian", "2019年5月立项,同年10月竣工", "同年10月", "2019-10-01/2019-10-31", "month", True),
    _case("qunian-range", "去年10月至今年3月", "去年10月至今年3月", "2022-10-01/2023-03-31", "month", True,
          None, PUB),
]

INFERENCE = [
    _case("pull-back", "制定2023年工作要点。10月9日至11日举办培训班", "10月9日至11日",
          "2022-10-09/2022-10-11", "day", True, None, PUB),
    _case("keep-year", "制定2023年工作要点。3月9日举办培训班", "3月9日", "2023-03-09", "day", True,
          None, PUB),
    _case("nearest", "2021年……2022年8月1日……9月3日", "9月3日", "2022-09-03", "day", True),
    _case("pub-only", "10月初完成移交工作", "10月初", "2022-10-01/2022-10-10", "other", True, None, PUB),
    _case("pub-only-past", "5月20日召开推进会", "5月20日", "2023-05-20", "day", True, None, PUB),
    _case("plan", "2023年工作要点明确,计划于10月底前完成", "10月底", "2023-10-21/2023-10-31", "other",
          True, "before", PUB),
    _case("iso-context", "发布时间:2023-06-02\n……11月14日反馈", "11月14日", "2022-11-14", "day",
          True, None, PUB),
]

# A year that names what is looked at (the audited 年度, the start of a 以来 span, a range
# of past years, a comparison base) does not anchor the year-less dates after it.
PUB_LATE = date(2023, 11, 20)
SCOPE_YEARS = [
    _case("audited-niandu", "2023年4月,市审计局对我委2022年度部门预算执行情况进行了审计,并于7月3日出具审计报告",
          "7月3日", "2023-07-03", "day", True, None, PUB_LATE),
    _case("audited-niandu-no-earlier-year", "对我委2022年度财务收支情况开展审计,9月8日反馈审计意见",
          "9月8日", "2023-09-08", "day", True, None, PUB_LATE),
    _case("yilai-start", "2023年3月起,对2020年以来建设的安置房逐套排查,8月底前完成", "8月底",
          "2023-08-21/2023-08-31", "other", True, "before", PUB_LATE),
    _case("past-year-range", "对2019年至2021年的会议费开展自查,10月完成清退", "10月",
          "2023-10-01/2023-10-31", "month", True, None, PUB_LATE),
    _case("comparison-base", "今年1至9月客流量是2019年同期的1.3倍。10月起实行错峰开放", "10月",
          "2023-10-01/2023-10-31", "month", True, "since", PUB_LATE),
    _case("niandu-without-published-still-anchors", "对2022年度预算执行情况审计,9月8日反馈", "9月8日",
          "2022-09-08", "day", True),
    _case("plain-year-anchors", "2022年,我局完成改造任务。9月8日通过验收", "9月8日", "2022-09-08", "day", True,
          None, PUB_LATE),
    # 截至 without a year states the progress at writing time: the latest year not after
    # publication, not a year named in passing before it
    _case("until-takes-latest-year", "对2022年竣工的6个项目开展复审。截至10月底,已追回多付工程款", "10月底",
          "2023-10-21/2023-10-31", "other", True, "until", PUB_LATE),
    _case("until-after-publication-keeps-context-year", "2022年5月巡察。截至12月31日,已整改到位", "12月31日",
          "2022-12-31", "day", True, "until", PUB_LATE),
]

ARGS = "text,published,span,start,end,gran,inferred,relation"


@pytest.mark.parametrize(ARGS, SCOPE_YEARS)
def test_scope_years_do_not_anchor(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


def test_comparison_base_shangnian_is_no_date():
    found = find_dates("森林覆盖面积比上年增加1.2%,较上年提高", published=PUB)
    assert [f.text for f in found] == []



@pytest.mark.parametrize(ARGS, FULL + YEAR_MONTH + YEAR)
def test_full_month_year(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


@pytest.mark.parametrize(ARGS, NIANDU + NUMERIC + TIMESTAMPS)
def test_niandu_numeric_timestamps(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


@pytest.mark.parametrize(ARGS, CHINESE)
def test_chinese_numerals(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


@pytest.mark.parametrize(ARGS, RANGES)
def test_ranges(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


@pytest.mark.parametrize(ARGS, PARTS)
def test_parts(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


@pytest.mark.parametrize(ARGS, RELATIONS)
def test_relations(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


@pytest.mark.parametrize(ARGS, RELATIVE + INFERENCE)
def test_relative_and_inference(text, published, span, start, end, gran, inferred, relation):
    _check(text, published, span, start, end, gran, inferred, relation)


# ----------------------------------------------------------------- no date at all

@pytest.mark.parametrize(
    "text,published",
    [
        pytest.param("10月9日至11日举办培训班", None, id="no-year-no-published"),
        pytest.param("与上年相比", PUB, id="shangnian-comparison"),
        pytest.param("上一年预算执行结果", PUB, id="shangyinian-budget"),
        pytest.param("今年以来累计办结", None, id="jinnian-no-published"),
        pytest.param("去年同期", None, id="qunian-no-published"),
        pytest.param("同年10月竣工", None, id="tongnian-no-context"),
        pytest.param("较年初下降12%", PUB, id="bare-year-start-comparison"),
        pytest.param("每季度通报进展,年底进行考核", PUB, id="bare-year-end-routine"),
        pytest.param("每年年底前报送", PUB, id="every-year-end-deadline"),
        pytest.param("每年10月开展评议", PUB, id="every-year-month"),
        pytest.param("每季度召开一次", PUB, id="every-quarter"),
        pytest.param("坚持一月一报、一季度一通报", PUB, id="frequency-words"),
        pytest.param("一个季度内完成", PUB, id="one-quarter-duration"),
        pytest.param("十月完成", None, id="cn-month-alone"),
        pytest.param("以前年度结转资金", PUB, id="yiqian-niandu"),
        pytest.param("不同年龄段老年人", PUB, id="butong-nianling"),
        pytest.param("1948年与2101年", None, id="implausible-years"),
    ],
)
def test_no_date(text, published):
    assert [f for f in find_dates(text, published=published) if f.kind == "date"] == []


NON_DATES = [
    ("第一时间", "接到线索后第一时间处置"),
    ("三分之二", "三分之二以上的单位已完成"),
    ("八小时以外", "加强对干部“八小时以外”监督"),
    ("百日攻坚", "开展百日攻坚专项行动"),
    ("24小时", "实行24小时值班"),
    ("3个月", "用3个月时间集中整治"),
    ("12个月", "连续12个月未发生"),
    ("5年来", "近5年来累计投入"),
    ("每年", "每年开展两次培训"),
    ("年度考核", "纳入年度考核"),
    ("三年行动", "实施三年行动计划"),
    ("一年来", "一年来,整改工作取得实效"),
    ("十年", "十年来持续推进"),
    ("浙民发〔2023〕12号", "印发《通知》(浙民发〔2023〕12号)"),
    ("国办发[2022]3号", "按照国办发[2022]3号文件要求"),
    ("〔2023年〕5号", "杭民函〔2023年〕5号"),
    ("87651234", "联系电话:0571-87651234"),
    ("1.5亿元", "总投资1.5亿元"),
    ("3.5%", "同比下降3.5%"),
    ("2023.5万元", "累计拨付2023.5万元"),
    ("2.0版", "上线服务平台2.0版"),
    ("V2023.1", "系统升级至V2023.1版本"),
    ("88号", "地址:滨河路88号"),
    ("初步", "2023年初步建成"),
    ("中央", "2023年中央环保督察"),
    ("底线", "守住2023年底线任务"),
    ("30日内", "收到通知后30日内反馈"),
]


@pytest.mark.parametrize("word,text", NON_DATES, ids=[w for w, _ in NON_DATES])
def test_non_dates(word, text):
    start = text.index(word)
    end = start + len(word)
    for f in find_dates(text, published=PUB):
        if f.kind == "date":
            assert not f.overlaps(start, end), f"{f.text!r} overlaps {word!r}"


def test_niandu_is_one_mention():
    found = find_dates("完成2022年度考核")
    assert [(f.text, f.values["granularity"]) for f in found] == [("2022年度", "year")]


# ----------------------------------------------------------------- unparsed

@pytest.mark.parametrize(
    "text,span",
    [
        pytest.param("于2021111日召开专题会议", "2021111日", id="ymd-run-two-readings"),
        pytest.param("2024111日至830日开展巡察", "2024111日至830日", id="range-run-two-readings"),
        pytest.param("2022年111日召开", "2022年111日", id="month-lost-two-readings"),
        pytest.param("2月30日完成", "2月30日", id="feb-30"),
        pytest.param("2023年2月29日完成", "2023年2月29日", id="feb-29-non-leap"),
        pytest.param("2023年13月", "2023年13月", id="month-13"),
        pytest.param("2022-2021年", "2022-2021年", id="reversed-range"),
    ],
)
def test_unparsed(text, span):
    found = find_dates(text, published=PUB)
    assert [(f.kind, f.text) for f in found] == [("unparsed_date", span)]
    assert found[0].values["reason"]


# ----------------------------------------------------------------- properties

_ALPHABET = st.sampled_from(list(
    "0123456789年月日号度至到—-~～.:/ 初中底末上下旬半季第一二三四十〇○今去次同以来前后截止,。〔〕()"
))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(_ALPHABET, max_size=40), st.text(max_size=40)),
       st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))))
def test_property_any_text(text, published):
    found = find_dates(text, published=published)
    last_end = 0
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end  # sorted, non-overlapping
        last_end = f.end
        assert text[f.start:f.end] == f.text
        if f.kind == "date":
            assert f.values["date_start"] <= f.values["date_end"]
            DateMention(text=f.text, start=f.start, end=f.end, **f.values)
        else:
            assert f.kind == "unparsed_date"
            UnparsedDateMention(text=f.text, start=f.start, end=f.end, **f.values)


# ----------------------------------------------------------------- the real sample

SEED = Path(__file__).resolve().parents[1].parent / "shared/seeds/hangzhou-civil-affairs-2023.txt"


def test_seed_notice_dates():
    if not SEED.is_file():
        pytest.skip("the real sample notice ../shared/seeds/ is not present")
    text = SEED.read_text(encoding="utf-8")
    expected_path = SEED.parent / "hangzhou-civil-affairs-2023.expected.json"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    expected_dates = expected["mentions"]["date"]
    assert len(expected_dates) == 17
    found = [f for f in find_dates(text, published=date(2023, 6, 2)) if f.kind == "date"]
    for e in expected_dates:
        hits = [f for f in found if f.start < e["end"] and e["start"] < f.end]
        assert len(hits) == 1, e
        v = hits[0].values
        assert str(v["date_start"]) == e["date_start"], e
        assert str(v["date_end"]) == e["date_end"], e
        assert v["granularity"] == e["granularity"], e
    extra = [f.text for f in found
             if not any(f.start < e["end"] and e["start"] < f.end for e in expected_dates)]
    assert extra == []


# The year-scope helpers live in zhenggai.mentions.date_years (split out of dates.py);
# find_dates keeps using them: a plan keeps its year after publication, a past date does not.
YEAR_SCOPE = [
    ("plan_word_keeps_year", "2023年重点任务中,拟于11月召开推进会", date(2023, 6, 2), "11月", date(2023, 11, 1)),
    ("past_date_pulled_back", "2023年重点任务中,11月召开推进会", date(2023, 6, 2), "11月", date(2022, 11, 1)),
    ("audited_year_is_no_anchor", "2021年4月,审计组对2019年度预算执行进行了审计,并于5月出具报告", None, "5月",
     date(2021, 5, 1)),
]


@pytest.mark.parametrize("text,published,span,start", [c[1:] for c in YEAR_SCOPE], ids=[c[0] for c in YEAR_SCOPE])
def test_year_scope_after_split(text, published, span, start):
    got = {f.text: f.values["date_start"] for f in find_dates(text, published=published) if f.kind == "date"}
    assert got[span] == start


@pytest.mark.parametrize(
    "text,pos,relation,plan",
    [("力争于9月完成", 3, None, True), ("将于10月召开", 2, None, True), ("已于10月召开", 2, None, False),
     ("6月底前完成", 0, "before", True)],
    ids=["lizheng", "jiangyu", "already_done", "deadline_relation"],
)
def test_is_plan(text, pos, relation, plan):
    from zhenggai.mentions.date_years import is_plan

    assert is_plan(text, pos, relation) is plan


@pytest.mark.parametrize("name", ["dates", "date_years"], ids=["dates", "date_years"])
def test_date_modules_stay_small_and_documented(name):
    import doctest
    import importlib

    module = importlib.import_module(f"zhenggai.mentions.{name}")
    assert len(Path(module.__file__).read_text(encoding="utf-8").splitlines()) <= 400
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0


# Held-out round 2: a comparison base (较去年同期) and a bare earlier year stating a figure
# (2023年村集体收入…) do not move the year of later year-less dates back.
ANCHORS = [
    ("relative_comparison_base", "2024年1月10日反馈。满意度较去年同期提高。2月以来走访群众", date(2024, 4, 2), "2月",
     date(2024, 2, 1)),
    ("bare_earlier_year_of_a_figure", "2024年1月10日反馈。2023年村集体收入86万元。3月中旬完成整改", None, "3月中旬",
     date(2024, 3, 11)),
    ("bare_year_still_anchors_forward", "2022年12月反馈。2023年新建粮库5座,6月投入使用", None, "6月",
     date(2023, 6, 1)),
]


@pytest.mark.parametrize("text,published,span,start", [c[1:] for c in ANCHORS], ids=[c[0] for c in ANCHORS])
def test_year_anchor_is_not_moved_back(text, published, span, start):
    got = {f.text: f.values["date_start"] for f in find_dates(text, published=published) if f.kind == "date"}
    assert got[span] == start
