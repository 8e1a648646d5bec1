"""Texts that need translating after a review: an applied change to one language's text
marks the same text in the brief's other languages, and `check` warns until it changes
(pending.py)."""

from __future__ import annotations

import json
from pathlib import Path

from ..outputs import write_atomic
from .changes import Action, Change
from .pending import STATE, read_marks
from .yamledit import load, value_at


def mark_translations(source: Path, brief: str, lang: str, changes: list[Change]) -> None:
    """Record, for each other language of the brief, the text now at each edited path."""
    edits = [c for c in changes if c.action is Action.EDIT]
    others = [f for f in sorted(source.parent.glob(f"{brief}.*.yaml")) if f != source]
    if not edits or not others:
        return
    state = read_marks(source.parent)
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
