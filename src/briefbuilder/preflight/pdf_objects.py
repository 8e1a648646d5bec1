"""pikepdf's pages, as pdfminer's interpreter takes them: the file and its content streams
are parsed once, by qpdf, and pdfminer only interprets the operators it is handed.

Objects are converted where pdfminer reaches them: an indirect object stays a reference
until pdfminer resolves it, and a stream's data is read (filters undone by qpdf) only when
pdfminer asks for it, so font programs and images that need no reading are never read.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

import pikepdf
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, PDFStream, stream_value
from pdfminer.psparser import LIT

INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
DECODED = ("/Filter", "/DecodeParms")  # a stream's data is handed over decoded


class _Reference(PDFObjRef):
    """An indirect object, converted when pdfminer resolves it."""

    def __init__(self, target: pikepdf.Object) -> None:
        super().__init__(None, target.objgen[0])
        self.target = target

    def resolve(self, default: object = None) -> Any:
        return _direct(self.target)


class _Stream(PDFStream):
    """A stream whose data qpdf decodes on pdfminer's first ask."""

    def __init__(self, stream: pikepdf.Stream) -> None:
        attrs = {key[1:]: convert(value) for key, value in stream.stream_dict.items()
                 if key not in DECODED}
        super().__init__(attrs, b"")
        self.source = stream
        if stream.is_indirect:
            self.set_objid(*stream.objgen)

    def get_data(self) -> bytes:
        if self.data is None:
            self.data = self.source.read_bytes()
        return self.data


def convert(value: pikepdf.Object) -> Any:
    """A pikepdf object as pdfminer's parser would have made it."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return _Reference(value)
    return _direct(value)


def _direct(value: Any) -> Any:
    if isinstance(value, pikepdf.Stream):
        return _Stream(value)
    if isinstance(value, pikepdf.Dictionary):
        return {key[1:]: convert(item) for key, item in value.items()}
    if isinstance(value, pikepdf.Array):
        return [convert(item) for item in value]
    if isinstance(value, pikepdf.Name):
        return LIT(str(value)[1:])
    if isinstance(value, pikepdf.String):
        return bytes(value)
    if isinstance(value, Decimal):
        return float(value)
    return value  # int, bool, None: pikepdf gives these as Python values


def _inherited(page: pikepdf.Dictionary, key: str) -> pikepdf.Object | None:
    """A page attribute, from the page or the nearest page-tree node above it that sets it."""
    node: Any = page
    for _ in range(64):  # a page tree deeper than this is a loop
        if key in node:
            return cast(pikepdf.Object, node[key])
        node = node.get("/Parent")
        if not isinstance(node, pikepdf.Dictionary):
            break
    return None


def as_pdfminer(page: pikepdf.Page) -> PDFPage:
    """One page of an open pikepdf document, as a pdfminer page."""
    attrs = {key[1:]: convert(value) for key, value in page.obj.items()}
    for key in INHERITED:
        if key[1:] not in attrs and (value := _inherited(page.obj, key)) is not None:
            attrs[key[1:]] = convert(value)
    return PDFPage(cast(PDFDocument, None), page.obj.objgen[0], attrs, None)


class Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, given each operator with its operands as qpdf parses them
    (pdfminer's own parser, in Python, took half the time of reading a page)."""

    def execute(self, streams: Sequence[object]) -> None:
        self.stream_ids.clear()
        for stream in map(stream_value, streams):
            # pdfminer's guards: a stream drawing itself, a stream that is not an object
            if not isinstance(stream, _Stream) or stream.objid is None \
                    or stream.objid in self.parent_stream_ids:
                continue
            self.stream_ids.add(stream.objid)
            for instruction in pikepdf.parse_content_stream(stream.source):
                self._do(str(instruction.operator), instruction.operands)

    def _do(self, operator: str, operands: Any) -> None:
        """Run one operator as pdfminer's own loop would: its operands pushed on the stack,
        those it names popped (a colour operator pops what its colour space needs)."""
        if operator == "INLINE IMAGE":  # its dictionary with the short keys pdfminer reads
            image = operands[0].obj
            short = pikepdf.PdfInlineImage.REVERSE_KEY_ABBREVS
            self.do_EI(PDFStream({short.get(key.encode(), key.encode()).decode()[1:]:
                                  convert(value) for key, value in image.items()}, b""))
            return
        for value in operands:
            self.push(convert(value))
        name = operator.replace("*", "_a").replace('"', "_w").replace("'", "_q")
        method = getattr(self, f"do_{name}", None)
        if method is None:
            return
        wanted = method.__code__.co_argcount - 1
        if wanted == 0:
            method()
        elif len(args := self.pop(wanted)) == wanted:
            method(*args)
