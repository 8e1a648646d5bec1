"""The sample series (both languages), built once: every check passes or is a known failure."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from briefbuilder.preflight.run import preflight

from ..conftest import SAMPLE, MakeSeries
from .conftest import Built, build_outputs, run_preflight

CHECKS = {
    "output.built", "content.links", "content.footnotes", "content.alt-text",
    "content.image-dpi", "pages.budget", "pdf.contrast", "pdf.tagged", "pdf.pdfua-id",
    "pdf.title", "pdf.lang", "pdf.figure-alt", "pdf.headings", "pdf.table-headers",
    "pdf.links", "pdf.artifacts", "pdf.notes", "pdf.fonts", "pdf.clipped", "pdfua",
    "word.properties",
    "word.alt-text", "word.headings", "word.table-header", "word.spacing", "word.contrast",
    "same.footnotes", "same.links", "same.headings", "same.figures", "same.tables",
    "same.pages",
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("sample") / "out"
    build_outputs(SAMPLE, out)
    return Built(SAMPLE, out)


def test_every_check_runs_on_both_languages(sample: Built) -> None:
    result = run_preflight(sample)
    assert [(b["brief"], b["lang"]) for b in result.report["briefs"]] == [
        (str(SAMPLE / "mexico-auto" / "introduction.en.yaml"), "en"),
        (str(SAMPLE / "mexico-auto" / "introduction.es.yaml"), "es")]
    for brief in result.report["briefs"]:
        assert {f["check"] for f in brief["findings"]} == CHECKS


def test_the_sample_series_passes(sample: Built) -> None:
    result = run_preflight(sample)
    assert result.code == 0
    assert result.report["problems"] == []
    assert result.report["summary"]["fail"] == 0
    assert result.failures() == []
    assert result.failures("known") == []


def test_the_seed_brief_fits_two_pages(sample: Built) -> None:
    pages = [f["message"] for f in run_preflight(sample).of("pages.budget")]
    assert pages == ["2 of at most 2 page(s)", "2 of at most 2 page(s)"]


def test_footnotes_are_tagged_as_notes(sample: Built) -> None:
    assert {f["status"] for f in run_preflight(sample).of("pdf.notes")} == {"pass"}


def test_the_table_names_check_status_place_and_fix(sample: Built) -> None:
    console = Console(file=io.StringIO(), width=240)
    assert preflight(sample.series, sample.out, False, console) == 0
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "introduction.en.yaml (en)" in text and "introduction.es.yaml (es)" in text
    assert "introduction.en.yaml (introduction.en.pdf)" in text
    assert "1 footnote(s), tagged as Note" in text
    assert "→ nothing to fix in the brief" in text  # a warning's fix
    assert text.rstrip().endswith("0 failed, 0 known failure(s), 2 warning(s)")


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
