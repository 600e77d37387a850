"""Plain-text rendering of gold comparisons (see :mod:`zhenggai.evaluate`).

>>> from zhenggai.evaluate import compare, score
>>> c = compare({"mentions": []}, {"file": "a.txt", "mentions": {"percent": [
...     {"text": "99%", "start": 5, "end": 8, "value": 99}]}})
>>> print(render([c], score([c])).splitlines()[1])
  percent MISSED   5:8 '99%' value=99
"""

from __future__ import annotations

from typing import Any

_VALUE_KEYS = {
    "money": ("value", "value_max"),
    "percent": ("value",),
    "points": ("value",),
    "multiple": ("value",),
    "date": ("date_start", "date_end"),
    "count": ("value", "unit"),
}


def _values(kind: str, m: dict) -> str:
    parts = [f"{k}={m.get(k)}" for k in _VALUE_KEYS.get(kind, ("value",)) if m.get(k) is not None]
    return " ".join(parts)


def _span(m: dict) -> str:
    return f"{m.get('start')}:{m.get('end')} {m.get('text')!r}"


def _node(n: dict) -> str:
    text = n.get("issue") or n.get("title") or n.get("heading") or ""
    text = str(text)
    if len(text) > 40:
        text = text[:40] + "…"
    return f"{n.get('start')} {n.get('marker')!r} #{n.get('ordinal')} {text!r}"


def render(comparisons: list[Any], scores: dict[str, dict]) -> str:
    """One block per notice with every problem, then a score table."""
    lines: list[str] = []
    for c in comparisons:
        lines.append(f"== {c.file}")
        for kind, r in c.mentions.items():
            for g in r.missed:
                lines.append(f"  {kind} MISSED   {_span(g)} {_values(kind, g)}")
            for g, rec in r.wrong:
                lines.append(
                    f"  {kind} WRONG    {_span(g)} {_values(kind, g)}  got {_span(rec)} {_values(kind, rec)}"
                )
            for rec in r.spurious:
                lines.append(f"  {kind} SPURIOUS {_span(rec)} {_values(kind, rec)}")
            for rec in r.extra:
                lines.append(f"  {kind} EXTRA    {_span(rec)} {_values(kind, rec)}")
        for f in c.facts:
            if not f.equal:
                lines.append(f"  fact {f.key}: gold {f.gold!r} got {f.got!r}")
        for part, o in c.outline.items():
            for g in o.missed:
                lines.append(f"  {part} MISSED   {_node(g)}")
            for g, rec, reason in o.wrong:
                lines.append(f"  {part} WRONG    {_node(g)}: {reason}")
            for rec in o.spurious:
                lines.append(f"  {part} SPURIOUS {_node(rec)}")
    lines.append("")
    lines.append(f"{'':20} {'P':>7} {'R':>7} {'F1':>7} {'tp':>5} {'fp':>5} {'fn':>5}")
    for name, s in scores.items():
        lines.append(
            f"{name:20} {s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f} "
            f"{s['tp']:5d} {s['fp']:5d} {s['fn']:5d}"
        )
    return "\n".join(lines)
