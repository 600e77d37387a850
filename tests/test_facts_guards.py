"""zhenggai.facts.guards: a guarded pattern finds exactly what the pattern finds."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import zhenggai.facts.cue_chars
import zhenggai.facts.guards
import zhenggai.facts.inspection
import zhenggai.facts.inspection_dates
import zhenggai.facts.truncation
from zhenggai.facts import inspection_dates as dates
from zhenggai.facts import contact, source, totals
from zhenggai.facts.guards import Guarded
from zhenggai.facts.inspection_patterns import patterns
from zhenggai.facts.regions import Regions

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [p.read_text(encoding="utf-8") for d in ("corpus/gold", "tests/fixtures/notices")
         for p in sorted((ROOT / d).glob("*.txt"))]
GUARDED = {
    "VERB": dates.VERB,
    "FEEDBACK": dates.FEEDBACK,
    "FEEDBACK_EVENT": dates._FEEDBACK_EVENT,
    "PERIOD_VERB": dates._PERIOD_VERB,
    "PERIOD_LABEL": dates._PERIOD_LABEL,
    "DONE_VERB": dates._DONE_VERB,
    "target": patterns()["target"],
    "audit_office": patterns()["audit_office"],
    "audit_verb": patterns()["audit_verb"],
    "source_site": source._SITE,
    "source_published": source._PUBLISHED,
    "source_editor": source._EDITOR,
    "source_breadcrumb": source._BREADCRUMB,
    "source_byline": source._BYLINE,
    "source_furniture": source._FURNITURE_LINE,
    "source_column": source._COLUMN_PREFIX,
    "source_title_label": source._TITLE_LABEL,
    "source_title": source._TITLE,
    "source_title_no_guanyu": source._TITLE_NO_GUANYU,
    "source_speech_date": source._SPEECH_DATE,
    "contact_invite": contact._INVITE,
    "contact_phone": contact._PHONE,
    "contact_address": contact._ADDRESS,
    "contact_postal": contact._POSTAL,
    "contact_email": contact._EMAIL,
    "contact_mailbox": contact._MAILBOX,
    "totals_all_done": totals._ALL_DONE,
    "totals_all_resolved": totals._ALL_RESOLVED,
    "totals_threshold": totals._THRESHOLD,
    "totals_measure_noun": totals._MEASURE_NOUN,
    "totals_part_before": totals._PART_BEFORE,
    "author_of_report": zhenggai.facts.inspection._AUTHOR_OF_REPORT,
    "body": patterns()["body"],
    "round": patterns()["round"],
    "mode": patterns()["mode"],
    "page_count": zhenggai.facts.truncation._PAGE_COUNT,
}


def _span(m):
    return None if m is None else (m.span(), m.groups())


@pytest.mark.parametrize("name", list(GUARDED), ids=list(GUARDED))
def test_guarded_pattern_finds_the_same_in_every_sentence_of_the_gold_texts(name):
    guarded = GUARDED[name]
    assert isinstance(guarded, Guarded)
    checked = 0
    for text in TEXTS:
        for s, e in Regions(text, []).sentences():
            assert _span(guarded.search(text, s, e)) == _span(guarded.pattern.search(text, s, e)), text[s:e]
            checked += 1
        lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"] + [len(text) + 1]
        for s, e in [(0, len(text)), *zip(lines, [x - 1 for x in lines[1:]])]:
            assert _span(guarded.search(text, s, e)) == _span(guarded.pattern.search(text, s, e)), text[s:e]
        assert [_span(m) for m in guarded.finditer(text)] == [_span(m) for m in guarded.pattern.finditer(text)]
        for i in range(0, len(text), 7):  # .match at many offsets, to the sentence end or 40 characters on
            e = min(len(text), i + 40)
            assert _span(guarded.match(text, i, e)) == _span(guarded.pattern.match(text, i, e)), text[i:e]
    assert checked > 1000


def _wechat_head_unguarded(text):
    for m in source._WECHAT_HEAD.finditer(text, 0, min(len(text), source.WECHAT_HEAD_CHARS)):
        if m["badge"] or m["before"] or m["after"]:
            return m
    return None


HEADS = ["原创 清风某县 清风某县 发表于 2023-11-23 10:05\n\n正文", "清风某县 2023-11-23 10:05 发表于浙江\n正文",
         "转载 某某 2023年11月23日 10:05\n正文", "某某市纪委监委网站 2024年10月29日\n正文"]


@pytest.mark.parametrize("text", TEXTS + HEADS)
def test_wechat_head_skips_only_heads_without_a_mark(text):
    assert _span(source.wechat_head(text)) == _span(_wechat_head_unguarded(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="原创转载置顶发表于清风某县浙江 \n2023-11:05年月日", max_size=60))
def test_property_wechat_head_equals_the_unguarded_scan(text):
    assert _span(source.wechat_head(text)) == _span(_wechat_head_unguarded(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="对向县委巡察视组进驻开展进行实施了反馈出具审计报告局厅署时间期间为意见全部均已完成整改的措施余个人轮第,。年月日12",
               max_size=40))
def test_property_guarded_equals_pattern(text):
    for guarded in GUARDED.values():
        assert _span(guarded.search(text)) == _span(guarded.pattern.search(text))
        assert _span(guarded.search(text, 1, len(text) - 1)) == _span(guarded.pattern.search(text, 1, len(text) - 1))
        assert _span(guarded.match(text, 1)) == _span(guarded.pattern.match(text, 1))


def test_a_window_without_the_words_is_not_searched():
    class Boom:
        def search(self, *args):
            raise AssertionError("the pattern ran")

    guard = Guarded(Boom(), ("巡察",))
    assert guard.search("召开专题会议。巡察", 0, 7) is None


def test_a_guard_needs_words():
    with pytest.raises(ValueError, match="at least one non-empty word"):
        Guarded(dates.VERB.pattern, ("",))


@pytest.mark.parametrize(
    "module",
    [zhenggai.facts.guards, zhenggai.facts.cue_chars, zhenggai.facts.truncation, zhenggai.facts.inspection,
     zhenggai.facts.inspection_dates],
    ids=["guards", "cue_chars", "truncation", "inspection", "inspection_dates"],
)
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_team_runs_need_the_kind_word_and_zu_and_find_what_the_team_pattern_finds():
    scanner, team = zhenggai.facts.inspection._team_scanner(), patterns()["team"]
    found = 0
    for text in TEXTS:
        for s, e in Regions(text, []).sentences():
            spans = [m.span() for m in team.finditer(text, s, e)]
            assert [m.span() for m in scanner.finditer(text, s, e)] == spans, text[s:e]
            assert zhenggai.facts.inspection._team_matches(text, s, e, {}) == [] or spans
            found += len(spans)
    assert found > 50


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="清河县委市省第二四12巡察视工作组机动专项对向党组,。 ", max_size=40))
def test_property_team_scanner_equals_the_team_pattern(text):
    scanner, team = zhenggai.facts.inspection._team_scanner(), patterns()["team"]
    assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in team.finditer(text)]
    hits = zhenggai.facts.inspection._team_matches(text, 0, len(text), {})
    assert [m.span() for m in hits] == [m.span() for m in team.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="合计共计累计总计一共同享追回资金处分人公,", max_size=20))
def test_property_stated_total_skips_only_clauses_without_its_characters(text):
    from zhenggai.facts.totals_stated import _stated_words, is_stated_total

    assert is_stated_total(text) is bool(_stated_words().search(text))


@pytest.mark.parametrize("text", TEXTS[:40])
def test_date_mentions_index_gives_what_the_scan_gives(text):
    from zhenggai.facts.inspection_dates import DateMentions, dates_in
    from zhenggai.mentions import find_mentions

    found = find_mentions(text)
    index = DateMentions(found)
    for start in range(0, len(text), 97):
        for end in (start, start + 40, start + 400, len(text)):
            assert dates_in(index, start, end) == dates_in(found, start, end)


def _pieces(guarded) -> list[str]:
    """The runs of CJK characters the pattern is written with (开展, 巡察, 了 …), each character on
    its own, and digits, blanks and delimiters: texts strung from them reach the pattern's branches."""
    source = guarded.pattern.pattern
    runs = regex.findall(r"[\p{Han}“”《》]+", source)
    extra = ["1", "23", "2023", "87654321", "0571-", "@a.cn", " ", "，", "。", ":", "：", "\n", "年", "月", "日",
             "(", ")", "（", "）", "【", "】", ">", "—"]
    return sorted(set(runs) | {ch for run in runs for ch in run}) + extra


