"""The outline node and walks over a tree of them (iterative: no recursion).

>>> leaf = OutlineNode(3, "1.", 1, "强化理论武装", 2, 8, 0, 20)
>>> root = OutlineNode(1, "一、", 1, "总体情况", 0, 4, 0, 30, children=[leaf])
>>> [n.heading for n in iter_nodes([root])]
['总体情况', '强化理论武装']
>>> section_path([root], 10)
[1, 1]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(slots=True, eq=False)
class OutlineNode:
    """One section of a notice: its heading, the span it governs, its role and children.

    ``level`` is the GB/T 9704 level of the marker (一、=1, (一)=2, 1.=3, (1)=4, ①=5;
    第一部分 = 1 and, when a notice also uses 一、, the others shift down by one).
    Synthesized nodes (a closing paragraph, an unnumbered measure) have marker ""
    and ordinal 0.
    """

    level: int
    marker: str
    ordinal: int
    heading: str
    heading_start: int
    heading_end: int
    start: int
    end: int
    role: str = "other"  # issue | measure | closing | other
    issue: str | None = None
    issue_start: int | None = None
    issue_end: int | None = None
    items: list[str] = field(default_factory=list)
    children: list[OutlineNode] = field(default_factory=list)
    # Marker kind (see zhenggai.outline.markers.KINDS), "closing"/"paragraph" for synthesized nodes.
    kind: str = field(default="", repr=False)
    # Where this node's own body text begins (after the heading, or the run-in rest of its line).
    body_start: int = field(default=0, repr=False)

    def to_dict(self) -> dict:
        """The node as plain data (the `sections` entries of a Notice), children included.

        Built iteratively, so any depth is safe.
        """
        out = _as_dict(self)
        stack = [(self, out)]
        while stack:
            node, data = stack.pop()
            for child in node.children:
                child_data = _as_dict(child)
                data["children"].append(child_data)
                stack.append((child, child_data))
        return out


_new_object = object.__new__


def new_node(level: int, marker: str, ordinal: int, heading: str, heading_start: int, heading_end: int,
             start: int, end: int, role: str, kind: str, body_start: int) -> OutlineNode:
    """``OutlineNode(level, …, end, role, kind=kind, body_start=body_start)``: no issue, no items, no
    children, every field set directly (the tree makes one per heading; about a third cheaper than
    the dataclass's ``__init__``, called through the type).

    >>> _as_dict(new_node(3, "1.", 1, "强化理论武装", 2, 8, 0, 20, "other", "arabic", 9)) == _as_dict(
    ...     OutlineNode(3, "1.", 1, "强化理论武装", 2, 8, 0, 20, "other", kind="arabic", body_start=9))
    True
    """
    node = _new_object(OutlineNode)
    node.level = level
    node.marker = marker
    node.ordinal = ordinal
    node.heading = heading
    node.heading_start = heading_start
    node.heading_end = heading_end
    node.start = start
    node.end = end
    node.role = role
    node.issue = None
    node.issue_start = None
    node.issue_end = None
    node.items = []
    node.children = []
    node.kind = kind
    node.body_start = body_start
    return node


def _as_dict(node: OutlineNode) -> dict:
    return {
        "level": node.level,
        "marker": node.marker,
        "ordinal": node.ordinal,
        "heading": node.heading,
        "heading_start": node.heading_start,
        "heading_end": node.heading_end,
        "start": node.start,
        "end": node.end,
        "role": node.role,
        "issue": node.issue,
        "issue_start": node.issue_start,
        "issue_end": node.issue_end,
        "items": list(node.items),
        "children": [],
    }


def iter_nodes(roots: list[OutlineNode]) -> Iterator[OutlineNode]:
    """All nodes in pre-order (document order)."""
    stack = roots[::-1]
    while stack:
        node = stack.pop()
        yield node
        if node.children:
            stack.extend(node.children[::-1])


def iter_with_parent(roots: list[OutlineNode]) -> Iterator[tuple[OutlineNode, OutlineNode | None]]:
    """(node, parent) pairs in pre-order."""
    stack: list[tuple[OutlineNode, OutlineNode | None]] = [(n, None) for n in roots[::-1]]
    while stack:
        node, parent = stack.pop()
        yield node, parent
        if node.children:
            stack.extend([(child, node) for child in node.children[::-1]])


def section_path(roots: list[OutlineNode], offset: int) -> list[int]:
    """Ordinals of the nested sections containing ``offset``, outermost first.

    Synthesized nodes contribute 0 (a closing paragraph's item 2 → [0, 2]);
    text outside every section (preamble, summary, trailer) → [].
    """
    path: list[int] = []
    level = roots
    while True:
        for node in level:
            if node.start <= offset < node.end:
                path.append(node.ordinal)
                level = node.children
                break
        else:
            return path
