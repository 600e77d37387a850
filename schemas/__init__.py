"""Pydantic records for zhenggai's output contract (schema_version "1").

>>> from zhenggai.schemas import Notice
>>> Notice(id="x", text="正文").schema_version
'1'
"""

from zhenggai.schemas.mentions import (
    MENTION_MODELS,
    CountMention,
    DateMention,
    DocnumberMention,
    DocumentMention,
    Mention,
    MentionBase,
    MoneyMention,
    MultipleMention,
    PercentMention,
    PointsMention,
    UnparsedDateMention,
)
from zhenggai.schemas.notice import (
    SCHEMA_VERSION,
    Category,
    Contact,
    Flag,
    Inspection,
    MoneyTotal,
    Notice,
    Section,
    Source,
    Totals,
)

__all__ = [
    "MENTION_MODELS", "SCHEMA_VERSION", "Category", "Contact", "CountMention", "DateMention", "DocnumberMention",
    "DocumentMention", "Flag", "Inspection", "Mention", "MentionBase", "MoneyMention", "MoneyTotal",
    "MultipleMention", "Notice", "PercentMention", "PointsMention", "Section", "Source", "Totals", "UnparsedDateMention",
]
