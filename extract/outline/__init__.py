"""zhenggai.outline — headings → a tree of sections with roles, issue statements and inline items.

>>> text = (
...     "根据区委统一部署,现将整改情况通报如下。\\n"
...     "一、关于“理论学习不够深入”问题的整改情况\\n"
...     "1.健全学习制度。修订党组理论学习中心组学习规则。\\n"
...     "2.强化督促检查。一是每季度通报;二是纳入考核。\\n"
...     "下一步,我局将持续巩固整改成果。\\n"
...     "欢迎广大干部群众监督。"
... )
>>> roots = parse_outline(text)
>>> [(n.marker, n.role, n.issue) for n in roots]
[('一、', 'issue', '理论学习不够深入'), ('', 'closing', None)]
>>> [(m.marker, m.heading, m.role, m.items) for m in roots[0].children]
[('1.', '健全学习制度', 'measure', []), ('2.', '强化督促检查', 'measure', ['每季度通报', '纳入考核'])]
>>> section_path(roots, text.index("纳入考核"))
[1, 2]
"""

from __future__ import annotations

from zhenggai import limits
from zhenggai.outline.items import assign_items, find_items
from zhenggai.outline.nodes import OutlineNode, iter_nodes, section_path
from zhenggai.outline.roles import assign_roles, issue_statement
from zhenggai.outline.tree import build_tree_walk

__all__ = ["OutlineNode", "find_items", "issue_statement", "iter_nodes", "parse_outline", "section_path"]


def parse_outline(text: str) -> list[OutlineNode]:
    """The root sections of a (normalised) notice; the preamble before the first heading is no node.

    Headings are GB/T 9704 markers (一、 (一) 1. (1) ①, 第一部分) and their
    real-world variants (wrong punctuation, mixed widths, indentation, run-in
    headings).  Offsets index ``text``.  Steps: :func:`zhenggai.outline.tree.build_tree`
    (numbering checks, tree, ends, closing block, trailer, summary paragraph),
    :func:`zhenggai.outline.roles.assign_roles` (roles, issue statements,
    unnumbered measures), :func:`zhenggai.outline.items.assign_items`.
    """
    astral = limits.astral(text)  # (read once: the markers and the items both ask)
    roots, walk = build_tree_walk(text, astral)
    assign_roles(text, roots, walk)
    assign_items(text, roots, astral)
    return roots
