"""The spaCy assembly: blank zh + jieba + the mentions component, nothing downloaded."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")


def test_add_pipe_by_name_after_install():
    # Found through the `spacy_factories` entry point, no import of ours needed.
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhenggai_mentions")
    doc = nlp("2023年5月,累计追回资金12.5万元,整改完成率98.5%。")
    spans = {(s.text, s.label_) for s in doc.spans["zhenggai"]}
    assert ("12.5万元", "money") in spans
    assert ("98.5%", "percent") in spans
    assert any(label == "date" and "2023" in text for text, label in spans)


def test_make_nlp_uses_jieba_and_user_dictionary():
    from zhenggai.models.pipeline import make_nlp

    nlp = make_nlp()
    assert nlp.config["nlp"]["tokenizer"]["segmenter"] == "jieba"
    doc = nlp("市委第四巡察组反馈了44个具体问题。")
    assert "巡察组" in [t.text for t in doc] or "第四巡察组" in "".join(t.text for t in doc)
    counts = [s for s in doc.spans["zhenggai"] if s.label_ == "count"]
    assert [s.text for s in counts] == ["44个"]


def test_spans_are_the_mentions_exact_characters():
    """A mention that starts or ends inside a jieba token splits the token: 12月2日向局 → 12月2日."""
    from zhenggai.models.pipeline import make_nlp

    doc = make_nlp()("2023年12月2日向局党组反馈，共清退违规资金66.57万元。")
    spans = {s.label_: s for s in doc.spans["zhenggai"]}
    assert spans["date"].text == "2023年12月2日"
    assert spans["money"].text == "66.57万元"
    assert "".join(t.text_with_ws for t in doc) == doc.text  # the split keeps every character


def test_values_ride_on_the_span():
    import datetime as dt
    from decimal import Decimal

    from zhenggai.models.pipeline import make_nlp

    doc = make_nlp()("2023年5月,累计追回资金12.5万元,整改完成率提高3个百分点。")
    values = {s.label_: s._.zhenggai for s in doc.spans["zhenggai"]}
    assert values["money"]["value"] == Decimal("125000")
    assert (values["date"]["date_start"], values["date"]["date_end"]) == (dt.date(2023, 5, 1), dt.date(2023, 5, 31))
    assert values["points"]["value"] == Decimal("3")


@pytest.mark.parametrize("how", ["user-data", "config"])
def test_relative_dates_take_the_reference_date(how):
    import datetime as dt

    import spacy

    from zhenggai.models.pipeline import load_user_dict

    load_user_dict()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("zhenggai_mentions", config={"published": "2023-10-12"} if how == "config" else {})
    text = "今年1至9月，全市追回资金3万元，较去年同期增长5%。"
    doc = nlp.make_doc(text)
    if how == "user-data":
        doc.user_data["zhenggai_published"] = dt.date(2023, 10, 12)
    doc = nlp.get_pipe("zhenggai_mentions")(doc)
    dates = [(s.text, s._.zhenggai["date_start"], s._.zhenggai["date_end"])
             for s in doc.spans["zhenggai"] if s.label_ == "date"]
    assert dates == [("今年1至9月", dt.date(2023, 1, 1), dt.date(2023, 9, 30)),
                     ("去年同期", dt.date(2022, 1, 1), dt.date(2022, 9, 30))]


def test_without_a_reference_a_relative_date_is_still_reported():
    from zhenggai.models.pipeline import make_nlp

    doc = make_nlp()("今年1至9月，全市追回资金3万元。")
    kinds = {s.text: s.label_ for s in doc.spans["zhenggai"]}
    assert kinds.get("今年1至9月") == "unparsed_date"


def test_points_are_a_label_of_their_own():
    nlp = spacy.blank("zh")
    component = nlp.add_pipe("zhenggai_mentions")
    assert {"money", "percent", "points", "count", "date", "document"} <= set(component.labels)
    doc = nlp("办结率98.5%,较上年提高6.5个百分点。")
    spans = {(s.text, s.label_) for s in doc.spans["zhenggai"]}
    assert ("6.5个百分点", "points") in spans and ("98.5%", "percent") in spans


def test_labels_follow_the_kinds_option():
    nlp = spacy.blank("zh")
    component = nlp.add_pipe("zhenggai_mentions", config={"kinds": ["points", "money"]})
    assert set(component.labels) == {"points", "money"}
