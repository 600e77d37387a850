"""Traditional characters: detect them, and map to simplified without moving offsets.

Notices from Hong Kong, Macao and Taiwan sites, and some reposts, are written
in traditional characters.  The text is kept as written; extractors match on
``to_simplified(text)``, which has exactly the same length, so every offset
found there is valid in the original.

>>> to_simplified("關於巡察整改情況的通報")
'关于巡察整改情况的通报'
>>> is_traditional("關於巡察整改情況的通報"), is_traditional("关于巡察整改情况的通报")
(True, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

import regex

from zhenggai import limits

# Runs of Han characters: OpenCC converts phrase by phrase inside them, and a
# run is the unit we check for a length change.
_HAN_RUN = limits.compile(r"\p{Han}+")
_NOT_HAN = limits.compile(r"\P{Han}+  # everything but Han characters (deleted to count them)", regex.VERBOSE)

# Share of Han characters that only exist in traditional writing above which a
# text counts as traditional.  Simplified text scores 0-1 % (a few characters
# such as 乾 are converted by t2s), traditional text 15-30 %.
TRADITIONAL_SHARE = 0.05


@lru_cache(maxsize=1)
def _converter():
    import opencc  # opencc-python-reimplemented; imported on first use

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _t2s_tables() -> tuple | None:
    """OpenCC's t2s data as lookup tables, or None when its build is not the one they mirror.

    (separator pattern, phrase → its first simplified form, the phrases' opening character
    pairs, phrase lengths longest first, a ``str.translate`` table of the characters).
    """
    converter = _converter()
    converter.convert("")  # loads the dictionaries
    chain = getattr(converter, "_dict_chain_data", None)
    split_re = getattr(converter, "split_chars_re", None)
    if split_re is None or not isinstance(chain, list) or len(chain) != 1 or len(chain[0]) != 2:
        return None
    (_, phrase_min, phrase_dict), (char_max, _, char_dict) = chain[0]
    if phrase_min < 2 or char_max != 1:
        return None
    phrases = {key: value.split(" ")[0] for key, value in phrase_dict.items()}
    chars = {ord(key): value.split(" ")[0] for key, value in char_dict.items()}
    lengths = tuple(sorted({len(key) for key in phrases}, reverse=True))
    return split_re, phrases, frozenset(key[:2] for key in phrases), lengths, chars


def _t2s(text: str) -> str:
    """``OpenCC("t2s").convert(text)``, the same result by table lookups.

    OpenCC splits the text at punctuation and spaces; in each piece it replaces the
    longest phrase of its phrase table (the leftmost of that length), converts the
    text left and right of it the same way, and maps what no phrase covers character
    by character.  Here a piece's phrase search only looks where one of the phrases'
    opening pairs of characters stands, and the characters go through ``str.translate``.
    """
    tables = _t2s_tables()
    if tables is None:
        return _converter().convert(text)
    split_re, phrases, openings, lengths, chars = tables
    parts = split_re.split(text)
    for k in range(0, len(parts), 2):  # even: text between separators (odd: the separators)
        piece = parts[k]
        starts = [i for i in range(len(piece) - 1) if piece[i : i + 2] in openings]
        parts[k] = _t2s_piece(piece, starts, phrases, lengths, chars) if starts else piece.translate(chars)
    return "".join(parts)


def _t2s_piece(piece: str, starts: list[int], phrases: dict[str, str], lengths: tuple[int, ...],
               chars: dict[int, str]) -> str:
    """One piece: longest (then leftmost) phrase first, then the text on each side (no recursion)."""
    out: list[str] = []
    todo: list[tuple[int, int] | str] = [(0, len(piece))]  # spans still to convert, or finished text
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        a, b = item
        lo = bisect_left(starts, a)
        found = None
        for length in lengths:
            if length > b - a:
                continue
            for i in starts[lo : bisect_right(starts, b - length)]:
                if piece[i : i + length] in phrases:
                    found = i, length
                    break
            if found:
                break
        if found is None:
            out.append(piece[a:b].translate(chars))
            continue
        i, length = found
        todo.extend(((i + length, b), phrases[piece[i : i + length]], (a, i)))  # left part popped first
    return "".join(out)


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    out = _t2s(ch)
    return out if len(out) == 1 else ch


def _run(match: regex.Match) -> str:
    run = match.group()
    out = _t2s(run)
    if len(out) == len(run):
        return out
    # A phrase mapping changed the length: convert this run char by char.
    return "".join(_char(ch) for ch in run)


def to_simplified(text: str) -> str:
    """OpenCC t2s, guaranteed ``len(result) == len(text)`` with characters aligned.

    >>> s = to_simplified("截至目前，巡察反饋的10個方面問題")
    >>> s, len(s) == len("截至目前，巡察反饋的10個方面問題")
    ('截至目前，巡察反馈的10个方面问题', True)
    """
    if not text:
        return text
    if traditional_chars().isdisjoint(text):
        return text  # nothing to convert (simplified text, or no Han at all)
    converted = _t2s(text)
    # Fast path: every Han run kept its length and the text between runs is
    # untouched; otherwise convert run by run, char by char where needed.
    if _HAN_RUN.split(converted) == _HAN_RUN.split(text) and [len(r) for r in _HAN_RUN.findall(converted)] == [
        len(r) for r in _HAN_RUN.findall(text)
    ]:
        return converted
    return _HAN_RUN.sub(_run, text)


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    """Characters OpenCC's t2s character table maps to something else (國, 際, 發…)."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    try:
        lines = table.read_text(encoding="utf-8").splitlines()
        return frozenset(
            key for key, _, values in (line.partition("\t") for line in lines)
            if len(key) == 1 and values.split(" ")[0] != key
        )
    except OSError:  # another OpenCC build: convert the CJK block once, one char per line
        chars = [chr(cp) for cp in range(0x3400, 0xA000)]
        converted = _converter().convert("\n".join(chars)).split("\n")
        return frozenset(a for a, b in zip(chars, converted) if a != b)


