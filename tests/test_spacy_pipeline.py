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


def test_spans_are_expanded_to_token_boundaries():
    from zhenggai.models.pipeline import make_nlp

    doc = make_nlp()("共清退违规资金66.57万元。")
    (money,) = [s for s in doc.spans["zhenggai"] if s.label_ == "money"]
    assert "66.57万元" in money.text


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
