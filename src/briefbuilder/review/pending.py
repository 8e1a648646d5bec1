"""Texts still waiting for their translation: the marks a review leaves in a series folder
(translation.py writes them), read by `check` without the Word reader or writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import Problem, Severity
from ..places import format_path
from .yamledit import EditError, compose, load, locate, value_at

STATE = ".briefbuilder-translations.json"  # in the series folder


def pending_translations(folders: list[Path]) -> list[Problem]:
    """A warning for each marked text that is still as it was when it was marked."""
    found = []
    for folder in folders:
        for entry in read_marks(folder):
            file = folder / str(entry["file"])
            if not file.is_file():
                continue
            text = file.read_text(encoding="utf-8")
            path = tuple(entry["path"])
            if str(value_at(load(text), path)) != entry["text"]:
                continue
            try:
                node = locate(text, compose(text), path).node
                line, column = node.start_mark.line + 1, node.start_mark.column + 1
            except EditError:
                line = column = None
            found.append(Problem(
                f"needs translation: the text changed in {entry['changed_in']} (a review)",
                file, line, column, format_path(path), "translate the change here",
                Severity.WARNING))
    return found


def read_marks(folder: Path) -> list[dict[str, Any]]:
    """The marks of a series folder; none when its file is missing or not ours."""
    try:
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in state if isinstance(e, dict) and {"file", "path", "text", "changed_in"}
            <= e.keys()] if isinstance(state, list) else []
