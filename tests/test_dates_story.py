"""Years decided by the story (issue 11 part 3) and the reference date for every input (issue 12.7)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from zhenggai import extract_text
from zhenggai.cli import main
from zhenggai.errors import InputError
from zhenggai.mentions.dates import find_dates


def _starts(text, published=None):
    return {f.text: f.values["date_start"] for f in find_dates(text, published=published) if f.kind == "date"}


@pytest.mark.parametrize(
    "text,published,span,expected",
    [
        pytest.param("2022年10月10日至12月9日,区委第一巡察组对该局开展了巡察。3月24日,巡察组反馈了巡察意见。",
                     None, "3月24日", date(2023, 3, 24), id="feedback-after-inspection"),
        pytest.param("2022年10月10日至12月9日,区委第一巡察组对该局开展了巡察。3月24日,巡察组反馈了巡察意见。",
                     date(2023, 6, 1), "3月24日", date(2023, 3, 24), id="feedback-with-reference"),
        pytest.param("10月17日,召开巡视整改专题民主生活会。2018年11月至2019年1月,省委第三巡视组对该局进行了巡视。"
                     "2019年3月至4月,省委巡视组开展了巡视“回头看”。",
                     None, "10月17日", date(2019, 10, 17), id="meeting-after-inspection-and-revisit"),
        pytest.param("2022年11月1日至12月20日,市委巡察组对该镇开展了巡察。1月10日召开整改推进会。",
                     None, "1月10日", date(2023, 1, 10), id="rectification-after-inspection"),
        pytest.param("2023年3月1日至4月20日,市委巡察组对该局开展了巡察。5月18日,巡察组反馈了巡察意见。",
                     date(2023, 9, 1), "5月18日", date(2023, 5, 18), id="already-in-order"),
        # two events in one sentence: the inspection is told before its feedback, so the later
        # 回头看 follows the inspection's end, and its feedback follows it (a year apart)
        pytest.param("去年3月6日至5月12日,市委巡察组对医院党委开展了常规巡察,6月12日反馈了巡察意见。"
                     "时隔一年,市委巡察组于4月中旬至5月底开展了巡察“回头看”,并于6月20日反馈了意见。",
                     date(2024, 9, 10), "4月中旬至5月底", date(2024, 4, 11),
                     id="revisit-after-inspection-in-feedback-sentence"),
        pytest.param("去年3月6日至5月12日,市委巡察组对医院党委开展了常规巡察,6月12日反馈了巡察意见。"
                     "时隔一年,市委巡察组于4月中旬至5月底开展了巡察“回头看”,并于6月20日反馈了意见。",
                     date(2024, 9, 10), "6月20日", date(2024, 6, 20), id="revisit-feedback-follows-revisit"),
    ],
)
def test_story_order(text, published, span, expected):
    assert _starts(text, published)[span] == expected


_CARRY = ("2022年10月17日至12月16日,省委巡视组对该厅开展了巡视。2月24日,巡视组反馈了巡视意见。"
          "3月1日召开党组会议,传达学习巡视反馈意见;3月10日印发整改方案;6月底集中整改期结束。")


@pytest.mark.parametrize(
    "text,published,span,expected",
    [
        pytest.param(_CARRY, date(2023, 9, 26), "3月10日", date(2023, 3, 10), id="follows-moved-date"),
        pytest.param(_CARRY, date(2023, 9, 26), "6月底", date(2023, 6, 21), id="chain-follows"),
        pytest.param(_CARRY, None, "3月10日", date(2023, 3, 10), id="no-reference"),
        pytest.param("2022年10月17日至12月16日,省委巡视组对该厅开展了巡视。2月24日,巡视组反馈了巡视意见。"
                     "2022年3月10日印发方案。", date(2023, 9, 26), "2022年3月10日", date(2022, 3, 10),
                     id="written-year-stays"),
        pytest.param(_CARRY, date(2023, 3, 5), "6月底", date(2022, 6, 21), id="never-past-reference"),
    ],
)
def test_year_less_dates_follow_a_moved_date(text, published, span, expected):
    assert _starts(text, published)[span] == expected


@pytest.mark.parametrize(
    "text,span,expected",
    [
        pytest.param("今年3月至5月开展了巡察。今年1至9月受理投诉1万件。前三季度抽检4812批次,是去年全年的1.4倍。"
                     "上半年查办案件213件。", "上半年", date(2023, 1, 1), id="after-qunian-quannian"),
        pytest.param("今年以来,改造完成率较去年底提高了22个百分点。7月以来检定电子秤2600台。",
                     "7月", date(2023, 7, 1), id="after-jiao-qunian-di"),
        pytest.param("今年以来排查图斑1236个。去年底前未验收的3个项目,已于9月20日全部通过验收。",
                     "9月20日", date(2023, 9, 20), id="after-qunian-di-attributive"),
        pytest.param("今年1月召开会议。去年11月巡察组进驻,12月反馈了意见。",
                     "12月", date(2022, 12, 1), id="qunian-month-moves-the-story"),
    ],
)
def test_past_relative_year_does_not_move_the_story(text, span, expected):
    assert _starts(text, date(2023, 10, 20))[span] == expected


def test_story_never_moves_past_the_reference_date():
    # the order would need 2024-03-24, after publication: the text's year stands
    text = "2023年10月10日至12月9日,区委巡察组对该局开展了巡察。3月24日,巡察组反馈了巡察意见。"
    assert _starts(text, date(2023, 12, 20))["3月24日"] == date(2023, 3, 24)


def test_inspection_facts_agree_with_the_dates():
    text = ("关于巡察整改进展情况的通报\n2022年10月10日至12月9日,区委第一巡察组对区水务局党组开展了常规巡察。"
            "3月24日,区委第一巡察组向区水务局党组反馈了巡察意见。")
    notice = extract_text(text)
    assert notice.inspection.start == date(2022, 10, 10)
    assert notice.inspection.feedback_date == date(2023, 3, 24)


# ------------------------------------------------------------- reference date

URL = "http://www.example.gov.cn/art/2023/6/2/art_1_2.html"


def _date_of(notice, span):
    return next(m.date_start for m in notice.mentions if m.kind == "date" and m.text == span)


@pytest.mark.parametrize(
    "kwargs,expected",
    [
        pytest.param({"url": URL}, date(2023, 3, 1), id="url-art-path"),
        pytest.param({"url": "http://a.gov.cn/xxgk/202101/t20210106_4123.html"}, date(2021, 3, 1),
                     id="url-trs"),
        pytest.param({"url": "http://jw.example.gov.cn/c/2022-01-29/4656419.shtml"}, date(2022, 3, 1),
                     id="url-iso-folder"),
        pytest.param({"url": "https://www.example.gov.cn/2021/12-17/588880.html"}, date(2021, 3, 1),
                     id="url-year-month-day-folder"),
        pytest.param({"url": "http://www.example.gov.cn/news/2020/08/abc.html"}, date(2020, 3, 1),
                     id="url-month-folder"),
        pytest.param({"published_at": "2021-07-12"}, date(2021, 3, 1), id="iso-date-string"),
        pytest.param({"published_at": "2020-07-12T10:05:00"}, date(2020, 3, 1), id="iso-datetime-string"),
        pytest.param({"published_at": "2020-07-12 10:05"}, date(2020, 3, 1), id="iso-datetime-space"),
        pytest.param({"published_at": date(2019, 5, 1), "url": URL}, date(2019, 3, 1), id="publication-wins"),
    ],
)
def test_extract_text_reference_date(kwargs, expected):
    assert _date_of(extract_text("今年3月开展巡察。", **kwargs), "今年3月") == expected


def test_signature_date_wins_over_url():
    text = "今年3月开展巡察。\n\n中共某某县委员会\n2021年8月2日"
    assert _date_of(extract_text(text, url=URL), "今年3月") == date(2021, 3, 1)


def test_published_at_string_that_is_no_date_is_an_input_error():
    with pytest.raises(InputError, match="published_at"):
        extract_text("今年3月开展巡察。", published_at="July 12")


def test_cli_extract_file_uses_the_url_date(tmp_path, capsys):
    path = tmp_path / "n.txt"
    path.write_text("今年3月开展巡察。\n", encoding="utf-8")
    assert main(["extract", str(path), "--url", URL]) == 0
    record = json.loads(capsys.readouterr().out)
    dates = [m for m in record["mentions"] if m["kind"] == "date"]
    assert [(m["text"], m["date_start"]) for m in dates] == [("今年3月", "2023-03-01")]


def test_repaired_date_is_flagged():
    notice = extract_text("2021915日,区委巡察组召开反馈会。", published_at="2021-12-01")
    assert _date_of(notice, "2021915日") == date(2021, 9, 15)
    assert [f.code for f in notice.flags if f.code in ("repaired_date", "unparsed_date")] == ["repaired_date"]


def _windows_by_bisect(text, starts):
    """event_windows' reference: every sentence end listed, each date's sentence by bisect."""
    import bisect

    from zhenggai.mentions.date_story import sentence_ends

    ends = sentence_ends(text) + [len(text)]
    sentence_of = [bisect.bisect_right(ends, s) for s in starts]
    out = []
    for n, s in enumerate(starts):
        k = sentence_of[n]
        first = n == 0 or sentence_of[n - 1] != k
        last = n + 1 == len(starts) or sentence_of[n + 1] != k
        out.append(((ends[k - 1] if k else 0) if first else s, ends[k] if last else starts[n + 1], first))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_event_windows_equal_the_sentence_list_and_bisect(seed):
    import random

    from zhenggai.mentions.date_story import event_windows

    rng = random.Random(seed)
    pieces = ["。", "；", ";", "！", "？", "!", "?", "\n", "，", "巡察", "反馈", "1"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        starts = sorted(rng.sample(range(len(text)), rng.randint(0, min(6, len(text)))))  # dates start inside
        assert event_windows(text, starts) == _windows_by_bisect(text, starts), (text, starts)
