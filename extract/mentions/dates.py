"""Date mentions: days, months, years, 年度, quarters, parts, ranges, relations.

>>> from datetime import date
>>> for f in find_dates("2022年7月15日至9月23日开展巡察,2022年12月以来完成整改"):
...     print(f.text, f.values["date_start"], f.values["date_end"], f.values["relation"])
2022年7月15日至9月23日 2022-07-15 2022-09-23 None
2022年12月 2022-12-01 2022-12-31 since
>>> f = find_dates("2023年工作要点……10月9日至11日举办培训班", published=date(2023, 6, 2))[1]
>>> f.text, str(f.values["date_start"]), f.values["year_inferred"]
('10月9日至11日', '2022-10-09', True)

Each date covers the whole expression: 2022年7月 → 2022-07-01..2022-07-31.  The
relation word (以来/截至/前 …, models/date_relations.tsv) goes in ``relation``,
never in the span: "截至2023年5月底" → span "2023年5月底", relation "until".

Choices:

* Parts (models/date_parts.tsv): a month is cut in thirds, 月初 = 上旬 = days 1–10,
  月中 = 中旬 = 11–20, 月底/月末 = 下旬 = 21–last; 年初 = January–February,
  年中 = June–July, 年底/年末 = November–December, 上半年/下半年 = the halves.
  All of these have granularity "other"; quarters (一季度, 第三季度, 前三季度) "season".
* A range takes the granularity of its ends when they agree, else "other".
  The second part takes the first part's year and month (10月9日至11日); when it
  would then end before the first part starts it moves to the next year (12月25日至1月5日).
* Years are plausible from 1949 to 2100.  A year in a document number
  (〔2023〕12号, [2022]3号) is never a date; 5年来, 一年来, 十年, 每年, 3个月 are durations.
* Year inference: a date written without a year takes the nearest explicit year
  before it in the text (a relative year such as 去年 counts once resolved); with
  ``published`` the inferred date is never later than ``published`` (the year
  before is used) unless it is announced as a plan (将于/计划/力争 …, or a "前"
  deadline: 6月底前完成).  A year-less 截至 date (the state of progress) takes the
  latest year not after ``published`` when the year in context is older.  "Never
  later" allows :data:`~zhenggai.mentions.date_years.FUTURE_GRACE` (60 days) for
  every date but 截至 ones: published on 10-12, 10月16日至22日 is a schedule this year.
  With no year before it, the date resolves against ``published`` (the latest such
  date, with the same grace); without ``published`` it takes the first event year
  after it (not an audited 年度, a 以来 start, a range of past years, a year in 《》),
  and with none either it becomes an ``unparsed_date`` ("no year in context").
  A bare 年初/年中/年底/年末 (年底前完成) is the reference year's part, else the
  year in context's; after 每 in its clause (每季度通报，年底考核) it is a routine.
  A plan or deadline (9月底前完成) keeps the reference year even with no year before it.
* ``published`` is the reference date (publication, else signature, else URL date).
  今年/去年/明年/今明两年/年内, 本月/上月/下月 need it (without it: ``unparsed_date``);
  当年, 当月, 次月, bare days (29日) and 月底 alone take the date before them, else
  the reference (a bare day never after the reference day unless it is a plan);
  同年10月 and 次年 use the previous explicit year.  去年同期 copies the span before
  it in its sentence, a year back (:mod:`zhenggai.mentions.date_relative`).
  A 今年/本年 + month more than 60 days after ``published`` (今年8月 in a report
  posted on 2023-01-06) shows the notice was written the year before: all its
  今年/去年/明年 then count from that year.  上年/上一年 as a comparison (较上年,
  与上一年相比, 上年预算执行情况) is no date; 上一年度, 上年12月, 上年底 and 上年同期 are.
* Two-digit years (18年10月1日: 20yy up to the reference year + 1, else 19yy),
  two Chinese digits (九七年), decades (上世纪90年代), compact days (20240307) and
  year lists (2013、2014年度) are read (models and patterns in date_patterns).
* After reading, one constraint step puts year-less event dates in the story's order
  (:mod:`zhenggai.mentions.date_story`): feedback after the inspection's start, and so on.
* Digits whose 年/月 were lost ("2021915日", "2024717日至830日", "20229月") are read
  when they split into a calendar date one way only (values["repaired"] holds the
  reason; the notice is flagged ``repaired_date``); two valid splits (2021111日) and
  impossible days (2月30日) become ``unparsed_date`` mentions, never guesses.
"""

