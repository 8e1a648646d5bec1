"""pdfua's PDF/UA-1 rules are the PDF/UA verdict, each finding mapped back to the brief field
that made the part it names.

pdfua marks each finding certain or heuristic. Certain findings fail; heuristic ones are
warnings a person should look at: that is pdfua's own advice. A rule pdfua could not run
is pdfua's trouble, not the brief's: it is told once per run, with what it leaves unchecked.
"""

from __future__ import annotations

import pdfua
from pdfua import Confidence
from pdfua.model import Finding as PdfuaFinding

from ..errors import Problem
from ..places import FieldPath
from . import brief_map
from .findings import Place, failed, passed, warned
from .pdf_checks import brief_figures
from .pdf_reader import Element, PdfDoc
from .report import Notices
from .subject import Subject

CHECK = "pdfua"
# pdfua rules whose ground one of our checks covers, when pdfua cannot run them
COVERED = {"UA-14-001": "preflight's pdf.headings check finds empty headings itself"}
# rules about the document as a whole, and the brief field that sets what they check
FIELDS: dict[str, FieldPath] = {"UA-06-001": ("lang",), "UA-07-001": ("title",),
                                "UA-07-002": ("title",)}


class FieldFinder:
    """The brief field behind the element a pdfua finding names (a Figure or Table on a
    page): the n-th such element of the PDF is the n-th of the brief."""

    def __init__(self, subject: Subject, pdf: PdfDoc) -> None:
        brief = subject.edition.brief
        figures = zip(brief_figures(subject, pdf), brief_map.figures(brief), strict=False)
        tables = zip(pdf.elements("Table"), brief_map.tables(brief), strict=False)
        self.elements: dict[str, list[tuple[Element, FieldPath]]] = {
            "/Figure": [(e, (*path, "alt")) for e, (path, _) in figures],
            "/Table": [(e, (*path, "header")) for e, (path, _) in tables]}

    def field(self, item: PdfuaFinding) -> FieldPath:
        if item.rule_id in FIELDS:
            return FIELDS[item.rule_id]
        candidates = self.elements.get(item.location.struct_role or "", [])
        for index, (element, path) in enumerate(candidates):
            if element.page == item.location.page:
                del candidates[index]  # the next finding on this page is about the next one
                return path
        return ()


def check_pdfua(subject: Subject, pdf: PdfDoc, notices: Notices) -> list[Problem]:
    """pdfua's findings on the edition's PDF, each at the brief field it comes from."""
    if pdf.pdfua is None:
        return []
    fields = FieldFinder(subject, pdf)
    found: list[Problem] = []
    for item in pdf.pdfua.findings:
        where = _place(subject, fields.field(item), item.location.describe())
        message = f"{item.rule_id}: {item.message}"
        if item.confidence is Confidence.CERTAIN:
            found.append(failed(CHECK, message, where, item.remediation or ""))
        else:
            found.append(warned(CHECK, f"{message} (heuristic: a person should "
                                 "confirm)", where, item.remediation or ""))
    skipped = [outcome for outcome in pdf.pdfua.outcomes if outcome.skipped]
    for outcome in skipped:
        covered = COVERED.get(outcome.rule_id, "confirm what this rule checks by hand")
        notices.add(f"pdfua {pdfua.__version__} could not run rule {outcome.rule_id} "
                    f"({outcome.skipped_reason}); nothing to fix in the briefs: {covered}")
    if not found:
        ran = len(pdf.pdfua.outcomes) - len(skipped)
        found.append(passed(CHECK, f"pdfua {pdfua.__version__}: {ran} of "
                            f"{len(pdf.pdfua.outcomes)} rules ran, no findings",
                            subject.in_pdf()))
    return found


def _place(subject: Subject, loc: FieldPath, detail: str) -> Place:
    shown = f"{subject.pdf.name}, {detail}" if detail else subject.pdf.name
    return subject.brief.place(loc, shown)
