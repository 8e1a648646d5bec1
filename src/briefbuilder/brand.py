"""The Brand: a theme's colors, fonts, organization lines, page setup and labels.

A theme is a folder ``styles/<name>/`` holding ``brand.yaml``, one label catalog
per language (``labels/<lang>.yaml``), and optionally a logo, a ``print.css``
added after the base stylesheet, ``templates/`` that override the package's
Jinja templates by path, and a reference ``.docx`` whose styles seed Word drafts.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SkipValidation,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .places import Places

HEX_COLOR = r"^#[0-9A-Fa-f]{6}$"
CSS_LENGTH = r"^\d+(\.\d+)?(in|mm|cm|pt)$"
FONT_HINT = "the family name of an installed font package, e.g. Public Sans"
INCHES = {"in": 1.0, "mm": 1 / 25.4, "cm": 1 / 2.54, "pt": 1 / 72}
PAGE_SIZES = {"letter": (8.5, 11.0), "a4": (210 / 25.4, 297 / 25.4)}  # width, height in inches
POINTS_PER_INCH = 72
# The placeholders each label template may use.
PLACEHOLDERS = {"page_of": ("page", "pages"), "brief_of": ("number", "total"),
                "figure": ("number",), "table": ("number",), "source": ("source",),
                "chart_data": ("number",),
                "project_item": ("name", "implementer"),
                "project_item_named": ("name", "implementer")}

# The hint of each field is what an error message suggests (see explain.py).
HexColor = Annotated[str, Field(pattern=HEX_COLOR, json_schema_extra={
    "hint": "a hex color such as '#B5892E'"})]
Length = Annotated[str, Field(pattern=CSS_LENGTH, json_schema_extra={
    "hint": "a length with its unit: in, mm, cm or pt, e.g. 0.75in or 20mm"})]


def _form(example: str) -> Any:
    """A label with {placeholders}: described, and hinted, by an example."""
    return Field(description=example, json_schema_extra={"hint": f"write it as {example}"})


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Colors(_Model):
    primary: HexColor = Field(description="Masthead band, headings.")
    accent: HexColor = Field(description="Rules, markers, stats.")
    text: HexColor
    muted: HexColor = Field(description="Footer, captions, credits.")
    rule: HexColor = Field(description="Hairlines and table borders.")
    on_primary: HexColor = Field("#FFFFFF", description="Text on the band.")
    tint: HexColor = Field(description="Callout and panel backgrounds.")
    link: HexColor


class Fonts(_Model):
    heading: str = Field(description="Family name of an installed fontpkg font package.",
                         json_schema_extra={"hint": FONT_HINT})
    body: str = Field(json_schema_extra={"hint": FONT_HINT})
    fallback: list[str] = Field([], description=(
        "Installed fontpkg families for characters the heading and body fonts lack, "
        "in order of preference."), json_schema_extra={
            "hint": "a list of installed font families, e.g. [Noto Sans]"})
    embed_in_word: bool = Field(True, description=(
        "Embed the families in Word drafts, so they show where they are not installed."),
        json_schema_extra={"hint": "write true or false"})

    def families(self) -> list[str]:
        """Every family the brand names, each once: heading, body, then the fallbacks."""
        return list(dict.fromkeys((self.heading, self.body, *self.fallback)))


class Margins(_Model):
    top: Length
    right: Length
    bottom: Length
    left: Length


def inches(length: str) -> float:
    """A CSS_LENGTH in inches: '0.7in' -> 0.7, '18mm' -> 0.709."""
    unit = length[-2:]
    return float(length[:-2]) * INCHES[unit]


class Page(_Model):
    size: str = Field("letter", pattern=r"^(letter|a4)$",
                      json_schema_extra={"hint": "write letter or a4"})
    margins: Margins = Field(json_schema_extra={
        "hint": "write margins: {top: 0.7in, right: 0.7in, bottom: 0.75in, left: 0.7in}"})

    @model_validator(mode="after")
    def _room_for_text(self) -> Page:
        """Each margin is at most a quarter of its page side, so at least half the page's
        width is text (5 in margins set one paragraph over 42 pages)."""
        width, height = PAGE_SIZES[self.size]
        for side, page_side in (("top", height), ("right", width), ("bottom", height),
                                ("left", width)):
            margin = getattr(self.margins, side)
            if inches(margin) > page_side / 4:
                raise ValueError(
                    f"margins.{side} is {margin}; the limit is a quarter of the {self.size} "
                    f"page's {'height' if side in ('top', 'bottom') else 'width'} "
                    f"({page_side / 4:.3g}in)")
        return self

    @property
    def width_pt(self) -> float:
        return PAGE_SIZES[self.size][0] * POINTS_PER_INCH

    @property
    def height_pt(self) -> float:
        return PAGE_SIZES[self.size][1] * POINTS_PER_INCH

    def margin_pt(self, side: str) -> float:
        """The margin on side ('top', 'right', 'bottom' or 'left'), in points."""
        return inches(getattr(self.margins, side)) * POINTS_PER_INCH

    @property
    def text_width_pt(self) -> float:
        """The width text runs across, between the left and right margins, in points."""
        return self.width_pt - self.margin_pt("left") - self.margin_pt("right")


class Tables(_Model):
    """What the page's measure allows of a table."""

    max_columns: int = Field(8, ge=1, le=40, description=(
        "The most columns a table may have: wider ones do not fit the page's measure."))


# Okabe and Ito's colour-blind safe set, less the three with under 3:1 contrast on white
# (WCAG 1.4.11: orange, sky blue, yellow). Series are told apart by marker or pattern too,
# never by colour alone, so a sixth series may take the first colour again.
OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"]


