"""Round 8 of the speed work on the mention finders (docs/speed.md): each shortcut against what it replaced.

* Windows capped without ``max()``/``min()``: the look-back and look-ahead windows of the count,
  date, money and document finders are clipped at the text's ends by conditional expressions.  A
  slip there (a negative start read from the text's end, a window past a limit) changes what a
  mention near either end of the text reads; the same sentence moved away from the start by
  blank lines must give the same mentions, moved by as many characters.
* Money and percent runs read by ``re`` (``anchor_scan.run_end_std``): the class against the regex
  module's over every BMP character, the runs and matches against the regex module's.
* Counts: ``find_noun``'s hard stop found by ``re`` against the regex module's ``[^\\p{Han}]``, the
  names' ``Cursor`` tested by ``next_start`` against ``inside_any``.
"""

from __future__ import annotations

import datetime as dt

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai import limits
from zhenggai.mentions import count_context as CC
from zhenggai.mentions import find_mentions, money, percent
from zhenggai.mentions.anchor_scan import RUN_WINDOW, _Located, anchor_starts, run_end_std
from zhenggai.mentions.count_context import Cursor, find_noun, inside_any

# Each sentence puts a mention whose check reads a window before or after it at the text's start.
NEAR_START = {
    "rank": "排名前5位的单位",  # counts: 排 within 4 characters before 前
    "date_comma": "2023.10.31,11个问题已整改",  # counts: a date within 12 characters before the comma
    "session": "八届89次常务会议研究",  # counts: 届 right before the number
    "session_far": "三届人大五次会议审议",  # counts: the session words within 12 characters
    "digits": "44个问题全部整改",  # counts: the digit run's floor at the text's start
    "noun_limit": "问题3个整改2个",  # counts: the counted noun stops at the next count
    "deadline": "截至6月底前完成整改",  # dates: relation words within 6 characters before
    "plan": "将于10月召开民主生活会",  # dates: plan words within 4 characters before
    "routine": "每月10日前公开收支",  # dates: 每 within 15 (and 4) characters before
    "title": "《2023年工作要点》印发",  # dates: an open 《 within 80 characters before
    "byline": "编辑:陆元华",  # money: a byline within 6 characters before
    "foreign": "港币100万元已退还",  # money: a foreign currency within 8 characters before
    "money": "追回资金12.5万元",
    "docnumber": "印发《方案》(区委发〔2023〕5号)",  # documents: the prefix before the bracket
}


def _shifted(found, by: int):
    return [(f.kind, f.start - by, f.end - by, f.text, f.values) for f in found]


@pytest.mark.parametrize("sentence", list(NEAR_START.values()), ids=list(NEAR_START))
@pytest.mark.parametrize("published", [None, dt.date(2023, 12, 1)], ids=["no_date", "published"])
def test_mentions_near_the_start_move_with_the_text(sentence: str, published: dt.date | None) -> None:
    alone = _shifted(find_mentions(sentence, published=published), 0)
    for k in range(1, 20):
        moved = find_mentions("\n" * k + sentence, published=published)
        assert _shifted(moved, k) == alone, (k, sentence)


@pytest.mark.parametrize("sentence", list(NEAR_START.values()), ids=list(NEAR_START))
def test_mentions_near_the_end_move_with_the_text(sentence: str) -> None:
    # the same sentence closing the text and followed by blank lines
    alone = find_mentions(sentence)
    for k in range(1, 20):
        assert find_mentions(sentence + "\n" * k) == alone, (k, sentence)


@pytest.mark.parametrize(
    "text, start, limit, noun",
    [
        ("约1200家社区食堂,完成", 6, None, "社区食堂"),
        ("约1200家社区食堂", 6, None, "社区食堂"),  # the window ends at the text's end
        ("约1200家社区食堂", 6, 8, "社区"),  # … or at the next count, before it
        ("约1200家社区食堂监督检查站点", 6, None, "社区食堂监督检查"),  # the window's cap (NOUN_CAP + SHORT_NOUN)
        ("约1200家社区食堂监督检查站点", 6, 100, "社区食堂监督检查"),  # a limit past the cap changes nothing
        ("3个问题", 2, None, "问题"),
    ],
)
def test_find_noun_window(text: str, start: int, limit: int | None, noun: str | None) -> None:
    assert find_noun(text, start, limit) == noun


# -- money and percent runs read by re (anchor_scan.run_end_std) ------------------------------------


SCANNERS = {"money": money._SCANNER_TWIN, "percent": percent._SCANNER}


@pytest.mark.parametrize("name", list(SCANNERS))
def test_run_class_on_re_reads_every_bmp_character_as_the_regex_module(name: str) -> None:
    # The run's class spelled for re against the regex module's, one character after an anchor.
    scanner = SCANNERS[name]
    word = scanner.words[0][0]
    std, wrapped = scanner._run_end, scanner._anchor_to_end
    with limits.deadline(60):
        for cp in range(0x10000):
            if 0xD800 <= cp <= 0xDFFF:
                continue  # surrogates: no character of a str read from text
            text = word + chr(cp)
            assert std.match(text).end() == wrapped.match(text).end(), hex(cp)


