"""zhenggai.outline on the real sample notice, speed, and a property test on any text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.outline import iter_nodes, parse_outline, section_path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared/seeds"
SEED_TXT = SEEDS / "hangzhou-civil-affairs-2023.txt"
SEED_EXPECTED = SEEDS / "hangzhou-civil-affairs-2023.expected.json"


@pytest.fixture(scope="module")
def seed():
    if not SEED_TXT.is_file() or not SEED_EXPECTED.is_file():
        pytest.skip("the real sample notice ../shared/seeds/ is not present")
    text = SEED_TXT.read_text(encoding="utf-8")
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    return text, expected, parse_outline(text)


def test_seed_issues(seed):
    text, expected, roots = seed
    issues = [n for n in roots if n.role == "issue"]
    assert [(n.marker, n.ordinal, n.level, n.start, n.issue) for n in issues] == [
        (e["marker"], e["ordinal"], e["level"], e["start"], e["issue"]) for e in expected["sections"]
    ]
    for node in issues:
        assert text[node.issue_start:node.issue_end] == node.issue


def test_seed_measures(seed):
    _, expected, roots = seed
    issues = [n for n in roots if n.role == "issue"]
    got = [
        [(c.marker, c.ordinal, c.level, c.start, c.heading, c.role) for c in n.children if c.marker]
        for n in issues
    ]
    want = [
        [(m["marker"], m["ordinal"], m["level"], m["start"], m["title"], "measure") for m in e["measures"]]
        for e in expected["sections"]
    ]
    assert got == want
    assert sum(len(m) for m in got) == 24


def test_seed_childless_issue_has_paragraph_measure(seed):
    text, _, roots = seed
    nine = next(n for n in roots if n.ordinal == 9)
    assert [(c.marker, c.ordinal, c.role) for c in nine.children] == [("", 0, "measure")]
    assert nine.children[0].level == nine.level + 1
    assert text[nine.children[0].start:nine.children[0].end].rstrip() == text[nine.children[0].start:nine.end]


def test_seed_closing(seed):
    text, expected, roots = seed
    closing = [n for n in roots if n.role == "closing"]
    assert len(closing) == 1
    block = closing[0]
    assert (block.marker, block.ordinal, block.level) == ("", 0, 1)
    assert [(c.marker, c.ordinal, c.level, c.start, c.heading, c.role) for c in block.children] == [
        (e["marker"], e["ordinal"], e["level"], e["start"], e["title"], "closing")
        for e in expected["closing_items"]
    ]
    # the trailer (supervision invitation and contact) is outside every section
    assert section_path(roots, len(text) - 5) == []


def test_seed_summary_belongs_to_no_section(seed):
    text, expected, roots = seed
    issues = [n for n in roots if n.role == "issue"]
    last_measure = issues[-1].children[-1]
    assert issues[-1].end == last_measure.end
    assert text[last_measure.end - 1] == "。"
    # totals stated in the summary paragraph between the last measure and the closing
    mentions = [m for kind in expected["mentions"].values() for m in kind]
    totals_at = [m["start"] for m in mentions if last_measure.end < m["start"] < roots[-1].start]
    assert totals_at and all(section_path(roots, s) == [] for s in totals_at)


def test_seed_offsets_are_consistent(seed):
    text, _, roots = seed
    for node in iter_nodes(roots):
        assert text[node.heading_start:node.heading_end] == node.heading
        assert node.start <= node.heading_start <= node.heading_end <= node.end <= len(text)
        assert not text[node.end - 1].isspace()
        for child in node.children:
            assert node.start <= child.start and child.end <= node.end


FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures" / "notices").glob("*.expected.json"))


@pytest.mark.parametrize("expected_path", FIXTURES, ids=[p.name.split(".")[0] for p in FIXTURES])
def test_fixture_notices(expected_path):
    """The fixture notices (written for the project by another helper): issues, measures, closing items."""
    from zhenggai.normalize import normalize

    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    if "sections" not in expected:
        pytest.skip("no outline facts in this fixture")
    raw = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt")).read_text(encoding="utf-8")
    text = normalize(raw).text
    roots = parse_outline(text)

    def norm(s):
        return normalize(s).text

    issues = [n for n in iter_nodes(roots) if n.role == "issue"]
    assert [(n.start, n.ordinal, n.level, n.issue) for n in issues] == [
        (s["start"], s["ordinal"], s["level"], norm(s["issue"])) for s in expected["sections"]
    ]
    assert [[(c.start, c.ordinal, c.heading) for c in n.children if c.marker] for n in issues] == [
        [(m["start"], m["ordinal"], norm(m["title"])) for m in s["measures"]] for s in expected["sections"]
    ]
    closing = [n for n in roots if n.role == "closing"]
    got_closing = [(c.start, c.ordinal, c.heading) for c in closing[-1].children] if closing else []
    assert got_closing == [(c["start"], c["ordinal"], norm(c["title"])) for c in expected.get("closing_items", [])]


def test_deep_nesting_is_bounded():
    text = "一、甲\n(一)乙\n1.丙\n(1)丁\n①戊\n" * 200
    roots = parse_outline(text)
    assert max(n.level for n in iter_nodes(roots)) <= 6


ALPHABET = st.sampled_from(
    list("一二三四五六七八九十是第部分章()（）、.．,，。;；:：“”‘’\"《》\n 　\t0123456789①②③")
    + ["关于", "问题", "整改情况", "方面", "下一步", "目前,", "欢迎广大", "联系电话", "存在的问题", "整改措施",
       "加强", "制度", "年", "月", "日", "2023年6月2日"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_any_text_gives_a_valid_tree(text):
    roots = parse_outline(text)
    for node in iter_nodes(roots):
        assert 0 <= node.start <= node.heading_start <= node.heading_end <= len(text)
        assert node.start < node.end <= len(text)
        assert text[node.heading_start:node.heading_end] == node.heading
        assert node.role in {"issue", "measure", "closing", "other"}
        assert 1 <= node.level <= 6
        assert node.ordinal >= 0
        if node.issue is not None:
            assert text[node.issue_start:node.issue_end] == node.issue
        for child in node.children:
            assert node.start <= child.start and child.end <= node.end
        for i in range(1, len(node.children)):
            assert node.children[i - 1].end <= node.children[i].start
    for i in range(1, len(roots)):
        assert roots[i - 1].end <= roots[i].start
        assert section_path(roots, roots[i].start)[0] == roots[i].ordinal
