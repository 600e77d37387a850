"""Where one notice's time goes: each stage of ``extract_text`` timed alone, per notice.

    python bench/stages.py          # prints the table (also part of bench/run.py)

The stages are the public steps ``zhenggai.assemble`` chains, each given the
output of the one before, so the column sums to about the whole call.  The last
row is the floor that no rule work can lower: validating the finished record
with Pydantic (``Notice.model_validate`` of its own ``model_dump``), which the
design card fixes (every record is a validated Pydantic object).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Item, load_items  # noqa: E402


def _per_notice(fn: Callable[[int], object], n: int, min_seconds: float) -> float:
    """Fastest whole pass over ``n`` inputs (of repeated passes filling ``min_seconds``), in s per notice."""
    import time

    best, total = float("inf"), 0.0
    while total < min_seconds or best == float("inf"):
        t = time.perf_counter()
        for i in range(n):
            fn(i)
        dt = time.perf_counter() - t
        best, total = min(best, dt), total + dt
    return best / n


def bench_stages(items: list[Item], min_seconds: float = 1.0) -> list[dict]:
    """Seconds per notice of each stage, fastest pass of several.

    >>> rows = bench_stages(load_items(2), 0.01)                     # doctest: +SKIP
    >>> [r["stage"] for r in rows][:2]                               # doctest: +SKIP
    ['normalize(text)', 'find_source_meta']
    """
    import zhenggai
    from zhenggai.facts import check_flags, extract_facts, find_source_meta
    from zhenggai.mentions import find_mentions
    from zhenggai.normalize import normalize
    from zhenggai.outline import parse_outline
    from zhenggai.schemas.notice import Notice

    texts = [it.text for it in items]
    n = len(texts)
    norm = [normalize(t).text for t in texts]
    meta = [find_source_meta(t) for t in norm]
    pub = [m.published_at.date() if hasattr(m.published_at, "date") else m.published_at for m in meta]
    pub = [p if p is not None else m.signed_at for p, m in zip(pub, meta)]
    found = [find_mentions(t, published=p) for t, p in zip(norm, pub)]
    outline = [parse_outline(t) for t in norm]
    facts = [extract_facts(t, f, o, published=p, meta=m) for t, f, o, p, m in zip(norm, found, outline, pub, meta)]
    dumps = [zhenggai.extract_text(t).model_dump() for t in texts]

    stages = [
        ("normalize(text)", lambda i: normalize(texts[i])),
        ("find_source_meta", lambda i: find_source_meta(norm[i])),
        ("find_mentions", lambda i: find_mentions(norm[i], published=pub[i])),
        ("parse_outline", lambda i: parse_outline(norm[i])),
        ("extract_facts", lambda i: extract_facts(norm[i], found[i], outline[i], published=pub[i], meta=meta[i])),
        ("check_flags", lambda i: check_flags(norm[i], found[i], outline[i], facts[i], published=pub[i])),
        ("whole extract_text(text)", lambda i: zhenggai.extract_text(texts[i])),
        ("floor: Notice.model_validate(record) alone", lambda i: Notice.model_validate(dumps[i])),
    ]
    return [{"stage": name, "seconds": _per_notice(fn, n, min_seconds)} for name, fn in stages]


def stages_markdown(rows: list[dict], jionlp_per_s: float | None = None) -> list[str]:
    """The stage table; with JioNLP's rate, the time per notice that 50× JioNLP would allow."""
    whole = next(r["seconds"] for r in rows if r["stage"].startswith("whole"))
    out = ["| stage | ms/notice | share of the whole call |", "| --- | ---: | ---: |"]
    for r in rows:
        out.append(f"| {r['stage']} | {r['seconds'] * 1e3:.3f} | {r['seconds'] / whole:.0%} |")
    if jionlp_per_s:
        budget = 1 / (50 * jionlp_per_s)
        out += ["", f"50× JioNLP's {jionlp_per_s:.1f} notices/s leaves **{budget * 1e3:.3f} ms** per notice for the "
                f"whole call: {budget / whole:.0%} of today's, and "
                f"{budget / rows[-1]['seconds']:.1f}× the Pydantic validation of the finished record alone."]
    return out


if __name__ == "__main__":
    rows = bench_stages(load_items())
    print("\n".join(stages_markdown(rows, float(sys.argv[1]) if len(sys.argv) > 1 else None)))
