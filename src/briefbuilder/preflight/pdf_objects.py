"""pikepdf's pages, as pdfminer's interpreter takes them: the file and its content streams
are parsed once, by qpdf, and pdfminer only interprets the operators it is handed.

Objects are converted as pdfminer's own parser would have made them, where pdfminer reaches
them: a page gives only the attributes pdfminer reads, an indirect object stays a reference
until pdfminer resolves it (once), and a stream's data is decoded by qpdf only when pdfminer
asks for it, so font programs and images that need no reading are never read.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, cast

import pikepdf
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import PDFObjRef, PDFStream, stream_value
from pdfminer.psparser import LIT, PSLiteral, literal_name

# what pdfminer reads of a page, and its trim box (what is left when the page is trimmed)
PAGE_KEYS = (*sorted(PDFPage.INHERITABLE_ATTRS), "Contents", "TrimBox")
DECODED = ("/Filter", "/DecodeParms")  # a stream's data is handed over decoded
MAX_OPERATIONS = 1_000_000  # on one page, forms included: a normal page has some thousands
NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


class TooManyOperations(ValueError):
    """A page whose forms draw each other until the count runs out."""


class _Reference(PDFObjRef):
    """An indirect object, converted when pdfminer first resolves it."""

    def __init__(self, target: pikepdf.Object) -> None:
        super().__init__(None, target.objgen[0])
        self.target: pikepdf.Object | None = target
        self.value: Any = None

    def resolve(self, default: object = None) -> Any:
        if self.target is not None:
            self.value, self.target = _direct(self.target), None
        return self.value


class _Stream(PDFStream):
    """A stream whose data qpdf decodes on pdfminer's first ask."""

    def __init__(self, stream: pikepdf.Stream) -> None:
        super().__init__(_dictionary(stream.stream_dict, skip=DECODED), b"")
        self.source = stream
        if stream.is_indirect:
            self.set_objid(*stream.objgen)

    def get_data(self) -> bytes:
        if self.data is None:
            self.data = self.source.read_bytes()
        return self.data


def convert(value: Any) -> Any:
    """A pikepdf object as pdfminer's parser would have made it."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return _Reference(value)
    return _direct(value)


def _direct(value: Any) -> Any:
    if isinstance(value, pikepdf.Stream):
        return _Stream(value)
    if isinstance(value, pikepdf.Dictionary):
        return _dictionary(value)
    if isinstance(value, pikepdf.Array):
        return [convert(item) for item in value]
    if isinstance(value, pikepdf.Name):
        return _literal(NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), value.unparse()))
    if isinstance(value, pikepdf.String):
        return bytes(value)
    if isinstance(value, Decimal):
        return float(value)
    return value  # int, bool, None: pikepdf gives these as Python values


def _literal(name: bytes) -> PSLiteral:
    """A name ('/' and all, escapes undone), as pdfminer keeps it: text when it is UTF-8."""
    try:
        return LIT(name[1:].decode())
    except UnicodeDecodeError:
        return LIT(name[1:])


def _key_name(key: str, short: bool = False) -> str:
    """A dictionary key of pikepdf's (its bytes kept as surrogates) as pdfminer keys it;
    short: an inline image's key as written in the content ('/Width': 'W')."""
    raw = key.encode("utf-8", "surrogateescape")
    if short:
        raw = pikepdf.PdfInlineImage.REVERSE_KEY_ABBREVS.get(raw, raw)
    return literal_name(_literal(raw))


def _dictionary(value: pikepdf.Dictionary, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """pdfminer's dictionary: keys as it names them, no null values."""
    return {_key_name(key): convert(item) for key, item in value.items()
            if key not in skip and item is not None}


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
    attrs = {key: convert(value) for key in PAGE_KEYS
             if (value := _inherited(page.obj, f"/{key}")) is not None}
    return PDFPage(cast(PDFDocument, None), page.obj.objgen[0], attrs, None)


class Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, given each operator with its operands as qpdf parses them
    (pdfminer's own parser, in Python, took half the time of reading a page)."""

    operations = 0  # counted on the page's first interpreter, the one its forms' copies share
    page: Interpreter | None = None

    def dup(self) -> PDFPageInterpreter:
        copy = Interpreter(self.rsrcmgr, self.device)
        copy.page = self.page or self
        return copy

    def execute(self, streams: Sequence[object]) -> None:
        """Run a page's streams (or a form's) as one, as pdfminer does: the division between
        them may fall anywhere between two tokens."""
        self.stream_ids.clear()
        sources = []
        for stream in map(stream_value, streams):
            # pdfminer's guards: a stream drawing itself, a stream that is not an object
            if isinstance(stream, _Stream) and stream.objid is not None \
                    and stream.objid not in self.parent_stream_ids:
                self.stream_ids.add(stream.objid)
                sources.append(stream)
        if len(sources) == 1:
            self._run(sources[0].source)
        elif sources:
            with pikepdf.new() as scratch:  # holds the joined streams while they are run
                self._run(pikepdf.Stream(scratch, b"\n".join(s.get_data() for s in sources)))

    def _run(self, stream: pikepdf.Stream) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # qpdf's parse cut short is an error, not a warning
            instructions = pikepdf.parse_content_stream(stream)
        for instruction in instructions:
            self._count()
            self._do(instruction.operator.unparse().decode("latin-1"), instruction.operands)

    def _count(self) -> None:
        page = self.page or self
        page.operations += 1
        if page.operations > MAX_OPERATIONS:
            raise TooManyOperations(f"a page runs more than {MAX_OPERATIONS:,} drawing "
                                    "operations (forms drawing each other?)")

    def _do(self, operator: str, operands: Any) -> None:
        """Run one operator as pdfminer's own loop would: its operands pushed on the stack,
        those it names popped (a colour operator pops what its colour space needs)."""
        if operator == "INLINE IMAGE":  # its dictionary with the short keys pdfminer reads
            image = operands[0].obj
            self.do_EI(PDFStream({_key_name(key, short=True): convert(value)
                                  for key, value in image.items()}, b""))
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
