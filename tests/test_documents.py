"""Tests for zhenggai.mentions.documents.find_documents (titles 《…》 and document numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.mentions.documents import find_documents


def _titles(text):
    return [f for f in find_documents(text) if f.kind == "document"]


def _numbers(text):
    return [f for f in find_documents(text) if f.kind == "docnumber"]


# (sentence, mention text, start, title)
SIMPLE = [
    ("制定《养老机构服务质量评价办法》", "《养老机构服务质量评价办法》", 2, "养老机构服务质量评价办法"),
    ("修订《社会救助资金管理规定(试行)》", "《社会救助资金管理规定(试行)》", 2, "社会救助资金管理规定(试行)"),
    ("《区民政局内部控制手册》已印发", "《区民政局内部控制手册》", 0, "区民政局内部控制手册"),
]
NESTED = [
    ("转发《关于贯彻〈慈善法〉的实施意见》", "《关于贯彻〈慈善法〉的实施意见》", 2, "关于贯彻〈慈善法〉的实施意见"),
    ("印发《关于落实《殡葬管理条例》的通知》", "《关于落实《殡葬管理条例》的通知》", 2, "关于落实《殡葬管理条例》的通知"),
    ("对照《关于《社区工作规程》修订", "《社区工作规程》", 5, "社区工作规程"),
]
TITLE_CASES = SIMPLE + NESTED
TITLE_IDS = [f"simple-{i}" for i in range(len(SIMPLE))] + [f"nested-{i}" for i in range(len(NESTED))]


@pytest.mark.parametrize("sentence, text, start, title", TITLE_CASES, ids=TITLE_IDS)
def test_title(sentence, text, start, title):
    found = _titles(sentence)
    assert len(found) == 1, found
    f = found[0]
    assert (f.text, f.start, f.end) == (text, start, start + len(text))
    assert sentence[f.start : f.end] == f.text
    assert f.values == {"title": title}


def test_several_titles_in_order():
    sentence = "先后出台《救助站管理办法》《临时救助实施细则》和《社会组织年检规程》"
    assert [f.values["title"] for f in _titles(sentence)] == ["救助站管理办法", "临时救助实施细则", "社会组织年检规程"]


NON_TITLES = [
    ("提出《未闭合的书名号仍在继续", "unclosed"),
    ("见《上一行\n下一行》", "newline"),
    ("空书名号《》不算", "empty"),
    ("《" + "长" * 201 + "》", "too-long"),
    ("单个〈条例〉不是书名号", "single-angle"),
    ("多余的》右括号", "stray-close"),
]


@pytest.mark.parametrize("sentence", [c[0] for c in NON_TITLES], ids=[c[1] for c in NON_TITLES])
def test_not_title(sentence):
    assert _titles(sentence) == []


def test_title_of_200_chars_is_kept():
    sentence = "《" + "规" * 200 + "》"
    assert len(_titles(sentence)) == 1


# (sentence, mention text, start, prefix, year, number)
BRACKETS = [
    ("按照浙民发〔2023〕12号文件要求", "浙民发〔2023〕12号", 2, "浙民发", 2023, 12),
    ("依据国办发[2022]3号", "国办发[2022]3号", 2, "国办发", 2022, 3),
    ("转发杭政办函［2021］45号", "杭政办函［2021］45号", 2, "杭政办函", 2021, 45),
    ("执行中发〔2016〕33号精神", "中发〔2016〕33号", 2, "中发", 2016, 33),
    ("杭纪〔2023〕5号明确", "杭纪〔2023〕5号", 0, "杭纪", 2023, 5),
    ("区委办【2020】8号", "区委办【2020】8号", 0, "区委办", 2020, 8),
    ("方案(镇发〔2023〕9 号)", "镇发〔2023〕9 号", 3, "镇发", 2023, 9),
]
NO_PREFIX = [
    ("见〔2023〕第12号", "〔2023〕第12号", 1, None, 2023, 12),
    ("(〔2019〕 7号)", "〔2019〕 7号", 1, None, 2019, 7),
]
ROUND = [
    ("根据市民函(2023)9号", "市民函(2023)9号", 2, "市民函", 2023, 9),
    ("《通知》(区财发(2022)31号)", "区财发(2022)31号", 5, "区财发", 2022, 31),
    ("印发了浙卫通（2021）6号", "浙卫通（2021）6号", 3, "浙卫通", 2021, 6),
]
NUMBER_CASES = BRACKETS + NO_PREFIX + ROUND
NUMBER_IDS = (
    [f"bracket-{i}" for i in range(len(BRACKETS))]
    + [f"no-prefix-{i}" for i in range(len(NO_PREFIX))]
    + [f"round-{i}" for i in range(len(ROUND))]
)


@pytest.mark.parametrize("sentence, text, start, prefix, year, number", NUMBER_CASES, ids=NUMBER_IDS)
def test_docnumber(sentence, text, start, prefix, year, number):
    found = _numbers(sentence)
    assert len(found) == 1, found
    f = found[0]
    assert (f.text, f.start, f.end) == (text, start, start + len(text))
    assert sentence[f.start : f.end] == f.text
    assert f.values == {"prefix": prefix, "year": year, "number": number}


def test_title_and_number_together_sorted():
    sentence = "印发《困难群众救助资金管理办法》(浙民发〔2023〕12号)"
    found = find_documents(sentence)
    assert [f.kind for f in found] == ["document", "docnumber"]
    assert [f.start for f in found] == sorted(f.start for f in found)


NON_NUMBERS = [
    ("(2023)年度工作", "round-year-only"),
    ("工作报告(2023)7号楼", "round-without-code-ending"),
    ("〔2023〕年度总结", "no-number"),
    ("[12]号文献", "not-a-year"),
    ("2023年12号台风", "plain-year"),
]


@pytest.mark.parametrize("sentence", [c[0] for c in NON_NUMBERS], ids=[c[1] for c in NON_NUMBERS])
def test_not_docnumber(sentence):
    assert _numbers(sentence) == []


_ALPHABET = st.sampled_from(list("《》〈〉〔〕[]［］()（）【】浙民发函字第号年规定办法0123456789 \n"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=50).map("".join))
def test_property_documents(text):
    found = find_documents(text)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for kind in ("document", "docnumber"):
        last_end = -1
        for f in (x for x in found if x.kind == kind):
            assert 0 <= f.start < f.end <= len(text)
            assert text[f.start : f.end] == f.text
            assert f.start >= last_end
            last_end = f.end
            if kind == "document":
                assert f.text[0] == "《" and f.text[-1] == "》"
                assert "\n" not in f.text and len(f.text) <= 202
                assert f.values["title"]
            else:
                assert 1900 <= f.values["year"] <= 2099 and f.values["number"] >= 0
