"""Word automatic numbering (numbering.xml) → the markers a reader sees.

A DOCX notice typed with Word's list feature stores "一、" "（一）" "1." not in
the text but as ``w:numPr`` on the paragraph plus an ``abstractNum`` level
(``numFmt`` chineseCounting/decimal…, ``lvlText`` "%1、" "（%1）" "%1.").
This module counts paragraphs the way Word does and renders the markers.

>>> format_number(12, "chineseCounting"), format_number(3, "decimalEnclosedCircle")
('十二', '③')
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from zhenggai import limits
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_PLACEHOLDER = limits.compile(r"%([1-9])")


MAX_SPELLED = 3999  # Word's own Roman numerals stop here; letters repeat (aaa…) up to 154 characters


def _int(value: str | None, default: int, low: int = -(2**31), high: int = 2**31 - 1) -> int:
    """An integer attribute of numbering XML, clamped; junk ("x", "") → ``default``.

    >>> _int("3", 0), _int("x", 1), _int("99", 0, 0, 8)
    (3, 1, 8)
    """
    try:
        return min(max(int(value or ""), low), high)
    except ValueError:
        return default


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """Chinese counting as Word writes it: 10 → 十, 21 → 二十一, 105 → 一百〇五."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        if not (power == 10 and digit == 1 and not parts and digits is _CN_DIGITS):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def _letters(n: int) -> str:
    # Word repeats the letter: 27 → aa, 28 → bb.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """``n`` in the ``w:numFmt`` style ``fmt`` (unknown styles → decimal).

    Letters and Roman numerals grow with ``n`` (27 → aa, 2000 → mm): beyond
    ``MAX_SPELLED`` they are written in digits, so a hostile ``w:start`` of two
    billion cannot make a marker of millions of characters.

    >>> format_number(2_000_000_000, "lowerLetter"), format_number(4, "upperRoman")
    ('2000000000', 'IV')
    """
    if fmt in ("lowerLetter", "upperLetter", "lowerRoman", "upperRoman") and not 0 < n <= MAX_SPELLED:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital"):
        return _chinese(n)
    if fmt in ("chineseLegalSimplified", "koreanLegal"):
        return _chinese(n, _CN_LEGAL, "拾佰仟")
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False  # w:isLgl: all placeholders in decimal


@dataclass
class Numbering:
    """numbering.xml and styles.xml, plus the running counters of one document."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstractId, starts)
    style_num: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    style_base: dict[str, str] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        self = cls()
        if numbering is not None:
            for absnum in numbering.iter(f"{W}abstractNum"):
                levels = {}
                for lvl in absnum.iter(f"{W}lvl"):
                    level = Level()
                    if (el := lvl.find(f"{W}start")) is not None:
                        level.start = _int(el.get(f"{W}val"), 1)
                    if (el := lvl.find(f"{W}numFmt")) is not None:
                        level.fmt = el.get(f"{W}val", "decimal")
                    if (el := lvl.find(f"{W}lvlText")) is not None:
                        level.text = el.get(f"{W}val", "")
                    level.legal = lvl.find(f"{W}isLgl") is not None
                    levels[_int(lvl.get(f"{W}ilvl"), 0, 0, 8)] = level
                self.abstract[absnum.get(f"{W}abstractNumId")] = levels
            for num in numbering.iter(f"{W}num"):
                ref = num.find(f"{W}abstractNumId")
                starts = {}
                for override in num.iter(f"{W}lvlOverride"):
                    if (el := override.find(f"{W}startOverride")) is not None:
                        starts[_int(override.get(f"{W}ilvl"), 0, 0, 8)] = _int(el.get(f"{W}val"), 1)
                if ref is not None:
                    self.nums[num.get(f"{W}numId")] = (ref.get(f"{W}val"), starts)
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                sid = style.get(f"{W}styleId")
                if (based := style.find(f"{W}basedOn")) is not None:
                    self.style_base[sid] = based.get(f"{W}val")
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    self.style_num[sid] = _num_pr(num_pr)
        return self

    def _style_num(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_num:
                return self.style_num[style]
            style = self.style_base.get(style)
        return None, None

    def marker(self, p_pr: etree._Element | None) -> str:
        """The marker for a paragraph (advancing the counters), or ''."""
        if p_pr is None:
            return ""
        num_id, ilvl = _num_pr(p_pr.find(f"{W}numPr"))
        style_el = p_pr.find(f"{W}pStyle")
        if num_id is None and style_el is not None:
            num_id, style_lvl = self._style_num(style_el.get(f"{W}val"))
            ilvl = ilvl if ilvl is not None else style_lvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, starts = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        ilvl = min(max(ilvl or 0, 0), 8)
        level = levels.get(ilvl, Level())
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.started:
            # A num with a start override restarts the shared list at that level.
            self.started.add(num_id)
            for lvl_index in starts:
                counters[lvl_index] = None
        start = starts.get(ilvl, level.start)
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None

        def fill(match: regex.Match) -> str:
            k = int(match.group(1)) - 1
            lv = levels.get(k, Level())
            value = counters[k] if counters[k] is not None else starts.get(k, lv.start)
            return format_number(value, "decimal" if level.legal else lv.fmt)

        return _PLACEHOLDER.sub(fill, level.text) if level.fmt != "bullet" else ""


def _num_pr(num_pr: etree._Element | None) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    num = num_pr.find(f"{W}numId")
    lvl = num_pr.find(f"{W}ilvl")
    return (num.get(f"{W}val") if num is not None else None,
            _int(lvl.get(f"{W}val"), 0, 0, 8) if lvl is not None else None)
