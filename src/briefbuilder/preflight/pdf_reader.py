"""A built PDF as preflight sees it, from one pikepdf opening of the file: the structure
tree with each element's text, link annotations, fonts, pdfua's PDF/UA-1 report, and what
every page paints (pdfminer interpreting each page's content as pikepdf hands it over)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

import pdfua
import pikepdf
from pdfminer.pdfinterp import PDFResourceManager
from pdfplumber.utils.exceptions import PdfminerException
from pdfua.document import StructElement
from pdfua.model import Report, RuleOutcome

from .pdf_content import Device, PageContent, read_page
from .pdf_objects import Interpreter, as_pdfminer

# pdfminer's warnings are about the file, which a failing check or "cannot read" reports:
# without a handler of the program's own, they are not printed
logging.getLogger("pdfminer").addHandler(logging.NullHandler())
SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class Element:
    """A structure element: its standard role (after the RoleMap), alt text, text and kids."""

    role: str
    alt: str | None
    text: str
    page: int | None
    children: tuple[Element, ...]
    marks: tuple[tuple[int, int], ...] = ()  # (page, marked-content id) it holds directly

    def walk(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, *roles: str) -> list[Element]:
        return [e for e in self.walk() if e.role in roles]

    def all_marks(self) -> set[tuple[int, int]]:
        """The marked content of this element and every element below it."""
        return {mark for element in self.walk() for mark in element.marks}


@dataclass(frozen=True)
class LinkAnnotation:
    """A /Link annotation: its URI (None for in-document jumps) and tag."""

    page: int
    uri: str | None
    tag: str | None  # role of the structure element it is attached to, if any


@dataclass(frozen=True)
class Font:
    name: str
    embedded: bool
    to_unicode: bool


@dataclass
class PdfDoc:
    """What preflight reads from one PDF file."""

    path: Path
    pages: list[PageContent]
    root: Element | None = None
    links: list[LinkAnnotation] = field(default_factory=list)
    fonts: list[Font] = field(default_factory=list)
    orphans: list[tuple[int, int]] = field(default_factory=list)  # (page, mcid) owned by none
    pdfua: Report | None = None

    def elements(self, *roles: str) -> list[Element]:
        return self.root.find(*roles) if self.root is not None else []


class _TreeReader:
    """Our elements from pdfua's structure tree: roles through the RoleMap, marked-content
    ids (and their text) and the annotations each element holds."""

    def __init__(self, document: pdfua.PdfDocument, pages: list[PageContent]) -> None:
        self.texts = {page.number: _mcid_texts(page) for page in pages}
        root = document.struct_root
        self.role_map = dict(root.get("/RoleMap", {})) if root is not None else {}
        self.owned: set[tuple[int, int]] = set()
        self.annotations: dict[tuple[int, int], str] = {}  # annotation objgen -> role

    def role(self, name: str | None) -> str:
        seen: set[str] = set()
        role = str(name)
        while role in self.role_map and role not in seen:
            seen.add(role)
            role = str(self.role_map[role])
        return role.lstrip("/")

    def root(self, elements: tuple[StructElement, ...]) -> Element:
        """The tree's top elements (each followed in pdfua's list by all below it)."""
        tops, index = [], 0
        while index < len(elements):
            tops.append(self.element(elements[index]))
            index += _size(elements[index])
        return Element("StructTreeRoot", None, _join([e.text for e in tops]), None, tuple(tops))

    def element(self, node: StructElement) -> Element:
        children: list[Element] = []
        texts: list[str] = []
        marks: list[tuple[int, int]] = []
        kids = iter(node.children)  # pdfua's element for each dictionary kid, in order
        for kid in _kids(node.obj):
            if isinstance(kid, int):
                marks.append((node.page or 0, kid))
                texts.append(self._mcid(node.page, kid))
                continue
            child = next(kids, None) if isinstance(kid, pikepdf.Dictionary) else None
            if child is None:
                continue
            if child.role is not None:
                children.append(self.element(child))
                texts.append(children[-1].text)
            elif str(kid.get("/Type")) == "/MCR":
                marks.append((child.page or 0, int(kid.MCID)))
                texts.append(self._mcid(child.page, int(kid.MCID)))
            elif str(kid.get("/Type")) == "/OBJR" and "/Obj" in kid:
                self.annotations[kid.Obj.objgen] = self.role(node.role)
        return Element(self.role(node.role), node.alt, _join(texts), node.page,
                       tuple(children), tuple(marks))

    def _mcid(self, page: int | None, mcid: int) -> str:
        if page is None:
            return ""
        self.owned.add((page, mcid))
        return self.texts.get(page, {}).get(mcid, "")


def _size(element: StructElement) -> int:
    """How many elements pdfua lists for an element: itself and all below it."""
    return 1 + sum(_size(child) for child in element.children)


def _kids(node: Any) -> list[Any]:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _mcid_texts(page: PageContent) -> dict[int, str]:
    """Each marked-content id's text; runs on a new line are joined with a space."""
    texts: dict[int, str] = {}
    last_y: dict[int, float] = {}
    for run in page.runs:
        mcid = run.mark.mcid
        if mcid is None or run.mark.artifact:
            continue
        before = texts.get(mcid, "")
        gap = " " if before and abs(last_y[mcid] - run.y) > 1 and not before.endswith(" ") else ""
        texts[mcid] = before + gap + run.text
        last_y[mcid] = run.y
    return texts


