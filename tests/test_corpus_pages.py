"""Paginated articles: page numbers from urls and files, the pager, and pages joined in a batch run
(folder, crawl JSONL, web archive), with pages_missing when a page of the sequence is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from zhenggai.api import extract_document
from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.synth_web import http_block, paged_article, warc_record, write_archive
from zhenggai.read import read_bytes
from zhenggai.read.pager import is_pager_line, page_key, pager_total

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = (ROOT / "corpus" / "samples" / "qinglan-finance-2024.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- page numbers


@pytest.mark.parametrize("ref, key", [
    ("http://a.gov.cn/art/t20230106_4071234.html", ("http://a.gov.cn/art/t20230106_4071234.html", 1)),
    ("http://a.gov.cn/art/t20230106_4071234_1.html", ("http://a.gov.cn/art/t20230106_4071234.html", 2)),
    ("http://a.gov.cn/art/t20230106_4071234_12.html", ("http://a.gov.cn/art/t20230106_4071234.html", 13)),
    ("http://a.gov.cn/col/index_2.shtml", ("http://a.gov.cn/col/index.shtml", 3)),
    ("crawl/a/notice_1.htm", ("crawl/a/notice.htm", 2)),
    ("http://a.gov.cn/show.jsp?id=7&page=3", ("http://a.gov.cn/show.jsp?id=7", 3)),
    ("http://a.gov.cn/show.jsp?page=2&id=7", ("http://a.gov.cn/show.jsp?id=7", 2)),
    ("http://a.gov.cn/show.jsp?id=7", ("http://a.gov.cn/show.jsp?id=7", 1)),
    ("http://a.gov.cn/art/t20230106_123.html", ("http://a.gov.cn/art/t20230106_123.html", 1)),
    ("crawl/report_2023.txt", ("crawl/report_2023.txt", 1)),
], ids=["trs-first", "trs-second", "trs-13th", "index-shtml", "file-htm", "param-last", "param-first",
        "param-none", "article-id-not-a-page", "txt-not-paginated"])
def test_page_key(ref, key):
    assert page_key(ref) == key


@pytest.mark.parametrize("text, total", [
    ("共3页 上一页 1 2 3 下一页", 3), ("第1页/4页", 4), ("上一页 下一页", None), ("共12个问题", None),
], ids=["gong-n-ye", "di-n-ye-of", "no-count", "not-a-pager"])
def test_pager_total(text, total):
    assert pager_total(text) == total


@pytest.mark.parametrize("line, pager", [
    ("共3页 上一页 1 2 3 下一页", True), ("[首页] [上一页] 2 [下一页] [尾页]", True),
    ("共3页", True), ("共3个方面问题已整改", False), ("下一页工作打算", False), ("1", False),
], ids=["full", "brackets", "count-only", "sentence", "words-after", "bare-number"])
def test_pager_line(line, pager):
    assert is_pager_line(line) is pager


# ---------------------------------------------------------------- joined in a run


def _write(folder: Path, pages: list[tuple[str, str]], keep: tuple[int, ...] | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k, (ref, html) in enumerate(pages):
        if keep is None or k in keep:
            (folder / ref).write_text(html, encoding="utf-8")


def _single_page_notice(tmp_path: Path):
    (ref, html), = paged_article(SAMPLE, 1, "whole.html")
    return extract_document(read_bytes(html.encode("utf-8"), str(tmp_path / ref)))


@pytest.fixture
def three_pages():
    return paged_article(SAMPLE, 3, "t20240318_4071234.html")


def test_three_pages_in_a_folder_are_one_notice(tmp_path, three_pages):
    _write(tmp_path / "in", three_pages)
    (tmp_path / "in" / "other.txt").write_text(SAMPLE, encoding="utf-8")
    summary = run_batch([str(tmp_path / "in")], tmp_path / "ds", jobs=1, progress=False)
    notices = load(tmp_path / "ds")["notices"].set_index("input")
    assert summary.inputs == 2 and summary.ok == 2
    joined = notices.loc[str(tmp_path / "in" / "t20240318_4071234.html")]
    assert json.loads(joined["source_urls"]) == [str(tmp_path / "in" / r) for r, _ in three_pages]
    assert "pages_missing" not in joined["flags"]
    whole = _single_page_notice(tmp_path)
    # The joined pages give the figures of the whole article on one page.
    assert joined["totals_issues"] == whole.totals.issues == 18
    assert joined["n_mentions"] == len(whole.mentions)
    assert joined["n_sections"] == sum(1 for _ in _walk(whole.sections))
    assert "共3页" not in joined["text"] and "下一页" not in joined["text"]
    assert joined["text"].count("中共青澜市财政局党组关于市委第二轮巡察整改进展情况的通报") == 1


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


@pytest.mark.parametrize("keep, missing", [
    ((0, 2), "page(s) 2 of 3"), ((1, 2), "page(s) 1 of 3"), ((0, 1), "page(s) 3 of 3"),
], ids=["middle", "first", "last-by-pager-count"])
def test_absent_page_is_flagged(tmp_path, three_pages, keep, missing):
    _write(tmp_path / "in", three_pages, keep)
    run_batch([str(tmp_path / "in")], tmp_path / "ds", jobs=1, progress=False)
    notices = load(tmp_path / "ds")["notices"]
    assert len(notices) == 1
    flags = {f["code"]: f["message"] for f in json.loads(notices["flags"][0])}
    assert flags["pages_missing"].startswith(missing)
    assert len(json.loads(notices["source_urls"][0])) == 2


def test_pages_in_crawl_jsonl_with_page_parameter(tmp_path):
    pages = paged_article(SAMPLE, 2, "http://www.qinglan.gov.cn/show.jsp?id=101")
    lines = [json.dumps({"url": url, "html": html}, ensure_ascii=False) for url, html in reversed(pages)]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run_batch([str(tmp_path / "crawl.jsonl")], tmp_path / "ds", jobs=1, progress=False)
    notices = load(tmp_path / "ds")["notices"]
    assert summary.inputs == 1
    assert json.loads(notices["source_urls"][0]) == [url for url, _ in pages]  # in page order
    assert notices["totals_issues"][0] == 18


def test_pages_in_a_web_archive_even_when_a_later_page_lacks_the_genre_words(tmp_path):
    pages = paged_article(SAMPLE, 3, "http://www.qinglan.gov.cn/art/t20240318_77.html")
    records = []
    for k, (url, html) in enumerate(pages):
        if k == 2:  # a last page under a generic title, with no 整改 in its opening words
            html = html.replace("<title>", "<title>通知公告", 1).split("</title>", 1)
            html = html[0][: html[0].index("通知公告") + 4] + "</title>" + html[1]
        records.append(warc_record("response", url, http_block(html.encode("utf-8"), "text/html", charset="utf-8")))
    records.insert(1, warc_record("response", "http://www.qinglan.gov.cn/a.png",
                                  http_block(b"\x89PNG" + bytes(50), "image/png")))
    write_archive(tmp_path / "c.warc.gz", records)
    summary = run_batch([str(tmp_path / "c.warc.gz")], tmp_path / "ds", jobs=1, progress=False)
    notices = load(tmp_path / "ds")["notices"]
    assert (summary.ok, summary.records_skipped) == (1, 1)
    assert json.loads(notices["source_urls"][0]) == [url for url, _ in pages]
    assert "pages_missing" not in notices["flags"][0]
    assert notices["input"][0] == f"{tmp_path / 'c.warc.gz'}:0"


def test_two_articles_with_small_ids_are_not_joined(tmp_path):
    (one,) = paged_article(SAMPLE, 1, "t20230106_12.html")
    (two,) = paged_article(SAMPLE.replace("18个", "19个"), 1, "t20230106_13.html")
    _write(tmp_path / "in", [one, two])
    summary = run_batch([str(tmp_path / "in")], tmp_path / "ds", jobs=1, progress=False)
    assert summary.ok == 2
