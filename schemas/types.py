"""Shared field types for the records."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import ConfigDict, Field, PlainSerializer, WithJsonSchema


def _decimal_to_number(value: Decimal) -> int | float:
    # Exact in the record (Decimal), a plain JSON number on the way out:
    # integral values print without a fraction (111.95万元 → 1119500).
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# A non-negative exact number, written to JSON as a number (not a string).
Amount = Annotated[
    Decimal,
    Field(ge=0),
    PlainSerializer(_decimal_to_number, when_used="json"),
    WithJsonSchema({"type": "number", "minimum": 0}),
]

# An exact number that may be negative (a fall: -3.8%, -3.8亿元), written to JSON as a number.
SignedAmount = Annotated[
    Decimal,
    PlainSerializer(_decimal_to_number, when_used="json"),
    WithJsonSchema({"type": "number"}),
]

FROZEN = ConfigDict(frozen=True, extra="forbid")