@pytest.mark.parametrize("name", list(GUARDED), ids=list(GUARDED))
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_property_guard_agrees_on_texts_made_of_the_patterns_own_words(name, data):
    """Whatever the pattern becomes, a guard whose words miss one of its branches fails here."""
    guarded = GUARDED[name]
    text = "".join(data.draw(st.lists(st.sampled_from(_pieces(guarded)), max_size=10)))
    assert _span(guarded.search(text)) == _span(guarded.pattern.search(text))
    assert _span(guarded.match(text)) == _span(guarded.pattern.match(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="一二十(（第1２关于\n 、.）)部分", max_size=30))
def test_property_title_lines_and_heading_test_equal_the_plain_ones(text):
    assert list(source._lines(text)) == text.split("\n")
    for line in text.split("\n"):
        assert source._is_heading_start(line) is (source._HEADING_START.match(line) is not None)


@pytest.mark.parametrize("text", TEXTS[::5])
def test_heading_test_equals_the_pattern_on_gold_lines(text):
    for line in text.split("\n"):
        assert source._is_heading_start(line.strip()) is (source._HEADING_START.match(line.strip()) is not None)


def test_guarded_forwards_without_getattr_hook():
    """The wrapped pattern's attributes are properties: no ``__getattr__`` slows every lookup."""
    import regex

    from zhenggai import limits
    from zhenggai.facts.guards import Guarded

    assert "__getattr__" not in vars(Guarded)
    inner = limits.compile(r"进行了?[^。]{0,9}?巡察", regex.V0)
    guarded = Guarded(inner, ("巡察",))
    assert guarded.flags == inner.flags
    assert guarded.groupindex == inner.groupindex
    assert guarded.findall("对我局进行了巡察。又进行巡察") == ["进行了巡察", "进行巡察"]
