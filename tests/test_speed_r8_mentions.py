"""Round 8 of the speed work on the mention finders (docs/speed.md): each shortcut against what it replaced.

Windows capped without ``max()``/``min()``: the look-back and look-ahead windows of the count,
date, money and document finders are clipped at the text's ends by conditional expressions.  A
slip there (a negative start read from the text's end, a window past a limit) changes what a
mention near either end of the text reads; the same sentence moved away from the start by
blank lines must give the same mentions, moved by as many characters.
"""

from __future__ import annotations

import datetime as dt

import pytest

from zhenggai.mentions import find_mentions
from zhenggai.mentions.count_context import find_noun

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
