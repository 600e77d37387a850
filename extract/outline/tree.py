"""Heading candidates → a tree of sections, with numbering checks and section ends.

A candidate becomes a heading only when its number fits its would-be siblings:
the first child of a kind under a parent must be 1 (or continue the numbering
of the previous run of that kind, as in notices that number measures 1…24 across
issues); later ones may repeat or skip a little (duplicates and gaps still build
a tree; flags about them are produced elsewhere).  So "2022年…", "1.5倍…",
"2,3月份…" and a stray "5、…" inside a paragraph do not open sections.  A marker
of the wrong style that continues an open sequence of the same numeral family
("一. … 二, … （三) … 四、") takes the level of that sequence.

Section ends: the next heading of the same or a higher rank, the closing block
(下一步…), the trailer (欢迎…监督, 联系方式, a signature and date), or the end of
the text; trailing whitespace excluded.  An unnumbered summary paragraph after
the last measure of the last issue (目前,… 截至目前,… 通过整改…) ends that measure
and its ancestors, so the notice-level totals it states belong to no section.

>>> roots = build_tree("一、总体情况\\n正文。\\n二、整改情况\\n1.强化学习。\\n2022年开展…\\n2.完善制度。")
>>> [(n.marker, [c.marker for c in n.children]) for n in roots]
[('一、', []), ('二、', ['1.', '2.'])]
"""

from __future__ import annotations

from functools import cache

import regex

from zhenggai import limits
from zhenggai.outline import cues
from zhenggai.outline.headings import candidate_rows, line_rows
from zhenggai.outline.markers import kind_table
from zhenggai.outline.nodes import OutlineNode, new_node

# How far a number may jump past its previous sibling and still count (一、二、四、).
MAX_SKIP = 3
# Marker kinds that share a numeral family: a slip between them keeps the numbering.
_FAMILY = {"cn": "cn", "pcn": "cn", "word": "cn", "arabic": "ar", "paren": "ar", "circled": "ar"}
# Signature lines before the closing date are short and unpunctuated.
_SIGNATURE_MAX = 30

_DATE_LINE = limits.compile(
    r"""
    (?:\d{4}|[一二三四五六七八九〇○零]{4})年      # 2023年 / 二〇二三年
    [0-9一二三四五六七八九十]{1,3}月              # 6月 / 六月
    [0-9一二三四五六七八九十]{1,3}日              # 2日 / 二日
    """,
    regex.VERBOSE,
)
_SIGNATURE_PUNCT = limits.compile(r"[。,;；:!?]  # prose punctuation: not a signature line", regex.VERBOSE)


