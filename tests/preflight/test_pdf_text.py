"""The PDF says the brief's texts: each Note its footnote (pdf.notes), each heading the
brief's heading (pdf.headings). Checked against a brief edited after the PDF was made."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefbuilder.preflight.pdf_checks import headings, notes
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.preflight.subject import Subject

from ..writers.weasy_helpers import SAMPLE, load_edition
from .conftest import write_outputs


def _against_edited(tmp_path: Path, old: str, new: str) -> tuple[Subject, Path]:
    """The sample's PDF, with the edition of a copy of the sample where old became new."""
    built = write_outputs(SAMPLE, tmp_path)
    folder = tmp_path / "edited" / SAMPLE.name
    shutil.copytree(SAMPLE, folder)
    brief = folder / "introduction.en.yaml"
    text = brief.read_text(encoding="utf-8")
    assert old in text
    brief.write_text(text.replace(old, new), encoding="utf-8")
    return Subject(load_edition(folder), built.theme, built.pdf, built.docx), brief


def test_a_note_that_is_not_the_briefs_fails_at_the_footnote(tmp_path: Path) -> None:
    subject, brief = _against_edited(tmp_path, "International Trade Administration.",
                                     "Bureau of Labor Statistics.")
    [finding] = notes(subject, read_pdf(subject.pdf))
    assert (finding.check, finding.status, finding.file, finding.field, finding.line,
            finding.detail) == ("pdf.notes", "fail", brief, "footnotes.ita", 19,
                                "introduction.en.pdf, Note 1")
    assert finding.message == (
        "footnote 1 reads '1 International Trade Administration. \u201cMexico\u2019s "
        "Automotive …' in the PDF, not the brief's 'Bureau of Labor Statistics. "
        "\"Mexico's Automotive Industry\" …'")


def test_a_heading_that_is_not_the_briefs_fails_at_the_heading(tmp_path: Path) -> None:
    subject, brief = _against_edited(tmp_path, "heading: Learning questions",
                                     "heading: Open questions")
    [finding] = headings(subject, read_pdf(subject.pdf))
    assert (finding.check, finding.status, finding.message, finding.file, finding.line) == (
        "pdf.headings", "fail", "heading 'LEARNING QUESTIONS' is not the brief's "
        "'Open questions'", brief, 109)
    assert finding.field.endswith(".heading")
