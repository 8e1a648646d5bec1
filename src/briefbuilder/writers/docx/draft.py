"""What writing one draft keeps track of, in one record (Pandoc's WriterState)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ...brand import Labels
from ...model.brief import Brief
from .footnotes_part import FootnotesPart, footnotes_part
from .geometry import Geometry
from .lists import Lists


def anchor_name(heading: str) -> str:
    """The bookmark a heading gets, which ``[text](#name)`` links reach: 'learning-questions'."""
    return re.sub(r"\W+", "-", heading.lower()).strip("-")


@dataclass(frozen=True)
class Story:
    """Where runs are going: the part whose relationships links use, and whether a note."""

    part: Any
    in_note: bool = False


@dataclass
class Draft:
    """The document being written and every counter and lookup the writing needs."""

    document: Any
    brief: Brief
    labels: Labels
    page: Geometry
    lists: Lists
    notes: dict[str, int] = field(default_factory=dict)  # footnote key -> w:id
    bookmarks: set[str] = field(default_factory=set)
    last_bookmark: int = 0
    last_shape: int = 0
    counters: dict[str, int] = field(default_factory=dict)  # SEQ field name -> last number

    @cached_property
    def anchors(self) -> set[str]:
        """Bookmark names of the section headings, known before any link is written."""
        return {anchor_name(s.heading.plain) for s in self.brief.sections if s.heading}

    @cached_property
    def footnotes(self) -> FootnotesPart:
        """The footnotes part, created with the first note."""
        return footnotes_part(self.document.part)

    @cached_property
    def _style_ids(self) -> dict[str, str]:
        return {style.name: style.style_id for style in self.document.styles}

    @property
    def body(self) -> Story:
        return Story(self.document.part)

    def style(self, name: str) -> str:
        """The id of the style named `name` (ids differ from names, and may in a reference)."""
        return self._style_ids[name]

    def bookmark_id(self) -> int:
        self.last_bookmark += 1
        return self.last_bookmark

    def count(self, counter: str) -> int:
        """The next number of a caption sequence ('Table', 'Figure')."""
        self.counters[counter] = self.counters.get(counter, 0) + 1
        return self.counters[counter]

    def shape_id(self) -> int:
        self.last_shape += 1
        return self.last_shape
