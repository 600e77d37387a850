"""Normalisation for matching, with a map back to the original text.

Extractors run on the normalised string; the assembly step maps their spans
back through :class:`Normalized` so that every offset in a record indexes the
text the record carries.

>>> n = normalize("２０２３年６月")
>>> n.text
'2023年6月'
>>> n.span_to_original(0, 5)
(0, 5)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

import regex

from zhenggai import limits

# Full-width ASCII (U+FF01..U+FF5E) maps one-to-one onto ASCII; the ideographic
# space and no-break spaces become a plain space.  Chinese punctuation that has
# no ASCII twin (，。、“”《》〔〕) is kept: extractors match it as written.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20})
# Keep the full-width forms that carry meaning in this genre: （一） and the
# comma are turned to ASCII by the table above, which the extractors expect;
# ％ → %, ￥ → ¥ are useful too.
_FULLWIDTH[0xFFE5] = 0x00A5  # ￥ → ¥
# Characters that scraped pages scatter inside words: dropped, not replaced,
# so that "2022年\u200b7月" still reads as a date.
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
# Other control characters become spaces (one-to-one), except newlines and tabs.
_CONTROL = {cp: 0x20 for cp in range(0x20) if cp not in (0x09, 0x0A, 0x0D)}
_CONTROL[0x7F] = 0x20
_TABLE = {**_FULLWIDTH, **_CONTROL}
# The same mapping char → char, for the few characters a text holds: str.translate
# looks every character up in a dict, which costs more than a handful of
# str.replace calls (no target is itself a key, so replacements never chain).
_REPLACE = {chr(k): chr(v) for k, v in _TABLE.items()}
_SPECIAL = frozenset(_REPLACE) | _DROP
# The same characters as one class: ``set(_SPECIAL_RE.findall(text))`` is the set of
# those present, found by the standard library's engine, which scans a plain class
# several times faster than hashing every character of the text (``_SPECIAL.intersection``).
# A single character class cannot backtrack: no deadline is needed.
_SPECIAL_RE = re.compile("[" + "".join(f"\\u{ord(ch):04x}" for ch in sorted(_SPECIAL)) + "]")
# A notice holds some of them by the hundred (the full-width comma, colon, semicolon and brackets,
# the ideographic space of indented lines): each of those is looked for alone with ``in`` (a C-level
# search that stops at the first one), and the class scan is left the others, which it rarely finds,
# so it makes no match object (and no one-character string) per full-width comma.
_COMMON = "，：；（）\u3000"
RARE_SPECIAL = _SPECIAL.difference(_COMMON)
_RARE_RE = re.compile("[" + "".join(f"\\u{ord(ch):04x}" for ch in sorted(RARE_SPECIAL)) + "]")

# Scraped pages and PDF text layers put spaces and line breaks inside numbers and
# dates ("2023 年 12 月 6 日", "截至2023年⏎12月31日", "1, 208 名").  Those
# characters are dropped (like the invisible ones above) so every extractor sees
# "2023年12月6日"; the index map still sends each span back to the original text.
# Only whitespace INSIDE a number/date expression goes: a paragraph break, or a
# line that starts with a heading marker ("2023年⏎1.加强…"), is never joined.
_GLUE_RE = limits.compile(
    r"""
    (?<=[\d\p{Han},])                          # every form below follows a digit, a Han character (年, 月 …)
                                                # or a comma: one class test rules out most positions first
    (?:
    (?<=\d)[ \t]{1,2}(?=[\p{Han}%‰])           # 9 月, 160 卷, 6.4 %: digit, space(s), unit
    | (?<=\p{Han})[ \t]{1,2}(?=\d)              # 年 9, 至 10, 于 2023: a word, space(s), digit
    | (?<=\d年|[今去明]年|\d月)[ \t]*\r?\n     # a line that ends inside a date: 2023年⏎ / 12月⏎
      (?=\d{1,2}[月日号]|第?[一二三四1-4]季度|[上下]半年|[上中下]旬)  # ... and a next line that continues it
    | (?<=\d)[ \t]*\r?\n(?=[年月日号])          # 2023⏎年: a digit broken from its date unit
    | (?<=(?<![\d,.])\d{1,3}(?:,\d{3})*,)[ ](?=\d{3}[ ]?\p{Han})
                                                # 1, 208 名: a thousands group after ", " (see _keep_comma_space)
    )
    """,
    regex.VERBOSE,
)
# Where a glue match can start (a superset): every form above consumes a blank, a tab, a CR or a line
# feed first, right after a digit, Han character or comma, so a match starts only where a run of those
# begins.  Run starts are few (about 30 in a notice, nearly all line ends after 。); one pattern per
# character (led by that literal, which ``re`` skips to without testing a class at every position)
# keeps those whose character before may start a form (see glue_matches).
_BLANK_BEFORE = "[0-9,\u0080-\U0010FFFF]"  # before a blank or tab: a digit, a comma or any non-ASCII character
#                                            (\d and \p{Han} lie there: forms 1, 2, 5, and 3, 4 after 年 or 月)
_BREAK_BEFORE = "[0-9年月\u0080-\u2FFF\uA000-\U0010FFFF]"  # before a CR or line feed: 年, 月, a digit or a
#                                  non-ASCII character outside U+3000..U+9FFF, which holds no decimal digit (forms 3, 4)
_RUN_STARTS = tuple(
    (ch, limits.plain(f"{re.escape(ch)}(?<={before}{re.escape(ch)})"))
    for ch, before in ((" ", _BLANK_BEFORE), ("\t", _BLANK_BEFORE), ("\r", _BREAK_BEFORE), ("\n", _BREAK_BEFORE))
)
_START = re.Match.start


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and, for each of its positions, the original position."""

    text: str
    original: str
    # index_map[i] is the original index of normalised char i; one extra entry
    # at the end maps the end of the text.
    index_map: tuple[int, ...] | None  # None: identity (nothing was dropped)

    def to_original(self, index: int) -> int:
        """Original index for a normalised index (0 <= index <= len(text))."""
        if self.index_map is None:
            return index
        return self.index_map[index]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for a normalised [start, end)."""
        if self.index_map is None:
            return start, end
        # The end maps from the last included character so dropped characters
        # after a mention are not pulled into it.
        return self.index_map[start], self.index_map[end - 1] + 1 if end > start else self.index_map[start]


def normalize(text: str, *, rare: bool = True) -> Normalized:
    """Full-width → half-width, odd spaces → space, invisible characters dropped.

    ``rare=False`` tells that ``text`` holds none of :data:`RARE_SPECIAL` (the assembly learns it
    from its script detection's scan: ``read.script.plainly_simplified``), so only the common ones
    are looked for.

    >>> normalize("截至１０月，共１２项").text
    '截至10月,共12项'
    """
    present = special_chars(text) if rare else {ch for ch in _COMMON if ch in text}
    translated = text
    for ch in present.difference(_DROP):
        translated = translated.replace(ch, _REPLACE[ch])  # one-to-one: positions still match `text`
    drop: set[int] = set()
    if not present.isdisjoint(_DROP):
        drop.update(i for i, ch in enumerate(text) if ch in _DROP)
    for m in glue_matches(translated):
        if m.group() == " " and translated[m.start() - 1] == "," and not _keep_comma_space(text, m.start()):
            continue
        drop.update(range(m.start(), m.end()))
    if not drop:
        return Normalized(translated, text, None)
    # Slices between the dropped positions, not a character-by-character rebuild.
    pieces: list[str] = []
    kept: list[int] = []
    prev = 0
    for i in sorted(drop):
        if i > prev:
            pieces.append(translated[prev:i])
            kept.extend(range(prev, i))
        prev = i + 1
    pieces.append(translated[prev:])
    kept.extend(range(prev, len(text)))
    return Normalized("".join(pieces), text, tuple(kept) + (len(text),))


def special_chars(text: str) -> set[str]:
    """The characters of ``text`` that normalisation replaces or drops (= ``set(_SPECIAL_RE.findall(text))``).

    >>> sorted(special_chars("截至１０月，共１２项"))
    ['，', '０', '１', '２']
    """
    present = {ch for ch in _COMMON if ch in text}
    present.update(_RARE_RE.findall(text))  # one pass over the text, in C
    return present


def glue_matches(text: str) -> list:
    """The matches of ``_GLUE_RE.finditer(text)``, the pattern tried only where one can start.

    The run starts :data:`_RUN_STARTS` keep (about 5 in a notice, half of them real) are each
    tried with ``_GLUE_RE.match``: a match never crosses into another run, so the matches are
    those of the scan.  Where such starts are dense (one per 32 characters or closer) a match
    per start would cost more than the scan: the whole text is scanned as before.
    """
    most = len(text) // 32
    starts: list[int] = []
    for ch, pattern in _RUN_STARTS:
        if ch in text:
            starts += islice(map(_START, pattern.finditer(text)), most + 1 - len(starts))
            if len(starts) > most:
                return list(_GLUE_RE.finditer(text))
    starts.sort()  # (the four kinds of start, each in order)
    match = _GLUE_RE.match
    return [m for m in map(match, [text] * len(starts), starts) if m is not None]


def _keep_comma_space(text: str, space: int) -> bool:
    """True when the space after a comma sits inside one number: "1, 208 名" → 1208.

    Decision: only an ASCII comma written in the original (a full-width "，" is a
    clause break: "问题12，350名干部参加" stays two numbers), with 1–3 digits
    before it, exactly three digits after the space and then a unit or noun
    (checked by the pattern).  A list of small numbers ("1, 2, 3") never matches.
    """
    return text[space - 1] == ","
