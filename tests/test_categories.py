"""The issue taxonomy (zhenggai.facts.categories; docs/taxonomy.md): tags, level 1, evidence, records."""

from __future__ import annotations

import pytest

from zhenggai.facts.categories import categorize, find_frame, level1_labels, tag_labels

TAGS = [
    ("理论学习中心组学习流于形式", {"theory_study"}),
    ("推动乡村振兴战略落地不够有力", {"decisions", "livelihood"}),
    ("网络舆情应对处置不及时", {"ideology"}),
    ("河湖长制落实不到位", {"ecology"}),
    ("政府隐性债务风险防控不力", {"risk"}),
    ("安全生产隐患排查整治不彻底", {"safety"}),
    ("党组落实全面从严治党主体责任不到位", {"main_responsibility"}),
    ("派驻纪检组监督执纪问责偏松偏软", {"supervision_responsibility"}),
    ("违规发放津补贴，财务报销把关不严", {"eight_rules", "finance"}),
    ("督查检查考核过多过频，基层负担重", {"formalism"}),
    ("利用职务便利为亲属经商谋取利益", {"integrity"}),
    ("工程项目未批先建，规避公开招标", {"procurement"}),
    ("国有资产底数不清，部分房产闲置", {"state_assets"}),
    ("干部超职数配备，选人用人程序不规范", {"cadre_selection"}),
    ("个人有关事项报告不如实，干部违规兼职", {"cadre_supervision"}),
    ("基层党组织软弱涣散，三会一课执行不严", {"grassroots"}),
    ("民主集中制执行不到位，三重一大事项未集体决策", {"leadership"}),
    ("上轮巡察反馈问题整改不到位，问题反弹回潮", {"previous_rectification"}),
]


@pytest.mark.parametrize("issue,tags", TAGS, ids=[t for _, tags in TAGS for t in [sorted(tags)[0]]])
def test_topic_tags(issue, tags):
    got = {c.code for c in categorize(issue) if c.level == 2}
    assert tags <= got


@pytest.mark.parametrize(
    "issue,frames,audit,level1",
    [
        ("违规发放津补贴", [], False, "party_discipline"),  # the tag's part
        ("党费收缴不规范", ["三、落实新时代党的组织路线方面"], False, "organisation"),  # the heading decides
        ("公车私用", ["一、落实党的理论和路线方针政策及重大决策部署方面"], False, "policy"),
        ("专项资金闲置", [], True, "other"),  # audit findings are "other"
        ("专项资金闲置", ["二、落实全面从严治党战略部署方面"], True, "party_discipline"),
        ("安置房销售价格核定不规范", [], False, "other"),  # no topic named
        # A heading that groups the notice's own rectification is no framework part.
        ("公车私用", ["二、巡视反馈问题整改落实情况"], False, "party_discipline"),
        ("问题整改走过场", ["四、落实巡视巡察、审计等监督发现问题整改方面"], False, "rectification"),
        # The nearest framework heading wins over an outer one.
        ("x", ["一、落实全面从严治党战略部署方面", "（二）落实新时代党的组织路线方面"], False, "organisation"),
    ],
    ids=["tag", "frame-organisation", "frame-policy", "audit", "audit-frame", "none", "not-a-frame",
         "frame-rectification", "nearest-frame"],
)
def test_level1(issue, frames, audit, level1):
    cats = categorize(issue, frames=frames, audit=audit)
    assert cats[0].level == 1 and cats[0].code == level1
    assert cats[0].label == level1_labels()[level1]


def test_evidence_is_the_words_as_written():
    cats = categorize("违规发放津补贴，公务接待超标准")
    eight = next(c for c in cats if c.code == "eight_rules")
    assert "公务接待" in eight.evidence and eight.label == "中央八项规定精神/作风"
    assert cats[0].evidence == ("违规发放津补贴",)  # level 1 from the earliest tag's first cue


def test_context_stands_in_for_a_statement_that_names_no_topic():
    assert [c.code for c in categorize("存在薄弱环节")] == ["other"]
    cats = categorize("存在薄弱环节", context="主要表现为：部分党支部三会一课记录不全")
    assert [c.code for c in cats] == ["organisation", "grassroots"]


def test_integrity_risk_is_not_a_policy_risk():
    assert "risk" not in {c.code for c in categorize("重点领域廉洁风险防控不到位")}


def test_find_frame():
    assert find_frame("一、落实全面从严治党战略部署方面") == ("party_discipline", "全面从严治党战略部署")
    assert find_frame("二、巡察反馈问题整改情况") is None


def test_every_tag_has_a_framework_part():
    parts = set(level1_labels())
    assert {"policy", "party_discipline", "organisation", "rectification", "other"} == parts
    assert all(level1 in parts for _, level1 in tag_labels().values())
    assert len(tag_labels()) == 20


def test_records_carry_categories_on_issue_sections_only():
    import zhenggai

    text = (
        "中共某县财政局党组关于县委巡察整改情况的通报\n"
        "一、落实全面从严治党战略部署方面\n"
        "（一）关于“违规发放津补贴”的问题\n"
        "1.全面清理。对2023年发放的补贴逐笔核查。\n"
        "（二）关于“财务报销把关不严”的问题\n"
        "1.完善制度。修订报销办法。\n"
    )
    notice = zhenggai.extract_text(text)
    issues = [c for s in notice.sections for c in s.children if c.role == "issue"]
    assert [s.issue for s in issues] == ["违规发放津补贴", "财务报销把关不严"]
    assert [(c.level, c.code) for c in issues[0].categories] == [(1, "party_discipline"), (2, "eight_rules")]
    assert issues[0].categories[0].evidence == ["全面从严治党战略部署"]
    assert [c.code for c in issues[1].categories] == ["party_discipline", "finance"]
    measures = [m for s in issues for m in s.children]
    assert measures and all(m.categories == [] for m in measures)


def test_issue_categories_table_rows():
    import zhenggai
    from zhenggai.corpus.rows import notice_rows

    notice = zhenggai.extract_text("关于巡察整改情况的通报\n一、关于“公车私用”的问题\n1.加强管理。\n")
    rows = notice_rows(notice, input_name="x.txt", content_hash=None)["issue_categories"]
    assert [(r["level"], r["code"], r["issue"]) for r in rows] == [
        (1, "party_discipline", "公车私用"), (2, "eight_rules", "公车私用")]
    assert rows[0]["section_path"] == "1" and rows[0]["section_seq"] == 0
