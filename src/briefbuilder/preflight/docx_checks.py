"""Section 508 checks on the built Word draft: properties, alt text, headings, table header
rows, and empty paragraphs used as spacing (its contrast is measured on its pages:
contrast.word_contrast)."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Problem
from . import brief_map
from .docx_reader import DocxDoc, Paragraph, WordTable
from .findings import Place, failed, passed
from .pdf_checks import REBUILD
from .subject import Subject
from .text import quoted, same_text

Check = Callable[[Subject, DocxDoc], list[Problem]]


def same_language(found: str, wanted: str) -> bool:
    """'en-US' is 'en'; a region the brief names must match too."""
    found_parts = found.lower().split("-")
    wanted_parts = wanted.lower().split("-")
    return found_parts[:len(wanted_parts)] == wanted_parts


def _verdict(check: str, failures: list[Problem], ok: str, subject: Subject) -> list[Problem]:
    return failures or [passed(check, ok, subject.in_docx())]


def properties(subject: Subject, doc: DocxDoc) -> list[Problem]:
    """The brief's title and language are the document's title and language."""
    brief = subject.edition.brief
    failures = []
    if not doc.title:
        failures.append(failed("word.properties", "the Word draft has no title property",
                               subject.brief.place(("title",), subject.docx.name), REBUILD))
    elif not same_text(doc.title, brief.title):
        failures.append(failed("word.properties", f"the Word draft's title is {doc.title!r}, "
                               f"not the brief's title {brief.title!r}",
                               subject.brief.place(("title",), subject.docx.name),
                               "the draft is out of date: " + REBUILD))
    for what, value in (("language property", doc.language),
                        ("text language (w:lang of the defaults)", doc.text_language)):
        if value is None or not same_language(value, brief.lang):
            found = f"is {value!r}" if value else "is not set"
            failures.append(failed("word.properties", f"the Word draft's {what} {found}; the "
                                   f"brief's lang is {brief.lang!r}",
                                   subject.brief.place(("lang",), subject.docx.name), REBUILD))
    return _verdict("word.properties", failures, f"title and language ({doc.language}) set",
                    subject)


def alt_text(subject: Subject, doc: DocxDoc) -> list[Problem]:
    """Every picture has the alt text (a description) of its figure in the brief, and each
    figure of the brief is a picture."""
    figures = brief_map.figures(subject.edition.brief)
    failures = []
    for index, picture in enumerate(doc.pictures):
        path, alt = figures[index] if index < len(figures) else ((), None)
        where = (subject.brief.place((*path, "alt"), subject.docx.name) if path
                 else subject.in_docx(f"picture {picture.name!r}"))
        shown = f"picture {index + 1} ({picture.name})"
        if not picture.descr.strip():
            failures.append(failed("word.alt-text", f"{shown} has no alt text", where,
                                   "write what the image shows under alt:, then rebuild"))
        elif alt is not None and picture.descr != alt:
            failures.append(failed("word.alt-text", f"{shown} has the alt text "
                                   f"{quoted(picture.descr)}, not the brief's {quoted(alt)}",
                                   where, REBUILD))
    if len(doc.pictures) < len(figures):
        failures.append(failed("word.alt-text", f"the brief has {len(figures)} figure(s) but "
                               f"the Word draft has {len(doc.pictures)} picture(s)",
                               subject.brief.place(figures[len(doc.pictures)][0],
                                                   subject.docx.name), REBUILD))
    return _verdict("word.alt-text", failures,
                    f"{len(doc.pictures)} picture(s), each with the brief's alt text", subject)


def headings(subject: Subject, doc: DocxDoc) -> list[Problem]:
    """Headings use the Heading styles, start at Heading 1 and never skip a level."""
    outline = brief_map.outline(subject.edition.brief)
    found = [p for p in doc.headings if p.heading_level]  # Title (0) is not a heading level
    failures = []
    previous = 0
    for index, paragraph in enumerate(found):
        level = paragraph.heading_level or 0
        where = (subject.brief.place(outline[index + 1][0], subject.docx.name)
                 if index + 1 < len(outline) else subject.in_docx(f"paragraph {paragraph.index}"))
        if not paragraph.text:
            failures.append(failed("word.headings", f"an empty {paragraph.style} paragraph",
                                   where, "give the heading text, or remove it"))
        if level > previous + 1:
            failures.append(failed(
                "word.headings", f"heading {paragraph.text!r} uses Heading {level} right after "
                f"{'Heading ' + str(previous) if previous else 'the title'}", where,
                "section headings use Heading 1, their subheadings Heading 2: " + REBUILD))
        previous = level
    sections = len(outline) - 1
    if len(found) < sections:
        missing = outline[len(found) + 1]
        failures.append(failed("word.headings", f"the brief has {sections} section heading(s) "
                               f"but the Word draft has {len(found)} Heading paragraph(s)",
                               subject.brief.place(missing[0], subject.docx.name),
                               "section headings must use Word's Heading styles: " + REBUILD))
    return _verdict("word.headings", failures,
                    f"{len(found)} heading(s) in Heading styles, in order", subject)


def _data_tables(subject: Subject, doc: DocxDoc) -> list[WordTable | None]:
    """The Word table made from each table of the brief (matched by header text), in order."""
    found: list[WordTable | None] = []
    candidates = list(doc.tables)
    for _, header in brief_map.tables(subject.edition.brief):
        match = next((t for t in candidates if len(t.first_row) == len(header) and all(
            same_text(a, b) for a, b in zip(t.first_row, header, strict=True))), None)
        if match is not None:
            candidates.remove(match)
        found.append(match)
    return found


def table_headers(subject: Subject, doc: DocxDoc) -> list[Problem]:
    """Each data table's header row repeats on every page (w:tblHeader)."""
    tables = brief_map.tables(subject.edition.brief)
    failures = []
    for (path, _), table in zip(tables, _data_tables(subject, doc), strict=True):
        where = subject.brief.place((*path, "header"), subject.docx.name)
        if table is None:
            failures.append(failed("word.table-header", "the table's header row is not the first"
                                   " row of any table in the Word draft", where, REBUILD))
        elif not table.header_repeats:
            failures.append(failed("word.table-header", f"the header row of table {table.style!r}"
                                   " is not marked to repeat as a header row", where, REBUILD))
    layout = len(doc.tables) - len(tables)
    note = f"; {layout} layout table(s) without header" if layout > 0 else ""
    return _verdict("word.table-header", failures,
                    f"{len(tables)} data table(s) with a repeating header row{note}", subject)


