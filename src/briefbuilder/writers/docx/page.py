"""Page furniture: US Letter (or A4) and the brand margins, the first-page masthead band,
and a footer on every page with the series label and a live 'Page N of M'."""

from __future__ import annotations

import string
from dataclasses import replace
from itertools import zip_longest
from typing import Any

from docx.shared import Inches

from ...brand import Theme
from ...errors import Problem, ThemeError
from ...model.inline import LineBreak, Span, Strong, Text
from ...sandbox import theme_file
from ..common import brief_of, edition_lines
from .draft import Draft, Story
from .inline import RunLook, write_spans
from .oxml.fields import add_field
from .oxml.formatting import describe_picture

FIELDS = {"page": "PAGE", "pages": "NUMPAGES"}
LOGO_HEIGHT = Inches(0.45)


def set_up_pages(draft: Draft, theme: Theme) -> None:
    """Page size and margins; the masthead band on page 1; the footer on every page."""
    section = draft.document.sections[0]
    page = draft.page
    section.page_width, section.page_height = page.width, page.height
    section.top_margin, section.bottom_margin = page.top, page.bottom
    section.left_margin, section.right_margin = page.left, page.right
    section.header_distance, section.footer_distance = Inches(0.3), Inches(0.35)
    section.different_first_page_header_footer = True
    _masthead(draft, theme, section.first_page_header)
    running = " · ".join(filter(None, [draft.labels.series_label,
                                        brief_of(draft.edition, draft.labels)]))
    label = (Text(text=running),)
    for footer in (section.first_page_footer, section.footer):
        _footer(draft, footer, label)


def _masthead(draft: Draft, theme: Theme, header: Any) -> None:
    """The band: logo, organization lines (first one strong), series label and date right."""
    p = _story(draft, header, "Masthead", ())
    story = Story(header.part)
    if theme.brand.logo is not None:
        _logo(draft, header.part, p, theme)
        write_spans(draft, story, p, (LineBreak(),))
    labels = draft.labels
    organization = labels.organization or theme.brand.organization
    edition = edition_lines(draft.edition, labels)
    edition_look = RunLook(style=draft.style("Masthead Edition"))
    for row, (line, note) in enumerate(zip_longest(organization, edition, fillvalue="")):
        if row:
            write_spans(draft, story, p, (LineBreak(),))
        text: Span = Text(text=line)
        write_spans(draft, story, p, (Strong(children=(text,)),) if row == 0 else (text,))
        if note:
            look = replace(edition_look, bold=row == len(edition) - 1)
            write_spans(draft, story, p, (Text(text=f"\t{note}"),), look)


def _logo(draft: Draft, part: Any, p: Any, theme: Theme) -> None:
    """The brand's logo, LOGO_HEIGHT high, with its alt text, in masthead paragraph `p`."""
    brand = theme.brand
    path = theme_file(theme.folder, str(brand.logo))
    if path is None:
        raise ThemeError(Problem(f"logo {brand.logo!r} not found in the theme folder",
                                 theme.folder / "brand.yaml", field="logo",
                                 hint=f"put the image at {theme.folder / str(brand.logo)}"))
    inline = part.new_pic_inline(str(path), height=LOGO_HEIGHT)
    describe_picture(inline, draft.shape_id(), path.name, brand.logo_alt or brand.name)
    p.add_r().add_drawing(inline)


def _story(draft: Draft, header_footer: Any, style: str, spans: tuple[Span, ...]) -> Any:
    """Empty a header or footer and give it one paragraph in `style` holding `spans`."""
    header_footer.is_linked_to_previous = False
    part = header_footer.part
    element = part.element
    for child in list(element):
        element.remove(child)
    p = element.add_p()
    p.style = draft.style(style)
    write_spans(draft, Story(part), p, spans)
    return p


def _footer(draft: Draft, footer: Any, label: tuple[Span, ...]) -> None:
    """Series label, a tab to the right edge, then 'Page {page} of {pages}' as fields."""
    p = _story(draft, footer, "Footer", label)
    p.add_r().add_tab()
    number = draft.style("Page Number")
    for literal, name, _, _ in string.Formatter().parse(draft.labels.page_of):
        if literal:
            write_spans(draft, Story(footer.part), p, (Text(text=literal),), RunLook(style=number))
        if name in FIELDS:
            add_field(p, FIELDS[name], "1", number)
