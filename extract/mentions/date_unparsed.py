"""Dates whose characters were lost in scraping: repaired when one reading is possible, else reported.

Scraped pages sometimes drop 年 and 月 (images or spans that did not survive),
leaving digits run together: "2021915日" (2021年9月15日), "2024717日至830日",
"20229月" (2022年9月), "2022年915日".  When the digits split into a calendar date in
exactly one way (915 → 9月15日, since 91月 is no month; 20211228 → 12月28日) the date is
read and marked ``repaired`` (the notice gets a ``repaired_date`` flag).  When two
splits are valid (2021111日: 1月11日 or 11月1日) it becomes an ``unparsed_date`` mention
with the reason, never a guess.

>>> [(f.kind, f.text, str(f.values.get("date_start"))) for f in find_unparsed("于2021915日召开")]
[('date', '2021915日', '2021-09-15')]
>>> [(f.kind, f.values["reason"]) for f in find_unparsed("于2021111日召开")]
[('unparsed_date', '年 and 月 lost: year, month and day run together (2 readings)')]
"""

from __future__ import annotations

import datetime as dt

from zhenggai.mentions.base import Found
from zhenggai.mentions.date_patterns import (
    MAX_YEAR,
    MIN_YEAR,
    UNPARSED_RE,
    digit_runs,
    last_day,
    matches_at,
    relation_at,
)
from zhenggai.numerals import read_int


def readings(year: int, digits: str) -> list[dt.date]:
    """The calendar days that month+day digits run together can be ("915" → [9月15日]).

    >>> readings(2021, "111")
    [datetime.date(2021, 1, 11), datetime.date(2021, 11, 1)]
    """
    out = []
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if not (1 <= len(day) <= 2) or month.startswith("0") or day.startswith("0") and len(day) == 1:
            continue
        try:
            out.append(dt.date(year, read_int(month), read_int(day)))
        except ValueError:
            continue
    return out


def _may_open(text: str, start: int, end: int) -> bool:
    # UNPARSED_RE at a digit run: 19/20 + 3 to 6 digits, then 月 or 日 (20229月, 2021915日);
    # or 4 digits, 年, 3 or 4 digits and 日 (2022年915日)
    n = end - start
    if 5 <= n <= 8:
        return text[end : end + 1] in ("月", "日") and text.startswith(("19", "20"), start)
    # (the digits after 年 hold no 月: 2023年1月15日 stops at the ideograph two characters on)
    return n == 4 and text.startswith("年", end) and not "\u4e00" <= text[end + 2 : end + 3] <= "\u9fff" \
        and "日" in text[end + 4 : end + 6]


def find_unparsed(text: str, runs: list[tuple[int, int]] | None | bool = False) -> list[Found]:
    """Runs of digits that were a date before 年/月 were lost ("2021915日"): dates or unparsed_date.

    ``runs``: :func:`~zhenggai.mentions.date_patterns.digit_runs` of ``text`` when the caller has them.
    """
    if runs is False:
        runs = digit_runs(text)
    if runs is None:
        matches = UNPARSED_RE.finditer(text)
    else:  # a match starts a run of 4 (2022年915日) to 8 digits (2021915日): tried there only
        matches = matches_at(UNPARSED_RE, text, [s for s, e in runs if _may_open(text, s, e)])
    found = []
    for m in matches:
        if m.group("run"):
            run = m.group("run")
            year, rest = read_int(run[:4]), run[4:]
            if m.group("unit") == "月":
                month = read_int(rest) if len(rest) <= 2 else 0
                ok = 1 <= month <= 12
                days = [dt.date(year, month, 1)] if ok else []
                reason = "年 lost: year and month run together"
            else:
                days = readings(year, rest)
                reason = "年 and 月 lost: year, month and day run together"
        else:
            year = read_int(m.group("y"))
            days = readings(year, m.group("md"))
            reason = "月 lost: month and day run together"
        if not days or not (MIN_YEAR <= year <= MAX_YEAR):
            continue
        ends = days
        if m.group("tail"):
            ends = readings(year, m.group("tail"))
            if not ends:
                continue
        if len(days) > 1 or len(ends) > 1:
            n = max(len(days), len(ends))
            found.append(Found("unparsed_date", m.start(), m.end(), m.group(0),
                               {"reason": f"{reason} ({n} readings)"}))
            continue
        start, end = days[0], ends[0]
        granularity = "day"
        if m.group("unit") == "月":  # 20229月: the whole month
            end, granularity = start.replace(day=last_day(year, start.month)), "month"
        if end < start:
            found.append(Found("unparsed_date", m.start(), m.end(), m.group(0),
                               {"reason": "range ends before it starts"}))
            continue
        values = {"date_start": start, "date_end": end, "granularity": granularity, "year_inferred": False,
                  "relation": relation_at(text, m.start(), m.end()), "repaired": reason}
        found.append(Found("date", m.start(), m.end(), m.group(0), values))
    return found
