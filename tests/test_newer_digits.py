"""Decimal digits the regex module reads as ``\\d`` but Python's own Unicode tables do not know.

The patterns run on the regex module, whose Unicode is newer than Python 3.11's ``unicodedata``:
Kawi (U+11F50…), Nag Mundari (U+1E4F0…) and later scripts' digits match ``\\d`` there, and ``int`` could
not read them, so ``extract_text("2024年\\U00011F51月")`` raised ``KeyError`` from deep inside the dates.
Every place that turns matched digits into a number now reads them by ``numerals.read_int``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest
import regex

import zhenggai
from zhenggai.numerals import ascii_digits, digit_value, parse_number, read_int

# Every such digit, found from the two tables rather than listed by hand.
NEWER = [chr(c) for c in range(0x10000, 0x110000)
         if regex.match(r"\d", chr(c)) and unicodedata.decimal(chr(c), None) is None]
KAWI_ONE, KAWI_TWO = "\U00011F51", "\U00011F52"

pytestmark = pytest.mark.skipif(not NEWER, reason="Python's tables know every digit the regex module knows")


class TestValues:
    def test_each_newer_digit_reads_as_its_place_in_a_run_of_ten(self):
        # Unicode encodes a script's digits 0..9 in order: a run of ten starts at every multiple of ten.
        for ch in NEWER:
            start = ord(ch)
            while regex.match(r"\d", chr(start - 1)):
                start -= 1
            assert digit_value(ch) == (ord(ch) - start) % 10

    @pytest.mark.parametrize("ch, value", [("0", 0), ("9", 9), ("٣", 3), ("３", 3), ("\U0001D7D9", 1),
                                           (KAWI_ONE, 1), ("\U0001E4F5", 5)],
                             ids=["ascii-0", "ascii-9", "arabic-indic", "full-width", "math-double-struck",
                                  "kawi", "nag-mundari"])
    def test_known_and_newer(self, ch, value):
        assert digit_value(ch) == value

    def test_not_a_digit(self):
        with pytest.raises(ValueError, match="not a decimal digit"):
            digit_value("年")

    def test_read_int_and_ascii_digits(self):
        assert read_int(KAWI_ONE + KAWI_TWO) == 12
        assert read_int("٢٠٢٤") == 2024  # Python reads these itself; the same answer
        assert ascii_digits(f"20{KAWI_TWO}4年") == "2024年"

    def test_parse_number(self):
        assert parse_number(f"1{KAWI_TWO}.5") == Decimal("12.5")
        assert parse_number(f"{KAWI_ONE}万") == Decimal("10000")


# Forms of the genre with the digits written in a newer script: each must give a record, not an exception.
FORMS = {
    "date": "2024年{d}月3日召开专题会议",
    "date-iso": "2024-{d}-{d}",
    "bare-day": "截至{d}日",
    "year": "20{d}{d}年以来",
    "range": "2024年{d}月{d}日至{d}日",
    "money": "追缴资金{d}{d}.{d}{d}万元",
    "count": "共发现问题{d}{d}个，已整改{d}{d}个",
    "percent": "整改完成率{d}{d}.{d}%",
    "document": "〔20{d}{d}〕{d}号",
    "heading": "{d}、存在问题\n整改情况",
    "item": "（{d}）落实整改",
    "published": "发布时间：20{d}{d}-{d}{d}-{d}{d} {d}{d}:{d}{d}:{d}{d}",
    "numeric-date": "20240{d}0{d}",
}


@pytest.mark.parametrize("form", FORMS.values(), ids=FORMS.keys())
def test_every_newer_digit_in_every_form(form):
    for ch in NEWER:
        zhenggai.extract_text(form.format(d=ch))  # raised KeyError / ValueError before


def test_values_read_through():
    record = zhenggai.extract_text(f"2024年{KAWI_ONE}月3日召开会议，追回资金1{KAWI_TWO}万元。")
    dates = [m for m in record.mentions if m.kind == "date"]
    money = [m for m in record.mentions if m.kind == "money"]
    assert [(m.date_start, m.date_end, m.granularity) for m in dates] == [(dt.date(2024, 1, 3),) * 2 + ("day",)]
    assert [m.value for m in money] == [Decimal("120000")]
