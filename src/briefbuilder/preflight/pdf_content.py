"""What each page of a PDF paints, from pdfminer's layout of it (each object with its
marked-content tag and id, from pdfplumber's aggregator): runs of text with their place,
size, weight, colour and the filled rectangle under them; images; filled rectangles;
untagged drawings.

Coordinates are points from the bottom left of the page's media box. The aggregator keeps
no stack of marked content (an inner mark ends the outer one), which WeasyPrint never nests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.layout import LTChar, LTComponent, LTContainer, LTCurve, LTImage, LTPage, LTRect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.utils import Matrix, apply_matrix_rect, parse_rect
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

BOLD_FONT = re.compile(r"Bold|Black|Heavy", re.IGNORECASE)
Rect = tuple[float, float, float, float]  # left, bottom, right, top, in points


@dataclass(frozen=True)
class Mark:
    """How a painting is marked: inside an /Artifact, under an id, or neither."""

    artifact: bool
    mcid: int | None

    @property
    def tagged(self) -> bool:
        return self.artifact or self.mcid is not None


@dataclass(frozen=True)
class TextRun:
    """Text shown in one go (one mark, font, size and colour, on one line): its text,
    where it starts (points), its size, weight and colour, the colour of the rectangle it
    is drawn on (None: paper), and how far right of its start its last visible glyph ends."""

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


@dataclass(frozen=True)
class Fill:
    """The filled rectangles of one path, in one colour; even-odd fills of nested rectangles
    are frames (how borders are drawn), so only the ring between them is painted."""

    rects: tuple[Rect, ...]
    color: str
    even_odd: bool
    path: int  # which path of the page painted it

    def covers(self, x: float, y: float) -> bool:
        inside = sum(left <= x <= right and bottom <= y <= top
                     for left, bottom, right, top in self.rects)
        return inside % 2 == 1 if self.even_odd else inside > 0


@dataclass(frozen=True)
class ImagePlacement:
    """An image painted on a page: its pixels and its size there, in points."""

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
    fills: list[Fill] = field(default_factory=list)


class Device(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's aggregator, each piece of a path numbered by the path it is part of
    (pdfminer makes an object of each subpath; a second coat of paint is another path)."""

    paths = 0
    depth = 0
    ctm: Matrix = (1, 0, 0, 1, 0, 0)

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self.ctm = ctm

    def trim(self, page: PDFPage) -> Rect:
        """The page's trim box (else its media box) where the page's content is read."""
        value = page.attrs.get("TrimBox")
        box = parse_rect(resolve1(v) for v in resolve1(value)) if value else page.mediabox
        x0, y0, x1, y1 = box
        return apply_matrix_rect(self.ctm, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self.depth += 1
        if self.depth == 1:
            self.paths += 1
        made = len(self.cur_item._objs)
        try:
            super().paint_path(*args, **kwargs)
        finally:
            self.depth -= 1
        if len(self.cur_item._objs) > made:
            self.cur_item._objs[-1].path = self.paths  # type: ignore[attr-defined]


def read_page(number: int, trim: Rect, layout: LTPage) -> PageContent:
    """The content of page `number`, given its trim box and pdfminer's layout of it."""
    content = PageContent(number, trim)
    chars: list[LTChar] = []
    for item in _painted(layout):
        if chars and not (isinstance(item, LTChar) and _same_run(chars[-1], item)):
            content.runs.append(_run(content, chars))
            chars = []
        mark = _mark(item)
        if isinstance(item, LTChar):
            chars.append(item)
        elif isinstance(item, LTImage):
            content.images.append(ImagePlacement(content.number, _pixels(item),
                                                 (item.width, item.height), mark))
        elif isinstance(item, LTCurve):
            _painted_path(content, item, mark)
    if chars:
        content.runs.append(_run(content, chars))
    return content


def _painted(container: LTContainer[Any]) -> Iterator[LTComponent]:
    """Every painted object, in painting order, forms and images' figures opened."""
    for item in container:
        if isinstance(item, LTContainer):
            yield from _painted(item)
        elif isinstance(item, LTComponent):
            yield item


def _mark(item: LTComponent) -> Mark:
    mcid = getattr(item, "mcid", None)
    return Mark(getattr(item, "tag", None) == "Artifact", int(mcid) if mcid is not None else None)


def _same_run(last: LTChar, char: LTChar) -> bool:
    """Whether a character continues the run of the one before it: the same mark, font,
    size and colour, on the same baseline, less than an em after it."""
    return (_mark(last) == _mark(char) and last.fontname == char.fontname
            and last.size == char.size and last.graphicstate.ncolor == char.graphicstate.ncolor
            and abs(last.matrix[5] - char.matrix[5]) < 0.01
            and last.x0 <= char.x0 < last.x1 + char.size)


def _run(content: PageContent, chars: list[LTChar]) -> TextRun:
    first = chars[0]
    x, y, size = first.x0, first.matrix[5], first.size
    under = next((f.color for f in reversed(content.fills)
                  if f.covers(x + size * 0.3, y + size * 0.3)), None)
    inked = max((c.x1 for c in chars if not c.get_text().isspace()), default=x)
    return TextRun(content.number, "".join(c.get_text() for c in chars), x, y, _mark(first),
                   size, bool(BOLD_FONT.search(first.fontname)),
                   _hex(first.graphicstate.ncolor), under, inked - x)


def _painted_path(content: PageContent, path: LTCurve, mark: Mark) -> None:
    """Count an untagged drawing; keep a filled rectangle (with the others of its path:
    pdfminer splits paths into subpaths)."""
    if not mark.tagged:
        content.unmarked_graphics += 1
    if not (isinstance(path, LTRect) and path.fill):
        return
    color, rect = _hex(path.non_stroking_color), (path.x0, path.y0, path.x1, path.y1)
    number: int = path.path  # type: ignore[attr-defined]  # set by Device
    last = content.fills[-1] if content.fills else None
    if last is not None and last.path == number:
        content.fills[-1] = Fill((*last.rects, rect), color, path.evenodd, number)
    else:
        content.fills.append(Fill((rect,), color, path.evenodd, number))


def _pixels(image: LTImage) -> tuple[int, int]:
    width, height = image.srcsize
    return (int(width or 0), int(height or 0))


def _hex(color: Any) -> str:
    """A fill colour (gray, RGB or CMYK components) as '#RRGGBB'."""
    values = [float(v) for v in (color if isinstance(color, tuple) else (color,))
              if isinstance(v, int | float)]
    if len(values) == 1:
        values *= 3
    elif len(values) == 4:
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    if len(values) != 3:
        return "#000000"
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in values)
