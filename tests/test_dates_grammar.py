"""The date grammar of conventions.md, class by class (issue 11 parts 1 and 2).

Each case: text, reference date (None: no reference), the span expected, its first and
last day, and its granularity.  Values are written from the conventions, not from output.
"""

from __future__ import annotations

from datetime import date

import pytest

from zhenggai.mentions.dates import find_dates

REF = date(2023, 7, 12)


def case(id_, text, span, when, gran, ref=REF):
    start, _, end = when.partition("/")
    first, last = date.fromisoformat(start), date.fromisoformat(end or start)
    return pytest.param(text, ref, span, first, last, gran, id=id_)


def check(text, ref, span, start, end, gran):
    found = {f.text: f for f in find_dates(text, published=ref) if f.kind == "date"}
    assert span in found, f"no date {span!r} in {list(found)}"
    f = found[span]
    assert (f.values["date_start"], f.values["date_end"], f.values["granularity"]) == (start, end, gran)
    assert text[f.start:f.end] == span


RELATIVE_YEARS = [
    case("jinnian", "今年以来共追回资金", "今年", "2023-01-01/2023-12-31", "year"),
    case("qunian", "去年完成改造", "去年", "2022-01-01/2022-12-31", "year"),
    case("qiannian", "前年启动", "前年", "2021-01-01/2021-12-31", "year"),
    case("mingnian", "明年完成", "明年", "2024-01-01/2024-12-31", "year"),
    case("shangyinian-date", "上一年度考核", "上一年度", "2022-01-01/2022-12-31", "year"),
    case("jinming-liangnian", "今明两年新建住房", "今明两年", "2023-01-01/2024-12-31", "year"),
    case("jinming-traditional", "今明兩年新建住房", "今明兩年", "2023-01-01/2024-12-31", "year"),
    case("niannei", "力争年内完成", "年内", "2023-01-01/2023-12-31", "year"),
    case("dangnian-context", "2019年实施项目146个,当年完成投资", "当年", "2019-01-01/2019-12-31", "year"),
    case("dangnian-scope-year", "2021年下达的资金,当年支出进度92%", "当年", "2021-01-01/2021-12-31", "year"),
    case("dangnian-reference", "当年目标任务全面完成", "当年", "2023-01-01/2023-12-31", "year"),
]

YEAR_PARTS = [
    case("niandi-deadline", "年底前完成整改", "年底", "2023-11-01/2023-12-31", "other"),
    case("niandi-queding", "确保年底完成", "年底", "2023-11-01/2023-12-31", "other"),
    case("nianchu-alone", "年初召开部署会", "年初", "2023-01-01/2023-02-28", "other"),
    case("qunian-niandi", "去年年底已完成", "去年年底", "2022-11-01/2022-12-31", "other"),
    case("short-year-end", "19年底完成", "19年底", "2019-11-01/2019-12-31", "other"),
    case("first-half", "上半年完成投资", "上半年", "2023-01-01/2023-06-30", "other"),
    case("last-year-second-half", "去年下半年", "去年下半年", "2022-07-01/2022-12-31", "other"),
]

QUARTERS_AND_MONTHS = [
    case("shou-jidu", "首季度实现开门红", "首季度", "2023-01-01/2023-03-31", "season"),
    case("di-3-ji", "今年第3季完成", "今年第3季", "2023-07-01/2023-09-30", "season"),
    case("di-1-zhi-3-ji", "第1至3季累计", "第1至3季", "2023-01-01/2023-09-30", "season"),
    case("qian-san-jidu", "前三季度完成", "前三季度", "2023-01-01/2023-09-30", "season"),
    case("qian-wu-ge-yue", "今年前五个月", "今年前五个月", "2023-01-01/2023-05-31", "month"),
    case("qian-shiyi-ge-yue", "2022年前十一个月", "2022年前十一个月", "2022-01-01/2022-11-30", "month"),
    case("bare-first-months", "前10个月,全市支出", "前10个月", "2023-01-01/2023-10-31", "month"),
    case("shou-yue", "首月完成", "首月", "2023-01-01/2023-01-31", "month"),
    case("hou-san-ge-yue", "2022年后三个月", "2022年后三个月", "2022-10-01/2022-12-31", "month"),
]

MONTH_RANGES = [
    case("1-zhi-9", "1至9月,全区税收", "1至9月", "2023-01-01/2023-09-30", "month"),
    case("cn-range", "一至五月,全区发放", "一至五月", "2023-01-01/2023-05-31", "month"),
    case("qunian-1-10", "去年1—10月", "去年1—10月", "2022-01-01/2022-10-31", "month"),
    case("1-yue-zhijin", "1月至今共受理", "1月至今", "2023-01-01/2023-07-12", "other"),
    case("year-word-covers-range", "今年2月27日至4月30日", "今年2月27日至4月30日", "2023-02-27/2023-04-30", "day"),
]

