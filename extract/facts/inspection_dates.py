"""Which dates of a notice's opening are the inspection period and the feedback day.

The genre states them in two sentences, in either order:

    2025年6月20日,区委第三巡察组向区水务局党组反馈了巡察意见。
    2025年4月2日至5月30日,区委第三巡察组对区水务局党组进行了常规巡察。

→ period 2025-04-02 … 2025-05-30 (the sentence with 对…进行…巡察), feedback 2025-06-20
(the sentence with 向…反馈).  A sentence that only reports the feedback never gives the
period; a labelled period counts too ("集中进驻时间为2022年3月1日至4月4日",
"巡察期间(2020年8月20日至10月20日)").

The dates themselves are the date mentions already found; this module only picks.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import regex

from zhenggai import limits
from zhenggai.facts.guards import Guarded
from zhenggai.mentions.base import Found

VERB = Guarded(limits.compile(
    r"""
    (?:开展|进行|实施)了?[^\n。;]{0,30}?(?:巡视|巡察)   # 开展了…巡察
    |进驻                                               # 进驻 (the team moved in)
    |(?:巡视|巡察)了                                    # 巡视了
    """,
    regex.VERBOSE,
), ("巡视", "巡察", "进驻"))  # every match holds one (facts.guards)
# What an audit office issues on its feedback day: 审计报告, or its full title in 《》
# (出具了《某县审计局关于…的审计报告》), 审计意见书, 审计决定书.
REPORT = r"(?:审计报告|《[^》\n]{0,80}?(?:审计报告|审计意见书)》|审计意见书|审计决定书?)"

FEEDBACK = Guarded(limits.compile(
    rf"""
    (?<!(?:根据|按照|针对|对照)(?:巡视|巡察|审计)?)   # 根据巡察反馈意见制定方案: the opinions as a noun
    反馈(?!(?:意见|问题)的?(?:整改|落实))           # not the noun 反馈意见整改落实 (no feedback event)
    (?:了)?(?:巡视|巡察|审计)?(?:意见|情况|问题)?   # 反馈了巡察意见
    |出具了?{REPORT}                                 # an audit's feedback: 于8月11日出具了审计报告
    """,
    regex.VERBOSE,
), ("反馈", "出具"))  # every match holds one
# The feedback as an event (the team gave it), not the opinions as a noun that a
# meeting heard (召开会议,听取巡察反馈意见): such sentences are read first.
_FEEDBACK_EVENT = Guarded(limits.compile(
    rf"""
    向[^\n。;]{1,40}?(?:集中|分别|书面|正式)?反馈       # 向…党组反馈了巡察意见
    |反馈了                                              # 反馈了巡察意见
    |(?:进行|作)了?(?:集中)?反馈                         # 进行了反馈
    |反馈(?:会议?|大会)                                  # 巡察情况反馈会议
    |出具了?{REPORT}                                     # an audit's report day
    """,
    regex.VERBOSE,
), ("反馈", "出具"))  # every match holds one
_FEEDBACK_SCOPE = limits.compile(
    r"""
    巡视|巡察|审计|意见                # a 反馈 sentence about the inspection, not any feedback
    """,
    regex.VERBOSE,
)
# The inspection or audit itself, in a sentence that goes on to its feedback.
_DONE_VERB = Guarded(limits.compile(
    r"""
    (?:开展|进行|实施)了?[^\n。;]{0,30}?(?:巡视|巡察|审计)   # 进行了审计 / 开展了…巡察
    |进驻                                                 # the team moved in
    """,
    regex.VERBOSE,
), ("开展", "进行", "实施", "进驻"))  # every match holds one
RANGE_SEP = limits.compile(
    r"""
    [至到~～—–]                                      # 3月6日至5月10日
    |(?<=[\d日月年])\s*-\s*(?=\d)                    # 2022.4-2022.6
    """,
    regex.VERBOSE,
)
# The inspection itself (not 开展巡察整改 or a 巡察办 meeting) in a sentence other than the
# team sentence: 对<target>开展/进行…巡察, or the team moving in (进驻).
_PERIOD_VERB = Guarded(limits.compile(
    r"""
    (?P<verb>对)[^\n。;]{1,40}?(?:开展|进行|实施)了?[^\n。;]{0,20}?(?:巡视|巡察)(?!整改|反馈|意见|办)  # 对…进行了巡察
    |(?:巡视|巡察)(?:工作)?组[^\n。;]{0,30}?(?P<verb>进驻)                                     # 巡察组…进驻
    |(?P<verb>进驻)[^\n。;]{1,40}?(?:开展|进行)了?[^\n。;]{0,10}?(?:巡视|巡察)                 # 进驻…开展巡察
    """,
    regex.VERBOSE,
), ("巡视", "巡察"))  # every branch holds one
# A period written after a label rather than before the verb: "集中进驻时间为2022年3月1日至
# 4月4日", "巡察期间(2020年8月20日至10月20日)", "巡视时间:…".  The date must follow at once.
_PERIOD_LABEL = Guarded(limits.compile(
    r"""
    (?:进驻|巡视|巡察)(?:工作)?(?:时间|期间|时段)   # 进驻时间 / 巡察期间 / 巡视工作时间
    \s*(?:为|是|从|自)?\s*[:：(（]?\s*              # 为 / : / an opening bracket
    (?:从|自|于)?                                   # 从2020年…
    """,
    regex.VERBOSE,
), ("时间", "期间", "时段"))  # every match holds one


class DateMentions:
    """The date mentions of one notice in text order, their starts beside them: ``dates_in``
    then bisects instead of reading every mention of the notice for each sentence.

    >>> from zhenggai.mentions.base import Found
    >>> dates = DateMentions([Found("date", 9, 14, "5月1日", {}), Found("count", 0, 2, "3个", {}),
    ...                       Found("date", 2, 7, "4月1日", {})])
    >>> [d.text for d in dates_in(dates, 0, 10)], [d.text for d in dates_in(dates, 3, 20)]
    (['4月1日', '5月1日'], ['5月1日'])
    """

    __slots__ = ("dates", "starts")

    def __init__(self, found: Sequence[Found]) -> None:
        self.dates = [f for f in found if f.kind == "date"]
        self.dates.sort(key=_START)  # stable: ties keep their order
        self.starts = [f.start for f in self.dates]

    def between(self, start: int, end: int) -> list[Found]:
        """The date mentions that start inside [start, end), in text order."""
        return self.dates[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


_START = attrgetter("start")
Mentions = Sequence[Found] | DateMentions  # what the readers below take: mentions, or their dates indexed


def dates_in(found: Mentions, start: int, end: int) -> list[Found]:
    """The date mentions that start inside [start, end), in text order."""
    if isinstance(found, DateMentions):
        return found.between(start, end)
    return sorted((f for f in found if f.kind == "date" and start <= f.start < end), key=_START)


def period(text: str, dates: list[Found]) -> tuple[Any, Any]:
    """Start/end of an inspection period from the dates before the inspection verb.

    "2023年3月6日至5月10日" (one range mention) → (2023-03-06, 2023-05-10); a single day → (day, None).
    """
    if not dates:
        return None, None
    if len(dates) > 1 and dates[0].values.get("granularity") == "year":
        dates = dates[1:]  # 根据2023年巡察工作计划,2023年6月5日至…: the plan's year is no period
    first = dates[0]
    if first.values.get("date_end") != first.values.get("date_start") and RANGE_SEP.search(first.text):
        return first.values.get("date_start"), first.values.get("date_end")
    if len(dates) > 1:
        second = dates[1]
        between = text[first.end : second.start]
        if len(between) <= 2 and RANGE_SEP.fullmatch(between.strip() or "x"):
            return first.values.get("date_start"), second.values.get("date_end")
    return first.values.get("date_start"), None


# Words right after a date that make it the end of the stay: 5月31日结束进驻 / 6月20日撤离.
_END_OF_STAY = limits.compile(
    r"""
    [\x20]*(?:结束(?:进驻|巡视|巡察)|(?:巡视|巡察)?(?:进驻)?结束|撤离|撤出)   # 结束进驻 / 进驻结束 / 撤离
    """,
    regex.VERBOSE,
)


def end_marked(text: str, found: Mentions, s: int, e: int) -> Any:
    """The last day of a stay marked in words in ``text[s:e]`` (…,5月31日结束进驻), or None.

    >>> from zhenggai.mentions import find_mentions
    >>> t = "巡察组于2024年4月8日进驻,5月31日结束进驻。"
    >>> end_marked(t, find_mentions(t), 0, len(t))
    datetime.date(2024, 5, 31)
    """
    for d in dates_in(found, s, e):
        if d.values.get("granularity") != "year" and _END_OF_STAY.match(text, d.end):
            return d.values.get("date_end")
    return None


def _no_year(dates: list[Found]) -> list[Found]:
    # A bare year (2023年 / 2023年度) names a plan or a fiscal year, not a period.
    return [d for d in dates if d.values.get("granularity") != "year" and not d.text.endswith("年度")]


def period_elsewhere(
    text: str, found: Mentions, sentences: Sequence[tuple[int, int]],
) -> tuple[Any, Any, tuple[int, int] | None]:
    """The period from any opening sentence when the team sentence gave none.

    A date (range) before 对/向…开展/进行…巡察 or 进驻, or right after a period label
    (进驻时间为 / 巡察期间( ).  Feedback-only sentences are skipped.  Returns
    (start, end, sentence) or (None, None, None).

    "2025年6月20日,区委第三巡察组向…反馈…。2025年4月2日至5月30日,…对…进行了巡察。"
    → (2025-04-02, 2025-05-30, the second sentence)
    """
    for s, e in sentences:
        label = _PERIOD_LABEL.search(text, s, e)
        if label is not None:
            dates = _no_year(dates_in(found, label.end(), e))
            if dates and dates[0].start - label.end() <= 1:
                start, end = period(text, dates)
                if start:
                    return start, end, (s, e)
        verb = _PERIOD_VERB.search(text, s, e)
        if verb is None:
            continue
        cut = verb.start("verb")  # the dates before 对/进驻 (not those inside the target)
        feedback = FEEDBACK.search(text, s, e)
        if feedback is not None and feedback.start() < cut:
            cut = feedback.start()
        start, end = period(text, _no_year(dates_in(found, s, max(cut, s + 1))))
        if start:
            return start, end, (s, e)
    return None, None, None


def _day_like(d: Found) -> bool:
    # A feedback is an event on a day: a day, a month (or part of one: 10月中旬, 6月底) or a
    # range's first day.  A year or fiscal year (对2022年度部门预算…出具了审计报告), a
    # quarter or a half year is no feedback date.
    if d.text.endswith("年度"):
        return False
    grain = d.values.get("granularity")
    return grain in ("day", "month") or (grain == "other" and "月" in d.text)


def feedback_day(
    text: str, found: Mentions, sentences: Sequence[tuple[int, int]],
    team_sentence: tuple[int, int] | None = None, team_verb: int | None = None, not_before: Any = None,
) -> Any:
    """The feedback day: the last date before 反馈 (else the first after it) in a feedback sentence.

    Sentences where the feedback is an event (向…反馈 / 反馈了 / 反馈会议) are read
    before those that only name the opinions (召开会议,听取巡察反馈意见).  In the team
    sentence only dates after its inspection verb (``team_verb``) count.  A day before
    ``not_before`` (the inspection's start) is an earlier round's feedback (the first
    inspection told before a 回头看): the next feedback sentence is read.

    "…听取巡察反馈意见。10月10日—13日,巡察组向学院党委反馈了巡察意见。" → 10月10日
    """
    weak: Any = None
    for s, e in sentences:
        fb = FEEDBACK.search(text, s, e)
        if not fb or not _FEEDBACK_SCOPE.search(text, s, e):
            continue
        before = [d for d in dates_in(found, s, fb.start()) if _day_like(d)]
        if team_sentence == (s, e) and team_verb is not None:
            before = [d for d in before if d.start >= team_verb]
        else:
            # "2023年5月至7月,…进行了审计,并出具了审计报告": dates before the verb are the period.
            verb = _DONE_VERB.search(text, s, fb.start())
            if verb is not None:
                before = [d for d in before if d.start >= verb.start()]
        after = [d for d in dates_in(found, fb.start(), e) if _day_like(d)]
        pick = before[-1] if before else (after[0] if after else None)
        if pick is None:
            continue
        day = pick.values.get("date_start")
        if not_before is not None and day is not None and day < not_before:
            continue
        if _FEEDBACK_EVENT.search(text, s, e):
            return day
        if weak is None:
            weak = day
    return weak
