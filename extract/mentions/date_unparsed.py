"""Dates whose characters were lost in scraping: reported, never guessed.

Scraped pages sometimes drop 年 and 月 (images or spans that did not survive),
leaving digits run together: "2021915日" (2021年9月15日), "2024717日至830日",
"20229月" (2022年9月), "2022年915日".  Which digits are the month and which the
day cannot be told, so these become ``unparsed_date`` mentions.

>>> [(f.text, f.values["reason"]) for f in find_unparsed("于20229月召开")]
[('20229月', '年 lost: year and month run together')]
"""

from __future__ import annotations

from zhenggai.mentions.base import Found
from zhenggai.mentions.date_patterns import MAX_YEAR, MIN_YEAR, UNPARSED_RE


def _split_month_day(digits: str) -> bool:
    """Whether month+day digits run together ("915", "1230") can be read at least one way."""
    for cut in (1, 2):
        month, day = digits[:cut], digits[cut:]
        if 1 <= len(day) <= 2 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and not month.startswith("0"):
            return True
    return False


def find_unparsed(text: str) -> list[Found]:
    """Runs of digits that were a date before 年/月 were lost ("2021915日")."""
    found = []
    for m in UNPARSED_RE.finditer(text):
        if m.group("run"):
            run, year = m.group("run"), int(m.group("run")[:4])
            rest = run[4:]
            if m.group("unit") == "月":
                ok = len(rest) <= 2 and 1 <= int(rest) <= 12
                reason = "年 lost: year and month run together"
            else:
                ok = _split_month_day(rest)
                reason = "年 and 月 lost: year, month and day run together"
            if ok and m.group("tail"):
                ok = _split_month_day(m.group("tail"))
        else:
            year, ok = int(m.group("y")), _split_month_day(m.group("md"))
            reason = "月 lost: month and day run together"
        if ok and MIN_YEAR <= year <= MAX_YEAR:
            found.append(Found("unparsed_date", m.start(), m.end(), m.group(0), {"reason": reason}))
    return found
