"""A brief edition: its metadata, footnotes and sections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, assert_never

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from .blocks import (
    Block,
    Bullets,
    Callout,
    Chart,
    CsvData,
    Definitions,
    Figure,
    ListItem,
    Numbered,
    PageBreak,
    Paragraph,
    Projects,
    Quote,
    Stats,
    Table,
)
from .inline import Inline, check_words

LOADER_FIELDS = ("id", "folder", "sha256")  # set from the file, never written
MAX_FOOTNOTES = 500  # more takes WeasyPrint past any sane job time; a brief needs far fewer
# A note prints whole at the foot of its call's page; this many characters fill about a
# dozen lines there. WeasyPrint cannot split a longer note across pages.
MAX_FOOTNOTE_CHARS = 2000


def _fits_below_its_call(note: Inline) -> Inline:
    length = len(note.plain)
    if length > MAX_FOOTNOTE_CHARS:
        raise ValueError(
            f"the footnote has {length:,} characters; the limit is {MAX_FOOTNOTE_CHARS:,} "
            "(a note prints at the foot of its call's page: shorten it, or move the text "
            "into the body)")
    return note


Path_ = tuple[str | int, ...]


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    heading: Inline | None = None
    body: list[Block] = Field(min_length=1, json_schema_extra={
        "hint": "a section holds a list of blocks under body:"})

    def blocks(self, path: Path_) -> Iterator[tuple[Path_, Block]]:
        """Every block of the body (callout contents too) in reading order; path is the
        section's own (``("sections", 2)``)."""
        for b, block in enumerate(self.body):
            yield from _blocks((*path, "body", b), block)


