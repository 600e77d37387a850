"""Years decided by the story: one constraint step over a notice's dated events.

A notice tells one story in a fixed order: the inspection (its team moves in), the
feedback, the rectification (meetings and checks on it), and perhaps a 回头看 after the
first inspection.  A year-less date takes its year from the text before it
(:mod:`zhenggai.mentions.date_years`); this step then checks the order and moves a
year-less event date forward by whole years when it would come before an event that
must precede it:

    巡察 2022年10月10日至12月9日 …… 3月24日反馈         → 3月24日 is 2023-03-24
    10月17日召开整改专题会 …… 2018年11月至2019年1月巡视,
    2019年3月至4月开展巡视“回头看”                      → 10月17日 is 2019-10-17

Rules (models/date_story_cues.tsv says which event a sentence reports):

* feedback ≥ the inspection's start; a 回头看 ≥ the inspection's end;
  a rectification meeting or check ≥ the feedback, the inspection's end and the 回头看's end.
* Only dates whose year was inferred move, and only forward, by the fewest whole years
  that satisfy the order; never past the reference date (plus
  :data:`~zhenggai.mentions.date_years.FUTURE_GRACE`) unless it is a plan or deadline.

The inspection facts (:mod:`zhenggai.facts.inspection_dates`) read these mentions, so the
same notice cannot give a feedback date before its inspection started.

>>> from zhenggai.mentions.dates import find_dates
>>> t = "2022年10月10日至12月9日，区委第一巡察组对该局开展了巡察。3月24日，巡察组反馈了巡察意见。"
>>> [(f.text, str(f.values["date_start"])) for f in find_dates(t)]
[('2022年10月10日至12月9日', '2022-10-10'), ('3月24日', '2023-03-24')]
"""

from __future__ import annotations

import datetime as dt

import regex

from zhenggai import limits
from zhenggai.first_chars import first_chars
from zhenggai.mentions.base import Found
from zhenggai.mentions.date_cues import required_words
from zhenggai.mentions.date_years import FUTURE_GRACE, is_plan
from zhenggai.models import load_table


def _plain_cue(fragment: str) -> bool:
    r"""Whether a cue fragment has no escape but ``\n``: syntax Python's re and the regex module read
    alike (literals, listed classes, groups, alternation, bounded repeats, lookarounds)."""
    return "\\" not in fragment.replace("\\n", "")


def _cue_search(fragment: str):
    # A sentence part is far below the regex timer's threshold: limits.Twin runs it on Python's re
    # (several times cheaper per call than the regex module), a long one on the wrapped pattern.
    pattern = limits.compile(fragment)
    return limits.Twin(pattern).search if _plain_cue(fragment) else pattern.search


# (kind, the cue's search, words one of which every match holds, else the characters a match can
# start with; empty when there is no such test)
_CUES: list[tuple[str, object, tuple[str, ...]]] = [
    (row[0], _cue_search(row[1]),
     required_words(row[1]) or tuple(first_chars(row[1], verbose=False) or ()))
    for row in load_table("date_story_cues.tsv")
]
# What must come before each event: (kind, which end of it).
_AFTER = {
    "revisit": (("inspection", "end"),),
    "feedback": (("inspection", "start"),),
    "rectify": (("feedback", "start"), ("inspection", "end"), ("revisit", "end")),
}
SENTENCE_END = limits.compile(
    r"""
    [。；;！？!?\n]     # sentence ends: the events are told one sentence each
    """,
    regex.VERBOSE,
)
SENTENCE_END_CHARS = "。；;！？!?\n"  # the characters of SENTENCE_END, for sentence_ends


def sentence_ends(text: str) -> list[int]:
    r"""The offset after each sentence end of ``text`` (SENTENCE_END's match ends), in order.

    One ``str.split`` per end character the text holds: cheaper than the regex's scan.

    >>> sentence_ends("进驻。反馈；整改\n完成")
    [3, 6, 9]
    """
    out: list[int] = []
    for ch in SENTENCE_END_CHARS:
        if ch in text:
            at = 0
            for part in text.split(ch)[:-1]:
                at += len(part) + 1
                out.append(at)
    out.sort()
    return out


# SENTENCE_END's class for Python's re (no repetition: limits.plain), searched between two dates.
_SENTENCE_END_CHAR = limits.plain(r"[。；;！？!?\n]")


