"""Document types (zhenggai.facts.doctype): title words, opening formulas and structure, each
type with the evidence that decided it; and `zhenggai evaluate` on a labelled folder."""

from __future__ import annotations

import pytest

from zhenggai.cli import main
from zhenggai.facts.doctype import DOC_TYPES, classify_doctype, opening_of, outline_summary

BY_TITLE = [
    ("rectification_progress", "中共某县林业局党组关于县委巡察整改进展情况的通报", "rectification"),
    ("rectification_gongshi", "某社区党委巡察整改落实情况公示", "rectification"),
    ("rectification_table_title", "某县税务局党委巡察整改进展情况一览表", "rectification"),
    ("audit_rectification_npc", "关于2023年度市级预算执行和其他财政收支审计查出问题整改情况的报告", "audit_rectification"),
    ("audit_rectification_unit", "某局关于经济责任审计整改情况的公告", "audit_rectification"),
    ("audit_report", "关于2023年度县本级预算执行和其他财政收支的审计工作报告", "audit_report"),
    ("audit_results_announcement", "县审计局关于县文旅局原局长任期经济责任审计结果公告", "audit_report"),
    ("feedback_team_to_unit", "市委第三巡察组向市卫健委党委反馈巡察情况", "feedback"),
    ("feedback_round_done", "十一届区委第五轮巡察完成反馈", "feedback"),
    ("feedback_meeting_held", "区委乡村振兴专项巡察反馈会召开", "feedback"),
    ("stationing_entered", "市委第二巡察组进驻市交通运输局开展巡察", "stationing"),
    ("stationing_gonggao", "县委第三巡察组巡察公告", "stationing"),
    ("stationing_mobilisation_held", "市委第六巡察组巡察市市场监管局党组工作动员会召开", "stationing"),
    ("news_hears_report", "市人大常委会听取审计查出问题整改情况报告", "news"),
    ("news_we_report", "我市通报十届市委第四轮巡察整改情况", "news"),
    ("news_meeting", "市卫健委召开巡察整改工作推进会", "news"),
]


@pytest.mark.parametrize("title,expected", [c[1:] for c in BY_TITLE], ids=[c[0] for c in BY_TITLE])
def test_title_words_decide(title, expected):
    got = classify_doctype(title, title + "\n根据巡察工作安排。")
    assert got.doc_type == expected
    assert any(e.startswith("title: ") for e in got.evidence)


BY_OPENING = [
    ("rectification_formula", "根据县委统一部署，县委第五巡察组对县市场监管局党组开展了巡察，并于2月17日反馈了巡察意见。"
     "现将整改进展情况予以公布。", "rectification"),
    ("audit_rectification_formula", "受县人民政府委托，现将2022年度县本级预算执行和其他财政收支审计查出问题的整改情况报告如下。",
     "audit_rectification"),
    ("audit_report_formula", "我受县人民政府委托，向县人大常委会报告2022年度县本级预算执行和其他财政收支的审计情况，请予审议。"
     "审计结果表明，预算执行总体较好。", "audit_report"),
    ("feedback_formula", "近日，区委第四巡察组向区教育体育局党委反馈巡察情况。", "feedback"),
    ("stationing_formula", "区委第三巡察组于9月2日进驻区城管局开展巡察，受理时间为工作日8:30至17:30，举报电话0551-63398003。",
     "stationing"),
    ("news_without_genre_cue", "全市巡察干部围绕巡察工作条例等内容开展了研讨。", "news"),
]


@pytest.mark.parametrize("opening,expected", [c[1:] for c in BY_OPENING], ids=[c[0] for c in BY_OPENING])
def test_opening_formula_decides_without_a_title(opening, expected):
    got = classify_doctype(None, opening)
    assert got.doc_type == expected
    assert got.evidence


