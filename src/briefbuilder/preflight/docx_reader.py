"""A built Word draft as preflight sees it: properties, paragraphs with their styles, headings,
pictures, tables and footnotes (its texts are read back by the review reader:
word_content.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import parse_xml

HEADING_STYLE = re.compile(r"^heading ([1-9])$", re.IGNORECASE)
SHOWN = (".//w:drawing|.//w:pict|.//w:object|.//w:footnoteReference|.//w:fldSimple"
         "|.//w:instrText|.//w:sym|.//w:br[@w:type='page']|./w:pPr/w:sectPr")


def _style_names(document: Any) -> dict[str | None, str]:
    """Each style's name (as Word shows it) by its id; None: the default paragraph style's."""
    names = {style.style_id: style.name or style.style_id for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    return {**names, None: default.name if default is not None else "Normal"}


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: its style's name, its text, and whether it shows nothing at all."""

    index: int
    style: str
    text: str
    empty: bool

    @property
    def heading_level(self) -> int | None:
        """0 for Title, n for Heading n, None for other styles."""
        if self.style.lower() == "title":
            return 0
        match = HEADING_STYLE.match(self.style)
        return int(match.group(1)) if match else None


@dataclass(frozen=True)
class Picture:
    name: str
    descr: str


@dataclass(frozen=True)
class WordTable:
    """A table's shape, whether its first row repeats as a header, and that row's text."""

    rows: int
    columns: int
    header_repeats: bool
    first_row: tuple[str, ...]
    style: str


@dataclass(frozen=True)
class DocxDoc:
    """What preflight reads from one .docx file."""

    path: Path
    title: str | None
    language: str | None
    text_language: str | None  # w:lang of the document defaults
    paragraphs: list[Paragraph]
    pictures: list[Picture]
    tables: list[WordTable]
    footnotes: list[str]

    @property
    def headings(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.heading_level is not None]


def text_of(element: Any) -> str:
    """The text a reader sees in an element (tabs and breaks as spaces)."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        parts.append(node.text or "" if node.tag == qn("w:t") else " ")
    return "".join(parts)


def _is_empty(paragraph: Any) -> bool:
    """Nothing visible: no text, picture, note, field, page or section break."""
    return not text_of(paragraph).strip() and not paragraph.xpath(SHOWN)


def _between_tables(paragraph: Any) -> bool:
    """An empty paragraph that keeps two tables apart (Word merges adjacent tables)."""
    before, after = paragraph.getprevious(), paragraph.getnext()
    return before is not None and after is not None and before.tag == after.tag == qn("w:tbl")


def _paragraphs(body: Any, styles: dict[str | None, str]) -> list[Paragraph]:
    found = []
    for index, p in enumerate(body.iter(qn("w:p"))):
        cell = next((a for a in p.iterancestors(qn("w:tc"))), None)
        only_in_cell = cell is not None and len(cell.findall(qn("w:p"))) == 1
        empty = _is_empty(p) and not only_in_cell and not _between_tables(p)
        found.append(Paragraph(index, styles.get(p.style, p.style or ""),
                               " ".join(text_of(p).split()), empty))
    return found


def _tables(body: Any, styles: dict[str | None, str]) -> list[WordTable]:
    found = []
    for table in body.iter(qn("w:tbl")):
        rows = table.findall("w:tr", nsmap)
        first = rows[0] if rows else None
        repeats = first is not None and first.find("w:trPr/w:tblHeader", nsmap) is not None
        cells = first.findall("w:tc", nsmap) if first is not None else []
        first_row = tuple(" ".join(" ".join(text_of(p) for p in c.iter(qn("w:p"))).split())
                          for c in cells)
        style_id = table.tblStyle_val or ""
        found.append(WordTable(len(rows), max((len(r.findall("w:tc", nsmap)) for r in rows),
                                              default=0),
                               repeats, first_row,
                               styles.get(style_id, style_id)))
    return found


def read_docx(path: Path) -> DocxDoc:
    """Read one .docx; raise ValueError (or a zipfile/lxml error) when it cannot be read."""
    document = docx.Document(str(path))
    styles = _style_names(document)
    body = document.element.body
    language = document.styles.element.xpath(
        "string(w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val)")
    return DocxDoc(path, document.core_properties.title or None,
                   document.core_properties.language or None, language or None,
                   _paragraphs(body, styles),
                   [Picture(d.get("name", ""), d.get("descr", ""))
                    for d in body.iter(qn("wp:docPr"))],
                   _tables(body, styles), _footnotes(document))


def _footnotes(document: Any) -> list[str]:
    """The text of each footnote, in order."""
    return [" ".join(text_of(note).split()) for rel in document.part.rels.values()
            if rel.reltype == RT.FOOTNOTES and not rel.is_external
            for note in parse_xml(rel.target_part.blob).findall("w:footnote", nsmap)
            if note.get(qn("w:type")) in (None, "normal")]
