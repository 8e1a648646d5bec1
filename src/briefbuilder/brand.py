"""The Brand: a theme's colors, fonts, organization lines, page setup and labels.

A theme is a folder ``styles/<name>/`` holding ``brand.yaml``, one label catalog
per language (``labels/<lang>.yaml``), and optionally a logo, a ``print.css``
added after the base stylesheet, ``templates/`` that override the package's
Jinja templates by path, and a reference ``.docx`` whose styles seed Word drafts.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

HEX_COLOR = r"^#[0-9A-Fa-f]{6}$"
CSS_LENGTH = r"^\d+(\.\d+)?(in|mm|cm|pt)$"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Colors(_Model):
    primary: str = Field(pattern=HEX_COLOR, description="Masthead band, headings.")
    accent: str = Field(pattern=HEX_COLOR, description="Rules, markers, stats.")
    text: str = Field(pattern=HEX_COLOR)
    muted: str = Field(pattern=HEX_COLOR, description="Footer, captions, credits.")
    rule: str = Field(pattern=HEX_COLOR, description="Hairlines and table borders.")
    on_primary: str = Field("#FFFFFF", pattern=HEX_COLOR, description="Text on the band.")
    tint: str = Field(pattern=HEX_COLOR, description="Callout and panel backgrounds.")
    link: str = Field(pattern=HEX_COLOR)


class Fonts(_Model):
    heading: str = Field(description="Family name of an installed fontpkg font package.")
    body: str


class Margins(_Model):
    top: str = Field(pattern=CSS_LENGTH)
    right: str = Field(pattern=CSS_LENGTH)
    bottom: str = Field(pattern=CSS_LENGTH)
    left: str = Field(pattern=CSS_LENGTH)


class Page(_Model):
    size: str = Field("letter", pattern=r"^(letter|a4)$")
    margins: Margins


class Brand(_Model):
    """brand.yaml, validated."""

    name: str
    colors: Colors
    fonts: Fonts
    organization: list[str] = Field(min_length=1, description="Lines of the masthead.")
    page: Page
    logo: str | None = Field(None, description="Image file in the theme folder.")
    logo_alt: str | None = None
    docx_reference: str | None = Field(None, description="A .docx whose styles seed drafts.")


class Labels(_Model):
    """Every word a theme prints around the content, for one language."""

    series_label: str = Field(description="Running footer label, e.g. 'Learning Brief Series'.")
    page_of: str = Field(description="'Page {page} of {pages}'.")
    brief_of: str = Field(description="'Brief {number} of {total}'.")
    date_format: str = Field("MMMM y", description="Babel date pattern.")
    language_tag: str = Field("", pattern=r"^([a-z]{2,3}-[A-Z]{2})?$", description=(
        "Regional tag for briefs that name only their language, e.g. 'es-MX' "
        "(Word proofs in it); empty: the language's most likely region."))
    organization: list[str] = Field([], description=(
        "Masthead lines in this language; empty: the brand's organization lines."))
    footer: str = ""
    disclaimer: str = ""
    notes: str = Field(description="Heading of the footnotes when listed as endnotes.")
    figure: str = Field(description="'Figure {number}'.")
    table: str = Field(description="'Table {number}'.")
    source: str = Field(description="'Source: {source}' for figure credits.")
    project_item: str = Field(description="'{name} project, implemented by {implementer}'.")
    project_item_named: str = Field(description="'{name}, implemented by {implementer}'.")
    project_word: str = Field(description="'Project': the name already says it.")
    callout_insight: str
    callout_lesson: str
    callout_practice: str
    callout_note: str
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