def test_run_end_std_refuses_an_escaped_backslash_before_s() -> None:
    with pytest.raises(ValueError, match="cannot spell"):
        run_end_std(r"(?:元)[\\s]*+", 0)


def _runs(scanner, text: str, narrow: bool):
    located = _Located(scanner, *anchor_starts(text, scanner.words), narrow)
    return list(located._run_at(text, pos, len(text)) for pos in range(len(text) + 1))


def _scans_agree(text: str) -> None:
    with limits.deadline(10):
        for scanner in SCANNERS.values():
            if anchor_starts(text, scanner.words) is not None:
                assert _runs(scanner, text, True) == _runs(scanner, text, False)
            narrow = [(m.span(), m.groups()) for m in scanner.finditer(text, astral=False)]
            assert narrow == [(m.span(), m.groups()) for m in scanner.finditer(text)]
            whole = getattr(scanner.pattern, "regex", scanner.pattern)  # (a limits.Twin: its regex pattern)
            assert narrow == [(m.span(), m.groups()) for m in whole.finditer(text)]


RUN_SENTENCES = {
    "money": "追回资金12.5万元,其中3至5万元已退还;人民币100万元、RMB 20元",
    "percent": "整改率98%,提高2个百分点,三分之二,七成多,完成率100％",
    "blanks": "资金 12 万元\u3000 \x1c,整改率 5 %\u2028",  # \x1c: a blank for re's \s only
    "long_run": "资金" + "1" * (RUN_WINDOW + 5) + "元" + "2" * (2 * RUN_WINDOW) + "万元,98%" + "9" * RUN_WINDOW,
    "run_to_the_end": "资金12万元" + " " * (RUN_WINDOW - 3),
    "window_edge": "元" + "3" * (RUN_WINDOW - 1) + "万元," + "%" + "5" * (RUN_WINDOW - 1),
    "none": "整改问题12个",
}


@pytest.mark.parametrize("text", list(RUN_SENTENCES.values()), ids=list(RUN_SENTENCES))
def test_runs_read_by_re_equal_the_regex_module_runs(text: str) -> None:
    _scans_agree(text)


RUN_ALPHABET = "0123456789,. 一二三四五十百千万亿元圆人民币RMB¥%％‰分之点成多余以上下约至-\t\n\x1c\u3000整改的"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=RUN_ALPHABET, max_size=160))
def test_runs_read_by_re_on_random_text(text: str) -> None:
    _scans_agree(text)


# -- counts: the noun's hard stop found by re, the names' cursor tested before its call ----------------


_HAN = regex.compile(r"\p{Han}")


def test_the_cjk_block_is_han_and_nothing_below_u2e80_is() -> None:
    assert all(_HAN.match(chr(cp)) for cp in range(0x4E00, 0xA000))
    assert not any(_HAN.match(chr(cp)) for cp in range(0x2E80))
    assert not any(_HAN.match(ch) for ch in CC._NOT_HAN_FORMS)
    assert {"。", "、", "《", "》", "，", "（", "）"} <= CC._NOT_HAN_FORMS
    assert not {"〇", "々"} & CC._NOT_HAN_FORMS  # Han in those blocks: the regex module decides


HAN_EDGE = "问题单位社区的已〇々㐀豈丽𠀀\u2e80\u2fd5。、,.3a （）《》\n\u3000\uff10\uffe5"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=HAN_EDGE, max_size=16), st.integers(0, 3), st.one_of(st.none(), st.integers(0, 16)))
def test_find_noun_equals_the_regex_module_hard_stop(text: str, start: int, limit: int | None) -> None:
    # The old reading: the regex module's search for the first non-Han character of the window (with
    # _OUTSIDE_CJK_BLOCK made that search, the code's second search from it finds the same character).
    got = find_noun(text, start, limit)
    old = CC._OUTSIDE_CJK_BLOCK
    try:
        CC._OUTSIDE_CJK_BLOCK = CC._HARD_STOP_RE
        assert got == find_noun(text, start, limit)
    finally:
        CC._OUTSIDE_CJK_BLOCK = old


@pytest.mark.parametrize(
    "text, noun",
    [
        ("3个〇〇项目,", "〇〇项目"),
        ("3个㐀村。", "㐀村"),
        ("3个问题々", "问题"),
        ("3个社区。", "社区"),
        ("3个豈村社区,", "豈村社区"),
        ("3个社区\u3000", "社区"),
    ],
    ids=["zero-han", "ext-a", "iteration-mark", "plain", "compatibility", "ideographic-space"],
)
def test_find_noun_reads_han_outside_the_block(text: str, noun: str | None) -> None:
    # (the values main gave before the change)
    assert find_noun(text, 2) == noun


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=8),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 5)), max_size=12),
)
def test_cursor_shortcut_equals_inside_any(raw_spans, raw_queries) -> None:
    spans = CC.merge_spans([(s, s + n) for s, n in raw_spans])
    starts = [s for s, _ in spans]
    cursor = Cursor(spans)
    for start, n in sorted(raw_queries):
        end = start + n
        expected = inside_any(start, end, spans, starts)
        assert (end > cursor.next_start and cursor.overlaps(start, end)) == expected
