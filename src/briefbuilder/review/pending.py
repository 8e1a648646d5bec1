"""Texts still waiting for their translation: the marks a review leaves in a series folder
(translation.py writes them), read by `check` without the Word reader or writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError

from ..content_files import BRIEF_FILE
from ..errors import Problem, Severity
from ..places import format_path
from ..sandbox import read_regular
from .yamledit import EditError, compose, load, locate, value_at

STATE = ".briefbuilder-translations.json"  # in the series folder


def pending_translations(folders: list[Path]) -> list[Problem]:
    """A warning for each marked text that is still as it was when it was marked."""
    found = []
    for folder in folders:
        for entry in read_marks(folder):
            name = str(entry["file"])
            if BRIEF_FILE.fullmatch(name) and (problem := _still_pending(folder / name, entry)):
                found.append(problem)
    return found


def _still_pending(file: Path, entry: dict[str, Any]) -> Problem | None:
    """The warning for one mark on a brief file of its folder, or None: its text changed
    since, or the mark or the brief cannot be read (the loader reports a brief's faults)."""
    if file.is_symlink() or not file.is_file():
        return None
    try:
        text = read_regular(file).decode("utf-8")
        path = tuple(entry["path"])
        if str(value_at(load(text), path)) != entry["text"]:
            return None
    except (OSError, UnicodeDecodeError, YAMLError, TypeError):
        return None
    try:
        node = locate(text, compose(text), path).node
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
    except (EditError, YAMLError):
        line = column = None
    return Problem(f"needs translation: the text changed in {entry['changed_in']} (a review)",
                   file, line, column, format_path(path), "translate the change here",
                   Severity.WARNING)


def read_marks(folder: Path) -> list[dict[str, Any]]:
    """The marks of a series folder; none when its file is missing or not ours."""
    try:
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in state if isinstance(e, dict) and {"file", "path", "text", "changed_in"}
            <= e.keys()] if isinstance(state, list) else []
