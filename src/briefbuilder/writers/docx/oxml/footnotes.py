"""Element classes of the footnotes part: `w:footnotes` and `w:footnote`."""

from __future__ import annotations

from typing import Any, cast

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.simpletypes import ST_DecimalNumber, ST_String
from docx.oxml.xmlchemy import BaseOxmlElement, OptionalAttribute, RequiredAttribute, ZeroOrMore


class CT_Footnotes(BaseOxmlElement):
    """`w:footnotes`, the root of the footnotes part: separators first, then the notes."""

    footnote_lst: list[CT_Footnote]

    footnote = ZeroOrMore("w:footnote")

    def add_footnote(self, text_style: str, reference_style: str) -> CT_Footnote:
        """Append a `w:footnote` with the next free id; its paragraph opens with `w:footnoteRef`.

        The paragraph is in `text_style`, the mark run in `reference_style` (style ids),
        followed by a space run, as Word writes it. Content is appended to that paragraph.
        """
        note = cast(
            CT_Footnote,
            parse_xml(
                f'<w:footnote {nsdecls("w")} w:id="{self._next_id()}">'
                "<w:p><w:r><w:footnoteRef/></w:r>"
                '<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>'
                "</w:footnote>"
            ),
        )
        paragraph = note.p_lst[0]
        paragraph.style = text_style
        paragraph.r_lst[0].style = reference_style
        self.append(note)
        return note

    def remove_notes(self) -> None:
        """Remove every note, keeping the separators (ids -1 and 0)."""
        for note in self.footnote_lst:
            if note.id > 0:
                self.remove(note)

    def _next_id(self) -> int:
        """One more than the highest id in use; the separators hold -1 and 0."""
        return max((note.id for note in self.footnote_lst), default=0) + 1


class CT_Footnote(BaseOxmlElement):
    """`w:footnote`, one note: a story of paragraphs, identified by `w:id`."""

    p_lst: list[Any]

    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]
    type: str | None = OptionalAttribute("w:type", ST_String)  # type: ignore[assignment]

    p = ZeroOrMore("w:p")


class CT_FootnoteReference(BaseOxmlElement):
    """`w:footnoteReference`, the mark in the text that points at note `w:id`."""

    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]


def add_footnote_reference(parent: Any, note_id: int, style: str) -> Any:
    """Append to paragraph `parent` a run in character style `style` marking note `note_id`."""
    run = parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{note_id}"/></w:r>')
    run.style = style
    parent.append(run)
    return run
