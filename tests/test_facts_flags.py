"""Consistency flags: totals vs outline, dates after publication, heading ordinals, unparsed dates."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_facts_support import Node, date
from zhenggai.facts import NoticeFacts, SourceMeta, check_flags, marker_style
from zhenggai.mentions.base import Found

D = dt.date


def n(marker: str, ordinal: int, role: str = "issue", children=None, start: int = 0, end: int = 1) -> Node:
    return Node(1, marker, ordinal, "标题", start, start + 1, start, end, role, children=children or [])


def codes(flags):
    return [c for c, _m in flags]


ISSUES = [n("一、", 1), n("二、", 2)]

TOTALS = [
    ("sum_differs", {"issues": 10, "completed": 8, "in_progress": 1}, ["totals_mismatch"]),
    ("sum_matches", {"issues": 10, "completed": 9, "in_progress": 1}, []),
    ("one_missing", {"issues": 10, "completed": 8}, []),
    # Fewer issue sections than stated aspects and no closing: the text may stop mid-notice.
    ("aspects_differ", {"aspects": 3}, ["aspects_mismatch", "truncated"]),
    ("aspects_match", {"aspects": 2}, []),
]


@pytest.mark.parametrize("totals,expected", [c[1:] for c in TOTALS], ids=[c[0] for c in TOTALS])
def test_totals_flags(totals, expected):
    assert codes(check_flags("正文", [], ISSUES, NoticeFacts(totals=totals))) == expected


def test_totals_message_names_the_figures():
    (code, message), = check_flags("正文", [], ISSUES, NoticeFacts(totals={"issues": 10, "completed": 8, "in_progress": 1}))
    assert "8" in message and "1" in message and "10" in message


BODY = "一、关于问题的整改情况\n2023年8月完成整改。\n下一步,2023年10月前全面完成。\n"
PUBLISHED = D(2023, 6, 30)


def _dates_case(fragment: str, start: D, **values):
    return [date(BODY, fragment, start, **values)]


DATES = [
    ("explicit_in_body", "2023年8月", D(2023, 8, 1), {}, ["date_after_publication"]),
    ("explicit_in_closing", "2023年10月", D(2023, 10, 1), {}, []),
    ("inferred_in_body", "2023年8月", D(2023, 8, 1), {"year_inferred": True}, ["date_after_publication"]),
    ("deadline_relation", "2023年8月", D(2023, 8, 1), {"relation": "before"}, []),
    ("before_publication", "2023年8月", D(2023, 5, 1), {}, []),
]


@pytest.mark.parametrize("fragment,start,values,expected", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_date_after_publication(fragment, start, values, expected):
    roots = [Node(1, "一、", 1, "关于问题的整改情况", 0, 12, 0, BODY.index("下一步"), "issue"),
             Node(1, "", 0, "下一步", BODY.index("下一步"), BODY.index("下一步") + 3,
                  BODY.index("下一步"), len(BODY), "closing")]
    found = _dates_case(fragment, start, **values)
    assert codes(check_flags(BODY, found, roots, NoticeFacts(), published=PUBLISHED)) == expected


def test_plan_words_exempt_a_future_date():
    text = "一、关于问题\n计划于2024年3月完成。"
    roots = [Node(1, "一、", 1, "关于问题", 0, 6, 0, len(text), "issue")]
    found = [date(text, "2024年3月", D(2024, 3, 1))]
    assert check_flags(text, found, roots, NoticeFacts(), published=D(2023, 6, 1)) == []


def test_published_falls_back_to_meta():
    text = "一、关于问题\n2024年3月完成。"
    roots = [Node(1, "一、", 1, "关于问题", 0, 6, 0, len(text), "issue")]
    found = [date(text, "2024年3月", D(2024, 3, 1))]
    facts = NoticeFacts(meta=SourceMeta(published_at=dt.datetime(2023, 6, 1, 9, 0)))
    assert codes(check_flags(text, found, roots, facts)) == ["date_after_publication"]
    assert check_flags(text, found, roots, NoticeFacts()) == []


ORDINALS = [
    ("in_order", [n("一、", 1), n("二、", 2), n("三、", 3)], []),
    ("duplicate", [n("一、", 1), n("二、", 2), n("二、", 2)], ["heading_ordinal_duplicate"]),
    ("skipped", [n("一、", 1), n("三、", 3)], ["heading_ordinal_skipped"]),
    ("first_not_one", [n("二、", 2), n("三、", 3)], ["heading_ordinal_skipped"]),
    ("mixed_punctuation_one_style", [n("一.", 1), n("二,", 2), n("三、", 3)], []),
    ("restart_after_other_style", [n("一、", 1), n("二、", 2, children=[n("1.", 1), n("2.", 2), n("(1)", 1), n("1.", 1)])], []),
    ("continued_across_parents",
     [n("一、", 1, children=[n("1.", 1), n("2.", 2)]), n("二、", 2, children=[n("3.", 3), n("4.", 4)])], []),
    ("circled_children", [n("一、", 1, children=[n("①", 1), n("②", 2), n("④", 4)])], ["heading_ordinal_skipped"]),
    ("unnumbered_ignored", [n("一、", 1), n("", 0, role="closing")], []),
]


@pytest.mark.parametrize("roots,expected", [c[1:] for c in ORDINALS], ids=[c[0] for c in ORDINALS])
def test_heading_ordinals(roots, expected):
    assert codes(check_flags("正文", [], roots, NoticeFacts())) == expected


@pytest.mark.parametrize("marker,style", [("(十二)", "(C)"), ("（3）", "(A)"), ("3.", "A"), ("4 .", "A"),
                                          ("十一、", "C"), ("⑶", "(A)"), ("②", "O")],
                         ids=["paren_cn", "fullwidth_paren", "arabic", "spaced", "cn", "paren_char", "circled"])
def test_marker_style(marker, style):
    assert marker_style(marker) == style


def test_unparsed_dates_and_no_outline():
    text = "2021915日召开会议,202163日反馈。"
    second = text.index("202163日")
    found = [Found("unparsed_date", 0, 8, "2021915日", {"reason": "month/day lost"}),
             Found("unparsed_date", second, second + 7, "202163日", {})]
    assert all(text[f.start : f.end] == f.text for f in found)
    assert codes(check_flags(text, found, [], NoticeFacts())) == ["unparsed_date", "unparsed_date", "no_outline"]
