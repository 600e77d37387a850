"""Line breaks inside sentences, in a notice board's short-line layout (zhenggai.facts.short_lines)."""

from __future__ import annotations

import pytest

from tests.test_facts_support import mentions
from zhenggai.facts import find_inspection
from zhenggai.facts.short_lines import join_short_lines
from zhenggai.facts.totals import find_totals

BOARD = (
    "各位党员、村民：\n今年3月4日至4月12日，\n县委第五巡察组对我村\n开展了常规巡察。\n"
    "4月26日，巡察组\n向村党支部反馈了意见，\n指出3个方面9个问题。\n\n"
    "一、集体资产管理不规范\n1.白条入账。\n整改：已清理白条23张。\n\n"
    "巡察组移交的2件信访件\n已全部办结。\n镇纪委对2名村干部\n进行了提醒谈话。\n"
    "截至本月底，\n9个问题已整改完成8个，\n剩余1个\n下月起动工。\n"
)
PROSE = (
    "根据县委统一部署，2024年3月4日至4月12日，县委第五巡察组对我村开展了常规巡察。\n"
    "4月26日，巡察组向村党支部反馈了意见，指出3个方面9个问题。\n"
)


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param(BOARD, "今年3月4日至4月12日， 县委第五巡察组对我村 开展了常规巡察。", id="board-sentence-joined"),
        pytest.param(BOARD, "一、集体资产管理不规范", id="board-heading-kept"),
        pytest.param(BOARD, "1.白条入账。", id="board-numbered-line-kept"),
        pytest.param(PROSE, PROSE.splitlines()[0], id="prose-unchanged"),
    ],
)
def test_join_short_lines(text, expected):
    joined = join_short_lines(text)
    assert len(joined) == len(text)
    assert expected in joined.splitlines()


def test_board_inspection_and_totals_read_across_lines():
    from zhenggai.mentions.dates import find_dates
    import datetime as dt

    joined = join_short_lines(BOARD)
    got = find_inspection(joined, find_dates(BOARD, dt.date(2024, 5, 20)), [])
    assert (str(got["start"]), str(got["end"]), str(got["feedback_date"])) == ("2024-03-04", "2024-04-12", "2024-04-26")
    totals = find_totals(joined, mentions(BOARD), [])
    assert (totals.get("petitions_resolved"), totals.get("people_talked_to"), totals.get("in_progress")) == (2, 2, 1)
