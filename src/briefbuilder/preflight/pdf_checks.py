"""Section 508 / PDF/UA-1 checks read from the built PDF itself (through pdf_reader), where
they add to pdfua's rules (pdfua_checks.py): heading order, link tags, artifacts, notes,
fonts, clipping and where notes land.

Each check returns its failures, or one passing finding. A failure names the brief
field that made the offending part when there is one (the n-th heading of the PDF is
the n-th of the brief), else the brief file and the PDF page.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from ..errors import Problem
from ..model.inline import plain_text
from . import brief_map
from .findings import failed, passed
from .pdf_content import Rect, TextRun
from .pdf_reader import Element, PdfDoc
from .placement import last_page, note_placement
from .subject import Subject
from .text import quoted, same_text, shorten, text_key

REBUILD = "rebuild with 'briefbuilder build --force'; if it persists, report a briefbuilder bug"
HEADINGS = tuple(f"H{n}" for n in range(1, 7))
TABLE_GROUPS = ("THead", "TBody", "TFoot")
CLIP_TOLERANCE = 1.0  # points

Check = Callable[[Subject, PdfDoc], list[Problem]]


def _verdict(check: str, failures: list[Problem], ok: str, subject: Subject) -> list[Problem]:
    return failures or [passed(check, ok, subject.in_pdf())]


def brief_figures(subject: Subject, pdf: PdfDoc) -> list[Element]:
    """The Figure elements of the brief's figures: all but the theme's logo."""
    logo = subject.theme.brand.logo_text
    return [f for f in pdf.elements("Figure") if not logo or f.alt != logo]


def headings(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Headings say the brief's headings, start at H1, are not empty, and never skip a
    level."""
    found = [(int(e.role[1]), e.text.strip(), e.page) for e in pdf.elements(*HEADINGS)]
    outline = brief_map.outline(subject.edition.brief)
    if not found:
        return [failed("pdf.headings", "the PDF has no heading tags (H1-H6)", subject.in_pdf(),
                       REBUILD)]
    failures = []
    previous = 0
    for index, (level, text, page) in enumerate(found):
        where = (subject.brief.place(outline[index][0], f"page {page}")
                 if index < len(outline) else subject.in_pdf(f"page {page}"))
        shown = f"heading {text!r}" if text else f"heading {index + 1}"
        if not text.strip():
            failures.append(failed("pdf.headings", f"{shown} (H{level}) is empty", where,
                                   "give the heading text, or remove it"))
        elif index < len(outline) and not same_text(text, outline[index][2]):
            failures.append(failed("pdf.headings", f"{shown} is not the brief's "
                                   f"{quoted(outline[index][2])}", where, REBUILD))
        if level > previous + 1:
            after = f"H{previous}" if previous else "the start of the document"
            skipped = ", ".join(f"H{n}" for n in range(previous + 1, level))
            failures.append(failed(
                "pdf.headings", f"{shown} is H{level} right after {after} (skips {skipped})",
                where, "tag headings one level at a time: the title H1, section headings H2 "
                "(check heading tags in the theme's templates/), then rebuild"))
        previous = level
    levels = " ".join(f"H{level}" for level, _, _ in found)
    return _verdict("pdf.headings", failures, f"{len(found)} heading(s) in order: {levels}",
                    subject)


