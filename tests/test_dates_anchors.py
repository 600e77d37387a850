"""Year anchors of date mentions: the year after a date, the publication grace, the writing year, 上年.

Four rules of zhenggai.mentions.date_years, each with its own cases:

1. no year before a date and no publication date → the first event year after it
   (else an ``unparsed_date`` whose reason says so);
2. a year-less date is moved back a year only when it would start more than
   ``FUTURE_GRACE`` (60 days) after publication — singles and ranges alike;
3. a 今年 + month far after publication shows the notice was written the year before;
4. 上年 alone (较上年, 上年同期, 上年预算执行情况) is a comparison, not a date.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions.date_years import FUTURE_GRACE
from zhenggai.mentions.dates import find_dates


def _dates(text, published=None):
    return {f.text: f for f in find_dates(text, published=published) if f.kind == "date"}


def _check(text, published, span, start, end):
    got = _dates(text, published)
    assert span in got, f"no date {span!r} in {list(got)}"
    v = got[span].values
    assert (str(v["date_start"]), str(v["date_end"])) == (start, end)
    return v


# ------------------------------------------------ 1. the first event year after it

FOLLOWING = [
    pytest.param("截至8月20日,共立行立改问题12个。2022年还将开展专项督查", "8月20日",
                 "2022-08-20", "2022-08-20", id="until-takes-year-later-in-paragraph"),
    pytest.param("5月16日至18日,巡察组进驻社区。2023年8月底前完成整改", "5月16日至18日",
                 "2023-05-16", "2023-05-18", id="range-takes-year-later-in-paragraph"),
    pytest.param("3月9日召开反馈会。\n一、整改工作\n2021年9月起开展排查", "3月9日",
                 "2021-03-09", "2021-03-09", id="year-in-a-later-paragraph"),
    pytest.param("6月12日,审计组进点。对本单位2020年度收支开展审计。2021年完成整改", "6月12日",
                 "2021-06-12", "2021-06-12", id="skips-audited-niandu"),
    pytest.param("7月3日进驻。重点检查2018年以来的工程项目,2022年10月反馈", "7月3日",
                 "2022-07-03", "2022-07-03", id="skips-yilai-start"),
    pytest.param("9月1日进驻。检查2017年至2019年的账目,2020年完成", "9月1日",
                 "2020-09-01", "2020-09-01", id="skips-range-of-past-years"),
    pytest.param("4月8日进驻。学习《2019年党建工作要点》,2021年完成", "4月8日",
                 "2021-04-08", "2021-04-08", id="skips-year-in-title"),
    pytest.param("2月25日反馈。依据南政办〔2018〕9号文件,2022年退回", "2月25日",
                 "2022-02-25", "2022-02-25", id="skips-docnumber-year"),
]


@pytest.mark.parametrize("text,span,start,end", FOLLOWING)
def test_no_year_before_takes_following_event_year(text, span, start, end):
    v = _check(text, None, span, start, end)
    assert v["year_inferred"] is True


KEEPS_YEAR_BEFORE = [
    pytest.param("2020年5月巡察。8月20日反馈。2022年复查", None, "8月20日", "2020-08-20",
                 id="year-before-wins-over-year-after"),
    pytest.param("11月5日召开推进会。2023年继续推进", date(2023, 6, 2), "11月5日", "2022-11-05",
                 id="publication-date-wins-over-year-after"),
]


@pytest.mark.parametrize("text,published,span,start", KEEPS_YEAR_BEFORE)
def test_year_before_and_publication_keep_their_place(text, published, span, start):
    assert str(_dates(text, published)[span].values["date_start"]) == start


@pytest.mark.parametrize(
    "text,span",
    [
        pytest.param("截至10月18日,已整改到位问题9个", "10月18日", id="until-no-year-anywhere"),
        pytest.param("3月2日至6日开展回头看,对2019年度预算开展审计", "3月2日至6日", id="only-scope-year-after"),
        pytest.param("12月1日,召开专题民主生活会", "12月1日", id="single-no-year-anywhere"),
    ],
)
def test_no_year_anywhere_is_reported_unparsed(text, span):
    found = find_dates(text)
    unparsed = [f for f in found if f.kind == "unparsed_date"]
    assert [f.text for f in unparsed] == [span]
    assert "no year in context" in unparsed[0].values["reason"]
    assert text[unparsed[0].start:unparsed[0].end] == span


@pytest.mark.parametrize(
    "text",
    [pytest.param("12月1日,召开专题民主生活会", id="with-publication-date")],
)
def test_publication_date_anchors_instead_of_unparsed(text):
    found = find_dates(text, published=date(2023, 6, 2))
    assert [(f.kind, str(f.values.get("date_start"))) for f in found] == [("date", "2022-12-01")]


# ------------------------------------------------ 2. the publication grace

GRACE = [
    pytest.param("于10月16日至10月22日开展集中学习", date(2023, 10, 12), "10月16日至10月22日",
                 "2023-10-16", "2023-10-22", id="range-days-after-publication-kept"),
    pytest.param("于10月16日开展集中学习", date(2023, 10, 12), "10月16日",
                 "2023-10-16", "2023-10-16", id="single-days-after-publication-kept"),
    pytest.param("2023年度整改台账……11月底召开总结会", date(2023, 10, 12), "11月底",
                 "2023-11-21", "2023-11-30", id="part-within-grace-kept"),
    pytest.param("12月15日召开专题会议", date(2024, 1, 12), "12月15日",
                 "2023-12-15", "2023-12-15", id="january-notice-december-moved-back"),
    pytest.param("12月15日至18日开展督查", date(2024, 1, 12), "12月15日至18日",
                 "2023-12-15", "2023-12-18", id="january-notice-december-range-moved-back"),
    pytest.param("2023年工作要点……9月1日召开推进会", date(2023, 6, 2), "9月1日",
                 "2022-09-01", "2022-09-01", id="beyond-grace-moved-back"),
    # a 截至 date states progress already made: never after publication, grace or not
    pytest.param("2023年5月巡察。截至10月20日,已整改14个", date(2023, 10, 12), "10月20日",
                 "2022-10-20", "2022-10-20", id="until-gets-no-grace"),
]


@pytest.mark.parametrize("text,published,span,start,end", GRACE)
def test_future_grace(text, published, span, start, end):
    _check(text, published, span, start, end)


def test_grace_is_sixty_days():
    assert FUTURE_GRACE.days == 60


# ------------------------------------------------ 3. the writing year

WRITING_YEAR = [
    pytest.param("今年9月,区人大常委会听取审计工作报告。今年以来整改问题21个", date(2024, 1, 8), "今年",
                 "2023-01-01", "2023-12-31", id="jinnian-yilai-follows-jinnian-month"),
    pytest.param("今年9月,区人大常委会听取审计工作报告", date(2024, 1, 8), "今年9月",
                 "2023-09-01", "2023-09-30", id="jinnian-month-itself"),
    pytest.param("今年10月12日召开会议。去年同期完成7项", date(2024, 1, 8), "去年同期",
                 "2022-01-01", "2022-01-08", id="qunian-counts-from-writing-year"),
    pytest.param("今年以来办结信访件5件。本年11月召开总结会", date(2024, 1, 8), "今年",
                 "2023-01-01", "2023-12-31", id="decided-once-for-earlier-jinnian"),
    pytest.param("今年8月召开推进会,明年3月完成", date(2023, 1, 6), "明年3月",
                 "2023-03-01", "2023-03-31", id="mingnian-counts-from-writing-year"),
    pytest.param("今年3月召开推进会。今年以来办结5件", date(2024, 1, 8), "今年",
                 "2024-01-01", "2024-12-31", id="near-month-keeps-publication-year"),
    pytest.param("计划于今年10月召开总结会。今年以来办结5件", date(2024, 1, 8), "今年",
                 "2024-01-01", "2024-12-31", id="plan-decides-nothing"),
    pytest.param("今年11月底前完成全部整改。今年以来办结5件", date(2024, 1, 8), "今年",
                 "2024-01-01", "2024-12-31", id="deadline-decides-nothing"),
]


@pytest.mark.parametrize("text,published,span,start,end", WRITING_YEAR)
def test_writing_year(text, published, span, start, end):
    _check(text, published, span, start, end)


# ------------------------------------------------ 4. 上年 as a comparison

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("绩效目标设定与上年预算执行情况挂钩", id="shangnian-budget-execution"),
        pytest.param("支出率较上年提高4.2个百分点", id="jiao-shangnian"),
        pytest.param("办件量比上年增长12%", id="bi-shangnian"),
        pytest.param("上年度结转资金已全部清理", id="shangniandu"),
        pytest.param("上年度预算执行情况良好", id="shangniandu-budget"),
        pytest.param("上年度结余资金收回财政", id="shangniandu-balance"),
        pytest.param("支出较上年度增长5%", id="jiao-shangniandu"),
        pytest.param("与上年全年相比有所下降", id="yu-shangnian-quannian"),
        pytest.param("上一年预算执行结果", id="shangyinian"),
    ],
)
def test_shangnian_comparison_is_no_date(text):
    assert _dates(text, date(2023, 6, 2)) == {}


@pytest.mark.parametrize(
    "text,span,start,end",
    [
        pytest.param("上年12月启动清查", "上年12月", "2022-12-01", "2022-12-31", id="shangnian-month"),
        pytest.param("上年底全部销号", "上年底", "2022-11-01", "2022-12-31", id="shangnian-year-end"),
        pytest.param("听取了上年度审计工作报告", "上年度", "2022-01-01", "2022-12-31", id="shangniandu-report"),
        pytest.param("已对上年度采购的药品逐笔核对", "上年度", "2022-01-01", "2022-12-31",
                     id="shangniandu-described"),
        pytest.param("上年全年完成收入9亿元", "上年", "2022-01-01", "2022-12-31", id="shangnian-quannian"),
    ],
)
def test_concrete_shangnian_stays_a_date(text, span, start, end):
    _check(text, date(2023, 6, 2), span, start, end)


# ------------------------------------------------ properties

_PIECES = st.sampled_from(["今年", "上年", "截至", "9月12日", "至", "20日", "2022年", "年度", "以来", "《", "》",
                           "\n", "。", "12月", "将于", "10月16日", "较"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join),
       st.one_of(st.none(), st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 12, 31))))
def test_property_anchor_pieces(text, published):
    end = 0
    for f in find_dates(text, published=published):
        assert f.start >= end and text[f.start:f.end] == f.text
        end = f.end
        if f.kind == "date":
            assert f.values["date_start"] <= f.values["date_end"]
        else:
            assert f.values["reason"]


# ------------------------------------------------ 5. findings do not lend their year

FINDINGS = [
    pytest.param("截至2024年11月30日已整改20个。\n审计发现:截至2023年12月31日,欠缴租金186万元。\n"
                 "整改情况:已于9月中下旬收回欠缴租金。", date(2024, 12, 9), "9月中下旬",
                 "2024-09-11", "2024-09-30", id="finding-day-date-does-not-carry"),
    pytest.param("2024年5月完成审计。\n存在问题:2023年采购的设备闲置。\n整改情况:10月底前完成调剂。",
                 date(2024, 12, 9), "10月底", "2024-10-21", "2024-10-31", id="finding-year-does-not-carry"),
    pytest.param("2023年5月完成审计。\n整改情况:2024年3月完成调剂,6月验收。", date(2024, 12, 9), "6月",
                 "2024-06-01", "2024-06-30", id="rectification-year-carries"),
]


@pytest.mark.parametrize("text,published,span,start,end", FINDINGS)
def test_finding_years_do_not_carry(text, published, span, start, end):
    _check(text, published, span, start, end)