def _join(texts: list[str]) -> str:
    """Join the texts of an element's parts, with a space where two words would touch."""
    out = ""
    for text in texts:
        if out and text and not out.endswith(" ") and not text.startswith(" "):
            out += " " if out[-1].isalnum() and text[0].isalnum() else ""
        out += text
    return out


def _fonts(pdf: Any) -> list[Font]:
    fonts: dict[tuple[int, int], Font] = {}
    todo = [page.resources for page in pdf.pages]
    while todo:
        resources = todo.pop()
        for font in resources.get("/Font", {}).values():
            if font.objgen not in fonts:
                fonts[font.objgen] = _font(font)
        for xobject in resources.get("/XObject", {}).values():
            if str(xobject.get("/Subtype")) == "/Form" and "/Resources" in xobject:
                todo.append(xobject.Resources)
    return sorted(fonts.values(), key=lambda f: f.name)


def _font(font: Any) -> Font:
    name = SUBSET_PREFIX.sub("", str(font.get("/BaseFont", "/unnamed")).lstrip("/"))
    if str(font.get("/Subtype")) == "/Type3":
        return Font(name, True, "/ToUnicode" in font)
    descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
    descriptor = descendant.get("/FontDescriptor", {})
    embedded = any(key in descriptor for key in FONT_FILES)
    return Font(name, embedded, "/ToUnicode" in font)


def _links(pdf: Any, annotations: dict[tuple[int, int], str]) -> list[LinkAnnotation]:
    links: list[LinkAnnotation] = []
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.obj.get("/Annots", []):
            if str(annot.get("/Subtype")) != "/Link":
                continue
            action = annot.get("/A", {})
            target = action.get("/URI") if str(action.get("/S")) == "/URI" else None
            uri = str(target) if target is not None else None
            links.append(LinkAnnotation(number, uri, annotations.get(annot.objgen)))
    return links


def read_pages(source: Path | BytesIO) -> list[PageContent]:
    """What every page of a PDF (a file or its bytes) paints; raise pikepdf.PikepdfError or
    PdfminerException when it cannot be read."""
    with pikepdf.open(source) as pdf:
        return _pages(pdf)


def _pages(pdf: pikepdf.Pdf) -> list[PageContent]:
    """Each page's content, as pdfminer interprets it (fonts read once per document)."""
    resources = PDFResourceManager(caching=True)
    pages = []
    for number, page in enumerate(pdf.pages, start=1):
        device = Device(resources, pageno=number)
        try:
            read = as_pdfminer(page)
            Interpreter(resources, device).process_page(read)
            pages.append(read_page(number, device.trim(read), device.get_result()))
        except pikepdf.PikepdfError:
            raise
        except Exception as exc:  # pdfminer's way to fail on a damaged page, as pdfplumber's
            raise PdfminerException(exc) from exc
    return pages


def read_pdf(path: Path) -> PdfDoc:
    """Read one PDF, opened once with pikepdf; raise pikepdf.PikepdfError or
    PdfminerException when it is not a readable PDF."""
    with pikepdf.open(path) as pdf:
        pages = _pages(pdf)
        document = pdfua.PdfDocument(pdf, str(path))
        doc = PdfDoc(path, pages)
        tree = _TreeReader(document, pages)
        if document.struct_root is not None:
            doc.root = tree.root(document.struct_elements)
        doc.links = _links(pdf, tree.annotations)
        doc.fonts = _fonts(pdf)
        doc.pdfua = _pdfua(document, path)
        doc.orphans = sorted((page.page_number, mcid) for page in document.pages
                             for mcid in page.mcids if (page.page_number, mcid) not in tree.owned)
    return doc


def _pdfua(document: pdfua.PdfDocument, path: Path) -> Report:
    """pdfua's rules on the open PDF (pdfua.validate would open the file again); a rule that
    raises is skipped with the reason, as pdfua's own validator does."""
    outcomes = []
    for rule in pdfua.default_registry():
        try:
            outcomes.append(RuleOutcome(rule.id, tuple(rule.check(document))))
        except Exception as exc:  # pdfua's contract: a rule that fails is skipped
            outcomes.append(RuleOutcome(rule.id, skipped_reason=f"rule raised "
                                        f"{type(exc).__name__}: {exc}"))
    return Report(str(path), tuple(outcomes))
