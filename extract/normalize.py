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

from dataclasses import dataclass

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


def normalize(text: str) -> Normalized:
    """Full-width → half-width, odd spaces → space, invisible characters dropped.

    >>> normalize("截至１０月，共１２项").text
    '截至10月,共12项'
    """
    if any(ch in _DROP for ch in text):
        kept = [i for i, ch in enumerate(text) if ch not in _DROP]
        stripped = "".join(text[i] for i in kept)
        index_map = tuple(kept) + (len(text),)
        return Normalized(stripped.translate(_TABLE), text, index_map)
    return Normalized(text.translate(_TABLE), text, None)
