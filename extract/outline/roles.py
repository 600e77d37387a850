"""Roles of outline sections (issue / measure / closing / other) and issue statements.

* closing — a heading opening with 下一步/下步/今后工作… or naming 下一步工作 anywhere
  (三、尚未整改到位的问题及下一步工作安排), and everything under it; the
  synthesized 下一步 paragraph node is closing from the start;
* issue — a heading that wraps a problem: 关于“…”问题的整改情况, 在“…”方面,
  关于…的问题, …方面问题的整改情况, 问题:…, …的问题; a heading whose children
  are 存在的问题/整改措施 blocks; a child of a "整改落实情况"-type parent (or of a
  category such as 审计查出问题的整改情况, or of a top-level 存在的问题) that names
  a problem (不够、不到位 …) or has children of its own.  Only the innermost
  problems are issues: an issue whose children are issues (an aspect 在“…”方面
  above 关于“…”问题) becomes "other" and keeps its ``issue`` text;
* measure — the children of an issue (and of its 整改措施 block) that are not
  issues themselves; an issue without numbered children gets one unnumbered
  measure per body paragraph (marker "", ordinal 0, heading = first sentence,
  a leading 整改措施: label dropped); a paragraph opening with a status label
  (整改情况:已完成…) extends the measure above it instead;
* other — overview headings (一、整改工作开展情况), groupings and labels.

Under an issue only strong cues (关于…, 问题:…) make a nested issue, so a measure
such as "1.“四风”问题专项整治" stays a measure.

>>> issue_statement("关于“议事决策‘三重一大’执行不严”问题的整改情况")
('议事决策‘三重一大’执行不严', 3, 17)
>>> issue_statement("强化政治理论武装") is None
True
"""

from __future__ import annotations

import regex

from zhenggai import limits
from zhenggai.outline import cues
from zhenggai.outline.evidence import (
    first_paragraph,
    names_shortcoming,
    names_strong_cue,
    problem_named_in_body,
    report_follows,
    reported_problem,
)
from zhenggai.outline.headings import first_cuts, iter_lines
from zhenggai.outline.nodes import OutlineNode, iter_with_parent, new_node

# Wrapper after the problem: 问题的整改情况 / 方面 / 的整改 …
_TAIL = r"(?:的?整改(?:落实|进展|推进)?(?:情况|工作)?)?[\x20:：。]*$"

# The heading patterns but _LABELLED are read by Python's re through limits.Twin (a few times
# faster on a heading; the regex module, with its timer, for a window of TIMER_MIN_CHARS or more):
# literals, listed classes, "." and anchors, which both engines read alike on any text.  _LABELLED
# reads \d, whose Unicode tables differ beyond U+FFFF, and stays on the regex module.
# Strong cues: they make an issue even under another issue (nested aspects → problems).
_QUOTED = limits.Twin(limits.compile(
    r"""
    ^(?:关于|在|针对|对于|对)[\x20]*          # lead word: 关于“…” / 在“…” / 针对“…”
    [“"「『](?P<q>.+)[”"」』][\x20]*         # outer quotes (「」 in traditional texts); greedy, so nested ‘’ and “” stay inside
    (?:等)?                                   # …”等问题
    (?:方面)?(?:存在的|的)?                   # …”方面的问题
    (?:问题|不足|方面|整改)                   # the wrapper word right after the closing quote
    """,
    regex.VERBOSE,
))
_ABOUT = limits.Twin(limits.compile(
    rf"""
    ^关于(?P<q>.+?)                           # 关于 + the problem (lazy: the wrapper is anchored at $)
    (?:
        (?:等)?(?:方面)?(?:存在)?的?问题{_TAIL} # …不到位的问题(的整改情况)
      | 的?整改(?:落实|进展)?情况[\x20:：。]*$   # …不到位的整改情况
    )
    """,
    regex.VERBOSE,
))
_LABELLED = limits.compile(
    r"""
    ^(?:存在的?|反馈的?|巡[视察]反馈的?|主要)?问题  # 问题 / 存在问题 / 反馈问题
    [\x20]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?  # 问题1 / 问题一
    [\x20]*[:：][\x20]*                       # the colon that introduces the statement
    (?P<q>.+)                                 # the statement
    """,
    regex.VERBOSE,
)
# A quoted problem whose closing quote lies beyond the heading: the statement runs over several
# sentences and the heading stops at its first 。 (关于“学用脱节。对…不深”问题的整改).
_QUOTED_OPEN = limits.Twin(limits.compile(
    r"""
    ^(?:关于|针对)[\x20]*                    # lead word
    [“"「『](?P<q>[^”"」』]{4,})$             # an opening quote never closed within the heading
    """,
    regex.VERBOSE,
))
# Weak cues: only where the heading is not already under an issue.
_QUOTED_BARE = limits.Twin(limits.compile(
    r"""
    ^[“"「『](?P<q>.+)[”"」』][\x20]*        # “…”问题的整改情况 (or 「…」) without a lead word
    (?:等)?(?:方面)?(?:存在的|的)?
    (?:问题|不足|方面)
    """,
    regex.VERBOSE,
))
_ASPECT = limits.Twin(limits.compile(
    rf"""
    ^在?(?P<q>.+?)方面                        # …方面 (在…方面)
    (?:(?:存在的?|的)?问题{_TAIL}             # …方面(存在的)问题(的整改情况)
      | [\x20:：。]*$)                        # or a bare 在…方面 / …方面 title
    """,
    regex.VERBOSE,
))
_TRAILING = limits.Twin(limits.compile(
    rf"""
    ^(?P<q>.{{4,}}?)(?:等)?的?问题{_TAIL}     # …不够深入的问题(的整改情况)
    """,
    regex.VERBOSE,
))


