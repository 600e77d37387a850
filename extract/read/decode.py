"""Bytes → str for Chinese pages: BOM, declared charset, detection, mojibake check.

Order: a byte-order mark wins; then strict UTF-8 (a page that declares gb2312
but was re-saved as UTF-8 is common, and GBK text is practically never valid
UTF-8); then the charset the page declares (``<meta charset>``, HTTP-equiv,
XML declaration); then charset-normalizer restricted to the encodings Chinese
sites use.  GB2312 and GBK are always decoded as GB18030, their superset.

>>> decode_bytes("关于巡察整改情况的通报".encode("gbk"), "a.html")
('关于巡察整改情况的通报', 'gb18030')
>>> decode_bytes('<meta charset="gb2312">通报'.encode("utf-8"), "b.html")[1]
'utf-8'
"""

from __future__ import annotations

import codecs
from collections import Counter
from functools import lru_cache

import regex

from zhenggai import limits
from zhenggai.errors import InputError
from zhenggai.read.sniff import looks_utf16

# charset=... in <meta charset>, <meta http-equiv content="text/html; charset=...">
# or <?xml encoding="..."?>, searched in the first bytes only.
_DECLARED = limits.compile(
    rb"""
    (?: <meta [^>]{0,200}? charset \s* = \s* ["']? \s*   # both meta forms end in charset=
      | <\?xml [^>]{0,100}? encoding \s* = \s* ["'] )      # XML declaration
    ( [A-Za-z0-9_.:-]{2,40} )                              # the label itself
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Labels pages declare → the codec we decode with (GB18030 covers GB2312/GBK,
# Big5-HKSCS covers Big5; we still report plain "big5").
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "gb_2312-80": "gb18030", "gb18030": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030",
    "big5": "big5", "big5-hkscs": "big5", "cp950": "big5", "x-x-big5": "big5",
    "utf-8": "utf-8", "utf8": "utf-8", "unicode": "utf-16", "utf-16": "utf-16",
    "utf-16le": "utf-16-le", "utf-16be": "utf-16-be", "iso-8859-1": "latin-1",
    "us-ascii": "utf-8", "ascii": "utf-8",
}
# Python codec actually used for each reported name.
_CODEC = {"big5": "big5hkscs"}
_CANDIDATES = ["utf_8", "gb18030", "big5", "utf_16"]

# UTF-8 Chinese decoded as GBK ("发布" → "鍙戝竷", "。" → "銆"): every UTF-8 lead
# byte E4-E9 pairs with a continuation byte 80-BF into one GBK character.  Those
# GBK codes are rare level-2/extension characters, so in real text they are
# well under 1 % of the Han characters; in such mojibake about half.
_MOJIBAKE_SHARE = 0.25
# UTF-8 decoded as Latin-1/cp1252: "å" "æ" "ç" "è" "é" followed by C1/Latin-1 bytes.
_LATIN_MOJIBAKE = limits.compile(r"[\u00e4-\u00e9\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u02c6\u2013-\u203a\u20ac\u2122]")
_HAN = limits.compile(r"\p{Han}")


def declared_charset(data: bytes) -> str | None:
    """The codec a page declares in its first 4 KB, normalised ('gb2312' → 'gb18030').

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb18030'
    """
    match = _DECLARED.search(data[:4096])
    return charset_codec(match.group(1).decode("ascii", "ignore")) if match else None


@lru_cache(maxsize=1)
def _utf8_leads_as_gbk() -> frozenset[str]:
    """The characters GBK gives for a UTF-8 lead byte of a CJK character (E4–E9) and the
    continuation byte after it (80–BF): what UTF-8 Chinese read as GBK is full of.

    Built once from the 6 × 64 byte pairs, so the test per character is a set lookup.
    """
    chars = set()
    for lead in range(0xE4, 0xEA):
        for trail in range(0x80, 0xC0):
            try:
                chars.add(bytes((lead, trail)).decode("gb18030"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _utf8_lead_as_gbk(ch: str) -> bool:
    return ch in _utf8_leads_as_gbk()


def mojibake_reason(text: str) -> str | None:
    """Why ``text`` looks mis-decoded, or None.

    >>> mojibake_reason("鍙戝竷鏃堕棿锛2023骞") is not None
    True
    >>> mojibake_reason("发布时间:2023年6月2日") is None
    True
    """
    if not text:
        return None
    replacement = text.count("\ufffd")
    if replacement > 20 or replacement > 3 and replacement / len(text) > 0.005:
        return f"{replacement} replacement characters"
    han = _HAN.findall(text[:20000])
    if len(han) >= 8:
        counts = Counter(han)
        suspects = _utf8_leads_as_gbk()
        odd = sum(n for ch, n in counts.items() if ch in suspects)
        if odd / len(han) > _MOJIBAKE_SHARE:
            return "looks like UTF-8 read as GBK"
    latin = len(_LATIN_MOJIBAKE.findall(text[:20000]))
    if latin >= 5 and latin * 3 > len(han):
        return "looks like UTF-8 read as Latin-1"
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(_CODEC.get(codec, codec))
    except (UnicodeDecodeError, LookupError):
        return None


# UTF-8 with a few broken bytes (a truncated copy, one bad sector): at most one
# bad character per this many good non-ASCII ones.  GBK or Big5 read as UTF-8
# breaks at most of its characters, so it never passes.
_UTF8_GOOD_PER_BAD = 10
_DAMAGED_UTF8 = "utf-8 (damaged)"  # internal: _decode's answer for _nearly_utf8 text


def _nearly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with its few invalid bytes replaced (U+FFFD), or None when more is broken.

    >>> _nearly_utf8("根据统一部署,现将整改情况予以公布".encode() + b"\\xff" + "。完成整改".encode())[-7:]
    '布\ufffd。完成整改'
    >>> _nearly_utf8("根据市委统一部署".encode("gbk")) is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # U+FFFD written in the file is no damage
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - bad
    return text if bad > 0 and bad * _UTF8_GOOD_PER_BAD <= good else None


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer among UTF-8, GB18030, Big5, UTF-16 (imported lazily)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    codec = {"utf_8": "utf-8", "gb18030": "gb18030", "big5": "big5", "utf_16": "utf-16"}.get(best.encoding)
    if codec is None:
        return None
    text = _strict(data, codec)
    return (text, codec) if text is not None else None


# Byte-order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


def _single_byte(codec: str) -> bool:
    """Whether ``codec`` reads one byte as one character (latin-1, cp1251, koi8-r …): it decodes anything."""
    try:
        return codec != "utf-8" and len(bytes(range(0x80, 0x100)).decode(codec, errors="replace")) == 0x80
    except LookupError:
        return False


def _chinese_despite(data: bytes, declared: str) -> tuple[str, str] | None:
    """A page declaring a single-byte charset whose bytes are GB18030 Chinese: the site lied.

    Every byte string decodes in a single-byte charset, so its declaration proves nothing; when the
    bytes also decode as GB18030 and most of what is not ASCII is then Han, they are Chinese.
    """
    if not _single_byte(declared):
        return None
    text = _strict(data, "gb18030")
    if text is None:
        return None
    probe = text[:20000]
    non_ascii = len(probe) - len(probe.encode("ascii", "ignore"))
    return (text, "gb18030") if non_ascii and len(_HAN.findall(probe)) >= 0.6 * non_ascii else None


def _decode(data: bytes, hint: str | None = None) -> tuple[str, str] | None:
    for bom, codec, reported in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec)
            if text is not None:
                return text, reported
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _nearly_utf8(data)
    if text is not None:
        return text, _DAMAGED_UTF8
    utf16 = looks_utf16(data)
    if utf16 and (text := _strict(data, utf16)) is not None:
        return text, "utf-16"
    declared = declared_charset(data) or charset_codec(hint)
    if declared and declared != "utf-8" and (chinese := _chinese_despite(data, declared)):
        return chinese
    if declared and declared != "utf-8" and (text := _strict(data, declared)) is not None:
        return text, declared
    # GB18030 accepts almost any byte pair, Big5 far fewer: when exactly one
    # of them decodes strictly there is nothing for the (slow) detector to do.
    gb, big5 = _strict(data, "gb18030"), _strict(data, "big5")
    if gb is not None and big5 is None:
        return gb, "gb18030"
    if big5 is not None and gb is None:
        return big5, "big5"
    detected = _detect(data)
    if detected:
        return detected
    for codec in ("gb18030", "big5"):
        if (text := _strict(data, codec)) is not None:
            return text, codec
    # A few stray bytes (a truncated download) in an otherwise GB page.
    return data.decode("gb18030", errors="replace"), "gb18030"


def charset_codec(label: str | None) -> str | None:
    """The codec for a charset label (an HTTP header's), normalised as :func:`declared_charset` does.

    >>> charset_codec("GB2312"), charset_codec("no-such-charset")
    ('gb18030', None)
    """
    if not label:
        return None
    label = label.lower().strip().strip("\"'").strip(".:-")
    if label in _ALIASES:
        return _ALIASES[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, name: str = "-", hint: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)`` or raise InputError naming ``name``.

    ``hint``: a charset from outside the bytes (an HTTP Content-Type header), used where the
    page's own declaration would be: after a BOM and strict UTF-8, when the page declares none.
    """
    decoded = _decode(data, hint)
    if decoded is None:
        raise InputError(name, "undecodable text (no known encoding fits)")
    text, encoding = decoded
    if encoding == _DAMAGED_UTF8:
        # Its U+FFFD mark the few broken bytes, already counted: no evidence of mojibake.
        encoding, probe = "utf-8", text.replace("\ufffd", "")
    else:
        probe = text
    reason = mojibake_reason(probe)
    if reason:
        raise InputError(name, f"undecodable text ({reason})")
    return text, encoding