OTHER = [
    ("weather", "云江市气象台天气预报", "今天白天多云转雷阵雨，最高气温34℃。"),
    ("cadre_gongshi_with_phone", "任前公示", "现将拟任职干部情况公示如下。公示期间可来信来电来访反映，举报电话：12380。"),
    ("safety_hazard_rectification", "关于开展燃气安全隐患排查整治的通知", "对发现的隐患建立台账，限期整改。"),
    ("patrol_is_not_inspection", "消防救援大队开展夜间消防安全巡查", "发现隐患21处，当场督促整改15处。"),
]


@pytest.mark.parametrize("title,opening", [c[1:] for c in OTHER], ids=[c[0] for c in OTHER])
def test_no_word_of_inspection_or_audit_is_other(title, opening):
    got = classify_doctype(title, opening)
    assert got == ("other", ["no word of inspection or audit work (巡视, 巡察, 审计)"])


def test_outline_headings_are_structure_evidence():
    outline = "一、关于“预算管理不规范”问题的整改情况\n二、关于“干部管理”问题的整改情况"
    got = classify_doctype(None, "某局党组对巡察指出的问题逐项推进。", outline)
    assert got.doc_type == "rectification"
    assert got.evidence == ["outline: 关于“预算管理不规范”问题的整改情况"]


def test_every_record_gets_a_type_and_its_evidence():
    from zhenggai import extract_text

    notice = extract_text("市委第二巡察组进驻市水务局开展巡察\n巡察期间设立值班电话：0571-88886666，受理时间截至9月30日。")
    assert notice.doc_type == "stationing"
    assert "opening: 进驻" in notice.doc_type_evidence
    assert notice.model_dump(mode="json")["doc_type"] == "stationing"


def test_helpers():
    from types import SimpleNamespace as N

    assert len(opening_of("字" * 5000)) == 600
    child = N(marker="1.", heading="建立制度", children=[N(marker="（1）", heading="深", children=[])])
    assert outline_summary([N(marker="一、", heading="总体情况", children=[child])]) == "一、总体情况\n1.建立制度"
    assert DOC_TYPES[:2] == ("rectification", "audit_rectification")


# `zhenggai evaluate FOLDER` on a folder holding labels.tsv.

def _labelled(tmp_path, labels: str, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "labels.tsv").write_text(labels, encoding="utf-8")
    return tmp_path


def test_evaluate_prints_per_type_scores(tmp_path, capsys):
    folder = _labelled(
        tmp_path,
        "file\tdoc_type\tstyle\na.txt\tfeedback\tformal notice\nb.txt\tother\tnews repost\nc.txt\tnews\tformal notice\n",
        {"a.txt": "市委第一巡察组向市林业局党组反馈巡察情况\n反馈会上，巡察组指出了问题。",
         "b.txt": "明日天气预报\n多云，最高气温28℃。",
         "c.txt": "关于市委第一巡察组巡察公告\n巡察期间设立举报电话。"},  # typed stationing: a miss
    )
    assert main(["evaluate", str(folder), "--report"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("doc_type.")}
    assert rows["doc_type.feedback"][:3] == ["1.000", "1.000", "1.000"]
    assert rows["doc_type.news"][:3] == ["0.000", "0.000", "0.000"]
    assert rows["doc_type.stationing"][3:] == ["0", "1", "0"]
    assert rows["doc_type.all"][3:] == ["2", "1", "1"]
    assert "c.txt: labelled news, got stationing (title: 巡察公告" in out


@pytest.mark.parametrize(
    "labels,message",
    [
        ("file\ttype\n", "the first line must be the header 'file<TAB>doc_type<TAB>style'"),
        ("file\tdoc_type\tstyle\na.txt\tnotice\tx\n", "labels.tsv:2: unknown doc_type 'notice'"),
        ("file\tdoc_type\tstyle\nmissing.txt\tnews\tx\n", "labels.tsv:2: no such file 'missing.txt'"),
    ],
    ids=["bad_header", "unknown_type", "missing_file"],
)
def test_evaluate_bad_labels_is_a_one_line_error(tmp_path, capsys, labels, message):
    folder = _labelled(tmp_path, labels, {"a.txt": "巡察公告"})
    assert main(["evaluate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
