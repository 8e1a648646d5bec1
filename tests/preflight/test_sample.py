"""The sample series (both languages), built once: every check passes or is a known failure."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfminer.pdfparser import PDFParser
from rich.console import Console

from briefbuilder.loader import load_project
from briefbuilder.model.blocks import Paragraph
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.preflight.run import preflight
from briefbuilder.preflight.text import text_key

from ..conftest import SAMPLE, MakeSeries
from .conftest import Built, Result, build_outputs, run_preflight

CHECKS = {
    "output.built", "content.links", "content.footnotes", "content.alt-text",
    "content.image-dpi", "pages.budget", "pdf.contrast", "pdf.headings", "pdf.links",
    "pdf.alt-text",
    "pdf.artifacts", "pdf.notes", "pdf.fonts", "pdf.clipped", "pdfua",
    "pdf.note-placement", "pdf.last-page",
    "word.properties",
    "word.alt-text", "word.headings", "word.table-header", "word.spacing", "word.contrast",
    "word.content", "same.pages",
}


NOTICE = ("notice: pdfua 0.1.3 could not run rule UA-14-001 (rule raised ValueError: "
          "pikepdf.Object is not a Dictionary or Stream: cannot get key '/is_integer' on object "
          "of type array); nothing to fix in the briefs: preflight's pdf.headings check finds "
          "empty headings itself")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("sample") / "out"
    build_outputs(SAMPLE, out)
    return Built(SAMPLE, out)


@pytest.fixture(scope="module")
def result(sample: Built) -> Result:
    """One preflight run of the sample, for the tests that read its report."""
    return run_preflight(sample)


def test_every_check_runs_on_both_languages(result: Result) -> None:
    assert [(b["brief"], b["lang"]) for b in result.report["briefs"]] == [
        (str(SAMPLE / "mexico-auto" / "introduction.en.yaml"), "en"),
        (str(SAMPLE / "mexico-auto" / "introduction.es.yaml"), "es")]
    for brief in result.report["briefs"]:
        assert {f["check"] for f in brief["findings"]} == CHECKS


def test_the_sample_series_passes(result: Result) -> None:
    assert result.code == 0
    assert result.report["problems"] == []
    assert result.report["summary"]["fail"] == 0
    assert result.failures() == []
    assert result.failures("known") == []


def test_each_pdf_is_parsed_once_by_pikepdf_for_every_check_and_pdfua(
        sample: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    """pikepdf opens each built PDF once; no other PDF parser (pdfminer's, behind
    pdfplumber) reads any file: pdfminer only interprets the pages pikepdf hands over."""
    opened: Counter[tuple[str, Path]] = Counter()
    real_pikepdf, real_parser = pikepdf.Pdf.open, PDFParser.__init__

    def pikepdf_open(path: Any, *args: Any, **kwargs: Any) -> pikepdf.Pdf:
        opened["pikepdf", Path(path).resolve()] += 1
        return real_pikepdf(path, *args, **kwargs)

    def pdfminer_parser(self: PDFParser, fp: Any) -> None:
        opened["pdfminer", Path(getattr(fp, "name", "bytes")).resolve()] += 1
        real_parser(self, fp)

    monkeypatch.setattr(pikepdf.Pdf, "open", staticmethod(pikepdf_open))
    monkeypatch.setattr(pikepdf, "open", pikepdf_open)
    monkeypatch.setattr(PDFParser, "__init__", pdfminer_parser)
    assert run_preflight(sample).code == 0
    assert not [key for key in opened if key[0] == "pdfminer"]
    ours = {(library, p.name): n for (library, p), n in opened.items()
            if p.is_relative_to(sample.out.resolve())}
    assert ours == {("pikepdf", f"introduction.{lang}.pdf"): 1 for lang in ("en", "es")}
    # (same.pages opens LibreOffice's own PDFs of the drafts, elsewhere, with pikepdf too)
    assert {library for library, _ in opened} == {"pikepdf"}


def test_text_read_through_two_byte_fonts_is_the_briefs(sample: Built) -> None:
    """WeasyPrint's fonts show 2-byte codes (Type0, Identity-H); read back through their
    ToUnicode maps, a heading and a paragraph are the brief's, accents and all."""
    path = sample.out / "mexico-auto" / "introduction.es.pdf"
    with pikepdf.open(path) as raw:
        encodings = {str(font.get("/Encoding")) for page in raw.pages
                     for font in page.resources.Font.values()}
    assert encodings == {"/Identity-H"}
    edition = next(e for e in load_project(SAMPLE).editions() if e.brief.lang == "es")
    pdf = read_pdf(path)
    assert pdf.elements("H1")[0].text == edition.brief.title.upper()  # text-transform
    paragraph = edition.brief.sections[0].body[1]
    assert isinstance(paragraph, Paragraph) and "Unidos (USDOL)" in paragraph.text.plain
    [printed] = [p.text for p in pdf.elements("P") if p.text.startswith("La Oficina de Asun")]
    assert text_key(printed) == text_key(paragraph.text.plain)


def test_the_seed_brief_fits_two_pages(result: Result) -> None:
    pages = [f["message"] for f in result.of("pages.budget")]
    assert pages == ["2 of at most 2 page(s)", "2 of at most 2 page(s)"]


def test_footnotes_are_tagged_as_notes(result: Result) -> None:
    assert {f["status"] for f in result.of("pdf.notes")} == {"pass"}


def test_a_passing_sample_prints_its_notice_and_two_summaries(sample: Built) -> None:
    console = Console(file=io.StringIO(), width=80)
    assert preflight(sample.series, sample.out, False, console) == 0
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert text.splitlines() == [
        f"{NOTICE} (on 2 PDF(s))",
        "mexico-auto: 2 brief edition(s): 52 passed, 0 failed, 0 warning(s)",
        "preflight: 2 brief edition(s): 52 passed, 0 failed, 0 warning(s), 1 notice(s)"]


def test_the_pdfua_notice_is_told_once_in_json(result: Result) -> None:
    assert result.report["notices"] == [f"{NOTICE} (on 2 PDF(s))"]
    assert [f["message"] for f in result.of("pdfua")] == [
        "pdfua 0.1.3: 11 of 12 rules ran, no findings"] * 2


def test_outputs_not_built_are_named(tmp_path: Path) -> None:
    result = run_preflight(Built(SAMPLE, tmp_path / "empty"))
    assert result.code == 1
    missing = [f for f in result.failures() if f["check"] == "output.built"]
    assert [f["message"] for f in missing] == [
        f"introduction.{lang}.{fmt}: not built: run briefbuilder build first"
        for lang in ("en", "es") for fmt in ("pdf", "docx")]
    assert {f["check"] for f in result.failures()} == {"output.built"}


def test_content_errors_are_reported_and_fail(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": "title: T\ndate: 2024-09-01\nsections: []\n"})
    result = run_preflight(Built(folder, tmp_path / "out"))
    assert result.code == 1
    assert result.report["briefs"] == []
    assert result.report["problems"] == [
        f"{folder}/b.en.yaml:3:1: sections: list should have at least 1 item after validation, "
        "not 0 (a brief needs at least one section with a body)"]
