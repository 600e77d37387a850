"""Crawl JSONL: one Document per good line, an InputError naming path:lineno per bad one."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from zhenggai.errors import InputError
from zhenggai.read import Document, iter_jsonl, read_path

CRAWL = Path(__file__).resolve().parent / "fixtures" / "read" / "crawl.jsonl"
TWINS = CRAWL.parent


def test_crawl_file_yields_documents_and_errors_in_order():
    items = list(iter_jsonl(CRAWL))
    assert [type(x) for x in items] == [Document, Document, InputError, InputError]
    page, text, broken, empty = items
    assert page.format == "html" and page.encoding == "utf-8"
    assert page.url == "http://nyncj.qingxi.example.gov.cn/art/2023/3/15/art_1501_889.html"
    assert page.fetched_at == datetime(2023, 3, 16, 8, 0)
    assert page.text == (TWINS / "trs_utf8.txt").read_text(encoding="utf-8").rstrip("\n")
    assert text.format == "txt" and text.published_at == date(2023, 1, 6)
    assert text.title == "中共云岭县民政局党组关于巡察整改情况的通报"
    assert text.text == (TWINS / "url_date.txt").read_text(encoding="utf-8")
    assert str(broken).startswith(f"{CRAWL}:3: not JSON")
    assert str(empty) == f'{CRAWL}:4: neither "html" nor "text" holds content'


@pytest.mark.parametrize(
    "line,message",
    [
        ("[1, 2]", "not a JSON object"),
        ('{"html": "<p>x</p>"}', 'no "url"'),
        ('{"url": "http://a.gov.cn/1.html", "html": "<html><body><p>短</p></body></html>"}', "no article text found"),
        (json.dumps({"url": "http://a.gov.cn/2.html", "text": "关于整改情况的通报".encode().decode("latin-1") * 5}),
         "undecodable text (looks like UTF-8 read as Latin-1)"),
    ],
    ids=["not-object", "no-url", "no-article", "mojibake"],
)
def test_bad_lines(tmp_path, line, message):
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    (item,) = list(iter_jsonl(path))
    assert isinstance(item, InputError)
    assert str(item) == f"{path}:2: {message}"


def test_missing_crawl_file():
    with pytest.raises(InputError, match="no such file"):
        list(iter_jsonl("/no/such/crawl.jsonl"))


def test_read_path_on_jsonl_points_to_iter_jsonl():
    with pytest.raises(InputError, match="iter_jsonl"):
        read_path(CRAWL)
