"""Outline side of the gold comparison: issues, measures, closing items; gold offset checks.

Part of :mod:`zhenggai.evaluate` (re-exported there).

>>> heading_title({"marker": "1.", "heading": "1.强化政治理论武装。深入学习……"})
'强化政治理论武装'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from zhenggai.normalize import normalize

# A section start may differ from gold by this many characters (indentation, a stray space).
START_TOLERANCE = 2
# Trailing punctuation that does not belong to a heading title or issue statement.
_TRAILING = "。.;；,，:：、"


@dataclass
class OutlineResult:
    """Issues, measures or closing items: pairs are (gold, record-view) dicts."""

    part: str
    matched: list[tuple[dict, dict]] = field(default_factory=list)
    wrong: list[tuple[dict, dict, str]] = field(default_factory=list)  # same place, fields differ
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)


def norm_text(value: Any) -> str:
    """Comparable form of a string: normalised, no white space, no trailing punctuation.

    >>> norm_text("加强“智慧交通”系统集成。 ")
    '加强“智慧交通”系统集成'
    >>> norm_text("（三)") == norm_text("(三)")
    True
    """
    if value is None:
        return ""
    text = "".join(normalize(str(value)).text.split())
    return text.rstrip(_TRAILING)


def norm_marker(value: Any) -> str:
    """Markers keep their punctuation ("1." vs "1、" differ) but lose white space and width."""
    if value is None:
        return ""
    return "".join(normalize(str(value)).text.split())


def _walk(nodes: list[dict], parent: dict | None = None) -> Iterator[tuple[dict, dict | None]]:
    for node in nodes or []:
        yield node, parent
        yield from _walk(node.get("children") or [], node)


def heading_title(node: dict) -> str:
    """Title of a measure/closing heading: the heading without its marker, up to the first 。

    >>> heading_title({"marker": "1.", "heading": "1.强化政治理论武装。深入学习……"})
    '强化政治理论武装'
    """
    heading = normalize(str(node.get("heading") or "")).text.strip()
    marker = normalize(str(node.get("marker") or "")).text.strip()
    if marker and heading.startswith(marker):
        heading = heading[len(marker):]
    heading = heading.strip()
    for stop in ("。", "\n"):
        cut = heading.find(stop)
        if cut >= 0:
            heading = heading[:cut]
    return norm_text(heading)


def record_issues(record: dict) -> list[dict]:
    """Issue nodes of a record, anywhere in the tree."""
    return [n for n, _ in _walk(record.get("sections") or []) if n.get("role") == "issue"]


def record_measures(record: dict) -> list[dict]:
    """Numbered measures: children with role measure and a marker of an issue node."""
    out = []
    for issue in record_issues(record):
        out.extend(
            c for c in issue.get("children") or [] if c.get("role") == "measure" and c.get("marker")
        )
    return out


def record_closing_items(record: dict) -> list[dict]:
    """Numbered closing items.

    A node counts when its role is closing, its marker is not empty, and either its parent is a
    closing node (a heading such as 三、下一步工作打算, or a synthesised closing node with marker
    "") or it sits at the top level below level 1 with no closing children.  A level-1 heading
    that only names the closing part is therefore not an item.
    """
    out = []
    for node, parent in _walk(record.get("sections") or []):
        if node.get("role") != "closing" or not node.get("marker"):
            continue
        if parent is not None:
            if parent.get("role") == "closing":
                out.append(node)
            continue
        has_closing_children = any(c.get("role") == "closing" for c in node.get("children") or [])
        if node.get("level", 1) > 1 and not has_closing_children:
            out.append(node)
    return out


def _pair_by_start(part: str, gold: list[dict], recs: list[dict], check) -> OutlineResult:
    result = OutlineResult(part)
    used: set[int] = set()
    for g in sorted(gold, key=lambda x: x["start"]):
        best = None
        for i, r in enumerate(recs):
            if i in used or abs(int(r.get("start", -10**9)) - g["start"]) > START_TOLERANCE:
                continue
            if best is None or abs(r["start"] - g["start"]) < abs(recs[best]["start"] - g["start"]):
                best = i
        if best is None:
            result.missed.append(g)
            continue
        used.add(best)
        reason = check(g, recs[best])
        if reason:
            result.wrong.append((g, recs[best], reason))
        else:
            result.matched.append((g, recs[best]))
    result.spurious.extend(r for i, r in enumerate(recs) if i not in used)
    return result


def _check_issue(g: dict, r: dict) -> str:
    problems = []
    if norm_marker(g.get("marker")) != norm_marker(r.get("marker")):
        problems.append(f"marker {r.get('marker')!r} != {g.get('marker')!r}")
    if g.get("ordinal") != r.get("ordinal"):
        problems.append(f"ordinal {r.get('ordinal')!r} != {g.get('ordinal')!r}")
    if norm_text(g.get("issue")) != norm_text(r.get("issue")):
        problems.append(f"issue {r.get('issue')!r} != {g.get('issue')!r}")
    return "; ".join(problems)


def _check_item(g: dict, r: dict) -> str:
    problems = []
    if g.get("ordinal") != r.get("ordinal"):
        problems.append(f"ordinal {r.get('ordinal')!r} != {g.get('ordinal')!r}")
    title = heading_title(r)
    if norm_text(g.get("title")) != title:
        problems.append(f"title {title!r} != {norm_text(g.get('title'))!r}")
    return "; ".join(problems)


def compare_outline(record: dict, gold: dict) -> dict[str, OutlineResult]:
    """Issues by marker+ordinal+start±2+issue text; measures and closing items by ordinal+start±2+title.

    Only the parts the gold file lists.
    """
    gold_sections = gold.get("sections") or []
    gold_measures = [m for s in gold_sections for m in s.get("measures") or []]
    out = {}
    # A part the gold file leaves out (no "sections", no "measures" under any section, no
    # "closing_items") is not scored.
    if "sections" in gold:
        out["issues"] = _pair_by_start("issues", gold_sections, record_issues(record), _check_issue)
        if not gold_sections or any("measures" in s for s in gold_sections):
            out["measures"] = _pair_by_start("measures", gold_measures, record_measures(record), _check_item)
    if "closing_items" in gold:
        out["closing"] = _pair_by_start(
            "closing", gold.get("closing_items") or [], record_closing_items(record), _check_item
        )
    return out


def check_gold(gold: dict, text: str) -> list[str]:
    """Problems of a gold file against its text (offsets that no longer fit); empty when sound.

    Mentions need ``text[start:end] == text``; sections need their marker at ``start`` and their
    issue (normalised) on the heading line; measures and closing items need marker and title at
    ``start``.
    """
    problems = []
    for kind, items in (gold.get("mentions") or {}).items():
        for m in items:
            s, e = m.get("start"), m.get("end")
            if s is None or e is None or text[s:e] != m.get("text"):
                got = text[s:e] if isinstance(s, int) and isinstance(e, int) else None
                problems.append(f"{kind} {m.get('text')!r} at {s}:{e} reads {got!r}")
    for sec in gold.get("sections") or []:
        problems.extend(_check_heading(text, sec, "issue"))
        for item in sec.get("measures") or []:
            problems.extend(_check_heading(text, item, "title"))
    for item in gold.get("closing_items") or []:
        problems.extend(_check_heading(text, item, "title"))
    return problems


def _check_heading(text: str, node: dict, field_name: str) -> list[str]:
    start = node.get("start")
    marker = node.get("marker") or ""
    if not isinstance(start, int) or text[start : start + len(marker)] != marker:
        return [f"heading {marker!r} not at {start}"]
    line_end = text.find("\n", start)
    line = text[start : line_end if line_end >= 0 else len(text)]
    wanted = norm_text(node.get(field_name))
    body = "".join(normalize(line[len(marker):]).text.split())
    ok = wanted in body if field_name == "issue" else body.startswith(wanted)
    return [] if ok else [f"heading {marker!r} at {start}: {field_name} {node.get(field_name)!r} not on its line"]
