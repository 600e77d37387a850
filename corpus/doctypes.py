"""Keeping only some document types in a batch run (``zhenggai batch --types``).

An input whose record has another ``doc_type`` is not written to the tables: it becomes a
counted skip, named with its type in the run's summary and in ``manifest.json`` (``skipped``),
so that every input still ends as a notice, an errors row or a counted skip.

>>> from types import SimpleNamespace as O
>>> weather = O(status="ok", rows={"notices": [{"doc_type": "other"}]})
>>> skipped_type(weather, ("rectification",)), skipped_type(weather, None)
('other', None)
"""

from __future__ import annotations

from collections import Counter
from typing import Any


def skipped_type(outcome: Any, types: tuple[str, ...] | None) -> str | None:
    """The doc_type of an extracted input that ``types`` does not keep (None: keep it).

    Failed and reused inputs are kept as they are (an errors row, or the earlier run's rows).
    """
    if types is None or outcome.status != "ok":
        return None
    notices = outcome.rows.get("notices") or []
    kind = notices[0].get("doc_type") if notices else None
    return None if kind in types else (kind or "unknown")


def skipped_manifest(skipped: dict[str, str], types: tuple[str, ...] | None) -> dict[str, Any]:
    """The ``skipped`` entry of manifest.json: the types kept, and each skipped input's type.

    >>> skipped_manifest({"a.html": "news", "b.txt": "other"}, ("rectification",))["by_doc_type"]
    {'news': 1, 'other': 1}
    """
    return {
        "types_kept": list(types) if types is not None else None,
        "count": len(skipped),
        "by_doc_type": dict(sorted(Counter(skipped.values()).items())),
        "inputs": dict(sorted(skipped.items())),
    }
