"""WCAG 2.x contrast: relative luminance, contrast ratio, and the text of the PDF and of the
Word draft (as LibreOffice lays it out) against what it is printed on.

AA asks 4.5:1 for text and 3:1 for large text (18 pt, or 14 pt bold). Both checks read
every run of text on the pages with its color, size and weight and the filled rectangle
under it (the paper when none): the theme's colors as the stylesheet and the Word styles
use them, so a style change is checked without a list to keep up to date here.
"""

from __future__ import annotations

from ..errors import Problem
from .findings import failed, passed, warned
from .pdf_content import PageContent, TextRun
from .pdf_reader import PdfDoc
from .subject import Subject
from .text import shorten
from .word_pages import NoPages, Pages, skipped

PAPER = "#FFFFFF"
NORMAL_TEXT = 4.5
LARGE_TEXT = 3.0


def luminance(color: str) -> float:
    """WCAG relative luminance of '#RRGGBB'."""
    channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def needed(large: bool) -> float:
    return LARGE_TEXT if large else NORMAL_TEXT


def is_large(size_pt: float, bold: bool) -> bool:
    """WCAG large text: at least 18 pt, or 14 pt bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def advice(name: str, foreground: str, background: str, target: float) -> str:
    """How to fix a pair: the nearest color, toward black (or white on dark), that passes."""
    toward = 0 if luminance(background) > 0.18 else 255
    channels = [int(foreground.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(1, 256):
        mixed = [round(c + (toward - c) * step / 255) for c in channels]
        candidate = "#" + "".join(f"{c:02X}" for c in mixed)
        if ratio(candidate, background) >= target:
            break
    return f"change {name} to {candidate} or {'darker' if toward == 0 else 'lighter'}"


def contrast_failure(check: str, subject: Subject, what: str, foreground: str,
                     background: str | None, size_pt: float, bold: bool,
                     detail: str) -> Problem | None:
    """A failing finding when foreground on background (None: paper) is under WCAG AA.

    It names the brand color to change (the text's, else the background's) in brand.yaml.
    """
    shown_on = background or PAPER
    value, target = ratio(foreground, shown_on), needed(is_large(size_pt, bold))
    if value >= target:
        return None
    on = "the paper" if background is None else background
    message = (f"{what}: text {foreground} on {on} is {value:.2f}:1; needs {target:g}:1 "
               f"({size_pt:g} pt{' bold' if bold else ''}, WCAG AA)")
    colors = subject.theme.brand.colors.model_dump()
    names = {color.upper(): name for name, color in reversed(colors.items())}
    text_name, ground_name = names.get(foreground.upper()), names.get(shown_on.upper())
    if text_name is not None:
        fix = advice(f"colors.{text_name}", foreground, shown_on, target)
        if background is not None:
            fix += " (or take the shading away from behind this text)"
        return failed(check, message, subject.brand.place(("colors", text_name), detail), fix)
    if background is not None and ground_name is not None:
        return failed(check, message, subject.brand.place(("colors", ground_name), detail),
                      advice(f"colors.{ground_name}", shown_on, foreground, target))
    return failed(check, message, subject.brief.place(detail=detail),
                  "give this text a darker color, or a lighter background, in the theme")


def page_contrast(check: str, subject: Subject, pages: list[PageContent],
                  shown: str) -> list[Problem]:
    """Every color of text on the pages against the background it is printed on; `shown`
    names them in the details ("b.en.pdf": "b.en.pdf, page 2")."""
    groups: dict[tuple[str, str | None, bool], list[TextRun]] = {}
    for run in (run for page in pages for run in page.runs if _is_text(run)):
        groups.setdefault((run.color, run.background, is_large(run.size, run.bold)), []).append(run)
    failures = []
    for runs in groups.values():
        first = runs[0]
        more = f" and {len(runs) - 1} more" if len(runs) > 1 else ""
        finding = contrast_failure(
            check, subject, f"{shorten(first.text, 30)!r} (page {first.page}){more}",
            first.color, first.background, round(first.size, 1), first.bold,
            f"{shown}, page {first.page}")
        if finding is not None:
            failures.append(finding)
    where = subject.brief.place(detail=shown)
    if not groups:
        return [warned(check, "no text found on the pages, so no contrast was measured", where,
                       "open the file to see why it shows no text")]
    return failures or [passed(check, f"{len(groups)} text color(s) on their backgrounds "
                               "meet WCAG AA", where)]


def _is_text(run: TextRun) -> bool:
    """Whether a run is text under WCAG 1.4.3: a letter or digit; a symbol alone (a list
    bullet, a dash) is not."""
    return any(c.isalnum() for c in run.text)


def print_contrast(subject: Subject, pdf: PdfDoc) -> list[Problem]:
    """pdf.contrast: every color of text in the PDF against what it is printed on."""
    return page_contrast("pdf.contrast", subject, pdf.pages, subject.pdf.name)


def word_contrast(subject: Subject, word: Pages | NoPages) -> list[Problem]:
    """word.contrast: every color of text in the Word draft, as LibreOffice lays it out,
    against what it is shown on."""
    if isinstance(word, NoPages):
        return [skipped("word.contrast", word, "the Word draft's contrast was not measured "
                        "on its pages", subject.in_docx(), "measure it")]
    return page_contrast("word.contrast", subject, word, f"{subject.docx.name} in LibreOffice")
