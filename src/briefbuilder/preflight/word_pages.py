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
            return read_pages(libreoffice_pdf(docx, Path(folder)))
        except (OSError, subprocess.SubprocessError, pikepdf.PdfError, PdfminerException) as exc:
            return NoPages(installed=True, reason=type(exc).__name__)


def skipped(check: str, missing: NoPages, unchecked: str, where: Place, to: str) -> Problem:
    """The warning of a check skipped for want of the draft's pages: `unchecked` says what
    went unchecked, `to` what installing LibreOffice would do."""
    if not missing.installed:
        return warned(check, f"skipped: LibreOffice (soffice) is not installed, so {unchecked}",
                      where, f"install LibreOffice to {to}")
    return warned(check, f"skipped: LibreOffice could not lay out the Word draft "
                  f"({missing.reason})", where, "open the draft in LibreOffice to see why")