class Brief(BaseModel):
    """One brief in one language, as validated content."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field("", description="Set from the file name <id>.<lang>.yaml.")
    lang: str = Field("en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", json_schema_extra={
        "hint": "a language tag such as en, es or es-MX, as in the file name"})
    title: str = Field(min_length=1, json_schema_extra={"hint": "every brief needs a title"})
    subtitle: Inline | None = None
    date: dt.date = Field(json_schema_extra={
        "hint": "write the publication date as YYYY-MM-DD", "synonyms": ["published"]})
    summary: str | None = None
    keywords: list[str] = []
    authors: list[str] = []
    organization: str | None = None
    max_pages: int | None = Field(None, ge=1, json_schema_extra={
        "hint": "the most pages the PDF may have, a whole number such as 4"})
    footnotes: dict[str, Annotated[Inline, AfterValidator(_fits_below_its_call)]] = Field(
        {}, json_schema_extra={
            "hint": "a mapping of key: note text, cited in the text as [^key]",
            "synonyms": ["notes", "references", "sources"]})
    sections: list[Section] = Field(min_length=1, json_schema_extra={
        "hint": "a brief needs at least one section with a body"})
    folder: Path | None = Field(None, exclude=True, description="Set by the loader.")
    sha256: str = Field("", exclude=True, description="Set by the loader: of the bytes parsed.")

    _title_words = field_validator("title")(check_words)

    @field_validator("footnotes")
    @classmethod
    def _few_footnotes(cls, value: dict[str, Inline]) -> dict[str, Inline]:
        if len(value) > MAX_FOOTNOTES:
            raise ValueError(f"the brief has {len(value):,} footnotes; the limit is "
                             f"{MAX_FOOTNOTES} (cite a report's bibliography instead)")
        return value

    def inlines(self) -> Iterator[tuple[tuple[str | int, ...], Inline]]:
        """Every inline text of the body, with its field path, in reading order."""
        if self.subtitle is not None:
            yield ("subtitle",), self.subtitle
        for s, section in enumerate(self.sections):
            if section.heading is not None:
                yield ("sections", s, "heading"), section.heading
            for path, block in section.blocks(("sections", s)):
                yield from _own_inlines(path, block)

    def footnote_order(self) -> list[str]:
        """Footnote keys in order of first reference; a key's number is its index + 1."""
        order: list[str] = []
        for _, text in self.inlines():
            for key in text.footnote_keys():
                if key not in order and key in self.footnotes:
                    order.append(key)
        return order

    def uncited_footnotes(self) -> list[str]:
        """Footnote keys the body never cites, so no note prints (a citation inside another
        footnote prints no note of its own)."""
        printed = set(self.footnote_order())
        return [key for key in self.footnotes if key not in printed]

    def footnote_numbers(self) -> dict[str, int]:
        return {key: n for n, key in enumerate(self.footnote_order(), start=1)}

    def blocks(self) -> Iterator[tuple[tuple[str | int, ...], Block]]:
        """Every block with its field path, in reading order (a callout, then its blocks)."""
        for s, section in enumerate(self.sections):
            yield from section.blocks(("sections", s))

    def figures(self) -> Iterator[tuple[tuple[str | int, ...], Figure]]:
        return ((path, block) for path, block in self.blocks() if isinstance(block, Figure))

    def charts(self) -> Iterator[tuple[tuple[str | int, ...], Chart]]:
        return ((path, block) for path, block in self.blocks() if isinstance(block, Chart))

    def files(self) -> list[str]:
        """The files beside the brief that its blocks read (images, chart data), each once."""
        names = [f.figure.image for _, f in self.figures()]
        names += [c.chart.data.file for _, c in self.charts() if isinstance(c.chart.data, CsvData)]
        return sorted(set(names))

    def tables(self) -> Iterator[tuple[tuple[str | int, ...], Table]]:
        return ((path, block) for path, block in self.blocks() if isinstance(block, Table))

    def link_targets(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Every link target with the field path of its text (or of a project's url)."""
        for path, text in self.inlines():
            for href in text.links():
                yield path, href
        for path, block in self.blocks():
            if isinstance(block, Projects):
                for i, item in enumerate(block.projects.items):
                    if item.url is not None:
                        yield (*path, "projects", "items", i, "url"), item.url


def _items(path: Path_, items: list[ListItem]) -> Iterator[tuple[Path_, Inline]]:
    for i, item in enumerate(items):
        yield (*path, i), item.text
        sub = "bullets" if item.bullets is not None else "numbered"
        for j, child in enumerate(item.children):
            yield (*path, i, sub, j), child


def _own_inlines(path: Path_, block: Block) -> Iterator[tuple[Path_, Inline]]:
    """The inline texts of one block itself; a callout's inner blocks come from the walk."""
    match block:
        case Paragraph(text=text):
            yield path, text
        case Bullets(bullets=items):
            yield from _items((*path, "bullets"), items)
        case Numbered(numbered=items):
            yield from _items((*path, "numbered"), items)
        case Definitions(definitions=items):
            for i, d in enumerate(items):
                yield (*path, "definitions", i, "term"), d.term
                yield (*path, "definitions", i, "text"), d.text
        case Callout(callout=c):
            if c.title is not None:
                yield (*path, "callout", "title"), c.title
        case Quote(quote=q):
            yield (*path, "quote", "text"), q.text
            if q.source is not None:
                yield (*path, "quote", "source"), q.source
        case Table(table=t):
            if t.caption is not None:
                yield (*path, "table", "caption"), t.caption
            for i, cell in enumerate(t.header):
                yield (*path, "table", "header", i), cell
            for r, row in enumerate(t.rows):
                for i, cell in enumerate(row):
                    yield (*path, "table", "rows", r, i), cell
        case Figure(figure=f):
            for name, value in (("caption", f.caption), ("credit", f.credit)):
                if value is not None:
                    yield (*path, "figure", name), value
        case Chart(chart=c):
            yield (*path, "chart", "title"), c.title
            if c.source is not None:
                yield (*path, "chart", "source"), c.source
        case Stats(stats=items):
            for i, stat in enumerate(items):
                yield (*path, "stats", i, "label"), stat.label
        case Projects(projects=p):
            if p.title is not None:
                yield (*path, "projects", "title"), p.title
            for i, item in enumerate(p.items):
                yield (*path, "projects", "items", i, "name"), item.name
                yield (*path, "projects", "items", i, "implementer"), item.implementer
        case PageBreak():
            pass
        case _:
            assert_never(block)


def _blocks(path: Path_, block: Block) -> Iterator[tuple[Path_, Block]]:
    yield path, block
    if isinstance(block, Callout):
        for i, inner in enumerate(block.callout.text):
            yield from _blocks((*path, "callout", "text", i), inner)
