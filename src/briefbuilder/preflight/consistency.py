"""The PDF and the Word draft of one brief say the same thing: footnotes, link targets,
heading outline, figure alt texts and table shapes. A difference names both places.

Footnote texts come from the PDF's Note tags; when the PDF has none (built before the
PDF writer tagged notes), each Word footnote must be found in the PDF's text instead.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import zip_longest
from urllib.parse import unquote

from ..errors import Problem
from . import brief_map
from .docx_checks import data_tables
from .docx_reader import DocxDoc
from .findings import Place, failed, passed
from .pdf_checks import brief_figures, heading_outline, table_rows
from .pdf_reader import PdfDoc
from .subject import Subject
from .text import same_text, shorten, text_key

Check = Callable[[Subject, PdfDoc, DocxDoc], list[Problem]]
FIX = "rebuild both with 'briefbuilder build --force'; if they still differ, the PDF or the " \
      "Word draft was edited after the build, or a writer has a bug"


def _both(subject: Subject, loc: tuple[str | int, ...], pdf_part: str, word_part: str) -> Place:
    return subject.brief.place(loc, f"{subject.pdf.name} {pdf_part}; "
                                    f"{subject.docx.name} {word_part}")


def footnotes(subject: Subject, pdf: PdfDoc, doc: DocxDoc) -> list[Problem]:
    """Same number of footnotes, with the same texts."""
    keys = subject.edition.brief.footnote_order()
    notes = [n.text for n in pdf.elements("Note")]
    pdf_text = text_key(" ".join(run.text for page in pdf.pages for run in page.runs))
    failures = []
    if notes and len(notes) != len(doc.footnotes):
        failures.append(failed("same.footnotes", f"the PDF has {len(notes)} footnote(s), the "
                               f"Word draft {len(doc.footnotes)}",
                               _both(subject, ("footnotes",), "Note tags",
                                     "word/footnotes.xml"), FIX))
    for index, word in enumerate(doc.footnotes):
        loc = ("footnotes", keys[index]) if index < len(keys) else ("footnotes",)
        if notes:
            pdf_note = notes[index] if index < len(notes) else ""
            if text_key(word) not in text_key(pdf_note):
                failures.append(failed(
                    "same.footnotes", f"footnote {index + 1} differs: the PDF says "
                    f"{shorten(pdf_note)!r}, the Word draft {shorten(word)!r}",
                    _both(subject, loc, f"Note {index + 1}", f"footnote {index + 1}"), FIX))
        elif text_key(word) not in pdf_text:
            failures.append(failed(
                "same.footnotes", f"footnote {index + 1} of the Word draft, {shorten(word)!r}, "
                "is not in the PDF", _both(subject, loc, "text", "word/footnotes.xml"), FIX))
    if len(doc.footnotes) != len(keys):
        failures.append(failed("same.footnotes", f"the brief cites {len(keys)} footnote(s) but "
                               f"the Word draft has {len(doc.footnotes)}",
                               subject.brief.place(("footnotes",), subject.docx.name), FIX))
    return failures or [passed("same.footnotes", f"{len(doc.footnotes)} footnote(s), same "
                               "texts", subject.brief.place())]


def links(subject: Subject, pdf: PdfDoc, doc: DocxDoc) -> list[Problem]:
    """The same set of link targets."""
    in_pdf = {unquote(link.uri) for link in pdf.links if link.uri}
    in_word = {unquote(target) for target in doc.links if not target.startswith("#")}
    failures = []
    for target, has, lacks in [*((t, "PDF", "Word draft") for t in sorted(in_pdf - in_word)),
                               *((t, "Word draft", "PDF") for t in sorted(in_word - in_pdf))]:
        failures.append(failed("same.links", f"the {has} links to {target} but the {lacks} "
                               "does not", _both(subject, brief_map.link_field(
                                   subject.edition.brief, target), "links", "links"), FIX))
    return failures or [passed("same.links", f"{len(in_pdf)} link target(s), the same in both",
                               subject.brief.place())]


def headings(subject: Subject, pdf: PdfDoc, doc: DocxDoc) -> list[Problem]:
    """The same heading outline: texts and levels (Word's Title is the PDF's H1)."""
    outline = brief_map.outline(subject.edition.brief)
    in_pdf = heading_outline(pdf)
    in_word = [(p.heading_level or 0, p.text) for p in doc.headings]
    pdf_top = min((level for level, _, _ in in_pdf), default=1)
    word_top = min((level for level, _ in in_word), default=0)
    failures = []
    for index, (a, b) in enumerate(zip_longest(in_pdf, in_word)):
        loc = outline[index][0] if index < len(outline) else ()
        pdf_part = f"H{a[0]} {shorten(a[1], 40)!r} (page {a[2]})" if a else "no heading"
        word_part = f"{'Title' if b[0] == 0 else f'Heading {b[0]}'} {shorten(b[1], 40)!r}" \
            if b else "no heading"
        if a is None or b is None or not same_text(a[1], b[1]) \
                or a[0] - pdf_top != b[0] - word_top:
            failures.append(failed("same.headings", f"heading {index + 1} differs: PDF "
                                   f"{pdf_part}, Word {word_part}",
                                   _both(subject, loc, f"heading {index + 1}",
                                         f"heading {index + 1}"), FIX))
    return failures or [passed("same.headings", f"{len(in_pdf)} heading(s), same outline",
                               subject.brief.place())]


def figures(subject: Subject, pdf: PdfDoc, doc: DocxDoc) -> list[Problem]:
    """The same figures, with the same alt texts, in order (the theme's logo aside)."""
    logo = subject.theme.brand.logo_text
    in_pdf = [f.alt or "" for f in brief_figures(subject, pdf)]
    in_word = [p.descr for p in doc.pictures if not logo or p.descr != logo]
    fields = brief_map.figure_fields(subject.edition.brief)
    failures = []
    for index, (a, b) in enumerate(zip_longest(in_pdf, in_word)):
        if a != b:
            loc = (*fields[index], "alt") if index < len(fields) else ()
            failures.append(failed(
                "same.figures", f"figure {index + 1} differs: the PDF's alt text is "
                f"{_shown(a)}, the Word draft's {_shown(b)}",
                _both(subject, loc, f"figure {index + 1}", f"picture {index + 1}"), FIX))
    return failures or [passed("same.figures", f"{len(in_pdf)} figure(s), same alt texts",
                               subject.brief.place())]


def tables(subject: Subject, pdf: PdfDoc, doc: DocxDoc) -> list[Problem]:
    """The same tables: rows and columns of each."""
    fields = brief_map.tables(subject.edition.brief)
    in_pdf = [_shape(table_rows(t)) for t in pdf.elements("Table")]
    in_word = [(t.rows, t.columns) if t else None for t in data_tables(subject, doc)]
    failures = []
    for index, (a, b) in enumerate(zip_longest(in_pdf, in_word)):
        if a != b:
            loc = fields[index][0] if index < len(fields) else ()
            failures.append(failed(
                "same.tables", f"table {index + 1} differs: the PDF's is {_size(a)}, the Word "
                f"draft's {_size(b)}", _both(subject, loc, f"table {index + 1}",
                                             f"table {index + 1}"), FIX))
    return failures or [passed("same.tables", f"{len(in_pdf)} table(s), same shapes",
                               subject.brief.place())]


def _shape(rows: list[list[str]]) -> tuple[int, int]:
    return len(rows), max((len(r) for r in rows), default=0)


def _size(shape: tuple[int, int] | None) -> str:
    return f"{shape[0]} rows x {shape[1]} columns" if shape else "missing"


def _shown(alt: str | None) -> str:
    return "missing" if alt is None else repr(shorten(alt)) if alt else "empty"


CHECKS: tuple[Check, ...] = (footnotes, links, headings, figures, tables)


def check_consistency(subject: Subject, pdf: PdfDoc, doc: DocxDoc) -> list[Problem]:
    """Every PDF-versus-Word comparison for one brief edition."""
    return [finding for check in CHECKS for finding in check(subject, pdf, doc)]
