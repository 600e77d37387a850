"""Consistency checks on one notice: problems become flags, never exceptions.

Codes (each flag is ``(code, message)``, the message in English naming the figures):

- ``totals_mismatch``: completed + in_progress ≠ issues, when all three are stated
  ("反馈的27个问题,已整改到位23个,正在整改3个" → 23 + 3 ≠ 27).
- ``aspects_mismatch``: stated aspects ≠ the number of root-level issue sections (both > 0).
- ``date_after_publication``: a date mention starting after the publication day, unless it
  is a plan or deadline (in the closing, relation before/until, or 计划/力争/…前 before it).
- ``heading_ordinal_duplicate`` / ``heading_ordinal_skipped``: sibling headings of one marker
  style whose ordinals repeat (二、二、) or jump (一、三、).
- ``unparsed_date``: one per date that could not be read: lost characters with two readings
  ("2021111日"), an impossible day, a relative date with no reference date.
- ``repaired_date``: one per date read from digits whose 年/月 were lost, with one valid
  reading ("2021915日" → 2021-09-15).
- ``no_outline``: no headings were found.
- ``truncated``: the text stops mid-notice (a page-2 link, it ends on a heading or
  mid-sentence, the outline stops short of the stated aspects with no closing);
  see :mod:`zhenggai.facts.truncation`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from zhenggai import limits
from zhenggai.facts.regions import Regions
from zhenggai.facts.truncation import HEADING_UNKNOWN, reason_given_heading
from zhenggai.mentions.base import Found
from zhenggai.models import load_words

if TYPE_CHECKING:  # pragma: no cover
    from zhenggai.facts.notice import NoticeFacts

_CN_ORD = limits.compile(
    r"""
    [一二三四五六七八九十百〇零两]     # Chinese ordinal digits: 十一、 is Chinese-numbered
    """,
    regex.VERBOSE,
)
_AR_ORD = limits.compile(
    r"""
    [0-9]                              # Arabic digits: (12) is Arabic-numbered
    """,
    regex.VERBOSE,
)
_CIRCLED = limits.compile(
    r"""
    [\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]   # circled numbers ① … ⑳ ㉑ … ㊿
    """,
    regex.VERBOSE,
)
_PAREN_NUM = limits.compile(
    r"""
    [\u2474-\u2487]                   # parenthesised numbers ⑴ … ⒇
    """,
    regex.VERBOSE,
)
_OPEN = limits.compile(
    r"""
    [(（〔【\[]                        # an opening bracket before the number: (一) / （1）
    """,
    regex.VERBOSE,
)


@lru_cache(maxsize=None)
def _future_re() -> limits.Pattern:
    words = sorted(load_words("flags_future_words.txt"), key=len, reverse=True)
    return limits.compile(
        rf"""
        (?:{"|".join(map(regex.escape, words))})   # 计划 / 力争 / 底前 … from the data file
        """,
        regex.VERBOSE,
    )


def marker_style(marker: str) -> str:
    """The numbering style of a marker: bracketed or not, and the script of its number.

    Trailing punctuation is ignored because scraped notices mix it within one
    list ("一." "二," "四、" are one sequence).

    >>> marker_style("(十二)"), marker_style("3."), marker_style("4 ."), marker_style("②")
    ('(C)', 'A', 'A', 'O')
    """
    return _marker_style(marker)


@lru_cache(maxsize=1024)
def _marker_style(marker: str) -> str:
    # A pure function of a short marker, asked for every heading: computed once per marker.
    if _CIRCLED.search(marker):
        return "O"
    if _PAREN_NUM.search(marker):
        return "(A)"
    script = "C" if _CN_ORD.search(marker) else "A" if _AR_ORD.search(marker) else marker.strip()
    return f"({script})" if _OPEN.search(marker) else script


def _ordinal_flags(
    siblings: Sequence[Any], out: list[tuple[str, str]], carry: dict[str, int] | None = None
) -> dict[str, int]:
    """Flag repeated/jumping ordinals among siblings; returns the last ordinal per style.

    ``carry`` holds the last ordinals of the previous parent's children, so that
    numbering continued across sections (一、 1. 2. 3. 二、 4. 5.) is not a jump.
    Any objects: a missing ``marker``, ``ordinal`` or ``children`` reads as none
    (:func:`_read_nodes`, then :func:`_ordinal_walk`).
    """
    return _ordinal_walk(_read_nodes(siblings), out, carry, [])


def _read_nodes(nodes: Sequence[Any]) -> list[SimpleNamespace]:
    """``nodes`` as namespaces of the fields :func:`_ordinal_walk` reads, each read by ``getattr``
    with a default ("" for ``marker``, 0 for ``ordinal``, none for ``children``; ``start`` 0: the
    caller drops the heading starts of such a walk)."""
    return [
        SimpleNamespace(marker=getattr(node, "marker", ""), ordinal=getattr(node, "ordinal", 0), start=0,
                        children=_read_nodes(children) if (children := getattr(node, "children", None)) else None)
        for node in nodes
    ]


def _ordinal_walk(siblings: Sequence[Any], out: list[tuple[str, str]], carry: dict[str, int] | None,
                  heads: list[int]) -> dict[str, int]:
    """:func:`_ordinal_flags` on nodes that have ``marker``, ``ordinal``, ``children`` and ``start``
    (OutlineNode: read directly, an AttributeError otherwise; see :func:`_ordinal_flags` for other
    objects), appending to ``heads`` the start of every node with a marker (for
    :func:`zhenggai.facts.truncation.last_heading_start`)."""
    last: dict[str, int] = {}
    child_carry: dict[str, int] = {}
    for node in siblings:
        marker = node.marker or ""
        if marker:
            heads.append(node.start)
            ordinal = node.ordinal or 0
            if ordinal > 0:
                style = _marker_style(marker)
                prev = last.get(style)
                if prev is None:
                    continued = carry is not None and carry.get(style) == ordinal - 1
                    if ordinal > 1 and not continued:
                        out.append(("heading_ordinal_skipped",
                                    f"heading {marker!r} is the first of its style at its level but has ordinal {ordinal}"))
                elif ordinal == prev:
                    out.append(("heading_ordinal_duplicate",
                                f"heading {marker!r} repeats ordinal {ordinal} among its siblings"))
                elif ordinal < prev and ordinal != 1:
                    out.append(("heading_ordinal_duplicate",
                                f"heading {marker!r} (ordinal {ordinal}) comes after ordinal {prev} among its siblings"))
                elif ordinal > prev + 1:
                    out.append(("heading_ordinal_skipped",
                                f"heading {marker!r} (ordinal {ordinal}) follows ordinal {prev}: "
                                f"{ordinal - prev - 1} missing"))
                last[style] = ordinal
        children = node.children
        if children:  # (a leaf's children give no flag and no ordinal to carry)
            child_carry.update(_ordinal_walk(children, out, child_carry, heads))
    return last


def _outline_flags(outline: Sequence[Any], out: list[tuple[str, str]]) -> Any:
    """``_ordinal_flags(outline, out)`` and the start of the last numbered heading (None without one),
    from one visit of the tree (:func:`_ordinal_walk`); for nodes lacking an attribute it reads,
    ``_ordinal_flags`` (the attributes read by ``getattr``) and ``HEADING_UNKNOWN`` (truncation
    looks the heading up itself, as before)."""
    flags: list[tuple[str, str]] = []
    heads: list[int] = []
    try:
        _ordinal_walk(outline, flags, None, heads)
    except AttributeError:
        _ordinal_flags(outline, out)
        return HEADING_UNKNOWN
    out.extend(flags)
    return max(heads) if heads else None


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _late_dates(
    text: str, found: Sequence[Found], regions_of: Callable[[], Regions], published: dt.date,
    out: list[tuple[str, str]],
) -> None:
    """Flag the dates after ``published`` that are no plan nor deadline; ``regions_of()`` gives the
    text's Regions, asked for only when such a date is found."""
    # The dates starting after the publication day, then sorted by start: the same order as the
    # dates sorted first and read in turn (a stable sort of the few that pass, not of them all).
    late = []
    for f in found:
        if f.kind != "date":
            continue
        values = f.values
        start = values.get("date_start")
        if type(start) is not dt.date:  # (a date mention holds a date: read as it is)
            start = _as_date(start)
        if start is None or start <= published:
            continue
        if values.get("relation") in ("before", "until"):
            continue  # 2023年底前 / 至2024年: a deadline
        late.append((f, start))
    if not late:
        return
    late.sort(key=lambda pair: pair[0].start)
    future = _future_re()
    regions = regions_of()
    for f, start in late:
        cs, _ce = regions.clause(f.start)
        ss, _se = regions.sentence(f.start)
        if future.search(text, ss, f.start) or future.search(text, f.end, min(f.end + 3, len(text))):
            continue  # 计划于… / 力争…前: a plan
        inferred = bool(f.values.get("year_inferred"))
        if not inferred and regions.in_closing(f.start):
            continue  # the closing speaks of the future
        what = "inferred date" if inferred else "date"
        out.append(("date_after_publication",
                    f"{what} {f.text!r} at {f.start} starts {start.isoformat()}, "
                    f"after the publication day {published.isoformat()}"))


def _regions(text: str, outline: Sequence[Any], facts: Any) -> Regions:
    """The facts' own Regions when they were built for this very text and outline, else a new one."""
    regions = getattr(facts, "regions", None)
    roots = list(outline or [])
    if (
        isinstance(regions, Regions)
        and regions.text is text
        and len(regions.roots) == len(roots)
        and all(a is b for a, b in zip(regions.roots, roots))
    ):
        return regions
    return Regions(text, outline)


def check_flags(
    text: str,
    found: Sequence[Found],
    outline: Sequence[Any],
    facts: NoticeFacts,
    published: dt.date | dt.datetime | None = None,
) -> list[tuple[str, str]]:
    """Consistency flags of one notice, as (code, message) pairs.

    >>> from types import SimpleNamespace
    >>> facts = SimpleNamespace(totals={"issues": 10, "completed": 8, "in_progress": 1}, meta=None)
    >>> check_flags("正文", [], [], facts)[0][0]
    'totals_mismatch'
    """
    out: list[tuple[str, str]] = []
    totals = getattr(facts, "totals", None) or {}
    issues, completed, in_progress = (totals.get(k) for k in ("issues", "completed", "in_progress"))
    if None not in (issues, completed, in_progress) and completed + in_progress != issues:
        out.append(("totals_mismatch",
                    f"completed {completed} + in progress {in_progress} = {completed + in_progress}, "
                    f"but {issues} issues are stated"))

    issue_roots = sum(1 for n in outline or [] if getattr(n, "role", None) == "issue")
    aspects = totals.get("aspects")
    if aspects and issue_roots and aspects != issue_roots:
        out.append(("aspects_mismatch",
                    f"{aspects} aspects are stated, but the outline has {issue_roots} issue sections"))

    if published is None:
        meta = getattr(facts, "meta", None)
        published = getattr(meta, "published_at", None) if meta is not None else None
    day = _as_date(published)
    if day is not None:
        _late_dates(text, found, lambda: _regions(text, outline, facts), day, out)

    last_heading = _outline_flags(outline or [], out)

    for f in found:
        if f.kind == "unparsed_date":
            reason = f.values.get("reason") or "characters missing"
            out.append(("unparsed_date", f"date {f.text!r} at {f.start} could not be read ({reason})"))
        elif f.kind == "date" and f.values.get("repaired"):
            out.append(("repaired_date", f"date {f.text!r} at {f.start} read as {f.values['date_start']}"
                        f"..{f.values['date_end']}, the only valid reading ({f.values['repaired']})"))

    if not outline:
        out.append(("no_outline", "no numbered headings were found"))
    reason = reason_given_heading(text, outline or [], aspects, last_heading)  # = truncation_reason(…)
    if reason:
        out.append(("truncated", f"the text stops mid-notice: {reason}"))
    return out
