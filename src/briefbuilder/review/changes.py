"""What a review found: each change of a brief's text (edit, add, remove, move), and what
has no place in the content."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..places import format_path
from .snapshot import Block, FieldPath

LISTS = ("body", "bullets", "numbered", "text")  # lists whose entries a review adds, removes


class Action(Enum):
    EDIT = "edit"  # the text at `path` becomes `new`
    ADD = "add"  # a new text `new` follows the text at `path` in its list
    REMOVE = "remove"  # the text at `path` goes, with its list entry
    MOVE = "move"  # the entry at `path` (its text now `new`) moves after `to` in its list


@dataclass(frozen=True)
class Change:
    action: Action
    path: FieldPath
    old: str  # the text at `path` as the draft was built
    new: str
    tracked: bool = True
    to: FieldPath | None = None  # MOVE: the entry it now follows (None: first of its list)


@dataclass(frozen=True)
class Unplaced:
    """A change that has no place in the content, with where it stands in the draft."""

    where: str
    text: str
    why: str
    path: FieldPath | None = None  # the text of the brief it stands at, when there is one


@dataclass
class Changes:
    changes: list[Change] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


def in_list(path: FieldPath) -> bool:
    """Whether the text is an entry of a list of blocks or items (it may go, or be
    followed by a new one): not a heading, a caption, a table cell..."""
    return isinstance(path[-1], int) and path[-2] in LISTS


def where(block: Block) -> str:
    return format_path(block.path)
