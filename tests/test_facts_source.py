"""Page metadata: title (after breadcrumbs), 来源, 发布时间, 责任编辑; issuer from the title."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.facts import find_source_meta, issuer_from_title
from zhenggai.facts.source import wechat_head
from zhenggai.read.meta import parse_info_line

TITLE_CASES = [
    ("plain", "中共某县水利局党组关于县委巡察整改情况的通报\n正文", "中共某县水利局党组关于县委巡察整改情况的通报", 0),
    ("after_column_and_breadcrumb",
     "整改公开\n\n您现在的位置 : 首页 > 党务公开 > 整改公开\n中共某市审计局党组关于市委巡察整改进展情况的通报\n来源:某市纪委",
     "中共某市审计局党组关于市委巡察整改进展情况的通报", 32),
    ("breadcrumb_same_line",
     "当前位置:首页>党务公开>关于十四届县委第三轮巡察整改情况的公告\n正文",
     "关于十四届县委第三轮巡察整改情况的公告", 13),
    ("audit_report", "关于2023年度县级预算执行审计查出问题整改情况的报告\n——在县人大常委会上",
     "关于2023年度县级预算执行审计查出问题整改情况的报告", 0),
    ("without_guanyu", "网站首页\n中共某区商务局党组巡察整改进展情况通报\n正文",
     "中共某区商务局党组巡察整改进展情况通报", 5),
    ("note_in_brackets", "中共某县文旅局党组关于县委巡察整改情况的通报(第二批)\n正文",
     "中共某县文旅局党组关于县委巡察整改情况的通报(第二批)", 0),
    ("info_disclosure_label_field",
     "- 发布机构:中共某镇委员会\n- 标 题:某镇党委关于十届区委第二轮巡察整改进展情况的通报\n正文",
     "某镇党委关于十届区委第二轮巡察整改进展情况的通报", 21),
    ("file_name_label", "文件名称:中共某县民政局党组关于县委巡察整改情况的通报\n正文",
     "中共某县民政局党组关于县委巡察整改情况的通报", 5),
]


@pytest.mark.parametrize("text,title,start", [c[1:] for c in TITLE_CASES], ids=[c[0] for c in TITLE_CASES])
def test_title(text, title, start):
    meta = find_source_meta(text)
    assert meta.title == title
    assert meta.title_start == start
    assert text[start : start + len(title)] == title


def test_a_section_heading_is_not_the_title():
    text = "根据安排,现将整改情况公布如下。\n一、关于“学习贯彻不够深入”问题的整改情况\n正文"
    assert find_source_meta(text).title is None


def test_title_beyond_first_lines_is_ignored():
    text = "\n".join(f"栏目{i}" for i in range(20)) + "\n关于巡察整改情况的通报"
    assert find_source_meta(text).title is None


META_CASES = [
    ("one_line_spaces", "来源:某县纪委监委      发布时间:2023-06-02 16:43:23",
     "某县纪委监委", dt.datetime(2023, 6, 2, 16, 43, 23)),
    ("glued_labels", "信息来源:某市国资委发布日期:2022-11-03", "某市国资委", dt.date(2022, 11, 3)),
    ("chinese_date", "文章来源: 某区政府网  发布时间:2024年1月9日 08:05", "某区政府网", dt.datetime(2024, 1, 9, 8, 5)),
    ("slashes", "时间:2021/07/15 来源:某州廉政网", "某州廉政网", dt.date(2021, 7, 15)),
    ("full_width_colon", "来源：某县融媒体中心 日期：2020.12.30", "某县融媒体中心", dt.date(2020, 12, 30)),
    ("pipe_separated", "来源:某县政府门户|发布时间:2023-03-01 10:00|浏览次数:120", "某县政府门户",
     dt.datetime(2023, 3, 1, 10, 0)),
]


@pytest.mark.parametrize("line,site,published", [c[1:] for c in META_CASES], ids=[c[0] for c in META_CASES])
def test_site_and_published(line, site, published):
    meta = find_source_meta("关于巡察整改情况的通报\n" + line + "\n正文")
    assert meta.site == site
    assert meta.published_at == published
    assert type(meta.published_at) is type(published)


def test_invalid_date_is_left_out():
    assert find_source_meta("发布时间:2023-02-30").published_at is None


def test_editor_at_the_bottom():
    body = "正文。" * 1000
    meta = find_source_meta("关于巡察整改情况的通报\n" + body + "\n【责任编辑:李某】")
    assert meta.editor == "李某"


ISSUER_CASES = [
    ("party_group", "中共某市民政局党组关于市委巡察整改情况的通报", "中共某市民政局党组"),
    ("committee", "中共某县卫生健康局委员会关于县委巡察整改情况的通报", "中共某县卫生健康局委员会"),
    ("soe", "某城建集团有限公司党委关于集团党委巡察整改进展情况的通报", "某城建集团有限公司党委"),
    ("starts_with_guanyu", "关于市委巡察整改情况的通报", None),
    ("none", None, None),
]


@pytest.mark.parametrize("title,issuer", [c[1:] for c in ISSUER_CASES], ids=[c[0] for c in ISSUER_CASES])
def test_issuer(title, issuer):
    assert issuer_from_title(title) == issuer


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("关于通报来源发布时间:2023-06-02 16:43\n首页>位置巡察整改情况责任编辑某县")), max_size=200))
def test_any_text_gives_consistent_meta(text):
    meta = find_source_meta(text)
    if meta.title is not None:
        assert text[meta.title_start : meta.title_start + len(meta.title)] == meta.title
    assert meta.published_at is None or isinstance(meta.published_at, dt.date)


BROKEN_TITLES = [
    ("two_lines", "索引号: | 0001/2023-01 |\n关于2022年度县级预算执行\n和其他财政收支的审计工作报告\n县审计局局长 某某",
     "关于2022年度县级预算执行和其他财政收支的审计工作报告", 22),
    ("three_lines", "某市人民政府关于我市2021年度市级预算\n\n执行和其他财政收支审计查出问题\n\n的整改情况报告\n正文",
     "某市人民政府关于我市2021年度市级预算执行和其他财政收支审计查出问题的整改情况报告", 0),
    # The issuer set on its own line above 关于…: both lines are the title.
    ("issuer_line_above", "中共某县自然资源局党组\n关于县委第二轮巡察整改情况的通报\n\n正文",
     "中共某县自然资源局党组关于县委第二轮巡察整改情况的通报", 0),
    ("issuer_line_committee", "网站首页\n中共某学院委员会\n关于校党委巡察整改进展情况的通报\n正文",
     "中共某学院委员会关于校党委巡察整改进展情况的通报", 5),
]
NOT_ISSUER_LINES = [
    ("blank_line_between", "中共某县自然资源局党组\n\n关于县委巡察整改情况的通报\n正文"),
    ("sentence_above", "根据县委统一部署,现公布如下\n关于县委巡察整改情况的通报\n正文"),
    ("column_name_above", "整改公开\n关于县委巡察整改情况的通报\n正文"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_ISSUER_LINES], ids=[c[0] for c in NOT_ISSUER_LINES])
def test_line_above_that_names_no_issuer_stays_out(text):
    assert find_source_meta(text).title == "关于县委巡察整改情况的通报"


SIGNATURES = [
    ("arabic", "……特此通报。\n\n中共某县水利局党组\n2023年11月2日\n", dt.date(2023, 11, 2)),
    ("chinese_numerals", "……\n中共某学院委员会\n二〇二三年十二月二十日", dt.date(2023, 12, 20)),
    ("spaced_indented", "……\n某局党组\n　　2023 年 5 月 9 日  \n\n", dt.date(2023, 5, 9)),
    ("date_in_a_sentence", "……\n本通报自2023年5月9日起公开", None),
    ("impossible_day", "……\n某局党组\n2023年2月30日", None),
    ("no_date_at_end", "……\n联系电话:0571-12345678", None),
    # a report read at a meeting has no signature: its "——…日在…会议上" line dates it
    ("speech_line", "关于2022年度县本级审计查出问题整改情况的报告\n\n——2023年11月28日在县第十八届人大常委会第十五次会议上\n\n正文……",
     dt.date(2023, 11, 28)),
    # a printed document: page number, 抄送 and 印发 lines below the signature date
    ("printed_footer_below", "……\n中共某县自然资源局党组\n2023年4月20日\n\n— 4 —\n\n抄送：县纪委监委。\n"
     "某县自然资源局办公室\u3000\u30002023年4月20日印发\n", dt.date(2023, 4, 20)),
    ("footer_without_signature", "……特此报告。\n\n— 4 —\n\n抄送：县纪委监委。\n", None),
    ("speech_line_lost_chars", "关于审计查出问题整改情况的报告\n——20231128日在县人大常委会会议上\n正文", None),
]


@pytest.mark.parametrize("text,signed", [c[1:] for c in SIGNATURES], ids=[c[0] for c in SIGNATURES])
def test_signature_date(text, signed):
    meta = find_source_meta(text)
    assert meta.signed_at == signed
    assert meta.published_at is None  # the signature date is no publication date


@pytest.mark.parametrize("text,title,start", [c[1:] for c in BROKEN_TITLES], ids=[c[0] for c in BROKEN_TITLES])
def test_title_typeset_over_several_lines(text, title, start):
    meta = find_source_meta(text)
    assert meta.title == title
    assert meta.title_start == start


@pytest.mark.parametrize(
    "text,mention,year",
    [
        ("关于县委巡察整改情况的通报\n今年以来,共整改问题12个。\n\n中共某县水利局党组\n2024年2月6日\n", "今年", 2024),
        ("关于县委巡察整改情况的通报\n今年3月完成验收。\n\n某局党组\n二〇二三年十一月八日", "今年3月", 2023),
        ("关于审计查出问题整改情况的报告\n——2023年12月20日在区人大常委会第九次会议上\n今年7月26日,区人大常委会审议了审计工作报告。",
         "今年7月26日", 2023),
    ],
    ids=["jinnian-from-arabic-signature", "jinnian-month-from-chinese-signature", "jinnian-from-speech-date"],
)
def test_signature_date_anchors_relative_years_end_to_end(text, mention, year):
    from zhenggai import extract_notice

    record = extract_notice(text.encode("utf-8"), name="notice.txt")
    dates = [m for m in record.mentions if m.kind == "date" and m.text == mention]
    assert dates and dates[0].date_start.year == year
    assert record.source.published_at is None


# Fix round 3: the 来源 value ends at the next page label; an empty 来源 stays empty.
SITE_CUTS = [
    ("view_count_after_one_space", "某局关于巡察整改情况的通报\n来源:县农业农村局 浏览量:", "县农业农村局"),
    ("view_count_glued", "某局关于巡察整改情况的通报\n来源:县农业农村局浏览次数:318", "县农业农村局"),
    ("click_widget_without_colon", "某局关于巡察整改情况的通报\n来源:县融媒体中心 点击 52 次", "县融媒体中心"),
    ("font_size_widget", "某局关于巡察整改情况的通报\n文章来源:市场监管局【字号:大 中 小】", "市场监管局"),
    ("author_after", "某局关于巡察整改情况的通报\n来源:县纪委监委 作者:办公室", "县纪委监委"),
    ("editor_office_name_kept", "某局关于巡察整改情况的通报\n来源:学报编辑部  发布时间:2024-05-06", "学报编辑部"),
    ("empty_then_date_next_line", "某局关于巡察整改情况的通报\n信息来源:\n发布时间:2024-05-06 09:00", None),
    ("empty_then_date_same_line", "某局关于巡察整改情况的通报\n信息来源: 发布日期:2024-05-06", None),
    ("empty_glued_to_date", "某局关于巡察整改情况的通报\n信息来源:发布时间:2024-05-06", None),
]


@pytest.mark.parametrize("text,site", [c[1:] for c in SITE_CUTS], ids=[c[0] for c in SITE_CUTS])
def test_site_ends_at_the_next_label(text, site):
    assert find_source_meta(text).site == site


# Page furniture is no title: a byline is cut off, 摘要/nav lines are skipped, a column
# name before the title is dropped.
TITLE_FURNITURE = [
    ("column_prefix", "巡察整改公开:中共某县统计局党组关于县委巡察整改情况的通报\n正文",
     "中共某县统计局党组关于县委巡察整改情况的通报"),
    ("column_prefix_full_width", "本级巡察整改：关于区委第二轮巡察整改进展情况的通报\n正文", "关于区委第二轮巡察整改进展情况的通报"),
    ("byline_before", "(记者 周某某)某镇党委巡察整改进展情况通报\n正文", "某镇党委巡察整改进展情况通报"),
    ("byline_after", "中共某县气象局党组关于县委巡察整改情况的通报(通讯员 吴某)\n正文",
     "中共某县气象局党组关于县委巡察整改情况的通报"),
    ("abstract_line_skipped", "摘要\n中共某县档案馆党支部关于县委巡察整改情况的通报\n正文",
     "中共某县档案馆党支部关于县委巡察整改情况的通报"),
    ("unlabelled_nav_line", "首页 > 党务公开 > 关于县委第二巡察组反馈意见整改情况的通报\n正文",
     "关于县委第二巡察组反馈意见整改情况的通报"),
    ("only_furniture", "摘要\n(记者 郑某)\n正文很长的一段话。", None),
]


@pytest.mark.parametrize("text,title", [c[1:] for c in TITLE_FURNITURE], ids=[c[0] for c in TITLE_FURNITURE])
def test_title_without_page_furniture(text, title):
    meta = find_source_meta(text)
    assert meta.title == title
    if title is not None:
        assert text[meta.title_start : meta.title_start + len(title)] == title


# Fix round 6: a date stamp after the site ends it and is the publication time; the
# 信息提供日期 label; an unlabelled "site date" line under the title; audit genre titles.
SITE_STAMPS = [
    ("stamp_with_time", "某省2018年度审计结果公告\n来源:东岭日报 2019-07-22 09:41:05\n正文",
     "东岭日报", dt.datetime(2019, 7, 22, 9, 41, 5)),
    ("stamp_glued_to_site", "关于巡察整改情况的通报\n来源:某县融媒体中心2023-04-11\n正文",
     "某县融媒体中心", dt.date(2023, 4, 11)),
    ("stamp_chinese_date", "关于巡察整改情况的通报\n文章来源:某市纪委监委网站 2022年6月3日\n正文",
     "某市纪委监委网站", dt.date(2022, 6, 3)),
    ("labelled_date_wins", "关于巡察整改情况的通报\n来源:某网 2022-06-03 发布时间:2022-06-05\n正文",
     "某网", dt.date(2022, 6, 5)),
    ("info_provided_date", "关于审计整改的公告\n信息来源:南岸区审计局 信息提供日期:2021-09-14\n正文",
     "南岸区审计局", dt.date(2021, 9, 14)),
    ("provided_date_short", "关于审计整改的公告\n来源:南岸区财政局 提供日期:2021-09-15\n正文",
     "南岸区财政局", dt.date(2021, 9, 15)),
    ("unlabelled_site_line", "中共某县档案馆党支部关于县委巡察整改情况的通报\n\n青石县纪委监委网站　2024年3月18日\n\n正文。",
     "青石县纪委监委网站", dt.date(2024, 3, 18)),
    ("unlabelled_site_line_glued", "中共某县档案馆党支部关于县委巡察整改情况的通报\n青石日报2024-03-18 10:20\n正文。",
     "青石日报", dt.datetime(2024, 3, 18, 10, 20)),
    ("unlabelled_prose_line_no_site", "中共某县档案馆党支部关于县委巡察整改情况的通报\n县委召开会议 2024年3月18日\n正文。",
     None, None),
]


@pytest.mark.parametrize("text,site,published", [c[1:] for c in SITE_STAMPS], ids=[c[0] for c in SITE_STAMPS])
def test_site_stamp_and_date_labels(text, site, published):
    meta = find_source_meta(text)
    assert (meta.site, meta.published_at) == (site, published)
    assert type(meta.published_at) is type(published)


AUDIT_TITLES = [
    ("results_announcement", "首页\n东岭省2017年度审计结果公告\n正文。", "东岭省2017年度审计结果公告"),
    ("work_report", "青石县2022年度县级预算执行和其他财政收支的审计工作报告\n正文。",
     "青石县2022年度县级预算执行和其他财政收支的审计工作报告"),
    ("prose_mention_is_no_title", "根据审计法,区政府向人大常委会提交审计工作报告。\n正文。", None),
]


@pytest.mark.parametrize("text,title", [c[1:] for c in AUDIT_TITLES], ids=[c[0] for c in AUDIT_TITLES])
def test_audit_genre_title(text, title):
    assert find_source_meta(text).title == title


# Held-out round 7: a repost note in brackets after the site name is no part of it, in simplified
# and traditional pages alike (the traditional value is cut where its simplified reading is).
SITE_NOTES = [
    ("fullwidth-brackets", "来源：某州廉政网（转载）  发布时间：2023-09-08", "某州廉政网"),
    ("halfwidth-with-origin", "来源:某县融媒体中心(转自某日报) 发布时间:2023-09-08", "某县融媒体中心"),
    ("closing-bracket-lost", "来源:某市纪委监委网站（摘编 发布时间:2023-09-08", "某市纪委监委网站"),
    ("brackets-inside-a-name-stay", "来源:中国（某某）自由贸易试验区管委会 发布时间:2023-09-08",
     "中国（某某）自由贸易试验区管委会"),
]


@pytest.mark.parametrize("line,site", [c[1:] for c in SITE_NOTES], ids=[c[0] for c in SITE_NOTES])
def test_repost_note_is_cut_from_the_site(line, site):
    assert find_source_meta("关于巡察整改情况的通报\n" + line + "\n正文").site == site


@pytest.mark.parametrize(
    "line,simplified,site",
    [("來源：瀾州廉政網（轉載）　發佈時間：2023-09-08 16:40", "来源：澜州廉政网（转载）　发布时间：2023-09-08 16:40",
      "瀾州廉政網"),
     ("來源：某縣政府網（轉自某報）", "来源：某县政府网（转自某报）", "某縣政府網")],
    ids=["traditional-repost-note", "traditional-origin-note"],
)
def test_repost_note_is_cut_from_a_traditional_info_line(line, simplified, site):
    assert parse_info_line(line, simplified).site == site


# Held-out round 7: a WeChat article copied as text opens with its badge, author, account name
# and stamp; the account is the site (as on a saved WeChat page) and the stamp the publication
# time, even when a 来源 line under the body names the office the article came from.
WECHAT_HEADS = [
    ("badge-account-twice-fabiaoyu-before",
     "原创　清风某县　清风某县　发表于 2023-11-23 10:05\n\n点击蓝字　关注我们\n\n中共某县某局党组关于巡察整改情况的通报\n正文。\n来源：县委巡察办",
     "清风某县", dt.datetime(2023, 11, 23, 10, 5)),
    ("author-account-stamp-region-after",
     "原创 张某 清风某县 2024-03-05 18:30 发表于浙江\n关于巡察整改情况的通报\n正文。",
     "清风某县", dt.datetime(2024, 3, 5, 18, 30)),
    ("badge-author-account-stamp-bare-region",
     "原创 张某 清风某县 2023年11月23日 10:05 浙江\n关于巡察整改情况的通报\n正文。",
     "清风某县", dt.datetime(2023, 11, 23, 10, 5)),
    ("account-stamp-chinese-date-region-after",
     "某县纪检监察 2022年7月1日 09:00 发表于云南\n关于巡察整改情况的通报\n正文。",
     "某县纪检监察", dt.datetime(2022, 7, 1, 9, 0)),
]


@pytest.mark.parametrize("text,site,published", [c[1:] for c in WECHAT_HEADS], ids=[c[0] for c in WECHAT_HEADS])
def test_wechat_head_line(text, site, published):
    meta = find_source_meta(text)
    assert (meta.site, meta.published_at) == (site, published)


@pytest.mark.parametrize(
    "text",
    ["某某市纪委监委网站 2024年10月29日\n关于巡察整改情况的通报\n正文。",
     "清风某县 2023-11-23 10:05 浙江\n关于巡察整改情况的通报\n正文。",
     "关于巡察整改情况的通报\n截至 2023-11-23 10:05\n正文。"],
    ids=["site-byline-without-wechat-mark", "name-stamp-region-without-wechat-mark", "plain-stamp-line"],
)
def test_no_wechat_head_without_its_marks(text):
    assert wechat_head(text) is None