# A bare aspect title with no problem wrapper: 一、关于落实党的全面领导方面 / 在党的建设方面.
_BARE_ASPECT = limits.Twin(limits.compile(
    r"""
    ^(?:关于|在)?[\x20]*.+?方面       # (关于/在)…方面, nothing after it
    [\x20:：。]*$                      # but a colon or full stop
    """,
    regex.VERBOSE,
))


def _aspect_grouping(node: OutlineNode) -> bool:
    """一、关于…方面 above (一)<problem> headings that hold numbered measures: a grouping.

    Its children are the issues (each names a shortcoming: 不实, 不及时 …, and has
    measures of its own); only such a three-level layout makes the aspect a grouping,
    so an aspect whose children are plain measures stays the issue.
    """
    if not node.children or "方面" not in node.heading or not _BARE_ASPECT.match(node.heading):
        return False  # (方面: the word the pattern needs, tested first)
    return all(c.children and names_strong_cue(c.heading) for c in node.children)


# An aspect wrapper at the end of a heading: …方面 / …方面的问题 / …方面存在问题的整改情况.
_ASPECT_END = limits.Twin(limits.compile(
    rf"""
    方面(?:存在)?的?(?:问题)?{_TAIL}          # 方面, its optional 问题 wrapper, then the end
    """,
    regex.VERBOSE,
))


def _finding_grouping(node: OutlineNode) -> bool:
    """(一)关于财政预算管理方面的问题 above numbered findings (1．资产闲置。已盘活…): a grouping.

    Audit reports group their findings by subject area; each numbered child states
    one finding (a shortcoming or irregularity, no measure verb) and reports what was
    done after it in the same paragraph.  When every child is such a childless finding,
    the children are the issues; an aspect above imperative headings (1.健全学习制度)
    stays the issue with those measures.
    """
    if len(node.children) < 2 or "方面" not in node.heading or _ASPECT_END.search(node.heading) is None:
        return False
    return all(
        not c.children and c.kind != "paragraph" and names_shortcoming(c.heading) for c in node.children
    )


def _reported_grouping(text: str, node: OutlineNode) -> bool:
    """一、<area> above 1.<problem>。 lines each answered by a 整改：… line: a grouping.

    Short notices (a village 公示) number their problems under plain area titles
    (一、惠民政策落实有偏差) and answer each on a run-in report line; when every child
    is such a childless problem, the children are the issues and the title groups them.
    """
    if len(node.children) < 2:
        return False
    return all(not c.children and c.kind != "paragraph" and report_follows(text, c) for c in node.children)


