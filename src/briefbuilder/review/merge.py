"""Placing changes in the brief's YAML file: a three-way merge of the snapshot, the file as
it is now and the draft, then the minimal edits, checked before anything is written."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import Node

from ..errors import Problem, Severity
from ..loader import load_brief
from ..model.brief import Brief
from ..outputs import write_atomic
from .changes import Action, Change
from .snapshot import FieldPath
from .yamledit import (
    EditError,
    Place,
    compose,
    load,
    locate,
    move_entry,
    new_entry,
    remove_entry,
    replace_text,
    value_at,
)


class Status(Enum):
    PLACED = "placed"
    CONFLICT = "conflict"  # the file changed this text too since the draft was built
    APPLIED = "already applied"  # the file already says what the draft says (applied before)
    UNPLACEABLE = "unplaceable"  # the file has no place for it


@dataclass(frozen=True)
class Placed:
    change: Change
    status: Status
    line: int = 1
    column: int = 1
    why: str = ""


@dataclass
class Plan:
    """Every change with its place in the file, and the file's text before and after."""

    path: Path
    before: str
    after: str
    placed: list[Placed] = field(default_factory=list)

    @property
    def diff(self) -> str:
        lines = difflib.unified_diff(self.before.splitlines(keepends=True),
                                     self.after.splitlines(keepends=True),
                                     f"a/{self.path.name}", f"b/{self.path.name}")
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def current_texts(brief: Brief | None) -> dict[str, list[FieldPath]]:
    """Each text of the brief as its file is now -> the field paths holding it (none when
    the file does not load)."""
    found: dict[str, list[FieldPath]] = {}
    if brief is not None:
        notes = [(("footnotes", key), text) for key, text in brief.footnotes.items()]
        for where, text in [*brief.inlines(), *notes]:
            found.setdefault(text.source, []).append(where)
    return found


def plan(path: Path, changes: list[Change], texts: dict[str, list[FieldPath]]) -> Plan:
    """Place each change where the file holds the text it changes (`texts`: where each text
    stands now, when blocks moved since the build); a change to a text that the file
    changed too is a conflict."""
    text = path.read_text(encoding="utf-8")
    root, data = compose(text), load(text)
    edits: list[tuple[int, int, int, str]] = []  # (start, end, change number, new text)
    result = Plan(path, text, text)
    for number, change in enumerate(changes):
        if str(value_at(data, change.path)) != change.old and len(texts.get(change.old, [])) == 1:
            change = replace(change, path=texts[change.old][0])  # the text moved
        try:
            place = locate(text, root, change.path)
        except EditError as exc:
            result.placed.append(Placed(change, Status.UNPLACEABLE, why=str(exc)))
            continue
        if change.action is Action.EDIT and str(value_at(data, change.path)) == change.new:
            result.placed.append(Placed(change, Status.APPLIED, place.line, place.column,
                                        "the file already says this"))
            continue
        if str(value_at(data, change.path)) != change.old:
            result.placed.append(Placed(change, Status.CONFLICT, place.line, place.column,
                                        "the file changed this text since the draft was built"))
            continue
        try:
            made = _edit(text, root, place, change)
            check_reads_back(text, made, change)
        except EditError as exc:
            result.placed.append(Placed(change, Status.UNPLACEABLE, place.line, place.column,
                                        str(exc)))
            continue
        edits += [(start, end, number, new) for start, end, new in made]
        result.placed.append(Placed(change, Status.PLACED, place.line, place.column))
    result.after = _apply(text, edits)
    result.placed.sort(key=lambda p: (p.line, p.column))
    return result


def _apply(text: str, edits: list[tuple[int, int, int, str]]) -> str:
    """The text with (start, end, number, new) edits made from the end backwards; where a
    deletion and insertions meet, the deletion first."""
    for start, end, _, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def check_reads_back(text: str, made: list[tuple[int, int, str]], change: Change) -> None:
    """Raise EditError unless the file, edited, holds the change's new text as written."""
    if change.action is Action.REMOVE:
        return
    try:
        data = load(_apply(text, [(start, end, 0, new) for start, end, new in made]))
    except YAMLError:
        data = None
    if change.new not in _strings(data):
        raise EditError("the text would not read back as written; change it by hand")


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield str(data)
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _edit(text: str, root: Node, place: Place, change: Change) -> list[tuple[int, int, str]]:
    """The (start, end, new text) edits that make `change` in the file."""
    if change.action is Action.EDIT:
        return [replace_text(text, place, change.new)]
    if change.action is Action.ADD:
        return [new_entry(text, place, change.new)]
    if change.action is Action.REMOVE:
        return [remove_entry(place)]
    to = (*change.path[:-1], 0) if change.to is None else change.to
    return move_entry(text, place, locate(text, root, to), change.to is None,
                      change.new if change.new != change.old else None)


def check(plan: Plan, brief_id: str, lang: str) -> list[Problem]:
    """The errors `check` would report for the edited file (written beside it, then gone)."""
    fd, name = tempfile.mkstemp(prefix=f".{plan.path.name}.", suffix=".review",
                                dir=plan.path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(plan.after)
        problems: list[Problem] = []
        load_brief(Path(name), brief_id, lang, problems)
    finally:
        os.unlink(name)
    return [Problem(p.message, plan.path, p.line, p.column, p.field, p.hint, p.severity)
            for p in problems if p.severity is Severity.ERROR]


def write(plan: Plan) -> None:
    """Replace the file atomically with the edited text."""
    write_atomic(plan.path, plan.after.encode("utf-8"), plan.path.parent)
