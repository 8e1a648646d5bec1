"""Which files make up a content folder: its series folders and their brief files, by name
alone. Light on imports: a no-op build lists them without parsing any."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import UsageError

SERIES_FILE = "series.yaml"
BRIEF_FILE = re.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.ya?ml$")


def series_folders(root: Path) -> list[Path]:
    """The series folders under root: root itself, or its children holding series.yaml."""
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder (name a content folder or a series folder)")
    try:
        if (root / SERIES_FILE).is_file():
            return [root]
        found = sorted(p.parent for p in root.glob(f"*/{SERIES_FILE}"))
    except OSError as exc:
        raise UsageError(f"{root}: cannot read the folder: {exc.strerror}") from None
    if not found:
        raise UsageError(f"{root}: no {SERIES_FILE} here or in its folders "
                         "(create one with 'briefbuilder new SERIES/BRIEF_ID')")
    return found


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a series folder, series.yaml included, in name order."""
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
