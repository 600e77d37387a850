"""zhenggai.outline: heading forms and lines that only look like headings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.outline import iter_nodes, parse_outline
from zhenggai.outline.markers import match_marker, match_marker_in

# (line, kind, ordinal, marker)
MARKERS = [
    ("一、加强党的领导", "cn", 1, "一、"),
    ("十二、其他事项", "cn", 12, "十二、"),
    ("九十九、末项", "cn", 99, "九十九、"),
    ("二．全角句点", "cn", 2, "二．"),
    ("三.半角句点", "cn", 3, "三."),
    ("四,误用逗号", "cn", 4, "四,"),
    ("五，全角逗号", "cn", 5, "五，"),
    ("(一)半角括号", "pcn", 1, "(一)"),
    ("（二）全角括号", "pcn", 2, "（二）"),
    ("（三)混合括号", "pcn", 3, "（三)"),
    ("( 四 )括号内空格", "pcn", 4, "( 四 )"),
    ("(五)、重复标点", "pcn", 5, "(五)、"),
    ("1.阿拉伯数字", "arabic", 1, "1."),
    ("2、顿号", "arabic", 2, "2、"),
    ("3．全角句点", "arabic", 3, "3．"),
    ("4,误用逗号", "arabic", 4, "4,"),
    ("12.两位数", "arabic", 12, "12."),
    ("3.2023年以来持续推进", "arabic", 3, "3."),
    ("(1)带括号", "paren", 1, "(1)"),
    ("（2）全角带括号", "paren", 2, "（2）"),
    ("①圈码", "circled", 1, "①"),
    ("⑳圈码二十", "circled", 20, "⑳"),
    ("第一部分 总体情况", "part", 1, "第一部分"),
    ("第二章 整改落实", "part", 2, "第二章"),
    ("第三,强化监督", "word", 3, "第三,"),
    ("第一、统一思想", "word", 1, "第一、"),
    ("问题一:学习不深入", "problem", 1, "问题一:"),
    ("问题十二：台账不全", "problem", 12, "问题十二："),
    ("问题3、制度执行不严", "problem", 3, "问题3、"),
]


@pytest.mark.parametrize(
    ("line", "kind", "ordinal", "marker"), MARKERS, ids=[m[3] + m[0][len(m[3]):][:4] for m in MARKERS]
)
def test_marker_forms(line, kind, ordinal, marker):
    m = match_marker(line)
    assert m is not None
    assert (m.kind, m.ordinal, m.marker) == (kind, ordinal, marker)
    assert line[m.marker_start:m.marker_start + len(m.marker)] == m.marker


INDENTED = [
    ("ascii-spaces", "    一、加强党的领导"),
    ("ideographic-spaces", "\u3000\u3000一、加强党的领导"),
    ("tab", "\t一、加强党的领导"),
]


@pytest.mark.parametrize(("name", "line"), INDENTED, ids=[i[0] for i in INDENTED])
def test_indented_marker(name, line):
    m = match_marker(line)
    assert m is not None and m.marker == "一、"
    assert line[m.text_start:] == "加强党的领导"


NOT_MARKERS = [
    ("year", "2022年以来,我局持续推进整改。"),
    ("decimal-multiple", "1.5倍于上年同期。"),
    ("count", "3个问题尚在整改中。"),
    ("month-range-comma", "2,3月份集中开展排查。"),
    ("month-range-dunhao", "5、6月份开展回头看。"),
    ("cn-quarter-range", "二、三季度完成验收。"),
    ("cn-level-range", "一,二级风险点全部销号。"),
    ("three-digit", "100.整改措施"),
    ("paren-year", "(2022-2027年度)目录编制"),
    ("di-ci", "第一次全体会议召开。"),
    ("plain", "局党组高度重视巡察整改。"),
    ("yishi", "一是加强学习。"),
    ("wenti-prose", "问题一是学习不深入。"),
    ("wenti-label", "问题:学习不深入"),
]


@pytest.mark.parametrize(("name", "line"), NOT_MARKERS, ids=[n[0] for n in NOT_MARKERS])
def test_not_a_marker(name, line):
    assert match_marker(line) is None


# match_marker_in reads a text without astral characters with Python's re (limits.Twin):
# the same match as the regex module's on every form above and on strings of marker characters.
ENGINE_LINES = [m[0] for m in MARKERS] + [n[1] for n in NOT_MARKERS] + [i[1] for i in INDENTED]


@pytest.mark.parametrize("line", ENGINE_LINES, ids=[f"{k}-{line[:6]}" for k, line in enumerate(ENGINE_LINES)])
def test_marker_engines_agree_on_forms(line):
    assert match_marker_in(line, 0, None, False) == match_marker_in(line, 0, None, True)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="第一二三十百零〇部分章问题0123456789 \u3000\t(（)）、.．,，:：①⑫季度月年个", max_size=16))
def test_marker_engines_agree_on_any_string(line):
    assert match_marker_in(line, 0, None, False) == match_marker_in(line, 0, None, True)


# Inside a real section these lines must stay body text: no extra node appears.
TRAPS = [
    ("year", "2022年以来,新建党支部3个。"),
    ("decimal", "1.5倍于上年的投入用于阵地建设。"),
    ("count", "3个问题已全部整改到位。"),
    ("month-range", "2,3月份集中开展排查。"),
    ("skipped-too-far", "9.另有说明。"),
    ("first-not-one", "(3)相关单位已完成。"),
    ("cn-restart-wrong", "五、其他情况说明。"),
]


@pytest.mark.parametrize(("name", "line"), TRAPS, ids=[t[0] for t in TRAPS])
def test_trap_lines_stay_body(name, line):
    text = f"一、关于“支部建设薄弱”问题的整改情况\n1.加强支部建设。召开专题会议。\n{line}\n2.完善阵地。建成活动室。"
    roots = parse_outline(text)
    assert [n.marker for n in iter_nodes(roots)] == ["一、", "1.", "2."]
    assert text[roots[0].children[0].start:roots[0].children[0].end].endswith(line)


RUN_IN = [
    ("full-stop", "1.强化政治理论武装。深入学习,形成制度。", "强化政治理论武装"),
    ("semicolon", "1.完善议事规则;修订工作规则3项", "完善议事规则"),
    ("short-whole-line", "1.完善议事规则", "完善议事规则"),
    ("title-words", "一、关于“学习贯彻上级精神不够深入,推动决策部署落实不够有力,成效不够明显”问题的整改情况",
     "关于“学习贯彻上级精神不够深入,推动决策部署落实不够有力,成效不够明显”问题的整改情况"),
    ("long-comma", "1.坚持问题导向和目标导向相统一,深入查找问题根源并建立健全长效机制推动各项整改任务落实到位见效",
     "坚持问题导向和目标导向相统一"),
    ("quoted-full-stop", "(1)关于“学习不规范。全年仅学习4次”的问题。一是修订制度", "关于“学习不规范。全年仅学习4次”的问题"),
    ("comma-kept-before-stop", "1.聚焦难点,加快推进剩余问题整改。建立通报机制。", "聚焦难点,加快推进剩余问题整改"),
    ("trailing-colon", "一、整改落实情况:", "整改落实情况"),
]


@pytest.mark.parametrize(("name", "line", "heading"), RUN_IN, ids=[r[0] for r in RUN_IN])
def test_heading_text(name, line, heading):
    roots = parse_outline(line)
    node = roots[0]
    assert node.heading == heading
    assert line[node.heading_start:node.heading_end] == heading


def test_marker_alone_on_its_line_takes_next_line():
    text = "(一)\n党组领导作用发挥不够\n具体整改如下。"
    (node,) = parse_outline(text)
    assert node.heading == "党组领导作用发挥不够"
    assert node.start == 0


def test_full_width_raw_text_is_accepted():
    text = "一、关于“作风不实”问题的整改情况\n（一）整治作风。全年开展督查４次，通报问题。\n（二）规范用车。"
    roots = parse_outline(text)
    assert [c.marker for c in roots[0].children] == ["（一）", "（二）"]
    assert roots[0].children[0].heading == "整治作风"


def test_lines_candidates_and_markers_are_their_named_tuples():
    # (built with tuple.__new__, without the NamedTuples' Python-level __new__)
    from zhenggai.outline.headings import Candidate, Line, candidates, lines
    from zhenggai.outline.markers import MarkerMatch

    text = "一、总体情况\n\n  (一)正文。\n"
    found = lines(text)
    assert found == [Line(0, 0, 6), Line(8, 10, 16)] and all(type(line) is Line for line in found)
    assert found[1].content == 10 and found[1].end == 16
    cands = candidates(text, found)
    assert [type(c) for c in cands] == [Candidate, Candidate]
    assert [type(c.marker) for c in cands] == [MarkerMatch, MarkerMatch]
    assert [(c.marker.kind, c.marker.ordinal, text[c.heading_start:c.heading_end]) for c in cands] == [
        ("cn", 1, "总体情况"), ("pcn", 1, "正文")]
