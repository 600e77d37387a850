"""The issue taxonomy: level-1 framework part and level-2 topic tags of one issue statement.

The taxonomy and its reasons are in docs/taxonomy.md; the cues are data
(``models/issue_categories.tsv`` for the topic tags, ``models/issue_frameworks.tsv``
for the framework parts).  Everything here takes and returns plain strings:

>>> [(c.level, c.code) for c in categorize("违规发放津补贴，财务报销把关不严")]
[(1, 'party_discipline'), (2, 'eight_rules'), (2, 'finance')]
>>> categorize("党费收缴不规范", frames=["三、落实新时代党的组织路线方面"])[0].evidence
('组织路线',)

Rules:

* A topic tag is given when one of its cues occurs in the issue statement or in its
  heading.  When neither names a topic, the opening of the section's body (``context``,
  the 主要表现为… description) is read instead, at the same bar.
* Level 1 is the framework part named by a heading above the issue (``frames``, outermost
  first, the nearest wins), or by the statement itself when it names a whole part
  (关于落实全面从严治党战略部署方面的问题).  Otherwise it is ``rectification`` when the issue is
  an earlier finding left unrectified, else the part of the tag whose first cue comes
  earliest in the statement; in an audit report (``audit=True``) it is ``other``, as it
  is when no tag applies.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from zhenggai.models import load_table

CONTEXT_CHARS = 160  # how much of a section's body stands in for a statement that names no topic


class Category(NamedTuple):
    level: int  # 1 = framework part, 2 = topic tag
    code: str
    label: str
    evidence: tuple[str, ...]  # the words that decided it, as written


class _Tag(NamedTuple):
    code: str
    level1: str
    label: str
    pattern: object  # compiled regex
    openings: frozenset[str] | None  # the one to three characters a cue opens with (None: no bound)
    # The same cues as a limits.Twin (``re`` on a statement, the regex module on a long text),
    # behind a lookahead of their first characters where ``re`` cannot find those itself (_led).
    scan: object


# How many opening characters the tag test reads: two tell the cue words apart poorly
# (学习, 整改 open many), three well; more cost more than the searches they save.
OPENING_CHARS = 3


@lru_cache(maxsize=1)
def _tags() -> tuple[_Tag, ...]:
    from zhenggai import limits
    from zhenggai.facts.first_pairs import first_openings

    tags = []
    for code, level1, label, cues in load_table("issue_categories.tsv"):
        pattern = limits.compile(cues)
        openings = first_openings(cues, OPENING_CHARS)
        scan = limits.Twin(limits.compile(_led(cues, openings)))
        tags.append(_Tag(code, level1, label, pattern, openings, scan))
    return tuple(tags)


# Characters a class must escape to hold them as themselves (in both engines).
_CLASS_SPECIAL = frozenset("\\]^-[")


def _led(cues: str, openings: frozenset[str] | None) -> str:
    """``cues`` as the scan runs them: behind a lookahead of their first characters when ``re``
    could not find those itself.

    ``re`` jumps from one possible first character to the next only when every alternative
    opens on a literal character (or the pattern on a class); when one opens on a group
    (``(?:巡视|巡察)反馈``) or a lookbehind, it tries each alternative at every position of
    the text.  The lookahead ``(?=[…])`` of the characters every match opens with (the
    first characters of ``openings``) ends those tries at once where none stands, and
    changes no match: it reads, consumes and captures nothing.  The ones ``re`` reads well
    are left as they are (the lookahead costs them a test at each of their candidates).
    """
    if openings is None or _literal_led(cues):
        return cues
    firsts = sorted({opening[0] for opening in openings})
    return "(?=[" + "".join("\\" + ch if ch in _CLASS_SPECIAL else ch for ch in firsts) + "])(?:" + cues + ")"


def _literal_led(cues: str) -> bool:
    """Whether ``re`` finds the first characters of ``cues`` itself: the pattern opens on a
    literal or a class, or each of its alternatives opens on a literal."""
    from zhenggai.first_chars import _C, _parser

    items = list(_parser.parse(cues, 0))
    if not items:
        return False
    op, av = items[0]
    if op in (_C.LITERAL, _C.IN):
        return True
    if op is _C.BRANCH:
        return all(branch and list(branch)[0][0] is _C.LITERAL for branch in av[1])
    return False


@lru_cache(maxsize=1)
def _tag_index() -> tuple[dict[str, list], dict[str, int], int]:
    """Which tags can match a text, read from its characters before any pattern runs.

    (opening pair → [bit mask of the tags that can open with that pair, third character →
    bit mask of the tags that can open with those three], where bit ``k`` is the ``k``-th of
    :func:`_tags`; one-character opening → bit mask; the mask of the tags with no bound,
    always tried).
    """
    pairs: dict[str, list] = {}
    singles: dict[str, int] = {}
    unbounded = 0
    for k, tag in enumerate(_tags()):
        if tag.openings is None:
            unbounded |= 1 << k
            continue
        for opening in tag.openings:
            if len(opening) == 1:
                singles[opening] = singles.get(opening, 0) | 1 << k
                continue
            entry = pairs.setdefault(opening[:2], [0, {}])
            if len(opening) == 2:
                entry[0] |= 1 << k  # the pair alone (the cue ends, or any character follows)
            else:
                entry[1][opening[2]] = entry[1].get(opening[2], 0) | 1 << k
    return pairs, singles, unbounded


def _code_units(pair: str) -> int:
    """Two BMP characters as the number their two UTF-16 code units read as (see :func:`_pair_keys`).

    Encoded as :func:`_candidates` encodes a text: ``"utf-16"``, the machine's byte order after a
    two-byte byte-order mark (CPython encodes that name without a look-up in the codec registry,
    which ``"utf-16-le"`` goes through), the mark skipped.
    """
    return memoryview(pair.encode("utf-16"))[2:].cast("I")[0]


@lru_cache(maxsize=1)
def _pair_keys() -> tuple[frozenset[int], dict[int, tuple[int, tuple[tuple[str, int], ...]]], int]:
    """The opening pairs of :func:`_tag_index` and of the framework parts as numbers a text's
    code units can be met with.

    (the numbers, as one set; number → (bit mask of the tags that can open with that pair,
    (three-character opening, bit mask) for the longer openings); the bit mask always set:
    the tags with no bound or with an opening pair outside the Basic Multilingual Plane).
    A text encoded as UTF-16 and read four bytes at a time, from its first and from its
    second code unit, gives the numbers of all its adjacent character pairs without a
    Python step per character.  Bit :func:`_frame_bit` stands for the framework parts: it
    is set when an opening of one of their cues occurs (else :func:`find_frame` finds none).
    """
    from zhenggai.facts.first_pairs import first_openings

    pairs, singles, always = _tag_index()
    pairs = {pair: [bits, dict(thirds)] for pair, (bits, thirds) in pairs.items()}  # the tags' index, copied
    frame = _frame_bit()
    frame_openings = first_openings(_any_frame().pattern, OPENING_CHARS)
    if frame_openings is None or any(len(opening) < 2 for opening in frame_openings):
        always |= frame  # no bound by pairs: find_frame always searches
    else:
        for opening in frame_openings:
            entry = pairs.setdefault(opening[:2], [0, {}])
            if len(opening) == 2:
                entry[0] |= frame
            else:
                entry[1][opening[2]] = entry[1].get(opening[2], 0) | frame
    by_key: dict[int, tuple[int, tuple[tuple[str, int], ...]]] = {}
    for pair, (bits, thirds) in pairs.items():
        longer = tuple((pair + third, third_bits) for third, third_bits in thirds.items())
        if any(ch > "\uffff" or "\ud800" <= ch <= "\udfff" for ch in pair):
            always |= bits
            for _, third_bits in longer:
                always |= third_bits
            continue
        by_key[_code_units(pair)] = (bits, longer)
    return frozenset(by_key), by_key, always


@lru_cache(maxsize=1)
def _frame_bit() -> int:
    """The bit of :func:`_candidates` saying an opening of a framework part's cue occurs."""
    return 1 << len(_tags())


