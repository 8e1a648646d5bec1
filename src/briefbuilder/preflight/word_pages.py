"""The Word drafts as LibreOffice lays them out, all in one run of it: each draft's pages, for
same.pages and word.contrast, or why there are none (then both checks are skipped with a
warning, never passed)."""

from __future__ import annotations

import os
import shutil
import signal
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
Pages = list[PageContent]


@dataclass(frozen=True)
class NoPages:
    """Why a draft has no LibreOffice pages: not installed, or the layout failed."""

    installed: bool
    reason: str = ""


def libreoffice_pdfs(drafts: list[Path], folder: Path,
                     env: dict[str, str] | None = None) -> list[Path]:
    """Where LibreOffice, started once with its own profile in `folder`, puts the PDF of each
    draft there (drafts are renamed by their order, so two of one name do not collide); raise
    OSError or subprocess.SubprocessError when it cannot run. A draft it could not lay out
    has no file at its place."""
    copies = []
    for number, draft in enumerate(drafts):
        copies.append(folder / f"{number}.docx")
        shutil.copyfile(draft, copies[-1])
    command = ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
               "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, copies)]
    # its own session: soffice starts soffice.bin, which a timeout (or Ctrl-C, which does
    # not reach that session) must stop too
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          env=env or dict(os.environ), start_new_session=True) as office:
        try:
            code = office.wait(timeout=TIME_LIMIT * len(drafts))
        except BaseException:
            os.killpg(office.pid, signal.SIGKILL)
            raise
    if code:
        raise subprocess.CalledProcessError(code, command)
    return [copy.with_suffix(".pdf") for copy in copies]


def lay_out(drafts: list[Path]) -> dict[Path, Pages | NoPages]:
    """The pages of each draft as LibreOffice lays it out, or why it could not."""
    if not drafts:
        return {}
    if shutil.which("soffice") is None:
        return dict.fromkeys(drafts, NoPages(installed=False))
    with tempfile.TemporaryDirectory(prefix="briefbuilder-", ignore_cleanup_errors=True) as folder:
        try:
            pdfs = libreoffice_pdfs(drafts, Path(folder))
        except (OSError, subprocess.SubprocessError) as exc:
            return dict.fromkeys(drafts, NoPages(installed=True, reason=type(exc).__name__))
        return {draft: _pages(pdf) for draft, pdf in zip(drafts, pdfs, strict=True)}


def _pages(pdf: Path) -> Pages | NoPages:
    if not pdf.is_file():
        return NoPages(installed=True, reason="it made no PDF")
    try:
        return read_pages(pdf)
    except (pikepdf.PikepdfError, PdfminerException) as exc:
        return NoPages(installed=True, reason=f"its PDF cannot be read: {type(exc).__name__}")


def skipped(check: str, missing: NoPages, unchecked: str, where: Place, to: str) -> Problem:
    """The warning of a check skipped for want of the draft's pages: `unchecked` says what
    went unchecked, `to` what installing LibreOffice would do."""
    if not missing.installed:
        return warned(check, f"skipped: LibreOffice (soffice) is not installed, so {unchecked}",
                      where, f"install LibreOffice to {to}")
    return warned(check, f"skipped: LibreOffice could not lay out the Word draft "
                  f"({missing.reason}), so {unchecked}", where,
                  "open the draft in LibreOffice to see why")
