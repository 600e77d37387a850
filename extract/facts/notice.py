"""Notice-level facts in one call: title, issuer, inspection, totals, contact.

>>> from zhenggai.mentions.base import Found
>>> t = "中共某县林业局党组关于县委巡察整改情况的通报\\n根据县委部署,县委第三巡察组对县林业局党组开展了常规巡察。"
>>> facts = extract_facts(t, [], [])
>>> facts.issuer, facts.inspection["team"], facts.inspection["mode"]
('中共某县林业局党组', '县委第三巡察组', '常规巡察')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from zhenggai import limits
from zhenggai.facts.contact import find_contact
from zhenggai.facts.inspection import find_inspection
from zhenggai.facts.regions import Regions
from zhenggai.facts.signature import issuer_from_signature
from zhenggai.facts.source import SourceMeta, find_source_meta
from zhenggai.facts.short_lines import join_short_lines
from zhenggai.facts.totals import find_totals
from zhenggai.mentions.base import Found

_ISSUER = limits.compile(
    r"""
    ^(?P<issuer>[^\n]{2,60}?)关于     # the issuing body written before 关于
    """,
    regex.VERBOSE,
)


@dataclass
class NoticeFacts:
    """What a notice states about itself (dict keys follow schemas/notice.py)."""

    title: str | None = None
    issuer: str | None = None
    inspection: dict[str, Any] = field(default_factory=dict)
    totals: dict[str, Any] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    meta: SourceMeta | None = None
    # The clause/sentence/region lookup built for these facts, reused by check_flags.
    regions: Regions | None = field(default=None, repr=False, compare=False)


def issuer_from_title(title: str | None) -> str | None:
    """The issuer before 关于 in a title; None when the title starts with 关于.

    >>> issuer_from_title("中共某市卫生健康委员会党组关于巡视整改进展情况的通报")
    '中共某市卫生健康委员会党组'
    >>> issuer_from_title("关于市委巡察整改情况的通报") is None
    True
    """
    if not title:
        return None
    m = _ISSUER.match(title.strip())
    return m["issuer"].strip() if m else None


def extract_facts(
    text: str,
    found: Sequence[Found],
    outline: Sequence[Any],
    published: dt.date | None = None,
    meta: SourceMeta | None = None,
) -> NoticeFacts:
    """Title, issuer, inspection, totals and contact of one normalised notice text.

    ``found`` are all mentions of ``text``; ``outline`` the heading tree roots
    (OutlineNode-like objects: start, end, heading_start, role, marker, ordinal, children).
    """
    meta = meta or find_source_meta(text)
    # Inspection and totals read sentences: a notice board's short lines are joined first
    # (same length, so offsets hold); the title, signature and contact keep their lines.
    joined = join_short_lines(text)
    regions = Regions(joined, outline)
    return NoticeFacts(
        title=meta.title,
        # The title's issuer first; a title without one (关于…的通报) leaves the signature block.
        issuer=issuer_from_title(meta.title) or issuer_from_signature(text),
        inspection=find_inspection(joined, found, outline, title=meta.title, regions=regions),
        totals=find_totals(joined, found, outline, regions=regions),
        contact=find_contact(text),
        meta=meta,
        regions=regions,
    )
