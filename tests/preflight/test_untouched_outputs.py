"""Untouched outputs of briefs with unusual but valid content pass word.content, pdf.notes
and pdf.headings; outputs edited after the build fail the check that compares them."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from briefbuilder.errors import Problem
from briefbuilder.preflight.pdf_checks import headings, notes
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.preflight.subject import Subject
from briefbuilder.preflight.word_content import word_content
from briefbuilder.review.detect import find_changes
from briefbuilder.review.read import read_draft
from briefbuilder.writers.docx import write_docx
from briefbuilder.writers.pdf import write_pdf

from ..writers.weasy_helpers import load_edition, theme_of
from .conftest import CHART, GOOD, Built, MakeProject, run_preflight, write_outputs
from .test_edited import rewrite_part

SERIES = "id: s\ntitle: Probe\ntheme: ilab\nbriefs: [b]\n"
HEAD = "title: Probe\ndate: 2024-10-15\n"  # every probe brief's title and date


def _outputs(tmp_path: Path, brief: str, lang: str = "en") -> Subject:
    """The PDF and Word draft of a one-brief series, written by the writers."""
    folder = tmp_path / "s"
    folder.mkdir(parents=True)
    (folder / "series.yaml").write_text(SERIES, encoding="utf-8")
    (folder / f"b.{lang}.yaml").write_text(brief, encoding="utf-8")
    if lang == "en":
        return write_outputs(folder, tmp_path)
    edition = load_edition(folder, lang)
    theme = theme_of(edition)
    pdf, docx = tmp_path / "b.pdf", tmp_path / "b.docx"
    pdf.write_bytes(write_pdf(edition, theme))
    docx.write_bytes(write_docx(edition, theme))
    return Subject(edition, theme, pdf, docx)


def _failed(found: list[Problem]) -> list[str]:
    return [f.message for f in found if f.status == "fail"]


def test_a_link_to_a_heading_with_accents_reads_back_unchanged(tmp_path: Path) -> None:
    subject = _outputs(tmp_path, HEAD + """\
sections:
  - heading: Acción sindical
    body:
      - "See the [section](#acción-sindical)."
""")
    assert _failed(word_content(subject)) == []


def test_a_placeholder_link_reads_back_unchanged_beside_a_heading_of_punctuation(
        tmp_path: Path) -> None:
    subject = _outputs(tmp_path, HEAD + """\
sections:
  - heading: "…"
    body:
      - "A [placeholder link](#) to fill in later."
""")
    assert _failed(word_content(subject)) == []


NOTE_IN_NOTE = HEAD + """\
footnotes:
  m: The method note.
  n: "See also the method note [^m] for more."
sections:
  - body:
      - "Text with a note.[^n] And another.[^m]"
"""


def test_a_footnote_that_cites_another_footnote_is_the_briefs_note(tmp_path: Path) -> None:
    subject = _outputs(tmp_path, NOTE_IN_NOTE)
    assert _failed(notes(subject, read_pdf(subject.pdf))) == []


def test_a_footnote_that_cites_another_footnote_reads_back_unchanged(tmp_path: Path) -> None:
    assert _failed(word_content(_outputs(tmp_path, NOTE_IN_NOTE))) == []


def test_a_heading_with_a_footnote_is_the_briefs_heading(tmp_path: Path) -> None:
    subject = _outputs(tmp_path, HEAD + """\
footnotes:
  m: The method note.
sections:
  - heading: "Methodology[^m]"
    body:
      - "Text."
""")
    assert _failed(headings(subject, read_pdf(subject.pdf))) == []


@pytest.fixture(scope="module")
def good(make_project: MakeProject) -> Built:
    return make_project({"s": {"b.en.yaml": GOOD, "chart.png": CHART}})["s"]


def _pdf_edited(built: Built, tmp_path: Path, edit: str) -> list[dict[str, object]]:
    """Preflight's failures on a copy of the build whose PDF had one edit."""
    copy = built.copy(tmp_path / "out")
    pdf_path = copy.output("b.en.pdf")
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        if edit == "link":
            [action] = [a.A for page in pdf.pages for a in page.get("/Annots", [])
                        if "/A" in a and "report" in str(a.A.get("/URI", ""))]
            action.URI = pikepdf.String("https://evil.example/report")
        else:
            todo = [pdf.Root.StructTreeRoot]
            while todo:
                node = todo.pop(0)
                if node.get("/S") == pikepdf.Name("/Figure") and "/Alt" in node:
                    node.Alt = pikepdf.String("A pie chart.")
                    break
                kid = node.get("/K")
                kids = list(kid) if isinstance(kid, pikepdf.Array) else [kid]
                todo += [k for k in kids if isinstance(k, pikepdf.Dictionary)]
        pdf.save(pdf_path)
    return run_preflight(copy).failures()


