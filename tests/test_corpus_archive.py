"""Web archives as batch input: a WARC and a WET file built with FastWARC (the library the reader uses);
every record lands as a notice, an errors row or a skipped row, and the records after a bad one still land."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from zhenggai.corpus import load
from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.synth_web import article_page, http_block, split_notice, warc_record, write_archive
from zhenggai.read.warc import find_record, iter_spans, parse_record

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = (ROOT / "corpus" / "samples" / "qinglan-finance-2024.txt").read_text(encoding="utf-8")
NOTICE_URL = "http://www.qinglan.gov.cn/art/2024/3/18/art_1_101.html"


def _notice_html(charset_in_page: bool = True) -> str:
    import random

    title, body = split_notice(SAMPLE)
    html = article_page(title, body, site="青澜清风网", date=__import__("datetime").date(2024, 3, 18),
                        rng=random.Random(3), style="zoom")
    return html if charset_in_page else html.replace('<meta charset="utf-8">', "")


def _undated_notice() -> str:
    # A notice page without any date: not on the page, not in its URL, not under a signature.
    paras = ["根据县委统一部署，县委第二巡察组对县文化馆党支部开展了常规巡察，现将整改情况予以公布。",
             "一、整改工作推进情况", "对照反馈的3个方面12个问题，已完成整改10个，整改完成率83.3%。",
             "二、下一步工作打算", "持续巩固整改成果，建立健全长效机制，确保整改工作取得实效。"]
    return ('<html><head><meta charset="utf-8"><title>县文化馆党支部关于县委巡察整改情况的通报</title></head>'
            '<body><div id="zoom">' + "".join(f"<p>{p}</p>" for p in paras) + "</div></body></html>")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> dict:
    """crawl.warc.gz (HTML notice, 404, image, redirect, truncated, damaged member, notice after) and crawl.wet.gz."""
    d = tmp_path_factory.mktemp("archive")
    gbk_notice = http_block(_notice_html(charset_in_page=False).encode("gb18030"), "text/html", charset="gbk")
    records = [
        warc_record("warcinfo", "", b"software: zhenggai tests\r\n"),
        warc_record("request", NOTICE_URL, b"GET / HTTP/1.1\r\nHost: www.qinglan.gov.cn\r\n\r\n"),
        warc_record("response", NOTICE_URL, gbk_notice, date="2024-03-20T08:00:00Z"),
        warc_record("response", "http://www.qinglan.gov.cn/gone.html",
                    http_block(b"<html><body>not found</body></html>", "text/html", status=404, reason="Not Found")),
        warc_record("response", "http://www.qinglan.gov.cn/logo.png", http_block(b"\x89PNG\r\n\x1a\n" + bytes(300),
                                                                                 "image/png")),
        warc_record("response", "http://www.qinglan.gov.cn/old.html",
                    http_block(b"", "text/html", status=301, reason="Moved Permanently",
                               headers=(("Location", "http://www.qinglan.gov.cn/new.html"),))),
        warc_record("response", "http://www.qinglan.gov.cn/cut.html", gbk_notice),  # will be cut short
        warc_record("response", "http://www.qinglan.gov.cn/damaged.html", gbk_notice),  # will be damaged
        warc_record("response", "http://www.wenhua.gov.cn/undated.html",
                    http_block(_undated_notice().encode("utf-8"), "text/html", charset="utf-8"),
                    date="2024-05-06T07:08:09Z"),
    ]
    members = [gzip.compress(r, mtime=0) for r in records]
    members[6] = gzip.compress(records[6][: len(records[6]) - 900], mtime=0)  # a record shorter than its length
    damaged = bytearray(members[7])
    damaged[len(damaged) // 2: len(damaged) // 2 + 40] = bytes(40)  # deflate data overwritten
    members[7] = bytes(damaged)
    warc = d / "crawl.warc.gz"
    warc.write_bytes(b"".join(members))
    offsets = [sum(len(m) for m in members[:i]) for i in range(len(members))]

    title, body = split_notice(SAMPLE)
    wet = d / "crawl.wet.gz"
    wet_offsets = write_archive(wet, [
        warc_record("warcinfo", "", b"software: zhenggai tests\r\n"),
        warc_record("conversion", "http://www.qinglan.gov.cn/wet.html", ("\n".join([title, *body])).encode("utf-8")),
        warc_record("conversion", "http://www.qinglan.gov.cn/news.html",
                    "全市春季农业生产工作会议召开\n会议要求抓好春耕备耕。".encode("utf-8")),
    ])
    return {"dir": d, "warc": warc, "offsets": offsets, "wet": wet, "wet_offsets": wet_offsets}


@pytest.fixture(scope="module")
def dataset(crawl, tmp_path_factory):
    out = tmp_path_factory.mktemp("ds") / "dataset"
    summary = run_batch([str(crawl["warc"]), str(crawl["wet"])], out, jobs=1, progress=False)
    return out, summary, load(out)


def _where(tables: dict, name: str) -> str:
    found = [t for t in ("notices", "errors", "skipped") if name in set(tables[t]["input"])]
    assert len(found) == 1, (name, found)
    return found[0]


# ---------------------------------------------------------------- listing


def test_listing_gives_each_record_its_gzip_member(crawl):
    spans = list(iter_spans(crawl["warc"]))
    assert [s.offset for s in spans] == crawl["offsets"]
    assert [s.type for s in spans][:3] == ["warcinfo", "request", "response"]
    assert spans[2].url == NOTICE_URL
    assert sum(s.length for s in spans) == crawl["warc"].stat().st_size


def test_a_damaged_member_does_not_stop_the_listing(crawl):
    spans = list(iter_spans(crawl["warc"]))
    assert spans[-1].url == "http://www.wenhua.gov.cn/undated.html"  # the record after the damage


# ---------------------------------------------------------------- every record lands


def test_every_page_record_is_one_row(crawl, dataset):
    _, summary, tables = dataset
    o, w = crawl["offsets"], crawl["wet_offsets"]
    name = lambda p, off: f"{p}:{off}"  # noqa: E731
    expected = {
        name(crawl["warc"], o[2]): "notices",   # GBK notice, charset only in the HTTP header
        name(crawl["warc"], o[3]): "errors",    # 404
        name(crawl["warc"], o[4]): "skipped",   # image
        name(crawl["warc"], o[5]): "skipped",   # redirect
        name(crawl["warc"], o[6]): "errors",    # truncated record
        name(crawl["warc"], o[7]): "errors",    # damaged gzip member
        name(crawl["warc"], o[8]): "notices",   # after the damage
        name(crawl["wet"], w[1]): "notices",    # WET conversion record
        name(crawl["wet"], w[2]): "skipped",    # WET news: screened out
    }
    for input_name, table in expected.items():
        assert _where(tables, input_name) == table, input_name
    total = sum(len(tables[t]) for t in ("notices", "errors", "skipped"))
    assert total == len(expected)  # warcinfo and request records are not inputs
    assert (summary.ok, summary.failed, summary.records_skipped) == (3, 3, 3)


def test_error_messages_say_what_is_wrong(crawl, dataset):
    _, _, tables = dataset
    errors = dict(zip(tables["errors"]["input"], tables["errors"]["message"]))
    o = crawl["offsets"]
    assert errors[f"{crawl['warc']}:{o[3]}"] == "HTTP 404 Not Found response, not a page"
    assert errors[f"{crawl['warc']}:{o[6]}"].startswith("truncated record: ")
    assert errors[f"{crawl['warc']}:{o[7]}"].startswith("damaged gzip member (")


def test_skipped_rows_have_url_and_reason(crawl, dataset):
    _, summary, tables = dataset
    skipped = {r["url"]: r["reason"] for r in tables["skipped"].to_dict("records")}
    assert skipped["http://www.qinglan.gov.cn/logo.png"] == "not a document (image/png)"
    assert skipped["http://www.qinglan.gov.cn/old.html"] == \
        "redirect (HTTP 301) to http://www.qinglan.gov.cn/new.html"
    assert skipped["http://www.qinglan.gov.cn/news.html"].startswith("screen:")
    assert summary.skip_reasons == {"not a document": 1, "redirect": 1,
                                    "screen: no rectification formula in the title or text": 1}


def test_notice_from_a_record_keeps_url_fetch_time_and_header_charset(crawl, dataset):
    _, _, tables = dataset
    n = tables["notices"].set_index("input").loc[f"{crawl['warc']}:{crawl['offsets'][2]}"]
    assert n["source_url"] == NOTICE_URL
    assert str(n["source_fetched_at"]) == "2024-03-20 08:00:00"
    assert n["source_encoding"] == "gb18030"  # from the HTTP header; the page declares nothing
    assert str(n["source_published_at"]).startswith("2024-03-18")  # the page's own date wins
    assert pd.isna(n["source_published_from"])
    assert n["title"] == "中共青澜市财政局党组关于市委第二轮巡察整改进展情况的通报"
    assert n["totals_issues"] == 18


def test_fetch_time_is_the_publication_date_only_when_nothing_better(crawl, dataset):
    _, _, tables = dataset
    n = tables["notices"].set_index("input").loc[f"{crawl['warc']}:{crawl['offsets'][8]}"]
    assert str(n["source_published_at"]) == "2024-05-06 07:08:09"
    assert n["source_published_from"] == "fetch_time"


def test_wet_record_is_read_as_plain_text(crawl, dataset):
    _, _, tables = dataset
    n = tables["notices"].set_index("input").loc[f"{crawl['wet']}:{crawl['wet_offsets'][1]}"]
    assert n["source_format"] == "txt"
    assert n["source_url"] == "http://www.qinglan.gov.cn/wet.html"
    assert n["totals_issues"] == 18


def test_no_screen_sends_the_news_page_to_extraction(crawl, tmp_path):
    summary = run_batch([str(crawl["wet"])], tmp_path / "ds", jobs=1, progress=False, screen=False)
    assert summary.records_skipped == 0
    assert summary.ok + summary.failed == 2


def test_folder_of_archives_and_two_workers(crawl, dataset, tmp_path):
    summary = run_batch([str(crawl["dir"])], tmp_path / "ds", jobs=2, progress=False)
    assert (summary.ok, summary.failed, summary.records_skipped) == (dataset[1].ok, dataset[1].failed, dataset[1].records_skipped)


def test_resume_reuses_notices_errors_and_skips(crawl, dataset, tmp_path):
    out = tmp_path / "ds"
    run_batch([str(crawl["warc"])], out, jobs=1, progress=False)
    again = run_batch([str(crawl["warc"])], out, jobs=1, progress=False, resume=True)
    assert again.reused == 7 and again.ok == again.failed == again.records_skipped == 0
    assert len(load(out)["skipped"]) == 2


def test_plain_warc_with_a_truncated_last_record(tmp_path):
    good = warc_record("response", "http://a.gov.cn/n.html",
                       http_block(_notice_html().encode("utf-8"), "text/html", charset="utf-8"))
    cut = warc_record("response", "http://a.gov.cn/cut.html",
                      http_block(_notice_html().encode("utf-8"), "text/html", charset="utf-8"))
    warc = tmp_path / "plain.warc"
    warc.write_bytes(good + cut[:-700])
    summary = run_batch([str(warc)], tmp_path / "ds", jobs=1, progress=False)
    errors = load(tmp_path / "ds")["errors"]
    assert (summary.ok, summary.failed) == (1, 1)
    assert errors["input"].tolist() == [f"{warc}:{len(good)}"]
    assert errors["message"][0].startswith("truncated record")


def test_parse_record_reads_status_type_and_charset(crawl):
    span, data = find_record(crawl["warc"], url=NOTICE_URL)
    rec = parse_record(data, "x")
    assert (rec.type, rec.status, rec.content_type, rec.charset) == ("response", 200, "text/html", "gbk")


# ---------------------------------------------------------------- zhenggai extract


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "zhenggai", *map(str, args)], capture_output=True, text=True)


def test_extract_one_record_by_offset_and_by_url(crawl):
    by_offset = _cli("extract", crawl["warc"], "--record", crawl["offsets"][2])
    assert by_offset.returncode == 0, by_offset.stderr
    record = json.loads(by_offset.stdout)
    assert record["source"]["url"] == NOTICE_URL
    assert record["source"]["path"] == f"{crawl['warc']}:{crawl['offsets'][2]}"
    by_url = _cli("extract", crawl["wet"], "--url", "http://www.qinglan.gov.cn/wet.html")
    assert by_url.returncode == 0, by_url.stderr
    assert json.loads(by_url.stdout)["totals"]["issues"] == 18


@pytest.mark.parametrize("args, code, message", [
    ((), 2, "is a web archive: choose a record with --record OFFSET"),
    (("--record", 5), 1, "no record starts at offset 5"),
    (("--url", "http://nowhere.gov.cn/"), 1, "no page record with WARC-Target-URI http://nowhere.gov.cn/"),
], ids=["no-record-chosen", "bad-offset", "unknown-url"])
def test_extract_archive_errors(crawl, args, code, message):
    result = _cli("extract", crawl["warc"], *args)
    assert result.returncode == code
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_extract_a_404_record_is_a_one_line_error(crawl):
    result = _cli("extract", crawl["warc"], "--record", crawl["offsets"][3])
    assert result.returncode == 1
    assert result.stderr.strip() == f"zhenggai: error: {crawl['warc']}:{crawl['offsets'][3]}: HTTP 404 Not Found " \
                                    "response, not a page"


@pytest.mark.slow
def test_dask_engine_gives_the_same_rows(crawl, dataset, tmp_path):
    summary = run_batch([str(crawl["warc"]), str(crawl["wet"])], tmp_path / "ds", jobs=2, engine="dask",
                        progress=False)
    assert (summary.ok, summary.failed, summary.records_skipped) == (dataset[1].ok, dataset[1].failed, dataset[1].records_skipped)
    tables = load(tmp_path / "ds")
    for table in ("notices", "errors", "skipped"):
        assert sorted(tables[table]["input"]) == sorted(dataset[2][table]["input"]), table