def links(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Every link annotation sits in a Link tag (pdfua checks its description), and goes
    where the brief's links go."""
    brief = subject.edition.brief
    failures = []
    for link in pdf.links:
        if link.tag != "Link":
            target = link.uri or "an in-document target"
            where = subject.brief.place(brief_map.link_field(brief, link.uri or ""),
                                        f"page {link.page}")
            failures.append(failed("pdf.links", f"the link to {target} on page {link.page} "
                                   "is not tagged as a Link", where, REBUILD))
    return _verdict("pdf.links", failures + _targets(subject, pdf),
                    f"{len(pdf.links)} link annotation(s), tagged, to the brief's targets",
                    subject)


def _targets(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """A link of the PDF to where no link of the brief goes, named at the brief's link it
    stands for (the first the PDF lacks); a link of the brief the PDF lacks."""
    written = {unquote(href): path for path, href in brief_map.links(subject.edition.brief)
               if not href.startswith("#") and not brief_map.goes_nowhere(href)}
    printed = {unquote(link.uri): link.page for link in pdf.links if link.uri}
    missing = [(href, path) for href, path in written.items() if href not in printed]
    failures = []
    for uri, page in printed.items():
        if uri not in written:
            href, path = missing.pop(0) if missing else ("", ())
            instead = f", where the brief links to {href}" if href else ""
            failures.append(failed("pdf.links", f"the PDF links to {uri} on page {page}"
                                   f"{instead}", subject.brief.place(path, subject.pdf.name),
                                   REBUILD))
    return failures + [failed("pdf.links", f"the brief links to {href}, the PDF does not",
                              subject.brief.place(path, subject.pdf.name), REBUILD)
                       for href, path in missing]


def alt_texts(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Each figure of the brief has the brief's alt text (pdfua's UA-13-004 finds none)."""
    pairs = zip(brief_figures(subject, pdf), brief_map.figures(subject.edition.brief),
                strict=False)
    failures = [failed("pdf.alt-text", f"figure {number} has the alt text "
                       f"{quoted(element.alt)}, not the brief's {quoted(alt)}",
                       subject.brief.place((*path, "alt"), f"{subject.pdf.name}, page "
                                           f"{element.page}"), REBUILD)
                for number, (element, (path, alt)) in enumerate(pairs, start=1)
                if element.alt and element.alt != alt]
    return _verdict("pdf.alt-text", failures, "each figure with the brief's alt text", subject)


def furniture(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Running headers and footers are artifacts; no drawing is untagged, no tagged content
    orphaned (pdfua's UA-01-003 finds untagged text and images).

    Text in the page margins must be an /Artifact, except the masthead on page 1: its
    words (publisher, series, date) are content, tagged before the title; its band
    and rules are drawings, which must be artifacts or inside tagged content.
    """
    setup = subject.theme.brand.page
    top = setup.height_pt - setup.margin_pt("top")
    bottom = setup.margin_pt("bottom")
    masthead = _masthead_marks(pdf)
    failures = []
    for page in pdf.pages:
        margin = [r for r in page.runs if (r.y > top or r.y < bottom) and not r.mark.artifact
                  and (page.number, r.mark.mcid) not in masthead and r.text.strip()]
        where = subject.in_pdf(f"page {page.number}")
        if margin:
            shown = " / ".join(r.text.strip() for r in margin[:3])
            failures.append(failed("pdf.artifacts", f"page {page.number}: running header or "
                                   f"footer text is tagged as content: {shown!r}", where,
                                   "briefbuilder's PDF writer must mark page-margin text as "
                                   "/Artifact: " + REBUILD))
        if page.unmarked_graphics:
            failures.append(failed("pdf.artifacts", f"page {page.number}: "
                                   f"{page.unmarked_graphics} drawing(s) neither tagged nor "
                                   "marked as artifact", where, REBUILD))
    if pdf.orphans:
        pages = sorted({page for page, _ in pdf.orphans})
        failures.append(failed(
            "pdf.artifacts", f"{len(pdf.orphans)} tagged content item(s) on page(s) "
            f"{', '.join(map(str, pages))} belong to no structure element (neither content a "
            "reader reaches nor artifact)", subject.in_pdf(), REBUILD))
    return _verdict("pdf.artifacts", failures,
                    "running header and footer are artifacts; all content is tagged", subject)


def _masthead_marks(pdf: PdfDoc) -> set[tuple[int, int | None]]:
    """Marked content of page 1 tagged before the first H1: the masthead's words."""
    found: set[tuple[int, int | None]] = set()
    if pdf.root is None:
        return found
    for element in pdf.root.walk():
        if element.role == "H1":
            break
        found |= {(page, mcid) for page, mcid in element.marks if page == 1}
    return found


def notes(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Each footnote is tagged as a Note, which says the brief's footnote."""
    brief = subject.edition.brief
    keys, numbers = brief.footnote_order(), brief.footnote_numbers()
    printed = {key: plain_text(brief.footnotes[key].spans, numbers) for key in keys}
    found = pdf.elements("Note")
    if len(found) < len(keys):
        return [failed("pdf.notes", f"{len(keys)} footnote(s) but {len(found)} Note tag(s): "
                       "footnotes are not tagged as notes",
                       subject.brief.place(("footnotes", keys[len(found)]), subject.pdf.name),
                       "briefbuilder's PDF writer must tag each footnote as /Note: " + REBUILD)]
    failures = [failed("pdf.notes", f"footnote {number} reads {quoted(note.text)} in the "
                       f"PDF, not the brief's {quoted(printed[key])}",
                       subject.brief.place(("footnotes", key), f"{subject.pdf.name}, Note "
                                           f"{number}"), REBUILD)
                for number, (key, note) in enumerate(zip(keys, found, strict=False), start=1)
                if text_key(printed[key]) not in text_key(note.text)]
    return _verdict("pdf.notes", failures, f"{len(keys)} footnote(s), tagged as Note", subject)


def fonts(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Every font is embedded and maps its glyphs to Unicode."""
    failures = []
    for font in pdf.fonts:
        where = subject.brand.place(("fonts",), subject.pdf.name)
        if not font.embedded:
            failures.append(failed("pdf.fonts", f"font {font.name!r} is not embedded", where,
                                   "use a font installed as a fontpkg package in the theme's "
                                   "fonts:, then rebuild"))
        if not font.to_unicode:
            failures.append(failed("pdf.fonts", f"font {font.name!r} has no ToUnicode map "
                                   "(text cannot be read aloud or copied)", where, REBUILD))
    return _verdict("pdf.fonts", failures, f"{len(pdf.fonts)} font(s), all embedded", subject)


def clipped(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """No text lies outside its page's trim box: none cut off the finished page."""
    failures = []
    for page in pdf.pages:
        off = [(run, sides) for run in page.runs if run.text.strip()
               if (sides := sides_off(run, page.trim))]
        if off:
            run, sides = off[0]
            failures.append(failed(
                "pdf.clipped", f"page {page.number}: {len(off)} text run(s) reach past the "
                f"{' and '.join(sides)} edge of the page, first {shorten(run.text)!r}",
                subject.in_pdf(f"page {page.number}"),
                "break up the long word, URL or title, or narrow the table, then rebuild"))
    return _verdict("pdf.clipped", failures, "all text inside the page", subject)


def sides_off(run: TextRun, trim: Rect) -> list[str]:
    """The edges of the trim box a run's ink (its advance, the font's ascent and descent,
    roughly) crosses by more than CLIP_TOLERANCE points."""
    left, bottom, right, top = trim
    ink = {"left": left - run.x, "right": run.x + run.width - right,
           "top": run.y + 0.75 * run.size - top, "bottom": bottom - (run.y - 0.25 * run.size)}
    return [side for side, over in ink.items() if over > CLIP_TOLERANCE]


CHECKS: tuple[Check, ...] = (headings, links, alt_texts, furniture, notes, fonts, clipped,
                             note_placement, last_page)


def check_pdf(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """Every PDF check on one built PDF."""
    return [finding for check in CHECKS for finding in check(subject, pdf)]
