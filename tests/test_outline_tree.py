"""zhenggai.outline: numbering checks, tree shape, section ends, closing and trailer blocks."""

from __future__ import annotations

import pytest

import doctest
import importlib

from zhenggai.outline import iter_nodes, parse_outline, section_path


def shape(roots):
    """(marker, [child shapes]) tuples, iterative enough for test sizes."""
    return [(n.marker, shape(n.children)) for n in roots]


NOTICE = (
    "中共某县农业农村局党组关于巡察整改情况的通报\n"
    "根据县委统一部署,县委第三巡察组于2023年4月至6月对我局党组开展了常规巡察。\n"
    "一、关于“落实乡村振兴部署不够有力”问题的整改情况\n"
    "1.压实工作责任。制定任务清单,明确责任单位12个。\n"
    "2.强化督促检查。每季度开展督查1次。\n"
    "二、关于“项目资金管理不够规范”问题的整改情况\n"
    "1.规范资金拨付。清理结转资金86.5万元。\n"
    "(1)建立台账。逐笔登记。\n"
    "(2)定期对账。按月核对。\n"
    "2.加强绩效评价。委托第三方评价项目5个。\n"
    "截至目前,巡察反馈的2个方面问题均已完成整改。\n"
    "下一步,局党组将坚持标本兼治,巩固整改成果:\n"
    "1.持续跟踪问效。\n"
    "2.健全长效机制。\n"
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话:0571-00000000。\n"
)


@pytest.fixture(scope="module")
def roots():
    return parse_outline(NOTICE)


def test_tree_shape(roots):
    assert shape(roots) == [
        ("一、", [("1.", []), ("2.", [])]),
        ("二、", [("1.", [("(1)", []), ("(2)", [])]), ("2.", [])]),
        ("", [("1.", []), ("2.", [])]),
    ]


def test_levels_follow_markers(roots):
    assert [(n.marker, n.level) for n in iter_nodes(roots)] == [
        ("一、", 1), ("1.", 3), ("2.", 3), ("二、", 1), ("1.", 3), ("(1)", 4), ("(2)", 4), ("2.", 3),
        ("", 1), ("1.", 3), ("2.", 3),
    ]


def test_preamble_is_no_node(roots):
    assert roots[0].start == NOTICE.index("一、")
    assert section_path(roots, NOTICE.index("常规巡察")) == []


def test_section_ends(roots):
    first, second, closing = roots
    assert first.end == NOTICE.index("\n二、")
    assert NOTICE[first.children[0].end - 1] == "。"  # trailing newline excluded
    # the summary paragraph after the last measure of the last issue ends that measure and its issue
    assert second.end == second.children[-1].end == NOTICE.index("\n截至目前")
    # the trailer ends the closing block
    assert closing.end == NOTICE.index("\n欢迎")
    assert section_path(roots, NOTICE.index("2个方面")) == []


def test_closing_block(roots):
    closing = roots[-1]
    assert (closing.marker, closing.ordinal, closing.level, closing.role) == ("", 0, 1, "closing")
    assert closing.heading == "下一步"
    assert [(c.heading, c.role, c.level) for c in closing.children] == [
        ("持续跟踪问效", "closing", 3), ("健全长效机制", "closing", 3),
    ]
    assert section_path(roots, NOTICE.index("健全长效")) == [0, 2]


def test_section_path_nested(roots):
    assert section_path(roots, NOTICE.index("逐笔登记")) == [2, 1, 1]
    assert section_path(roots, NOTICE.index("委托第三方")) == [2, 2]


SEQUENCES = [
    ("duplicate", "一、甲\n二、乙\n二、丙\n三、丁", ["一、", "二、", "二、", "三、"], [1, 2, 2, 3]),
    ("skipped", "一、甲\n二、乙\n四、丁", ["一、", "二、", "四、"], [1, 2, 4]),
    ("skip-too-far", "一、甲\n二、乙\n九、丁", ["一、", "二、"], [1, 2]),
    ("first-not-one", "三、甲\n四、乙", [], []),
    ("restart-at-one", "1.甲\n2.乙\n1.丙", ["1.", "2.", "1."], [1, 2, 1]),
    ("cn-up-to-99", "\n".join(f"{c}、项" for c in "一二三四五六七八九十") + "\n十一、项\n十二、项",
     [f"{c}、" for c in "一二三四五六七八九十"] + ["十一、", "十二、"], list(range(1, 13))),
]


