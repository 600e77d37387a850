"""zhenggai.scan.RunScanner gives exactly the matches of the pattern it restricts.

Each scanner in the project lists the characters its pattern can consume and
an anchor every match holds; a wrong list would silently drop or change
matches.  These tests compare the scanner with ``pattern.finditer`` on notice
sentences and on random text over the characters that matter.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.facts.inspection import _team_scanner
from zhenggai.mentions.money import _SCANNER as MONEY
from zhenggai.mentions.multiple import _SCANNER as MULTIPLE
from zhenggai.mentions.percent import _SCANNER as PERCENT
from zhenggai.scan import RunScanner

SCANNERS = {"money": MONEY, "percent": PERCENT, "multiple": MULTIPLE, "team": _team_scanner()}

SENTENCES = [
    ("money_range", "每户补助5万至10万元,共计人民币约1,234.5万元以上,另有¥ 300元"),
    ("money_chinese", "清退违规资金三千余万元,挽回损失二三十万元;港币100万元不计"),
    ("percent_forms", "完成率98.71%,覆盖三分之二,提高5个百分点,达到八成以上,一成不变,完成整改"),
    ("money_new_forms", "补助一百二十到一百五十万元,1万(含)-5万元,1万元--5万元,123元4角5分,肆佰叁拾萬圆整,-3.8亿元,负3亿元"),
    ("percent_new_forms", "增长-3.8%,負2.4%,三成半,2.5成,七成以上,百分之二三十,20%-30%,提高3.6個百分點,約兩成,三五成群"),
    ("multiple_forms", "提高到原来的1.5倍,规模翻两番,事半功倍,数倍"),
    ("items_runs", "一是加强学习;二是完善制度。(1)建立台账(2)定期调度①清单②督办,统一是前提"),
    ("team_sentence", "2023年3月6日至5月10日,清河县委第二巡察组对县交通运输局党组开展了常规巡察。"),
    ("team_bare", "区委组建4个巡察组,巡察四组进驻,十届市委第六巡察组反馈意见"),
    ("empty", ""),
]


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("scanner", list(SCANNERS.values()), ids=list(SCANNERS))
@pytest.mark.parametrize("text", [s for _, s in SENTENCES], ids=[n for n, _ in SENTENCES])
def test_scanner_matches_the_whole_text_scan(scanner, text):
    assert _spans(scanner.finditer(text)) == _spans(scanner.pattern.finditer(text))


@pytest.mark.parametrize("scanner", list(SCANNERS.values()), ids=list(SCANNERS))
@pytest.mark.parametrize("text", [s for _, s in SENTENCES[:-1]], ids=[n for n, _ in SENTENCES[:-1]])
def test_scanner_respects_pos_and_endpos(scanner, text):
    for pos, endpos in ((1, len(text)), (3, len(text) - 4), (0, len(text) // 2)):
        want = _spans(scanner.pattern.finditer(text, pos, endpos))
        assert _spans(scanner.finditer(text, pos, endpos)) == want, (pos, endpos)


def test_runs_hold_an_anchor_and_cover_the_matches():
    pattern = limits.compile(r"\d+倍  # a number and 倍", regex.VERBOSE)
    scanner = RunScanner(pattern, consumable=r"\d倍", anchor="倍")
    text = "提高3倍,达到12倍以上,共45人"
    assert list(scanner.runs(text)) == [(2, 4), (7, 10)]
    assert [m.group() for m in scanner.finditer(text)] == ["3倍", "12倍"]


ALPHABET = (
    "0123456789,.一二三四五六七八九十两百千万亿零〇点 \n%％‰元倍番翻了分之个百分点成以上下内左右约近超过逾不足到至少于"
    "大将接人民币RMB¥￥余多来-—~的达占为有是第(（)）①②③统唯。;:：、县委市委巡察视组工作机动常规对根据届轮"
    "圆圓角钱含負负−－半個點兩約過將萬億肆佰叁拾"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.integers(0, 5), st.integers(0, 5))
def test_property_scanners_equal_finditer(text, cut_start, cut_end):
    pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for name, scanner in SCANNERS.items():
        assert _spans(scanner.finditer(text)) == _spans(scanner.pattern.finditer(text)), name
        want = _spans(scanner.pattern.finditer(text, pos, endpos))
        assert _spans(scanner.finditer(text, pos, endpos)) == want, name
