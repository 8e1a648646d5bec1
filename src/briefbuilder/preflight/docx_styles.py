"""Word styles resolved the way Word shows text: the color, shading, size and weight a run
of text ends up with, through direct formatting, character, paragraph and table styles.

Precedence, highest first: the run's own formatting, its character style, its
paragraph style, the table style (its header-row part first), the document defaults.
Shading: the run's, the paragraph's, then the table cell's; else the paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import nsmap, qn

OFF = {"0", "false", "off"}


@dataclass(frozen=True)
class TextLook:
    """Text as shown: which styles made it, its color on its background, size and weight."""

    label: str
    style: str  # the paragraph style's name
    color: str  # '#RRGGBB', or 'auto' (Word picks black or white against the background)
    background: str | None  # '#RRGGBB'; None for the paper
    size_pt: float
    bold: bool


@dataclass(frozen=True)
class _Style:
    name: str
    kind: str
    based_on: str | None
    rpr: Any
    ppr: Any
    tcpr: Any
    parts: dict[str, tuple[Any, Any]]  # table style part (firstRow, …) -> (rPr, tcPr)


def _color(rpr: Any) -> str | None:
    value = val(rpr, "w:color")
    return None if value is None else "auto" if value == "auto" else f"#{value.upper()}"


def val(props: Any, tag: str) -> str | None:
    """The w:val of props' child tag (None when props or the child is missing)."""
    node = props.find(tag, nsmap) if props is not None else None
    return node.get(qn("w:val")) if node is not None else None


def _fill(props: Any) -> str | None:
    node = props.find("w:shd", nsmap) if props is not None else None
    value = node.get(qn("w:fill")) if node is not None else None
    return None if value in (None, "auto") else f"#{value.upper()}"


def _size(rpr: Any) -> float | None:
    value = val(rpr, "w:sz")
    return int(value) / 2 if value is not None else None


def _bold(rpr: Any) -> bool | None:
    node = rpr.find("w:b", nsmap) if rpr is not None else None
    return None if node is None else node.get(qn("w:val"), "1").lower() not in OFF


class StyleSheet:
    """styles.xml, with lookups that follow basedOn chains."""

    def __init__(self, styles: Any) -> None:
        self.styles: dict[str, _Style] = {}
        for style in styles.findall("w:style", nsmap):
            parts = {part.get(qn("w:type")): (part.find("w:rPr", nsmap), part.find("w:tcPr", nsmap))
                     for part in style.findall("w:tblStylePr", nsmap)}
            self.styles[style.get(qn("w:styleId"))] = _Style(
                val(style, "w:name") or style.get(qn("w:styleId")),
                style.get(qn("w:type"), "paragraph"), val(style, "w:basedOn"),
                style.find("w:rPr", nsmap), style.find("w:pPr", nsmap),
                style.find("w:tcPr", nsmap), parts)
        self.defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", nsmap)
        self.default_paragraph = next(
            (sid for sid, s in self.styles.items() if s.kind == "paragraph"
             and styles.find(f"w:style[@w:styleId='{sid}'][@w:default='1']", nsmap) is not None),
            "Normal")

    @property
    def default_language(self) -> str | None:
        return val(self.defaults, "w:lang")

    def name(self, style_id: str) -> str:
        style = self.styles.get(style_id)
        return style.name if style is not None else style_id

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style, then the styles it is based on."""
        seen: set[str] = set()
        while style_id is not None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def style_looks(self) -> list[TextLook]:
        """Each paragraph style's own text on its own shading."""
        return [self._look(f'style "{s.name}"', s.name, [s.rpr for s in self.chain(sid)],
                           [s.ppr for s in self.chain(sid)])
                for sid, s in self.styles.items() if s.kind == "paragraph"]

    def looks(self, element: Any) -> list[TextLook]:
        """The look of every run of text under element (a body, a footnotes part, …)."""
        found: dict[str, TextLook] = {}
        for paragraph in element.iter(qn("w:p")):
            for run in paragraph.iter(qn("w:r")):
                if run.find("w:t", nsmap) is not None:
                    look = self._run_look(paragraph, run)
                    found.setdefault(look.label, look)
        return list(found.values())

    def _run_look(self, paragraph: Any, run: Any) -> TextLook:
        ppr = paragraph.find("w:pPr", nsmap)
        para_id = val(ppr, "w:pStyle") or self.default_paragraph
        rpr = run.find("w:rPr", nsmap)
        char_id = val(rpr, "w:rStyle")
        table_id, header, tcpr = _table_context(paragraph)
        table = list(self.chain(table_id))
        part = table[0].parts.get("firstRow", (None, None)) if header and table else (None, None)
        label = f'"{self.name(para_id)}"'
        if char_id:
            label += f' with "{self.name(char_id)}"'
        if table_id:
            label += f' in table "{self.name(table_id)}"' + (" header row" if header else "")
        text_layers = [rpr, *(s.rpr for s in self.chain(char_id)),
                       *(s.rpr for s in self.chain(para_id)), part[0], *(s.rpr for s in table)]
        fill_layers = [rpr, ppr, *(s.ppr for s in self.chain(para_id)), tcpr, part[1],
                       *(s.tcpr for s in table)]
        return self._look(label, self.name(para_id), text_layers, fill_layers)

    def _look(self, label: str, style: str, text_layers: list[Any],
              fill_layers: list[Any]) -> TextLook:
        layers = [*text_layers, self.defaults]
        color = next((c for c in map(_color, layers) if c is not None), "auto")
        size = next((s for s in map(_size, layers) if s is not None), 10.0)
        bold = next((b for b in map(_bold, layers) if b is not None), False)
        background = next((f for f in map(_fill, fill_layers) if f is not None), None)
        return TextLook(label, style, color, background, size, bold)


def _table_context(paragraph: Any) -> tuple[str | None, bool, Any]:
    """The enclosing table's style id, whether the cell is in its header row, the cell's tcPr."""
    cell = next(paragraph.iterancestors(qn("w:tc")), None)
    if cell is None:
        return None, False, None
    row = cell.getparent()
    table = row.getparent()
    look = table.find("w:tblPr/w:tblLook", nsmap)
    first_row_on = look is not None and (
        look.get(qn("w:firstRow")) in ("1", "true", "on")
        or bool(int(look.get(qn("w:val"), "0"), 16) & 0x0020))
    header = first_row_on and table.find("w:tr", nsmap) is row
    return val(table.find("w:tblPr", nsmap), "w:tblStyle"), header, cell.find("w:tcPr", nsmap)
