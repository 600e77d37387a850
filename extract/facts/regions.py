"""Where in a notice a figure sits: sentences, clauses, paragraphs and outline regions.

Notice-level facts are read from the preamble, from summary paragraphs and from
the closing, never from inside one issue's measures.  This module answers
"which clause / sentence / paragraph holds this offset" and "is this offset a
place where notice-wide totals are stated".

>>> text = "反馈问题44个,已整改41个。\\n一、关于问题的整改情况\\n追回资金3万元。"
>>> regions = Regions(text, [])
>>> text[slice(*regions.clause(9))]
'已整改41个'
>>> regions.in_totals_context(9)        # no outline: the whole text counts
True
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from operator import add
from typing import Any

import regex

from zhenggai import limits
from zhenggai.models import load_table, load_words

# Clause delimiters: the genre lists figures as comma-separated clauses
# ("转交信访件12件,已办结11件,问责4人"), so a clause holds one figure and its cue.
# Sentence delimiters: 。 and its kin; a semicolon also closes a list sentence; a line break
# ends a paragraph and so a sentence too.  Every sentence delimiter is a clause delimiter;
# the other clause delimiters are the clause marks.
_SENTENCE_MARKS = "。!！?？;；"  # sentence-final punctuation and semicolons (and line breaks)
_SENTENCE_KIN = _SENTENCE_MARKS[1:]  # the marks read as 。 when sentence ends are listed
_CLAUSE_MARKS = ",，:：、"  # ASCII and full-width commas and colons, 、: clause ends inside a sentence
_NEWLINE = "\n"  # paragraphs are lines in the normalised text

# How far a clause or sentence reaches around a position.  Real ones are far
# shorter (longest seen: clause 57, sentence 187 characters); the caps keep a
# text without punctuation ("3万元3万元…", a broken PDF layer) linear, where
# every figure would otherwise look at the whole text.
CLAUSE_REACH = 200
SENTENCE_REACH = 600
# _in_reach: the lookups every figure makes cap a span by a conditional expression, not by the
# builtins max() and min(), which cost about 1,100 instructions more per call (an argument
# tuple, an iterator over it); on two integers both give the same number.
PARAGRAPH_SCOPE = 2000  # how much of a paragraph is searched for words naming the whole rectification
TABLE_ROW_SCAN = 1000  # how much of a line is read to tell a flattened table row

# Roles whose text is per-issue detail, not notice-wide.
_DETAIL_ROLES = frozenset({"issue", "measure"})


def _opener_re(strength: str) -> limits.Pattern:
    words = sorted((row[0] for row in load_table("totals_summary_openers.txt") if row[1:2] == (strength,)),
                   key=len, reverse=True)
    return limits.compile(
        rf"""
        \s*                                      # paragraph start (used with .match at it), blanks allowed
        (?:{"|".join(map(regex.escape, words))})  # 整改期间 / 目前 / 截至 … from the data file
        """,
        regex.VERBOSE,
    )


def _scope_re() -> limits.Pattern:
    words = sorted(load_words("totals_scope_words.txt"), key=len, reverse=True)
    return limits.compile(
        rf"""
        (?:{"|".join(map(regex.escape, words))})  # 巡察反馈 / 反馈问题 / 整改工作 … notice-wide scope
        """,
        regex.VERBOSE,
    )


def _closing_re() -> limits.Pattern:
    words = sorted(load_words("closing_openers.txt"), key=len, reverse=True)
    return limits.compile(
        rf"""
        \s*                                      # paragraph start (used with .match at it)
        (?:{"|".join(map(regex.escape, words))})  # 下一步 / 今后 … from the data file
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _closing_firsts() -> frozenset[str]:
    """First characters of the closing openers: a paragraph opening with none (and no blank) is no closing."""
    return frozenset(w[0] for w in load_words("closing_openers.txt") if w)


_CACHE: dict[str, limits.Pattern] = {}


def _pattern(name: str) -> limits.Pattern:
    if name not in _CACHE:
        makers = {
            "strong": lambda: _opener_re("strong"),
            "weak": lambda: _opener_re("weak"),
            "scope": _scope_re,
            "closing": _closing_re,
        }
        _CACHE[name] = makers[name]()
    return _CACHE[name]


