"""The date scanner's shortcuts give the matches a plain scan of the whole text gives.

find_atoms tries some patterns only where they can match (at runs of four digits, in a
window around each 季) and find_unparsed only at digit runs; these tests compare both
with every pattern's own finditer over the whole text, on written cases and on
generated strings dense in the characters the patterns read.
"""

from __future__ import annotations

import random

import pytest

from zhenggai.mentions import date_patterns as P
from zhenggai.mentions.date_unparsed import find_unparsed


def plain_atoms(text):
    """find_atoms as one finditer per pattern over the whole text, leftmost-longest."""
    matches = [m for pattern in P.ATOM_PATTERNS for m in pattern.finditer(text)]
    matches.sort(key=lambda m: (m.start(), -m.end()))
    kept, end = [], 0
    for m in matches:
        if m.start() >= end:
            kept.append(m)
            end = m.end()
    return kept


def spans(matches):
    return [(m.re.pattern, m.span(), m.groups()) for m in matches]


WRITTEN = [
    pytest.param("2023-06-02 16:43:23发布，于20240307印发", id="iso-and-compact"),
    pytest.param("2022 11 23召开，2013、2014年度，从2016到2018，自2019至2020年", id="spaced-list-span"),
    pytest.param("第1至第3季度，第一 — 第四季度末，首季，前三季度，四季如春，一季度一调度", id="quarters"),
    pytest.param("2021915日，2024717日至830日，20229月，2022年915日，2021111日", id="unparsed"),
    pytest.param("季" * 5 + "2023年第二季度" + "季" * 80, id="dense-key"),
    pytest.param("2023年，" * 80 + "20240307印发", id="dense-runs"),
    pytest.param("今年上半年，去年同期，上一年度，今明两年，同年10月，较上年，"
                 "年底前，年内，本月9日，上个月底", id="keyed"),
    pytest.param("18年10月1日，九七年一季度，三四年，2018年，二〇二二年，第18年", id="short-years"),
    pytest.param("编号12345678901，电话0571-88888888，2023.5万元，2023.06", id="numbers"),
]


@pytest.mark.parametrize("text", WRITTEN)
def test_find_atoms_equals_a_plain_scan_on_written_cases(text):
    assert spans(P.find_atoms(text)) == spans(plain_atoms(text))


@pytest.mark.parametrize("text", WRITTEN)
def test_find_unparsed_equals_a_plain_scan_on_written_cases(text):
    assert [(f.kind, f.start, f.end) for f in find_unparsed(text, None)] == \
        [(f.kind, f.start, f.end) for f in find_unparsed(text)]


PIECES = ["2023", "20240307", "1998", "12", "3", "0", "年", "月", "日", "季", "度", "第", "首", "前", "末",
          "一", "三", "十", "至", "—", "-", ".", "/", " ", "、", "和", "从", "自", "到", "个", "底", "半",
          "今", "去", "上", "下", "本", "当", "同", "次", "明", "两", "内", "初", "中", "期",
          "二", "〇", "九", "较", "年代", "90", "个月", "，", "\n", "以来", "兩", "号"]


@pytest.mark.parametrize("seed", range(8))
def test_generated_strings_give_the_plain_scan(seed):
    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        assert spans(P.find_atoms(text)) == spans(plain_atoms(text)), text
        assert [(f.start, f.end) for f in find_unparsed(text)] == \
            [(f.start, f.end) for f in find_unparsed(text, None)], text


def test_digit_runs_are_maximal_and_a_dense_text_is_scanned_whole():
    assert P.digit_runs("于2023年5月,编号123,电话12345678") == [(1, 5), (17, 25)]
    assert P.digit_runs("1234，" * 100) is None  # 100 runs, one every 5 characters: scanned whole
    assert len(P.digit_runs("1234，" * 10)) == 10  # a few runs are always tried one by one


def test_matches_near_reads_only_around_the_key_and_agrees_with_finditer():
    text = "一季度" + "。" * 60 + "第2至第3季度末完成"
    near = P.matches_near(P.QUARTER_RE, text, "季", 10, 16)
    assert [m.group(0) for m in near] == ["一季度", "第2至第3季度末"]
    assert [m.span() for m in near] == [m.span() for m in P.QUARTER_RE.finditer(text)]


@pytest.mark.parametrize("text", ["", "无句末", "进驻。反馈；整改\n完成", "。。;;\n\n!?！？", "末尾。"],
                         ids=["empty", "none", "mixed", "runs", "at-end"])
def test_sentence_ends_are_the_ends_of_sentence_end_matches(text):
    from zhenggai.mentions.date_story import SENTENCE_END, sentence_ends

    assert sentence_ends(text) == [m.end() for m in SENTENCE_END.finditer(text)]


def test_no_digit_lies_among_the_cjk_ideographs():
    """The scanner skips a start when the character there is an ideograph: \\d never is one."""
    digit = P.limits.compile(r"\d")
    assert not [cp for cp in range(0x4E00, 0xA000) if digit.match(chr(cp))]


def test_the_relation_precheck_never_hides_a_relation_word():
    """relation_at searches RELATION_BEFORE_RE only where _may_relate_before allows: every tail
    the pattern matches (up to five pieces) passes that test."""
    import itertools

    pieces = ["截至", "截止", "至", "到", "于", "在", " ", "\t", "\n", "年", "2"]
    for n in range(5):
        for combo in itertools.product(pieces, repeat=n):
            text = "".join(combo)
            if P.RELATION_BEFORE_RE.search(text, max(0, len(text) - 6), len(text)) is not None:
                assert P._may_relate_before(text, len(text)), text


@pytest.mark.parametrize("ch", sorted(P.FOLD), ids=lambda ch: f"U+{ord(ch):04X}")
def test_fold_finds_every_character_it_folds(ch):
    """fold's one class scan sees each folded character (the text is then translated whole)."""
    text = "于2023年" + ch + "召开"
    assert P.fold(text) == text.translate(str.maketrans(P.FOLD))
    assert P.fold(text) != text or P.FOLD[ch] == ch  # (迄 folds to itself)


def test_fold_gives_back_a_text_without_folded_characters_unchanged():
    text = "".join(chr(cp) for cp in range(0x20, 0x3000) if chr(cp) not in P.FOLD)
    assert P.fold(text) is text


@pytest.mark.parametrize("text", [
    "2022年915日，2023年1月15日，2022年9月1日，2022年12月31日，2022年9151日，2022年91日",
    "18年10月1日，〇五年，九八年，二〇二二年，今年，1998年，05年底，第18年，近30年，三四年",
], ids=["unparsed-after-year", "short-years-at-year"])
def test_run_and_year_prechecks_keep_every_match(text):
    """_may_open (4 digits, 年, digits) and the short-year starts refuse only where no match begins."""
    assert [(f.start, f.end) for f in find_unparsed(text)] == [(f.start, f.end) for f in find_unparsed(text, None)]
    assert spans(P.find_atoms(text)) == spans(plain_atoms(text))


def test_relation_at_skips_only_dates_the_precheck_refuses():
    """relation_at calls _may_relate_before only after a character of _BEFORE_LAST: any other
    character right before the date makes the precheck refuse, whatever stands before it."""
    others = [chr(cp) for cp in range(0x20, 0xA000) if chr(cp) not in P._BEFORE_LAST]
    for lead in ["截至", "截至 ", "截至于", "截至\t于", "至\n", ""]:
        for ch in others:
            assert not P._may_relate_before(lead + ch, len(lead) + 1), repr(lead + ch)
    assert P._may_relate_before("截至", 2) and "至" in P._BEFORE_LAST
