"""money's fast scan gives exactly what the pattern as first written gives on the regex module.

The money pattern was rewritten for both engines (each group name once, ``\\s`` spelled as the
regex module reads it, qualifier words as tries, a lookahead for the first character) so that
limits.Twin can run it on Python's ``re`` for short windows; these tests compare the new scan with the old pattern's whole-text scan on notice sentences
and on random text over the characters that matter: same spans, same groups.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import money
from zhenggai.mentions.money import _SMALL_DIGIT, _UNIT_CHARS, _YUAN_CHARS
from zhenggai.numerals import ARABIC, CHINESE, CN_NUMERAL_CHARS

# The qualifier words as the alternation they were (the pattern holds them as tries).
_APPROX_BEFORE = r"(?:大约|约|約|将近|將近|接近|近|不超过|超过|超過|超|逾|不足|不到|不少于|至少|上)"
_APPROX_AFTER = r"(?:以上|以下|以内|左右)"

# The pattern as written before the rewrite (duplicate group names lo/hi/yuan, \s), on regex.
_ORIGINAL = regex.compile(
    rf"""
    (?P<q1>{_APPROX_BEFORE})?                    # 约/近/超过 … before the currency word
    (?:(?P<cur>人民币|RMB|¥|￥)\s?)?             # currency marker (¥ 1,234 may be spaced); 元 then optional
    (?P<q1b>{_APPROX_BEFORE})?                   # 人民币约100万元: qualifier after the currency word
    (?P<neg>(?<![\dA-Za-z.,%)）])[-－−]|(?<!正)[负負])?   # a sign: -3.8亿元, 负3亿元 (not the dash of a range)
    (?:                                          # the (low) number, either
      (?<![\dA-Za-z.])(?<!\d,)                   # Arabic: not the tail of a longer number/code
      (?P<lo>{ARABIC})                           # 4250, 12.79, 1,234.5
    |                                            # or
      (?<![{CN_NUMERAL_CHARS}数几若成第每])        # Chinese: not inside a longer numeral or 数千元/几万元
      (?P<lo>{CHINESE})                          # 一百二十万, 三千, 一点五, 两亿, 肆佰叁拾萬
    )
    (?P<lo_q>[余多来])?                          # 427余万元, 三千余万元, 十来万元
    (?:[ \t\u00a0](?=[{_UNIT_CHARS}元]))?          # 51326.84 万元: one blank left by typesetting/scraping
    (?P<lo_unit>[{_UNIT_CHARS}]{{0,3}})           # 万, 亿, 千万, 万亿 after the number
    (?:                                          # optional high end of a range
      (?P<lo_yuan>{_YUAN_CHARS})?                 # 5万元至10万元: unit repeated on the low end
      (?:[(（]含[)）])?                           # 1万(含)-5万元: the low end is included
      \s?(?P<sep>至|到|-{{1,2}}|—{{1,2}}|–|－|~|～|〜)\s?  # range separators as notices write them
      (?:(?P<hi>{ARABIC})|(?P<hi>{CHINESE}))     # the high end, Arabic or Chinese
      (?P<hi_q>[余多来])?                        # 5万至10余万元
      (?:[ \t\u00a0](?=[{_UNIT_CHARS}元]))?        # 5万至10 万元: the same stray blank
      (?P<hi_unit>[{_UNIT_CHARS}]{{0,3}})         # 5至10万元: the low end shares this unit
    )?                                           # (end of the range part)
    (?P<q2>[余多])?                              # 1376万余元, 3亿余元, 300多元
    (?(cur)(?P<yuan>{_YUAN_CHARS})?              # 元 (圆 in 大写) optional after a currency marker,
    |(?:(?P<yuan>{_YUAN_CHARS})                  # required otherwise,
      |(?<=[万亿萬億])人民币))                      # or 人民币 after 万/亿 (2.5亿人民币)
    (?:(?<=[元圆圓])                              # after the yuan, its tenths and hundredths:
      (?:(?P<jiao>{_SMALL_DIGIT})角)?            #   123元4角
      (?:(?P<fen>{_SMALL_DIGIT})分(?![钟之析局类别期批数]))?  #   123元4角5分 (not 5分钟, 3分之1)
    )?
    (?:(?:[(（]含[)）])?                          # 50万元(含)以上: the bound is included
      (?P<q3>{_APPROX_AFTER}))?                  # 500万元以上, 5000元左右
    """,
    regex.VERBOSE,
)

SENTENCES = [
    ("plain", "累计追回资金111.95万元,涉及金额约3,200元,规模达到8.56亿元"),
    ("ranges", "每户补助5至10万元,一百二十到一百五十万元,两到三百亿元,1万元--5万元,1万(含)-5万元"),
    ("currency", "人民币约100万元,¥ 1,234.00,￥56,RMB 300万,2.5亿人民币,人民币2023年"),
    ("signs", "-3.8亿元,负3亿元,正负3元,2023-5万元"),
    ("cents", "123元4角5分,5分钟,3分之1,肆佰叁拾萬圆整"),
    ("approx", "三千余万元,1376万余元,300多元,50万元(含)以上,5000元左右,十来万元"),
    ("blanks", "51326.84 万元,5万 至 10万元,5万\x1c至10万元,¥\x1d100,¥\u3000100元"),
    ("words", "一元化,二元结构,十万元户,元旦,单元,编辑:陆元华,港币100万元"),
    ("astral", "共\U00011F51\U00011F52元,12元"),
    ("empty", ""),
]

ALPHABET = (
    "0123456789,.% 一二三四五六七八九十两百千万亿萬億零〇壹贰叁肆伍陆柒捌玖拾佰仟点"
    "元圆圓角分钱整余多来约近超过逾不足到少于至上以下内左右含()（）-—–－~～〜−负負正"
    "人民币RMB¥￥数几若成第每钟之aZ\t\n\x1c\x1f\u3000\u00a0的。,"
)


def _spans(matches):
    return [(m.span(), m.groups(), [m.span(i) for i in range(1, len(m.groups()) + 1)]) for m in matches]


def _both(text):
    with limits.deadline(10):
        fast = _spans(money._SCANNER_TWIN.finditer(text))
        plain = _spans(money._SCANNER.finditer(text))
    return fast, plain, _spans(_ORIGINAL.finditer(text))


def test_the_groups_are_numbered_alike():
    assert {name: money._MONEY_RE.groupindex[name] for name in _ORIGINAL.groupindex} == dict(_ORIGINAL.groupindex)


@pytest.mark.parametrize("text", [s for _, s in SENTENCES], ids=[n for n, _ in SENTENCES])
def test_money_scan_equals_the_original_pattern(text):
    fast, plain, original = _both(text)
    assert plain == original
    if not limits.astral(text):
        assert fast == original


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_money_scan_equals_the_original_on_random_text(text):
    fast, plain, original = _both(text)
    assert fast == original and plain == original


@pytest.mark.parametrize("ch", ["\x1c", "\x1d", "\x1e", "\x1f", " ", "\u3000", "\u2028", "\x85"])
def test_the_blank_class_reads_alike_on_both_engines(ch):
    import re

    assert bool(re.fullmatch(money._BLANK, ch)) == bool(regex.fullmatch(r"\s", ch))
