"""Complex fields (`w:fldChar` runs) and bookmarks (`w:bookmarkStart` / `w:bookmarkEnd`)."""

from __future__ import annotations

from typing import Any, cast

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.simpletypes import ST_DecimalNumber, ST_String
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement, RequiredAttribute


class CT_FldChar(BaseOxmlElement):
    """`w:fldChar`, one boundary of a complex field: begin, separate or end."""

    fldCharType: str = RequiredAttribute("w:fldCharType", ST_String)  # type: ignore[assignment]


class CT_BookmarkStart(BaseOxmlElement):
    """`w:bookmarkStart`, where bookmark `w:name` begins; `w:id` pairs it with its end."""

    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]
    name: str = RequiredAttribute("w:name", ST_String)  # type: ignore[assignment]


class CT_BookmarkEnd(BaseOxmlElement):
    """`w:bookmarkEnd`, where the bookmark with the same `w:id` ends."""

    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]


def _run(inner: str, style: str | None) -> CT_R:
    run = cast(CT_R, parse_xml(f'<w:r {nsdecls("w")}>{inner}</w:r>'))
    run.style = style
    return run


def add_field(parent: Any, instruction: str, result: str, style: str | None = None) -> None:
    """Append a live field to paragraph `parent`: its code and `result` as last computed.

    `instruction` is a field code such as ``PAGE`` or ``NOTEREF _Ref1 \\f \\h``; every run
    of the field carries character style id `style`.
    """
    parent.append(_run('<w:fldChar w:fldCharType="begin"/>', style))
    code = _run('<w:instrText xml:space="preserve"/>', style)
    code[-1].text = f" {instruction} "
    parent.append(code)
    parent.append(_run('<w:fldChar w:fldCharType="separate"/>', style))
    shown = _run("", style)
    shown.text = result
    parent.append(shown)
    parent.append(_run('<w:fldChar w:fldCharType="end"/>', style))


def add_bookmark_start(parent: Any, bookmark_id: int, name: str) -> CT_BookmarkStart:
    """Append the start of bookmark `name` to paragraph `parent`."""
    start = cast(CT_BookmarkStart,
                 parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="0" w:name=""/>'))
    start.id = bookmark_id
    start.name = name
    parent.append(start)
    return start


def add_bookmark_end(parent: Any, bookmark_id: int) -> CT_BookmarkEnd:
    """Append the end of the bookmark with id `bookmark_id` to paragraph `parent`."""
    end = cast(CT_BookmarkEnd, parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="0"/>'))
    end.id = bookmark_id
    parent.append(end)
    return end