def _may_hold_traditional(sample: str) -> bool:
    """``not traditional_chars().isdisjoint(sample)``, without hashing every character.

    One search of a class of the traditional-only characters below U+10000 (Python's re
    stores a class that large as a compact bitmap: a small table that stays in the CPU's
    cache between notices, where a GB2312 encoding or a set of four thousand characters
    does not); the few beyond it are looked for only in a text that has such characters.
    """
    if _traditional_bmp_re().search(sample) is not None:
        return True
    return limits.astral(sample) and not _traditional_astral().isdisjoint(sample)


@lru_cache(maxsize=1)
def _traditional_bmp_re() -> re.Pattern:
    """The traditional-only characters below U+10000 as one class (no repetition: limits.plain; built on first use)."""
    chars = sorted(ch for ch in traditional_chars() if ch <= "\uffff")
    return limits.plain("[" + "".join(re.escape(ch) for ch in chars) + "]")


def plainly_simplified(text: str, *, surrogates: bool = False) -> bool:
    """True when ``text`` surely holds no traditional-only character and none of the characters
    ``normalize`` finds by its class scan (:data:`zhenggai.normalize.RARE_SPECIAL`): then
    ``is_traditional(text)`` is False and ``normalize(text, rare=False)`` is ``normalize(text)``.
    With ``surrogates``, the class holds the lone surrogates (U+D800..U+DFFF) too: True then also
    says that UTF-8 can encode ``text`` (``assemble.replace_surrogates`` has nothing to replace).

    One class search of both sets instead of two scans of the same text (the assembly's script
    detection, then normalisation; and with ``surrogates``, the assembly's UTF-8 test before them).
    False says nothing: the caller asks :func:`is_traditional`.

    >>> plainly_simplified("整改，完成"), plainly_simplified("國際"), plainly_simplified("共１２项")
    (True, False, False)
    >>> plainly_simplified("整改\ud800"), plainly_simplified("整改\ud800", surrogates=True)
    (True, False)
    """
    if len(text) > 50_000 or _traditional_or_rare_re(surrogates).search(text) is not None:
        return False
    return not (limits.astral(text) and not _traditional_astral().isdisjoint(text))


@lru_cache(maxsize=2)
def _traditional_or_rare_re(surrogates: bool = False) -> re.Pattern:
    """The class of :func:`_traditional_bmp_re` and the characters of ``normalize.RARE_SPECIAL`` (built on first use),
    with ``surrogates`` the range of lone surrogates too."""
    from zhenggai.normalize import RARE_SPECIAL

    chars = sorted({ch for ch in traditional_chars() if ch <= "\uffff"} | RARE_SPECIAL)
    lone = "\ud800-\udfff" if surrogates else ""  # (as code points: a str may hold them, UTF-8 cannot)
    return limits.plain("[" + "".join(re.escape(ch) for ch in chars) + lone + "]")


@lru_cache(maxsize=1)
def _traditional_astral() -> frozenset[str]:
    """The traditional-only characters beyond U+FFFF (CJK extension B and after)."""
    return frozenset(ch for ch in traditional_chars() if ch > "\uffff")


def _counts(sample: str) -> tuple[int, int]:
    """(traditional-only characters, Han characters) in ``sample``.

    Counted by C-level passes (a class search, one regex substitution), not character
    by character in Python: this runs on every notice.
    """
    if not _may_hold_traditional(sample):
        return 0, 0  # the common case, simplified text: no need to count the Han characters
    trad = len(_traditional_bmp_re().findall(sample))
    if limits.astral(sample):
        astral = _traditional_astral()
        trad += sum(1 for ch in sample if ch in astral)
    han = len(_NOT_HAN.sub("", sample))
    return trad, han


def traditional_share(text: str) -> float:
    """Share of Han characters that only traditional writing uses.

    >>> traditional_share("國際") == 1.0
    True
    """
    trad, han = _counts(text[:50_000])
    if not han:
        return 0.0
    return trad / han


def is_traditional(text: str) -> bool:
    """True when traditional-only characters make up a real share of the Han text.

    >>> is_traditional("乾坤")  # a single convertible character is not enough
    False
    """
    trad, han = _counts(text[:50_000])
    if not han or trad / han < TRADITIONAL_SHARE:
        return False
    return trad / han * han >= 3