@pytest.mark.parametrize(("name", "text", "markers", "ordinals"), SEQUENCES, ids=[s[0] for s in SEQUENCES])
def test_sequences(name, text, markers, ordinals):
    roots = parse_outline(text)
    assert [n.marker for n in roots] == markers
    assert [n.ordinal for n in roots] == ordinals


def test_marker_slip_keeps_its_level():
    text = "一.关于“甲”问题\n1、措施。\n二,关于“乙”问题\n1、措施。\n（三)关于“丙”问题\n1．措施。\n四、关于“丁”问题"
    roots = parse_outline(text)
    assert [(n.marker, n.ordinal, n.level) for n in roots] == [
        ("一.", 1, 1), ("二,", 2, 1), ("（三)", 3, 1), ("四、", 4, 1),
    ]
    assert [len(n.children) for n in roots] == [1, 1, 1, 0]


def test_continuing_numbering_across_parents():
    text = "一、甲问题\n1.措施一。\n2.措施二。\n二、乙问题\n3.措施三。\n4.措施四。"
    roots = parse_outline(text)
    assert [[c.ordinal for c in r.children] for r in roots] == [[1, 2], [3, 4]]


def test_first_child_must_be_one():
    text = "一、甲问题\n3.这不是标题,而是正文。"
    roots = parse_outline(text)
    assert roots[0].children == [] or all(c.marker == "" for c in roots[0].children)


def test_skipped_levels_nest():
    text = "一、总体情况\n(1)直接出现的四级标题。\n(2)第二项。\n二、其他"
    roots = parse_outline(text)
    assert shape(roots) == [("一、", [("(1)", []), ("(2)", [])]), ("二、", [])]
    assert roots[0].children[0].level == 4


def test_part_headings_shift_levels():
    text = "第一部分 总体情况\n一、组织领导\n(一)成立专班。\n第二部分 整改落实\n一、关于“学习不深”问题的整改情况\n1.建立制度。"
    roots = parse_outline(text)
    assert shape(roots) == [
        ("第一部分", [("一、", [("(一)", [])])]),
        ("第二部分", [("一、", [("1.", [])])]),
    ]
    assert [(n.marker, n.level) for n in iter_nodes(roots)] == [
        ("第一部分", 1), ("一、", 2), ("(一)", 3), ("第二部分", 1), ("一、", 2), ("1.", 4),
    ]


def test_word_markers_nest_below_their_heading():
    text = "一、总体情况\n第一,提高站位。召开会议。\n第二,压实责任。签订责任书。\n二、其他"
    roots = parse_outline(text)
    assert [(c.marker, c.level) for c in roots[0].children] == [("第一,", 2), ("第二,", 2)]


CLOSINGS = [
    ("numbered-heading", "一、关于“甲”问题的整改情况\n1.措施。\n二、下一步工作打算\n(一)巩固成果。\n(二)健全机制。",
     ("二、", "下一步工作打算"), ["巩固成果", "健全机制"]),
    ("paragraph-then-items", "一、关于“甲”问题的整改情况\n1.措施。\n下一步,我们将:\n(一)巩固成果。\n(二)健全机制。",
     ("", "下一步"), ["巩固成果", "健全机制"]),
    ("paragraph-after-childless-issue", "一、关于“甲”问题的整改情况\n全面完成整改。\n下步工作打算:\n1.巩固成果。\n2.健全机制。",
     ("", "下步工作打算"), ["巩固成果", "健全机制"]),
    ("paragraph-only", "一、关于“甲”问题的整改情况\n1.措施。\n今后工作打算:一是巩固成果;二是健全机制。",
     ("", "今后工作打算"), []),
]


@pytest.mark.parametrize(("name", "text", "head", "children"), CLOSINGS, ids=[c[0] for c in CLOSINGS])
def test_closing_forms(name, text, head, children):
    closing = parse_outline(text)[-1]
    assert closing.role == "closing"
    assert (closing.marker, closing.heading) == head
    assert [c.heading for c in closing.children] == children
    assert all(c.role == "closing" for c in closing.children)


def test_cue_paragraph_inside_a_measure_is_body():
    text = "一、关于“甲”问题的整改情况\n1.完善制度。已修订3项。\n下一步,还将完善以下制度:\n(1)考勤制度;\n(2)报销制度。\n2.加强督查。"
    roots = parse_outline(text)
    assert shape(roots) == [("一、", [("1.", [("(1)", []), ("(2)", [])]), ("2.", [])])]


