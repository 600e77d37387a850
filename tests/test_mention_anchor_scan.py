"""LiteralAnchorScanner (anchors found by re) gives the matches of the whole-text scan and of RunScanner.

Money and percent find their runs with it; these tests compare its matches with the pattern's
whole-text ``finditer`` on the regex module and with zhenggai.scan.RunScanner (the anchor searched
for by the regex module), on notice sentences and on random text dense in the characters the
anchors and the runs read.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import money, percent
from zhenggai.mentions.anchor_scan import LiteralAnchorScanner
from zhenggai.scan import RunScanner

SENTENCES = [
    ("percent", "整改完成率达到98.71%,覆盖面达百分之九十以上,三分之二的问题已整改"),
    ("points", "较上年提高5个百分点,下降0.5個百分點,半个百分点"),
    ("tenths", "占四成,2.5成,三到四成,七成多,完成整改,三成员,一成不变"),
    ("ranges", "20%-30%,20至30%,20-30%,百分之三十至四十,5‰,91. 7%"),
    ("money", "追回资金111.95万元,人民币约100万元,¥ 1,234.00,RMB 300万,5至10万元"),
    ("both", "整改资金3000万元,完成率99%,完成3成,元旦,单元,2.5亿人民币"),
    ("astral", "共\U00011F51\U00011F52%,12%,\U00011F51元"),
    ("line_start", "1. 7%的问题\n2. 5%"),
    ("empty", ""),
]

ALPHABET = (
    "0123456789,. %％‰一二三四五六七八九十两兩半百千万亿点點分之个個成多余以上下内左右"
    "元圆圓人民币RMB¥￥约近超过逾不足到至-—~～负完的。\n\t\U00011F51"
)


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def _scans(text):
    with limits.deadline(10):
        yield _spans(percent._SCANNER.finditer(text)), _spans(percent._PERCENT_RE.finditer(text))
        plain = RunScanner(percent._PERCENT_RE, percent._CONSUMABLE, anchor=percent._SCANNER._anchor.pattern, reach=2)
        yield _spans(percent._SCANNER.finditer(text)), _spans(plain.finditer(text))
        yield _spans(money._SCANNER_TWIN.finditer(text)), _spans(money._SCANNER.finditer(text))
        literal = LiteralAnchorScanner(money._MONEY_RE, money._CONSUMABLE, anchor=money._ANCHOR, reach=1)
        yield _spans(literal.finditer(text)), _spans(money._MONEY_RE.finditer(text))


@pytest.mark.parametrize("text", [s for _, s in SENTENCES], ids=[n for n, _ in SENTENCES])
def test_literal_anchor_scans_equal_the_whole_text_scan(text):
    for i, (fast, reference) in enumerate(_scans(text)):
        if i == 2 and limits.astral(text):
            continue  # money._SCANNER_TWIN runs re: find_money sends astral text to money._SCANNER
        assert fast == reference


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_literal_anchor_scans_equal_on_random_text(text):
    scans = list(_scans(text))
    for i, (fast, reference) in enumerate(scans):
        if i == 2 and limits.astral(text):
            continue  # money._SCANNER_TWIN runs re: find_money sends astral text to money._SCANNER
        assert fast == reference


def test_the_anchors_open_on_literals():
    # re skips to an anchor's first characters only when every branch opens on a literal
    assert percent._SCANNER._anchor.pattern.split("|")[0] == "%"
    assert all(len(branch) and branch[0] not in "[(\\" for branch in money._ANCHOR.split("|"))


def test_an_anchor_with_repetition_is_refused():
    with pytest.raises(ValueError):
        LiteralAnchorScanner(percent._PERCENT_RE, percent._CONSUMABLE, anchor=r"\d+%")
