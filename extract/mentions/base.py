"""The light result type every mention extractor returns.

Extractors take a ``str`` and return :class:`Found` spans (offsets into that
string, kind-specific values in ``values``, named as in the schema).  Only the
assembly step turns them into Pydantic mention records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


_NO_VALUES: Any = object()  # Found(...) without values: a new empty dict
_new_object = object.__new__


class _Making:
    """A Found while it is made: the same slots, in the same order, writable.

    Found is frozen (its ``__setattr__`` refuses), so its own stores would go through
    ``object.__setattr__`` or the slot descriptors' ``__set__`` (a call each, most of a
    Found's cost); stores to this class are the interpreter's plain slot stores.  The
    object then becomes a Found (``__class__``: the two layouts are the same).
    """

    __slots__ = ("kind", "start", "end", "text", "values")


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

    def __new__(
        cls, kind: str, start: int, end: int, text: str, values: dict[str, Any] = _NO_VALUES
    ) -> Found:
        # Built as a _Making (plain slot stores), then made a Found: no __init__ runs
        # (object's, which takes the arguments __new__ took).  Extractors make a Found
        # for every candidate mention.
        self = _new_object(_Making)
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.values = {} if values is _NO_VALUES else values
        self.__class__ = cls
        return self

    def __getnewargs__(self) -> tuple:
        # pickle and copy call __new__ with these (then restore the same fields)
        return self.kind, self.start, self.end, self.text, self.values

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def drop_overlapping(found: list[Found], taken: list[tuple[int, int]]) -> list[Found]:
    """Keep the spans in ``found`` that overlap none of ``taken``."""
    return [f for f in found if not any(f.start < e and s < f.end for s, e in taken)]