from __future__ import annotations

import datetime as dt
from operator import attrgetter

from zhenggai.mentions.base import Found
from zhenggai.mentions.date_atoms import Atom as _Atom
from zhenggai.mentions.date_atoms import atom as _atom
from zhenggai.mentions.date_patterns import (
    CLAUSE_ROUTINE_BEFORE_RE,
    DAY_TAIL_RE,
    DOCNUMBER_AFTER_RE,
    DOCNUMBER_OPENERS,
    FREQUENCY_BEFORE_RE,
    ISO_TAIL_RE,
    MAX_YEAR,
    MIN_YEAR,
    RELATIVE_MONTHS,
    ROUTINE_BEFORE_RE,
    SEP_FIRST,
    SEP_FULL_RE,
    YEAR_TAIL_RE,
    digit_runs,
    find_atoms,
    fold,
    last_day,
    relation_at,
    small_number,
)
from zhenggai.mentions.date_relative import (
    BARE_YEAR,
    NO_REFERENCE,
    fill_month,
    full_year,
    same_period,
    until_now,
)
from zhenggai.mentions.date_story import order_by_story
from zhenggai.mentions.date_unparsed import find_unparsed
from zhenggai.mentions.date_years import (
    context_year,
    head_year,
    is_plan,
    in_finding,
    names_scope,
    next_event_years,
    writing_year,
)


