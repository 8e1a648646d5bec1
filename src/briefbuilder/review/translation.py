"""Texts that need translating after a review: an applied change to one language's text
marks the same text in the brief's other languages, and `check` warns until it changes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import Problem, Severity
from ..outputs import write_atomic
from ..places import format_path
from .changes import Action, Change
from .yamledit import EditError, compose, load, locate, value_at

STATE = ".briefbuilder-translations.json"  # in the series folder


def mark_translations(source: Path, brief: str, lang: str, changes: list[Change]) -> None:
    """Record, for each other language of the brief, the text now at each edited path."""
    edits = [c for c in changes if c.action is Action.EDIT]
    others = [f for f in sorted(source.parent.glob(f"{brief}.*.yaml")) if f != source]
    if not edits or not others:
        return
    state = _read(source.parent)
    for other in others:
        data = load(other.read_text(encoding="utf-8"))
        for change in edits:
            now = value_at(data, change.path)
            if now is None:
                continue
            state = [e for e in state if (e["file"], e["path"]) != (other.name, list(change.path))]
            state.append({"file": other.name, "path": list(change.path), "text": str(now),
                          "changed_in": source.name})
    write_atomic(source.parent / STATE, json.dumps(state, ensure_ascii=False, indent=1)
                 .encode("utf-8"), source.parent)


def pending_translations(folders: list[Path]) -> list[Problem]:
    """A warning for each marked text that is still as it was when it was marked."""
    found = []
    for folder in folders:
        for entry in _read(folder):
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


def _read(folder: Path) -> list[dict[str, Any]]:
    try:
        state = json.loads((folder / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in state if isinstance(e, dict) and {"file", "path", "text", "changed_in"}
            <= e.keys()] if isinstance(state, list) else []
