"""The Word draft as LibreOffice lays it out, once per edition: its pages, for same.pages and
word.contrast, or why there are none (then both checks are skipped with a warning, never
passed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import Problem
from .findings import Place, warned
from .pdf_content import PageContent
from .pdf_reader import read_pages

TIME_LIMIT = 240  # seconds for LibreOffice to lay out one draft
NONZERO = {"f*": "f", "B*": "B", "b*": "b"}  # even-odd fill operators -> nonzero
Step = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage


@dataclass(frozen=True)
class NoPages:
    """Why the draft has no LibreOffice pages: not installed, or the layout failed."""

    installed: bool
    reason: str = ""


def libreoffice_pdf(docx: Path, folder: Path, env: dict[str, str] | None = None) -> Path:
    """The PDF LibreOffice makes of a draft, in `folder`, with its own profile there;
    raise OSError or subprocess.SubprocessError when it cannot."""
    profile = (folder / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                   capture_output=True, check=True, timeout=TIME_LIMIT, env=env or dict(os.environ))
    return folder / f"{docx.stem}.pdf"


def word_pages(docx: Path) -> list[PageContent] | NoPages:
    """The pages of the draft as LibreOffice lays it out, or why it could not."""
    if shutil.which("soffice") is None:
        return NoPages(installed=False)
    with tempfile.TemporaryDirectory(prefix="briefbuilder-") as folder:
        try:
            return read_pages(_nonzero_fills(libreoffice_pdf(docx, Path(folder))))
        except (OSError, subprocess.SubprocessError, pikepdf.PdfError, PdfminerException) as exc:
            return NoPages(installed=True, reason=type(exc).__name__)


def _nonzero_fills(pdf: Path) -> Path:
    """A copy of LibreOffice's PDF whose fills use the nonzero rule. LibreOffice paints each
    shading twice, as separate even-odd rectangles; the page reader takes consecutive even-odd
    rectangles of one color for the subpaths of a frame (WeasyPrint's borders), so the two
    coats would read as a hole and the text on them as on the paper."""
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            operations = [_nonzero_step(step) for step in pikepdf.parse_content_stream(page)]
            page.Contents = document.make_stream(pikepdf.unparse_content_stream(operations))
        document.save(pdf.with_suffix(".nonzero.pdf"))
    return pdf.with_suffix(".nonzero.pdf")


def _nonzero_step(step: Step) -> Step:
    operator = NONZERO.get(str(step.operator))
    if operator is None:
        return step
    return pikepdf.ContentStreamInstruction(step.operands, pikepdf.Operator(operator))


def skipped(check: str, missing: NoPages, unchecked: str, where: Place, to: str) -> Problem:
    """The warning of a check skipped for want of the draft's pages: `unchecked` says what
    went unchecked, `to` what installing LibreOffice would do."""
    if not missing.installed:
        return warned(check, f"skipped: LibreOffice (soffice) is not installed, so {unchecked}",
                      where, f"install LibreOffice to {to}")
    return warned(check, f"skipped: LibreOffice could not lay out the Word draft "
                  f"({missing.reason})", where, "open the draft in LibreOffice to see why")
