"""same.pages: the Word draft in LibreOffice keeps the PDF's pages and footnote pages; it is
skipped with a warning, never passed, without LibreOffice."""

from __future__ import annotations

import os
import time
from pathlib import Path
from unittest.mock import Mock

import pytest

from briefbuilder.errors import Problem
from briefbuilder.preflight import word_pages as module
from briefbuilder.preflight.contrast import word_contrast
from briefbuilder.preflight.docx_reader import read_docx
from briefbuilder.preflight.pdf_content import PageContent
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.preflight.same_pages import same_pages
from briefbuilder.preflight.subject import Subject

from ..writers.weasy_helpers import EVERY_BLOCK, SAMPLE
from .conftest import needs_libreoffice, write_outputs


def _check(subject: Subject) -> list[Problem]:
    return same_pages(subject, read_pdf(subject.pdf), read_docx(subject.docx),
                      module.lay_out([subject.docx])[subject.docx])


@needs_libreoffice
@pytest.mark.parametrize("folder", [SAMPLE, EVERY_BLOCK], ids=["sample", "every-block"])
def test_the_drafts_keep_the_pdf_pages_and_footnote_pages(folder: Path, tmp_path: Path) -> None:
    (finding,) = _check(write_outputs(folder, tmp_path))
    pages, notes = {SAMPLE: (2, 1), EVERY_BLOCK: (4, 2)}[folder]
    assert (finding.check, finding.status, finding.message) == (
        "same.pages", "pass", f"{pages} page(s) and {notes} footnote(s) on the same pages")


@needs_libreoffice
def test_all_drafts_are_laid_out_in_one_run_two_of_one_name_apart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One LibreOffice run for every draft of a preflight; drafts of one file name (two
    series' introduction.en.docx) each keep their own pages."""
    sample = write_outputs(SAMPLE, tmp_path)
    (tmp_path / "other").mkdir()
    other = tmp_path / "other" / sample.docx.name
    other.write_bytes(write_outputs(EVERY_BLOCK, tmp_path).docx.read_bytes())
    spy = Mock(wraps=module.libreoffice_pdfs)
    monkeypatch.setattr(module, "libreoffice_pdfs", spy)
    pages = module.lay_out([sample.docx, other])
    assert spy.call_count == 1
    assert {draft: len(found) for draft, found in pages.items()
            if not isinstance(found, module.NoPages)} == {sample.docx: 2, other: 4}


def test_a_draft_libreoffice_makes_no_pdf_of_is_skipped_with_the_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subject = write_outputs(SAMPLE, tmp_path)
    monkeypatch.setattr(module.shutil, "which", lambda name: "/usr/bin/soffice")
    monkeypatch.setattr(module, "libreoffice_pdfs", lambda drafts, folder: [folder / "0.pdf"])
    (finding,) = _check(subject)
    assert (finding.status, finding.message) == (
        "warn", "skipped: LibreOffice could not lay out the Word draft (it made no PDF), so "
        "the Word draft's pages were not compared with the PDF's")
    (contrast,) = word_contrast(subject, module.lay_out([subject.docx])[subject.docx])
    assert (contrast.check, contrast.status, contrast.message) == (
        "word.contrast", "warn", "skipped: LibreOffice could not lay out the Word draft (it "
        "made no PDF), so the Word draft's contrast was not measured on its pages")


def test_libreoffice_past_its_time_is_stopped_with_what_it_started(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """soffice starts soffice.bin: on a timeout both stop, and the draft is skipped."""
    started = tmp_path / "started"
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > {started}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(module, "TIME_LIMIT", 1)
    draft = tmp_path / "b.en.docx"
    draft.write_bytes(b"not laid out")
    assert module.lay_out([draft]) == {draft: module.NoPages(True, "TimeoutExpired")}
    child = int(started.read_text())
    deadline = time.monotonic() + 5
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the kill is sent; the zombie is reaped by init
    state = Path(f"/proc/{child}/stat")
    assert not state.exists() or state.read_text().split()[2] == "Z"


def test_other_pages_in_word_fail_naming_the_footnote(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subject = write_outputs(SAMPLE, tmp_path)
    other = write_outputs(EVERY_BLOCK, tmp_path)  # a 4-page PDF without the sample's note
    monkeypatch.setattr(module.shutil, "which", lambda name: "/usr/bin/soffice")
    monkeypatch.setattr(module, "libreoffice_pdfs", lambda drafts, folder: [other.pdf])
    findings = _check(subject)
    assert [(f.status, f.message) for f in findings] == [
        ("fail", "the PDF has 2 page(s), the Word draft in LibreOffice 4"),
        ("fail", "footnote 1 ('International Trade Administration. \u201cMe\u2026') is on "
                 "page 1 of the PDF but no page of the Word draft")]
    where = findings[0]
    assert (where.file, where.detail) == (SAMPLE / "introduction.en.yaml", "introduction.en.docx")


def test_without_libreoffice_it_is_skipped_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subject = write_outputs(SAMPLE, tmp_path)
    monkeypatch.setattr(module.shutil, "which", lambda name: None)
    (finding,) = _check(subject)
    assert (finding.status, finding.message, finding.hint) == (
        "warn", "skipped: LibreOffice (soffice) is not installed, so the Word draft's pages "
        "were not compared with the PDF's", "install LibreOffice to compare them")


def test_pages_without_text_warn_that_no_contrast_was_measured(tmp_path: Path) -> None:
    subject = write_outputs(SAMPLE, tmp_path)
    (finding,) = word_contrast(subject, [PageContent(1), PageContent(2)])
    assert (finding.status, finding.message) == (
        "warn", "no text found on the pages, so no contrast was measured")
