"""The draft as LibreOffice lays it out: the footnote sits at the bottom of page 1."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .docx_helpers import SAMPLE, build, editions

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are not installed",
)


def _page_text(pdf: Path, page: int) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf),
                           "-"], capture_output=True, text=True, check=True)
    return done.stdout


def test_footnote_is_at_the_bottom_of_page_one(tmp_path: Path) -> None:
    draft = tmp_path / "introduction.en.docx"
    draft.write_bytes(build(editions(SAMPLE)[0]))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(draft)],
                   capture_output=True, check=True, timeout=240)
    first = _page_text(tmp_path / "introduction.en.pdf", 1)
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    note = next(i for i, line in enumerate(lines) if "International Trade Administration" in line)
    body = next(i for i, line in enumerate(lines) if "one million Mexicans" in line)
    footer = next(i for i, line in enumerate(lines) if "Page 1 of" in line)
    assert body < note < footer  # below the text, above the footer
    assert "U.S. Department of Labor" in lines[0]  # the masthead opens page 1
    assert "International Trade Administration" not in _page_text(
        tmp_path / "introduction.en.pdf", 2)