TRAILERS = [
    ("welcome", "欢迎广大干部群众对整改落实情况进行监督。"),
    ("contact", "联系方式:0571-12345678"),
    ("address", "邮寄地址:某市某区某路1号"),
    ("signature-and-date", "中共某县农业农村局党组\n2023年6月2日"),
    ("chinese-date", "中共某县农业农村局党组\n二〇二三年六月二日"),
    # Held-out round 7: page furniture under a reposted or WeChat article, and a signature above it.
    ("source-editor-lines", "来源:县委巡察办\n编辑:周某 审核:陈某"),
    ("wechat-read-original", "阅读原文\n阅读 2,361 在看 18 赞 25 写留言"),
    ("signature-above-furniture", "中共某县卫生健康局党组\n2023年11月20日\n\n来源:县委巡察办\n编辑:周某\n\n阅读原文"),
]


@pytest.mark.parametrize(("name", "trailer"), TRAILERS, ids=[t[0] for t in TRAILERS])
def test_trailer_ends_last_section(name, trailer):
    text = "一、关于“甲”问题的整改情况\n1.完善制度。已修订3项。\n" + trailer
    roots = parse_outline(text)
    assert roots[0].end == roots[0].children[-1].end == text.index("\n" + trailer)


def test_source_line_above_the_body_is_no_trailer():
    text = ("来源:某县医疗保障局 发布时间:2025年1月8日\n根据县委统一部署,现将整改情况通报如下。\n"
            "下一步,局党组将持续巩固整改成果。\n来源:县纪委")
    roots = parse_outline(text)
    assert [(n.kind, n.role) for n in roots] == [("closing", "closing")]
    assert roots[0].end == text.index("\n来源:县纪委")


def test_source_line_with_prose_after_it_is_no_trailer():
    text = ("摘要:某局通报巡察整改进展。\n来源:某县纪委 发布时间:2024-01-05\n"
            "下一步,局党组将持续巩固整改成果。")
    roots = parse_outline(text)
    assert [(n.kind, n.role) for n in roots] == [("closing", "closing")]
    assert roots[0].end == len(text)


def test_summary_after_childless_issue_keeps_first_paragraph():
    text = "一、关于“甲”问题的整改情况\n截至目前,全面梳理制度12项。\n目前,各项整改任务均已完成。"
    roots = parse_outline(text)
    assert roots[0].end == text.index("\n目前")
    assert [c.heading for c in roots[0].children] == ["截至目前,全面梳理制度12项"]


def test_empty_and_flat_texts():
    assert parse_outline("") == []
    assert parse_outline("局党组高度重视整改工作。\n\n全面完成各项任务。") == []


def test_to_dict_matches_the_tree(roots):
    data = roots[1].to_dict()
    assert (data["marker"], data["role"], data["issue"]) == ("二、", "issue", "项目资金管理不够规范")
    assert [c["marker"] for c in data["children"]] == ["1.", "2."]
    assert [c["marker"] for c in data["children"][0]["children"]] == ["(1)", "(2)"]


MODULES = ["", ".markers", ".headings", ".cues", ".tree", ".roles", ".items", ".nodes"]


@pytest.mark.parametrize("suffix", MODULES, ids=[m.lstrip(".") or "package" for m in MODULES])
def test_docstring_examples(suffix):
    module = importlib.import_module("zhenggai.outline" + suffix)
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0


def test_builder_walk_is_the_pre_order_walk():
    # the (node, parent) pairs recorded as the nodes are made are the tree's pre-order walk
    from pathlib import Path

    from zhenggai.normalize import normalize
    from zhenggai.outline.nodes import iter_with_parent
    from zhenggai.outline.tree import build_tree_walk

    folder = Path(__file__).resolve().parent.parent / "corpus" / "gold"
    texts = [NOTICE, "(一)\n党组领导作用发挥不够\n正文。\n下一步,我局将:\n1.持续跟踪。\n2.健全机制。"]
    texts += [normalize(p.read_text(encoding="utf-8")).text for p in sorted(folder.glob("*.txt"))]
    for text in texts:
        roots, walk = build_tree_walk(text)
        assert [(id(n), id(p)) for n, p in walk] == [(id(n), id(p)) for n, p in iter_with_parent(roots)]