def _generic(q: str) -> bool:
    """A statement made only of generic words (巡察反馈) is no statement.

    (``cues.is_generic_parent(q + "整改情况")``: its other tests, 整改 and 情况 in the heading,
    hold for any ``q``.)
    """
    return cues.only_generic_words(q + "整改情况")


# What each statement pattern needs in the heading before it can match (a str test is
# much cheaper than the pattern, and most headings fail it): the lead word or quote the
# pattern is anchored on, or the wrapper word it requires.
_NEEDS = {
    _QUOTED: lambda h: h[:1] in ("关", "在", "针", "对"),  # ^(?:关于|在|针对|对于|对)
    _ABOUT: lambda h: h.startswith("关于"),
    _QUOTED_OPEN: lambda h: h.startswith(("关于", "针对")),
    _LABELLED: lambda h: "问题" in h and (":" in h or "：" in h),
    _QUOTED_BARE: lambda h: h[:1] in ("“", '"', "「", "『"),
    _ASPECT: lambda h: "方面" in h,
    _TRAILING: lambda h: "问题" in h,
}
_STRONG = (_QUOTED, _ABOUT, _LABELLED, _QUOTED_OPEN)
# Number of each pattern's "q" group (a group by number is far cheaper than by name in regex).
_Q_GROUP = {pattern: pattern.groupindex["q"] for pattern in _NEEDS}
_WEAK = (_QUOTED_BARE, _ASPECT, _TRAILING)


def _may_state(heading: str, patterns: tuple[limits.Pattern, ...]) -> bool:
    """False when no pattern of ``patterns`` (_STRONG or _WEAK) passes its _NEEDS test: the
    union of their needs, one test for the group (most headings name no problem at all)."""
    if patterns is _STRONG:  # a lead word 关于/在/针对/对于/对, or 问题 (and a colon)
        return heading[:1] in ("关", "在", "针", "对") or "问题" in heading
    if patterns is _WEAK:  # an opening quote, 方面, or 问题
        return heading[:1] in ("“", '"', "「", "『") or "方面" in heading or "问题" in heading
    return True


def issue_statement(heading: str, strong_only: bool = False) -> tuple[str, int, int] | None:
    """The problem statement a heading wraps, with its span in ``heading``.

    >>> issue_statement("党的领导弱化方面问题的整改情况")
    ('党的领导弱化', 0, 6)
    >>> issue_statement("问题:理论学习不够深入")
    ('理论学习不够深入', 3, 11)
    """
    found = _statement(heading, _STRONG)
    if found is None and not strong_only:
        found = _statement(heading, _WEAK)
    return found


def _statement(heading: str, patterns: tuple[limits.Pattern, ...]) -> tuple[str, int, int] | None:
    """The statement the first of ``patterns`` that fits reads from ``heading`` (see issue_statement)."""
    if not _may_state(heading, patterns):
        return None
    for pattern in patterns:
        if not _NEEDS[pattern](heading):
            continue
        m = pattern.search(heading)
        if m is None:
            continue
        start, end = m.span(_Q_GROUP[pattern])
        while start < end and heading[start] in " \u3000":
            start += 1
        while end > start and heading[end - 1] in " \u3000。,":
            end -= 1
        if end > start and not _generic(heading[start:end]):
            return heading[start:end], start, end
    return None


def _label(heading: str, role: str) -> bool:
    """A bare label (存在的问题 / 整改措施), possibly with a colon and run-in text."""
    end = cues.cue_end(role, heading)
    return end is not None and (end == len(heading) or heading[end] in ":：")


def _is_closing(heading: str) -> bool:
    return cues.starts_with("closing", heading)


def _set_issue(node: OutlineNode, found: tuple[str, int, int] | None, base: int) -> None:
    node.role = "issue"
    if found is not None:
        node.issue, node.issue_start, node.issue_end = found[0], base + found[1], base + found[2]


