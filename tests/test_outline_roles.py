"""zhenggai.outline: roles, issue statements and inline items."""

from __future__ import annotations

import pytest

from zhenggai.outline import find_items, issue_statement, iter_nodes, parse_outline
from zhenggai.outline.evidence import names_shortcoming

STATEMENTS = [
    ("quoted", "关于“理论学习不够深入”问题的整改情况", "理论学习不够深入"),
    ("quoted-nested-single", "关于“落实‘第一议题’制度不够严格”问题的整改情况", "落实‘第一议题’制度不够严格"),
    ("quoted-nested-double", "关于“贯彻“三重一大”制度不严”问题的整改", "贯彻“三重一大”制度不严"),
    ("quoted-inner-full-stop", "关于“学习不规范。全年仅学习4次”的问题", "学习不规范。全年仅学习4次"),
    ("quoted-aspect", "在“全面从严治党责任落实不到位”方面", "全面从严治党责任落实不到位"),
    ("quoted-deng", "关于“公务用车管理不严”等问题的整改情况", "公务用车管理不严"),
    ("straight-quotes", '关于"资产管理不规范"问题的整改情况', "资产管理不规范"),
    ("about-unquoted", "关于落实主体责任不到位的问题", "落实主体责任不到位"),
    ("about-rectification", "关于基层党组织建设薄弱问题的整改情况", "基层党组织建设薄弱"),
    ("aspect-problem", "党的领导弱化方面问题的整改情况", "党的领导弱化"),
    ("aspect-existing", "选人用人方面存在的问题整改情况", "选人用人"),
    ("label-colon", "问题:重大事项请示报告不及时", "重大事项请示报告不及时"),
    ("label-numbered", "问题一:意识形态责任制落实不到位", "意识形态责任制落实不到位"),
    ("trailing-problem", "党组理论学习不够深入的问题", "党组理论学习不够深入"),
    ("corner-brackets", "关于「政府采购内控不健全」问题的整改情况", "政府采购内控不健全"),
    ("corner-brackets-bare", "「档案管理不规范」问题", "档案管理不规范"),
    # The statement runs over several sentences; the heading stops at its first 。, before the close quote.
    ("quoted-unclosed", "关于“落实议事规则不严格", "落实议事规则不严格"),
    ("quoted-unclosed-zhendui", "针对“资金拨付进度偏慢", "资金拨付进度偏慢"),
]


