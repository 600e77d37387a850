"""The light result type every mention extractor returns.

Extractors take a ``str`` and return :class:`Found` spans (offsets into that
string, kind-specific values in ``values``, named as in the schema).  Only the
assembly step turns them into Pydantic mention records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Found:
    """One mention found in a string.

    >>> Found("money", 0, 6, "12.5万元", {"value": Decimal("125000")})  # doctest: +SKIP
    """

    kind: str
    start: int
    end: int
    text: str
    values: dict[str, Any] = field(default_factory=dict)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def drop_overlapping(found: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
    """Keep the spans in ``found`` that overlap none of ``taken``."""
    return [f for f in found if not any(f.start < e and s < f.end for s, e in taken)]