def assign_roles(text: str, roots: list[OutlineNode], walk: list | None = None) -> None:
    """Set ``role`` and ``issue`` on every node (pre-order: parents first).

    ``walk``: ``list(iter_with_parent(roots))`` when the caller has it (the tree builder records it).
    """
    issue_parents: set[int] = set()  # ids of generic parents whose children are issues
    measure_parents: set[int] = set()  # ids of issues and 整改措施 blocks: children are measures

    # A heading opening with none of these characters is no label / no closing cue (see
    # cues.openers): most headings are ruled out by one set test instead of the cue patterns.
    label_openers = cues.openers("issue_label", "measure_label")
    closing_openers = cues.openers("closing")
    phrase_search = cues.searcher("closing_phrase")

    def label(n: OutlineNode) -> str | None:
        heading = n.heading
        if heading[:1] not in label_openers:
            return None  # neither label can open the heading
        if _label(heading, "issue_label"):
            return "issue_label"
        if _label(heading, "measure_label"):
            return "measure_label"
        return None

    if walk is None:  # (the roles change no child list: one walk serves all three passes)
        walk = list(iter_with_parent(roots))
    for node, parent in walk:
        if node.kind == "closing" or (parent is not None and parent.role == "closing"):
            node.role = "closing"
            continue
        heading, base = node.heading, node.heading_start
        under_issue = parent is not None and (parent.role == "issue" or id(parent) in measure_parents)
        if heading[:1] in closing_openers and _is_closing(heading):
            node.role = "closing"
            continue
        node_label = label(node) if heading[:1] in label_openers else None
        if parent is not None and parent.role == "issue" and node_label == "issue_label":
            # 存在的问题 block: its text is the parent's problem statement.
            node.role = "other"
            if parent.issue is None:
                found = issue_statement(heading, strong_only=True)
                colon = next((i for i, ch in enumerate(heading) if ch in ":："), -1)
                if found is None and 0 <= colon < len(heading) - 1:
                    s = colon + 1
                    while s < len(heading) - 1 and heading[s] in " \u3000":
                        s += 1
                    found = (heading[s:], s, len(heading))
                if found is not None:
                    _set_issue(parent, found, base)
                elif (para := first_paragraph(text, node)) is not None:
                    parent.issue, parent.issue_start, parent.issue_end = para
            continue
        if node_label == "measure_label" and (under_issue or parent is None):
            node.role = "other"
            measure_parents.add(id(node))
            continue
        if parent is None and node_label == "issue_label":
            node.role = "other"  # 二、存在的问题 at the top: its children are the issues
            issue_parents.add(id(node))
            continue
        strong = _statement(heading, _STRONG)  # = issue_statement(heading, strong_only=True)
        if node.kind == "problem":  # 问题一：<statement> — the marker itself says it is a problem
            _set_issue(node, strong or (heading, 0, len(heading.rstrip("。;；"))), base)
            continue
        aspect = "方面" in heading  # (both groupings by aspect need the word)
        if not under_issue and aspect and _finding_grouping(node):
            # (一)关于…方面的问题 → 1．<finding>。<what was done>: the 1． are the issues; the
            # grouping keeps its aspect's statement, as a demoted aspect does.
            _set_issue(node, strong or _statement(heading, _WEAK), base)
            node.role = "other"
            issue_parents.add(id(node))
            continue
        if strong is None and phrase_search(heading) is not None:  # cues.contains("closing_phrase", heading)
            node.role = "closing"  # 三、尚未整改到位的问题及下一步工作安排
            continue
        if strong is None and not under_issue and aspect and _aspect_grouping(node):
            node.role = "other"  # 一、关于…方面 → (一)<problem> → 1.<measure>: the (一) are the issues
            issue_parents.add(id(node))
            continue
        if strong is None and not under_issue and cues.is_category(heading):
            node.role = "other"  # (一)市级财政管理审计查出问题的整改情况: its children are issues
            issue_parents.add(id(node))
            continue
        # (the strong patterns found nothing: only the weak ones are left to try)
        found = strong if strong is not None or under_issue else _statement(heading, _WEAK)
        if found is not None:
            _set_issue(node, found, base)
        elif not under_issue and node.children and any(label(c) is not None for c in node.children):
            # (a child labelled 存在的问题/整改措施; the labels are asked only here, where they decide)
            _set_issue(node, None, base)
        elif under_issue and reported_problem(text, node):
            _set_issue(node, (heading, 0, len(heading.rstrip("。;；"))), base)
        elif under_issue:
            node.role = "measure"
        elif parent is not None and id(parent) in issue_parents:
            # A problem answered by its own 整改情况： paragraph is an issue even when its
            # wording carries no problem cue ("3.项目结余资金长期挂账。" then "整改情况：…").
            if (cues.contains("problem", heading) or node.children or report_follows(text, node)
                    or problem_named_in_body(text, node)):
                _set_issue(node, found or (heading, 0, len(heading)), base)  # found: issue_statement(heading)
            else:
                node.role = "measure"
        elif cues.is_generic_parent(heading) or _reported_grouping(text, node):
            node.role = "other"  # (a grouping of reported problems: its children are the issues)
            issue_parents.add(id(node))
        else:
            node.role = "other"
    targets = _demote_grouping_issues(roots, walk, measure_parents)
    _add_paragraph_measures(text, roots, measure_parents, walk, targets)


