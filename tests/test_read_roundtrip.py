"""Every saved form of a notice extracts to the same record as its plain-text twin.

HTML pages (UTF-8, GBK, wrong meta charset, table layout, URL-only date, header
above the title, Big5 traditional), a PDF and a DOCX generated here, crawl
JSONL, and the real seed notice wrapped in a GBK government page: mentions
(kind, text, values, section path) and the outline must equal the twin's.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, SEED_TXT
from tests.test_read_docx import make_docx
from tests.test_read_html import PAGES, split_seed_page
from tests.test_read_pdf import make_pdf
from zhenggai import extract_notice, extract_text
from zhenggai.read import read_path, to_simplified

TWINS = FIXTURES / "read"
HTML = FIXTURES / "html"


def mention_facts(notice) -> list[tuple]:
    """Mentions without offsets: what must survive any change of container."""
    out = []
    for m in notice.mentions:
        values = m.model_dump(mode="json", exclude={"start", "end"})
        out.append(json.dumps(values, ensure_ascii=False, sort_keys=True))
    return out


def outline_facts(notice) -> list[tuple]:
    rows, stack = [], [(s, 0) for s in reversed(notice.sections)]
    while stack:
        s, depth = stack.pop()
        rows.append((depth, s.level, s.marker, s.ordinal, s.heading, s.role, s.issue))
        stack.extend((c, depth + 1) for c in reversed(s.children))
    return rows


def notice_facts(notice) -> dict:
    return {
        "title": notice.title,
        "issuer": notice.issuer,
        "inspection": notice.inspection.model_dump(mode="json"),
        "totals": notice.totals.model_dump(mode="json", exclude={"money"}),
        "money": [(t.category, str(t.value)) for t in notice.totals.money],
        "contact": notice.contact.model_dump(mode="json"),
    }


def assert_same_record(got, want):
    assert mention_facts(got) == mention_facts(want)
    assert outline_facts(got) == outline_facts(want)
    assert notice_facts(got) == notice_facts(want)


@pytest.mark.parametrize("page", PAGES, ids=[p[0] for p in PAGES])
def test_html_page_extracts_like_its_twin(page):
    name, url = page[0], page[1]
    got = extract_notice((HTML / f"{name}.html").read_bytes(), name=f"{name}.html", url=url)
    twin_text = (TWINS / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")
    want = extract_text(twin_text, published_at=got.source.published_at)
    assert got.text == twin_text
    assert_same_record(got, want)
    assert got.mentions, "the fixture notice has figures"
    assert any(s.role == "issue" for s in got.sections) or got.sections


def test_traditional_page_values_equal_the_simplified_twin():
    got = extract_notice(HTML / "big5_traditional.html")
    assert got.source.script == "traditional"
    simplified = extract_text(to_simplified(got.text), published_at=got.source.published_at)
    assert simplified.source.script == "simplified"
    # Same spans and values; the record's text (and mention text) stays traditional.
    assert [(m.kind, m.start, m.end) for m in got.mentions] == [(m.kind, m.start, m.end) for m in simplified.mentions]
    for a, b in zip(got.mentions, simplified.mentions):
        assert a.model_dump(exclude={"text"}) == b.model_dump(exclude={"text"})
        assert got.text[a.start : a.end] == a.text
    assert len(got.sections) == len(simplified.sections)
    assert got.totals.model_dump(exclude={"money"}) == simplified.totals.model_dump(exclude={"money"})


def _plain(twin: str) -> tuple[str, list[str]]:
    text = (TWINS / f"{twin}.txt").read_text(encoding="utf-8").rstrip("\n")
    header, *paragraphs = text.split("\n\n")
    return header.split("\n")[0], paragraphs


def test_pdf_extracts_like_its_plain_text(tmp_path):
    title, paragraphs = _plain("info_above_title")
    path = tmp_path / "notice.pdf"
    path.write_bytes(make_pdf(title, paragraphs))
    got = extract_notice(path)
    assert got.source.format == "pdf"
    assert_same_record(got, extract_text("\n\n".join([title, *paragraphs])))
    assert len(got.mentions) > 5


def test_docx_with_automatic_numbering_extracts_like_its_plain_text(tmp_path):
    title, paragraphs = _plain("trs_utf8")
    path = tmp_path / "notice.docx"
    path.write_bytes(make_docx(title, paragraphs))
    got = extract_notice(path)
    assert got.source.format == "docx"
    want = extract_text("\n\n".join([title, *paragraphs]))
    assert_same_record(got, want)
    assert [s.marker for s in got.sections if s.marker] == [s.marker for s in want.sections if s.marker]
    assert any(s.marker for s in got.sections), "numbering must surface as heading markers"


def test_crawl_jsonl_gives_one_record_per_good_line(tmp_path):
    crawl = TWINS / "crawl.jsonl"
    lines = [ln for ln in crawl.read_text(encoding="utf-8").splitlines() if ln.strip()]
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "zhenggai", "extract", str(crawl), "-o", str(out)], capture_output=True, text=True
    )
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("zhenggai: error:")]
    assert len(records) + len(errors) == len(lines)
    assert records and all(r["schema_version"] == "1" for r in records)
    assert result.returncode == (1 if errors else 0)
    for err in errors:
        assert "crawl.jsonl:" in err


def test_seed_in_a_gbk_government_page_extracts_like_the_plain_seed():
    if not SEED_TXT.is_file():
        pytest.skip("the real sample notice ../shared/seeds/ is not present")
    seed = SEED_TXT.read_text(encoding="utf-8")
    column, breadcrumb, title, info, _, body = split_seed_page(seed)
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{html.escape(title)}_{html.escape(column)}</title></head><body>"
        '<div class="top"><a href="/">首页</a> | <a href="/xsxc/">巡视巡察</a> | <a href="/gzdt/">工作动态</a></div>'
        f'<div class="position">{html.escape(breadcrumb)}</div>'
        f'<div class="article"><h1>{html.escape(title)}</h1><div class="info">{html.escape(info)}'
        " 字号：[大 中 小]</div>"
        f'<div class="TRS_Editor">{body}</div></div>'
        '<div class="tools">【打印本页】【关闭窗口】 分享到：</div>'
        '<div class="footer">主办单位：某市纪委监委 网站标识码：0000000000 浙ICP备00000000号</div>'
        "</body></html>"
    )
    got = extract_notice(page.encode("gb18030"), name="seed.html")
    want = extract_text(seed)
    assert got.source.encoding == "gb18030"
    assert (got.source.site, got.source.published_at) == (want.source.site, want.source.published_at)
    assert_same_record(got, want)
    assert [f.code for f in got.flags] == [f.code for f in want.flags] == []


def test_read_path_and_extract_agree_on_plain_text():
    path = TWINS / "trs_utf8.txt"
    assert extract_notice(path).text == read_path(path).text