def event_windows(text: str, starts: list[int]) -> list[tuple[int, int, bool]]:
    r"""(start, end, first in its sentence) of the part of ``text`` each date at ``starts`` reads.

    A sentence may tell two events (…开展了常规巡察，6月12日反馈了巡察意见): each date reads
    its own part, from the date (the sentence start for the first date of a sentence) to the
    next date (the sentence end for the last).  ``starts`` ascend.  The same parts as
    :func:`sentence_ends` and a bisect per date give, without listing every sentence end:
    two dates share a sentence when no end character lies between their starts, found by one
    search of that gap; a sentence's start by one search of the gap before it, read backwards.

    >>> event_windows("巡察。3月进驻，4月反馈；5月整改", [3, 8, 13])
    [(3, 8, True), (8, 13, False), (13, 17, True)]
    """
    n, k = len(text), len(starts)
    search = _SENTENCE_END_CHAR.search
    # the first end character at or after each start and before the next start (-1: none)
    gaps = []
    for j, s in enumerate(starts):
        m = search(text, s, starts[j + 1] if j + 1 < k else n)
        gaps.append(m.start() if m is not None else -1)
    backwards = None  # text reversed, built when a sentence start is looked for
    out = []
    for j, s in enumerate(starts):
        first = j == 0 or gaps[j - 1] >= 0
        if first:  # after the last end character before s (there is one after the previous date)
            if backwards is None:
                backwards = text[::-1]
            m = search(backwards, n - s, n - (starts[j - 1] if j else 0))
            start = n - m.start() if m is not None else 0
        else:
            start = s
        if gaps[j] >= 0:
            end = gaps[j] + 1
        else:
            end = starts[j + 1] if j + 1 < k else n
        out.append((start, end, first))
    return out


_EVENT_GRAINS = ("day", "month", "other")  # a year or a quarter dates no single event


def event_kind(sentence: str) -> str | None:
    """Which story event a sentence reports: inspection, revisit, feedback, rectify (or None).

    >>> event_kind("市委巡察组于4月中旬至5月底开展了巡察“回头看”")
    'revisit'
    """
    return _kind(sentence)


def _kind(sentence: str) -> str | None:
    for kind, search, needed in _CUES:
        for word in needed:
            if word in sentence:
                break
        else:
            if needed:
                continue  # none of the words (or first characters) a match needs: no search
        if search(sentence) is not None:
            return kind
    return None


def order_by_story(text: str, found: list[Found], published: dt.date | None) -> list[Found]:
    """``found`` with year-less event dates moved forward where the story's order requires it."""
    dates = [i for i, f in enumerate(found) if f.kind == "date" and f.values["granularity"] in _EVENT_GRAINS]
    if len(dates) < 2 or not any(found[i].values.get("year_inferred") for i in dates):
        return found  # nothing to order, or every year written out
    events: list[tuple[str, int]] = []  # (kind, index in found): the first date of each event
    windows = event_windows(text, [found[i].start for i in dates])
    for i, (start, end, first_in_sentence) in zip(dates, windows):
        kind = _kind(text[start:end])
        if kind is not None and (first_in_sentence or not events or kind != events[-1][0]):
            events.append((kind, i))  # (a later date of the same event in its sentence adds nothing)
    out = list(found)
    first = {}
    for kind, i in events:
        first.setdefault(kind, i)
    for kind in _AFTER:  # in story order: 回头看 and feedback before rectification
        for k, i in events:
            if k == kind and out[i].values.get("year_inferred"):
                out[i] = _moved(text, out[i], _bound(out, first, kind), published)
    return _carried(text, found, out, dates, published)


def _carried(text: str, before: list[Found], out: list[Found], dates: list[int],
             published: dt.date | None) -> list[Found]:
    """Year-less dates that leaned on a date the story moved move with it.

    巡察 2022年10月…… 2月24日反馈 (→ 2023)。3月1日召开会议; 3月10日印发方案 — 3月10日 took
    its year from the date before it, so it follows that date into 2023.  Only dates whose
    whole year came from context (no 年 in the mention: not 去年 / 上半年) and that still sit in
    the moved date's old year follow; never past the reference date unless a plan.
    """
    shift = 0  # years the date just before was moved by (0: not moved)
    old_year = None
    for i in dates:
        f, was = out[i], before[i]
        if f is not was:  # moved by the story step itself
            shift, old_year = f.values["date_start"].year - was.values["date_start"].year, was.values["date_start"].year
            continue
        if shift and f.values.get("year_inferred") and "年" not in f.text \
                and f.values["date_start"].year == old_year:
            moved = _moved(text, f, _shift(f.values["date_start"], shift), published)
            if moved is not f:
                out[i] = moved
                continue
        shift, old_year = 0, None
    return out


def _bound(found: list[Found], first: dict[str, int], kind: str) -> dt.date | None:
    # the latest day that must come before an event of this kind (None: nothing known)
    bounds = [found[first[k]].values["date_start" if side == "start" else "date_end"]
              for k, side in _AFTER[kind] if k in first]
    return max(bounds) if bounds else None


def _moved(text: str, f: Found, bound: dt.date | None, published: dt.date | None) -> Found:
    start, end = f.values["date_start"], f.values["date_end"]
    if bound is None or start >= bound:
        return f
    plan = published is None or is_plan(text, f.start, f.values.get("relation"))
    latest = None if plan else published + FUTURE_GRACE
    for years in range(1, bound.year - start.year + 2):
        try:
            new_start, new_end = _shift(start, years), _shift(end, years)
        except ValueError:
            continue
        if new_start < bound:
            continue
        if latest is not None and new_start > latest:
            return f  # the order would put it after publication: leave it as the text gives it
        return Found(f.kind, f.start, f.end, f.text, dict(f.values, date_start=new_start, date_end=new_end))
    return f


def _shift(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
