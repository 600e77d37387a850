r"""What a section's body says about its role: the evidence roles.py weighs beyond the heading.

A heading alone does not always tell a problem from a measure.  The paragraph
under it often does: a report label (整改情况:已完成…) answers a problem, and an
opening 针对“…”的问题 names the problem the section answers.

>>> from zhenggai.outline import parse_outline
>>> text = "一、概况\n二、巡视反馈问题整改情况\n(一)聚焦主业,推动改革。针对“改革推进偏慢”的问题,一是建立台账。"
>>> problem_named_in_body(text, parse_outline(text)[1].children[0])
True
"""

from __future__ import annotations

import re
from functools import cache

import regex

from zhenggai import limits
from zhenggai.outline import cues
from zhenggai.outline.headings import iter_lines
from zhenggai.outline.nodes import OutlineNode


def _first_line(text: str, node: OutlineNode, skip_blank: bool = False) -> tuple[int, int] | None:
    """(start, end) of the first line of the node's own body (before its first sub-section).

    Paragraph measures (added after roles are set) are body text, not sections.
    """
    end = next((c.start for c in node.children if c.kind != "paragraph"), node.end)
    for line in iter_lines(text, node.body_start, max(end, node.body_start)):
        s, e = line.content, line.end
        if skip_blank and not text[s:e].strip(" 。;；,"):
            continue
        return s, e
    return None


def first_paragraph(text: str, node: OutlineNode) -> tuple[str, int, int] | None:
    """The node's first body line without its closing 。/；, with its span."""
    span = _first_line(text, node)
    if span is None:
        return None
    s, e = span
    while e > s and text[e - 1] in "。;；":
        e -= 1
    return (text[s:e], s, e) if e > s else None


# Generic problem cues (问题, 存在 …) also occur in measures ("开展…问题专项整治");
# a sub-problem names a real shortcoming (不规范, 不到位, 缺失 …).
WEAK_PROBLEM_CUES = frozenset({"问题", "存在", "风险", "隐患"})
# A heading opening with these is an action taken (a measure), even when it names a shortcoming.
# (Words and lookaheads, no repetition: Python's re, a few times faster here, see limits.plain.)
_MEASURE_OPENER = limits.plain(
    r"""
    ^(?:针对|围绕|通过|加强|建立|完善|制定|开展|推进|落实|强化|健全|规范|严格|召开|组织|修订|印发|出台  # action verbs
      | 解决|整治|清理|纠正|杜绝|防止|加大|提升|深化|狠抓|抓好|做好|盘活|追回|收回  # … that fix a shortcoming
      | 对(?!外|口|象)                      # 对…开展 (not the nouns 对外出借, 对口帮扶, 对象)
      | 就(?!业)                            # 就…问题 (not the noun 就业补助资金)
    )
    """,
    regex.VERBOSE,
)


def names_shortcoming(heading: str) -> bool:
    """A heading that states a shortcoming (不规范, 未及时, 闲置 …) and opens with no measure verb.

    >>> names_shortcoming("部分行政事业单位资产闲置"), names_shortcoming("完善资产管理不规范的制度")
    (True, False)
    """
    if _MEASURE_OPENER.match(heading):
        return False
    return names_strong_cue(heading)


@cache
def _strong_cue_re() -> re.Pattern:
    """The problem cues but the weak ones, as one alternation of literals (no repetition: Python's re)."""
    words = [c for c in cues.cues("problem") if c not in WEAK_PROBLEM_CUES]
    return limits.plain("|".join(regex.escape(w) for w in words) or "(?!)")


def names_strong_cue(heading: str) -> bool:
    """Whether a problem cue other than the weak ones (问题, 存在 …) occurs in ``heading``.

    >>> names_strong_cue("存在的问题"), names_strong_cue("制度执行不严")
    (False, True)
    """
    return _strong_cue_re().search(heading) is not None


def reported_problem(text: str, node: OutlineNode, depth: int = 0) -> bool:
    """A sub-problem under an issue: "1.结余药品使用不规范。" followed by "整改情况:…".

    Aspect notices nest (一)反馈问题:… → 1.<problem> → (1)<problem> → 整改情况:…;
    the numbered children name shortcomings and carry their own report label,
    which a measure ("1.建立台账制度") does not.
    """
    if not names_shortcoming(node.heading):
        return False
    if report_follows(text, node):
        return True
    return depth < 2 and any(reported_problem(text, c, depth + 1) for c in node.children)


def report_follows(text: str, node: OutlineNode) -> bool:
    """The node's first body paragraph opens with a report label and a colon (整改情况：…)."""
    span = _first_line(text, node, skip_blank=True)
    if span is None:
        return False
    for role in ("measure_label", "report_label"):  # 整改情况：… / a bare 整改：…
        label_end = cues.cue_end(role, text, span[0])
        if label_end is not None and text[label_end : label_end + 1] in (":", "："):
            return True
    return False


# A body that opens by naming the problem it answers: 针对“…”的问题，一是… — the heading above
# it may be phrased as an aim (（一）聚焦服务大局，推动…。) and still head an issue.
_BODY_NAMES_PROBLEM = limits.compile(
    r"""
    (?:针对|关于|就|对)[\x20]*               # lead word (no ^: .match anchors at the paragraph start)
    [“"「『][^”"」』\n]{2,120}[”"」』]        # the problem as the inspectors worded it, quoted
    [\x20]*(?:等)?(?:方面)?(?:存在)?的?       # …”等方面存在的
    (?:问题|不足|短板)                        # the wrapper word
    """,
    regex.VERBOSE,
)


def problem_named_in_body(text: str, node: OutlineNode) -> bool:
    """The node's first body paragraph opens with 针对“…”的问题 (the problem it answers)."""
    span = _first_line(text, node)
    return span is not None and _BODY_NAMES_PROBLEM.match(text, *span) is not None
