"""Unit tests of the gold comparison and scoring (zhenggai.evaluate) on small hand-made dicts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.evaluate import (
    check_gold,
    compare,
    compare_mentions,
    format_report,
    heading_title,
    norm_text,
    prf,
    record_closing_items,
    score,
)


def mention(kind, text, start, **values):
    return {"kind": kind, "text": text, "start": start, "end": start + len(text), **values}


def gold_mention(text, start, **values):
    return {"text": text, "start": start, "end": start + len(text), **values}


def gold_file(**mentions):
    return {"file": "t.txt", "mentions": mentions}


# --------------------------------------------------------------------------- mentions


def test_one_miss():
    gold = gold_file(money=[gold_mention("3680元", 10, value=3680), gold_mention("8.42万元", 40, value=84200)])
    record = {"mentions": [mention("money", "3680元", 10, value=3680)]}
    c = compare(record, gold)
    assert [g["text"] for g in c.mentions["money"].missed] == ["8.42万元"]
    s = score([c])["mentions.money"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 1)
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 0.5, 0.6667)


def test_one_spurious():
    gold = gold_file(count=[gold_mention("28人", 5, value=28, unit="人")])
    record = {"mentions": [
        mention("count", "28人", 5, value=28, unit="人"),
        mention("count", "3个", 30, value=3, unit="个"),  # a duration 3个月 taken for a count
    ]}
    c = compare(record, gold)
    assert [r["text"] for r in c.mentions["count"].spurious] == ["3个"]
    s = score([c])["mentions.count"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 1.0, 0.6667)


def test_wrong_value_counts_as_false_positive_and_negative():
    gold = gold_file(percent=[gold_mention("99%", 3, value=99)])
    record = {"mentions": [mention("percent", "99%", 3, value=9.9)]}
    c = compare(record, gold)
    assert len(c.mentions["percent"].wrong) == 1
    s = score([c])["mentions.percent"]
    assert (s["tp"], s["fp"], s["fn"]) == (1 - 1, 1, 1)
    assert (s["precision"], s["recall"], s["f1"]) == (0.0, 0.0, 0.0)


def test_overlap_matches_when_the_span_covers_yilai():
    # gold "2022年12月" (relation since, 以来 outside the span); record spans "2022年12月以来"
    gold = gold_file(date=[gold_mention("2022年12月", 20, date_start="2022-12-01", date_end="2022-12-31",
                                        granularity="month", relation="since")])
    record = {"mentions": [mention("date", "2022年12月以来", 20, date_start="2022-12-01",
                                   date_end="2022-12-31", granularity="month", relation="since")]}
    c = compare(record, gold)
    assert len(c.mentions["date"].matched) == 1
    assert score([c])["mentions.date"]["f1"] == 1.0


def test_overlap_with_approx_prefix_and_equal_decimal_forms():
    gold = gold_file(money=[gold_mention("约1600万元", 0, value=16000000, approx=True)])
    record = {"mentions": [mention("money", "1600万元", 1, value=16000000.0)]}
    assert len(compare(record, gold).mentions["money"].matched) == 1


@pytest.mark.parametrize(
    ("kind", "gold_values", "record_values", "matched"),
    [
        ("date", {"date_start": "2022-10-09", "date_end": "2022-10-11"},
         {"date_start": "2022-10-09", "date_end": "2022-10-09"}, False),
        ("date", {"date_start": "2022-10-09", "date_end": "2022-10-11"},
         {"date_start": "2022-10-09", "date_end": "2022-10-11", "year_inferred": True}, True),
        ("count", {"value": 8, "unit": "项"}, {"value": 8, "unit": "个"}, False),
        ("count", {"value": 8, "unit": "项"}, {"value": 8, "unit": "项", "noun": "制度"}, True),
        ("multiple", {"value": 1.5}, {"value": 1.5}, True),
        ("multiple", {"value": 1.5}, {"value": 15}, False),
        ("percent", {"value": 66.67}, {"value": 66.666667}, True),
        ("money", {"value": 1119500}, {"value": 111.95}, False),
    ],
    ids=["date-end-differs", "date-equal", "count-unit-differs", "count-equal-noun-ignored",
         "multiple-equal", "multiple-differs", "percent-rounding", "money-not-in-yuan"],
)
def test_value_equality_by_kind(kind, gold_values, record_values, matched):
    result = compare_mentions(kind, [gold_mention("x" * 4, 0, **gold_values)],
                              [mention(kind, "x" * 4, 0, **record_values)])
    assert (len(result.matched), len(result.wrong)) == ((1, 0) if matched else (0, 1))


def test_split_range_gives_one_wrong_and_one_extra():
    gold = gold_file(date=[gold_mention("2022年7月15日至9月23日", 0, date_start="2022-07-15",
                                        date_end="2022-09-23", granularity="day")])
    record = {"mentions": [
        mention("date", "2022年7月15日", 0, date_start="2022-07-15", date_end="2022-07-15", granularity="day"),
        mention("date", "9月23日", 12, date_start="2022-09-23", date_end="2022-09-23", granularity="day"),
    ]}
    r = compare(record, gold).mentions["date"]
    assert (len(r.wrong), len(r.extra), len(r.spurious), len(r.missed)) == (1, 1, 0, 0)
    s = score([compare(record, gold)])["mentions.date"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 2, 1)


def test_other_kinds_are_ignored():
    record = {"mentions": [mention("document", "《条例》", 0, title="条例"), mention("unparsed_date", "2021915日", 9)]}
    c = compare(record, gold_file())
    assert all(not r.spurious for r in c.mentions.values())


# --------------------------------------------------------------------------- facts


def test_facts_normalised_and_none_not_scored():
    gold = {
        "file": "t.txt",
        "title": "中共X局党组关于巡察整改情况的通报",
        "issuer": None,
        "source": {"site": "杭州廉政网", "published_at": "2023-06-02T16:43:23"},
        "inspection": {"kind": "巡察", "start": "2022-07-15", "team": None},
        "totals": {"issues": 44, "money_recovered_yuan": 1264400, "completion_rate": 85.7},
        "contact": {"phone": "０５７６－８８２１３０４５", "address": "滨河路88号，民政局"},
    }
    record = {
        "title": "中共X局党组关于巡察整改情况的通报 ",
        "issuer": "乱填",
        "source": {"site": "杭州廉政网", "published_at": "2023-06-02T16:43:23"},
        "inspection": {"kind": "巡察", "start": "2022-07-15", "team": "市委第四巡察组"},
        "totals": {"issues": 44, "money_recovered_yuan": 1264400.0, "completion_rate": 85.7},
        "contact": {"phone": "0576-88213045", "address": "滨河路88号,民政局"},
    }
    c = compare(record, gold)
    assert [f.key for f in c.facts] == [
        "title", "source.site", "source.published_at", "inspection.kind", "inspection.start",
        "totals.issues", "totals.money_recovered_yuan", "totals.completion_rate", "contact.phone",
        "contact.address",
    ]
    assert all(f.equal for f in c.facts)
    assert score([c])["facts.all"] == prf(10, 0, 0)


def test_fact_wrong_and_missing():
    gold = {"file": "t.txt", "inspection": {"feedback_date": "2022-11-14", "mode": "联动巡察"},
            "totals": {"aspects": 10, "issues": 44}}
    record = {"inspection": {"feedback_date": "2022-11-15", "mode": "联动巡察"}, "totals": {"aspects": 10}}
    s = score([compare(record, gold)])
    assert s["facts.inspection"] == prf(1, 1, 1)  # one equal, one wrong date
    assert s["facts.totals"] == prf(1, 0, 1)  # issues not extracted: a miss, not a false positive
    assert (s["facts.inspection"]["precision"], s["facts.inspection"]["recall"]) == (0.5, 0.5)
    assert (s["facts.totals"]["precision"], s["facts.totals"]["recall"], s["facts.totals"]["f1"]) == (1.0, 0.5, 0.6667)


@pytest.mark.parametrize(
    ("gold", "got", "equal"),
    [("2023-06-02T16:43:23", "2023-06-02T16:43:23", True),
     ("2023-06-02T16:43:23", "2023-06-02", False),
     ("2023-09-12", "2023-09-12T00:00:00", True),
     ("2023-09-12", "2023-09-13", False)],
    ids=["datetime-equal", "datetime-vs-date", "date-vs-datetime", "date-differs"],
)
def test_published_at(gold, got, equal):
    c = compare({"source": {"published_at": got}}, {"file": "t", "source": {"published_at": gold}})
    assert c.facts[0].equal is equal


# --------------------------------------------------------------------------- outline


def node(marker, ordinal, start, heading, role, level=1, issue=None, children=()):
    return {"level": level, "marker": marker, "ordinal": ordinal, "heading": heading, "start": start,
            "end": start + 50, "role": role, "issue": issue, "items": [], "children": list(children)}


def outline_gold():
    return {
        "file": "t.txt",
        "sections": [
            {"level": 1, "marker": "一、", "start": 100, "ordinal": 1, "issue": "班子自身建设还有短板，会议记录程序不够规范",
             "measures": [{"level": 3, "marker": "1.", "ordinal": 1, "start": 140, "title": "严格执行议事规则"},
                          {"level": 3, "marker": "2.", "ordinal": 2, "start": 200, "title": "严格执行参会人数要求"}]},
            {"level": 1, "marker": "二、", "start": 300, "ordinal": 2, "issue": "对审计指出的问题整改不够彻底", "measures": []},
        ],
        "closing_items": [{"level": 3, "marker": "1.", "ordinal": 1, "start": 500, "title": "聚焦难点,加快推进整改"}],
    }


def outline_record(issue_two_start=300, second_measure_title="2.严格执行参会人数要求。针对……"):
    return {"sections": [
        node("一、", 1, 101, "关于“班子自身建设还有短板,会议记录程序不够规范”问题的整改情况", "issue",
             issue="班子自身建设还有短板,会议记录程序不够规范", children=[
                 node("1.", 1, 140, "严格执行议事规则", "measure", level=3),
                 node("2.", 2, 200, second_measure_title, "measure", level=3),
                 node("", 0, 250, "", "measure", level=3),  # an unnumbered measure: never scored
             ]),
        node("二、", 2, issue_two_start, "关于“对审计指出的问题整改不够彻底”问题的整改情况", "issue",
             issue="对审计指出的问题整改不够彻底"),
        node("", 0, 480, "下一步", "closing", level=1, children=[
            node("1.", 1, 500, "聚焦难点，加快推进整改。建立通报机制", "closing", level=3)]),
    ]}


def test_outline_all_matched():
    c = compare(outline_record(), outline_gold())
    assert {p: len(o.matched) for p, o in c.outline.items()} == {"issues": 2, "measures": 2, "closing": 1}
    assert score([c])["outline.all"] == prf(5, 0, 0)


def test_outline_start_outside_tolerance_is_missed_and_spurious():
    c = compare(outline_record(issue_two_start=303), outline_gold())
    issues = c.outline["issues"]
    assert (len(issues.matched), len(issues.missed), len(issues.spurious)) == (1, 1, 1)
    s = score([c])["outline.issues"]
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5)


def test_outline_wrong_title():
    c = compare(outline_record(second_measure_title="严格执行议事决策"), outline_gold())
    measures = c.outline["measures"]
    assert len(measures.wrong) == 1 and "title" in measures.wrong[0][2]
    assert score([c])["outline.measures"] == prf(1, 1, 1)


def test_closing_heading_is_not_an_item():
    sections = [node("三、", 3, 10, "下一步工作安排", "closing", children=[
        node("(一)", 1, 20, "持续推进整改", "closing", level=2)]),
        node("四、", 4, 90, "下一步打算", "closing")]
    assert [n["marker"] for n in record_closing_items({"sections": sections})] == ["(一)"]
    top_level_items = [node("1.", 1, 10, "聚焦难点", "closing", level=3)]
    assert len(record_closing_items({"sections": top_level_items})) == 1


@pytest.mark.parametrize(
    ("node_", "title"),
    [({"marker": "1.", "heading": "1.强化政治理论武装。深入学习"}, "强化政治理论武装"),
     ({"marker": "（一）", "heading": "完善党委前置研究事项清单"}, "完善党委前置研究事项清单"),
     ({"marker": "4 .", "heading": "4 .加强警示教育。组织"}, "加强警示教育")],
    ids=["marker-and-rest", "title-only", "spaced-marker"],
)
def test_heading_title(node_, title):
    assert heading_title(node_) == title


def test_norm_text_width_and_punctuation():
    assert norm_text("加强“普惠性、基础性”建设，不够聚力。") == norm_text("加强“普惠性、基础性”建设,不够聚力")


# --------------------------------------------------------------------------- scores and report


def test_score_micro_average_over_notices():
    a = compare({"mentions": [mention("money", "5元", 0, value=5)]}, gold_file(money=[gold_mention("5元", 0, value=5)]))
    b = compare({"mentions": []}, gold_file(money=[gold_mention("7元", 0, value=7)], count=[gold_mention("2人", 4, value=2, unit="人")]))
    s = score([a, b])
    assert s["mentions.money"] == prf(1, 0, 1)
    assert s["mentions.all"] == prf(1, 0, 2)
    assert (s["mentions.all"]["precision"], s["mentions.all"]["recall"], s["mentions.all"]["f1"]) == (1.0, 0.3333, 0.5)
    assert prf(0, 0, 0) == {"tp": 0, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert "mentions.multiple" not in s  # no gold file lists multiples: not scored


def test_format_report_lists_every_problem():
    gold = gold_file(money=[gold_mention("3680元", 10, value=3680)], percent=[gold_mention("99%", 30, value=99)],
                     count=[])  # an empty list is listed: a count found is spurious
    gold["title"] = "标题"
    record = {"title": "别的", "mentions": [mention("percent", "99%", 30, value=98), mention("count", "3个", 50, value=3, unit="个")]}
    text = format_report([compare(record, gold)])
    assert "== t.txt" in text
    assert "money MISSED   10:15 '3680元'" in text
    assert "percent WRONG" in text and "count SPURIOUS 50:52 '3个'" in text
    assert "fact title: gold '标题' got '别的'" in text
    assert "mentions.money" in text


def test_check_gold_detects_a_stale_offset():
    text = "一、关于“作风不实”问题的整改情况\n1.加强作风建设。追回资金3680元。\n"
    measure_at, money_at = text.index("1.加强"), text.index("3680元")
    gold = {"file": "t.txt", "sections": [{"level": 1, "marker": "一、", "start": 0, "ordinal": 1, "issue": "作风不实",
                                            "measures": [{"level": 3, "marker": "1.", "ordinal": 1, "start": measure_at,
                                                          "title": "加强作风建设"}]}],
            "closing_items": [], "mentions": {"money": [gold_mention("3680元", money_at, value=3680)]}}
    assert check_gold(gold, text) == []
    gold["mentions"]["money"][0]["start"] += 1
    gold["sections"][0]["measures"][0]["start"] = measure_at - 1
    problems = check_gold(gold, text)
    assert len(problems) == 2 and "3680元" in problems[0]


# --------------------------------------------------------------------------- properties

spans = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 6), st.integers(0, 3)), max_size=12)


@settings(max_examples=200, deadline=None)
@given(gold_spans=spans, record_spans=spans)
def test_every_mention_is_accounted_for_once(gold_spans, record_spans):
    gold = [gold_mention("x" * n, s, value=v) for s, n, v in gold_spans]
    records = [mention("money", "x" * n, s, value=v) for s, n, v in record_spans]
    r = compare_mentions("money", gold, records)
    assert len(r.matched) + len(r.wrong) + len(r.missed) == len(gold)
    assert len(r.matched) + len(r.wrong) + len(r.spurious) + len(r.extra) == len(records)
    s = score([compare({"mentions": records}, gold_file(money=gold))])["mentions.money"]
    assert s["tp"] + s["fn"] == len(gold) and s["tp"] + s["fp"] == len(records)
    assert all(0.0 <= s[k] <= 1.0 for k in ("precision", "recall", "f1"))


@settings(max_examples=100, deadline=None)
@given(gold_spans=spans)
def test_a_record_equal_to_gold_is_perfect(gold_spans):
    gold = [gold_mention("x" * n, s, value=v) for s, n, v in gold_spans]
    records = [mention("money", g["text"], g["start"], value=g["value"]) for g in gold]
    c = compare({"mentions": records}, gold_file(money=gold))
    assert c.is_perfect()


# --------------------------------------------------------------------------- kinds a gold file leaves out


def test_a_kind_the_gold_does_not_list_is_not_scored():
    gold = gold_file(date=[])  # lists dates only
    record = {"mentions": [mention("money", "3680元", 10, value=3680), mention("points", "2个百分点", 20, value=2)]}
    c = compare(record, gold)
    assert "money" not in c.mentions and "points" not in c.mentions
    s = score([c])
    assert "mentions.money" not in s and "mentions.points" not in s and s["mentions.all"]["f1"] == 1.0


def test_an_empty_list_scores_the_kind():
    record = {"mentions": [mention("points", "2个百分点", 20, value=2)]}
    s = score([compare(record, gold_file(points=[]))])["mentions.points"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 0)


@pytest.mark.parametrize(
    ("gold_value", "got", "matched"),
    [(12, 12, True), (0.5, 0.5, True), (12, 1.2, False)],
    ids=["points-equal", "points-decimal", "points-differs"],
)
def test_points_scored_by_value(gold_value, got, matched):
    gold = gold_file(points=[gold_mention("12个百分点", 5, value=gold_value)])
    record = {"mentions": [mention("points", "12个百分点", 5, value=got)]}
    c = compare(record, gold)
    assert (len(c.mentions["points"].matched) == 1) is matched


# --------------------------------------------------------------------------- partial gold files


def test_a_kind_the_gold_file_leaves_out_is_not_scored():
    gold = gold_file(date=[gold_mention("2023年6月", 0, date_start="2023-06-01", date_end="2023-06-30",
                                        granularity="month")])
    record = {"mentions": [
        mention("date", "2023年6月", 0, date_start="2023-06-01", date_end="2023-06-30", granularity="month"),
        mention("money", "3万元", 20, value=30000), mention("count", "5个", 30, value=5, unit="个"),
    ]}
    scores = score([compare(record, gold)])
    assert scores["mentions.date"]["f1"] == 1.0 and scores["mentions.all"]["precision"] == 1.0
    assert "mentions.money" not in scores and "mentions.count" not in scores
    assert not any(name.startswith("outline.") for name in scores)  # no sections, no closing items listed


def test_an_outline_part_the_gold_file_leaves_out_is_not_scored():
    record = {"sections": [{"level": 1, "marker": "一、", "ordinal": 1, "start": 0, "role": "issue",
                            "issue": "制度不健全", "children": []}],
              "mentions": [], "text": "一、关于制度不健全问题的整改情况"}
    scores = score([compare(record, {"file": "t.txt", "closing_items": []})])
    assert "outline.closing" in scores and "outline.issues" not in scores and "outline.measures" not in scores
