"""zhenggai.read — what crawlers save (txt, html, pdf, docx, crawl JSONL, web archives) → plain text + source metadata.

Web archives (WARC/WET records) are in :mod:`zhenggai.read.warc`; paginated pages in :mod:`zhenggai.read.pager`.

>>> from zhenggai.read import read_bytes
>>> page = ('<html><head><meta charset="gbk"><title>关于整改情况的通报_某某局</title></head><body>'
...         '<div class="TRS_Editor"><p>根据统一部署，现将巡察整改情况予以公布。巡察反馈的三个方面问题均已完成整改。</p>'
...         '</div></body></html>').encode("gbk")
>>> doc = read_bytes(page, "a.html", url="http://www.example.gov.cn/art/2023/1/6/art_1_2.html")
>>> doc.title, doc.encoding, str(doc.published_at)
('关于整改情况的通报', 'gb18030', '2023-01-06')
"""

from __future__ import annotations

from zhenggai.read.document import Document
from zhenggai.read.jsonl import iter_jsonl, parse_jsonl_line
from zhenggai.read.reader import read_bytes, read_path, read_text
from zhenggai.read.script import is_traditional, to_simplified
from zhenggai.read.sniff import sniff

__all__ = ["Document", "iter_jsonl", "is_traditional", "parse_jsonl_line", "read_bytes", "read_path", "read_text",
           "sniff", "to_simplified"]