class Charts(_Model):
    """How charts look: the series colours, in order."""

    palette: list[HexColor] = Field(OKABE_ITO, min_length=1, description=(
        "Series colours in order; a chart with more series starts again from the first."),
        json_schema_extra={"hint": "a list of hex colors such as ['#0072B2', '#D55E00']"})


class Brand(_Model):
    """brand.yaml, validated."""

    name: str = Field(json_schema_extra={"hint": "the theme's name, e.g. name: ILAB"})
    colors: Colors
    fonts: Fonts
    organization: list[str] = Field(min_length=1, description="Lines of the masthead.",
                                    json_schema_extra={
                                        "hint": "list the masthead lines, one '- line' each"})
    page: Page
    tables: Tables = Tables()
    chart: Charts = Charts()
    logo: str | None = Field(None, description="Image file in the theme folder.",
                             json_schema_extra={"hint": "a PNG or JPEG file in the theme folder"})
    logo_alt: str | None = Field(None, description="The logo's alt text; empty: the name.",
                                 json_schema_extra={
                                     "hint": "what the logo shows, for screen readers"})
    docx_reference: str | None = Field(None, description="A .docx whose styles seed drafts.",
                                       json_schema_extra={
                                           "hint": "a .docx file in the theme folder"})

    @property
    def logo_text(self) -> str | None:
        """What a screen reader says for the logo (its alt text, else the brand's name);
        None without a logo."""
        return (self.logo_alt or self.name) if self.logo else None


class Labels(_Model):
    """Every word a theme prints around the content, for one language."""

    series_label: str = Field(description="Running footer label, e.g. 'Learning Brief Series'.")
    page_of: str = _form("'Page {page} of {pages}'")
    brief_of: str = _form("'Brief {number} of {total}'")
    date_format: str = Field("MMMM y", description="Babel date pattern.", json_schema_extra={
        "hint": "a Babel date pattern such as 'MMMM y' (September 2024) or 'd MMMM y'"})
    language_tag: str = Field("", pattern=r"^([a-z]{2,3}-[A-Z]{2})?$", description=(
        "Regional tag for briefs that name only their language, e.g. 'es-MX' "
        "(Word proofs in it); empty: the language's most likely region."),
        json_schema_extra={"hint": "a language and region such as es-MX, or '' for the default"})
    organization: list[str] = Field([], description=(
        "Masthead lines in this language; empty: the brand's organization lines."))
    footer: str = ""
    disclaimer: str = ""
    notes: str = Field(description="Heading of the footnotes when listed as endnotes.")
    figure: str = _form("'Figure {number}'")
    table: str = _form("'Table {number}'")
    chart_data: str = Field("Data of figure {number}", description=(
        "Caption of the table of a chart's numbers, e.g. 'Data of figure {number}'."),
        json_schema_extra={"hint": "write it as 'Data of figure {number}'"})
    source: str = _form("'Source: {source}'")
    project_item: str = _form("'{name} project, implemented by {implementer}'")
    project_item_named: str = _form("'{name}, implemented by {implementer}'")
    project_word: str = Field(description="'Project': the name already says it.")
    callout_insight: str
    callout_lesson: str
    callout_practice: str
    callout_note: str
    quotes: str = Field("\u201c\u201d\u2018\u2019", min_length=4, max_length=4, description=(
        "The language's opening and closing double quotes, then single ones; straight "
        "quotes in the text print as these."), json_schema_extra={
        "hint": "four characters, e.g. '\u201c\u201d\u2018\u2019' (English) or "
                "'\u00ab\u00bb\u201c\u201d' (Spanish)"})
    # The web edition's words; the defaults are English.
    skip_link: str = "Skip to main content"
    contents: str = Field("Contents", description="Heading of the web page's table of contents.")
    footnote_call: str = Field("Footnote {number}", description="A footnote call's name.")
    footnote_back: str = Field("Back to the text of footnote {number}",
                               description="A note's link back to its call.")
    languages: str = Field("This brief in other languages",
                           description="Names the links to the brief's other editions.")
    series_index: str = Field("All briefs in this series", description="The link to the index.")
    pdf_link: str = "PDF"
    docx_link: str = "Word draft"
    web_link: str = "Web page"

    def callout(self, kind: str) -> str:
        return str(getattr(self, f"callout_{kind}"))

    @field_validator(*PLACEHOLDERS)
    @classmethod
    def _placeholders(cls, value: str, info: ValidationInfo) -> str:
        """Only the field's own placeholders, bare: '{number}', never '{number:>9999}'."""
        assert info.field_name is not None
        allowed = PLACEHOLDERS[info.field_name]
        use = "use " + ", ".join(f"{{{name}}}" for name in allowed)
        try:
            fields = list(string.Formatter().parse(value))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a label template: {exc} ({use}; write a "
                             "brace itself as {{ or }})") from None
        for _, name, spec, conversion in fields:
            if name is not None and (name not in allowed or spec or conversion):
                shown = name + (f"!{conversion}" if conversion else "") + (
                    f":{spec}" if spec else "")
                raise ValueError(f"{{{shown}}} is not a placeholder of this label ({use})")
        return value


class Theme(BaseModel):
    """A loaded theme: its folder, brand and label catalogs."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    name: str
    folder: Path
    brand: Brand
    labels: dict[str, Labels]
    brand_places: SkipValidation[Places | None] = Field(None, exclude=True, repr=False)

    def labels_for(self, lang: str) -> Labels:
        """The catalog for a language tag ('es-MX' falls back to 'es')."""
        base = lang.split("-")[0].lower()
        return self.labels.get(lang) or self.labels[base]
