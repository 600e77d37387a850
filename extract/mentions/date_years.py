"""Year scope of date mentions: which year a year-less date takes, and which years anchor later ones.

Split out of :mod:`zhenggai.mentions.dates` (the driver and range joining stay there);
these helpers only read the atoms it builds.

    2022年工作要点……10月9日至11日举办培训班   → 10月9日 takes 2022 (the nearest year before)
    对我局2022年度预算执行进行了审计,并于8月11日出具  → 2022年度 names the audited year: no anchor
    将于10月召开                                   → a plan: may lie after publication
    截至9月12日……2023年将继续 (no year before, no publication date)
                                                   → 9月12日 takes 2023, the first event year after it
    今年8月…… published 2023-01-06                 → written in 2022: 今年 = 2022 throughout
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import regex

from zhenggai import limits
from zhenggai.mentions.base import Found
from zhenggai.mentions.date_patterns import MAX_YEAR, MIN_YEAR, SEP_FULL_RE, relation_after
from zhenggai.models import load_words

if TYPE_CHECKING:  # the atom class lives with the driver; only its attributes are read here
    from zhenggai.mentions.date_atoms import Atom as _Atom

_FUTURE_WORDS = tuple(load_words("date_future_words.txt"))

# How far after the publication day a year-less date may start and still be read in
# the publication year.  A notice published in January about "12月15日" means last
# December (far ahead: moved back a year), while one published on 10-12 about
# "10月16日至22日" announces a schedule a few days ahead (kept).  Two months covers
# schedules and the usual lag between writing and posting, and stays well short of the
# ten-odd months that separate a January posting from the previous autumn.
FUTURE_GRACE = dt.timedelta(days=60)

# Relative year words whose month, far after publication, shows the notice was written
# the year before (今年8月 in a report posted on 2023-01-06).
_THIS_YEAR_WORDS = ("今年", "本年")


def head_year(text: str, head: _Atom, last_year: int | None, published: dt.date | None,
               relation: str | None, writing_year: int | None = None,
               next_year: int | None = None) -> tuple[int | None, bool]:
    """(year, inferred) of a date expression's first part.

    A written year is taken as is; 去年/次年 resolve against ``writing_year`` (by default
    the year of ``published``) / the year before; a year-less date leans on ``last_year``
    (the nearest year before it), kept on or before ``published`` (give or take
    :data:`FUTURE_GRACE`) unless it is a plan.  With neither a year before it nor
    ``published`` it takes ``next_year``, the first event year after it.

    >>> from zhenggai.mentions.dates import find_dates
    >>> find_dates("2022年工作要点……10月9日开班")[1].values["date_start"].year
    2022
    """
    if head.year is not None:
        return head.year, head.implied
    if head.rel is not None:
        rel = head.rel
        if rel.base == "previous" and last_year is not None:
            return last_year + rel.offset, True
        if rel.base == "reference" and published is None:  # 年底前 with no reference: the year in context
            return (last_year, True) if last_year is not None else (None, True)
        if published is not None:
            return (writing_year or published.year) + rel.offset, True
        return None, True
    # No year written: the nearest year before, never after publication (unless a plan).
    if last_year is None and published is None:
        return next_year, True
    year = last_year if last_year is not None else published.year
    if relation == "until" and published is not None and last_year is not None and last_year < published.year:
        # 截至4月底 states the progress when the notice was written: the latest year
        # (not before the year in context) that keeps it on or before publication,
        # not a year the text only mentioned in passing (对2023年竣工的项目…截至4月底).
        for candidate in range(published.year, last_year, -1):
            try:
                if head.bounds(candidate)[0] <= published:
                    return candidate, True
            except ValueError:
                continue
    if published is not None and not is_plan(text, head.start, relation):
        # A 截至 date states progress already made: never after publication.  Any other
        # date is moved back a year only when it would start clearly after publication.
        latest = published if relation == "until" else published + FUTURE_GRACE
        for candidate in (year, published.year, published.year - 1):
            if candidate > year:
                continue
            try:
                if head.bounds(candidate)[0] <= latest:
                    return candidate, True
            except ValueError:
                continue
        return None, True
    return year, True


def is_plan(text: str, start: int, relation: str | None) -> bool:
    """Whether the date at ``start`` is announced as a plan or deadline (将于10月 / 6月底前).

    >>> is_plan("将于10月召开", 2, None)
    True
    """
    # 6月底前完成 / 将于10月召开: a deadline or plan may lie after publication
    if relation == "before":
        return True
    before = text[start - 4 if start > 4 else 0:start]
    for w in _FUTURE_WORDS:
        if w in before:
            return True
    return False


# A bare year that dates what a noun phrase describes: 2023年销售的安置房, 2022年建设的项目 —
# the examined facts (an audit finding), not the time of the events reported after it.
_ATTRIBUTIVE = limits.compile(
    r"""
    (?:[^\W\d_的,;。]{1,4})的   # a short verb phrase, then the 的 that makes it attributive
    """,
    regex.VERBOSE,
)


def names_scope(text: str, head: _Atom, tail: _Atom | None, result: Found | None) -> bool:
    """A bare year that names what is looked at, not when later things happen.

    对我局2022年度预算执行进行了审计,并于8月11日出具 — the audited 年度, the start
    of a 以来 span (对2021年以来实施的项目), a range of past years (2019年至2022年)
    a comparison base (2022年全年, 2019年同期) and a year dating a described thing (2023年销售的
    安置房) do not anchor the year-less dates
    after them; those lean on the year before (or the publication date) instead.
    """
    if result is None or result.kind != "date" or result.values["granularity"] != "year":
        return False
    if text.startswith("同期", result.end) or text[result.start - 1 : result.start] in ("较", "比"):
        return True  # 较去年同期 / 比2022年: a comparison base, whether written or relative
    if head.rel is not None or (tail is not None and tail.rel is not None):
        return False  # 今年 / 去年: a resolved year of the events themselves
    end = result.end
    return (
        text[end - 1] == "度"
        or _ATTRIBUTIVE.match(text, end) is not None
        or text.startswith(("度", "同期", "全年"), end)
        or result.values["relation"] == "since"
        or head.year2 is not None
        or (tail is not None and tail.year is not None)
    )


FINDING_REACH = 2000  # how far back a paragraph's start is looked for


def in_finding(text: str, pos: int, memo: dict[int, bool] | None = None) -> bool:
    """Whether ``pos`` lies in a paragraph opening with a finding label (审计发现:, 存在问题:).

    A finding describes the state that was examined (截至2023年12月31日,欠缴租金…); its
    dates do not carry their year to the rectification reported after it (9月中下旬退还).
    ``memo`` (one notice's): the answer by paragraph opening, for the next date there.

    >>> in_finding("审计发现:截至2023年12月31日,欠缴租金186万元。", 6)
    True
    """
    from zhenggai.outline import cues

    # Looked for within a bounded stretch: a megabyte-long line must not make this quadratic.
    start = text.rfind("\n", pos - FINDING_REACH if pos > FINDING_REACH else 0, pos) + 1
    if start == 0 and pos > FINDING_REACH:
        return False
    while start < pos and text[start] in " \u3000\t":
        start += 1
    if memo is not None and start in memo:
        return memo[start]
    end = cues.cue_end("issue_label", text, start)
    found = end is not None and text[end : end + 1] in (":", "：")
    if memo is not None:
        memo[start] = found
    return found


def context_year(head: _Atom, tail: _Atom | None, result: Found | None, last_year: int | None) -> int | None:
    """The year later year-less dates lean on: the last year written (or resolved from 去年 …).

    A bare whole year earlier than the year in context (反馈后…2023年村集体收入186万元…
    2月以来) looks back on a period's figures; the narrative stays in its own year.  So does
    a past relative year or part of one (是去年全年的1.4倍, 去年底前未验收的项目) once the
    story has a year: only a month or a day (去年11月) moves the narrative back.
    """
    if (
        last_year is not None
        and tail is None
        and head.year is not None
        and head.year2 is None
        and head.year < last_year  # (before the granularity property: most years equal the one in context)
        and head.granularity == "year"
    ):
        return last_year
    if (
        last_year is not None
        and tail is None
        and head.rel is not None
        and head.rel.base == "published"
        and head.rel.offset < 0
        and head.month is None
        and head.day is None
        and head.quarter is None
        and result is not None
        and result.kind == "date"
        and result.values["date_end"].year < last_year
    ):
        return last_year
    for atom in (tail, head):
        if atom is not None and atom.year is not None:
            year = atom.last_written_year
            return year if MIN_YEAR <= year <= MAX_YEAR else last_year
    if result is not None and result.kind == "date" and (head.rel is not None or (tail and tail.rel)):
        return result.values["date_end"].year
    return last_year


def writing_year(text: str, atoms: list[_Atom], published: dt.date | None) -> int | None:
    """The year the notice was written in, when its 今年 shows it was not the publication year.

    A report posted on 2023-01-06 that says "今年8月,市人大常委会听取…" was written in
    2022: every 今年/本年/去年/明年 of that notice counts from 2022.  Decided once per
    notice, from the first 今年/本年 + month that would start more than
    :data:`FUTURE_GRACE` after publication (plans and deadlines such as 将于今年10月 or
    今年6月底前 may lie ahead and decide nothing).  ``None``: the publication year.

    >>> from zhenggai.mentions.dates import find_dates
    >>> find_dates("今年8月听取报告,今年以来办结9件", published=dt.date(2023, 1, 6))[1].values["date_start"]
    datetime.date(2022, 1, 1)
    """
    if published is None:
        return None
    latest = published + FUTURE_GRACE
    for atom in atoms:
        if atom.rel is None or atom.rel.word not in _THIS_YEAR_WORDS or atom.month is None:
            continue
        try:
            start = atom.bounds(published.year)[0]
        except ValueError:
            continue
        if start > latest and not is_plan(text, atom.start, relation_after(text, atom.end)):
            return published.year - 1
    return None


def next_event_years(text: str, atoms: list[_Atom]) -> list[tuple[int, int]]:
    """(start, year) of the written years that can anchor year-less dates before them.

    Used only when a date has no year before it and the notice no publication date:
    截至9月12日……2023年将继续 → 9月12日 takes 2023.  Skipped, as for the years before a
    date (:func:`names_scope`): years that only name what was examined (2022年度, the
    start of a 2021年以来 span, a range of past years 2019年至2021年, a comparison base
    2019年同期 / 比2022年) and years inside 《》 titles (document numbers never become atoms).

    >>> from zhenggai.mentions.dates import find_dates
    >>> [(f.text, str(f.values["date_start"])) for f in find_dates("4月2日进驻,对2021年度收支审计,2022年完成")]
    [('4月2日', '2022-04-02'), ('2021年度', '2021-01-01'), ('2022年', '2022-01-01')]
    """
    years = []
    skip_tail = False
    for i, atom in enumerate(atoms):
        if skip_tail:  # the 2021年 of 2019年至2021年
            skip_tail = False
            continue
        if atom.year is None or not (MIN_YEAR <= atom.year <= MAX_YEAR) or _in_title(text, atom.start):
            continue
        if atom.granularity == "year" and atom.quarter is None:
            following = atoms[i + 1:i + 2]
            skip_tail = _joins_year(text, atom, following)
            if skip_tail or _scope_only(text, atom):
                continue
        years.append((atom.start, atom.year))
    return years


def _scope_only(text: str, atom: _Atom) -> bool:
    # the same tests as names_scope, read from the atom before it is resolved
    end = atom.end
    after = relation_after(text, end)
    return (
        text[end - 1] == "度"
        or text.startswith(("度", "同期", "全年"), end)
        or text[atom.start - 1 : atom.start] in ("较", "比")
        or after == "since"
        or atom.year2 is not None
    )


def _joins_year(text: str, atom: _Atom, following: list[_Atom]) -> bool:
    # 2019年至2021年: a range of past years (its tail is no anchor either)
    return bool(following) and following[0].year is not None and SEP_FULL_RE.fullmatch(
        text, atom.end, following[0].start) is not None


def _in_title(text: str, pos: int) -> bool:
    # inside 《…》 when the nearest 《 before it is not closed (titles are short: look back a little)
    lo = pos - 80 if pos > 80 else 0
    return text.rfind("《", lo, pos) > text.rfind("》", lo, pos)
