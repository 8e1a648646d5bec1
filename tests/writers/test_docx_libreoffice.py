"""The draft as LibreOffice lays it out: the footnote sits at the bottom of page 1."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from briefbuilder.preflight.pdf_checks import sides_off
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.preflight.word_pages import libreoffice_pdfs

from ..conftest import MakeSeries
from .docx_helpers import SAMPLE, build, editions
from .test_pdf_layout import LONG, URL, WORD
from .weasy_helpers import load_edition, pdf_reader

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are not installed",
)


def _page_text(pdf: Path, page: int) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf),
                           "-"], capture_output=True, text=True, check=True)
    return done.stdout


def _laid_out(data: bytes, name: str, tmp_path: Path,
              env: dict[str, str] | None = None) -> Path:
    """The PDF LibreOffice makes of a draft: how Word-like software lays it out."""
    draft = tmp_path / f"{name}.docx"
    draft.write_bytes(data)
    [pdf] = libreoffice_pdfs([draft], tmp_path, env)
    return pdf


def test_footnote_is_at_the_bottom_of_page_one(tmp_path: Path) -> None:
    laid_out = _laid_out(build(editions(SAMPLE)[0]), "introduction.en", tmp_path)
    first = _page_text(laid_out, 1)
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    note = next(i for i, line in enumerate(lines) if "International Trade Administration" in line)
    body = next(i for i, line in enumerate(lines) if "one million Mexicans" in line)
    footer = next(i for i, line in enumerate(lines) if "Page 1 of" in line)
    assert body < note < footer  # below the text, above the footer
    assert "U.S. Department of Labor" in lines[0]  # the masthead opens page 1
    assert "International Trade Administration" not in _page_text(laid_out, 2)


def test_long_words_urls_and_titles_wrap_inside_the_page(
        make_series: MakeSeries, tmp_path: Path) -> None:
    edition = load_edition(make_series({"b.en.yaml": LONG}))
    laid_out = _laid_out(build(edition), "b.en", tmp_path)
    pdf = read_pdf(laid_out)
    text = "".join(page.extract_text() for page in pdf_reader(laid_out.read_bytes()).pages)
    assert (text.count("q"), text.count("j")) == (len(WORD), 10_000), "no letter lost"
    off = [(page.number, run.text[:20], sides_off(run, page.trim))
           for page in pdf.pages for run in page.runs if sides_off(run, page.trim)]
    assert off == []
    assert {link.uri for link in pdf.links} == {URL}


def test_the_embedded_fonts_show_where_the_brand_fonts_are_not_installed(
        tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"  # fontconfig that knows only DejaVu
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path / 'fc'}</cachedir>"
        "</fontconfig>")
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    listed = subprocess.run(["fc-list", ":", "family"], env=env, capture_output=True,
                            text=True, check=True).stdout
    assert "Public Sans" not in listed and "Merriweather" not in listed
    pdf = _laid_out(build(editions(SAMPLE)[0]), "introduction.en", tmp_path, env)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    embedded = {line.split()[0].split("+")[-1] for line in fonts if " yes " in line}
    assert {"PublicSans-Regular", "PublicSans-Bold", "Merriweather-Bold"} <= embedded
    assert not [name for name in embedded if name.startswith(("DejaVuSans", "DejaVuSerif"))]