def find_dates(text: str, published: dt.date | None = None, screened: bool | None = None) -> list[Found]:
    """Date mentions (kind "date") and scrambled dates (kind "unparsed_date"), sorted, disjoint.

    >>> for f in find_dates("印发《2022年度工作清单》,截至二〇二三年三月底"):
    ...     print(f.text, f.values["date_start"], f.values["date_end"], f.values["granularity"])
    2022年度 2022-01-01 2022-12-31 year
    二〇二三年三月底 2023-03-21 2023-03-31 other
    >>> [(f.kind, f.text) for f in find_dates("于2021111日召开")]
    [('unparsed_date', '2021111日')]
    """
    original, text = text, fold(text)  # ２０２３年, 今明兩年: same length, offsets unchanged
    runs = digit_runs(text, screened or None)  # (screened: digit_screen(text) by the caller; fold keeps it)
    unparsed = find_unparsed(text, runs)
    taken = [(f.start, f.end) for f in unparsed]
    atoms = []
    for m in find_atoms(text, runs):
        a = _atom(m)
        if taken and any(a.start < e and s < a.end for s, e in taken):
            continue  # inside a run of digits read as a scrambled date
        if a.start and text[a.start - 1] in DOCNUMBER_OPENERS and _is_docnumber_year(text, a):
            continue
        if a.short_year is not None and _approximate_years(a):
            continue
        atoms.append(a)
    for a in atoms:
        if a.short_year is not None:
            a.year = full_year(a.short_year, published)
    found: list[Found] = list(unparsed)
    last_year: int | None = None  # nearest explicit (or resolved relative) year so far
    written_year: int | None = None  # the year of the nearest date before, scope years included (当年)
    last_month: tuple[int, int] | None = None  # (year, month) of the nearest dated month or day so far
    writing = writing_year(text, atoms, published)
    event_years: list[tuple[int, int]] | None = None  # built only when a date has no year to lean on
    findings: dict[int, bool] = {}  # in_finding's answers by paragraph opening
    i = 0
    while i < len(atoms):
        head = atoms[i]
        if (head.rel is BARE_YEAR or head.rel_month is not None or head.bare_day) and \
                _after_routine(text, head):
            i += 1  # 每季度通报，年底考核 / 每月10日前公开上月收支: a routine, not a date
            continue
        if head.rel_month is not None or head.bare_day:
            if not fill_month(head, last_year, last_month, published):
                if published is None and (head.rel_month is not None or last_month is None):
                    found.append(Found("unparsed_date", head.start, head.end, text[head.start:head.end],
                                       {"reason": NO_REFERENCE}))
                i += 1
                continue
            if head.bare_day and last_month is None and published is not None and head.day > published.day \
                    and not is_plan(text, head.start, relation_at(text, head.start, head.end)):
                # 17日 in a report posted on the 10th, with no month before it: last month's 17th
                head.year, head.month = (head.year, head.month - 1) if head.month > 1 else (head.year - 1, 12)
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None  # (the gap tested first: no call for most atoms)
        tail = nxt if nxt is not None and 0 < nxt.start - head.end <= _SEP_MAX and _joins(text, head, nxt) else None
        tail_is_atom = tail is not None
        if tail is None and head.iso_sep:
            tail = _iso_tail(text, head)
        elif tail is None and head.day is not None:
            tail = _day_tail(text, head)
        next_year = None
        if last_year is None and published is None and not head.has_year:
            if event_years is None:
                event_years = next_event_years(text, atoms)
            next_year = next((y for start, y in event_years if start >= head.end), None)
        anchor = (writing, next_year)
        base_year = written_year if head.rel is not None and head.rel.base == "previous" else last_year
        result = _resolve(text, head, tail, base_year, published, anchor)
        if result is None and tail is not None:  # the pair does not make a range: try the head alone
            tail, tail_is_atom = None, False
            result = _resolve(text, head, None, base_year, published, anchor)
        i += 2 if tail_is_atom else 1
        if result is not None and result.kind == "date":
            if head.same_period:
                result = same_period(text, result, found, published)
            elif tail is None and text.startswith("至今", result.end):  # until_now reads nothing else
                result = until_now(text, result, published)
        if result is not None:
            found.append(result)
            if result.kind == "date" and not head.same_period:
                written_year = result.values["date_end"].year
            if result.kind == "date" and not head.same_period and result.values["granularity"] != "year" \
                    and head.quarter is None:
                end_day = result.values["date_end"]
                last_month = (end_day.year, end_day.month)
        if head.same_period or head.grain == "other" and head.year2 is not None:
            continue  # a comparison span or a decade (90年代) sets no year for what follows
        year = context_year(head, tail, result, last_year)
        if year == last_year:
            continue  # the year in context stays: whether this date may set it does not matter
        if last_year is None and published is None:  # nothing anchors the dates yet: any year will do
            last_year = year
        elif not (names_scope(text, head, tail, result) or in_finding(text, head.start, findings)):
            last_year = year
    found.sort(key=attrgetter("start"))
    # A numeric range tail (2023.6.1-6.30) is read from the text: nothing after it claims its characters.
    kept: list[Found] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    kept = order_by_story(text, kept, published)
    if original is not text:
        kept = [Found(f.kind, f.start, f.end, original[f.start:f.end], f.values) for f in kept]
    return kept


def _after_routine(text: str, head: _Atom) -> bool:
    """每季度通报，年底考核 / 每月10日前公开上月收支: a 每 shortly before makes it a routine."""
    lo = head.start - 15 if head.start > 15 else 0
    if text.find("每", lo, head.start) < 0:  # both patterns open on 每: none, no routine
        return False
    routine_re = CLAUSE_ROUTINE_BEFORE_RE if _counts_from_context(head) else ROUTINE_BEFORE_RE
    return routine_re.search(text, lo, head.start) is not None