@lru_cache(maxsize=1)
def _lookup() -> tuple[tuple[tuple[str, int], ...], frozenset[int], dict, int]:
    """What :func:`_candidates` reads, in one call: the one-character openings of :func:`_tag_index`
    with their bit masks, and :func:`_pair_keys` (the numbers, number → bits and longer openings,
    the mask always set)."""
    _, singles, _ = _tag_index()
    return (tuple(singles.items()), *_pair_keys())


def _candidates(text: str) -> int:
    """Bit mask of the tags one of whose openings occurs in ``text`` (the others cannot match),
    with :func:`_frame_bit` set when a framework part's cue may occur.

    The text's character pairs meet the opening pairs in two C-level set intersections over
    its UTF-16 code units (the pairs that start at an even and at an odd unit); a
    three-character opening is looked for only in a text holding its pair.  A character
    beyond U+FFFF is two surrogate units, which no opening pair holds: it meets none.
    """
    singles, keys, by_key, mask = _lookup()
    # A byte-order mark (two bytes), then two bytes per code unit (see _code_units).
    units = memoryview(text.encode("utf-16", "surrogatepass"))
    n = len(units)
    found = keys.intersection(units[2 : n - (n - 2) % 4].cast("I"))  # units 0-1, 2-3 …
    found |= keys.intersection(units[4 : n - n % 4].cast("I"))  # units 1-2, 3-4 …
    for key in found:
        bits, longer = by_key[key]
        mask |= bits
        for opening, opening_bits in longer:
            if opening in text:
                mask |= opening_bits
    for ch, bits in singles:
        if ch in text:
            mask |= bits
    return mask


def _candidate_tags(text: str) -> int:
    """Bit mask of the tags one of whose openings occurs in ``text`` (see :func:`_candidates`)."""
    return _candidates(text) & (_frame_bit() - 1)


