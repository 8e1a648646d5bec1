"""Structure-tree roles WeasyPrint 70 leaves out, set before it writes the file.

- Footnotes: WeasyPrint tags a footnote's body (in the page's footnote area) as a
  /Span under a /NonStruct; PDF/UA-1 (7.9) wants a /Note with a unique /ID.
- Table headers: WeasyPrint tags header cells /TH without /Scope; a header-row cell
  (in /THead, where the HTML has ``th scope="col"``) gets ``/Scope /Column``.
- Element ids (WeasyPrint's for /TH, ours for /Note) are indexed in the structure
  tree root's /IDTree, as the PDF reference requires when elements have an /ID.

Everything is walked in document order, so the bytes stay the same across runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf  # type: ignore[import-untyped]
from weasyprint.formatting_structure.boxes import FootnoteAreaBox, MarginBox

Ref = bytes
NOTE_ID = "note-{number}"


def retag_structure(document: Any, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: footnotes become /Note, header-row cells get a /Scope."""
    root_ref = pdf.catalog.get("StructTreeRoot")
    if root_ref is None:
        return
    root = _deref(pdf, root_ref)
    tag_footnotes_as_notes(document, pdf, root)
    scope_column_headers(pdf, root)
    index_ids(pdf, root)


def tag_footnotes_as_notes(document: Any, pdf: pydyf.PDF, root: Any) -> None:
    """Each footnote body in a page's footnote area becomes /Note with /ID (note-N).

    WeasyPrint adds a page's footnote area (a child of the page box after the root
    box) as the page's last top-level element (under /Document): margin boxes, which
    follow it, add none. Each of the area's child boxes is one footnote body, with
    one element.
    """
    top = [ref for document_ref in root["K"] for ref in _deref(pdf, document_ref)["K"]]
    number = 0
    for page, page_ref in zip(document.pages, pdf.page_references, strict=True):
        area = _footnote_area(page._page_box.children)
        on_page = [ref for ref in top if _deref(pdf, ref).get("Pg") == page_ref]
        if area is None or not on_page:
            continue
        bodies = [_deref(pdf, ref) for ref in _deref(pdf, on_page[-1])["K"]
                  if isinstance(ref, bytes)]
        if len(bodies) != len(area.children):
            continue  # not the layout this relies on: leave it, preflight will tell
        for body in bodies:
            number += 1
            body["S"] = "/Note"
            body["ID"] = pydyf.String(NOTE_ID.format(number=number))


def _footnote_area(boxes: list[Any]) -> Any:
    """The page's footnote area box, if it has one and only margin boxes follow it
    (their elements hang off the tree), so that its element is the page's last."""
    areas = [index for index, box in enumerate(boxes) if isinstance(box, FootnoteAreaBox)]
    if len(areas) != 1 or not all(isinstance(box, MarginBox) for box in boxes[areas[0] + 1:]):
        return None
    return boxes[areas[0]]


def scope_column_headers(pdf: pydyf.PDF, root: Any) -> None:
    """Header cells of the rows in /THead get /Scope /Column in their /Table attributes."""
    for element in _elements(pdf, root):
        if element.get("S") != "/THead":
            continue
        for row in _kid_elements(pdf, element):
            for cell in _kid_elements(pdf, row):
                if cell.get("S") == "/TH":
                    attributes = cell.get("A")
                    if not isinstance(attributes, pydyf.Dictionary):
                        attributes = cell["A"] = pydyf.Dictionary({"O": "/Table"})
                    attributes["Scope"] = "/Column"


def index_ids(pdf: pydyf.PDF, root: Any) -> None:
    """The /IDTree of the structure tree root: every element /ID, sorted, to its element."""
    found: dict[bytes, tuple[pydyf.String, Ref]] = {}
    for ref in _element_refs(pdf, root):
        key = _deref(pdf, ref).get("ID")
        if isinstance(key, pydyf.String):
            found.setdefault(key.data, (key, ref))
    if found:
        names = pydyf.Array()
        for data in sorted(found):
            key, ref = found[data]
            names.extend((pydyf.String(key.string), ref))
        root["IDTree"] = pydyf.Dictionary({"Names": names})


def _element_refs(pdf: pydyf.PDF, root: Any) -> Iterator[Ref]:
    """References of every structure element below the root, in document order."""
    todo = [ref for ref in reversed(root["K"]) if isinstance(ref, bytes)]
    seen: set[Ref] = set()
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        element = _deref(pdf, ref)
        if "S" not in element:  # an object reference (/OBJR) to an annotation
            continue
        yield ref
        todo.extend(kid for kid in reversed(element.get("K", ())) if isinstance(kid, bytes))


def _elements(pdf: pydyf.PDF, root: Any) -> Iterator[Any]:
    return (_deref(pdf, ref) for ref in _element_refs(pdf, root))


def _kid_elements(pdf: pydyf.PDF, element: Any) -> list[Any]:
    kids = (_deref(pdf, kid) for kid in element.get("K", ()) if isinstance(kid, bytes))
    return [kid for kid in kids if "S" in kid]


def _deref(pdf: pydyf.PDF, ref: Ref) -> Any:
    return pdf.objects[int(ref.split()[0])]