RELATIVE_MONTHS = [
    case("benyue", "本月开展检查", "本月", "2023-07-01/2023-07-31", "month"),
    case("shangyue", "上月完成", "上月", "2023-06-01/2023-06-30", "month"),
    case("xiayue", "下月召开", "下月", "2023-08-01/2023-08-31", "month"),
    case("dangyue-context", "2022年3月进驻,当月完成", "当月", "2022-03-01/2022-03-31", "month"),
    case("ciyue-context", "2022年11月进驻,次月反馈", "次月", "2022-12-01/2022-12-31", "month"),
    case("tongyue-day", "2024年3月8日反馈;同月15日召开动员会", "同月15日", "2024-03-15", "day"),
    case("tongyue-context", "5月出台办法,同月对9个项目逐一复核", "同月", "2023-05-01/2023-05-31", "month"),
    case("ciyue-after-routine-clause", "6月起实行每月检测,次月覆盖率即达到100%", "次月", "2023-07-01/2023-07-31",
         "month"),
    case("benyue-9", "本月9日召开", "本月9日", "2023-07-09", "day"),
    case("yuedi-alone", "月底前完成", "月底", "2023-07-21/2023-07-31", "other"),
    case("bare-day-context", "2023年3月进驻,29日召开动员会", "29日", "2023-03-29", "day"),
    case("bare-day-reference", "5日上午召开", "5日", "2023-07-05", "day"),
    case("bare-day-range", "2023年3月,5日至9日开展", "5日至9日", "2023-03-05/2023-03-09", "day"),
]

SAME_PERIOD = [
    case("span-before", "今年1至9月营收较去年同期增长", "去年同期", "2022-01-01/2022-09-30", "month"),
    case("no-span", "满意度较去年同期提高", "去年同期", "2022-01-01/2022-07-12", "other"),
    case("shangnian-tongqi", "2023年上半年收入较上年同期增长", "上年同期", "2022-01-01/2022-06-30", "other"),
    case("short-lines-one-sentence", "1至4月,村集体收入\n12.4万元,\n较去年同期增加3.1万元。", "去年同期",
         "2022-01-01/2022-04-30", "month"),
    case("new-paragraph-is-another-sentence", "1至4月收入12.4万元。\n满意度较去年同期提高", "去年同期",
         "2022-01-01/2022-07-12", "other"),
]

SHORT_AND_CHINESE_YEARS = [
    case("yy-day", "18年10月1日起施行", "18年10月1日", "2018-10-01", "day"),
    case("yy-2000s", "03年2月28日成立", "03年2月28日", "2003-02-28", "day"),
    case("yy-1900s", "98年4月改制", "98年4月", "1998-04-01/1998-04-30", "month"),
    case("yy-next-year-plan", "力争24年6月完成", "24年6月", "2024-06-01/2024-06-30", "month"),
    case("cn-ling", "二零二一年完成", "二零二一年", "2021-01-01/2021-12-31", "year"),
    case("cn-two-digit-quarter", "九七年一季度", "九七年一季度", "1997-01-01/1997-03-31", "season"),
    case("cn-two-digit-alone", "该厂于九八年改制", "九八年", "1998-01-01/1998-12-31", "year"),
    case("decade-shangshiji", "建于上世纪90年代", "上世纪90年代", "1990-01-01/1999-12-31", "other"),
    case("decade-cn", "八十年代修建", "八十年代", "1980-01-01/1989-12-31", "other"),
    case("decade-sets-no-context", "2022年启动,该楼建于上世纪90年代,6月30日前完成", "6月30日", "2022-06-30", "day"),
    case("full-width", "２０２３年３月", "２０２３年３月", "2023-03-01/2023-03-31", "month"),
]

COMPACT = [
    case("eight-digits", "于20240307印发", "20240307", "2024-03-07", "day"),
    case("dots", "2022.11.23召开", "2022.11.23", "2022-11-23", "day"),
    case("slashes", "2022/11/23召开", "2022/11/23", "2022-11-23", "day"),
    case("spaces", "日期 2022 11 23", "2022 11 23", "2022-11-23", "day"),
    case("stamp", "2022-11-23 10:05 来源", "2022-11-23 10:05", "2022-11-23", "day"),
    case("mixed-separators", "1994.01-19", "1994.01-19", "1994-01-19", "day"),
    case("year-month", "2022.11完成", "2022.11", "2022-11-01/2022-11-30", "month"),
]

REPAIRED = [
    case("ymd-one-reading", "2021915日召开", "2021915日", "2021-09-15", "day"),
    case("ymd-two-digit-month", "20211228日召开", "20211228日", "2021-12-28", "day"),
    case("leap-day", "2024229日召开", "2024229日", "2024-02-29", "day"),
    case("month-lost", "2023年915日召开", "2023年915日", "2023-09-15", "day"),
    case("year-month-run", "20229月起施行", "20229月", "2022-09-01/2022-09-30", "month"),
    case("range-run", "2024717日至830日开展巡察", "2024717日至830日", "2024-07-17/2024-08-30", "day"),
]

