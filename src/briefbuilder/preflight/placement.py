"""Where things land on the pages: each footnote on the page of its call, and a last page
that holds more than the colophon.

In the PDF's structure tree a footnote call is a NonStruct holding only the note's number
(WeasyPrint's ::footnote-call), outside any Note; a Note opens with the same number (its
marker). The brief's text is the Part (the template's <main>); the colophon and
disclaimer come after it.
"""

from __future__ import annotations

from ..errors import Problem
from .findings import Place, failed, passed, warned
from .pdf_reader import Element, PdfDoc
from .subject import Subject


def pages_of(element: Element) -> list[int]:
    """The pages an element's marked content is on, in order."""
    return sorted({page for page, _ in element.all_marks()})


def calls(pdf: PdfDoc) -> dict[int, int]:
    """The page of each footnote number's first call."""
    found: dict[int, int] = {}
    todo = [pdf.root] if pdf.root is not None else []
    while todo:
        element = todo.pop(0)
        if element.role == "Note":
            continue
        number = element.text.strip()
        if element.role == "NonStruct" and number.isdigit() and element.all_marks():
            found.setdefault(int(number), pages_of(element)[0])
            continue
        todo[:0] = element.children
    return found


def note_pages(pdf: PdfDoc) -> dict[int, list[int]]:
    """The pages each numbered Note is printed on."""
    found: dict[int, list[int]] = {}
    for note in pdf.elements("Note"):
        number = note.children[0].text.strip() if note.children else ""
        if number.isdigit():
            found[int(number)] = pages_of(note)
    return found


def note_placement(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Each footnote's text is printed whole on the page of its call."""
    keys = subject.edition.brief.footnote_order()
    called, printed = calls(pdf), note_pages(pdf)
    failures = []
    for number, key in enumerate(keys, start=1):
        page, pages = called.get(number), printed.get(number, [])
        if page is None or pages == [page]:
            continue
        shown = ", ".join(map(str, pages)) or "none"
        failures.append(failed(
            "pdf.note-placement", f"footnote {number} ({key!r}) is called on page {page} but "
            f"its text is printed on page {shown}",
            subject.brief.place(("footnotes", key), f"{subject.pdf.name}, page {page}"),
            "keep footnote-policy: line in the theme's print.css, or shorten the note or the "
            "text before its call, then rebuild"))
    return failures or [passed("pdf.note-placement", f"{len(keys)} footnote(s), each on the "
                               "page of its call", subject.in_pdf())]


def last_page(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Warn when the brief's text ends before the last page (only the colophon is on it)."""
    last = len(pdf.pages)
    body = [page for part in pdf.elements("Part") for page in pages_of(part)]
    if last >= 2 and not body:
        return [warned("pdf.last-page", "cannot tell on which page the brief's text ends: "
                       "the PDF has no Part element (the theme's templates have no <main>)",
                       Place(subject.theme.folder / "templates", detail=subject.pdf.name),
                       "keep the <main> element of base.html around "
                       "the brief's sections in the theme's templates")]
    if last < 2 or last in body:
        return [passed("pdf.last-page", "the last page holds text of the brief",
                       subject.in_pdf())]
    sections = len(subject.edition.brief.sections)
    return [warned("pdf.last-page", f"the last page ({last}) holds only the "
                    "colophon or disclaimer; the brief's text ends on page "
                    f"{max(body)}", subject.brief.place(("sections", sections - 1),
                                                        f"{subject.pdf.name}, page {last}"),
                    f"shorten the brief by a few lines so it ends on page {last - 1}, "
                    "or give the last page more to say")]
