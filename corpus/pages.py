"""Paginated articles in a batch run: the pages of one notice become one input.

When ``…_1.html``, ``…_2.html`` (or ``?page=2``, ``index_1.shtml``) sit in the same folder, crawl
JSONL file or web archive as the first page, :func:`group_pages` replaces them by one
:class:`PagedItem` (named after its first page present), and the worker joins the pages in order
(:func:`zhenggai.read.pager.join_pages`): the record's ``source.urls`` lists every page, and the flag
``pages_missing`` names pages of the sequence that are absent (a gap in the numbers, the first
page, or pages the pager's 共N页 counts beyond the last one present).

Grouping looks at a window of inputs from one container (a folder's files, one archive, one JSONL
file): up to :data:`WINDOW_ITEMS` inputs or :data:`WINDOW_BYTES` of crawl lines held in memory, so
memory stays bounded; pages further apart than that are read as separate notices.

>>> from zhenggai.corpus.inputs import InputItem
>>> items = [InputItem(n, n) for n in ("d/a.html", "d/b.html", "d/a_1.html", "d/a_2.html")]
>>> [(type(i).__name__, i.name) for i in group_pages(iter(items))]
[('PagedItem', 'd/a.html'), ('InputItem', 'd/b.html')]
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Iterator

import regex
from zhenggai.corpus.inputs import InputItem
from zhenggai.read.pager import page_key

WINDOW_ITEMS = 20_000
WINDOW_BYTES = 64 * 1024 * 1024
_JSON_URL = regex.compile(rb'"url"\s*:\s*("(?:[^"\\]|\\.)*")')  # the url of a crawl line, without parsing it all


@dataclass(frozen=True)
class PagedItem(InputItem):
    """The pages of one paginated article: ``parts`` with their page numbers, read by the worker."""

    parts: tuple = ()
    numbers: tuple = ()

    def read(self) -> bytes:
        return b"\0".join(part.read() for part in self.parts)


def page_ref(item: InputItem) -> str:
    """The url of a crawl line or archive record, else the file path: what page numbers are read from."""
    url = getattr(item, "url", None)
    if url:
        return url
    if item.line is not None and item.data:
        m = _JSON_URL.search(item.data)
        if m:
            try:
                return json.loads(m.group(1))
            except ValueError:
                pass
    return item.path


def _container(item: InputItem) -> str:
    if item.line is not None or hasattr(item, "offset"):
        return item.path  # one crawl file, one archive
    return os.path.dirname(item.path)


def _flush(buffer: list[InputItem]) -> Iterator[InputItem]:
    refs = [page_ref(item) for item in buffer]
    keys = [page_key(ref) for ref in refs]
    # A first page whose own name looks numbered (t20240318_77.html) is the first page of the
    # sequence its later pages (t20240318_77_1.html) name.
    stems = {key for key, number in keys if number >= 2}
    keyed = [((ref, 1) if ref in stems else key, item) for ref, key, item in zip(refs, keys, buffer)]
    members: dict[str, list[tuple[int, InputItem]]] = {}
    for (key, number), item in keyed:
        members.setdefault(key, []).append((number, item))
    done: set[str] = set()
    for (key, number), item in keyed:
        group = members[key]
        seq = {}
        for n, it in group:
            seq.setdefault(n, it)  # the same page twice (a repost, a re-crawl): the first copy
        # A sequence has its first page or its second (…_1.html): two articles whose ids end
        # in _12 and _13 (t20230106_12.html) are no pages of one.
        if len(seq) < 2 or not (1 in seq or 2 in seq):
            yield item
            continue
        if key in done:
            if seq.get(number) is not item:  # a second copy of a page already joined
                yield item
            continue
        done.add(key)
        numbers = tuple(sorted(seq))
        parts = tuple(seq[n] for n in numbers)
        yield PagedItem(name=parts[0].name, path=parts[0].path, parts=parts, numbers=numbers)


def group_pages(items: Iterator[InputItem]) -> Iterator[InputItem]:
    """``items`` with the pages of each paginated article replaced by one :class:`PagedItem`."""
    buffer: list[InputItem] = []
    held, where = 0, None
    for item in items:
        container = _container(item)
        if buffer and (container != where or len(buffer) >= WINDOW_ITEMS or held >= WINDOW_BYTES):
            yield from _flush(buffer)
            buffer, held = [], 0
        where = container
        buffer.append(item)
        held += len(item.data or b"")
    if buffer:
        yield from _flush(buffer)


def _read_page(part: InputItem, extractor, screen: bool = True):
    """One page → (Document, its raw text for the pager) or (None, skip reason); InputError when unreadable."""
    data = part.read()
    if hasattr(part, "offset"):  # a web-archive record
        from dataclasses import replace

        from zhenggai.corpus.archive import process_record
        from zhenggai.read.warc import parse_record

        kind, value = process_record(part if screen else replace(part, screen=False), data, extractor)
        if kind == "skip":
            return None, value[1]
        return value, _text(parse_record(data, part.name).payload, value.encoding)
    if part.line is not None:
        from zhenggai.read import parse_jsonl_line

        line = data.decode("utf-8", "replace")
        return parse_jsonl_line(line, part.name), line
    from zhenggai.read import read_bytes

    doc = read_bytes(data, part.name)
    return doc, _text(data, doc.encoding)


def _text(data: bytes, encoding: str | None) -> str:
    try:
        return data.decode(encoding or "utf-8", "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def process_paged(item: PagedItem, extractor):
    """Worker side: read each page, join them; a Notice, or (url, reason) when every page is skipped.

    A page that cannot be read counts as missing (the flag names it); when no page can be read,
    the first page's error is raised.  Screening keeps the whole article when any page passes it.
    """
    from zhenggai.read.pager import join_pages, pager_total

    pages, first_error, skip, screened = [], None, None, []
    for number, part in zip(item.numbers, item.parts):
        try:
            doc, raw = _read_page(part, extractor)
        except Exception as exc:  # noqa: BLE001 - one bad page does not sink the article
            first_error = first_error or exc
            continue
        if doc is None:
            skip = skip or (page_ref(part), raw)
            if raw.startswith("screen:"):
                screened.append((number, part))
            continue
        pages.append((number, page_ref(part), doc, raw))
    if pages:  # a later page without the genre's words still belongs to the article
        for number, part in screened:
            doc, raw = _read_page(part, extractor, screen=False)
            pages.append((number, page_ref(part), doc, raw))
    if not pages:
        if first_error is not None:
            raise first_error
        return skip
    total = next((t for *_, raw in sorted(pages, key=lambda p: p[0]) if (t := pager_total(raw))), None)
    doc = join_pages([(n, ref, d) for n, ref, d, _ in pages], total)
    from_document = getattr(extractor, "from_document", None)
    if from_document is None:
        from zhenggai.api import extract_document as from_document
    return from_document(doc)
