"""The light result type every mention extractor returns.

Extractors take a ``str`` and return :class:`Found` spans (offsets into that
string, kind-specific values in ``values``, named as in the schema).  Only the
assembly step turns them into Pydantic mention records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


_NO_VALUES: Any = object()  # Found(...) without values: a new empty dict


@dataclass(frozen=True, slots=True, init=False)
class Found:
    """One mention found in a string.

    >>> Found("money", 0, 6, "12.5万元", {"value": Decimal("125000")})  # doctest: +SKIP
    """

    kind: str
    start: int
    end: int
    text: str
    values: dict[str, Any] = field(default_factory=dict)

    def __init__(
        self, kind: str, start: int, end: int, text: str, values: dict[str, Any] = _NO_VALUES
    ) -> None:
        # The frozen dataclass __init__ goes through object.__setattr__ per field;
        # the slot descriptors do the same job at a third of the cost (extractors
        # make a Found for every candidate mention).
        _SET_KIND(self, kind)
        _SET_START(self, start)
        _SET_END(self, end)
        _SET_TEXT(self, text)
        _SET_VALUES(self, {} if values is _NO_VALUES else values)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


_SET_KIND, _SET_START, _SET_END, _SET_TEXT, _SET_VALUES = (
    Found.__dict__[name].__set__ for name in ("kind", "start", "end", "text", "values")
)


def drop_overlapping(found: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
    """Keep the spans in ``found`` that overlap none of ``taken``."""
    return [f for f in found if not any(f.start < e and s < f.end for s, e in taken)]
