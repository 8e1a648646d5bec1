"""The page budget: a brief's max_pages, else its series', against the PDF's page count."""

from __future__ import annotations

from ..errors import Problem
from .findings import failed, passed
from .subject import Subject


def page_budget(subject: Subject, pages: int) -> list[Problem]:
    """Fail when the PDF has more pages than the brief (or its series) allows."""
    brief, series = subject.edition.brief, subject.edition.series
    if brief.max_pages is not None:
        budget, where = brief.max_pages, subject.brief.place(("max_pages",), subject.pdf.name)
    elif series.max_pages is not None:
        budget, where = series.max_pages, subject.series.place(("max_pages",), subject.pdf.name)
    else:
        return [passed("pages.budget", f"{pages} page(s); no max_pages set", subject.in_pdf())]
    if pages > budget:
        over = pages - budget
        return [failed("pages.budget", f"the PDF has {pages} pages; max_pages is {budget}",
                       where, f"shorten the brief by about {over} page(s), or raise max_pages")]
    return [passed("pages.budget", f"{pages} of at most {budget} page(s)", subject.in_pdf())]
