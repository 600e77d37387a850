"""Peer extractors for the benchmark, with their output mapped to zhenggai's gold format.

Each peer is optional.  ``load_peers()`` returns the ones that import; a peer
that is missing (or fails to import) is reported as "not installed" by run.py.

Every adapter returns ``{"money": [...], "date": [...]}`` where a money mention is
``{"kind", "text", "start", "end", "value", "value_max"}`` and a date mention is
``{"kind", "text", "start", "end", "date_start", "date_end"}`` — the shape of
``Notice.model_dump(mode="json")["mentions"]`` — so ``zhenggai.evaluate.compare_mentions``
scores peers and zhenggai with the very same matching rule (overlapping span, equal value).

The mapping rules are documented in bench/README.md ("How peers are mapped"); in short:

* JioNLP ``ner.extract_money``: ``offset`` is ``[start, end)``; ``detail.num`` is the
  amount in the unit of ``detail.case`` — a list ``[low, high]`` for ranges and blur
  amounts (3000余元 → [3000, 4000]), mapped to ``value=low, value_max=high``.
* JioNLP ``ner.extract_time``: ``detail.time`` is ``[first, last]`` (inclusive
  ``YYYY-MM-DD hh:mm:ss``).  Only ``time_point`` and ``time_span`` are dates.  An
  expression ending in a relation word (以来, 至今, 以前, 前, 以后, 后 …) is an open
  span whose far end is ``time_base`` or ``±inf``; zhenggai records the *anchor* date
  and the relation separately, so the anchor is re-parsed with ``jio.parse_time`` on the
  text without the relation word.
* Recognizers-Text: ``end`` is *inclusive* (``text[start:end + 1]``).  Currency:
  ``resolution.value``.  Date-time: the first resolution value (the past reading comes
  first for a year-less date); ``date``/``datetime`` → that day; ranges keep ``start``;
  their ``end`` is exclusive for calendar units (a month ends on the 1st of the next),
  so it becomes ``end − 1 day``, but for a written range (至/到/-) it names the last
  unit written, so it becomes the last day of that day/month/year (from the ``P…D/M/Y``
  duration in the timex).  Times, durations and sets are not dates.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import importlib.metadata
import io
import logging
import re
from dataclasses import dataclass
from typing import Callable

# Relation words that turn a date into an open span (JioNLP folds them into the span).
_RELATION_SUFFIX = re.compile(r"(以来|至今|起|以前|之前|以后|之后|前|后)$")
# A written range connector: Recognizers then gives the start of the last unit as "end".
_RANGE_CONNECTOR = re.compile(r"[至到\-—~～]")
# Duration unit of a range timex such as (2022-01-01,2027-01-01,P5Y).
_TIMEX_DURATION = re.compile(r"P\d+(?:\.\d+)?([DWMY])\)$")


@dataclass
class Peer:
    """A peer tool: ``extract(text, reference_datetime) -> {"money": [...], "date": [...]}``."""

    name: str
    label: str
    version: str
    extract: Callable[[str, dt.datetime], dict[str, list[dict]]]

    def run(self, text: str, ref: dt.datetime) -> dict[str, list[dict]]:
        """Extract from the text zhenggai's extractors see (full-width → ASCII), offsets mapped back.

        Both peers miss full-width digits (２０２３年) and stumble on ideographic spaces;
        giving them the normalised string measures extraction, not input cleaning.
        """
        from zhenggai.normalize import normalize

        norm = normalize(text)
        logging.disable(logging.CRITICAL)  # JioNLP logs tracebacks of expressions it gives up on
        try:
            out = self.extract(norm.text, ref)
        finally:
            logging.disable(logging.NOTSET)
        for mentions in out.values():
            for m in mentions:
                m["start"], m["end"] = norm.span_to_original(m["start"], m["end"])
                m["text"] = text[m["start"]:m["end"]]
        return out


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _day(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10])
    except ValueError:
        return None


def _money(text: str, start: int, end: int, value, value_max=None) -> dict:
    return {"kind": "money", "text": text[start:end], "start": start, "end": end,
            "value": str(value), "value_max": None if value_max is None else str(value_max)}


def _date(text: str, start: int, end: int, first: dt.date, last: dt.date) -> dict:
    return {"kind": "date", "text": text[start:end], "start": start, "end": end,
            "date_start": first.isoformat(), "date_end": last.isoformat()}


# --------------------------------------------------------------------------- JioNLP


def _load_jionlp() -> Peer:
    # JioNLP prints a banner on import; keep the benchmark output clean.
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp as jio

    def parse_range(expr: str, base: float) -> tuple[dt.date, dt.date] | None:
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                parsed = jio.parse_time(expr, time_base=base)
        except Exception:  # noqa: BLE001 - an unparsable anchor is simply no date
            return None
        if not isinstance(parsed, dict) or parsed.get("type") not in ("time_point", "time_span"):
            return None
        first, last = (parsed.get("time") or [None, None])[:2]
        a, b = _day(first or ""), _day(last or "")
        return (a, b) if a and b else None

    def extract(text: str, ref: dt.datetime) -> dict[str, list[dict]]:
        base = ref.timestamp()
        money = []
        for m in jio.ner.extract_money(text, with_parsing=True):
            start, end = m["offset"]
            num = (m.get("detail") or {}).get("num")
            if isinstance(num, list):
                money.append(_money(text, start, end, num[0], num[1] if len(num) > 1 else None))
            elif num is not None:
                money.append(_money(text, start, end, num))
        dates = []
        for m in jio.ner.extract_time(text, time_base=base, with_parsing=True):
            if m.get("type") not in ("time_point", "time_span"):
                continue  # time_delta (三个月) and time_period (每周) are not dates
            start, end = m["offset"]
            expr = m["text"]
            first, last = ((m.get("detail") or {}).get("time") or [None, None])[:2]
            span = (_day(first or ""), _day(last or ""))
            if _RELATION_SUFFIX.search(expr) or None in span:
                anchor = parse_range(re.sub(r"\s+", "", _RELATION_SUFFIX.sub("", expr)), base)
                if anchor is None:
                    continue
                span = anchor
            dates.append(_date(text, start, end, span[0], span[1]))
        return {"money": money, "date": dates}

    return Peer("jionlp", "JioNLP", _version("jionlp"), extract)


# --------------------------------------------------------------------------- Recognizers-Text


def _last_day(day: dt.date, unit: str) -> dt.date:
    """Last day of the day/week/month/year that starts at ``day``."""
    if unit == "Y":
        return dt.date(day.year, 12, 31)
    if unit == "M":
        return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    if unit == "W":
        return day + dt.timedelta(days=6)
    return day


def _recognizers_range(expr: str, value: dict) -> tuple[dt.date, dt.date] | None:
    kind = value.get("type")
    if kind in ("date", "datetime"):
        d = _day(value.get("value", ""))
        return (d, d) if d else None
    if kind not in ("daterange", "datetimerange"):
        return None  # time, timerange, duration, set
    first, last = _day(value.get("start", "")), _day(value.get("end", ""))
    if first and not last:
        return first, first  # open "since" range: the anchor day
    if last and not first:
        return last, last
    if not first:
        return None
    if last < first:
        return first, first  # a broken end (seen: 0001-01-01 for 第四季度): keep the anchor day
    timex = value.get("timex", "")
    unit = _TIMEX_DURATION.search(timex)
    if timex.startswith("(") and unit and _RANGE_CONNECTOR.search(expr):
        return first, _last_day(last, unit.group(1))  # 2022-2027年 → 2027-12-31
    if last > first:
        last -= dt.timedelta(days=1)  # exclusive end of a calendar unit
    return first, last


def _load_recognizers() -> Peer:
    import recognizers_date_time as rdt
    import recognizers_number_with_unit as rnu
    from recognizers_text import Culture

    def extract(text: str, ref: dt.datetime) -> dict[str, list[dict]]:
        money = []
        for r in rnu.recognize_currency(text, Culture.Chinese):
            value = (r.resolution or {}).get("value")
            if value is not None:
                money.append(_money(text, r.start, r.end + 1, value))
        dates = []
        for r in rdt.recognize_datetime(text, Culture.Chinese, reference=ref):
            values = (r.resolution or {}).get("values") or []
            span = next((s for s in (_recognizers_range(r.text, v) for v in values) if s), None)
            if span:
                dates.append(_date(text, r.start, r.end + 1, span[0], span[1]))
        return {"money": money, "date": dates}

    return Peer("recognizers", "Recognizers-Text", _version("recognizers-text-suite"), extract)


# --------------------------------------------------------------------------- registry

LOADERS: dict[str, tuple[str, Callable[[], Peer]]] = {
    "jionlp": ("JioNLP", _load_jionlp),
    "recognizers": ("Recognizers-Text", _load_recognizers),
}


def load_peers(names: list[str] | None = None) -> tuple[list[Peer], dict[str, str]]:
    """Import the peers; returns (loaded peers, {label: why not loaded})."""
    loaded, missing = [], {}
    for name, (label, loader) in LOADERS.items():
        if names is not None and name not in names:
            continue
        try:
            loaded.append(loader())
        except Exception as exc:  # noqa: BLE001 - any import failure means "not installed"
            missing[label] = f"not installed ({type(exc).__name__}: {str(exc)[:80]})"
    return loaded, missing
