"""same.pages: the Word draft, as LibreOffice lays it out, has the PDF's page count and each
footnote on the PDF's page. Without LibreOffice the check is skipped with a warning, never
passed."""

from __future__ import annotations

from ..errors import Problem
from .docx_reader import DocxDoc
from .findings import failed, passed
from .pdf_content import PageContent
from .pdf_reader import PdfDoc
from .subject import Subject
from .text import shorten, text_key
from .word_pages import NoPages, Pages, skipped

NOTE_KEY = 40  # letters and digits of a note that find it on a page
FIX = ("compare the two: a block that breaks differently in Word (a long table, a callout) "
       "moves the text; shorten or rebalance it, then rebuild")


def same_pages(subject: Subject, pdf: PdfDoc, doc: DocxDoc,
               word: Pages | NoPages) -> list[Problem]:
    """Same page count, and each footnote on the same page, in the PDF and in the draft as
    LibreOffice lays it out (`word`)."""
    where = subject.in_docx()
    if isinstance(word, NoPages):
        return [skipped("same.pages", word, "the Word draft's pages were not compared with the "
                        "PDF's", where, "compare them")]
    failures = []
    if len(word) != len(pdf.pages):
        failures.append(failed("same.pages", f"the PDF has {len(pdf.pages)} page(s), the Word "
                               f"draft in LibreOffice {len(word)}", where, FIX))
    for number, note in enumerate(doc.footnotes, start=1):
        printed, drafted = _page_of(pdf.pages, note), _page_of(word, note)
        if printed is not None and printed != drafted:  # else pdf.notes or word.content
            failures.append(failed("same.pages", f"footnote {number} ({shorten(note, 40)!r}) is "
                                   f"on {_shown(printed)} of the PDF but {_shown(drafted)} of "
                                   "the Word draft", where, FIX))
    return failures or [passed("same.pages", f"{len(pdf.pages)} page(s) and "
                               f"{len(doc.footnotes)} footnote(s) on the same pages", where)]


def _page_of(pages: list[PageContent], note: str) -> int | None:
    """The first page showing the start of a note's text."""
    key = text_key(note)[:NOTE_KEY]
    return next((page.number for page in pages
                 if key in text_key("".join(run.text for run in page.runs))), None)


def _shown(page: int | None) -> str:
    return "no page" if page is None else f"page {page}"
