"""Normalisation: full-width → ASCII, and whitespace that scraping put inside numbers and dates
dropped, with every span mapping back to the original text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions.counts import find_counts
from zhenggai.mentions.dates import find_dates
from zhenggai.mentions.money import find_money
from zhenggai.normalize import normalize

# (raw, normalised text)
SPACED = [
    ("space_inside_full_date", "已于 2022 年 11 月 3 日召开", "已于2022年11月3日召开"),
    ("space_in_range", "2022年 7 月 4 日至 8 月 19 日", "2022年7月4日至8月19日"),
    ("space_year_range", "2020 年至 2022 年", "2020年至2022年"),
    ("space_before_unit", "补发资料 85 卷", "补发资料85卷"),
    ("space_before_percent", "完成率 96.5 %", "完成率96.5%"),
    ("fullwidth_space", "共２０项　整改", "共20项 整改"),
    ("space_between_words_kept", "整改 落实", "整改 落实"),
    ("space_between_digits_kept", "编号 12 34", "编号12 34"),
]
BREAKS = [
    ("year_then_month_day", "截至2022年\n10月31日,", "截至2022年10月31日,"),
    ("year_then_month", "于2022年\n5月完成", "于2022年5月完成"),
    ("year_then_quarter", "力争2025年\n第二季度前完成", "力争2025年第二季度前完成"),
    ("month_then_day", "2022年10月\n31日", "2022年10月31日"),
    ("digit_then_unit", "2022\n年", "2022年"),
    ("heading_after_year_kept", "完成于2022年\n1.加强组织领导", "完成于2022年\n1.加强组织领导"),
    ("paragraph_break_kept", "2022年\n\n10月起施行", "2022年\n\n10月起施行"),
    ("indented_paragraph_kept", "2022年\n\u3000\u300010月起施行", "2022年\n  10月起施行"),
    ("no_year_before_kept", "持续一年\n3月起", "持续一年\n3月起"),
]
THOUSANDS = [
    # Decision: ", " (ASCII comma in the original) then exactly three digits and a unit joins.
    ("comma_space_count", "培训干部 2, 416 名", "培训干部2,416名"),
    ("comma_space_money", "退还 23, 580 元", "退还23,580元"),
    ("fullwidth_comma_is_a_clause_break", "问题12，350名干部", "问题12,350名干部"),
    ("list_of_small_numbers", "第1, 2, 3项", "第1, 2, 3项"),
    ("four_digits_after", "共1, 2345项", "共1, 2345项"),
    ("no_unit_after", "编号为7, 123", "编号为7, 123"),
]


@pytest.mark.parametrize(("raw", "text"), [c[1:] for c in SPACED], ids=[c[0] for c in SPACED])
def test_spaces_inside_numbers_and_dates(raw, text):
    assert normalize(raw).text == text


@pytest.mark.parametrize(("raw", "text"), [c[1:] for c in BREAKS], ids=[c[0] for c in BREAKS])
def test_line_breaks_inside_dates(raw, text):
    assert normalize(raw).text == text


@pytest.mark.parametrize(("raw", "text"), [c[1:] for c in THOUSANDS], ids=[c[0] for c in THOUSANDS])
def test_thousands_separator_followed_by_a_space(raw, text):
    assert normalize(raw).text == text


# (raw, extractor, mention text in the ORIGINAL, value)
THROUGH_EXTRACTORS = [
    ("spaced_day", "已于 2022 年 11 月 3 日反馈", find_dates, "2022 年 11 月 3 日", dt.date(2022, 11, 3)),
    ("broken_day", "截至2022年\n10月31日,共", find_dates, "2022年\n10月31日", dt.date(2022, 10, 31)),
    ("spaced_money", "退还 23, 580 元", find_money, "23, 580 元", Decimal("23580")),
    ("spaced_count", "培训干部 2, 416 名", find_counts, "2, 416 名", Decimal("2416")),
    ("spaced_juan", "整理档案 85 卷", find_counts, "85 卷", Decimal("85")),
]


@pytest.mark.parametrize(
    ("raw", "extract", "text", "value"), [c[1:] for c in THROUGH_EXTRACTORS], ids=[c[0] for c in THROUGH_EXTRACTORS]
)
def test_spans_map_back_to_the_original(raw, extract, text, value):
    norm = normalize(raw)
    found = extract(norm.text)
    assert len(found) == 1
    start, end = norm.span_to_original(found[0].start, found[0].end)
    assert raw[start:end] == text
    got = found[0].values.get("date_start", found[0].values.get("value"))
    assert got == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789年月日号季度第一至 \n\t,，　元名卷项abc")), max_size=60))
def test_property_index_map_is_monotonic_and_exact(raw):
    norm = normalize(raw)
    if norm.index_map is None:
        assert len(norm.text) == len(raw)
        return
    assert len(norm.index_map) == len(norm.text) + 1
    assert list(norm.index_map) == sorted(set(norm.index_map))
    for i, ch in enumerate(norm.text):
        # every kept character is its original (up to the one-to-one width table)
        assert normalize(raw[norm.index_map[i]]).text in (ch, "")
    # only whitespace and invisible characters are ever dropped
    kept = set(norm.index_map[:-1])
    assert all(raw[i].isspace() or raw[i] in "\u200b\ufeff" for i in range(len(raw)) if i not in kept)


def test_special_class_finds_exactly_the_special_characters():
    """The presence scan (one character class) agrees with the table over every BMP character."""
    from zhenggai.normalize import _SPECIAL, _SPECIAL_RE

    every = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    assert set(_SPECIAL_RE.findall(every)) == _SPECIAL


# -- the glue pattern's first test (a digit, Han character or comma before) changes no match ----------

import regex  # noqa: E402

from zhenggai.normalize import _GLUE_RE  # noqa: E402

# The pattern as it was, without its leading lookbehind: each form checks its own character before.
_GLUE_FORMS = regex.compile(
    r"""
    (?<=\d)[ \t]{1,2}(?=[\p{Han}%‰])
    | (?<=\p{Han})[ \t]{1,2}(?=\d)
    | (?<=\d年|[今去明]年|\d月)[ \t]*\r?\n(?=\d{1,2}[月日号]|第?[一二三四1-4]季度|[上下]半年|[上中下]旬)
    | (?<=\d)[ \t]*\r?\n(?=[年月日号])
    | (?<=(?<![\d,.])\d{1,3}(?:,\d{3})*,)[ ](?=\d{3}[ ]?\p{Han})
    """,
    regex.VERBOSE,
)


@pytest.mark.parametrize(
    "text",
    ["2023 年 12 月 6 日", "截至2023年\n12月31日", "2023\n年", "1, 208 名", "今年\n第一季度", "6.4 %", "于 2023",
     "一、总体情况\n  正文 。\r\n2,5 个", "\U0001D7CF 月"],
    ids=["date-spaces", "date-break", "digit-break", "thousands", "relative-year", "percent", "word-digit",
         "no-glue", "astral-digit"],
)
def test_glue_matches_equal_the_forms(text):
    assert [m.span() for m in _GLUE_RE.finditer(text)] == [m.span() for m in _GLUE_FORMS.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0129年月日号今第一季度上半旬名%,. \t\r\n整改\U0001D7CF", max_size=30))
def test_property_glue_matches_equal_the_forms(text):
    assert [m.span() for m in _GLUE_RE.finditer(text)] == [m.span() for m in _GLUE_FORMS.finditer(text)]
