"""The every-block fixture: figures, tables and links of every kind agree across outputs."""

from __future__ import annotations

import shutil

import pytest

from ..conftest import PROJECTS
from .conftest import Built, Result, build_outputs, run_preflight


@pytest.fixture(scope="module")
def every_block(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("every-block") / "out"
    build_outputs(PROJECTS / "every-block", out)
    return Built(PROJECTS / "every-block", out)


@pytest.fixture(scope="module")
def result(every_block: Built) -> Result:
    """One preflight run of the fixture, for the tests that read its report."""
    return run_preflight(every_block)


def test_pdf_and_word_say_the_same_thing(result: Result) -> None:
    same = [f for f in result.findings if f["check"] in (
        "word.content", "word.alt-text", "pdf.notes", "pdf.headings", "same.pages")]
    assert [(f["check"], f["status"], f["message"]) for f in same] == [
        ("pdf.headings", "pass", "5 heading(s) in order: H1 H2 H2 H2 H2"),
        ("pdf.notes", "pass", "2 footnote(s), tagged as Note"),
        ("word.alt-text", "pass", "3 picture(s), each with the brief's alt text"),
        ("word.content", "pass", "56 text(s) read back as the brief's"),
        ("same.pages", "pass", "4 page(s) and 2 footnote(s) on the same pages")
        if shutil.which("soffice") else ("same.pages", "warn", "skipped: LibreOffice (soffice) "
                                         "is not installed, so the Word draft's pages were not "
                                         "compared with the PDF's"),
    ]


def test_the_pdf_passes_its_structure_checks(result: Result) -> None:
    pdf = {f["check"]: f["status"] for f in result.findings if f["check"].startswith("pdf.")}
    assert set(pdf.values()) == {"pass"}
    assert [f["message"] for f in result.of("pdf.notes")] == ["2 footnote(s), tagged as Note"]
    # no pdfua finding at all: the table's headers (UA-15-003, scoped) and the figure's alt
    # text (UA-13-004) included
    assert [f["message"] for f in result.of("pdfua")] == [
        "pdfua 0.1.3: 11 of 12 rules ran, no findings"]


def test_every_block_passes_preflight(result: Result) -> None:
    assert result.failures() == []
    assert result.code == 0
