"""Numbers as Chinese notices write them: Arabic, Chinese numerals, mixed.

Shared by every mention extractor, so that "一百二十万", "1,234.5" and "两" are
read the same way everywhere.

>>> parse_number("一百二十")
Decimal('120')
>>> parse_number("1,234.5")
Decimal('1234.5')
>>> parse_number("二〇二二")   # digit-by-digit, as years are written
Decimal('2022')
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
import unicodedata
from functools import lru_cache

import regex

from zhenggai import limits

# Digits, including the financial (大写) and traditional forms that appear
# in re-published and audit notices.
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "0": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3, "叄": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
# Units below 万 multiply the digit before them.
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# 万/亿 close a group (一千二百万 = (1000+200) * 10^4).
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_DIGIT_CHARS = "".join(CN_DIGITS).replace("0", "")
CN_SMALL_UNIT_CHARS = "".join(CN_SMALL_UNITS)
CN_BIG_UNIT_CHARS = "".join(CN_BIG_UNITS)
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + CN_SMALL_UNIT_CHARS + CN_BIG_UNIT_CHARS

# Regex fragments that other modules embed in their own verbose patterns.
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # 1,234.5 | 12.79 | 2800
CHINESE = rf"(?:[{CN_DIGIT_CHARS}{CN_SMALL_UNIT_CHARS}][{CN_NUMERAL_CHARS}]*(?:点[{CN_DIGIT_CHARS}]+)?)"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"

_ARABIC_RE = limits.compile(ARABIC)

# One decimal digit as the regex module reads \d, whose Unicode can be newer than Python's own tables.
_ONE_DIGIT_RE = limits.compile(r"\d")  # one character: no repetition (left unwrapped by limits)
_MIXED_RE = limits.compile(
    rf"""
    ({ARABIC})                                      # 3 / 1.2: the Arabic part of 3千, 1.2万
    ([{CN_SMALL_UNIT_CHARS}{CN_BIG_UNIT_CHARS}]+)   # the Chinese unit(s) that multiply it
    """,
    regex.VERBOSE,
)


# No figure is written with more characters than this (一千二百三十四万五千六百七十八 has 15, a
# 20-digit Arabic number 20); a longer "numeral" (一亿 × 50,000) is no figure, and reading it
# would be big-integer arithmetic, quadratic in its length.
MAX_NUMERAL_CHARS = 40
_TOO_LONG = "numeral too long ({} characters): not a figure"


def parse_chinese_integer(text: str) -> int:
    """Read a Chinese integer numeral.

    >>> parse_chinese_integer("三千零五十")
    3050
    >>> parse_chinese_integer("十二")
    12
    """
    if not text:
        raise ValueError("empty numeral")
    if len(text) > MAX_NUMERAL_CHARS:
        raise ValueError(_TOO_LONG.format(len(text)))
    if all(ch in CN_DIGITS for ch in text) and len(text) > 1:
        # Digit-by-digit reading: 二〇二二 → 2022.
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total = 0  # finished 亿/万 groups
    group = 0  # current group below 万
    digit: int | None = None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch] if digit is None else digit * 10 + CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            group += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        elif ch in CN_BIG_UNITS:
            group += digit or 0
            digit = None
            unit = CN_BIG_UNITS[ch]
            if unit == 100_000_000:
                total = (total + group) * unit
            else:
                total += (group or 1) * unit if group or not total else group * unit
            group = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + group + (digit or 0)


@lru_cache(maxsize=256)
def digit_value(ch: str) -> int:
    """The value of a decimal digit that the patterns (the regex module's ``\\d``) read as one.

    Python's own tables can be older than the regex module's: a digit added since (Kawi ``\\U00011F51``,
    Unicode 15) matches ``\\d`` but ``int`` cannot read it.  Unicode encodes each script's decimal
    digits as a run of ten, 0 to 9, so such a digit's value is its distance from the start of its run.

    >>> digit_value("7"), digit_value("٣"), digit_value("\U00011F51")
    (7, 3, 1)
    """
    value = unicodedata.decimal(ch, None)
    if value is not None:
        return value
    if not _ONE_DIGIT_RE.fullmatch(ch):
        raise ValueError(f"not a decimal digit: {ch!r}")
    start = ord(ch)
    while start and _ONE_DIGIT_RE.fullmatch(chr(start - 1)):
        start -= 1
    return (ord(ch) - start) % 10  # (runs of ten can follow each other: 𝟎…𝟗𝟎…𝟗)


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit written as an ASCII one, for ``int``/``Decimal``.

    >>> ascii_digits("2024年\U00011F51月")
    '2024年1月'
    """
    return "".join(str(digit_value(ch)) if not ch.isascii() and _ONE_DIGIT_RE.fullmatch(ch) else ch
                   for ch in text)


def read_int(digits: str) -> int:
    """``int(digits)`` for a run of decimal digits, also those newer than Python's tables (:func:`digit_value`).

    >>> read_int("2024"), read_int("\U00011F51\U00011F50")
    (2024, 10)
    """
    try:
        return int(digits)
    except ValueError:
        return int(ascii_digits(digits))


def parse_number(text: str) -> Decimal:
    """Read an Arabic or Chinese number (no unit) as an exact Decimal.

    >>> parse_number("一点五")
    Decimal('1.5')
    >>> parse_number("两")
    Decimal('2')
    """
    if len(text) <= _CACHED_LEN:
        return _parse_short(text)  # the same few numbers recur in every notice
    return _parse_number(text)


# Numbers up to this length are memoised (a Decimal is immutable, so sharing it is safe).
_CACHED_LEN = 24


@lru_cache(maxsize=4096)
def _parse_short(text: str) -> Decimal:
    return _parse_number(text)


def _parse_number(text: str) -> Decimal:
    text = text.strip()
    if not text:
        raise ValueError("empty number")
    if len(text) > MAX_NUMERAL_CHARS:
        raise ValueError(_TOO_LONG.format(len(text)))
    if _ARABIC_RE.fullmatch(text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:  # a digit newer than Python's tables (see digit_value)
            return Decimal(ascii_digits(text).replace(",", ""))
    if "点" in text:
        whole, _, frac = text.partition("点")
        integer = parse_chinese_integer(whole) if whole else 0
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        return Decimal(f"{integer}.{digits}")
    # Mixed forms such as "3千" or "1.2万" are read as number × unit.
    m = _MIXED_RE.fullmatch(text)
    if m:
        value = Decimal(ascii_digits(m.group(1)).replace(",", ""))
        for ch in m.group(2):
            value *= CN_SMALL_UNITS.get(ch) or CN_BIG_UNITS[ch]
        return value
    return Decimal(parse_chinese_integer(text))


# "三四万", "二三十": two adjacent digits in increasing order inside a numeral make a range.
_ADJACENT_RE = limits.compile(
    r"""
    (?P<a>[一二三四五六七八])   # the lower digit
    (?P<b>[二三四五六七八九])   # the next digit, checked to be lower + 1 in code
    """,
    regex.VERBOSE,
)


def parse_number_range(number: str) -> tuple[Decimal, Decimal | None]:
    """Value and, for numerals with two adjacent digits (三四万, 二三十), the upper end of the range.

    >>> parse_number_range("二三十")
    (Decimal('20'), Decimal('30'))
    >>> parse_number_range("三四万")
    (Decimal('30000'), Decimal('40000'))
    >>> parse_number_range("一百二十")
    (Decimal('120'), None)
    """
    if number[0].isdigit() or not any(ch in CN_SMALL_UNITS or ch in CN_BIG_UNITS for ch in number):
        return parse_number(number), None
    for m in _ADJACENT_RE.finditer(number):
        if CN_DIGITS[m["b"]] == CN_DIGITS[m["a"]] + 1:
            low = number[: m.start()] + m["a"] + number[m.end():]
            high = number[: m.start()] + m["b"] + number[m.end():]
            return parse_number(low), parse_number(high)
    return parse_number(number), None


def trailing_big_units(number: str) -> Decimal:
    """The multiplier of the 万/亿 a Chinese numeral ends with (一百五十万 → 10000, 九千亿 → 10^8), else 1.

    A range writes its unit once, on the high end (一百二十到一百五十万元): the low end
    shares it.  Numerals with the unit inside (一万二千) end with no unit.

    >>> trailing_big_units("一百五十万"), trailing_big_units("一万二千"), trailing_big_units("150")
    (Decimal('10000'), Decimal('1'), Decimal('1'))
    """
    result = Decimal(1)
    for ch in reversed(number):
        if ch not in CN_BIG_UNITS:
            break
        result *= CN_BIG_UNITS[ch]
    return result
