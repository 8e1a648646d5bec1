"""What writing one draft keeps track of, in one record (Pandoc's WriterState)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ...brand import Brand, Labels
from ...model.brief import Brief
from ...model.series import Edition
from ..common import anchor_name
from .footnotes_part import FootnotesPart, footnotes_part
from .geometry import Geometry
from .lists import Lists
from .oxml.document import declare_footnote_separators
from .source import SourceText, source_texts


def bookmark_name(anchor: str) -> str:
    """A name Word accepts for the anchor's bookmark: a letter first, no hyphens, 40 at most."""
    name = anchor.replace("-", "_")
    return (name if name[:1].isalpha() else f"h_{name}")[:40]


@dataclass(frozen=True)
class Story:
    """Where runs are going: the part whose relationships links use, and whether a note."""

    part: Any
    in_note: bool = False


@dataclass
class Draft:
    """The document being written and every counter and lookup the writing needs."""

    document: Any
    edition: Edition
    labels: Labels
    page: Geometry
    lists: Lists
    brand: Brand
    notes: dict[str, int] = field(default_factory=dict)  # footnote key -> w:id
    bookmarks: set[str] = field(default_factory=set)  # heading anchors already bookmarked
    last_bookmark: int = 0
    last_shape: int = 0
    counters: dict[str, int] = field(default_factory=dict)  # SEQ field name -> last number
    marked: set[str] = field(default_factory=set)  # source bookmarks written
    in_source: bool = False  # writing inside a source bookmark (they do not nest)
    after_table: bool = False  # the next paragraph follows a table: print's space above it

    @property
    def brief(self) -> Brief:
        return self.edition.brief

    @cached_property
    def anchors(self) -> dict[str, str]:
        """Heading anchor -> its bookmark name (the first heading of a name wins), known
        before any link is written."""
        found: dict[str, str] = {}
        taken: set[str] = set()
        for section in self.brief.sections:
            anchor = anchor_name(section.heading.plain) if section.heading else ""
            name = bookmark_name(anchor) if anchor else ""
            if name and anchor not in found and name not in taken:
                found[anchor] = name
                taken.add(name)
        return found

    @cached_property
    def texts(self) -> list[SourceText]:
        """Every source text of the brief with its bookmark name and field path."""
        return source_texts(self.brief)

    @cached_property
    def sources(self) -> dict[tuple[Any, ...], list[str]]:
        """The spans of each source text -> the hidden bookmarks for them, in reading order
        (texts alike share a key: the writer writes them in the same order)."""
        found: dict[tuple[Any, ...], list[str]] = {}
        for name, _, text in self.texts:
            if text.spans:
                found.setdefault(text.spans, []).append(name)
        return found

    @cached_property
    def _source_starts(self) -> set[Any]:
        return {spans[0] for spans in self.sources}

    def source_bookmark(self, spans: tuple[Any, ...]) -> tuple[str, int] | None:
        """The bookmark for `spans` (or for their first spans: a project's name before its
        acronym) when they are a source text not yet written, and how many spans it holds."""
        if not spans or spans[0] not in self._source_starts:
            return None
        for size in range(len(spans), 0, -1):
            names = self.sources.get(spans[:size])
            if names:
                name = names.pop(0)
                self.marked.add(name)
                return name, size
        return None

    @cached_property
    def footnotes(self) -> FootnotesPart:
        """The footnotes part, created with the first note (and declared in the settings)."""
        declare_footnote_separators(self.document.settings.element)
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
