"""The brief's content in reading order: title, subtitle, sections, colophon."""

from __future__ import annotations

from ...model.inline import Text
from .blocks import paragraph, write_section
from .draft import Draft


def write_content(draft: Draft) -> None:
    """Write the whole brief into the document body."""
    brief, body = draft.brief, draft.document.part.element.body
    paragraph(draft, body, "Title", (Text(text=brief.title),))
    if brief.subtitle is not None:
        paragraph(draft, body, "Subtitle", brief.subtitle.spans)
    for section in brief.sections:
        write_section(draft, body, section)
    labels = draft.labels
    if labels.footer:
        paragraph(draft, body, "Colophon", (Text(text=labels.footer),))
    if labels.disclaimer:
        paragraph(draft, body, "Disclaimer" if labels.footer else "Colophon",
                  (Text(text=labels.disclaimer),))
