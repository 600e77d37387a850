"""`zhenggai render`: one notice as a page with the outline and every mention highlighted."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from tests.conftest import SAMPLE, SEED_TXT
from zhenggai import extract_notice
from zhenggai.cli import main
from zhenggai.render import render_html


class _Balance(HTMLParser):
    """Checks that tags nest properly (the renderer cuts overlapping spans)."""

    VOID = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        attrs = dict(attrs)
        if tag == "mark" and attrs.get("data-kind"):
            self.marks.append((attrs["data-kind"], attrs.get("title", "")))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()


def _parse(page: str) -> _Balance:
    parser = _Balance()
    parser.feed(page)
    assert not parser.errors, parser.errors[:3]
    assert parser.stack == []
    return parser


def test_render_sample_highlights_every_mention(tmp_path):
    out = tmp_path / "sample.html"
    assert main(["render", str(SAMPLE), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    notice = extract_notice(SAMPLE)
    parsed = _parse(page)
    kinds = {kind for kind, _ in parsed.marks}
    assert kinds == {m.kind for m in notice.mentions}
    # Each mention opens at least one <mark>; the tooltip carries its value.
    assert len(parsed.marks) >= len(notice.mentions)
    assert any('"value": 86500000' in title for kind, title in parsed.marks if kind == "money")
    assert notice.title in page


def test_render_seed_shows_ten_issue_sections(tmp_path):
    if not SEED_TXT.is_file():
        pytest.skip("the real sample notice ../shared/seeds/ is not present")
    out = tmp_path / "seed.html"
    result = subprocess.run(
        [sys.executable, "-m", "zhenggai", "render", str(SEED_TXT), "-o", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr
    page = out.read_text(encoding="utf-8")
    _parse(page)
    # Ten issue headings in the text, each linked from the outline side bar.
    ids = re.findall(r'<span id="(s-[\d-]+)" class="heading role-issue">', page)
    assert len(ids) == 10
    for anchor in ids:
        assert f'href="#{anchor}"' in page
    assert page.count('class="heading role-measure"') >= 24
    notice = extract_notice(SEED_TXT)
    for kind in ("money", "date", "count", "percent", "multiple"):
        n = sum(1 for m in notice.mentions if m.kind == kind)
        assert f'<mark class="k-{kind}">{kind} {n}</mark>' in page


def test_render_escapes_text():
    from zhenggai import extract_text

    page = render_html(extract_text("关于<script>alert(1)</script>整改情况的通报\n追回资金12万元。"))
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_render_needs_an_output():
    result = subprocess.run([sys.executable, "-m", "zhenggai", "render", str(SAMPLE)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "-o/--output" in result.stderr


def test_render_highlights_points():
    from zhenggai import extract_text

    page = render_html(extract_text("群众满意度较上年提高6.5个百分点,办结率98%。"))
    assert '<mark class="k-points"' in page
    assert ".k-points" in page and "points 1" in page
    assert "6.5 个百分点" in page  # the value beside the mark


# -- an extracted record (JSON) as input (issue 12, item 7) ------------------------------------------

def test_render_takes_an_extracted_record(tmp_path, capsys):
    record = tmp_path / "notice.json"
    assert main(["extract", str(SAMPLE), "-o", str(record)]) == 0
    page = tmp_path / "from-record.html"
    direct = tmp_path / "direct.html"
    assert main(["render", str(record), "-o", str(page)]) == 0
    assert main(["render", str(SAMPLE), "-o", str(direct)]) == 0
    assert page.read_text(encoding="utf-8") == direct.read_text(encoding="utf-8")
    assert "巡察" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [b'{"title": "x", "items": [1, 2]}', b'{"schema_version": "1", "text": 5}'],
                         ids=["other-json", "broken-record"])
def test_render_refuses_json_that_is_no_record_in_one_line(tmp_path, capsys, data):
    path = tmp_path / "other.json"
    path.write_bytes(data)
    assert main(["render", str(path), "-o", str(tmp_path / "x.html")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and "zhenggai extract" in err, err
    assert not (tmp_path / "x.html").exists()
