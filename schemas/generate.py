"""Write the JSON Schema files for the records into this folder.

Regenerate with ``zhenggai schema``; ``tests/test_schema_files.py`` fails when
the committed files are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from zhenggai.schemas.notice import Notice

SCHEMA_DIR = Path(__file__).resolve().parent
SCHEMA_FILES = {"notice.schema.json": Notice}


def render_schemas() -> dict[str, str]:
    """File name → JSON text of each schema (serialisation view: what the CLI prints)."""
    out = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://zhenggai.invalid/schemas/{name}"
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