@lru_cache(maxsize=1)
def _frames() -> dict[str, tuple[str, object | None]]:
    from zhenggai import limits

    out = {}
    for row in load_table("issue_frameworks.tsv"):
        code, label = row[0], row[1]
        cues = row[2] if len(row) > 2 and row[2] else None
        out[code] = (label, limits.compile(cues) if cues else None)
    return out


@lru_cache(maxsize=1)
def _any_frame():
    """One pattern matching where any framework part's cues match: a heading it misses names none.

    Most headings name no part (29 of 782 in the gold set and the fixtures): one search
    instead of one per part.  The alternation finds a match exactly when one of its
    branches can, so a miss answers :func:`find_frame` for every part.
    """
    from zhenggai import limits

    cues = [pattern.pattern for _, pattern in _frames().values() if pattern is not None]
    return limits.compile("|".join(f"(?:{cue})" for cue in cues))


def level1_labels() -> dict[str, str]:
    """Level-1 codes → their labels, in the framework's order."""
    return {code: label for code, (label, _) in _frames().items()}


def tag_labels() -> dict[str, tuple[str, str]]:
    """Level-2 codes → (label, level-1 code), in the taxonomy's order."""
    return {t.code: (t.label, t.level1) for t in _tags()}


def find_frame(heading: str) -> tuple[str, str] | None:
    """The framework part a heading names, as (code, the words that name it), or None.

    >>> find_frame("一、落实全面从严治党战略部署方面")
    ('party_discipline', '全面从严治党战略部署')
    """
    if _any_frame().search(heading) is None:
        return None
    for code, (_, pattern) in _frames().items():
        if pattern is not None and (m := pattern.search(heading)):
            return code, m.group()
    return None


class FrameMemo(dict):
    """:func:`find_frame` remembering its answers, for the headings of one notice.

    Every issue under a heading reads that heading's frame: a notice's section tree
    searches each heading once through one memo (``memo[heading]`` is
    ``find_frame(heading)``).  Made per notice, dropped with it: not a cache across texts.

    >>> memo = FrameMemo()
    >>> memo["一、落实全面从严治党战略部署方面"], len(memo)
    (('party_discipline', '全面从严治党战略部署'), 1)
    """

    __slots__ = ()

    def __missing__(self, heading: str) -> tuple[str, str] | None:
        hit = self[heading] = find_frame(heading)
        return hit


def find_tags(text: str) -> list[tuple[int, _Tag, list[str]]]:
    """(first position, tag, matched words) for every tag with a cue in ``text``, by position."""
    return _found_tags(text, _candidates(text))


def _found_tags(text: str, candidates: int) -> list[tuple[int, _Tag, list[str]]]:
    """:func:`find_tags` given ``text``'s :func:`_candidates` (the other tags' openings are not
    in the text: they cannot match)."""
    found = []
    tags = _tags()
    candidates &= (1 << len(tags)) - 1
    while candidates:  # the set bits, lowest (earliest tag) first
        low = candidates & -candidates
        candidates ^= low
        tag = tags[low.bit_length() - 1]
        matches = list(tag.scan.finditer(text))
        if matches:
            found.append((matches[0].start(), tag, list(dict.fromkeys([m.group() for m in matches]))))
    if len(found) > 1:
        found.sort(key=_first_position)
    return found


def _first_position(item: tuple[int, _Tag, list[str]]) -> int:
    return item[0]


def categorize(
    issue: str,
    *,
    heading: str = "",
    context: str = "",
    frames: list[str] | tuple[str, ...] = (),
    audit: bool = False,
    frame_of: Callable[[str], tuple[str, str] | None] = find_frame,
) -> list[Category]:
    """The level-1 category and the level-2 tags of one issue (level 1 first, tags by position).

    ``frame_of`` answers :func:`find_frame` for the headings in ``frames`` (a caller
    categorising the issues of one notice passes a :class:`FrameMemo`'s ``__getitem__``).
    """
    statement = issue if heading in ("", issue) else f"{issue}。{heading}"
    candidates = _candidates(statement)
    found = _found_tags(statement, candidates)
    if not found and context:
        found = find_tags(context[:CONTEXT_CHARS])
    tags = [Category(2, tag.code, tag.label, tuple(words)) for _, tag, words in found]

    level1: tuple[str, tuple[str, ...]] | None = None
    for frame in reversed(list(frames)):  # the nearest heading above the issue wins
        if hit := frame_of(frame):
            level1 = (hit[0], (hit[1],))
            break
    # Without an opening of a part's cue (the frame bit), the statement names no part.
    if level1 is None and candidates & _frame_bit() and (hit := find_frame(statement)):
        level1 = (hit[0], (hit[1],))
    if level1 is None:
        if audit or not found:
            level1 = ("other", ())
        else:
            # A finding of earlier supervision left unrectified is about the rectification,
            # whatever its topic (审计指出的资产闲置问题整改不到位); else the earliest tag decides.
            _, tag, words = next((f for f in found if f[1].level1 == "rectification"), found[0])
            level1 = (tag.level1, (words[0],))
    code, evidence = level1
    return [Category(1, code, _frames()[code][0], evidence), *tags]
