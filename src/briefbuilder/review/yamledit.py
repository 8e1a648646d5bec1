"""Minimal edits of a brief's YAML file: only the lines of a changed text are rewritten, in
the style it was written in (folded like the text around it); every other byte stays."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..places import FieldPath

BREAK = re.compile(r"(?<=\S) (?=\S)")  # where a folded line may break
MIN_WIDTH = 60


@dataclass(frozen=True)
class Place:
    """Where a text stands in the file: its scalar node, and its list entry if it is one."""

    node: ScalarNode
    entry: tuple[int, int] | None  # offsets of the entry's whole lines ('- ...' to newline)
    dash: int  # the column of the entry's dash
    flow: bool = False  # inside a flow collection ('[a, b]'), where ',' ends a plain text

    @property
    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    @property
    def column(self) -> int:
        return int(self.node.start_mark.column) + 1


class EditError(ValueError):
    """A change that cannot be written into the file here; the message says why."""


def compose(text: str) -> Node:
    node: Node = YAML(typ="rt", pure=True).compose(io.StringIO(text))
    return node


def load(text: str) -> Any:
    return YAML(typ="rt", pure=True).load(io.StringIO(text))


def locate(text: str, root: Node, path: FieldPath) -> Place:
    """The place of the text at `path` (a model path: a list item or paragraph written as a
    plain string, a callout's text as one string, an item's `text:` all resolve)."""
    node, parent, index, flow = root, None, None, False
    for step in path:
        flow = flow or bool(getattr(node, "flow_style", False))
        if isinstance(node, MappingNode) and isinstance(step, str):
            found = [v for k, v in node.value if k.value == step]
            if not found:
                raise EditError(f"the file has no {step!r} here")
            parent, index, node = None, None, found[0]
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            parent, index, node = node, step, node.value[step]
        elif isinstance(node, ScalarNode) and step in (0, "text"):
            continue
        else:
            raise EditError("the file is shaped differently here than when the draft was built")
    entry_node = node
    if isinstance(node, MappingNode):
        node = next((v for k, v in node.value if k.value == "text"), node)
    if not isinstance(node, ScalarNode):
        raise EditError("the file holds no text here")
    entry, dash = None, 0
    if isinstance(parent, SequenceNode) and index is not None and not parent.flow_style:
        entry, dash = _entry(text, entry_node)
    return Place(node, entry, dash, flow)


def _entry(text: str, node: Node) -> tuple[tuple[int, int], int]:
    """The lines of a block-sequence entry: from its line start (the dash) through its end."""
    start = text.rfind("\n", 0, node.start_mark.index) + 1
    dash = text.find("-", start, node.start_mark.index)
    end = _content_end(text, node)
    newline = text.find("\n", end)
    return (start, len(text) if newline < 0 else newline + 1), dash - start


def _content_end(text: str, node: Node) -> int:
    """Where a node's text ends (a block scalar's end mark stands after its trailing lines)."""
    end = int(node.end_mark.index)
    while end > node.start_mark.index and text[end - 1] in " \n\r\t":
        end -= 1
    return end


def replace_text(text: str, place: Place, value: str) -> tuple[int, int, str]:
    """(start, end, new) to put `value` where the scalar stands, in its style."""
    node = place.node
    start, end = int(node.start_mark.index), _content_end(text, node)
    old = text[start:end]
    return start, end, render(value, node.style, old, int(node.start_mark.column),
                              _line_indent(text, start), place.flow)


def render(value: str, style: str | None, old: str, column: int, indent: int,
           flow: bool = False) -> str:
    """`value` written as the old scalar `old` (at `column`, its line indented `indent`, in a
    flow collection when `flow`) was."""
    lines = old.split("\n")
    width = max(MIN_WIDTH, *(len(line) + (column if n == 0 else 0)
                             for n, line in enumerate(lines)))
    if style in (">", "|") and "\n" not in value and value.strip() == value:
        header = lines[0]
        inner = next((len(x) - len(x.lstrip(" ")) for x in lines[1:] if x.strip()), indent + 2)
        body = _fold(value, width - inner) if style == ">" else [value]
        return header + "".join(f"\n{' ' * inner}{line}" for line in body)
    if style is None and _plain_ok(value, flow):
        written = value
    elif style == "'" and "\n" not in value:
        written = "'" + value.replace("'", "''") + "'"
    else:
        written = json.dumps(value, ensure_ascii=False)
    if len(lines) == 1:
        return written
    follow = len(lines[1]) - len(lines[1].lstrip(" "))
    return f"\n{' ' * follow}".join(_fold(written, width - follow, first=width - column))


def _fold(value: str, width: int, first: int | None = None) -> list[str]:
    """Break `value` at single spaces into lines of at most `width` (where it can)."""
    words = BREAK.split(value)
    lines: list[str] = []
    limit = first or width
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            if lines:
                limit = width
            lines.append(word)
    return lines


def _plain_ok(value: str, flow: bool = False) -> bool:
    """Whether `value` reads back as itself written plain after 'key: ' (inside '[...]')."""
    if not value or "\n" in value:
        return False
    try:
        if flow:
            return bool(load(f"k: [{value}]\n") == {"k": [value]})
        return bool(load(f"k: {value}\n") == {"k": value})
    except YAMLError:
        return False


def _line_indent(text: str, offset: int) -> int:
    start = text.rfind("\n", 0, offset) + 1
    line = text[start:offset]
    return len(line) - len(line.lstrip(" "))


def new_entry(text: str, place: Place, value: str) -> tuple[int, int, str]:
    """(at, at, new lines) adding a list entry holding `value` right after `place`'s entry,
    written as that entry's text is (a folded block when the entry is a mapping)."""
    if place.entry is None:
        raise EditError("a new text can follow only an entry of a block list")
    node, at = place.node, place.entry[1]
    if text[place.entry[0]:place.entry[1]].lstrip(" -").startswith("text:"):
        style, old = ">", ">-"
    else:
        style, old = node.style, text[int(node.start_mark.index):_content_end(text, node)]
    written = render(value, style, old, place.dash + 2, place.dash)
    newline = "" if text[:at].endswith("\n") else "\n"
    return at, at, f"{newline}{' ' * place.dash}- {written}\n"


def move_entry(text: str, place: Place, target: Place, first: bool, new: str | None
               ) -> list[tuple[int, int, str]]:
    """Edits moving `place`'s entry lines (its text rewritten when `new` is given) after
    `target`'s entry, or before it when `first`."""
    if place.entry is None or target.entry is None:
        raise EditError("only an entry of a block list can move")
    start, end = place.entry
    if new is None:
        lines = text[start:end]
    else:
        at, till, written = replace_text(text, place, new)
        lines = text[start:at] + written + text[till:end]
    at = target.entry[0] if first else target.entry[1]
    if at == start:
        raise EditError("the entry is where it was")
    return [(start, end, ""), (at, at, lines)]


def remove_entry(place: Place) -> tuple[int, int, str]:
    if place.entry is None:
        raise EditError("only an entry of a block list can be removed")
    return place.entry[0], place.entry[1], ""


def value_at(data: Any, path: FieldPath) -> Any:
    """The value at a model path in loaded YAML data (resolved as `locate` does)."""
    for step in path:
        if isinstance(data, list) and isinstance(step, int):
            data = data[step] if step < len(data) else None
        elif isinstance(data, dict):
            data = data.get(step)
        elif not (isinstance(data, str) and step in (0, "text")):
            return None
    return data.get("text") if isinstance(data, dict) else data