def test_a_pdf_link_edited_after_the_build_fails(good: Built, tmp_path: Path) -> None:
    assert [(f["check"], f["message"], f["field"], f["line"])
            for f in _pdf_edited(good, tmp_path, "link")] == [
        ("pdf.links", "the PDF links to https://evil.example/report on page 1, where the brief "
         "links to https://example.org/report", "sections[1].body[0]", 10)]


def test_a_pdf_alt_text_edited_after_the_build_fails(good: Built, tmp_path: Path) -> None:
    assert [(f["check"], f["message"], f["field"], f["line"])
            for f in _pdf_edited(good, tmp_path, "alt")] == [
        ("pdf.alt-text", "figure 1 has the alt text 'A pie chart.', not the brief's 'Bar chart "
         "of workers reached per year, rising from 2019 to …'", "sections[1].body[1].figure.alt",
         13)]


PLACEHOLDER = HEAD + """\
sections:
  - heading: Key findings
    body:
      - "A [draft link](#) and a [section link](#key-findings), then a long sentence about
        wages and employment in the sector."
"""


def _edited_beside_placeholder(tmp_path: Path) -> Subject:
    subject = _outputs(tmp_path, PLACEHOLDER)
    rewrite_part(subject.docx, "word/document.xml", "wages", "salaries")
    return subject


def test_an_edit_beside_a_placeholder_link_is_what_the_message_shows(tmp_path: Path) -> None:
    [message] = _failed(word_content(_edited_beside_placeholder(tmp_path)))
    assert "salaries" in message and "wages" in message  # the difference, not the link


def test_an_edit_beside_a_placeholder_link_keeps_the_link_in_review(tmp_path: Path) -> None:
    subject = _edited_beside_placeholder(tmp_path)
    [change] = find_changes(read_draft(subject.docx)).changes
    assert change.new == ("A [draft link](#) and a [section link](#key-findings), then a "
                          "long sentence about salaries and employment in the sector.")


def test_a_project_name_with_a_link_reads_back_unchanged(tmp_path: Path) -> None:
    subject = _outputs(tmp_path, HEAD + """\
sections:
  - heading: Results
    body:
      - projects:
          items:
            - name: "The [CALLE](https://example.org/calle-report) project"
              url: https://example.org/calle
              implementer: AIR
""")
    assert _failed(word_content(subject)) == []


def test_a_heading_emptied_in_the_draft_fails_at_the_heading(tmp_path: Path) -> None:
    subject = _outputs(tmp_path, HEAD + """\
sections:
  - heading: Results
    body:
      - "Text."
""")
    rewrite_part(subject.docx, "word/document.xml", ">Results<", "><")
    [finding] = [f for f in word_content(subject) if f.status == "fail"]
    assert (finding.field, finding.line, finding.detail) == ("sections[0].heading", 4, "b.en.docx")
    assert finding.message == ("in the Word draft, 'deleted: Results': the whole text was "
                               "deleted, but this field cannot be left empty; change it by hand")


def test_single_quotes_in_a_spanish_brief_read_back_unchanged(tmp_path: Path) -> None:
    subject = _outputs(tmp_path, """\
title: Prueba
lang: es
date: 2024-10-15
sections:
  - body:
      - "Dijo 'adiós' y se fue."
""", "es")
    assert _failed(word_content(subject)) == []


def test_a_draft_of_another_brief_fails_once(tmp_path: Path) -> None:
    one = _outputs(tmp_path / "one", "title: One\ndate: 2024-10-15\nsections:\n"
                   "  - body:\n      - \"The first brief.\"\n")
    other = _outputs(tmp_path / "other", "title: Other\ndate: 2024-10-15\nsections:\n"
                     "  - body:\n      - \"A second brief, quite another text.\"\n")
    one.docx.write_bytes(other.docx.read_bytes())  # a file mix-up
    [found] = _failed(word_content(one))  # the draft's snapshot is the other brief's
    assert found == "the Word draft was built from another version of the brief"
