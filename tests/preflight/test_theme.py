"""A theme color too light to read: the PDF and the Word draft (measured on its pages as
LibreOffice lays them out) fail; without LibreOffice the draft's page checks are skipped."""

from __future__ import annotations

import re
from pathlib import Path
from unittest.mock import Mock

import pytest

from briefbuilder.preflight import word_pages as word_pages_module
from briefbuilder.preflight.contrast import ratio
from briefbuilder.preflight.word_pages import NoPages, lay_out

from .conftest import CHART, GOOD, Built, MakeProject, needs_libreoffice, run_preflight


def light_muted(styles: Path) -> None:
    brand = styles / "ilab" / "brand.yaml"
    text = brand.read_text(encoding="utf-8")
    assert 'muted: "#4A5563"' in text
    brand.write_text(text.replace('muted: "#4A5563"', 'muted: "#AAAAAA"'), encoding="utf-8")


@pytest.fixture(scope="module")
def built(make_project: MakeProject) -> Built:
    return make_project({"s": {"b.en.yaml": GOOD, "chart.png": CHART}},
                        edit_styles=light_muted)["s"]


def test_a_low_contrast_theme_color_fails_in_the_pdf(built: Built) -> None:
    result = run_preflight(built)
    assert result.code == 1
    [pdf] = result.of("pdf.contrast")
    assert pdf["status"] == "fail"
    assert re.fullmatch(r"'[^']+' \(page 1\) and \d+ more: text #AAAAAA on the paper is "
                        r"2\.32:1; needs 4\.5:1 \(\d+(\.\d)? pt, WCAG AA\)", pdf["message"])
    assert pdf["file"].endswith("styles/ilab/brand.yaml")
    assert (pdf["field"], pdf["line"]) == ("colors.muted", 7)
    assert pdf["fix"] == "change colors.muted to #767676 or darker"


@needs_libreoffice
def test_the_word_draft_in_that_color_fails_too_measured_on_its_page(built: Built) -> None:
    result = run_preflight(built)
    [word] = result.of("word.contrast")
    assert word["status"] == "fail"
    assert re.fullmatch(r"'[^']+' \(page 1\) and \d+ more: text #AAAAAA on the paper is "
                        r"2\.32:1; needs 4\.5:1 \(\d+(\.\d)? pt( bold)?, WCAG AA\)",
                        word["message"])
    assert word["file"].endswith("styles/ilab/brand.yaml")
    assert (word["field"], word["line"]) == ("colors.muted", 7)
    assert word["detail"] == "b.en.docx in LibreOffice, page 1"
    assert word["fix"] == "change colors.muted to #767676 or darker"
    failing = {f["check"] for f in result.failures()}
    assert failing == {"pdf.contrast", "word.contrast"}


@needs_libreoffice
def test_what_it_measured_is_the_footer_in_that_color_on_the_paper(built: Built) -> None:
    draft = built.output("b.en.docx")
    pages = lay_out([draft])[draft]
    assert not isinstance(pages, NoPages)
    footer = [(run.color, run.background) for page in pages for run in page.runs
              if run.text.strip() == "ILAB Learning Brief Series"]
    assert footer == [("#AAAAAA", None)]
    assert f"{ratio('#AAAAAA', '#FFFFFF'):.2f}" == "2.32"


@needs_libreoffice
def test_the_draft_is_laid_out_once_for_both_checks_that_read_its_pages(
        built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Mock(wraps=word_pages_module.libreoffice_pdfs)
    monkeypatch.setattr(word_pages_module, "libreoffice_pdfs", spy)
    result = run_preflight(built)
    assert [call.args[0] for call in spy.call_args_list] == [[built.output("b.en.docx")]]
    assert [f["status"] for f in result.of("same.pages")] == ["pass"]


def test_without_libreoffice_both_checks_are_skipped_with_a_warning(
        built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_pages_module.shutil, "which", lambda name: None)
    result = run_preflight(built)
    found = {(f["check"], f["status"], f["message"], f["fix"])
             for f in result.findings if f["check"] in ("word.contrast", "same.pages")}
    assert found == {
        ("word.contrast", "warn", "skipped: LibreOffice (soffice) is not installed, so the "
         "Word draft's contrast was not measured on its pages", "install LibreOffice to "
         "measure it"),
        ("same.pages", "warn", "skipped: LibreOffice (soffice) is not installed, so the Word "
         "draft's pages were not compared with the PDF's", "install LibreOffice to compare "
         "them")}
    assert {f["check"] for f in result.failures()} == {"pdf.contrast"}
