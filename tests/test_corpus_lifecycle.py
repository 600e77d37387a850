"""The inspection lifecycle (zhenggai.corpus.lifecycle): one inspection's chain of documents.

tests/fixtures/lifecycle holds a chain written for the project: the stationing announcement and
the feedback of 十二届市委第三轮巡察 of 青澜市水务局, two progress notices, a 回头看 in the fifth
round and a second inspection in 十三届市委第一轮 whose problems repeat a topic of the first.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from zhenggai.corpus.batch import run_batch
from zhenggai.corpus.lifecycle import inspection_key, normalise_body
from zhenggai.corpus.query import connect

CHAIN = Path(__file__).parent / "fixtures" / "lifecycle"
FIRST = "巡察|市委|青澜市水务局|r3"
FOLLOWUP = "巡察|市委|青澜市水务局|r5"
SECOND = "巡察|市委|青澜市水务局|r1"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    out = tmp_path_factory.mktemp("lifecycle") / "ds"
    run_batch([CHAIN], out, jobs=1, progress=False)
    return connect(out)


@pytest.mark.parametrize(
    "body,expected",
    [("十五届县委", "县委"), ("第十二届市委", "市委"), ("中共某某市委员会", "某某市委"), ("集团党委", "集团党委"), (None, None)],
    ids=["term", "numbered-term", "committee", "plain", "none"],
)
def test_normalise_body(body, expected):
    assert normalise_body(body) == expected


def test_key_needs_kind_target_and_a_round_or_date():
    assert inspection_key("巡视", "省委", "某某厅", None, "s2024-03-01") == "巡视|省委|某某厅|s2024-03-01"
    assert inspection_key("巡视", "省委", "某某厅", 2, "s2024-03-01") == "巡视|省委|某某厅|r2"
    assert inspection_key("巡视", "省委", None, 2, "s2024-03-01") is None
    assert inspection_key(None, "省委", "某某厅", 2, "s2024-03-01") is None
    assert inspection_key("巡视", "省委", "某某厅", None, None) is None


def test_every_document_names_its_inspection_and_stage(con):
    rows = con.sql("SELECT input, inspection_stage, inspection_key FROM notices ORDER BY input").fetchall()
    assert [(Path(i).name, s, k) for i, s, k in rows] == [
        ("1-stationing.txt", "stationing", FIRST),
        ("2-feedback.txt", "feedback", FIRST),
        ("3-progress-first.txt", "rectification", FIRST),
        ("4-progress-second.txt", "rectification", FIRST),
        ("5-followup.txt", "followup", FOLLOWUP),
        ("6-second-inspection.txt", "rectification", SECOND),
    ]


def test_one_row_per_inspection_with_its_documents_and_timeliness(con):
    rows = con.sql("SELECT * FROM inspections ORDER BY start").df().set_index("inspection_key")
    assert list(rows.index) == [FIRST, FOLLOWUP, SECOND]
    first = rows.loc[FIRST]
    assert (first["stationing_documents"], first["feedback_documents"], first["rectification_documents"]) == (1, 1, 2)
    assert first["team"] == "市委第二巡察组" and first["round_number"] == 3
    assert str(first["feedback_date"])[:10] == "2023-06-20"
    assert str(first["first_rectification_published"])[:10] == "2023-09-20"
    assert str(first["last_rectification_published"])[:10] == "2024-03-15"
    assert first["days_feedback_to_first_rectification"] == 92
    # Totals as first and as last stated: 18 issues, 17 done and 1 still open at the end.
    assert (first["issues_first_stated"], first["issues_last_stated"]) == (18, 18)
    assert (first["completed_last_stated"], first["still_open_last_stated"]) == (17, 1)
    assert first["notice_ids"].split()[0].startswith("stationing:")
    followup = rows.loc[FOLLOWUP]
    assert followup["followup_documents"] == 1 and followup["follows_inspection"] == FIRST
    assert pd.isna(rows.loc[SECOND]["follows_inspection"])  # a new inspection, not a 回头看


def test_recurrence_links_both_inspections(con):
    rows = con.sql(
        "SELECT code, earlier_inspection, later_inspection, later_issues FROM recurrences ORDER BY code, later_inspection"
    ).fetchall()
    assert ("eight_rules", FIRST, SECOND, "违规发放津补贴问题反弹") in rows
    assert ("procurement", FIRST, FOLLOWUP, "工程项目招标采购监管仍有漏洞") in rows
    assert all(earlier != later for _, earlier, later, _ in rows)


def test_compare_by_round_with_timeliness(con, tmp_path):
    from zhenggai.corpus.compare import compare

    frame = compare(None, by="round", con=con).set_index("round")
    assert set(frame.index) == {"市委 第3轮", "市委 第5轮", "市委 第1轮"}  # the 回头看 answers in round 5
    # Round 3 has two progress notices (92 and 269 days after the feedback): the inspection counts
    # once, its 18 issues from the latest notice, and its timeliness from the first.
    assert frame.loc["市委 第3轮", "notices"] == 1
    assert frame.loc["市委 第3轮", "issues"] == 18 and frame.loc["市委 第3轮", "completed"] == 17
    assert frame.loc["市委 第3轮", "median_days_to_publish"] == 92
    assert frame.loc["市委 第1轮", "median_days_to_publish"] == 136


def test_completion_rate_never_mixes_measures_with_issues(tmp_path):
    """A notice whose completed figure exceeds its issues states measures done (164 of 186
    measures) against 20 issues: it is left out of the rate, never a rate above 100."""
    from zhenggai.corpus.compare import compare

    folder = tmp_path / "in"
    folder.mkdir()
    head = "中共某县{0}党组关于县委巡察整改进展情况的通报\n发布时间：2024-05-10\n"
    (folder / "a.txt").write_text(
        head.format("民政局") + "巡察反馈的20个问题，已完成整改15个。\n186项整改措施已完成164项。\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        head.format("财政局") + "巡察反馈问题20个。186项整改措施已完成164项。\n", encoding="utf-8")
    run_batch([folder], tmp_path / "ds", jobs=1, progress=False)
    frame = compare(tmp_path / "ds", by="level")
    # b states completed 164 (its measures) against 20 issues: only a counts, 15 of 20.
    assert frame["completion_rate"].tolist() == [75.0]
    assert frame["completion_rate_notices"].tolist() == [1]