def walk(nodes: Sequence[Any]) -> list[Any]:
    """All outline nodes, depth first, in document order (a list, built without recursion)."""
    out: list[Any] = []
    stack = list(nodes)[::-1]
    while stack:
        node = stack.pop()
        out.append(node)
        children = getattr(node, "children", None)
        if children:
            stack.extend(children[::-1])
    return out


def _offsets(text: str, mark: str = _NEWLINE) -> list[int]:
    """Offsets of the character ``mark`` in ``text``, in order.

    Each one ends a piece of ``text.split(mark)``: the k-th is the length of the pieces up to
    it plus k (one per mark before it), all in C: no Python step and no match object per mark.

    >>> _offsets("ab\\ncd\\n\\ne"), _offsets("abc"), _offsets("。a。", "。")
    ([2, 5, 6], [], [0, 2])
    """
    pieces = text.split(mark)
    pieces.pop()  # (the text after the last mark ends no piece)
    return list(map(add, accumulate(map(len, pieces)), range(len(pieces))))


def _newlines(text: str) -> list[int]:
    """Offsets of the newlines of ``text``, in order.

    >>> _newlines("ab\\ncd\\n\\ne"), _newlines("abc")
    ([2, 5, 6], [])
    """
    return _offsets(text)


def _sentence_ends(text: str, newlines: list[int]) -> list[int]:
    """Offsets of the sentence delimiters of ``text`` (its ``newlines`` and _SENTENCE_MARKS), in order.

    The marks are made 。 (str.replace in C; a mark the text lacks costs one scan), listed by
    one split, and merged with the newlines (two sorted runs: one merge of the sort).

    >>> _sentence_ends("甲。乙;丙\\n丁!", [5])
    [1, 3, 5, 7]
    """
    marks = text
    for kin in _SENTENCE_KIN:
        marks = marks.replace(kin, "。")
    found = _offsets(marks, "。")
    if not newlines:
        return found
    if not found:
        return newlines[:]
    found += newlines
    found.sort()
    return found


_LEAD_BLANKS = "\x20\u3000"  # the blanks the line/sentence patterns below allow before their first character
_INDENT_BLANKS = "\x20\u3000\t"  # blanks \s matches in both engines (an indentation)
_INDENT_READ = 16  # how far an indentation is read before the regex scan takes over (two ideographic spaces, usually)
_CN_ORDINALS = frozenset("一二三四五六七八九十")  # 一是 / 二是
_ISSUE_OPENERS = _CN_ORDINALS | frozenset("针关就")  # 一是… / 针对 / 关于 / 就


# The first character that is no such blank (a class, no repetition: a linear scan).
_NOT_LEAD_BLANK = limits.compile(
    r"""
    [^\x20\u3000]       # anything but a space or an ideographic space
    """,
    regex.VERBOSE,
)
# The first character that is no white space (\s), for the closing openers.
_NOT_SPACE = limits.compile(
    r"""
    \S                  # anything but white space
    """,
    regex.VERBOSE,
)


def _first_char(text: str, start: int, end: int) -> str:
    """The first character of ``text[start:end]`` after spaces and ideographic spaces ('' if none).

    The patterns below open with those blanks and then a character of a known set: when
    the first character is not in it, they cannot match and are not run.
    """
    if start >= end:
        return ""  # an empty window
    if text[start] not in _LEAD_BLANKS:
        return text[start]  # the usual case: no blank
    # An indented line: its first few characters without the blanks (no regex call), else the scan.
    head = text[start : min(end, start + _INDENT_READ)].lstrip(_LEAD_BLANKS)
    if head:
        return head[0]
    m = _NOT_LEAD_BLANK.search(text, start, end)
    return m.group() if m is not None else ""


def _first_non_space(text: str, start: int, end: int) -> str:
    """The first character of ``text[start:end]`` that ``\\s`` does not match ('' if none)."""
    if start >= end:
        return ""  # an empty window (a blank line between two newlines)
    if not text[start].isspace():
        return text[start]  # (isspace() holds for every character that \s matches)
    # An indented line: past the blanks \s matches in both engines (space, ideographic space,
    # tab), its first character decides as above without a regex call; else the scan.
    head = text[start : min(end, start + _INDENT_READ)].lstrip(_INDENT_BLANKS)
    if head and not head[0].isspace():
        return head[0]
    m = _NOT_SPACE.search(text, start, end)
    return m.group() if m is not None else ""


