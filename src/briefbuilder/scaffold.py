"""`briefbuilder new SERIES/BRIEF_ID`: a brief (and its series) that passes check."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .errors import UsageError
from .loader import SERIES_FILE

NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")

SERIES_TEMPLATE = """\
id: {series}
title: {title}
theme: ilab
briefs: [{brief}]
"""

BRIEF_TEMPLATE = """\
title: {title}
subtitle: "**A bold lead phrase** and the rest of the subtitle"
date: {date}
summary: One sentence saying what this brief is about.
keywords: []
footnotes:
  source: A source for the first paragraph.
sections:
  - body:
      - The first paragraph of the brief.[^source]
      - bullets:
          - "**A bold lead** and the point it makes."
  - heading: A section heading
    body:
      - The section's text.
"""


def scaffold(content: Path, target: str, lang: str = "en") -> Path:
    """Create content/SERIES/BRIEF_ID.LANG.yaml (and series.yaml if new); return its path."""
    series, _, brief = target.partition("/")
    if not (NAME.match(series) and NAME.match(brief)):
        raise UsageError(f"{target!r}: write SERIES/BRIEF_ID in lowercase letters, digits "
                         "and hyphens, e.g. mexico-auto/enforcement")
    folder = content / series
    path = folder / f"{brief}.{lang}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists; choose another brief id")
    folder.mkdir(parents=True, exist_ok=True)
    title = brief.replace("-", " ").capitalize()
    series_file = folder / SERIES_FILE
    if not series_file.exists():
        series_title = series.replace("-", " ").capitalize()
        series_file.write_text(SERIES_TEMPLATE.format(
            series=series, title=series_title, brief=brief), encoding="utf-8")
    else:
        _append_brief(series_file, brief)
    path.write_text(BRIEF_TEMPLATE.format(title=title, date=dt.date.today().isoformat()),
                    encoding="utf-8")
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
