"""A page's content stream, interpreted: what text and images it paints, where, and how marked.

Only what preflight needs is tracked: the transformation and text matrices (for
positions and sizes), the current font and fill color (for text and its contrast),
filled rectangles (the backgrounds text sits on), and the marked-content stack
(whether a painting is an /Artifact, belongs to a marked-content id, or neither).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import pikepdf

from .pdf_text import FontDecoder, font_decoder

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
PAINT_OPERATORS = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh"}
FILL_OPERATORS = {"f", "F", "f*", "B", "B*", "b", "b*"}
SHOW_OPERATORS = {"Tj", "TJ", "'", '"'}
COLOR_OPERATORS = {"g", "rg", "k", "sc", "scn"}
BOLD_FONT = re.compile(r"Bold|Black|Heavy", re.IGNORECASE)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF order: a point is transformed by m first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


@dataclass(frozen=True)
class Mark:
    """How a painting operation is marked: inside an /Artifact, under an id, or neither."""

    artifact: bool
    mcid: int | None

    @property
    def tagged(self) -> bool:
        return self.artifact or self.mcid is not None


@dataclass(frozen=True)
class TextRun:
    """One text-showing operation: its text, where it starts (points, from bottom left),
    its size, weight and color, the color of the rectangle it is drawn on (None: paper),
    and how far right of its start its last visible glyph ends (points)."""

    page: int
    text: str
    x: float
    y: float
    mark: Mark
    size: float = 0.0
    bold: bool = False
    color: str = "#000000"
    background: str | None = None
    width: float = 0.0


Rect = tuple[float, float, float, float]  # left, bottom, right, top, in points


@dataclass(frozen=True)
class Fill:
    """A filled path of rectangles and its color; even-odd fills of nested rectangles are
    frames (how borders are drawn), so only the ring between them is painted."""

    rects: tuple[Rect, ...]
    color: str
    even_odd: bool

    def covers(self, x: float, y: float) -> bool:
        inside = sum(left <= x <= right and bottom <= y <= top
                     for left, bottom, right, top in self.rects)
        return inside % 2 == 1 if self.even_odd else inside > 0


@dataclass(frozen=True)
class ImagePlacement:
    """An image XObject painted on a page: its pixels and its size there, in points."""

    page: int
    pixels: tuple[int, int]
    points: tuple[float, float]
    mark: Mark


@dataclass
class PageContent:
    """Everything painted on one page, and its trim box (the finished page)."""

    number: int
    trim: Rect = (0.0, 0.0, 0.0, 0.0)
    runs: list[TextRun] = field(default_factory=list)
    images: list[ImagePlacement] = field(default_factory=list)
    unmarked_graphics: int = 0  # path fills and strokes outside any marked content
    mcids: set[int] = field(default_factory=set)
    fills: list[Fill] = field(default_factory=list)


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    tm: Matrix = IDENTITY
    tlm: Matrix = IDENTITY
    leading: float = 0.0
    font: FontDecoder | None = None
    font_size: float = 0.0
    bold: bool = False
    color: str = "#000000"


class PageReader:
    """Interprets one page (and the forms it paints) into a PageContent."""

    def __init__(self, number: int) -> None:
        self.content = PageContent(number)
        self.marks: list[tuple[bool, int | None]] = []
        self.fonts: dict[tuple[int, int], FontDecoder] = {}
        self.path: list[Rect] = []  # rectangles of the path being built

    def mark(self) -> Mark:
        artifact = any(is_artifact for is_artifact, _ in self.marks)
        mcid = next((m for _, m in reversed(self.marks) if m is not None), None)
        return Mark(artifact, mcid)

    def read(self, stream: Any, resources: Any, ctm: Matrix = IDENTITY, depth: int = 0) -> None:
        """Interpret a content stream (a page or a form XObject) with its resources."""
        state = _State(ctm=ctm)
        stack: list[_State] = []
        for instruction in pikepdf.parse_content_stream(stream):
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                continue
            op = str(instruction.operator)
            args = list(instruction.operands)
            if op == "q":
                stack.append(replace(state))
            elif op == "Q" and stack:
                state = stack.pop()
            elif op == "cm":
                state.ctm = multiply(_matrix(args), state.ctm)
            elif op in COLOR_OPERATORS:
                state.color = _rgb(args)
            else:
                self._text_state(op, args, state, resources)
                self._marked(op, args, resources)
                self._path(op, args, state)
                self._paint(op, args, state, resources, depth)

    def _text_state(self, op: str, args: list[Any], state: _State, resources: Any) -> None:
        if op == "BT":
            state.tm = state.tlm = IDENTITY
        elif op == "Tm":
            state.tm = state.tlm = _matrix(args)
        elif op in ("Td", "TD"):
            if op == "TD":
                state.leading = -float(args[1])
            state.tm = state.tlm = multiply((1, 0, 0, 1, float(args[0]), float(args[1])),
                                            state.tlm)
        elif op == "TL":
            state.leading = float(args[0])
        elif op == "Tf":
            state.font = self._font(resources, args[0])
            state.font_size = float(args[1])
            font = resources.get("/Font", {}).get(args[0])
            state.bold = bool(BOLD_FONT.search(str(font.get("/BaseFont", "")))) if font else False
        if op in ("T*", "'", '"'):
            state.tm = state.tlm = multiply((1, 0, 0, 1, 0, -state.leading), state.tlm)

    def _marked(self, op: str, args: list[Any], resources: Any) -> None:
        if op == "BMC":
            self.marks.append((str(args[0]) == "/Artifact", None))
        elif op == "BDC":
            properties = args[1]
            if isinstance(properties, pikepdf.Name):
                properties = resources.get("/Properties", {}).get(properties, {})
            mcid = properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
            self.marks.append((str(args[0]) == "/Artifact",
                               int(mcid) if mcid is not None else None))
            if mcid is not None:
                self.content.mcids.add(int(mcid))
        elif op == "EMC" and self.marks:
            self.marks.pop()

    def _path(self, op: str, args: list[Any], state: _State) -> None:
        """Collect the rectangles of a path; record them as fills when it is filled."""
        if op == "re":
            x, y, w, h = (float(v) for v in args[:4])
            corners = [multiply((1, 0, 0, 1, cx, cy), state.ctm)[4:]
                       for cx, cy in ((x, y), (x + w, y + h))]
            (x0, y0), (x1, y1) = corners
            self.path.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        elif op in FILL_OPERATORS:
            if self.path:
                self.content.fills.append(Fill(tuple(self.path), state.color, op.endswith("*")))
            self.path = []
        elif op in PAINT_OPERATORS or op == "n":
            self.path = []

    def _paint(self, op: str, args: list[Any], state: _State, resources: Any,
               depth: int) -> None:
        if op in SHOW_OPERATORS:
            matrix = multiply(state.tm, state.ctm)
            x, y = matrix[4:]
            size = state.font_size * (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
            under = next((f.color for f in reversed(self.content.fills)
                          if f.covers(x + size * 0.3, y + size * 0.3)), None)
            width = state.font_size * (matrix[0] ** 2 + matrix[1] ** 2) ** 0.5
            self.content.runs.append(TextRun(
                self.content.number, _shown(args[-1], state.font), x, y, self.mark(), size,
                state.bold, state.color, under, width * _inked(args[-1], state.font) / 1000))
        elif op in PAINT_OPERATORS and not self.mark().tagged:
            self.content.unmarked_graphics += 1
        elif op == "Do":
            self._xobject(resources.get("/XObject", {}).get(args[0]), state, resources, depth)

    def _xobject(self, xobject: Any, state: _State, resources: Any, depth: int) -> None:
        if xobject is None:
            return
        subtype = str(xobject.get("/Subtype"))
        if subtype == "/Image":
            a, b, c, d = state.ctm[:4]
            size = ((a * a + b * b) ** 0.5, (c * c + d * d) ** 0.5)
            pixels = (int(xobject.get("/Width", 0)), int(xobject.get("/Height", 0)))
            self.content.images.append(
                ImagePlacement(self.content.number, pixels, size, self.mark()))
        elif subtype == "/Form" and depth < 8:
            matrix = _matrix(list(xobject.get("/Matrix", IDENTITY)))
            self.read(xobject, xobject.get("/Resources", resources),
                      multiply(matrix, state.ctm), depth + 1)

    def _font(self, resources: Any, name: Any) -> FontDecoder | None:
        font = resources.get("/Font", {}).get(name)
        if font is None:
            return None
        key = font.objgen
        if key not in self.fonts:
            self.fonts[key] = font_decoder(font)
        return self.fonts[key]


def _rgb(args: list[Any]) -> str:
    """A fill color operator's operands (gray, RGB or CMYK) as '#RRGGBB'."""
    values = [float(v) for v in args if isinstance(v, int | float | Decimal)]
    if len(values) == 1:
        values *= 3
    elif len(values) == 4:
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    if len(values) != 3:
        return "#000000"
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in values)


