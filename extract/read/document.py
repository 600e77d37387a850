"""The Document: what a reader hands to the extractors.

>>> doc = Document(text="关于巡察整改情况的通报\\n\\n一、整改情况", format="txt", encoding="utf-8")
>>> doc.text.splitlines()[0]
'关于巡察整改情况的通报'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class Document:
    """Plain text of one notice plus where it came from.

    ``text`` is a title line, then (when the page shows them) a line
    ``来源:… 发布时间:…``, then paragraphs separated by a blank line; heading
    lines stay lines and table rows become text rows whose cells are joined
    by two spaces.  For ``txt`` input the text is the file as written (only
    line ends are unified to ``\\n``), so offsets into it match offsets into
    the file read with Python's universal newlines.
    """

    text: str
    format: str  # "txt" | "html" | "pdf" | "docx"
    encoding: str | None  # codec used to decode; None for pdf/docx
    path: str | None = None
    url: str | None = None
    title: str | None = None
    site: str | None = None  # 来源 as written on the page
    published_at: datetime | date | None = None
    editor: str | None = None  # 责任编辑
    script: str = "simplified"  # or "traditional"
    fetched_at: datetime | date | None = None  # from a crawl record, when given
    urls: list[str] | None = None  # every page's url (or file), when paginated pages were joined
    flags: list[tuple[str, str]] = field(default_factory=list)  # (code, message) the reader found

    def source_dict(self) -> dict[str, Any]:
        """The ``source`` block of the output contract (ISO strings for dates).

        >>> Document("通报", "txt", "utf-8", site="杭州廉政网").source_dict()["site"]
        '杭州廉政网'
        """
        data = asdict(self)
        data.pop("text")
        data.pop("flags")
        for key in ("published_at", "fetched_at"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data
