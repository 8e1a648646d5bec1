"""A built PDF as preflight sees it: metadata, the structure tree with each element's text,
link annotations, fonts and pdfua's PDF/UA-1 report from one pikepdf opening of the file,
and what every page paints from one pdfplumber opening."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

import pdfplumber
import pdfua
import pikepdf
from pdfua.model import Report, RuleOutcome

from .pdf_content import PageContent, read_page

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
    """A /Link annotation: its URI (None for in-document jumps), description and tag."""

    page: int
    uri: str | None
    contents: str | None
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
    """Walks /StructTreeRoot, resolving roles, page references and marked-content text."""

    def __init__(self, pdf: Any, pages: list[PageContent]) -> None:
        self.page_numbers = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        self.texts = {page.number: _mcid_texts(page) for page in pages}
        root = pdf.Root.get("/StructTreeRoot")
        self.role_map = dict(root.get("/RoleMap", {})) if root is not None else {}
        self.owned: set[tuple[int, int]] = set()
        self.annotations: dict[tuple[int, int], str] = {}  # annotation objgen -> role

    def role(self, name: Any) -> str:
        seen: set[str] = set()
        role = str(name)
        while role in self.role_map and role not in seen:
            seen.add(role)
            role = str(self.role_map[role])
        return role.lstrip("/")

    def element(self, node: Any, page: int | None, depth: int = 0) -> Element:
        page = self.page_numbers.get(node.Pg.objgen, page) if "/Pg" in node else page
        children: list[Element] = []
        texts: list[str] = []
        marks: list[tuple[int, int]] = []
        for kid in _kids(node):
            if isinstance(kid, int):
                marks.append((page or 0, kid))
                texts.append(self._mcid(page, kid))
            elif not isinstance(kid, pikepdf.Dictionary):
                continue
            elif "/S" in kid and depth < 200:
                child = self.element(kid, page, depth + 1)
                children.append(child)
                texts.append(child.text)
            elif str(kid.get("/Type")) == "/MCR":
                on = self.page_numbers.get(kid.Pg.objgen, page) if "/Pg" in kid else page
                marks.append((on or 0, int(kid.MCID)))
                texts.append(self._mcid(on, int(kid.MCID)))
            elif str(kid.get("/Type")) == "/OBJR" and "/Obj" in kid:
                self.annotations[kid.Obj.objgen] = self.role(node.get("/S"))
        role = self.role(node.get("/S", "/StructTreeRoot"))
        return Element(role, _text(node.get("/Alt")), _join(texts), page, tuple(children),
                       tuple(marks))

    def _mcid(self, page: int | None, mcid: int) -> str:
        if page is None:
            return ""
        self.owned.add((page, mcid))
        return self.texts.get(page, {}).get(mcid, "")


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


def _text(value: Any) -> str | None:
    return str(value) if value is not None else None


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
            uri = _text(action.get("/URI")) if str(action.get("/S")) == "/URI" else None
            links.append(LinkAnnotation(number, uri, _text(annot.get("/Contents")),
                                        annotations.get(annot.objgen)))
    return links


def read_pages(source: Path | BytesIO) -> list[PageContent]:
    """What every page of a PDF (a file or its bytes) paints; raise PdfminerException when
    pdfminer cannot read it."""
    with pdfplumber.open(source) as pdf:
        return [read_page(page) for page in pdf.pages]


def read_pdf(path: Path) -> PdfDoc:
    """Read one PDF (once with pikepdf, once with pdfplumber); raise pikepdf.PdfError or
    pdfplumber's PdfminerException when it is not a readable PDF."""
    with pikepdf.open(path) as pdf:
        pages = read_pages(path)
        doc = PdfDoc(path, pages)
        tree = _TreeReader(pdf, pages)
        if "/StructTreeRoot" in pdf.Root:
            doc.root = tree.element(pdf.Root.StructTreeRoot, None)
        doc.links = _links(pdf, tree.annotations)
        doc.fonts = _fonts(pdf)
        doc.orphans = sorted((page.number, mcid) for page in pages for mcid in page.mcids
                             if (page.number, mcid) not in tree.owned)
        doc.pdfua = _pdfua(pdf, path)
    return doc


def _pdfua(pdf: pikepdf.Pdf, path: Path) -> Report:
    """pdfua's rules on the open PDF (pdfua.validate would open the file again); a rule that
    raises is skipped with the reason, as pdfua's own validator does."""
    document = pdfua.PdfDocument(pdf, str(path))
    outcomes = []
    for rule in pdfua.default_registry():
        try:
            outcomes.append(RuleOutcome(rule.id, tuple(rule.check(document))))
        except Exception as exc:  # pdfua's contract: a rule that fails is skipped
            outcomes.append(RuleOutcome(rule.id, skipped_reason=f"rule raised "
                                        f"{type(exc).__name__}: {exc}"))
    return Report(str(path), tuple(outcomes))
