"""The Word writer: an Edition and a Theme in, the bytes of an editable .docx draft out.

The draft is built from named styles generated from the brand, with real footnotes,
real hyperlinks, native list numbering, live page fields and alt text; the same inputs
give the same bytes.
"""

from __future__ import annotations

from typing import Any

from ...brand import Theme
from ...fit import check_fit
from ...model.series import Edition
from .base import open_base
from .content import write_content
from .draft import Draft
from .embedded_fonts import embed_fonts
from .geometry import Geometry
from .house_template import specimen
from .lists import add_lists
from .package import docx_bytes
from .page import set_up_pages
from .properties import build_moment, language_tag, set_language, set_properties
from .source import add_source
from .styles import add_styles

__all__ = ["write_docx", "write_house_template"]

TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def write_docx(edition: Edition, theme: Theme) -> bytes:
    """The .docx draft of one brief edition, branded by `theme`."""
    check_fit(edition, theme.brand)
    document, draft = _written(edition, theme)
    add_source(document, edition, draft.texts, draft.marked, draft.labels.quotes)
    return docx_bytes(document, build_moment(edition))


def write_house_template(theme: Theme, lang: str) -> bytes:
    """A Word template (.dotx) of the brand: its named styles, page set-up, masthead and
    footer, embedded fonts, and a specimen of the main styles to start from."""
    edition = specimen(theme, lang)
    document, _ = _written(edition, theme)
    document.part._content_type = TEMPLATE  # python-docx has no setter
    return docx_bytes(document, build_moment(edition))


def _written(edition: Edition, theme: Theme) -> tuple[Any, Draft]:
    """The document with the brand's styles, fonts and pages, holding the edition."""
    brief = edition.brief
    labels = theme.labels_for(brief.lang)
    brand = theme.brand
    document = open_base(theme)
    page = Geometry.of(brand)
    lists = add_lists(document, brand)
    add_styles(document, brand, page, lists)
    embed_fonts(document, theme)
    draft = Draft(document, edition, labels, page, lists, brand)
    set_up_pages(draft, theme)
    write_content(draft)
    tag = language_tag(brief.lang, labels)
    set_language(document, tag)
    when = build_moment(edition)
    set_properties(document, edition, tag, when)
    return document, draft
