"""The JSON Schema of a brief file, for editors that autocomplete YAML."""

from __future__ import annotations

from typing import Any

from .model.brief import LOADER_FIELDS, Brief


def brief_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of <brief-id>.<lang>.yaml."""
    schema = Brief.model_json_schema(mode="validation")
    for name in LOADER_FIELDS:
        schema["properties"].pop(name, None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "briefbuilder brief"
    return schema
