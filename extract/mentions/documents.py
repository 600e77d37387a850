"""Document titles 《…》 and document numbers (发文字号) such as 浙民发〔2023〕12号.

Notices name the rules they issued: "出台《养老服务补贴管理办法》", and cite
circulars by number: "按照浙民发〔2023〕12号文件要求".

>>> [(f.kind, f.text) for f in find_documents("印发《关于加强资金监管的通知》(浙民发〔2023〕12号)")]
[('document', '《关于加强资金监管的通知》'), ('docnumber', '浙民发〔2023〕12号')]

Choices:

* A title is the outermost closed 《…》 on one line, at most 200 characters inside;
  nested 《…》 and 〈…〉 stay part of it.  When an outer 《 never closes on its
  line, the closed titles inside it are still reported.
* A document number needs a four-digit year in 〔〕, [], ［］, 【】 or () and a
  number followed by 号.  With round brackets the issuer code must end in a
  typical character (发/函/字/办/文/通 …), because "(2023)" alone is common.
* The issuer code (``prefix``) is the run of Han characters before the year,
  cut after a leading verb such as 根据/按照/印发 (models/docnumber_lead_words.txt);
  a single remaining character is not a code (见〔2023〕5号 has no prefix).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from zhenggai import limits
from zhenggai.mentions.base import Found
from zhenggai.mentions.count_context import literal_positions
from zhenggai.models import load_words, word_alternation
from zhenggai.numerals import read_int

_MAX_TITLE = 200

# Only the brackets and the newline matter for titles: scanning these few
# positions is much cheaper than looking at every character.
_TITLE_MARKS_RE = limits.compile(
    r"""
    [《》\n]    # open, close, and the line end that closes nothing
    """,
    regex.VERBOSE,
)

_DOCNUMBER_RE = limits.compile(
    r"""
    (?P<prefix>\p{Han}{1,12})?                   # issuer code: 浙民发, 国办发, 杭纪 (trimmed in code)
    (?:                                          # one of the forms below
      [〔\[［【]                                 # the year bracket used in 发文字号
      (?P<year>(?:19|20)\d{2})                   # four-digit year
      [〕\]］】]                                  # its closing bracket
    |                                            # or
      (?<=[发函字办文通令规复电批报委])            # round brackets only after a typical code ending
      [(（]                                       # round opening bracket
      (?P<year>(?:19|20)\d{2})                   # four-digit year
      [)）]                                       # round closing bracket
    )                                            # (end of the forms)
    \s?第?\s?                                    # 〔2023〕第12号
    (?P<number>\d{1,6})                          # serial number
    \s?号                                        # 号 closes the number (PDF/HTML text often has "7 号")
    """,
    regex.VERBOSE,
)


# Every document number holds an opening bracket and the first two digits of its year:
# the pattern runs only around these (see _docnumbers).  No repetition: re scans for it.
_YEAR_BRACKET = limits.plain(
    r"""
    [〔\[［【(（]   # a year bracket, square or round
    (?:19|20)      # and the century of the year
    """,
    regex.VERBOSE,
)
# The brackets the matches open with, found by str.find (a C search per bracket, then a look at the
# few brackets found: about a third of what re pays testing the class at every character).
_OPENING_BRACKETS = "〔[［【(（"
_CENTURIES = ("19", "20")
_MAX_PREFIX = 12  # the issuer code: at most this many characters before the bracket
_MAX_AFTER = 18  # bracket, year, bracket, blank, 第, blank, six digits, blank and 号: the rest of a match


def _lead_re() -> limits.Pattern[str]:
    return limits.compile(word_alternation(load_words("docnumber_lead_words.txt")))


_LEAD = _lead_re()


def _titles(text: str) -> list[Found]:
    """Outermost closed 《…》 titles on one line, each at most 200 characters inside."""
    found: list[Found] = []
    # Each open 《 on the stack carries the closed titles found inside it, which
    # are reported only if that 《 turns out not to close (line end, too long).
    stack: list[tuple[int, list[tuple[int, int]]]] = []

    def fail_all() -> None:
        for _, children in stack:
            for s, e in children:
                found.append(_title(text, s, e))
        stack.clear()

    if "《" not in text:
        return found  # nothing opens: no title
    search = _TITLE_MARKS_RE.search
    pos = 0
    while True:
        if not stack:  # nothing open: line ends and stray 》 change nothing; the next 《 opens
            pos = text.find("《", pos)
            if pos < 0:
                break
            stack.append((pos, []))
            pos += 1
            continue
        m = search(text, pos)
        if m is None:
            break
        ch, pos = m[0], m.start()
        if ch == "《":
            stack.append((pos, []))
        elif ch == "\n":
            if stack:
                fail_all()
        elif stack:
            open_pos, children = stack.pop()
            inside = text[open_pos + 1 : pos]
            if len(inside) > _MAX_TITLE or not inside.strip():
                spans = children  # not a title: what closed inside it survives
            else:
                spans = [(open_pos, pos + 1)]
            if stack:
                stack[-1][1].extend(spans)
            else:
                found.extend(_title(text, s, e) for s, e in spans)
        pos += 1
    fail_all()
    found.sort(key=lambda f: f.start)
    return found


def _title(text: str, start: int, end: int) -> Found:
    return Found("document", start, end, text[start:end], {"title": text[start + 1 : end - 1].strip()})


def _docnumber_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of ``_DOCNUMBER_RE.finditer(text)``, searched for only near year brackets.

    Every match holds a year bracket (``_YEAR_BRACKET``) and starts at most ``_MAX_PREFIX``
    characters before it (its issuer code) and ends at most ``_MAX_AFTER`` after it; a
    search from there (not before the previous match's end, where the whole-text scan
    resumes) finds the match holding that bracket, if any, or one holding an earlier bracket
    that had none, which cannot be: so the matches are the same, in the same order.
    """
    n = len(text)
    done = 0  # the end of the last match: the whole-text scan resumes there
    for at in year_brackets(text):
        if at < done:
            continue  # inside the last match
        m = _DOCNUMBER_RE.search(
            text, at - _MAX_PREFIX if at - _MAX_PREFIX > done else done, at + _MAX_AFTER if at + _MAX_AFTER < n else n
        )
        if m is not None:
            yield m
            done = m.end()


def year_brackets(text: str) -> list[int]:
    """The starts of ``_YEAR_BRACKET.finditer(text)``: where an opening bracket stands before 19 or 20.

    >>> year_brackets("(2023)〔2022〕(3)[1999]")
    [0, 6, 15]
    """
    brackets = literal_positions(text, _OPENING_BRACKETS)
    if brackets is None:  # brackets by the hundred: one scan
        return [m.start() for m in _YEAR_BRACKET.finditer(text)]
    starts = text.startswith
    return [at for at in brackets if starts(_CENTURIES, at + 1)]


def _docnumbers(text: str) -> list[Found]:
    found: list[Found] = []
    for m in _docnumber_matches(text):
        start = m.start()
        prefix = m["prefix"]
        if prefix:
            lead_end = max((x.end() for x in _LEAD.finditer(prefix)), default=0)
            if len(prefix) - lead_end < 2:
                lead_end = len(prefix)  # issuer codes have two characters at least (中发, 杭纪); "见" is not one
            start += lead_end
            prefix = prefix[lead_end:] or None
        found.append(
            Found(
                "docnumber",
                start,
                m.end(),
                text[start : m.end()],
                {"prefix": prefix, "year": read_int(m["year"]), "number": read_int(m["number"])},
            )
        )
    return found


def find_documents(text: str) -> list[Found]:
    """Titles in 《》 (kind "document") and document numbers (kind "docnumber"), sorted by start.

    >>> [(f.kind, f.values) for f in find_documents("依据国办发[2022]3号")]
    [('docnumber', {'prefix': '国办发', 'year': 2022, 'number': 3})]
    """
    return sorted(_titles(text) + _docnumbers(text), key=lambda f: (f.start, f.kind))
