"""The brief's content in reading order: title, subtitle, date, sections, disclaimer."""

from __future__ import annotations

from ...model.inline import Text
from ..common import format_date
from .blocks import paragraph, write_section
from .draft import Draft


def write_content(draft: Draft) -> None:
    """Write the whole brief into the document body."""
    brief, body = draft.brief, draft.document.part.element.body
    paragraph(draft, body, "Title", (Text(text=brief.title),))
    if brief.subtitle is not None:
        paragraph(draft, body, "Subtitle", brief.subtitle.spans)
    date = format_date(brief.date, brief.lang, draft.labels)
    paragraph(draft, body, "Date", (Text(text=date),))
    for section in brief.sections:
        write_section(draft, body, section)
    if draft.labels.disclaimer:
        paragraph(draft, body, "Disclaimer", (Text(text=draft.labels.disclaimer),))