@pytest.mark.parametrize(("name", "heading", "statement"), STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_issue_statement(name, heading, statement):
    found = issue_statement(heading)
    assert found is not None
    assert found[0] == statement
    assert heading[found[1]:found[2]] == statement


NOT_STATEMENTS = [
    ("overview", "整改工作开展情况"),
    ("generic-parent", "巡察反馈问题整改落实情况"),
    ("about-generic", "关于巡察反馈问题的整改情况"),
    ("measure", "强化政治理论武装"),
    ("label-only", "存在的问题"),
]


@pytest.mark.parametrize(("name", "heading"), NOT_STATEMENTS, ids=[s[0] for s in NOT_STATEMENTS])
def test_no_issue_statement(name, heading):
    assert issue_statement(heading) is None


def roles(text):
    return [(n.marker, n.role, n.issue) for n in iter_nodes(parse_outline(text))]


LAYOUTS = [
    (
        "issue-then-measures",
        "一、关于“作风建设不实”问题的整改情况\n1.开展作风整治。\n2.规范公车使用。",
        [("一、", "issue", "作风建设不实"), ("1.", "measure", None), ("2.", "measure", None)],
    ),
    (
        "overview-and-generic-parent",
        "一、整改工作开展情况\n党组召开专题会议。\n二、巡察反馈问题整改落实情况\n(一)党组理论学习不够系统\n"
        "1.完善学习制度。\n(二)强化阵地建设\n三、下一步工作打算\n(一)巩固成果。",
        [("一、", "other", None), ("二、", "other", None), ("(一)", "issue", "党组理论学习不够系统"),
         ("1.", "measure", None), ("(二)", "measure", None), ("三、", "closing", None),
         ("(一)", "closing", None)],
    ),
    (
        "nested-aspect-problem",
        "(一)在“党的领导弱化”方面\n1.关于“学习不深入”问题的整改\n(1)修订学习制度。\n(2)建立学习台账。",
        [("(一)", "other", "党的领导弱化"), ("1.", "issue", "学习不深入"), ("(1)", "measure", None),
         ("(2)", "measure", None)],
    ),
    (
        "problem-label-block",
        "一、关于选人用人不规范的问题\n(一)存在的问题\n动议程序不规范。\n(二)整改措施\n1.规范动议程序。\n2.加强纪实管理。",
        [("一、", "issue", "选人用人不规范"), ("(一)", "other", None), ("(二)", "other", None),
         ("1.", "measure", None), ("2.", "measure", None)],
    ),
    (
        "label-block-gives-statement",
        "一、党风廉政建设\n(一)存在问题\n廉政风险排查流于形式。\n(二)整改措施\n1.开展风险排查。",
        [("一、", "issue", "廉政风险排查流于形式"), ("(一)", "other", None), ("(二)", "other", None),
         ("1.", "measure", None)],
    ),
    (
        "problem-and-rectification-pairs",
        "一、党的领导弱化方面\n(一)问题:请示报告不及时。\n整改情况:建立请示报告台账。",
        [("一、", "other", "党的领导弱化"), ("(一)", "issue", "请示报告不及时"), ("", "measure", None)],
    ),
    (
        "quoted-measure-under-issue",
        "一、关于“作风不实”问题的整改情况\n1.“四风”问题专项整治。开展督查。\n二、“四风”问题的整改情况\n1.开展督查。",
        [("一、", "issue", "作风不实"), ("1.", "measure", None), ("二、", "issue", "四风"), ("1.", "measure", None)],
    ),
    (
        "top-level-problem-list",
        "一、存在的问题\n(一)选人用人程序不规范\n二、整改措施\n1.规范动议程序。",
        [("一、", "other", None), ("(一)", "issue", "选人用人程序不规范"), ("二、", "other", None),
         ("1.", "measure", None)],
    ),
    (
        "numbered-subproblems-with-report-label",
        "一、巡察反馈问题整改进展情况\n(一)反馈问题:财务管理制度执行不严。\n1.公务接待审批不规范。\n"
        "整改情况:修订接待管理办法。\n2.固定资产管理不到位。\n整改情况:开展资产清查。",
        [("一、", "other", None), ("(一)", "other", "财务管理制度执行不严"), ("1.", "issue", "公务接待审批不规范"),
         ("", "measure", None), ("2.", "issue", "固定资产管理不到位"), ("", "measure", None)],
    ),
    (
        # 问题一：<statement> headings under 二、, answered by unnumbered paragraphs
        "problem-numbered-headings",
        "一、总体情况\n反馈问题2个。\n二、具体整改情况\n问题一:支部组织生活质量不高\n整改措施:制定组织生活清单。\n"
        "问题二:财务报销审核把关不严\n整改措施:建立报销复核制度。",
        [("一、", "other", None), ("二、", "other", None), ("问题一:", "issue", "支部组织生活质量不高"),
         ("", "measure", None), ("问题二:", "issue", "财务报销审核把关不严"), ("", "measure", None)],
    ),
    (
        # audit 公告: every numbered problem answered by its own 整改情况： paragraph is an
        # issue, also when its wording carries no problem cue word
        "audit-items-each-with-report-label",
        "一、审计整改总体情况\n审计指出问题3个。\n二、审计发现问题的整改情况\n1.工程结算审核不规范。\n整改情况:已委托第三方复审。\n"
        "2.往来款长期挂账。\n整改情况:已清理挂账11笔。\n3.食堂账目与现金日记账不符。\n整改情况:已对账调整。",
        [("一、", "other", None), ("二、", "other", None), ("1.", "issue", "工程结算审核不规范"), ("", "measure", None),
         ("2.", "issue", "往来款长期挂账"), ("", "measure", None),
         ("3.", "issue", "食堂账目与现金日记账不符"), ("", "measure", None)],
    ),
    (
        # 一、关于…方面 groups problem headings that hold their own measures: the (一) are the issues
        "bare-aspect-groups-problem-headings",
        "一、关于加强党的建设方面\n(一)支部换届工作不及时\n1.开展换届排查。\n2.完成到期换届。\n"
        "(二)党员教育管理不严\n1.建立积分管理制度。\n二、关于作风建设方面\n(一)督查检查流于形式\n1.改进督查方式。",
        [("一、", "other", None), ("(一)", "issue", "支部换届工作不及时"), ("1.", "measure", None),
         ("2.", "measure", None), ("(二)", "issue", "党员教育管理不严"), ("1.", "measure", None),
         ("二、", "other", None), ("(一)", "issue", "督查检查流于形式"), ("1.", "measure", None)],
    ),
    (
        # the same aspect title over plain measures (with sub-steps) stays the issue
        "bare-aspect-over-measures-stays-issue",
        "一、在落实意识形态责任方面\n(一)完善研判机制\n1.每季度研判一次。\n(二)加强阵地管理\n1.清理公众号。",
        [("一、", "issue", "落实意识形态责任"), ("(一)", "measure", None), ("1.", "other", None),
         ("(二)", "measure", None), ("1.", "other", None)],
    ),
    (
        "measure-naming-a-shortcoming-stays-measure",
        "(一)关于“资产管理不规范”问题的整改情况\n1.针对台账不健全问题,建立资产台账。\n整改情况:已完成。",
        [("(一)", "issue", "资产管理不规范"), ("1.", "measure", None)],
    ),
]


# Held-out round 3: aim-worded headings (聚焦…，推动…。) whose body names the problem they answer.
LAYOUTS += [
    (
        "aim-heading-body-names-problem",
        "一、整改工作开展情况\n党组召开专题会议。\n二、省委巡视反馈问题整改进展情况\n(一)聚焦乡村振兴,推动帮扶项目见效。针对“帮扶项目后续管护不到位”的问题,"
        "一是建立管护台账;二是开展回访。\n(二)聚焦队伍建设,提升履职能力。针对“基层人员专业能力偏弱”等问题,"
        "一是组织轮训。\n三、下一步工作打算\n(一)巩固成果。",
        [("一、", "other", None), ("二、", "other", None), ("(一)", "issue", "聚焦乡村振兴,推动帮扶项目见效"), ("", "measure", None),
         ("(二)", "issue", "聚焦队伍建设,提升履职能力"), ("", "measure", None), ("三、", "closing", None),
         ("(一)", "closing", None)],
    ),
    (
        "aim-heading-body-without-problem-stays-measure",
        "一、整改工作开展情况\n党组召开专题会议。\n二、省委巡视反馈问题整改进展情况\n"
        "(一)关于“帮扶项目管护不到位”问题的整改情况\n"
        "(二)聚焦队伍建设,提升履职能力。组织全员轮训2次。",
        [("一、", "other", None), ("二、", "other", None), ("(一)", "issue", "帮扶项目管护不到位"),
         ("(二)", "measure", None)],
    ),
    (
        "sub-problem-quote-spans-sentences",
        "(一)在“决策部署落实不够有力”方面\n1.关于“理论学习不够深入”问题的整改\n"
        "(1)关于“学习研讨流于形式。全年专题研讨仅2次,未结合业务工作实际开展\n整改情况:已制定研讨计划。",
        [("(一)", "other", "决策部署落实不够有力"), ("1.", "other", "理论学习不够深入"),
         ("(1)", "issue", "学习研讨流于形式"), ("", "measure", None)],
    ),
    (
        "area-title-above-problems-answered-on-run-in-report-lines",
        "一、惠民政策落实有偏差\n1.低保对象调整不及时。\n整改：已召开村民代表会议。\n"
        "2.高龄补贴名单未公示。\n整改：已在公开栏公示。",
        [("一、", "other", None), ("1.", "issue", "低保对象调整不及时"), ("", "measure", None),
         ("2.", "issue", "高龄补贴名单未公示"), ("", "measure", None)],
    ),
    (
        "area-title-above-plain-measures-stays-other",
        "一、惠民政策落实有偏差\n1.召开村民代表会议。\n2.在公开栏公示名单。",
        [("一、", "other", None), ("1.", "other", None), ("2.", "other", None)],
    ),
    (
        "slow-progress-problem-under-generic-parent",
        "一、整改工作开展情况\n党组召开专题会议。\n二、巡察反馈问题的整改情况\n"
        "(一)医保经办服务不够便民。推行网上办理。\n"
        "(二)支付方式改革推进缓慢。5月起推行按病种分值付费。",
        [("一、", "other", None), ("二、", "other", None), ("(一)", "issue", "医保经办服务不够便民"),
         ("", "measure", None), ("(二)", "issue", "支付方式改革推进缓慢"), ("", "measure", None)],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), LAYOUTS, ids=[x[0] for x in LAYOUTS])
def test_roles_by_layout(name, text, expected):
    assert roles(text) == expected


def test_status_paragraph_extends_the_measure_above():
    text = (
        "一、党的领导弱化方面\n"
        "1.问题:请示报告不及时。\n"
        "整改措施:建立请示报告台账,每月梳理。\n"
        "整改情况:已完成。共报告事项12件。\n"
        "2.问题:会议记录不完整。\n"
        "整改情况:已完成。补齐记录。"
    )
    first, second = parse_outline(text)[0].children
    (measure,) = first.children
    assert measure.heading == "建立请示报告台账,每月梳理"
    assert measure.end == text.index("\n2.问题")
    assert [c.heading for c in second.children] == ["已完成"]


def test_category_heading_groups_issues():
    text = (
        "一、审计查出问题的整改情况\n"
        "(一)市级预算执行审计查出问题的整改情况\n"
        "1.部分非税收入未及时缴库问题。已缴入国库。\n"
        "2.关于项目资金下达不及时的问题\n"
        "已下达资金全部到位。"
    )
    assert roles(text) == [
        ("一、", "other", None), ("(一)", "other", None),
        ("1.", "issue", "部分非税收入未及时缴库"), ("", "measure", None),
        ("2.", "issue", "项目资金下达不及时"), ("", "measure", None),
    ]


def test_heading_naming_next_steps_is_closing():
    text = "一、关于“甲”问题的整改情况\n1.措施。\n二、尚未整改到位的问题及下一步工作安排\n一是加快进度;二是加强督办。"
    closing = parse_outline(text)[1]
    assert (closing.role, closing.items) == ("closing", ["加快进度", "加强督办"])


def test_issue_spans_index_the_text():
    text = "一、关于“落实‘第一议题’制度不够严格”问题的整改情况\n1.健全制度。"
    (issue,) = parse_outline(text)
    assert text[issue.issue_start:issue.issue_end] == issue.issue == "落实‘第一议题’制度不够严格"


def test_childless_issue_gets_paragraph_measures():
    text = (
        "一、关于“审计问题整改不彻底”问题的整改情况\n"
        "按照职责分工,已追回资金3.2万元。剩余款项签订分期协议。\n"
        "建立补贴发放动态监测机制,防止类似问题发生。\n"
        "二、关于“安全管理不到位”问题的整改情况\n1.开展隐患排查。"
    )
    issue = parse_outline(text)[0]
    assert [(c.marker, c.ordinal, c.level, c.role, c.heading) for c in issue.children] == [
        ("", 0, 2, "measure", "按照职责分工,已追回资金3.2万元"),
        ("", 0, 2, "measure", "建立补贴发放动态监测机制,防止类似问题发生"),
    ]
    first = issue.children[0]
    assert first.start == text.index("按照") and text[first.end - 1] == "。"


def test_paragraph_measure_drops_its_label():
    text = "一、关于“台账不全”问题的整改情况\n整改情况:建立工作台账。每月更新。"
    (measure,) = parse_outline(text)[0].children
    assert measure.heading == "建立工作台账"
    assert text[measure.heading_start:measure.heading_end] == "建立工作台账"


ITEMS = [
    ("shi", "一是加强学习,提高认识;二是完善制度。三是严格考核。", ["加强学习,提高认识", "完善制度", "严格考核"]),
    ("shi-after-colon", "主要做法:一是建台账;二是抓督办。", ["建台账", "抓督办"]),
    ("di", "第一,压实责任;第二,强化监督。", ["压实责任", "强化监督"]),
    ("paren-inline", "重点抓好(1)资产清查,(2)台账建设。", ["资产清查", "台账建设"]),
    ("circled", "包括①清理挂账;②规范核算。", ["清理挂账", "规范核算"]),
    ("two-runs", "一是甲;二是乙。另外,一是丙;二是丁。", ["甲", "乙", "丙", "丁"]),
    ("ten-plus", "一是甲;二是乙;三是丙;四是丁;五是戊;六是己;七是庚;八是辛;九是壬;十是癸;十一是子。",
     ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子"]),
]


@pytest.mark.parametrize(("name", "text", "items"), ITEMS, ids=[i[0] for i in ITEMS])
def test_items(name, text, items):
    assert find_items(text) == items


NOT_ITEMS = [
    ("tongyi", "统一是前提,唯一是关键。"),
    ("lonely", "一是加强学习。"),
    ("not-from-one", "二是完善制度;三是严格考核。"),
    ("di-ci", "第一次会议和第二次会议。"),
    ("single-paren", "见附件(1)。"),
]


@pytest.mark.parametrize(("name", "text"), NOT_ITEMS, ids=[i[0] for i in NOT_ITEMS])
def test_not_items(name, text):
    assert find_items(text) == []


def test_items_belong_to_own_body():
    text = (
        "一、关于“制度不健全”问题的整改情况\n"
        "总体上,一是摸清底数;二是分类施策。\n"
        "1.完善制度。一是修订规则;二是建立台账。\n"
        "2.强化执行。(1)定期检查,(2)通报结果。"
    )
    (issue,) = parse_outline(text)
    assert issue.items == ["摸清底数", "分类施策"]
    assert [c.items for c in issue.children] == [["修订规则", "建立台账"], ["定期检查", "通报结果"]]


# Circled numbers written inline on a line that opens with ①: items, not headings.
INLINE_CIRCLED = [
    ("under_a_measure",
     "一、关于“采购管理不规范”问题的整改情况\n1.规范采购流程。\n①梳理采购事项。②建立比价台账。③开展季度抽查。\n2.强化监督。",
     [("1.", ["梳理采购事项", "建立比价台账", "开展季度抽查"], []), ("2.", [], [])]),
    ("run_continues_on_next_line",
     "一、关于“档案管理混乱”问题的整改情况\n1.完善档案制度。\n①清理历史档案,补齐缺页。②统一归档标准。\n③落实专人管理。\n2.加强检查。",
     [("1.", ["清理历史档案,补齐缺页", "统一归档标准", "落实专人管理"], []), ("2.", [], [])]),
    ("one_per_line_stay_headings",
     "一、关于“培训不到位”问题的整改情况\n1.加强培训。\n①制定年度培训计划。\n②组织集中轮训。\n2.严格考核。",
     [("1.", [], ["①", "②"]), ("2.", [], [])]),
    ("new_run_after_headings",
     "一、关于“值班制度执行不严”问题的整改情况\n1.严格值班。\n①修订值班办法。\n②落实带班制度。\n"
     "2.加强督查。\n①每周抽查。②每月通报。",
     [("1.", [], ["①", "②"]), ("2.", ["每周抽查", "每月通报"], [])]),
]


@pytest.mark.parametrize(("name", "text", "expected"), INLINE_CIRCLED, ids=[c[0] for c in INLINE_CIRCLED])
def test_inline_circled_run_is_items(name, text, expected):
    (issue,) = parse_outline(text)
    assert [(c.marker, c.items, [g.marker for g in c.children]) for c in issue.children] == expected


def test_inline_circled_directly_under_an_issue_go_to_its_paragraph():
    text = "一、关于“台账不全”问题的整改情况\n①建立台账。②每月更新。③专人负责。\n二、关于“制度缺失”问题的整改情况\n1.修订制度。"
    first, second = parse_outline(text)
    (paragraph,) = first.children
    assert (paragraph.marker, paragraph.items) == ("", ["建立台账", "每月更新", "专人负责"])
    assert [c.marker for c in second.children] == ["1."]


# Held-out round 2: a …方面 grouping (even one naming 腐败问题) above bare issue headings with
# circled measures; 存在漏洞 names a shortcoming.
GROUPINGS = [
    (
        "grouping-naming-problems-with-loophole-issue",
        "(一)群众身边腐败问题方面\n1.集体资产管理不规范\n①开展资产清查。\n②规范出租管理。\n"
        "2.低保资金发放存在漏洞\n①开展入户核查。\n",
        [("(一)", "other", None), ("1.", "issue", "集体资产管理不规范"), ("①", "measure", None),
         ("②", "measure", None), ("2.", "issue", "低保资金发放存在漏洞"), ("①", "measure", None)],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), GROUPINGS, ids=[g[0] for g in GROUPINGS])
def test_aspect_grouping(name, text, expected):
    assert roles(text) == expected


# Held-out round 7: an audit report groups its numbered findings under subject-area headings
# ((一)关于…方面的问题 → 1．<finding>。<what was done>); the findings are the issues.  An aspect
# above imperative measure headings stays the issue.
FINDING_GROUPS = [
    (
        "audit-area-heading-above-run-in-findings",
        "一、整改工作开展情况\n召开专题会议。\n二、审计查出问题的具体整改情况\n(一)关于专项资金管理方面的问题\n"
        "1.部分补贴资金未及时拨付。区财政局已拨付到位。\n2.项目结算多计工程款。已追回多付款项。\n"
        "(二)关于国有资产方面的问题\n1.部分办公用房闲置。已调剂使用。\n2.就业培训台账登记不规范。已重新登记。\n",
        [("一、", "other", None), ("二、", "other", None), ("(一)", "other", "专项资金管理"),
         ("1.", "issue", "部分补贴资金未及时拨付"), ("", "measure", None),
         ("2.", "issue", "项目结算多计工程款"), ("", "measure", None),
         ("(二)", "other", "国有资产"),
         ("1.", "issue", "部分办公用房闲置"), ("", "measure", None),
         ("2.", "issue", "就业培训台账登记不规范"), ("", "measure", None)],
    ),
    (
        "aspect-above-imperative-measures-stays-issue",
        "一、整改工作开展情况\n召开专题会议。\n二、巡察反馈问题整改落实情况\n(一)关于资产管理方面的问题\n1.开展资产清查。全面摸底。\n"
        "2.健全出租制度。修订办法。\n",
        [("一、", "other", None), ("二、", "other", None), ("(一)", "issue", "资产管理"), ("1.", "measure", None),
         ("2.", "measure", None)],
    ),
    (
        "aspect-with-one-finding-and-one-measure-stays-issue",
        "(一)关于资金管理方面的问题\n1.部分资金未及时拨付。已拨付。\n2.建立拨付台账。每月更新。\n",
        [("(一)", "issue", "资金管理"), ("1.", "measure", None), ("2.", "measure", None)],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), FINDING_GROUPS, ids=[g[0] for g in FINDING_GROUPS])
def test_finding_grouping(name, text, expected):
    assert roles(text) == expected


# Held-out round 7: a results heading (二、主要整改成效) holds aim-worded themes
# ((一)聚焦…,推动…) whose numbered children are the measures; the themes are the issues.
RESULT_PARENTS = [
    (
        "results-heading-above-aim-themes",
        "一、总体进展\n已完成整改20个。\n二、主要整改成效\n(一)聚焦主责主业,推动转型发展\n"
        "1.压减低效投资。退出企业5户。\n2.加快项目建设。新开工8个。\n(二)聚焦风险防控,堵塞管理漏洞\n"
        "1.清收应收账款。累计清收1亿元。\n三、下一步工作\n1.持续跟踪督办。",
        [("一、", "other", None), ("二、", "other", None),
         ("(一)", "issue", "聚焦主责主业,推动转型发展"), ("1.", "measure", None), ("2.", "measure", None),
         ("(二)", "issue", "聚焦风险防控,堵塞管理漏洞"), ("1.", "measure", None),
         ("三、", "closing", None), ("1.", "closing", None)],
    ),
    (
        "progress-heading-above-aim-themes",
        "一、整改工作开展情况\n召开专题会议。\n二、巡视整改进展\n(一)聚焦作风建设,减轻基层负担\n1.精简会议文件。发文减少两成。\n2.规范督查检查。",
        [("一、", "other", None), ("二、", "other", None), ("(一)", "issue", "聚焦作风建设,减轻基层负担"), ("1.", "measure", None),
         ("2.", "measure", None)],
    ),
    (
        "overview-progress-heading-is-no-parent",
        "一、整改总体进展\n(一)压实整改责任\n1.召开专题会议。\n",
        [("一、", "other", None), ("(一)", "other", None), ("1.", "other", None)],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), RESULT_PARENTS, ids=[g[0] for g in RESULT_PARENTS])
def test_results_heading_groups_issues(name, text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("部分行政事业单位资产闲置", True), ("就业补助资金审核把关不严", True), ("对外出借资金未履行审批程序", True),
     ("对违规出借资金开展清理", False), ("完善资产管理不规范的制度", False), ("压减非主业投资", False),
     ("解决部分村集体资产闲置问题", False)],
    ids=["idle-assets", "noun-jiuye-is-no-lead-word", "noun-duiwai-is-no-lead-word", "dui-lead-word-measure",
         "measure-verb-first", "no-shortcoming", "fixing-verb-first"],
)
def test_names_shortcoming(heading, expected):
    assert names_shortcoming(heading) is expected


# -- shortcuts: one set or word test for a group of patterns, checked against the patterns ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from zhenggai.outline import cues  # noqa: E402
from zhenggai.outline.roles import _NEEDS, _STRONG, _WEAK, _may_state, _statement  # noqa: E402

_HEADING_CHARS = "关于在针对问题方面的整改情况“”「」\"『』:：存反馈巡察主要一2 。,等下步今后工作措施"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_HEADING_CHARS, max_size=20))
def test_may_state_is_the_union_of_the_needs(heading):
    for group in (_STRONG, _WEAK):
        if any(_NEEDS[p](heading) for p in group):
            assert _may_state(heading, group)
        if not _may_state(heading, group):
            assert all(p.search(heading) is None for p in group)