def _demote_grouping_issues(roots: list[OutlineNode], walk: list | None = None,
                            measure_parents: set[int] | None = None) -> list[OutlineNode]:
    """An issue whose children are issues groups them (an aspect, 在“…”方面): it becomes "other".

    It keeps its ``issue`` text (the aspect's statement); only the innermost
    problems count as issues, so "10个方面44个问题" compares with the leaves.
    ``walk``: ``list(iter_with_parent(roots))`` when the caller has it.

    Returns, from the same walk, the targets of :func:`_add_paragraph_measures` given
    ``measure_parents``: the childless issues and 整改措施 blocks (a childless node is never
    demoted, so its role is final here).
    """
    targets = []
    for node, _ in walk if walk is not None else iter_with_parent(roots):
        if node.children:
            if node.role == "issue" and any(c.role == "issue" for c in node.children):
                node.role = "other"
        elif node.role == "issue" or (measure_parents is not None and id(node) in measure_parents):
            targets.append(node)
    return targets


def _sentence_end(text: str, start: int, end: int) -> int:
    """End of the first sentence (。！？, else ；) in ``text[start:end]``, trailing punctuation trimmed."""
    sentence, clause, _ = first_cuts(text, start, end, commas=False)
    cut = sentence if sentence >= 0 else clause
    stop = end if cut < 0 else cut
    while stop > start and text[stop - 1] in " ,，、:：":
        stop -= 1
    return stop


def _add_paragraph_measures(text: str, roots: list[OutlineNode], measure_parents: set[int],
                            walk: list | None = None, targets: list[OutlineNode] | None = None) -> None:
    """Issues (and 整改措施 blocks) without numbered children: one measure per body paragraph.

    ``targets``: those nodes, in pre-order, when the caller has them (see _demote_grouping_issues).
    """
    if targets is None:
        targets = [
            n for n, _ in (walk if walk is not None else iter_with_parent(roots))
            if not n.children and (n.role == "issue" or id(n) in measure_parents)
        ]
    # A line opening with none of these characters opens no status / measure label (cues.openers).
    status_openers = cues.openers("status")
    label_openers = cues.openers("measure_label")
    for node in targets:
        level = min(6, node.level + 1)
        for line in iter_lines(text, node.body_start, max(node.end, node.body_start)):
            s, e = line.content, line.end
            first = text[s]
            if first in status_openers:
                status_end = cues.cue_end("status", text, s)
                if status_end is not None and status_end < e and text[status_end] in ":：" and node.children:
                    # 整改情况:已完成。… reports on the measure above it.
                    node.children[-1].end = e
                    continue
            # "整改措施:建立台账。" → heading "建立台账" (the label is not the measure).
            hs = s
            if first in label_openers:
                label_end = cues.cue_end("measure_label", text, s)
                if label_end is not None and label_end < e and text[label_end] in ":：":
                    hs = label_end + 1
            he = _sentence_end(text, hs, e)
            if he <= hs:
                hs, he = s, _sentence_end(text, s, e)
            node.children.append(new_node(level, "", 0, text[hs:he], hs, he, s, e, "measure", "paragraph", s))
