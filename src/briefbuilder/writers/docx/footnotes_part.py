"""The footnotes part (word/footnotes.xml), created on demand and related to the document."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory
from docx.oxml.parser import parse_xml
from docx.parts.story import StoryPart

from .oxml.footnotes import CT_Footnotes

DEFAULT_XML = Path(__file__).parent / "templates" / "footnotes.xml"


class FootnotesPart(StoryPart):
    """Container part for the notes: the separators and one `w:footnote` per note."""

    @classmethod
    def default(cls, package: Any) -> FootnotesPart:
        """A new part holding only the separator (-1) and continuation separator (0)."""
        element = parse_xml(DEFAULT_XML.read_bytes())
        return cls(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, package)

    @property
    def footnotes(self) -> CT_Footnotes:
        """The `w:footnotes` root element."""
        return cast(CT_Footnotes, self.element)


def footnotes_part(document_part: Any) -> FootnotesPart:
    """The document's footnotes part, created from the default XML if it has none."""
    try:
        return cast(FootnotesPart, document_part.part_related_by(RT.FOOTNOTES))
    except KeyError:
        part = FootnotesPart.default(document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
        return part


# A reference .docx that already has notes loads them as a FootnotesPart too.
PartFactory.part_type_for[CT.WML_FOOTNOTES] = FootnotesPart
