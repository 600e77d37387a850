"""Screening: which pages go to full extraction, on real values (the decision and its reason)."""

from __future__ import annotations

from pathlib import Path

import pytest
from zhenggai.corpus.screen import SCREENED_OUT, html_title_opening, screen_payload, screen_text
from zhenggai.corpus.synth_web import write_screen_archive
from zhenggai.read.warc import iter_spans, parse_record, read_span, record_problem, skip_reason

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- the decision


@pytest.mark.parametrize("title, opening, text", [
    ("中共青澜市财政局党组关于市委第二轮巡察整改进展情况的通报", "", ""),
    ("关于2022年度预算执行审计查出问题整改情况的报告", "", ""),
    ("关于落实省委巡视反馈意见情况的通报", "", ""),
    ("通知公告_江屿市民政局", "根据市委统一部署，现将巡察整改情况予以公布。", ""),
    ("通知公告", "对审计发现的问题逐项处理。", ""),
    ("通知公告", "巡察反馈的问题均已落实。", ""),
    ("通知公告", "", "整改 整改 整改 整改 整改工作"),
    ("關於市委巡察整改進展情況的通報", "", ""),
    ("通知公告", "根據市委統一部署，現將巡察整改情況予以公佈。", ""),
], ids=["title-zhenggai", "title-audit-report", "title-without-zhenggai", "opening-zhenggai-qingkuang",
        "opening-audit-found", "opening-feedback", "density-five", "traditional-title", "traditional-opening"])
def test_candidates_pass(title, opening, text):
    assert screen_text(title, opening, text) is None


@pytest.mark.parametrize("title, opening, text", [
    ("全市春季农业生产工作会议召开", "4月2日，全市春季农业生产工作会议召开。", ""),
    ("工作动态_青澜市人民政府", "首页 政务公开 巡视巡察 整改公开", "整改公开"),
    ("区住建局检查安全生产工作", "发现问题要立行立改，督促整改。", "督促整改 督促整改 督促整改 督促整改"),
], ids=["news", "list-page-with-nav", "news-mentioning-rectification-four-times"])
def test_other_pages_are_screened_out(title, opening, text):
    assert screen_text(title, opening, text) == SCREENED_OUT


def test_title_and_opening_of_a_page():
    html = ('<html><head><title>关于整改情况的通报_某局</title><script>var a="<p>x</p>";</script></head>'
            '<body><!-- nav --><ul><li>首页</li></ul><p>根据&nbsp;统一部署</p></body></html>')
    title, opening = html_title_opening(html, 2)
    assert title == "关于整改情况的通报_某局"
    assert opening == "<!-- nav --><ul><li>首页</li></ul>"  # 16 × 2 characters of the body


def test_gbk_page_is_decoded_from_the_header_charset():
    page = "<html><head><title>通知公告</title></head><body><p>现将巡察整改情况予以公布。</p></body></html>"
    assert screen_payload(page.encode("gbk"), "text/html", "gbk") is None
    assert screen_payload(page.encode("gbk"), "text/html", None) is None  # GB18030 is tried too


def test_pdf_and_docx_are_never_screened_out():
    assert screen_payload(b"%PDF-1.7 ...", "application/pdf") is None


def test_wet_text_is_screened_by_its_first_line():
    assert screen_payload("关于巡察整改情况的通报\n正文".encode(), "text/plain") is None
    assert screen_payload("全市春耕生产会议召开\n正文".encode(), "text/plain") == SCREENED_OUT


# ---------------------------------------------------------------- on a generated crawl


def test_recall_on_a_generated_crawl_is_complete(tmp_path):
    crawl = write_screen_archive(tmp_path / "c.warc.gz", n=600, notice_share=0.05, seed=5)
    passed = {}
    for span in iter_spans(crawl.path):
        rec = parse_record(read_span(crawl.path, span), "x")
        passed[span.offset] = skip_reason(rec) is None and record_problem(rec) is None and \
            screen_payload(rec.payload, rec.content_type, rec.charset) is None
    assert len(crawl.notices) == 30
    assert all(passed[o] for o in crawl.notices)
    by_kind = {}
    for off, kind in crawl.kinds.items():
        by_kind.setdefault(kind, set()).add(passed[off])
    for kind in ("list", "image", "css", "redirect", "404", "text"):
        assert by_kind.get(kind, {False}) == {False}, kind
    others = sum(passed[o] for o in crawl.others)
    # News that says 督促整改 five times holds no genre formula; only the near misses pass.
    assert by_kind["page"] == {False}
    assert others == sum(1 for off, kind in crawl.kinds.items() if kind == "near-miss" and passed[off]) > 0
