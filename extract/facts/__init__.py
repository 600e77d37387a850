"""Notice-level facts: page metadata, the inspection, stated totals, contact, flags.

>>> from zhenggai.facts import find_source_meta
>>> find_source_meta("关于巡察整改情况的通报\\n来源:某区纪委  发布时间:2024-01-05").site
'某区纪委'
"""

from zhenggai.facts.contact import find_contact
from zhenggai.facts.doctype import DocType, classify_doctype
from zhenggai.facts.flags import check_flags, marker_style
from zhenggai.facts.inspection import find_inspection
from zhenggai.facts.notice import NoticeFacts, extract_facts, issuer_from_title
from zhenggai.facts.regions import Regions
from zhenggai.facts.signature import issuer_from_signature
from zhenggai.facts.source import SourceMeta, find_source_meta
from zhenggai.facts.totals import classify, find_totals, money_category

__all__ = [
    "DocType",
    "NoticeFacts",
    "Regions",
    "SourceMeta",
    "check_flags",
    "classify",
    "classify_doctype",
    "extract_facts",
    "find_contact",
    "find_inspection",
    "find_source_meta",
    "find_totals",
    "issuer_from_signature",
    "issuer_from_title",
    "marker_style",
    "money_category",
]
