"""Starter files: `briefbuilder init` (a ready project) and `briefbuilder new` (a brief).

Every YAML file written here opens with a ``# yaml-language-server: $schema=...`` line that
points at the project's ``schemas/`` folder, so editors validate and autocomplete it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from .errors import UsageError
from .loader import SERIES_FILE
from .schema import schema_file, write_schemas
from .themes import ID

CONTENT = "content"
SCHEMAS = "schemas"

SERIES_TEMPLATE = """\
id: {series}
title: {title}
theme: {theme}  # 'briefbuilder themes' lists the themes you can use
briefs: [{brief}]  # the order of the briefs in the series
"""

BRIEF_TEMPLATE = """\
title: {title}
subtitle: "**A bold lead phrase** and the rest of the subtitle"
date: {date}
summary: One sentence saying what this brief is about, for search engines and screen readers.
keywords: []
footnotes:
  source: >-
    A source for the first paragraph, with a link:
    [U.S. Department of Labor](https://www.dol.gov/).
sections:
  - body:
      - The first paragraph of the brief.[^source]
      - bullets:
          - "**A bold lead** and the point it makes."
          - A second point, in *emphasis* where it matters.
  - heading: A section heading
    body:
      - "The section's text. A plain line is a paragraph. Quote a line that holds ': '."
      - callout:
          kind: insight
          text: A key insight the reader should take away.
"""

BRIEF_TEMPLATE_ES = """\
title: {title}
subtitle: "**Una frase inicial en negrita** y el resto del subtítulo"
date: {date}
summary: Una oración que dice de qué trata este informe, para buscadores y lectores de pantalla.
keywords: []
footnotes:
  source: >-
    Una fuente del primer párrafo, con un enlace:
    [Departamento de Trabajo de EE. UU.](https://www.dol.gov/).
sections:
  - body:
      - El primer párrafo del informe.[^source]
      - bullets:
          - "**Una idea en negrita** y lo que plantea."
          - Un segundo punto, con *énfasis* donde importa.
  - heading: Un título de sección
    body:
      - "El texto de la sección. Una línea simple es un párrafo. Ponga entre comillas la línea
        que contenga ': '."
      - callout:
          kind: insight
          text: Una idea clave que el lector debe llevarse.
"""
STARTERS = {"en": BRIEF_TEMPLATE, "es": BRIEF_TEMPLATE_ES}  # other languages: English

VSCODE_SCHEMAS = {
    f"{SCHEMAS}/brief.schema.json": [f"{CONTENT}/*/*.*.yaml"],
    f"{SCHEMAS}/series.schema.json": [f"{CONTENT}/*/{SERIES_FILE}"],
    f"{SCHEMAS}/brand.schema.json": ["styles/*/brand.yaml"],
    f"{SCHEMAS}/labels.schema.json": ["styles/*/labels/*.yaml"],
}


def _check_name(target: str, *names: str) -> None:
    if not all(ID.fullmatch(name) for name in names):
        raise UsageError(f"{target!r}: write SERIES/BRIEF_ID in lowercase letters, digits "
                         "and hyphens, e.g. mexico-auto/enforcement")


def _schema_line(path: Path, kind: str, schemas: Path) -> str:
    """The editor's schema comment for a file at path, relative to it."""
    target = os.path.relpath(schema_file(schemas.absolute(), kind), path.parent.absolute())
    return f"# yaml-language-server: $schema={Path(target).as_posix()}\n"


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


def scaffold(content: Path, target: str, lang: str = "en", theme: str = "ilab") -> Path:
    """Create CONTENT/SERIES/BRIEF_ID.LANG.yaml (and series.yaml if new); return its path."""
    series, _, brief = target.partition("/")
    _check_name(target, series, brief, lang)
    folder = content / series
    path = folder / f"{brief}.{lang}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists; choose another brief id")
    schemas = content.absolute().parent / SCHEMAS
    write_schemas(schemas)
    series_file = folder / SERIES_FILE
    if series_file.exists():
        _append_brief(series_file, brief)
    else:
        _write_new(series_file, _schema_line(series_file, "series", schemas)
                   + SERIES_TEMPLATE.format(series=series, brief=brief, theme=theme,
                                            title=series.replace("-", " ").capitalize()))
    starter = STARTERS.get(lang, BRIEF_TEMPLATE)
    _write_new(path, _schema_line(path, "brief", schemas) + starter.format(
        title=brief.replace("-", " ").capitalize(), date=dt.date.today().isoformat()))
    return path


def _append_brief(series_file: Path, brief: str) -> None:
    """Add brief to the briefs list of an existing series.yaml, keeping its comments."""
    from ruamel.yaml import YAML

    yaml = YAML()
    data = yaml.load(series_file.read_text(encoding="utf-8"))
    if brief not in data["briefs"]:
        data["briefs"].append(brief)
    with series_file.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def init_project(folder: Path, target: str = "my-series/first-brief", lang: str = "en",
                 theme: str = "ilab") -> list[Path]:
    """A ready project in folder: content/ with a starter brief, schemas/, editor wiring."""
    content = folder / CONTENT
    if content.exists() and any(content.iterdir()):
        raise UsageError(f"{content} already holds content; 'briefbuilder new SERIES/BRIEF_ID' "
                         "adds a brief to it")
    brief = scaffold(content, target, lang, theme)
    written = [brief.parent / SERIES_FILE, brief]
    settings = folder / ".vscode" / "settings.json"
    if not settings.exists():
        _write_new(settings, json.dumps({"yaml.schemas": VSCODE_SCHEMAS}, indent=2) + "\n")
        written.append(settings)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        _write_new(ignore, "/output/\n")
        written.append(ignore)
    return [*written, *sorted((folder / SCHEMAS).glob("*.json"))]