def _matrix(args: list[Any]) -> Matrix:
    a, b, c, d, e, f = (float(v) for v in args[:6])
    return (a, b, c, d, e, f)


def _shown(operand: Any, font: FontDecoder | None) -> str:
    """The text of a Tj string or TJ array."""
    parts = operand if isinstance(operand, pikepdf.Array) else [operand]
    out = []
    for part in parts:
        if isinstance(part, pikepdf.String):
            data = bytes(part)
            out.append(font.decode(data) if font else data.decode("latin-1"))
    return "".join(out)


def _inked(operand: Any, font: FontDecoder | None) -> float:
    """How far a Tj string or TJ array reaches, to its last non-space glyph, in
    thousandths of the font size (TJ numbers move the next glyph left)."""
    parts = operand if isinstance(operand, pikepdf.Array) else [operand]
    position = inked = 0.0
    for part in parts:
        if isinstance(part, pikepdf.String) and font is not None:
            for char, advance in font.glyphs(bytes(part)):
                position += advance
                if not char.isspace():
                    inked = position
        elif isinstance(part, int | float | Decimal):
            position -= float(part)
    return inked


def read_page(page: Any, number: int) -> PageContent:
    """The content of one pikepdf page (1-based number)."""
    reader = PageReader(number)
    left, bottom, right, top = (float(v) for v in page.trimbox)
    reader.content.trim = (min(left, right), min(bottom, top), max(left, right), max(bottom, top))
    reader.read(page, page.resources)
    return reader.content