def _counts_from_context(a: _Atom) -> bool:
    """次月, 同月, 当月: a month word counted from the date before it (base "context")."""
    rel = RELATIVE_MONTHS.get(a.rel_month) if a.rel_month else None
    return rel is not None and rel.base == "context"


def _approximate_years(a: _Atom) -> bool:
    # 三四年 / 五六年 alone are "three or four years", not 2003/2005: two rising Chinese digits
    # without a month after them.  九八年 (1998) and 〇五年 stay years.
    short = a.short_year
    if short is None or short.isdigit() or a.granularity != "year":
        return False
    first, second = (small_number(ch) if ch not in "〇○零OＯ" else 0 for ch in short)
    return second == first + 1


# ------------------------------------------------------------------ atoms


def _is_docnumber_year(text: str, a: _Atom) -> bool:
    # 浙民发〔2023年〕5号: the bracketed year of a document number
    if a.start == 0 or text[a.start - 1] not in DOCNUMBER_OPENERS:
        return False
    return DOCNUMBER_AFTER_RE.match(text, a.end) is not None


# The longest text SEP_FULL_RE can span: 起, two blanks, a two-character dash, two blanks.
_SEP_MAX = 7


def _joins(text: str, head: _Atom, tail: _Atom) -> bool:
    """Whether "head SEP tail" is one range (2022年7月15日至9月23日, 7月—9月, 2021年至2023年)."""
    if not 0 < tail.start - head.end <= _SEP_MAX or not SEP_FULL_RE.fullmatch(text, head.end, tail.start):
        return False
    if tail.iso_sep or head.iso_sep:
        return bool(tail.iso_sep and head.iso_sep)
    if tail.has_year:  # 2021年至2023年, 2022年3月至2023年5月, 2023年一至2024年二季度
        return head.has_year and (head.quarter is None) == (tail.quarter is None)
    if tail.month is not None:
        return head.month is not None
    if tail.quarter is not None:
        return head.quarter is not None
    if tail.day is not None:  # bare 11日
        return head.day is not None
    return False


def _day_tail(text: str, head: _Atom) -> _Atom | None:
    # 10月9日至11日: a bare day after a full date ends a range in the same month
    if text[head.end : head.end + 1] not in SEP_FIRST:
        return None  # DAY_TAIL_RE opens on a separator
    m = DAY_TAIL_RE.match(text, head.end)
    if m is None:
        return None
    day2 = small_number(m.group("d2")) if m.group("d2") else None
    return _Atom(m.start(), m.end(), day=small_number(m.group("d")), day2=day2)


def _iso_tail(text: str, head: _Atom) -> _Atom | None:
    # 2023.6.1-6.30: the tail repeats month and day with the head's separator
    if head.day is None:  # 2008.03-2009: a numeric month, then the year the range ends in
        m = YEAR_TAIL_RE.match(text, head.end)
        if m is None or head.year is None or not head.year < small_number(m.group("y")) <= MAX_YEAR:
            return None
        return _Atom(m.start("y"), m.end(), year=small_number(m.group("y")))
    sep = SEP_FULL_RE.match(text, head.end)
    if sep is None:
        return None
    m = ISO_TAIL_RE.match(text, sep.end())
    if m is None or m.group("isep") != head.iso_sep:
        return None
    month, day = small_number(m["im"]), small_number(m["id"])
    return _Atom(m.start(), m.end(), month=month, day=day, iso_sep=head.iso_sep)


# -------------------------------------------------------------- resolution


