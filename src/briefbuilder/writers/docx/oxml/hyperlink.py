"""`w:hyperlink`, written: to an external relationship or to a bookmark in the document."""

from __future__ import annotations

from typing import Any, cast

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.text.hyperlink import CT_Hyperlink as _ReadOnlyHyperlink


class CT_Hyperlink(_ReadOnlyHyperlink):
    """`w:hyperlink`: python-docx's reading class, plus a constructor for new links."""

    @classmethod
    def new(cls, *, rel_id: str | None = None, anchor: str | None = None) -> CT_Hyperlink:
        """A new empty `w:hyperlink` to relationship `rel_id` or to bookmark `anchor`."""
        link = cast(CT_Hyperlink, parse_xml(f'<w:hyperlink {nsdecls("w", "r")}/>'))
        link.rId = rel_id
        link.anchor = anchor
        link.history = True
        return link


def add_hyperlink(parent: Any, *, rel_id: str | None = None,
                  anchor: str | None = None) -> CT_Hyperlink:
    """Append a new `w:hyperlink` to paragraph `parent` and return it (runs go inside)."""
    link = CT_Hyperlink.new(rel_id=rel_id, anchor=anchor)
    parent.append(link)
    return link
