"""The one step that builds Pydantic records from what the extractors found.

Extractors work on the normalised (and, for traditional characters, simplified)
text; here every span is mapped back so that offsets index the text the record
carries, each mention learns its section path, and consistency problems become
flags instead of crashes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left
from decimal import Decimal
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import ModuleType
from typing import Any, NamedTuple

import regex
from pydantic import ValidationError

import zhenggai
from zhenggai.errors import InputError
# (Loaded with facts.categories anyway; their functions are read from the modules at each call,
# as the import statements in _build read them before: a wrapper set on a module is the one called.)
import zhenggai.facts as facts_pkg
import zhenggai.facts.doctype as doctype
from zhenggai.facts.categories import CONTEXT_CHARS, FrameMemo, categorize
from zhenggai.limits import BATCH_CALLS, Limits, bounded, check, current, too_many_chars
from zhenggai.mentions import find_mentions
from zhenggai.mentions.base import Found
from zhenggai.normalize import Normalized, normalize
from zhenggai.schemas import (
    MENTION_MODELS,
    Contact,
    Flag,
    Inspection,
    MoneyTotal,
    Notice,
    Section,
    Source,
    Totals,
)
from zhenggai.schemas.assembled import validated_notice


# Lone surrogates: a str may hold them, UTF-8 (and so JSON output) cannot.
_SURROGATE = zhenggai.limits.compile(
    "[\ud800-\udfff]  # a surrogate code unit standing alone in a str", regex.VERBOSE
)


@dataclass
class SourceInfo:
    """What the reader knows about where a text came from (all optional)."""

    path: str | None = None
    url: str | None = None
    format: str = "txt"
    encoding: str | None = None
    site: str | None = None
    published_at: dt.datetime | dt.date | None = None
    title: str | None = None
    editor: str | None = None
    script: str | None = None  # "simplified" | "traditional"; None: detect
    fetched_at: dt.datetime | dt.date | None = None  # a crawl record's fetch time
    urls: list[str] | None = None  # every page of a joined paginated article
    extra_flags: list[tuple[str, str]] = field(default_factory=list)


def notice_id(normalized_text: str) -> str:
    """Stable id from the normalised text, blind to whitespace and layout.

    >>> notice_id("关于 整改 情况") == notice_id("关于整改情况")
    True
    """
    compact = "".join(normalized_text.split())
    return hashlib.sha256(compact.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Late(NamedTuple):
    """The modules imported on the first notice rather than with this module (see :func:`_late`)."""

    outline: ModuleType  # zhenggai.outline
    script: ModuleType  # zhenggai.read.script
    meta: ModuleType  # zhenggai.read.meta


@lru_cache(maxsize=1)
def _late() -> _Late:
    """The outline parser's and the readers' modules, imported on first use and then held.

    Importing them with this module would load ``zhenggai.outline``'s patterns and ``zhenggai.read``
    (lxml): tens of milliseconds for a caller that extracts nothing.  An import statement in the
    function instead costs about a microsecond per call (five per notice).  Their functions are
    read from the modules at each call, as the import statements read them (a wrapper set on a
    module, by a test or ``bench/functions.py``, is the one called).
    """
    import zhenggai.outline
    import zhenggai.read.meta
    import zhenggai.read.script

    return _Late(zhenggai.outline, zhenggai.read.script, zhenggai.read.meta)


def _as_datetime(value: dt.datetime | dt.date | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def _as_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def as_published(value: dt.datetime | dt.date | str | None) -> dt.datetime | dt.date | None:
    """A publication date given as a date, a date-time or an ISO string ("2023-07-12", "2023-07-12T10:05").

    >>> as_published("2023-07-12"), as_published("2023-07-12 10:05:00")
    (datetime.date(2023, 7, 12), datetime.datetime(2023, 7, 12, 10, 5))
    """
    if value is None or isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) <= 10:
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text)
        except ValueError:
            raise InputError("published_at",
                             f"{value!r} is not an ISO date or date-time (write 2023-07-12)") from None
    raise InputError("published_at",
                     f"expected a date, a datetime or an ISO string, not {type(value).__name__}")


def reference_date(published_at: dt.datetime | dt.date | None, signed_at: dt.date | None,
                   url: str | None) -> dt.date | None:
    """The date relative dates count from: publication, else signature, else the page URL's date.

    >>> reference_date(None, None, "http://a.gov.cn/art/2023/6/2/art_1_2.html")
    datetime.date(2023, 6, 2)
    >>> reference_date(None, None, "http://a.gov.cn/news/2023/08/abc.html")  # a month folder: its first day
    datetime.date(2023, 8, 1)
    """
    return _as_date(published_at) or signed_at or _late().meta.date_from_url(url, month=True)


def build_notice(text: str, info: SourceInfo | None = None, *, limits: Limits | None = None) -> Notice:
    """Extract everything from ``text`` and return a validated :class:`Notice`.

    Bounded by ``limits`` (default: :func:`zhenggai.limits.current`): a text over
    ``max_chars`` raises InputError, an extraction over ``seconds`` raises
    :class:`~zhenggai.errors.ExtractionTimeout`; both name the input.

    >>> build_notice("2023年6月追回资金12.5万元。").mentions[1].value   # doctest: +SKIP
    Decimal('125000')
    """
    info = info or SourceInfo()
    if isinstance(info.published_at, str):
        info = replace(info, published_at=as_published(info.published_at))
    limits = limits or current()
    name = info.path or info.url or "<text>"
    if message := too_many_chars(len(text), limits):
        raise InputError(name, message)
    # With the script to detect, one class scan says at once that the text is plainly simplified
    # (read.script.plainly_simplified) and holds no lone surrogate: then nothing is to be replaced.
    plain = None
    if info.script is None:
        plain = _late().script.plainly_simplified(text, surrogates=True)
    if not plain:
        text, replaced = replace_surrogates(text)
        if replaced:
            plain = None  # (the surrogates may be what the scan found: _build scans the new text)
            info = replace(info, extra_flags=[*info.extra_flags, (
                "invalid_characters",
                f"{replaced} lone surrogate code point(s) replaced by U+FFFD (not valid Unicode)",
            )])
    with bounded(name, limits.seconds):
        return _build(text, info, plain)


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with lone surrogates (which no UTF-8 output can hold) → U+FFFD, one for one.

    They come from ``surrogateescape`` decoding and from ``"\\ud800"`` escapes in
    crawl JSON.  Offsets are unchanged; the count says how many were replaced.

    >>> replace_surrogates("整改" + chr(0xD800) + "完成")
    ('整改\ufffd完成', 1)
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", text)
    return text, 0


def _build(text: str, info: SourceInfo, plain: bool | None = None) -> Notice:
    """The record of ``text``; ``plain`` is ``plainly_simplified(text)`` when the caller knows it (else None)."""
    late = _late()
    script = info.script
    work = text
    rare = True  # whether normalize must look for its rare characters (below)
    if script is None:
        if plain is None:
            plain = late.script.plainly_simplified(text)
        if plain:  # one scan says both: simplified, and none of normalize's rare characters
            script, rare = "simplified", False
        else:
            script = "traditional" if late.script.is_traditional(text) else "simplified"
    if script == "traditional":
        work = late.script.to_simplified(text)  # same length: offsets still index `text`
    norm = normalize(work, rare=rare)

    meta = facts_pkg.find_source_meta(norm.text)
    published_at = info.published_at or meta.published_at
    published_from = None
    if (published_at is None and meta.signed_at is None and info.fetched_at is not None
            and reference_date(None, None, info.url) is None):
        # Nothing better than the crawler's fetch time: a late bound, said in the record.
        published_at, published_from = info.fetched_at, "fetch_time"
    # Without a publication date, the signature date (else the URL's date) anchors 今年 and the
    # never-after-publication rule.
    published = reference_date(published_at, meta.signed_at, info.url)
    found = find_mentions(norm.text, published=published)
    inexact = inexact_mentions(found)
    if inexact:
        found = [f for f in found if f not in inexact]
    outline = late.outline.parse_outline(norm.text)
    facts = facts_pkg.extract_facts(norm.text, found, outline, published=published, meta=meta)
    flag_pairs = list(info.extra_flags) + list(facts_pkg.check_flags(norm.text, found, outline, facts, published=published))

    inexact_flags = [
        {"code": "invalid_mention", "message": f"{f.kind} {f.text!r} at {norm.to_original(f.start)}: "
         "more than 15 significant digits, not a figure (and not exact in JSON)"}
        for f in inexact
    ]
    paths = section_paths(outline, [f.start for f in found], shared=True)  # (read only: validation copies them)
    # The record fields of each mention with a record model; modelled: every kind has one (nearly always).
    mention_fields, modelled = mention_rows(found, paths, norm.index_map, text)

    title = facts.title or info.title
    kind = doctype.classify_doctype(_simplified(title, script), doctype.opening_of(norm.text),
                                   doctype.outline_summary(outline))
    record = {
        "id": notice_id(norm.text),
        "extractor_version": zhenggai.__version__,
        "title": title,
        "issuer": facts.issuer,
        "doc_type": kind.doc_type,
        "doc_type_evidence": kind.evidence,
        "text": text,
    }
    # The parts of the record as plain fields; validated once, inside the notice, below.
    parts = {
        "source": dict(
            path=info.path,
            url=info.url,
            format=info.format,
            encoding=info.encoding,
            site=_simplified(info.site, script) or meta.site,
            published_at=published_at,
            editor=info.editor or meta.editor,
            script=script,
            fetched_at=_as_datetime(info.fetched_at),
            published_from=published_from,
            urls=info.urls,
        ),
        "inspection": _known(Inspection, facts.inspection),
        "totals": _totals_fields(facts.totals, norm, text),
        "contact": _known(Contact, facts.contact),
    }
    pair_flags = [{"code": code, "message": message} for code, message in flag_pairs]
    try:
        # Everything validated in one call: the same validators as one model at a time,
        # without a Python call (and a throw-away object) per record.  Valid facts keep
        # their values and make no flag, so the record is the one the checked path builds.
        section_fields = _SectionFields(norm, text, work, parts["inspection"].get("kind") == "审计")
        return validated_notice(  # = Notice(...), its Python checks made in one walk (schemas.assembled)
            **record,
            **parts,
            sections=[section_fields.of(node, (), True) for node in outline],
            mentions=mention_fields,
            flags=inexact_flags + pair_flags,
        )
    except ValidationError:
        pass  # a value the schema refuses: the checked path below turns it into a flag

    # Fact by fact: a refused value is dropped and flagged (invalid_fact), in this order.
    flags = [Flag(**flag) for flag in inexact_flags]
    totals = _valid_totals(parts["totals"], flags)
    source = Source(**parts["source"])
    record.update(
        source=source,
        inspection=valid_fact(Inspection, parts["inspection"], "inspection", flags),
        totals=totals,
        contact=valid_fact(Contact, parts["contact"], "contact", flags),
    )
    pair_flag_models = [Flag(**flag) for flag in pair_flags]
    # Each mention with its record fields (and so its original start), as the checked path reports them.
    value_fields = _mention_value_fields()
    rows = list(zip(found if modelled else [f for f in found if f.kind in value_fields], mention_fields))
    audit = record["inspection"].kind == "审计"
    try:
        return Notice(
            **record,
            sections=[_section_data(node, norm, text, work, audit=audit) for node in outline],
            mentions=mention_fields,
            flags=flags + pair_flag_models,
        )
    except ValidationError:
        pass  # a mention the schema refuses: one at a time below, so it becomes a flag

    mentions = []
    for f, fields in rows:
        start = fields["start"]
        model = MENTION_MODELS[f.kind]
        try:
            mentions.append(model(**{k: v for k, v in fields.items() if k != "kind"}))
        except ValidationError as exc:
            flags.append(Flag(code="invalid_mention", message=f"{f.kind} {f.text!r} at {start}: {_first_error(exc)}"))
    sections = [_section(node, norm, text, work, audit=audit) for node in outline]
    return Notice(**record, sections=sections, mentions=mentions, flags=flags + pair_flag_models)


def mention_rows(found: list[Found], paths: list[list[int]], index_map: tuple[int, ...] | None,
                 text: str) -> tuple[list[dict[str, Any]], bool]:
    """The record fields of each mention whose kind has a record model, and whether every kind has one.

    A mention's fields are its ``values`` that its model has (all of them, nearly always), its kind,
    its span mapped back through ``index_map`` (``Normalized.index_map``: None when normalisation
    dropped nothing) as :meth:`Normalized.span_to_original` maps it, the text there, and its path
    in ``paths``.  The deadline is checked before the first mention and then once per
    :data:`limits.BATCH_CALLS` (each mention's work is bounded): a notice with 100k mentions
    spends seconds here, between regex calls.
    """
    rows: list[dict[str, Any]] = []
    append = rows.append
    value_fields = _mention_value_fields()
    modelled = True
    batch = 0
    for f, path in zip(found, paths):
        batch -= 1
        if batch < 0:
            check()
            batch = BATCH_CALLS - 1
        kind = f.kind
        keys = value_fields.get(kind)
        if keys is None:
            modelled = False
            continue  # a kind with no record model
        start = f.start
        end = f.end
        if index_map is not None:  # (span_to_original without a call per mention)
            start, end = index_map[start], index_map[end - 1] + 1 if end > start else index_map[start]
        values = f.values
        # Only the fields the kind's model has (all of them, nearly always: one C-level copy).
        fields = dict(values) if keys.issuperset(values) else {k: v for k, v in values.items() if k in keys}
        fields["kind"] = kind
        fields["text"] = text[start:end]
        fields["start"] = start
        fields["end"] = end
        fields["section"] = path
        append(fields)
    return rows, modelled


def section_paths(roots: list[Any], offsets: list[int], *, shared: bool = False) -> list[list[int]]:
    """For each offset, the ordinals of the nested sections containing it.

    One sweep over the pre-order nodes and the sorted offsets, so a notice with
    thousands of sections and mentions stays linear (``outline.section_path``
    answers one offset at a time).  The sweep stops only where its state can
    change (a node's start, the innermost open node's end): the offsets before
    the next such point share the path, found by one bisection.  Each offset gets
    its own list (an offset repeated out of order, the same one), or with ``shared``
    the same list as the other offsets of its section (for a caller that only reads
    them: the record's validation copies every list it is given).
    """
    nodes: list[tuple[int, int, list[int]]] = []  # pre-order: start, end, path
    _preorder(roots, [], nodes)
    # Offsets in order (the mentions come sorted) are swept as they are; else once each, sorted.
    keys = offsets if offsets == sorted(offsets) else sorted(set(offsets))
    paths: list[list[int]] = []
    stack: list[tuple[int, int, list[int]]] = []
    j, count = 0, len(nodes)
    i, n = 0, len(keys)
    while i < n:
        off = keys[i]
        while j < count and nodes[j][0] <= off:
            start = nodes[j][0]
            while stack and stack[-1][1] <= start:
                stack.pop()
            stack.append(nodes[j])
            j += 1
        while stack and stack[-1][1] <= off:
            stack.pop()
        # Until the next node's start or the innermost node's end, no push and no pop: the same path.
        if stack:
            top = stack[-1]
            path = top[2]
            limit = top[1] if j == count or top[1] < nodes[j][0] else nodes[j][0]
        else:
            path = []
            limit = nodes[j][0] if j < count else None
        k = n if limit is None else bisect_left(keys, limit, i + 1)
        if shared:
            paths += [path] * (k - i)
        else:
            paths += [path[:] for _ in range(k - i)]
        i = k
    if keys is offsets:
        return paths
    result = dict(zip(keys, paths))
    return [result[off] for off in offsets]


def _preorder(level: list[Any], parent: list[int], nodes: list[tuple[int, int, list[int]]]) -> None:
    """Append ``(start, end, path)`` of every node under ``level`` to ``nodes``, in pre-order.

    A module-level function, as deep as the outline (its marker levels): a recursive closure
    would be a reference cycle (the function, its cell, the list it fills) left to the garbage
    collector after every notice, and the collector's passes over what it leaves cost more than
    the walk itself.
    """
    for node in level:
        path = [*parent, node.ordinal]
        nodes.append((node.start, node.end, path))
        if node.children:
            _preorder(node.children, path, nodes)


@lru_cache(maxsize=None)
def _field_names(model: type) -> frozenset[str]:
    # model_fields is a (slow) class property in recent pydantic: read it once per model.
    return frozenset(model.model_fields)


@lru_cache(maxsize=None)
def _value_fields(model: type) -> frozenset[str]:
    """Fields a mention's ``values`` may fill (``kind`` and ``text`` come from the span)."""
    return _field_names(model) - {"kind", "text"}


@lru_cache(maxsize=1)
def _mention_value_fields() -> dict[str, frozenset[str]]:
    """Mention kind → the fields its ``values`` may fill (:func:`_value_fields` of its model)."""
    return {kind: _value_fields(model) for kind, model in MENTION_MODELS.items()}


def inexact_mentions(found: list[Found]) -> list[Found]:
    """The mentions whose ``value`` or ``value_max`` is no :func:`json_exact` figure (usually none).

    Each of the two values (when present) is :func:`json_exact`; in one loop, and without the Decimal
    arithmetic for the commonest figure: a Decimal whose ``str`` is at most 15 ASCII digits.
    ``str`` of a Decimal shows a point for a fraction, ``E`` for a positive exponent (or a tiny
    value), a sign, or a word (NaN, Infinity); digits alone are a whole number written with its
    coefficient, and at most 15 of them are fewer than ``MAX_FIGURE_DIGITS`` + 1: exact.
    """
    out = []
    for f in found:
        values = f.values
        # (``in`` and a subscript rather than two ``get`` calls: a date mention holds neither key.)
        if "value" in values and (value := values["value"]) is not None and not (
                value.__class__ is Decimal and len(shown := str(value)) <= MAX_FIGURE_DIGITS
                and shown.isdigit()) and not json_exact(value):
            out.append(f)
        elif "value_max" in values and (value := values["value_max"]) is not None and not json_exact(value):
            out.append(f)
    return out


def _known(model: type, values: dict[str, Any] | None) -> dict[str, Any]:
    names = _field_names(model)
    return {k: v for k, v in (values or {}).items() if k in names and v is not None}


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"


def _simplified(value: str | None, script: str) -> str | None:
    """Reader metadata of a traditional notice in simplified characters, like the facts."""
    if value and script == "traditional":
        from zhenggai.read.script import to_simplified

        return to_simplified(value)
    return value


def _section(
    node: Any, norm: Normalized, text: str, work: str | None = None,
    frames: tuple[str, ...] = (), audit: bool = False,
) -> Section:
    """OutlineNode tree → Section tree (depth is bounded by the marker levels).

    ``heading`` and ``issue`` are read from ``work`` (the simplified text of a
    traditional notice, same length as ``text``) so they match title and issuer;
    offsets and ``marker`` still index ``text``.
    """
    data = _section_data(node, norm, text, work, children=False, frames=frames, audit=audit)
    inner = (*frames, data["heading"])
    return Section(**data, children=[_section(child, norm, text, work, inner, audit) for child in node.children])


def _section_data(
    node: Any, norm: Normalized, text: str, work: str | None = None, children: bool = True,
    frames: tuple[str, ...] = (), audit: bool = False,
) -> dict[str, Any]:
    """The fields of the Section for ``node`` (see :func:`_section`), children as dicts too."""
    return _SectionFields(norm, text, text if work is None else work, audit).of(node, frames, children)


class _SectionFields:
    """What turns outline nodes into Section fields, fixed for one notice (see :func:`_section`)."""

    __slots__ = ("norm_text", "text", "size", "work", "audit", "index_map", "frame_of")

    def __init__(self, norm: Normalized, text: str, work: str, audit: bool) -> None:
        self.norm_text = norm.text
        self.text = text
        self.size = len(text)
        self.work = work
        self.audit = audit
        # Offsets map back only when normalisation dropped characters (None: they are the original ones);
        # read from the map as Normalized.span_to_original reads them, without a call per offset.
        self.index_map = norm.index_map
        # Each heading's framework part, searched once for all the issues under it.
        self.frame_of = FrameMemo().__getitem__

    def of(self, node: Any, frames: tuple[str, ...], children: bool) -> dict[str, Any]:
        """The fields of ``node``'s Section; with ``children``, its children's as dicts, recursively."""
        index_map = self.index_map
        role = node.role
        heading = node.heading
        issue = node.issue
        marker = node.marker
        start = node.start
        end = node.end
        if role == "issue":
            i_s = getattr(node, "issue_start", None)
            if i_s is not None and node.issue_end > i_s:
                i_e = node.issue_end
                if index_map is not None:
                    i_s, i_e = index_map[i_s], index_map[i_e - 1] + 1
                issue = self.work[i_s:i_e]
        h_s = node.heading_start
        h_e = node.heading_end
        if index_map is None:
            if h_e is not None and h_e > h_s:
                heading = self.work[h_s:h_e]
            ms = start
        else:
            if h_e is not None and h_e > h_s:
                heading = self.work[index_map[h_s] : index_map[h_e - 1] + 1]
            ms = index_map[start] if marker else 0
            start, end = index_map[start], index_map[end - 1] + 1 if end > start else index_map[start]
        if marker and ms + len(marker) <= self.size:
            marker = self.text[ms : ms + len(marker)]
        data = {
            "level": node.level,
            "marker": marker,
            "ordinal": node.ordinal,
            "heading": heading,
            "start": start,
            "end": end if end > start else start + 1,
            "role": role,
            "issue": issue,
            "items": node.items,  # (not copied: validation makes the record's own list)
        }
        if role == "issue":
            body_start = node.body_start
            reach = body_start + CONTEXT_CHARS
            context = self.norm_text[body_start : node.end if node.end < reach else reach]  # (= min(): no builtin call)
            data["categories"] = [
                {"level": c.level, "code": c.code, "label": c.label, "evidence": c.evidence}  # (= c._asdict())
                for c in categorize(issue or heading, heading=heading, context=context, frames=frames,
                                    audit=self.audit, frame_of=self.frame_of)
            ]
        if children:
            if node.children:
                inner = (*frames, heading)
                data["children"] = [self.of(child, inner, True) for child in node.children]
            else:
                data["children"] = []
        return data


def json_exact(value: Any) -> bool:
    """Whether a value is a figure that survives the JSON output and the dataset unchanged.

    Amounts are written as JSON numbers (an integral Decimal as an integer, any other through a
    float) and stored as doubles in the dataset: exact up to 15 significant digits. An integer of
    more than 15 digits is no figure either (一亿 × 50,000 read as 10^400000 would be written as
    400,001 digits, and stored as ``inf``).

    >>> json_exact(Decimal("1119500")), json_exact(Decimal("98.71")), json_exact(Decimal("9999999999999999.5"))
    (True, True, False)
    >>> json_exact(Decimal("1E+32")), json_exact(Decimal("123456789012345"))
    (False, True)
    """
    if not isinstance(value, Decimal):
        return True
    if not value.is_finite():
        return False
    if value and value.adjusted() >= MAX_FIGURE_DIGITS:
        return False
    return value == value.to_integral_value() or len(value.normalize().as_tuple().digits) <= MAX_FIGURE_DIGITS


# Digits a figure may have (before the point, and significant): what a double holds exactly.
MAX_FIGURE_DIGITS = 15


def _totals_fields(values: dict[str, Any] | None, norm: Normalized, text: str) -> dict[str, Any]:
    """The Totals fields: figures exact in JSON only, each money total with its span in ``text``."""
    values = {k: v for k, v in (values or {}).items() if json_exact(v)}
    money = []
    for item in values.pop("money", None) or []:
        if not json_exact(item["value"]):
            continue
        start, end = norm.span_to_original(item["start"], item["end"])
        money.append(dict(category=item["category"], value=item["value"], text=text[start:end], start=start, end=end))
    return {"money": money, **_known(Totals, values)}


def _valid_totals(fields: dict[str, Any], flags: list[Flag]) -> Totals:
    """:class:`Totals` from :func:`_totals_fields`; a refused money total or figure is dropped and flagged."""
    money = [
        total for item in fields["money"]
        if (total := valid_fact(MoneyTotal, item, "money total", flags, drop_all=True)) is not None
    ]
    return valid_fact(Totals, {**fields, "money": money}, "totals", flags)


def valid_fact(model: type, values: dict[str, Any], what: str, flags: list[Flag], *, drop_all: bool = False):
    """``model(**values)``; a value the schema refuses is dropped and reported as an ``invalid_fact`` flag.

    A field's own error drops that field; an error of the whole fact (an inspection that ends before
    it starts) drops the fields it is made of, the last found first, until the rest validates. With
    ``drop_all`` (a fact that is one value, like a money total) the whole fact is dropped: None.
    """
    values = dict(values)
    for _ in range(len(values) + 1):
        try:
            return model(**values)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = str(err["loc"][0]) if err["loc"] else None
            if drop_all:
                flags.append(Flag(code="invalid_fact", message=f"{what} dropped: {_first_error(exc)}"))
                return None
            if field not in values:  # a check of the whole fact: drop its last field
                field = next(reversed(values), None)
                if field is None:
                    raise
            flags.append(Flag(code="invalid_fact",
                              message=f"{what}.{field} dropped ({_shown(values[field])}): {_one_message(exc)}"))
            del values[field]
    return model()


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)[:80]


def _one_message(exc: ValidationError) -> str:
    return str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
