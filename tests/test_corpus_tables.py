"""Table schemas come from the records; docs/tables.md describes the current tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhenggai.corpus.rows import notice_rows, text_hash
from zhenggai.corpus.tables import TABLES, column_names, describe_markdown, table_columns
from zhenggai.schemas import MENTION_MODELS, Contact, Inspection, MoneyMention, Notice, Source, Totals

TABLES_DOC = Path(__file__).resolve().parents[1] / "docs" / "tables.md"


@pytest.mark.parametrize(
    "model,prefix",
    [(Source, "source_"), (Inspection, "inspection_"), (Totals, "totals_"), (Contact, "contact_")],
    ids=["source", "inspection", "totals", "contact"],
)
def test_every_record_field_is_a_notices_column(model, prefix):
    names = set(column_names("notices"))
    for field in model.model_fields:
        if field != "money":
            assert prefix + field in names


def test_every_mention_field_is_a_mentions_column():
    names = set(column_names("mentions"))
    for model in MENTION_MODELS.values():
        assert set(model.model_fields) - {"section"} <= names


@pytest.mark.parametrize(
    "table,column,kind",
    [("notices", "totals_issues", "int64"), ("notices", "totals_completion_rate", "float64"),
     ("notices", "totals_completion_rate_exact", "string"), ("notices", "source_published_at", "timestamp"),
     ("notices", "inspection_start", "date"), ("notices", "flags", "json"), ("mentions", "value", "float64"),
     ("mentions", "value_exact", "string"), ("mentions", "date_start", "date"), ("mentions", "approx", "bool"),
     ("sections", "items", "json"), ("errors", "message", "string")],
    ids=lambda v: str(v),
)
def test_column_types(table, column, kind):
    assert {c.name: c.type for c in table_columns(table)}[column] == kind


def test_tables_doc_describes_the_current_tables():
    from zhenggai.corpus.tables import tables_doc

    text = describe_markdown()
    for table in TABLES:
        assert f"`{table}`" in text
    assert TABLES_DOC.read_text(encoding="utf-8") == tables_doc(), (
        "docs/tables.md is stale: python -m zhenggai.corpus.tables > docs/tables.md")


def test_rows_of_a_notice():
    text = "二、整改情况\n追回资金12.5万元。"
    notice = Notice(
        id="n1", text=text, title="关于整改情况的通报",
        sections=[{"level": 1, "marker": "二、", "ordinal": 2, "heading": "整改情况", "start": 0, "end": len(text),
                   "children": [{"level": 2, "marker": "(一)", "ordinal": 1, "heading": "追回", "start": 6,
                                 "end": len(text)}]}],
        mentions=[MoneyMention(text="12.5万元", start=text.index("12.5"), end=text.index("。"),
                               value=Decimal("125000"), section=[2, 1])],
    )
    rows = notice_rows(notice, input_name="a.txt", content_hash="h", org={"sector": "民政"})
    n = rows["notices"][0]
    assert (n["notice_id"], n["n_sections"], n["n_mentions"], n["sector"], n["flags"]) == ("n1", 2, 1, "民政", "[]")
    assert [(s["path"], s["parent_path"], s["seq"]) for s in rows["sections"]] == [("2", None, 0), ("2.1", "2", 1)]
    m = rows["mentions"][0]
    assert (m["value"], m["value_exact"], m["section_path"], m["section_seq"]) == (125000.0, "125000", "2.1", 1)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_text_hash_is_blind_to_spacing_and_punctuation(text):
    spaced = " ".join(text) + "。"
    assert text_hash(text) == text_hash(spaced)
