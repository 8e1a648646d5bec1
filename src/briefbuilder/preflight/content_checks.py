"""Placeholder and broken content: dead links (and links to no heading), unused footnotes,
file names as alt text, and figures too coarse to print.

Print resolution: a figure's pixel width (read with Pillow from the file the brief
names) over the width it is printed at. The printed width is read from the PDF,
from the image placed inside the figure's Figure tag; when the PDF has no such
placement, the figure is assumed to span the text width (the widest a figure is
laid out, and what is assumed when the PDF is not built), which errs on the side
of flagging.
"""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..errors import Problem
from ..writers.common import heading_anchors
from . import brief_map
from .findings import failed, passed, warned
from .pdf_checks import brief_figures
from .pdf_reader import PdfDoc
from .subject import Subject

MIN_DPI = 150
IMAGE_FILE = re.compile(
    r"^[^\s/\\]*\.(png|jpe?g|gif|bmp|tiff?|webp|svg|eps|pdf|heic)$", re.IGNORECASE)
PLACEHOLDER_ALT = {"image", "img", "picture", "photo", "figure", "graphic", "chart", "alt",
                   "alt text", "todo", "tbd", "placeholder", "logo", "icon", "imagen", "foto",
                   "figura", "gráfico"}


def dead_links(subject: Subject) -> list[Problem]:
    """Links to '#' alone, to a heading the brief does not have, or to a scheme with
    nothing after it: the outputs show their text without a link."""
    headings = {f"#{anchor}" for anchor in heading_anchors(subject.edition.brief) if anchor}
    failures = []
    for path, href in brief_map.links(subject.edition.brief):
        if brief_map.goes_nowhere(href):
            failures.append(failed("content.links", f"link to {href!r} goes nowhere",
                                   subject.brief.place(path),
                                   "write the full address, or remove the link"))
        elif href.startswith("#") and href not in headings:
            failures.append(failed("content.links", f"link to {href!r}: the brief has no "
                                   "heading of that name", subject.brief.place(path),
                                   "link to a section heading, written in lowercase with "
                                   "hyphens (#key-findings), or remove the link"))
    return failures or [passed("content.links", "every link has a real target",
                               subject.brief.place())]


def unused_footnotes(subject: Subject) -> list[Problem]:
    """Footnotes defined but never cited in the text (they are not printed): a warning, as
    the loader gives."""
    brief = subject.edition.brief
    warnings = [warned("content.footnotes", f"footnote {key!r} is defined but "
                        "never cited in the text, so it is not printed",
                        subject.brief.place(("footnotes", key)),
                        f"cite it as [^{key}] where it belongs, or remove it")
                for key in brief.uncited_footnotes()]
    return warnings or [passed("content.footnotes", f"{len(brief.footnote_order())} "
                               "footnote(s), all cited", subject.brief.place())]


def alt_texts(subject: Subject) -> list[Problem]:
    """Alt text that is a file name or a placeholder word, not a description."""
    failures = []
    for path, figure in subject.edition.brief.figures():
        alt = figure.figure.alt
        stem = Path(figure.figure.image).stem.lower()
        if IMAGE_FILE.match(alt) or alt.lower() in (stem, Path(figure.figure.image).name.lower()):
            problem = "looks like a file name"
        elif alt.lower().strip(" .") in PLACEHOLDER_ALT:
            problem = "is a placeholder"
        else:
            continue
        failures.append(failed("content.alt-text", f"alt text {alt!r} {problem}, not a "
                               "description of the image",
                               subject.brief.place((*path, "figure", "alt")),
                               "describe what the image shows and why it matters, in a sentence"))
    return failures or [passed("content.alt-text", "alt texts describe their images",
                               subject.brief.place())]


def image_resolution(subject: Subject, pdf: PdfDoc | None) -> list[Problem]:
    """Each figure has at least MIN_DPI pixels per inch at the size it is printed."""
    brief = subject.edition.brief
    folder = subject.edition.path.parent
    placed = _printed_widths(subject, pdf) if pdf is not None else []
    by_alt = {alt: width for alt, width in reversed(placed) if alt and width}
    text_width = subject.theme.brand.page.text_width_pt
    failures = []
    for index, (path, figure) in enumerate(brief.figures()):
        try:
            with Image.open(folder / figure.figure.image) as image:
                width_px = image.size[0]
        except (OSError, UnidentifiedImageError):
            continue  # vector or unreadable: the loader reports missing files
        in_order = placed[index][1] if index < len(placed) else 0.0
        width_pt = by_alt.get(figure.figure.alt) or in_order or text_width
        inches = width_pt / 72
        dpi = width_px / inches
        if dpi < MIN_DPI:
            failures.append(failed(
                "content.image-dpi", f"{figure.figure.image} is {width_px} px wide, printed "
                f"{inches:.2f} in wide: {dpi:.0f} dpi (needs {MIN_DPI})",
                subject.brief.place((*path, "figure", "image")),
                f"use an image at least {round(MIN_DPI * inches)} px wide"))
    return failures or [passed("content.image-dpi", f"figures print at {MIN_DPI} dpi or more",
                               subject.brief.place())]


def _printed_widths(subject: Subject, pdf: PdfDoc) -> list[tuple[str | None, float]]:
    """(alt text, printed width in points; 0 if no image found) of each of the brief's
    Figures (the theme's logo aside), in order."""
    images = [image for page in pdf.pages for image in page.images]
    widths = []
    for figure in brief_figures(subject, pdf):
        marks = figure.all_marks()
        placed = [i.points[0] for i in images if (i.page, i.mark.mcid) in marks]
        widths.append((figure.alt, max(placed, default=0.0)))
    return widths


def check_content(subject: Subject, pdf: PdfDoc | None) -> list[Problem]:
    """The content checks; without a PDF, figures are assumed to span the text width."""
    return (dead_links(subject) + unused_footnotes(subject) + alt_texts(subject)
            + image_resolution(subject, pdf))
