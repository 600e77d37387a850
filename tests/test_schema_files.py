"""The committed JSON Schema files equal what the models generate (regenerate: `zhenggai schema`)."""

from __future__ import annotations

import json

from zhenggai.cli import main
from zhenggai.schemas.generate import SCHEMA_DIR, render_schemas


def test_schema_files_are_current():
    for name, text in render_schemas().items():
        path = SCHEMA_DIR / name
        assert path.is_file(), f"{name} missing: run `zhenggai schema`"
        assert path.read_text(encoding="utf-8") == text, f"{name} is stale: run `zhenggai schema`"


def test_schema_names_contract_fields():
    schema = json.loads(render_schemas()["notice.schema.json"])
    props = schema["properties"]
    for key in ("schema_version", "id", "title", "issuer", "source", "inspection", "totals", "sections",
                "mentions", "contact", "flags", "text"):
        assert key in props
    defs = schema["$defs"]
    assert {"MoneyMention", "DateMention", "CountMention", "PercentMention", "MultipleMention",
            "DocumentMention", "DocnumberMention", "Section", "Totals", "Inspection"} <= set(defs)
    # Money is a JSON number, never a string.
    assert defs["MoneyMention"]["properties"]["value"]["type"] == "number"


def test_schema_check_command(tmp_path, capsys):
    assert main(["schema", "--dir", str(tmp_path)]) == 0
    assert main(["schema", "--dir", str(tmp_path), "--check"]) == 0
    (tmp_path / "notice.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--dir", str(tmp_path), "--check"]) == 1
    assert "stale schema files notice.schema.json" in capsys.readouterr().err