def _trim(text: str, start: int, end: int) -> int:
    """``end`` moved left past whitespace, never before ``start``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class _Builder:
    """Single pass over the lines; a stack of open nodes with their nesting rank."""

    def __init__(self, text: str, astral: bool | None = None) -> None:
        self.text = text
        # Lines as (start, content, end) and candidates as (line index, kind, ordinal, marker,
        # marker_start, text_start, heading_start, heading_end, rest_start): plain tuples, read
        # once here (headings.line_rows, headings.candidate_rows).
        self.lines = line_rows(text)
        self.cands: dict[int, tuple] = {c[0]: c for c in candidate_rows(text, self.lines, astral)}
        self.kinds = kind_table()
        self.roots: list[OutlineNode] = []
        self.stack: list[tuple[OutlineNode, float]] = []
        self.last_child: dict[tuple[int, str], int] = {}  # (id(parent) or 0, kind) → last ordinal
        self.last_any: dict[str, int] = {}  # kind → last ordinal anywhere
        self.line_of: dict[int, int] = {}  # id(node) → line index of its heading
        self.kinds_seen: set[str] = set()
        # (node, parent) as the nodes are made: in document order, which is the tree's pre-order
        # (a node only ever joins an open node, after all that node's earlier descendants).
        self.walk: list[tuple[OutlineNode, OutlineNode | None]] = []

    # -- acceptance -------------------------------------------------------------------------------
    def _parent_index(self, rank: float) -> int:
        i = len(self.stack)
        while i and self.stack[i - 1][1] >= rank:
            i -= 1
        return i

    def _close(self, keep: int, at: int) -> None:
        """Close the open nodes above stack depth ``keep`` at offset ``at``."""
        stack, text = self.stack, self.text
        while len(stack) > keep:
            node = stack.pop()[0]
            end, start = at, node.start  # (_trim inlined: one call per heading)
            while end > start and text[end - 1].isspace():
                end -= 1
            node.end = end if end > node.heading_end else node.heading_end

    def _attach(self, node: OutlineNode, rank: float, line_index: int) -> None:
        parent = self.stack[-1][0] if self.stack else None
        (parent.children if parent else self.roots).append(node)
        self.stack.append((node, rank))
        self.line_of[id(node)] = line_index
        self.walk.append((node, parent))

    def _continued_ancestor(self, kind: str, ordinal: int) -> int | None:
        """Stack index of an open heading whose numbering a candidate (``kind``, ``ordinal``)
        continues in another marker style.

        "一. … 二, … （三) … 四、": a writer slipped into the wrong marker of the same
        numeral family; the number shows which level it belongs to.
        """
        family = _FAMILY.get(kind)
        for j in range(len(self.stack) - 1, -1, -1):
            node = self.stack[j][0]
            if node.kind != kind and _FAMILY.get(node.kind) == family:
                if ordinal == node.ordinal + 1:
                    return j
        return None

    def try_heading(self, cand: tuple) -> bool:
        """Make a candidate row (see ``self.cands``) a node when its number fits; False when not."""
        line_index, kind, ordinal, marker, start, _, hs, he, rest = cand
        level, rank = self.kinds[kind]
        stack = self.stack
        i = len(stack)  # (_parent_index inlined: this runs once per candidate)
        while i and stack[i - 1][1] >= rank:
            i -= 1
        parent = stack[i - 1][0] if i else None
        # Fits its would-be siblings: the first of its kind is 1 or continues the last run of the
        # kind; a later one may repeat or skip up to MAX_SKIP.
        key = (id(parent) if parent else 0, kind)
        prev = self.last_child.get(key)
        if prev is None:
            before = self.last_any.get(kind)
            fits = ordinal == 1 or (before is not None and ordinal == before + 1)
        else:
            fits = ordinal == 1 or prev <= ordinal <= prev + MAX_SKIP
        if not fits:
            j = self._continued_ancestor(kind, ordinal) if ordinal > 1 else None
            if j is None:
                return False
            kind = stack[j][0].kind  # take the level of the sequence it continues
            level, rank = self.kinds[kind]
            i = j
            parent = stack[i - 1][0] if i else None
            key = (id(parent) if parent else 0, kind)
        text = self.text
        while len(stack) > i:  # (_close(i, start) inlined: one call per heading)
            closed = stack.pop()[0]
            end, begin = start, closed.start
            while end > begin and text[end - 1].isspace():
                end -= 1
            closed.end = end if end > closed.heading_end else closed.heading_end
        node = new_node(level, marker, ordinal, text[hs:he], hs, he, start, len(text), "other", kind, rest)
        (parent.children if parent else self.roots).append(node)  # (_attach inlined)
        stack.append((node, rank))
        self.line_of[id(node)] = line_index
        self.walk.append((node, parent))
        self.last_child[key] = ordinal
        self.last_any[kind] = ordinal
        self.kinds_seen.add(kind)
        return True

    # -- synthesized closing ----------------------------------------------------------------------
    def _starts_block(self, cand: tuple) -> bool:
        """Whether ``cand`` (after a closing-cue paragraph) starts a new numbered block.

        It does when it is numbered 1 and would not be the first child of an open
        sub-heading: "下一步,…" then "1." after a section's measures, or right under a
        top-level issue, is the closing list; "下一步,…" then "(1)" as the first
        sub-item of a measure is body text.
        """
        if cand[2] != 1:  # (the ordinal)
            return False
        i = self._parent_index(self.kinds[cand[1]][1])  # (the kind)
        return i <= 1 or bool(self.stack[i - 1][0].children)

    def open_closing(self, line: tuple[int, int, int], line_index: int, child_rank: float | None) -> None:
        """A closing paragraph (下一步,…) becomes a level-1 node; numbered items after it nest in it."""
        text = self.text
        _, content, end = line
        self._close(0, content)
        cue = cues.cue_end("closing", text, content) or content
        stop = _clause_end(text, cue, end)
        head_end = _trim(text, content, stop)
        while head_end > content and text[head_end - 1] in ":：,，、":
            head_end -= 1
        node = OutlineNode(
            level=1, marker="", ordinal=0, heading=text[content:head_end],
            heading_start=content, heading_end=head_end, start=content, end=len(text),
            role="closing", kind="closing", body_start=min(stop + 1, end),
        )
        # Rank just above the items it holds, and never below 一、 so a later 一、 closes it.
        rank = min(1.0, child_rank - 0.5) if child_rank is not None else 1.0
        self._attach(node, rank, line_index)

    # -- tail -------------------------------------------------------------------------------------
    def tail_start(self) -> int:
        """Offset where the trailer (欢迎…监督, 联系方式, signature, 来源/编辑 under the body) begins, else the text length."""
        text, all_lines = self.text, self.lines
        first = max(self.cands) + 1 if self.cands else 1
        tail = len(text)
        trailer_openers = cues.openers("trailer", "trailer_info")  # (a set test rules most lines out)
        for _, content, end in all_lines[first:]:
            # 来源/编辑 lines count only under the body, after its last sentence: above it (or
            # above more prose) they are the page head.
            if text[content] not in trailer_openers:
                continue
            if cues.starts_with("trailer", text, content) or (
                    cues.starts_with("trailer_info", text, content)
                    and text.rfind("。", 0, content) >= 0 and text.find("。", end) < 0):
                tail = content
                break
        # A signature block: the last line (before any page furniture) a date, the line(s)
        # before it short and unpunctuated.
        last = len(all_lines) - 1
        # (lines are (start, content, end) tuples: [1] the content start, [2] the end)
        while last >= first and all_lines[last][1] >= tail:
            last -= 1  # a signature above 来源/编辑/阅读原文 lines still ends the body
        if last >= first and _DATE_LINE.fullmatch(text, all_lines[last][1], all_lines[last][2]):
            j = last
            while (
                j - 1 >= first
                and all_lines[j - 1][2] - all_lines[j - 1][1] <= _SIGNATURE_MAX
                and not _SIGNATURE_PUNCT.search(text, all_lines[j - 1][1], all_lines[j - 1][2])
                and last + 1 - j < 3
            ):
                j -= 1
            tail = min(tail, all_lines[j][1])
        return tail

    def cut_summary(self) -> None:
        """End the last issue's last measure (and its ancestors) before an unnumbered summary paragraph.

        The first paragraph after a title-only heading is that heading's body and never cut.
        """
        body_roots = [
            n for n in self.roots if n.kind != "closing" and not cues.starts_with("closing", n.heading)
        ]
        if not body_roots:
            return
        chain = [body_roots[-1]]
        while chain[-1].children:
            chain.append(chain[-1].children[-1])
        deepest = chain[-1]
        first = self.line_of[id(deepest)] + 1
        text = self.text
        # A title-only heading's first paragraph is its own body, never the summary.
        skip_first = deepest.body_start >= self.lines[first - 1][2]  # (the line's end)
        summary_openers = cues.openers("summary")  # (a set test rules most lines out)
        for index in range(first, len(self.lines)):
            content = self.lines[index][1]
            if content >= deepest.end:
                return
            if skip_first and index == first:
                continue
            if (index not in self.cands and text[content] in summary_openers
                    and cues.starts_with("summary", text, content)):
                for node in chain:
                    node.end = max(_trim(text, node.start, content), node.heading_end)
                return

    # -- driver -----------------------------------------------------------------------------------
    def run(self) -> list[OutlineNode]:
        text, all_lines = self.text, self.lines
        tail = self.tail_start()
        pending_closing: int | None = None  # first closing-cue line since the last heading
        skip_line = -1  # a line used as the title of a marker alone on the line before
        closing_openers = cues.openers("closing")  # (a set test rules most lines out)
        cands = self.cands
        for index, line in enumerate(all_lines):
            _, content, end = line
            if content >= tail:
                break
            cand = cands.get(index)
            if cand is not None and self.try_heading(cand):
                pending_closing = None
                if cand[6] > end:  # (heading_start: the title is on the next line)
                    skip_line = index + 1
                continue
            if (index == skip_line or text[content] not in closing_openers
                    or not cues.starts_with("closing", text, content)):
                continue
            nxt = cands.get(index + 1)
            if nxt is not None and all_lines[index + 1][1] < tail and self._starts_block(nxt):
                self.open_closing(line, index, self.kinds[nxt[1]][1])
                pending_closing = None
            elif pending_closing is None:
                pending_closing = index
        if pending_closing is not None:
            self.open_closing(all_lines[pending_closing], pending_closing, None)
        self._close(0, tail)
        self.cut_summary()
        shift = 1 if {"part", "cn"} <= self.kinds_seen else 0
        if shift or not self.kinds_seen.isdisjoint(_LEVEL_FROM_PARENT) or not _levels_as_made():
            _assign_levels(self.walk, shift)
        # (else every node already has its level: the table's, given as it was made, or 1 for closing)
        return self.roots


def _clause_end(text: str, start: int, end: int) -> int:
    """First clause break (, : 。 ；) at or after ``start`` within the line, else ``end``."""
    best = end
    for ch in ",，:：。;；":
        i = text.find(ch, start, end)
        if 0 <= i < best:
            best = i
    return best


# Marker kinds whose level is their parent's plus one (the table gives them none of their own).
_LEVEL_FROM_PARENT = ("word", "problem")


@cache
def _levels_as_made() -> bool:
    """Whether :func:`_assign_levels` without a shift leaves every level as the nodes were made:
    each kind but _LEVEL_FROM_PARENT has a table level of 1 to 6 (part: 1), which try_heading gives
    the node, and closing nodes are made at level 1."""
    table = kind_table()
    return table["part"][0] == 1 and all(
        1 <= level <= 6 for kind, (level, _) in table.items() if kind not in _LEVEL_FROM_PARENT)


def _assign_levels(walk: list[tuple[OutlineNode, OutlineNode | None]], shift: int) -> None:
    """GB/T 9704 levels; 第X部分 above 一、 shifts the others down by one (``shift``; levels stay 1..6).

    ``walk``: (node, parent) in pre-order, so a parent's level is set before its children's.
    """
    table = kind_table()
    for node, parent in walk:
        kind = node.kind
        if kind == "closing" or kind == "part":
            node.level = 1
        elif kind == "word" or kind == "problem":
            node.level = min(6, (parent.level if parent is not None else 0) + 1)
        elif kind in table:
            node.level = min(6, table[kind][0] + shift)


def build_tree(text: str) -> list[OutlineNode]:
    """Root sections of ``text`` (roles not yet assigned; see :func:`zhenggai.outline.parse_outline`)."""
    return _Builder(text).run()


def build_tree_walk(text: str, astral: bool | None = None,
                    ) -> tuple[list[OutlineNode], list[tuple[OutlineNode, OutlineNode | None]]]:
    """:func:`build_tree` and its (node, parent) pairs in pre-order (``list(iter_with_parent(roots))``,
    recorded as the nodes were made); ``astral``: ``limits.astral(text)`` when the caller has it."""
    builder = _Builder(text, astral)
    return builder.run(), builder.walk
