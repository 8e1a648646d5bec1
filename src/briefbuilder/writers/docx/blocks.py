"""Blocks -> paragraphs, lists, tables and pictures, each in its named style."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any, assert_never

from docx.image.exceptions import UnexpectedEndOfFileError, UnrecognizedImageError
from docx.image.image import Image
from docx.oxml.table import CT_Tbl
from docx.shared import Emu, Length

from ...errors import Problem, RenderError
from ...model.blocks import (
    Block,
    Bullets,
    Callout,
    Chart,
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
from ...model.brief import Section
from ...model.inline import LineBreak, Span, Strong, Text
from ...sandbox import allowed_file
from ..common import anchor_name, fill, fill_parts, number_text, project_parts
from .draft import Draft
from .inline import RunLook, write_spans
from .oxml.chart import new_chart_inline
from .oxml.fields import add_bookmark_end, add_bookmark_start, add_field
from .oxml.formatting import (
    describe_picture,
    keep_row_together,
    repeat_as_header,
    set_table_look,
)
from .oxml.numbering import set_numbering
from .properties import build_moment
from .styles import CALLOUT_STYLES

AFTER_TABLE = {"Normal": "Normal After Table"}  # the others have space above of their own
CHART_ASPECT = 0.45  # height / width of a chart in the draft, about as in print


def paragraph(draft: Draft, container: Any, style: str, spans: tuple[Span, ...] = ()) -> Any:
    """Append a paragraph in style `style` holding `spans` to the body or one of its cells;
    text right after a table takes the style that keeps print's space above it (not an
    empty paragraph: readers announce those)."""
    if draft.after_table:
        draft.after_table = False
        style = AFTER_TABLE.get(style, style)
    p = container.add_p()
    p.style = draft.style(style)
    write_spans(draft, draft.body, p, spans)
    return p


def write_section(draft: Draft, container: Any, section: Section) -> None:
    """A section: its heading (bookmarked for #links), then its blocks."""
    if section.heading is not None:
        p = paragraph(draft, container, "Heading 1")
        anchor = anchor_name(section.heading.plain)
        name = draft.anchors.get(anchor)
        if name is None or anchor in draft.bookmarks:
            write_spans(draft, draft.body, p, section.heading.spans)
        else:
            draft.bookmarks.add(anchor)
            bookmark = draft.bookmark_id()
            add_bookmark_start(p, bookmark, name)
            write_spans(draft, draft.body, p, section.heading.spans)
            add_bookmark_end(p, bookmark)
    write_blocks(draft, container, section.body)


def write_blocks(draft: Draft, container: Any, blocks: list[Block], box: str | None = None) -> None:
    """Write `blocks`; inside a callout, `box` is the style its paragraphs and items take."""
    for block in blocks:
        _write_block(draft, container, block, box)


def _write_block(draft: Draft, container: Any, block: Block, box: str | None) -> None:
    match block:
        case Paragraph(text=text):
            paragraph(draft, container, box or "Normal", text.spans)
        case Bullets(bullets=items):
            _list(draft, container, items, "bullets", 0, box)
        case Numbered(numbered=items):
            _list(draft, container, items, "numbers", 0, box)
        case Definitions(definitions=items):
            for item in items:
                term: tuple[Span, ...] = (Strong(children=item.term.spans),) if box else (
                    item.term.spans)
                paragraph(draft, container, box or "Definition Term", term)
                paragraph(draft, container, box or "Definition", item.text.spans)
        case Callout():
            _callout(draft, container, block)
        case Quote(quote=quote):
            paragraph(draft, container, "Quote", quote.text.spans)
            if quote.source is not None:
                p = paragraph(draft, container, "Quote Source", (Text(text="\u2014\u00a0"),))
                write_spans(draft, draft.body, p, quote.source.spans)
        case Table():
            _table(draft, container, block)
        case Figure():
            _figure(draft, container, block)
        case Chart():
            _chart(draft, container, block)
        case Stats():
            _stats(draft, container, block)
        case Projects():
            _projects(draft, container, block)
        case PageBreak():
            container.add_p().add_r().add_br().type = "page"
        case _:
            assert_never(block)


def _list(draft: Draft, container: Any, items: list[ListItem], kind: str, level: int,
          box: str | None) -> None:
    """A list; every numbered list (nested ones too) is a new instance that starts at 1."""
    num = draft.lists.restart() if kind == "numbers" else draft.lists.bullets
    style = box or ("List Bullet" if kind == "bullets" else "List Number") + (
        " 2" if level else "")
    for item in items:
        p = paragraph(draft, container, style, item.text.spans)
        set_numbering(p, num, level)
        if item.children:
            nested = [ListItem(text=child) for child in item.children]
            sub = "bullets" if item.bullets is not None else "numbers"
            _list(draft, container, nested, sub, level + 1, box)


def _callout(draft: Draft, container: Any, block: Callout) -> None:
    """A box in the kind's style: its label and title (character styles), then its blocks."""
    body = block.callout
    style = CALLOUT_STYLES[body.kind]
    if body.kind != "note" or body.title is not None:
        p = paragraph(draft, container, style)
        if body.kind != "note":  # a note needs no label, as in print
            label = RunLook(style=draft.style("Callout Label"))
            write_spans(draft, draft.body, p, (Text(text=draft.labels.callout(body.kind)),), label)
        if body.title is not None:
            if body.kind != "note":
                write_spans(draft, draft.body, p, (LineBreak(),))
            title = RunLook(style=draft.style("Callout Title"))
            write_spans(draft, draft.body, p, body.title.spans, title)
    write_blocks(draft, container, body.text, box=style)


def _caption(draft: Draft, container: Any, template: str, counter: str,
             caption: tuple[Span, ...]) -> None:
    """'Table 1: ...' in Caption style, the number a live SEQ field (Word renumbers)."""
    p = paragraph(draft, container, "Caption")
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            write_spans(draft, draft.body, p, (Text(text=literal),))
        if name is not None:
            add_field(p, f"SEQ {counter} \\* ARABIC", str(draft.count(counter)))
    write_spans(draft, draft.body, p, (Text(text=": "),))
    write_spans(draft, draft.body, p, caption)


def _add_table(container: Any, rows: int, cols: int, width: Length) -> Any:
    table = CT_Tbl.new_tbl(rows, cols, width)
    container._insert_tbl(table)
    return table


def _table(draft: Draft, container: Any, block: Table) -> None:
    """Caption above, header row repeated on every page, no row split across pages."""
    body = block.table
    if body.caption is not None:
        _caption(draft, container, draft.labels.table, "Table", body.caption.spans)
    styles = [draft.style("Table Number" if n else "Table Text") for n in body.numeric_columns()]
    _grid(draft, container, [[cell.spans for cell in row] for row in [body.header, *body.rows]],
          styles)


def _grid(draft: Draft, container: Any, rows: list[list[tuple[Span, ...]]], styles: list[str],
          width: Length | None = None) -> None:
    """A Brief Table of `rows`, the first one the header row, each column in its style; full
    width unless given."""
    draft.after_table = False  # the space goes after this table, not into it
    table = _add_table(container, len(rows), len(rows[0]), width or draft.page.text_width)
    table.tblStyle_val = draft.style("Brief Table")
    set_table_look(table.tblPr, header_row=True)
    for number, (tr, cells) in enumerate(zip(table.tr_lst, rows, strict=True)):
        keep_row_together(tr)
        if number == 0:
            repeat_as_header(tr)
        for tc, cell, style in zip(tr.tc_lst, cells, styles, strict=True):
            p = tc.p_lst[0]
            p.style = style
            write_spans(draft, draft.body, p, cell)
    draft.after_table = True


def _figure(draft: Draft, container: Any, block: Figure) -> None:
    """The picture (alt text in wp:docPr/@descr), its numbered caption and its credit."""
    body = block.figure
    folder = (draft.brief.folder or Path()).resolve()
    path = allowed_file(folder / body.image, [folder])
    if path is None:
        raise RenderError(Problem(f"cannot place image {body.image!r}: no such file in the "
                                  "series folder", folder / body.image, field="figure.image",
                                  hint="put the image file itself in the series folder"))
    try:
        natural = Image.from_file(str(path))
    except (OSError, UnrecognizedImageError, UnexpectedEndOfFileError) as exc:
        reason = str(exc) or f"Word cannot read its header ({type(exc).__name__})"
        raise RenderError(Problem(f"cannot place image {body.image!r}: {reason}", path,
                                  field="figure.image",
                                  hint="use a PNG, JPEG or GIF file next to the brief")) from exc
    width = Length(min(natural.width, draft.page.text_width))
    inline = draft.document.part.new_pic_inline(str(path), width=width)
    describe_picture(inline, draft.shape_id(), path.name, body.alt)
    paragraph(draft, container, "Figure").add_r().add_drawing(inline)
    if body.caption is not None:
        _caption(draft, container, draft.labels.figure, "Figure", body.caption.spans)
    if body.credit is not None:
        p = paragraph(draft, container, "Figure Credit")
        for part in fill_parts(draft.labels.source, source=body.credit.spans):
            write_spans(draft, draft.body, p, part)


def _chart(draft: Draft, container: Any, block: Chart) -> None:
    """A native chart (editable data, alt text in wp:docPr/@descr), its numbered caption and
    source, then its numbers as a table."""
    from .chart import add_chart  # python-pptx, only for a brief with a chart

    body = block.chart
    rel_id = add_chart(draft.document.part, body, draft.brand, build_moment(draft.edition))
    width = draft.page.text_width
    size = (Emu(width), Emu(int(width * CHART_ASPECT)))
    inline = new_chart_inline(size, draft.shape_id(), rel_id, body.title.plain, body.alt)
    paragraph(draft, container, "Figure").add_r().add_drawing(inline)
    _caption(draft, container, draft.labels.figure, "Figure", body.title.spans)
    if body.source is not None:
        p = paragraph(draft, container, "Figure Credit")
        for part in fill_parts(draft.labels.source, source=body.source.spans):
            write_spans(draft, draft.body, p, part)
    number = str(draft.counters["Figure"])
    paragraph(draft, container, "Caption", fill(draft.labels.chart_data, number=number))
    data, lang, labels = body.data, draft.brief.lang, draft.labels
    header: list[tuple[Span, ...]] = [(Text(text=body.unit or ""),),
                                       *((Text(text=s.name),) for s in data.series)]
    rows: list[list[tuple[Span, ...]]] = [[(Text(text=category),),
             *((Text(text=number_text(s.values[i], lang, labels)),) for s in data.series)]
            for i, category in enumerate(data.categories)]
    styles = [draft.style("Table Text")] + [draft.style("Table Number")] * len(data.series)
    _grid(draft, container, [header, *rows], styles,
          Length(width * (1 + len(data.series)) // 6))


def _stats(draft: Draft, container: Any, block: Stats) -> None:
    """One row of cells that does not split: the figure large, its label below, a rule
    above, as in print."""
    draft.after_table = False
    table = _add_table(container, 1, len(block.stats), draft.page.text_width)
    table.tblStyle_val = draft.style("Stats Table")
    set_table_look(table.tblPr, header_row=False)
    keep_row_together(table.tr_lst[0])
    for tc, stat in zip(table.tr_lst[0].tc_lst, block.stats, strict=True):
        value = tc.p_lst[0]
        value.style = draft.style("Stat Value")
        write_spans(draft, draft.body, value, (Text(text=stat.value),))
        paragraph(draft, tc, "Stat Label", stat.label.spans)
    draft.after_table = True


def _projects(draft: Draft, container: Any, block: Projects) -> None:
    """The sampled-interventions panel: a title, then a numbered list of linked projects."""
    body = block.projects
    if body.title is not None:
        paragraph(draft, container, "Panel Title", body.title.spans)
    num = draft.lists.restart()
    for item in body.items:
        p = paragraph(draft, container, "Panel Item")
        for part in project_parts(item, draft.labels):
            write_spans(draft, draft.body, p, part)
        set_numbering(p, num, 0)
