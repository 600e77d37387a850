"""Many notices: batch runs, the dataset, query and comparison; bundled samples.

>>> import zhenggai.corpus
>>> tables = zhenggai.corpus.load("DATASET")          # doctest: +SKIP
>>> tables["notices"][["organisation", "totals_issues"]].head()   # doctest: +SKIP

Nothing heavy loads on import: pandas, DuckDB and Dask load when used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from zhenggai.corpus.batch import run_batch
    from zhenggai.corpus.compare import compare
    from zhenggai.corpus.dataset import load
    from zhenggai.corpus.query import run_query

__all__ = ["compare", "load", "run_batch", "run_query"]

_LAZY = {
    "load": "zhenggai.corpus.dataset",
    "run_batch": "zhenggai.corpus.batch",
    "compare": "zhenggai.corpus.compare",
    "run_query": "zhenggai.corpus.query",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'zhenggai.corpus' has no attribute {name!r}")
