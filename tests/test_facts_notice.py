"""extract_facts end to end on small notices, and the property that any text gives
valid facts and flags without raising."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_facts_support import mentions
from zhenggai.facts import NoticeFacts, check_flags, extract_facts, issuer_from_signature

NOTICE = (
    "首页 > 巡察工作\n"
    "中共某县民宗局党组关于县委巡察整改情况的通报\n"
    "来源:某县纪委监委  发布时间:2024-02-06 15:20\n"
    "根据县委统一部署,2023年4月3日至5月19日,县委第一巡察组对县民宗局党组开展了常规巡察。"
    "2023年7月11日,县委巡察组向县民宗局党组反馈了巡察意见。"
    "对反馈的3个方面8个问题,局党组制定整改措施27条,截至2024年1月底,已完成整改7个,正在整改1个。\n"
    "一、关于“宗教场所财务监管不到位”问题的整改情况\n"
    "1.规范财务管理。督促12处场所建立财务公开制度,追回违规支出2.1万元。\n"
    "二、关于“干部作风不够扎实”问题的整改情况\n"
    "1.改进作风。开展谈心谈话40人次。\n"
    "三、关于“制度执行不严格”问题的整改情况\n"
    "1.建章立制。修订完善制度6项。\n"
    "整改期间,局党组共建立完善制度11项,对3名干部进行谈话提醒,追回资金2.1万元。\n"
    "下一步,局党组将对正在整改的1个问题持续跟踪,力争2024年6月底前完成整改。\n"
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话:0000-1234567;通信地址:某县城关镇民主路1号。"
)


def _outline(text: str):
    from tests.test_facts_support import node

    heads = ["一、关于", "二、关于", "三、关于"]
    roots = []
    for i, h in enumerate(heads):
        end = heads[i + 1] if i + 1 < len(heads) else "下一步"
        roots.append(node(text, h, end, marker=h[:2], ordinal=i + 1))
    roots.append(node(text, "下一步", "欢迎", role="closing"))
    return roots


def test_small_notice_end_to_end():
    found = mentions(NOTICE, published=dt.date(2024, 2, 6))
    roots = _outline(NOTICE)
    facts = extract_facts(NOTICE, found, roots)
    assert facts.title == "中共某县民宗局党组关于县委巡察整改情况的通报"
    assert facts.issuer == "中共某县民宗局党组"
    assert facts.meta.site == "某县纪委监委"
    assert facts.meta.published_at == dt.datetime(2024, 2, 6, 15, 20)
    assert facts.inspection == {
        "kind": "巡察", "body": "县委", "team": "县委第一巡察组", "target": "县民宗局党组", "mode": "常规巡察",
        "start": dt.date(2023, 4, 3), "end": dt.date(2023, 5, 19), "feedback_date": dt.date(2023, 7, 11)}
    totals = {k: v for k, v in facts.totals.items() if k != "money"}
    assert totals == {"aspects": 3, "issues": 8, "measures_planned": 27, "completed": 7, "in_progress": 1,
                      "systems_established": 11, "people_talked_to": 3, "money_recovered_yuan": 21000}
    assert facts.contact == {"phone": "0000-1234567", "address": "某县城关镇民主路1号"}
    assert check_flags(NOTICE, found, roots, facts) == []





_ALPHABET = list("关于通报巡察巡视组对开展了常规反馈意见第一二三四轮方面问题个已完成整改正在信访件人元万"
                 "2023年月日至,。;:\n一、(一)1.下一步欢迎监督联系电话0571-8")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=300))
def test_any_text_gives_facts_and_flags(text):
    found = mentions(text)
    facts = extract_facts(text, found, [])
    assert isinstance(facts, NoticeFacts)
    if facts.title is not None:
        assert facts.meta.title_start is not None
        assert text[facts.meta.title_start :].startswith(facts.title)
    for key in ("start", "end", "feedback_date"):
        assert facts.inspection.get(key) is None or isinstance(facts.inspection[key], dt.date)
    if facts.inspection.get("start") and facts.inspection.get("end"):
        assert facts.inspection["start"] <= facts.inspection["end"]
    for code, message in check_flags(text, found, [], facts, published=dt.date(2023, 1, 1)):
        assert code.isidentifier() and message


# Fix round 3: the issuer signed above the date when the title names none.
SIGNATURE_ISSUERS = [
    ("office_on_its_own_line", "关于县委巡察整改情况的通报\n……特此通报。\n\n中共某县委巡察工作领导小组办公室\n2025年3月4日\n",
     "中共某县委巡察工作领导小组办公室"),
    ("name_over_two_lines", "关于县委巡察整改情况的通报\n……特此通报。\n中共某县委巡察工作\n领导小组办公室\n二〇二五年三月四日",
     "中共某县委巡察工作领导小组办公室"),
    ("party_group_word_on_next_line", "关于巡察整改情况的通报\n……\n中共某县自然资源局\n党组\n2024年12月2日",
     "中共某县自然资源局党组"),
    ("bureau_without_party_prefix", "关于审计整改情况的公告\n……特此公告。\n某县农业农村局\n2024年5月8日",
     "某县农业农村局"),
    ("name_beside_the_date", "关于巡察整改情况的通报\n……\n中共某镇委员会　2024年6月1日", "中共某镇委员会"),
    ("print_links_after_date", "关于巡察整改情况的通报\n……\n中共某镇委员会\n2024年6月1日\n【打印本页】【关闭窗口】",
     "中共某镇委员会"),
    ("body_sentence_is_no_issuer", "关于巡察整改情况的通报\n下一步,局党组将持续巩固整改成果。\n2024年6月1日", None),
    ("no_signature_date", "关于巡察整改情况的通报\n中共某镇委员会", None),
]


@pytest.mark.parametrize("text,issuer", [c[1:] for c in SIGNATURE_ISSUERS], ids=[c[0] for c in SIGNATURE_ISSUERS])
def test_issuer_from_signature_block(text, issuer):
    assert issuer_from_signature(text) == issuer
    assert extract_facts(text, [], []).issuer == issuer


def test_title_issuer_wins_over_signature():
    text = "中共某县林业局党组关于县委巡察整改情况的通报\n……\n中共某县林业局机关委员会\n2024年6月1日"
    assert extract_facts(text, [], []).issuer == "中共某县林业局党组"
