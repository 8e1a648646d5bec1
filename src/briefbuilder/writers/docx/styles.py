"""The draft's named styles, generated from the brand: fonts, sizes, colours, rules, boxes.

Every look of the draft lives here, so an editor restyles it like any Word document; the
writer only names styles. With a reference .docx, its styles win and only missing ones
are added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

from ...brand import Brand
from .geometry import Geometry
from .lists import Lists
from .oxml.document import set_doc_defaults
from .oxml.formatting import (
    border_paragraph,
    set_contextual_spacing,
    set_outline_level,
    set_script_fonts,
    shade_paragraph,
    table_style_borders,
    table_style_header_row,
)
from .oxml.numbering import set_numbering

KINDS = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
         "table": WD_STYLE_TYPE.TABLE}
ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
# Word's own styles (written as built-in, so Word shows them in its usual places).
BUILT_IN = {"Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
            "List Bullet", "List Bullet 2", "List Number", "List Number 2", "Quote",
            "Caption", "Footnote Text", "Footnote Reference", "Hyperlink", "Header",
            "Footer", "Default Paragraph Font", "Normal Table", "Page Number"}
CALLOUT_STYLES = {"insight": "Callout Insight", "lesson": "Callout Lesson",
                  "practice": "Callout Practice", "note": "Callout Note"}
BODY_SIZE = 9.5  # points, as the print stylesheet
Border = tuple[str, int, int]  # brand colour name, width in 1/8 pt, padding in pt


@dataclass(frozen=True)
class Look:
    """One named style: what it is based on and what it changes, in points and brand names."""

    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    next: str | None = None
    font: str | None = None  # "heading" or "body"
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    color: str | None = None  # a field of brand.colors
    underline: bool | None = None
    superscript: bool | None = None
    before: float | None = None
    after: float | None = None
    line: float | None = None
    keep_next: bool | None = None
    keep_lines: bool | None = None
    align: str | None = None
    left: float | None = None
    right: float | None = None
    fill: str | None = None
    borders: dict[str, Border] = field(default_factory=dict)
    outline: int | None = None
    contextual: bool = False  # no spacing between paragraphs of this style
    tab_right: float | None = None
    list_level: tuple[str, int] | None = None  # ("bullets" | "numbers", level)
    default: bool = False


def looks(brand: Brand, page: Geometry) -> list[Look]:
    """Every style of the draft, for this brand and page."""
    band: Border = ("primary", 4, 6)
    # The band bleeds to the page edges; its side borders pad the text (Word allows 31 pt).
    pad_left, pad_right = (min(31, int(side.pt)) for side in (page.left, page.right))
    callout = {"top": ("tint", 4, 6), "bottom": ("tint", 4, 6), "right": ("tint", 4, 6)}
    return [
        Look("Default Paragraph Font", kind="character", based_on=None, default=True),
        Look("Normal Table", kind="table", based_on=None, default=True),
        Look("Normal", based_on=None, default=True),
        Look("Title", next="Subtitle", font="heading", size=18, bold=True, caps=True,
             color="primary", before=12, after=8, line=1.05, keep_next=True),
        Look("Subtitle", next="Normal", size=10.5, color="primary", after=14, line=1.2,
             keep_next=True, borders={"bottom": ("rule", 4, 8)}),
        Look("Heading 1", next="Normal", font="heading", size=12.5, bold=True, caps=True,
             color="primary", before=16, after=6, keep_next=True, outline=0,
             borders={"bottom": ("accent", 8, 2)}),
        Look("Heading 2", next="Normal", font="heading", size=11.5, bold=True,
             color="primary", before=12, after=4, keep_next=True, outline=1),
        Look("Heading 3", next="Normal", font="heading", size=10.5, bold=True, italic=True,
             color="primary", before=10, after=3, keep_next=True, outline=2),
        Look("List Bullet", after=3, list_level=("bullets", 0)),
        Look("List Bullet 2", based_on="List Bullet", list_level=("bullets", 1)),
        Look("List Number", after=3, list_level=("numbers", 0)),
        Look("List Number 2", based_on="List Number", list_level=("numbers", 1)),
        # A quote keeps with its source, a callout's paragraphs with each other: neither
        # splits across pages.
        # As print: a rule at the left, the source below the words, aligned with them.
        Look("Quote", next="Normal", font="heading", size=11, italic=True, color="primary",
             before=10, after=2, left=18, borders={"left": ("rule", 12, 10)},
             keep_next=True, keep_lines=True),
        Look("Quote Source", next="Normal", size=8, color="muted", after=10, left=18,
             borders={"left": ("rule", 12, 10)}, keep_lines=True),
        Look("Caption", next="Normal", size=8, bold=True, color="muted", before=6, after=4,
             keep_next=True),
        Look("Figure", next="Caption", before=8, after=0, keep_next=True, align="center"),
        Look("Figure Credit", next="Normal", size=8, italic=True, color="muted", after=12),
        Look("Table Text", size=8.5, after=0, line=1.1),
        Look("Table Number", based_on="Table Text", align="right"),
        Look("Normal After Table", next="Normal", before=12),  # print's margin below tables
        Look("Definition Term", next="Definition", bold=True, color="primary", after=0,
             keep_next=True),
        Look("Definition", next="Definition Term", left=18, after=6),
        # One box per callout: spacing only around it; kinds differ by a point of padding
        # so that Word does not merge two neighbouring boxes into one.
        *(Look(name, fill="tint", before=9, after=9, contextual=True, left=8, right=8,
               keep_next=True, keep_lines=True, borders={**callout, "left": (edge, 28, pad)})
          for name, edge, pad in zip(CALLOUT_STYLES.values(), ("accent", "accent", "accent",
                                     "primary"), (8, 7, 6, 5), strict=True)),
        Look("Callout Label", kind="character", based_on="Default Paragraph Font", size=7,
             bold=True, caps=True, color="primary"),
        Look("Callout Title", kind="character", based_on="Default Paragraph Font",
             font="heading", bold=True, color="primary"),
        Look("Panel Title", size=9.5, bold=True, color="primary", before=6, after=4,
             keep_next=True, fill="tint", left=8, right=8, borders=callout | {
                 "top": ("primary", 24, 6), "left": ("tint", 4, 6)}),
        Look("Panel Item", size=9, fill="tint", after=3, left=8, right=8,
             borders=callout | {"left": ("tint", 4, 6)}),
        Look("Stat Value", font="heading", size=20, bold=True, color="primary", after=0,
             keep_next=True),
        Look("Stat Label", size=8.5, color="muted", after=2),
        Look("Footnote Text", size=7.5, after=2, line=1.0),
        Look("Footnote Reference", kind="character", based_on="Default Paragraph Font",
             superscript=True),
        Look("Hyperlink", kind="character", based_on="Default Paragraph Font", color="link",
             underline=True),
        Look("Masthead", size=8.5, color="on_primary", fill="primary", after=0, line=1.15,
             tab_right=page.text_width.pt, left=pad_left - page.left.pt,
             right=pad_right - page.right.pt,
             borders={"top": band, "bottom": band, "left": ("primary", 4, pad_left),
                      "right": ("primary", 4, pad_right)}),
        Look("Masthead Edition", kind="character", based_on="Default Paragraph Font", size=7.5,
             caps=True),
        Look("Page Number", kind="character", based_on="Default Paragraph Font", bold=True,
             color="text"),
        Look("Footer", size=8, color="muted", after=0, tab_right=page.text_width.pt,
             borders={"top": ("rule", 4, 4)}),
        Look("Colophon", next="Disclaimer", size=7, bold=True, color="muted", before=18,
             after=2, keep_next=True, borders={"top": ("rule", 4, 4)}),
        Look("Disclaimer", size=7, color="muted", after=0),
        Look("Brief Table", kind="table", based_on="Normal Table"),
        Look("Stats Table", kind="table", based_on="Normal Table"),
    ]


def add_styles(document: Any, brand: Brand, page: Geometry, lists: Lists) -> None:
    """Add every look the document lacks; keep the ones it has (a reference's)."""
    styles = document.styles
    if not styles.element.xpath("./w:docDefaults"):
        set_doc_defaults(styles.element, font=brand.fonts.body, half_points=round(BODY_SIZE * 2),
                         color=brand.colors.text, after=120, line=276)
    named = _by_name(styles.element)
    for look in looks(brand, page):
        name = BabelFish.ui2internal(look.name)
        if name in named:
            continue
        named[name] = styles.element.add_style_of_type(name, KINDS[look.kind],
                                                       look.name in BUILT_IN)
        style: Any = StyleFactory(named[name])
        style.element.default = look.default or None
        if look.based_on is not None:
            style.base_style = _named(named, look.based_on)
        _apply(style, look, brand)
        _finish(style, look, brand, lists)
    for look in looks(brand, page):
        if look.next is not None and look.kind == "paragraph":
            _named(named, look.name).next_paragraph_style = _named(named, look.next)


def _by_name(element: Any) -> dict[str, Any]:
    """Each style element by its name in styles.xml; the first of a name, as Word reads."""
    named: dict[str, Any] = {}
    for style in element.style_lst:
        named.setdefault(style.name_val, style)
    return named


def _named(named: dict[str, Any], name: str) -> Any:
    """The style named `name` (as python-docx's Styles[name], without its scan per call)."""
    return StyleFactory(named[BabelFish.ui2internal(name)])

def _apply(style: Any, look: Look, brand: Brand) -> None:
    font = style.font
    if look.font is not None:
        set_script_fonts(style.element.get_or_add_rPr(),
                         brand.fonts.heading if look.font == "heading" else brand.fonts.body)
    if look.size is not None:
        font.size = Pt(look.size)
    for name in ("bold", "italic", "underline", "superscript"):
        if getattr(look, name) is not None:
            setattr(font, name, getattr(look, name))
    if look.caps is not None:
        font.all_caps = look.caps
    if look.color is not None:
        font.color.rgb = RGBColor.from_string(_color(brand, look.color))
    if look.kind != "paragraph":
        return
    if look.name in {"Title", "Heading 1", "Heading 2", "Heading 3", "Subtitle", "Quote"}:
        style.quick_style = True
    fmt = style.paragraph_format
    if look.before is not None:
        fmt.space_before = Pt(look.before)
    if look.after is not None:
        fmt.space_after = Pt(look.after)
    if look.line is not None:
        fmt.line_spacing = look.line
    if look.keep_next is not None:
        fmt.keep_with_next = look.keep_next
    if look.keep_lines is not None:
        fmt.keep_together = look.keep_lines
    if look.align is not None:
        fmt.alignment = ALIGN[look.align]
    if look.left is not None:
        fmt.left_indent = Pt(look.left)
    if look.right is not None:
        fmt.right_indent = Pt(look.right)
    if look.tab_right is not None:
        fmt.tab_stops.add_tab_stop(Pt(look.tab_right), WD_TAB_ALIGNMENT.RIGHT)
    pPr = style.element.get_or_add_pPr()
    if look.borders:
        border_paragraph(pPr, {side: (_color(brand, color), width, space)
                               for side, (color, width, space) in look.borders.items()})
    if look.fill is not None:
        shade_paragraph(pPr, _color(brand, look.fill))
    if look.outline is not None:
        set_outline_level(pPr, look.outline)
    if look.contextual:
        set_contextual_spacing(pPr)


def _finish(style: Any, look: Look, brand: Brand, lists: Lists) -> None:
    """What the look's fields cannot say: list numbering and the table styles' parts."""
    colors = brand.colors
    if look.list_level is not None:
        kind, level = look.list_level
        set_numbering(style.element, lists.style_num(kind), level)
    if look.name == "Brief Table":
        table_style_borders(style.element, colors.rule, 4, ("top", "bottom", "insideH"))
        table_style_header_row(style.element, colors.primary, colors.on_primary)
    if look.name == "Stats Table":
        table_style_borders(style.element, colors.accent, 20, ("top",))  # as print: 2.5 pt


def _color(brand: Brand, name: str) -> str:
    return str(getattr(brand.colors, name)).lstrip("#")
