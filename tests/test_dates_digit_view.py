"""Digit runs read from an ASCII view of the text give the runs DIGIT_RUN_RE finds, and the screen
told once by find_mentions gives the finders' own results.

date_patterns.digit_runs reads the runs of four digits or more from a bytes view of the text (ASCII
digits "0", every other character "."), when date_patterns.digit_screen finds no character of a
block that holds another decimal digit, nor one beyond U+FFFF.  find_mentions tells the screen once
and hands it to find_dates (the view), find_counts and find_money (no astral character then).
These tests derive the blocks from both engines' ``\\d`` and compare the view and the finders with
the plain scans on written cases and on random text dense in digits of several scripts.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import date_patterns as P
from zhenggai.mentions import find_mentions
from zhenggai.mentions.counts import find_counts
from zhenggai.mentions.dates import find_dates
from zhenggai.mentions.money import find_money

_ANY_DIGIT = regex.compile(r"\d")


def test_the_screened_blocks_hold_every_other_digit_of_both_engines():
    blocks = set(P._OTHER_DIGIT_BLOCKS)
    for cp in range(0x80, 0x10000):
        ch = chr(cp)
        if ch.isdecimal() or _ANY_DIGIT.match(ch):
            assert cp >> 8 in blocks, hex(cp)
    assert set(range(0xD8, 0xE0)) <= blocks  # surrogates: a character beyond U+FFFF, or a lone one


def plain_runs(text):
    return [m.span() for m in P.DIGIT_RUN_RE.finditer(text)]


WRITTEN = [
    pytest.param("于2023年5月,编号123,电话12345678", id="ascii"),
    pytest.param("２０２３年，2024年", id="full-width"),
    pytest.param("٢٠٢٣年 and 2024年", id="arabic-indic"),
    pytest.param("१२३४५ 12345", id="devanagari"),
    pytest.param("\U0001D7CE\U0001D7CF\U0001D7D0\U0001D7D1年 1234", id="astral-digits"),
    pytest.param("共\U00011F51\U00011F52个,2023年", id="astral"),
    pytest.param("2023\ud800年1234", id="lone-surrogate"),
    pytest.param("", id="empty"),
    pytest.param("12345678901234567890", id="one-run"),
]


@pytest.mark.parametrize("text", WRITTEN)
def test_the_view_gives_the_runs_of_the_scan(text):
    with limits.deadline(10):
        assert P.digit_runs(text) == P.digit_runs(text, False)  # False: the screen failed, the scan
        runs = P._ascii_digit_runs(text)
        assert runs is None or runs == plain_runs(text)
        if P.digit_screen(text):
            assert not limits.astral(text)
            assert runs == plain_runs(text)


def test_the_screen_refuses_other_digits_and_astral_characters():
    assert P.digit_screen("于2023年5月,完成整改。\n")
    assert not P.digit_screen("于2023年5月，完成整改")  # ，is U+FF0C, in the block of ０-９: scanned
    assert not P.digit_screen("٢٠٢٣")
    assert not P.digit_screen("２０２３")  # (find_dates folds them first: the scan reads them then)
    assert not P.digit_screen("\U00011F51")
    assert not P.digit_screen("\ud800")


ALPHABET = "0123456789年月日元个%.,- 一二三〇\n٢٣१२２３\U0001D7CE\U00011F51万亿人项"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_the_view_gives_the_runs_of_the_scan_on_random_text(text):
    with limits.deadline(10):
        runs = P._ascii_digit_runs(text)
        assert runs is None or runs == plain_runs(text)
        if P.digit_screen(text):
            assert runs == plain_runs(text)
            assert not limits.astral(text)


def _rows(finder, *args, **kwargs):
    """What a finder gives, or the error it raises (the same either way: a Kawi digit is a \\d for
    the regex module that the month table and the count's number reading do not read)."""
    try:
        return [(f.kind, f.start, f.end, f.text, f.values) for f in finder(*args, **kwargs)]
    except (KeyError, ValueError, ArithmeticError) as error:
        return (type(error).__name__, str(error))


def _check_finders(text):
    """find_dates, find_counts and find_money given the screen as find_mentions gives it, and alone."""
    with limits.deadline(10):
        screened = P.digit_screen(text)
        astral = False if screened else None
        assert _rows(find_dates, text, screened=screened) == _rows(find_dates, text)
        assert _rows(find_counts, text, astral=astral) == _rows(find_counts, text)
        assert _rows(find_money, text, astral=astral) == _rows(find_money, text)


SENTENCES = [
    "2022年7月15日至9月23日开展巡察,追回资金111.95万元,反馈问题12个,整改率99%",  # screened
    "２０２３年５月，共\U00011F51\U00011F52个问题，约谈干部35人次，人民币约100万元",
    "于2021111日召开，٢٠٢٣年，编号12345678，2023.6.1-6.30",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_finders_given_the_screen_equal_the_finders_alone(text):
    _check_finders(text)
    with limits.deadline(10):
        assert find_mentions(text)  # the merge of the same spans


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + "至到约近余多以上", max_size=50))
def test_finders_given_the_screen_equal_the_finders_alone_on_random_text(text):
    _check_finders(text)
