"""The Brand: a theme's colors, fonts, organization lines, page setup and labels.

A theme is a folder ``styles/<name>/`` holding ``brand.yaml``, one label catalog
per language (``labels/<lang>.yaml``), and optionally a logo, a ``print.css``
added after the base stylesheet, ``templates/`` that override the package's
Jinja templates by path, and a reference ``.docx`` whose styles seed Word drafts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

HEX_COLOR = r"^#[0-9A-Fa-f]{6}$"
CSS_LENGTH = r"^\d+(\.\d+)?(in|mm|cm|pt)$"
FONT_HINT = "the family name of an installed font package, e.g. Public Sans"

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


class Margins(_Model):
    top: Length
    right: Length
    bottom: Length
    left: Length


class Page(_Model):
    size: str = Field("letter", pattern=r"^(letter|a4)$",
                      json_schema_extra={"hint": "write letter or a4"})
    margins: Margins = Field(json_schema_extra={
        "hint": "write margins: {top: 0.7in, right: 0.7in, bottom: 0.75in, left: 0.7in}"})


class Tables(_Model):
    """What the page's measure allows of a table."""

    max_columns: int = Field(8, ge=1, le=40, description=(
        "The most columns a table may have: wider ones do not fit the page's measure."))


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
    source: str = _form("'Source: {source}'")
    project_item: str = _form("'{name} project, implemented by {implementer}'")
    project_item_named: str = _form("'{name}, implemented by {implementer}'")
    project_word: str = Field(description="'Project': the name already says it.")
    callout_insight: str
    callout_lesson: str
    callout_practice: str
    callout_note: str

    def callout(self, kind: str) -> str:
        return str(getattr(self, f"callout_{kind}"))


class Theme(BaseModel):
    """A loaded theme: its folder, brand and label catalogs."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    name: str
    folder: Path
    brand: Brand
    labels: dict[str, Labels]

    def labels_for(self, lang: str) -> Labels:
        """The catalog for a language tag ('es-MX' falls back to 'es')."""
        base = lang.split("-")[0].lower()
        return self.labels.get(lang) or self.labels[base]