CROSS_RANGES = [
    case("short-years", "18年10月1日到19年2月3日", "18年10月1日到19年2月3日", "2018-10-01/2019-02-03", "day"),
    case("qi-zhi-zhi", "自2020-05-26起至2020-05-29止", "2020-05-26起至2020-05-29", "2020-05-26/2020-05-29", "day"),
    case("dayless", "1月3至2月10开展", "1月3至2月10", "2023-01-03/2023-02-10", "day"),
    case("between", "2007年与2009年之间", "2007年与2009年之间", "2007-01-01/2009-12-31", "year"),
    case("cong-dao", "从2016到2018", "2016到2018", "2016-01-01/2018-12-31", "year"),
    case("month-to-year", "2008.03-2009", "2008.03-2009", "2008-03-01/2009-12-31", "other"),
    case("shared-niandu", "2013、2014年度", "2013、2014年度", "2013-01-01/2014-12-31", "year"),
    case("shared-he", "2021年和2022年", "2021年和2022年", "2021-01-01/2022-12-31", "year"),
    case("nian-zhi-nian", "2021年至2023年", "2021年至2023年", "2021-01-01/2023-12-31", "year"),
]


@pytest.mark.parametrize("text,ref,span,start,end,gran", RELATIVE_YEARS)
def test_relative_years(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", YEAR_PARTS)
def test_year_parts(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", QUARTERS_AND_MONTHS)
def test_quarters_and_month_counts(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", MONTH_RANGES)
def test_month_ranges(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", RELATIVE_MONTHS)
def test_relative_months_and_bare_days(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", SAME_PERIOD)
def test_same_period(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", SHORT_AND_CHINESE_YEARS)
def test_short_and_chinese_years(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", COMPACT)
def test_compact_dates(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize("text,ref,span,start,end,gran", REPAIRED)
def test_repaired_dates(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)
    f = next(f for f in find_dates(text, published=ref) if f.text == span)
    assert f.values["repaired"]  # the reason the assembly turns into a repaired_date flag


@pytest.mark.parametrize("text,ref,span,start,end,gran", CROSS_RANGES)
def test_cross_ranges(text, ref, span, start, end, gran):
    check(text, ref, span, start, end, gran)


@pytest.mark.parametrize(
    "text,ref",
    [
        pytest.param("较上年增长6.4%", REF, id="jiao-shangnian"),
        pytest.param("与上一年相比下降", REF, id="yu-shangyinian"),
        pytest.param("上一年预算执行结果", REF, id="shangyinian-budget"),
        pytest.param("每年年底前报送", REF, id="every-year-end"),
        pytest.param("每季度通报进展,年底进行考核", REF, id="routine-year-end"),
        pytest.param("每月10日前公开上月财务收支", REF, id="routine-month"),
        pytest.param("20日内完成整改", REF, id="bare-day-duration"),
        pytest.param("平均3日办结", REF, id="bare-day-average"),
        pytest.param("期限延长5日", REF, id="bare-day-extension"),
        pytest.param("坚持1日1报", REF, id="daily-report"),
        pytest.param("已连续十二年未发生事故", REF, id="twelve-years"),
        pytest.param("三四年完成", REF, id="approximate-years"),
        pytest.param("整改前三个月开展检查", REF, id="months-duration"),
        pytest.param("付款20240307元", REF, id="eight-digit-money"),
        pytest.param("编号20241399", REF, id="eight-digits-no-date"),
        pytest.param("工作18年", REF, id="short-year-duration"),
        pytest.param("四季常青", REF, id="four-seasons"),
    ],
)
def test_not_a_date(text, ref):
    assert [f for f in find_dates(text, published=ref) if f.kind == "date"] == []


@pytest.mark.parametrize(
    "text,span",
    [
        pytest.param("今年以来共追回资金", "今年", id="jinnian"),
        pytest.param("本月开展检查", "本月", id="benyue"),
        pytest.param("比去年同期增长3.4%", "去年同期", id="qunian-tongqi"),
        pytest.param("力争年内完成", "年内", id="niannei"),
        pytest.param("上半年完成投资", "上半年", id="first-half"),
        pytest.param("于2021111日召开", "2021111日", id="two-readings"),
    ],
)
def test_unparsed_without_reference_or_with_two_readings(text, span):
    found = find_dates(text)
    assert [(f.kind, f.text) for f in found] == [("unparsed_date", span)]
    assert found[0].values["reason"]


@pytest.mark.parametrize(
    "text,ref,expected",
    [
        pytest.param("17日,县纪委通报3起问题。", date(2022, 11, 30), date(2022, 11, 17), id="before-reference-day"),
        pytest.param("17日,县纪委通报3起问题。", date(2022, 11, 10), date(2022, 10, 17), id="after-reference-day"),
        pytest.param("17日,县纪委通报3起问题。", date(2023, 1, 10), date(2022, 12, 17), id="across-new-year"),
        pytest.param("将于20日召开推进会。", date(2022, 11, 10), date(2022, 11, 20), id="plan-ahead"),
    ],
)
def test_bare_day_never_after_the_reference_day(text, ref, expected):
    found = [f for f in find_dates(text, published=ref) if f.kind == "date"]
    assert [f.values["date_start"] for f in found] == [expected]
