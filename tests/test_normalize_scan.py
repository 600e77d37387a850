"""normalize's two scans against the plain scans they replaced.

``special_chars`` (the common full-width characters by ``in``, the rest by one class) must give
``set(_SPECIAL_RE.findall(text))``; ``glue_matches`` (the glue pattern tried at the run starts
``_RUN_STARTS`` keep) must give ``_GLUE_RE.finditer(text)``'s matches, on the sparse texts where it
tries starts and on the dense ones where it scans the whole text.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.normalize import (
    _BLANK_BEFORE,
    _BREAK_BEFORE,
    _GLUE_RE,
    _SPECIAL,
    _SPECIAL_RE,
    glue_matches,
    special_chars,
)


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def _glue_scan(text: str) -> list[tuple[int, int]]:
    """The reference: the glue pattern scanned over the whole text."""
    return _spans(_GLUE_RE.finditer(text))


# -- the special characters --------------------------------------------------------------------------

def test_special_chars_over_every_bmp_character():
    every = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    assert special_chars(every) == _SPECIAL


@pytest.mark.parametrize(
    "text",
    ["", "整改", "截至１０月，共１２项", "（一）　总体情况：；", "a\u200bb\xa0c\x01", "全角！＂＃＄％＆＇＊＋￥"],
    ids=["empty", "none", "digits-comma", "common-only", "invisible-and-control", "rare-punctuation"],
)
def test_special_chars_written(text):
    assert special_chars(text) == set(_SPECIAL_RE.findall(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(_SPECIAL) + list("整改2023年，。 \n\t")), max_size=40))
def test_property_special_chars_equal_the_class_scan(text):
    assert special_chars(text) == set(_SPECIAL_RE.findall(text))


# -- the glue starts -----------------------------------------------------------------------------------

def test_blank_before_holds_every_character_a_form_may_follow():
    """Every digit, Han character and comma the glue pattern's first test accepts (the regex module's
    tables, over every code point) is in the class the blank and tab starts read."""
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    allowed = regex.compile(_BLANK_BEFORE)
    outside = [ch for ch in regex.findall(r"[\d\p{Han},]", every) if not allowed.fullmatch(ch)]
    assert outside == []


def test_break_before_holds_every_digit_and_the_date_units():
    """U+3000..U+9FFF holds no decimal digit (the regex module's \\d, over every code point), so the
    class the line-break starts read keeps every digit, and 年 and 月."""
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    allowed = regex.compile(_BREAK_BEFORE)
    outside = [ch for ch in regex.findall(r"\d", every) + ["年", "月"] if not allowed.fullmatch(ch)]
    assert outside == []


FILLER = "整改工作取得明显成效各项措施落实到位。"  # no blank: keeps the starts sparse

GLUE_CASES = [
    "2023 年 12 月 6 日", "截至2023年\n12月31日", "2023\n年", "1, 208 名", "今年\n第一季度", "6.4 %", "于 2023",
    "一、总体情况\n  正文 。\r\n2,5 个", "\U0001D7CF 月", "٣ 月", "〇 2", "2023年 \t\r\n3月", "2023年\r\n上半年",
    "12,\n 345", "  \n\n", "问题12，350名",
]


@pytest.mark.parametrize("text", GLUE_CASES)
def test_glue_matches_written_dense(text):
    assert _spans(glue_matches(text)) == _glue_scan(text)


@pytest.mark.parametrize("text", GLUE_CASES)
def test_glue_matches_written_among_filler(text):
    """The same cases inside a long text, where the matches come from the starts alone."""
    whole = FILLER * 8 + text + FILLER * 8
    assert len(whole) > 32 * 8  # far fewer starts than one per 32 characters
    assert _spans(glue_matches(whole)) == _glue_scan(whole)


_PIECES = st.text(
    alphabet="0129年月日号今去第一二季度上下半中旬名%‰,.， \t\r\n整改。\U0001D7CF٣〇２", max_size=12
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=8))
def test_property_glue_matches_equal_the_scan(pieces):
    sparse = FILLER.join(["", *pieces, ""])
    assert _spans(glue_matches(sparse)) == _glue_scan(sparse)
    dense = "".join(pieces)
    assert _spans(glue_matches(dense)) == _glue_scan(dense)