def spacing(subject: Subject, doc: DocxDoc) -> list[Problem]:
    """No empty paragraphs used as spacing (screen readers announce each as 'blank')."""
    empty = [p for p in doc.paragraphs if p.empty]
    failures = [failed("word.spacing", f"an empty paragraph ({p.style}) is used as spacing",
                       _paragraph_place(subject, doc, p),
                       "space with paragraph spacing in the style, not empty paragraphs: "
                       + REBUILD) for p in empty]
    return _verdict("word.spacing", failures, "no empty paragraphs used as spacing", subject)


def _paragraph_place(subject: Subject, doc: DocxDoc, paragraph: Paragraph) -> Place:
    """The brief section a Word paragraph falls in (by the headings before it)."""
    before = [p for p in doc.headings if p.index < paragraph.index and p.heading_level]
    sections = [path for path, level, _ in brief_map.outline(subject.edition.brief) if level > 1]
    text = next((p.text for p in reversed(doc.paragraphs)
                 if p.index < paragraph.index and p.text), "")
    detail = f"{subject.docx.name}, after {text[:40]!r}" if text else subject.docx.name
    if before and len(before) <= len(sections):
        return subject.brief.place(sections[len(before) - 1][:2], detail)
    return subject.brief.place(("sections", 0), detail)


CHECKS: tuple[Check, ...] = (properties, alt_text, headings, table_headers, spacing)


def check_docx(subject: Subject, doc: DocxDoc) -> list[Problem]:
    """Every Word check on one built draft."""
    return [finding for check in CHECKS for finding in check(subject, doc)]