# A row of a table flattened to text: "3  惠农资金发放不及时  补发资金4.12万元  2023年8月  计财股  已完成".
# It reports one issue (序号 问题 措施 时限 单位 情况), never the whole rectification.
_TABLE_ROW = limits.compile(
    r"""
    [\x20\u3000]*\d{1,3}                              # the row number, then either
    (?:
      (?:[\x20\u3000]{2,}|\t|(?=\p{Han}))               #   a gap (normalising may drop the one
      (?:[^\n\t]*?(?:[\x20\u3000]{2,}|\t)){3}          #   before a character) and three more gaps
    | [\x20\u3000]*[|｜¦](?:[^\n|｜¦]*[|｜¦]){3}       #   or a bar and three more: 5|问题|措施|时限|…
    )
    """,
    regex.VERBOSE,
)


# A paragraph opening with an enumeration word that names the problem it answers
# (二是针对公务接待不规范的问题,…): one issue's own work, written without a numbered heading.
_ENUMERATED_ISSUE = limits.compile(
    r"""
    [\x20\u3000]*[一二三四五六七八九十]是[,，:：]?[\x20]*   # 一是 / 二是,
    (?:针对|关于|就)[^\n。;；]{2,60}?问题                      # 针对…的问题
    """,
    regex.VERBOSE,
)


# A sentence opening with the one problem it answers, quoted as the inspectors worded it
# (针对巡察反馈的“执法办案不规范”问题,…): that issue's own work, in a news report or any text
# without numbered headings; a summary names a count of problems (针对反馈的14个问题), not one.
_QUOTED_ISSUE_SENTENCE = limits.compile(
    r"""
    [\x20\u3000]*(?:[一二三四五六七八九十]是[,，:：]?[\x20]*)?  # an optional 一是 / 二是,
    (?:针对|关于|就)[^\n。;；“"]{0,16}                         # 针对巡察反馈的
    [“"「][^”"」\n]{2,60}[”"」]                               # “执法办案不规范”
    [\x20]*(?:等)?(?:方面)?(?:存在)?的?问题                   # 问题 / 等问题 / 的问题
    """,
    regex.VERBOSE,
)


