"""The JSON Schemas of the files a user writes (brief, series, brand, labels), for editors that
autocomplete YAML and for validators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model: type[BaseModel], title: str, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    for name in drop:
        schema["properties"].pop(name, None)
    schema["$schema"] = DRAFT
    schema["title"] = title
    return schema


KINDS = ("brief", "series", "brand", "labels")


def schema_text(kind: str) -> str:
    """One kind's schema as the JSON text printed and written to files (the models are
    imported here, so that the command line starts without them)."""
    from .brand import Brand, Labels
    from .model.brief import LOADER_FIELDS, Brief
    from .model.series import Series

    schemas: dict[str, tuple[type[BaseModel], tuple[str, ...]]] = {
        "brief": (Brief, LOADER_FIELDS), "series": (Series, ()), "brand": (Brand, ()),
        "labels": (Labels, ())}
    model, drop = schemas[kind]
    schema = _schema(model, f"briefbuilder {kind}", drop)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_file(folder: Path, kind: str) -> Path:
    """Where a project keeps one kind's schema: schemas/<kind>.schema.json."""
    return folder / f"{kind}.schema.json"


def write_schemas(folder: Path) -> list[Path]:
    """Write (or refresh) every kind's schema into folder; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = schema_file(folder, kind)
        text = schema_text(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