def _resolve(text: str, head: _Atom, tail: _Atom | None, last_year: int | None,
             published: dt.date | None, anchor: tuple[int | None, int | None]) -> Found | None:
    """The Found for head (and tail), or None when it is no date / cannot be resolved.

    ``anchor`` is (the notice's writing year when not the publication year, the first
    event year after head when no year comes before it and nothing else anchors it).
    """
    if not head.has_year:
        if tail is None and head.chinese_month_only:
            return None
        if head.month is None and head.quarter is None and head.part is None:
            return None  # a bare 11日 with no month to take only counts as a range tail
        lo = head.start - 4 if head.start > 4 else 0
        if text.find("每", lo, head.start) >= 0 and FREQUENCY_BEFORE_RE.search(text, lo, head.start):
            return None  # 每年10月, 每季度
    if head.year is not None and not (MIN_YEAR <= head.year <= MAX_YEAR):
        return None
    if head.year2 is not None and not (MIN_YEAR <= head.year2 <= MAX_YEAR):
        return None
    end = tail.end if tail is not None else head.end
    if head.month is not None and head.day is not None and not _possible_day(head):
        return _unparsed_or_none(text, head, end, "not a calendar date")  # 2月30日 in any year
    relation = relation_at(text, head.start, end)
    year, inferred = head_year(text, head, last_year, published, relation, *anchor)
    if year is None and head.rel is not None and published is None:
        return Found("unparsed_date", head.start, end, text[head.start:end], {"reason": NO_REFERENCE})
    if year is None and not head.has_year and last_year is None and published is None:
        # 截至9月12日 in a notice with no year anywhere and no publication date: shown, not dropped
        return Found("unparsed_date", head.start, end, text[head.start:end],
                     {"reason": "no year in context: none written before or after it, no publication date"})
    if year is None or not (MIN_YEAR <= year <= MAX_YEAR):
        return None
    try:
        start_date, end_date = head.bounds(year)
    except ValueError:
        return _unparsed_or_none(text, head, end, "not a calendar date")
    granularity = head.granularity
    if tail is not None:
        try:
            tail_end = _tail_end(tail, head, year, start_date, last_year, published, anchor[0])
        except ValueError:
            return None
        if tail_end is None:
            return None
        end_date = tail_end
        granularity = granularity if tail.granularity == granularity else "other"
    if end_date < start_date:
        return _unparsed_or_none(text, head, end, "range ends before it starts")
    values = {"date_start": start_date, "date_end": end_date, "granularity": granularity,
              "year_inferred": inferred, "relation": relation}
    return Found("date", head.start, end, text[head.start:end], values)


def _possible_day(a: _Atom) -> bool:
    # 2000 is a leap year: a month/day that fails there fails in every year
    return _in_2000(a.month, a.day) and _in_2000(a.month2 or a.month, a.day2 or a.day)


def _in_2000(month: int, day: int) -> bool:
    # whether dt.date(2000, month, day) exists, without building it
    return 1 <= month <= 12 and 1 <= day <= last_day(2000, month)


def _tail_end(tail: _Atom, head: _Atom, year: int, start_date: dt.date, last_year: int | None,
              published: dt.date | None, writing: int | None) -> dt.date | None:
    if tail.year is not None:
        if not (MIN_YEAR <= tail.year <= MAX_YEAR):
            return None
        return tail.bounds(tail.year)[1]
    if tail.rel is not None:
        if tail.rel.base == "previous":
            base = head.last_written_year if head.year is not None else last_year
        else:
            base = (writing or published.year) if published is not None else None
        if base is None:
            return None
        return tail.bounds(base + tail.rel.offset)[1]
    tail_year = head.year2 if head.year2 is not None else year
    month = None
    if tail.month is None and tail.day is not None:  # 10月9日至11日: the tail is in the head's month
        month = head.month2 if head.month2 is not None else head.month
    end = tail.bounds(tail_year, month)[1]
    if end < start_date:  # 12月25日至1月5日 crosses into the next year
        end = tail.bounds(tail_year + 1, month)[1]
    return end


# ---------------------------------------------------------------- unparsed


def _unparsed_or_none(text: str, head: _Atom, end: int, reason: str) -> Found | None:
    # An impossible day with a year or month written (2023年2月30日, 2月30日) is reported;
    # a stray "35日" without a month is simply no date.
    if head.year is not None or (head.month is not None and head.day is not None):
        return Found("unparsed_date", head.start, end, text[head.start:end], {"reason": reason})
    return None