class Regions:
    """Clause, sentence and paragraph lookup plus the outline regions of one text.

    >>> r = Regions("此外,转交信访9件。", [])
    >>> r.sentence(5)
    (0, 9)
    """

    def __init__(self, text: str, outline: Sequence[Any]):
        self.text = text
        self.n = len(text)
        # The index the lookups below bisect, built once per text: the newlines (paragraph ends)
        # and the sentence delimiters (the newlines among them).  Clause ends are not listed:
        # a clause is found inside its sentence when asked for (_clause_in), a few dozen times
        # per notice, where a notice has some 140 clause delimiters.
        self._para = _offsets(text)
        self._sentence = _sentence_ends(text, self._para)
        self.roots = list(outline or [])
        self._detail = self._outermost_detail(self.roots)
        self._detail_starts = [d[0] for d in self._detail]
        # Where the closing starts, found once (in_closing runs for every figure).  Every
        # closing section starts at or after it, so "inside a closing section" is
        # "at or after closing_from".
        self.closing_from = self._closing_start()
        self._table_rows: dict[int, bool] = {}  # line start → is a flattened table row
        self._heads: dict[int, list[int]] = {}  # id(node) → its numbered heading starts, sorted
        self._summaries: dict[tuple[int, int], bool] = {}  # paragraph → is a summary paragraph
        # Per-text memos of the lookups every figure makes (several per figure, same offsets):
        self._sentence_at: dict[int, tuple[int, int]] = {}  # offset → its sentence span
        self._one_issue_line: dict[int, bool] = {}  # line start → a table row or a 二是针对…问题 line
        self._quoted: dict[tuple[int, int], bool] = {}  # sentence span → opens with a quoted issue
        # (sentence number, in the closing, issue section number or -1) → in_totals_context
        self._context: dict[tuple[int, bool, int], bool] = {}

    # -- text units -------------------------------------------------------
    # Each unit is the span between the delimiter before ``pos`` and the one at or after it
    # (sorted offsets, bisected); clause and sentence reach at most their REACH either side.
    def clause(self, pos: int) -> tuple[int, int]:
        """(start, end) of the comma-delimited clause holding ``pos`` (reach: CLAUSE_REACH)."""
        positions = self._sentence
        i = bisect_right(positions, pos - 1)
        start = positions[i - 1] + 1 if i > 0 else 0
        end = positions[i] if i < len(positions) else self.n
        return self._clause_in(pos, start, end)

    def _clause_in(self, pos: int, start: int, end: int) -> tuple[int, int]:
        # The clause holding ``pos`` in its sentence [start, end) (uncapped): every sentence
        # delimiter is a clause delimiter, so the clause runs from the last clause mark before
        # ``pos`` to the first at or after it, inside the sentence and within CLAUSE_REACH.
        # The window's marks made one (str.replace, in C), then one rfind and one find.
        lo, hi = pos - CLAUSE_REACH, pos + CLAUSE_REACH  # (max/min inline: see _in_reach)
        lo, hi = (lo if lo > start else start), (hi if hi < end else end)
        window = self.text[lo:hi].replace("，", ",").replace(":", ",").replace("：", ",").replace("、", ",")
        k = pos - lo
        before, after = window.rfind(",", 0, k), window.find(",", k)
        return lo + before + 1, (hi if after < 0 else lo + after)

    @property
    def _clause(self) -> list[int]:
        """Offsets of every clause delimiter, in order: the sentence delimiters and the clause
        marks (built when asked for; the lookups do not read it)."""
        marks = self.text
        for kin in _CLAUSE_MARKS[1:]:
            marks = marks.replace(kin, _CLAUSE_MARKS[0])
        return sorted(_offsets(marks, _CLAUSE_MARKS[0]) + self._sentence)

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos`` (end excludes the 。; reach: SENTENCE_REACH)."""
        span = self._sentence_at.get(pos)
        if span is None:
            positions = self._sentence
            i = bisect_right(positions, pos - 1)
            start = positions[i - 1] + 1 if i > 0 else 0
            end = positions[i] if i < len(positions) else self.n
            lo, hi = pos - SENTENCE_REACH, pos + SENTENCE_REACH  # (max/min inline: see _in_reach)
            span = self._sentence_at[pos] = ((lo if lo > start else start), (hi if hi < end else end))
        return span

    def paragraph(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding ``pos``."""
        positions = self._para
        i = bisect_right(positions, pos - 1)
        return (positions[i - 1] + 1 if i > 0 else 0), (positions[i] if i < len(positions) else self.n)

    def sentences(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Sentence spans inside [start, end)."""
        end = self.n if end is None else end
        out, s = [], start
        positions = self._sentence
        for d in positions[bisect_left(positions, start) :]:
            if d >= end:
                break
            if d > s:
                out.append((s, d))
            s = d + 1
        if s < end:
            out.append((s, end))
        return out

    # -- outline regions --------------------------------------------------
    def preamble_end(self) -> int:
        """Offset of the first heading (the preamble lies before it); the text end without outline."""
        starts = [getattr(n, "heading_start", None) for n in self.roots]
        starts = [s if s is not None else n.start for s, n in zip(starts, self.roots)]
        return min(starts) if starts else self.n

    @staticmethod
    def _outermost_detail(nodes: Sequence[Any]) -> list[tuple[int, int, Any, bool]]:
        # (start, end, node, is_last_detail_sibling) of the outermost issue/measure nodes.
        out: list[tuple[int, int, Any, bool]] = []
        detail = [n for n in nodes if getattr(n, "role", None) in _DETAIL_ROLES]
        last = detail[-1] if detail else None
        for node in nodes:
            if getattr(node, "role", None) in _DETAIL_ROLES:
                out.append((node.start, node.end, node, node is last))
            else:
                out.extend(Regions._outermost_detail(getattr(node, "children", None) or []))
        out.sort(key=lambda d: d[0])
        return out

    def _closing_start(self) -> int:
        # The closing starts at the first 'closing' node, or at a 下一步/今后
        # paragraph that follows the last issue/measure heading.
        starts = [n.start for n in walk(self.roots) if getattr(n, "role", None) == "closing"]
        # (the details are sorted by their nodes' starts: the last one starts latest)
        after = self._detail[-1][0] if self._detail else (self.preamble_end() if self.roots else 0)
        closing, openers = _pattern("closing"), _closing_firsts()
        text, para = self.text, self._para
        # A paragraph found at or after the first closing node would not change the minimum:
        # the paragraphs are read up to it.
        until = min(starts) if starts else self.n
        # Paragraph k spans [para[k-1] + 1, para[k]) (the first from 0, the last to the end):
        # begin at the first one that starts at or after ``after``.
        k = 0 if after <= 0 else bisect_left(para, after - 1) + 1
        pos = para[k - 1] + 1 if 0 < k <= len(para) else 0
        for stop in (para + [self.n])[k:]:  # (none when no paragraph starts after it)
            if pos >= until:
                break
            # After white space (\s, as the pattern's \s*), the opener starts with one of its
            # words' first characters (the first character itself, inline, when it is no space).
            first = text[pos] if pos < stop else ""
            if first.isspace():
                first = _first_non_space(text, pos, stop)
            if first in openers and closing.match(text, pos, stop):
                starts.append(pos)
                break
            pos = stop + 1
        return min(starts) if starts else self.n

    def _detail_at(self, pos: int) -> tuple[int, int, Any, bool] | None:
        # Outermost issue/measure nodes do not overlap: the last one starting at
        # or before pos is the only candidate.
        i = bisect_right(self._detail_starts, pos) - 1
        if i >= 0 and self._detail[i][0] <= pos < self._detail[i][1]:
            return self._detail[i]
        return None

    def _heading_starts(self, node: Any) -> list[int]:
        # Numbered headings only: an unnumbered measure is a whole paragraph, and
        # a summary paragraph may well have been taken for one.  Once per node, not
        # once per figure in it.
        starts = self._heads.get(id(node))
        if starts is None:
            starts = self._heads[id(node)] = sorted(
                getattr(n, "heading_start", n.start) for n in walk([node]) if getattr(n, "marker", "")
            )
        return starts

    def is_summary_paragraph(self, pos: int) -> bool:
        """A paragraph opening with 整改期间/综上 …, or with 目前/截至/此外 … and naming the whole rectification."""
        ps, pe = self.paragraph(pos)
        if _pattern("strong").match(self.text, ps, pe):
            return True
        return bool(_pattern("weak").match(self.text, ps, pe)) and bool(
            _pattern("scope").search(self.text, ps, min(pe, ps + PARAGRAPH_SCOPE))
        )

    def _is_table_row(self, start: int, end: int) -> bool:
        # Once per line, not once per figure (a long line of figures stays linear), and over
        # the line's first TABLE_ROW_SCAN characters: a table row is short.
        hit = self._table_rows.get(start)
        if hit is None:
            window = start + TABLE_ROW_SCAN
            window = window if window < end else end  # min(end, …), inline (see _in_reach)
            # The row number first: a line opening with no digit is no row.  (Every character
            # \d matches below U+10000 is isdigit() in Python; newer astral digits go to the regex.)
            first = _first_char(self.text, start, window)
            hit = self._table_rows[start] = (first.isdigit() or first > "\uffff") and bool(
                _TABLE_ROW.match(self.text, start, window)
            )
        return hit

    def in_totals_context(self, pos: int) -> bool:
        """True where notice-wide totals may be stated.

        Outside every issue/measure section (preamble, 'other' sections) and
        in the closing (下一步 … and what follows, closing sections) is
        context; inside an issue section, only a summary paragraph at the tail
        of the last one counts ("整改期间,共建立完善制度…追回资金…").
        """
        return self.totals_place(pos) is not None

    def totals_place(self, pos: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """``(clause(pos), sentence(pos))`` where ``in_totals_context(pos)``, else None: the three
        lookups find_totals makes for every figure (see :meth:`totals_places`).

        >>> Regions("反馈问题44个,已整改41个。", []).totals_place(9)
        ((8, 14), (0, 14))
        """
        places = self.totals_places((pos,))
        return (places[0][1], places[0][2]) if places else None

    def totals_places(self, starts: Sequence[int]) -> list[tuple[int, tuple[int, int], tuple[int, int]]]:
        """``(k, clause(pos), sentence(pos))`` for each ``pos = starts[k]`` in totals context, in
        order: :meth:`totals_place` of every figure of a text in one call.

        With ``starts`` ascending (find_totals' figures are), the issue section and the sentence of
        each start are found by moving on from the previous one's (a bisection only when the start
        lies past the previous sentence or section), not by two bisections from the text's start
        per figure; a start before the previous one begins again from the text's start.

        >>> Regions("反馈问题44个,已整改41个。", []).totals_places([4, 9])
        [(0, (0, 7), (0, 14)), (1, (8, 14), (0, 14))]
        """
        out: list[tuple[int, tuple[int, int], tuple[int, int]]] = []
        closing_from, detail, detail_starts = self.closing_from, self._detail, self._detail_starts
        positions, n, memo = self._sentence, self.n, self._context
        n_details, n_ends = len(detail_starts), len(positions)
        j_next = i = 0  # detail sections starting at or before the start; sentence ends before it
        last = -1
        for k, pos in enumerate(starts):
            if pos < last:
                j_next = i = 0  # (not ascending: from the text's start again)
            last = pos
            closing = pos >= closing_from  # (in_closing)
            # (_detail_at: the last outermost issue/measure section starting at or before ``pos``)
            if j_next < n_details and detail_starts[j_next] <= pos:
                j_next = bisect_right(detail_starts, pos, j_next)
            j = j_next - 1
            hit = detail[j] if j >= 0 and pos < detail[j][1] else None
            if hit is not None and not closing and not hit[3]:
                continue  # inside an issue section other than the last: that issue's own figures
            # (sentence(pos): the sentence ends before ``pos`` are positions[:i])
            if i < n_ends and positions[i] < pos:
                i = bisect_right(positions, pos - 1, i)
            start = positions[i - 1] + 1 if i > 0 else 0
            end = positions[i] if i < n_ends else n
            lo, hi = pos - SENTENCE_REACH, pos + SENTENCE_REACH  # (max/min inline: see _in_reach)
            sent = ((lo if lo > start else start), (hi if hi < end else end))
            # The rest reads only the sentence and paragraph of ``pos`` (one paragraph holds the
            # sentence: a newline ends both), so it is the same for every figure of a sentence,
            # given the same closing and issue section; a sentence longer than SENTENCE_REACH
            # is not shared (its capped span depends on ``pos``).
            key = (i, closing, j if hit is not None else -1)
            known = memo.get(key)
            if known is None:
                known = self._context_of(pos, closing, hit, sent)
                if end - start <= SENTENCE_REACH:
                    memo[key] = known
            if known:
                out.append((k, self._clause_in(pos, start, end), sent))  # (clause(pos), in its sentence)
        return out

    def _context_of(
        self, pos: int, closing: bool, hit: tuple[int, int, Any, bool] | None, sent: tuple[int, int]
    ) -> bool:
        # in_totals_context past its issue-section test: the line, the sentence ``sent``, the summary.
        positions = self._para  # (paragraph(pos), inline)
        i = bisect_right(positions, pos - 1)
        ps = positions[i - 1] + 1 if i > 0 else 0
        pe = positions[i] if i < len(positions) else self.n
        if self._one_issue_line_at(ps, pe):
            return False  # a table row, or 二是针对…的问题,…: that issue's own figures
        quoted = self._quoted.get(sent)
        if quoted is None:
            quoted = self._quoted[sent] = _first_char(self.text, *sent) in _ISSUE_OPENERS and (
                _QUOTED_ISSUE_SENTENCE.match(self.text, *sent) is not None
            )
        if quoted:
            return False  # 针对“…”问题,…: the sentence reports on that one issue
        if hit is None or closing:
            return True
        heads = self._heading_starts(hit[2])
        i = bisect_left(heads, ps)
        if i < len(heads) and heads[i] < pe:
            return False  # a numbered heading starts in this paragraph
        summary = self._summaries.get((ps, pe))
        if summary is None:
            summary = self._summaries[(ps, pe)] = self.is_summary_paragraph(pos)
        return summary

    def _one_issue_line_at(self, start: int, end: int) -> bool:
        # Once per line: a flattened table row, or a paragraph opening with 二是针对…的问题
        # (one issue's paragraph in a notice without headings).
        hit = self._one_issue_line.get(start)
        if hit is None:
            hit = self._one_issue_line[start] = self._is_table_row(start, end) or (
                _first_char(self.text, start, end) in _CN_ORDINALS
                and _ENUMERATED_ISSUE.match(self.text, start, end) is not None
            )
        return hit

    def in_closing(self, pos: int) -> bool:
        """True inside the closing (下一步 … / closing sections).

        Every closing section starts at or after ``closing_from`` (the first of them, or
        an earlier 下一步 paragraph), so being inside one is being at or after it.
        """
        return pos >= self.closing_from