@pytest.mark.parametrize("role", ["closing", "issue_label", "measure_label"])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_openers_rule_out_only_what_the_cues_cannot_open(role, data):
    words = list(cues.cues(role))
    head = data.draw(st.sampled_from(words + [""]))
    text = data.draw(st.text(alphabet=" \u3000\t" + _HEADING_CHARS, max_size=4)) + head
    text += data.draw(st.text(alphabet=_HEADING_CHARS, max_size=6))
    if text[:1] not in cues.openers(role):
        assert not cues.starts_with(role, text) and cues.cue_end(role, text) is None
    if cues.starts_with(role, text):
        assert text[:1] in cues.openers(role) and text[:1] in cues.openers("issue_label", "measure_label", role)


def test_statement_shortcut_keeps_the_statements():
    assert _statement("关于“理论学习不够深入”问题的整改情况", _STRONG)[0] == "理论学习不够深入"
    assert _statement("党的领导弱化方面问题的整改情况", _WEAK)[0] == "党的领导弱化"
    assert _statement("健全学习制度", _STRONG) is None and _statement("健全学习制度", _WEAK) is None


_GENERIC_TEXT_CHARS = "巡察反馈问题整改落实情况第三轮 ,、“”\"的及理论学习不够下一步工作今后"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_GENERIC_TEXT_CHARS, max_size=16))
def test_generic_characters_rule_out_only_what_the_pattern_refuses(text):
    # only_generic_words tests the characters before the pattern: the same answer as the pattern alone
    assert cues.only_generic_words(text) is (cues._generic_re().fullmatch(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_GENERIC_TEXT_CHARS + "阶段打算", max_size=16))
def test_phrase_openers_rule_out_only_texts_without_a_phrase(text):
    if cues.openers("closing_phrase").isdisjoint(text):
        assert not cues.contains("closing_phrase", text)
