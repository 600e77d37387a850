"""The `truncated` flag: a text that stops mid-notice, and the endings that are whole."""

from __future__ import annotations

import pytest

from zhenggai.api import extract_text
from zhenggai.facts.truncation import truncation_reason

HEAD = "关于巡察反馈意见整改进展情况的通报\n一、压实整改责任\n召开专题会议研究部署整改工作。\n"


def _codes(text: str) -> list[str]:
    return [f.code for f in extract_text(text).flags]


@pytest.mark.parametrize(
    "tail,why",
    [
        ("二、聚焦反馈问题，逐项推进整改\n对照反馈的3个方面25个具体问题，已完成整改19个，整改完", "mid-sentence"),
        ("二、聚焦反馈问题，逐项推进整改\n修订完善财务报销审批流程，", "mid-sentence"),
        ("二、聚焦反馈问题，逐项推进整改\n建立整改工作月报", "mid-sentence"),
        ("二、聚焦反馈问题，逐项推进整改\n", "heading"),
        ("（二", "heading marker"),
        ("欢迎广大干部群众对整改落实情况进行监督。联系电话", "label with no value"),
        ("共追回资金23.46万元（其中", "bracket"),
        ("第1页 共2页 下一页 尾页", "another page"),
    ],
    ids=["cut-sentence", "cut-after-comma", "cut-short-line", "ends-on-heading", "bare-marker",
         "label-without-value", "open-bracket", "page-links"],
)
def test_text_cut_mid_notice_is_flagged(tail, why):
    (message,) = [f.message for f in extract_text(HEAD + tail).flags if f.code == "truncated"]
    assert why in message


@pytest.mark.parametrize(
    "tail",
    [
        "欢迎广大干部群众对整改落实情况进行监督。",
        "中共某市民政局党组\n2023年6月28日",
        "特此通报",
        "联系电话：0571-87000000",
        "（责任编辑：张三）",
        "二〇二三年六月二十八日",
        "下一步，我局将持续巩固整改成果。\n某市民政局",
    ],
    ids=["full-stop", "signature-and-date", "formula", "contact", "editor", "chinese-date", "closing-and-name"],
)
def test_whole_notice_endings_are_not_flagged(tail):
    assert truncation_reason(HEAD + tail) is None
    assert "truncated" not in _codes(HEAD + tail)


def test_outline_short_of_the_stated_aspects_without_a_closing():
    from types import SimpleNamespace as N

    outline = [N(marker="一、", role="issue", start=0, children=[]), N(marker="二、", role="issue", start=5, children=[])]
    reason = truncation_reason("一、甲问题整改。\n二、乙问题整改。", outline, aspects=4)
    assert reason == "the outline stops after 2 of 4 stated aspects and no closing part follows"
    assert truncation_reason("一、甲问题整改。\n二、乙问题整改。", outline, aspects=2) is None


# -- the joined-lines rule-out of the pagination widget ---------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from zhenggai.facts.truncation import _PAGE_COUNT, _page_link_re, page_widget_line  # noqa: E402


def _widget_by_line(lines):
    return next((line for line in lines if _page_link_re().search(line) or _PAGE_COUNT.search(line)), None)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="共页下一尾末阅读全文查看继续 \u30002910第\n", max_size=12), max_size=6))
def test_property_page_widget_line_is_the_first_line_a_line_by_line_scan_finds(lines):
    assert page_widget_line(lines) == _widget_by_line(lines)


@pytest.mark.parametrize(
    "lines,expected",
    [(["召开专题会议。", "下一页"], "下一页"), (["共", "2页"], None), (["第1页 共2页"], "第1页 共2页"), ([], None)],
    ids=["link_word", "a_count_split_over_two_lines_is_no_widget", "page_count", "no_lines"],
)
def test_page_widget_line(lines, expected):
    assert page_widget_line(lines) == expected
