"""zhenggai: Chinese inspection-rectification notices → validated records.

>>> import zhenggai
>>> notice = zhenggai.extract_text("2023年6月,追回资金12.5万元。")   # doctest: +SKIP
>>> notice.mentions[1].value                                          # doctest: +SKIP
Decimal('125000')

Heavy parts (spaCy, pandas, the corpus tools) are imported only when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from zhenggai.api import extract_notice, extract_text

__all__ = ["__version__", "extract_notice", "extract_text"]


def __getattr__(name: str) -> Any:
    # Lazy: `import zhenggai` stays cheap; the API loads on first use.
    if name in ("extract_notice", "extract_text"):
        from zhenggai import api

        return getattr(api, name)
    raise AttributeError(f"module 'zhenggai' has no attribute {name!r}")
