"""Each kind of text a brief holds, edited in a Word-shaped draft of the every-block project:
headings, table cells, callouts, quotes, stats, figures, definitions, projects, notes,
and inline formatting (italic, links) turned back into our markup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.review.conftest import run_review
from tests.review.wordlike import (
    FOOTNOTES,
    Edit,
    add_table_column,
    bold_words,
    delete_paragraph,
    link_words,
    replace_words,
    reviewed,
)
from tests.writers.docx_helpers import EVERY_BLOCK, build, editions

SHOWCASE = "every-block/showcase.en.yaml"
EDITS = [
    ("_bb_s1_h", "callouts", "boxes"),  # a heading
    ("_bb_s1_b0_d0_tm", "System actors", "System players"),  # a definition's term
    ("_bb_s1_b1_c_ti", "key", "main"),  # a callout's title
    ("_bb_s1_b1_c_x0", "one paragraph", "a single paragraph"),  # a callout's text
    ("_bb_s1_b5_q_x", "speaker\u2019s", "speakers\u2019"),  # a quote
    ("_bb_s1_b5_q_so", "union", "trade union"),  # a quote's source
    ("_bb_s2_b0_t_cp", "by state", "per state"),  # a table caption
    ("_bb_s2_b0_t_r1_1", "Coahuila", "Coahuila state"),  # a table cell
    ("_bb_s2_b0_t_r2_1", "Nuevo León", "Nuevo León, Monterrey"),  # a cell in '[a, b]' quoted
    ("_bb_s2_b1_f_cp", "per year", "each year"),  # a figure caption
    ("_bb_s2_b1_f_cr", "Example", "Sample"),  # a figure credit
    ("_bb_s2_b2_sa0_l", "GDP", "gross domestic product"),  # a stat's label
    ("_bb_s2_b3_p_i0_im", "Research", "Research Inc."),  # a project's implementer
    ("_bb_s2_b3_p_i1_nm", "Awareness-Raising", "Awareness"),  # a name before its acronym
]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the every-block project; its brief is content / SHOWCASE."""
    shutil.copytree(EVERY_BLOCK, tmp_path / "content" / "every-block")
    return tmp_path / "content"


def _draft(content: Path, *edits: Edit) -> bytes:
    return reviewed(build(editions(content / "every-block")[0]), *edits)


def test_every_kind_of_text_finds_its_field(content: Path) -> None:
    file = content / SHOWCASE
    draft = _draft(
        content,
        *[lambda d, e=edit: replace_words(d, *e) for edit in EDITS],
        lambda d: replace_words(d, "_bb_fn2", "second", "2nd", FOOTNOTES),
        lambda d: bold_words(d, "_bb_s3_b0", "new page", tag="i"),
        lambda d: link_words(d, "_bb_s0_b1", "inside", "https://example.org/in%20side"))
    ran = run_review(draft, content, apply=True)
    assert ran.code == 0, ran.out + ran.err
    fields = [line.split(": ")[1] for line in ran.out.splitlines() if line.startswith(str(file))]
    assert fields == [
        "footnotes.second", "sections[0].body[1]", "sections[1].heading",
        "sections[1].body[0].definitions[0].term", "sections[1].body[1].callout.title",
        "sections[1].body[1].callout.text[0]", "sections[1].body[5].quote.text",
        "sections[1].body[5].quote.source", "sections[2].body[0].table.caption",
        "sections[2].body[0].table.rows[1][1]", "sections[2].body[0].table.rows[2][1]",
        "sections[2].body[1].figure.caption",
        "sections[2].body[1].figure.credit", "sections[2].body[2].stats[0].label",
        "sections[2].body[3].projects.items[0].implementer",
        "sections[2].body[3].projects.items[1].name", "sections[3].body[0]"]
    text = file.read_text(encoding="utf-8")
    for written in ("heading: Definitions and boxes", "term: System players",
                    "title: A main insight", "text: Insight callouts carry a single paragraph.",
                    "source: A trade union representative", "caption: Projects per state",
                    "[MAP, Coahuila state, \"3,400\"]",
                    "[PADF, \"Nuevo León, Monterrey\", \"900\"]",
                    "caption: Workers reached each year",
                    "credit: Sample data", "label: of Mexico's gross domestic product",
                    "implementer: American Institutes for Research Inc. (AIR)",
                    "name: Mexico Awareness Project",
                    "The 2nd note, in *emphasis*.",
                    "break [inside](https://example.org/in%20side) a paragraph",
                    "The last paragraph sits on a *new page*."):
        assert written in text, written
    again = run_review(build(editions(content / "every-block")[0]), content)
    assert (again.code, again.out) == (0, "no changes\n")


def test_a_new_table_column_is_listed_and_the_rest_applies(content: Path) -> None:
    draft = _draft(
        content,
        lambda d: add_table_column(d, "_bb_s2_b0_t_r0_0", ["Year", "2021", "2022", "2023"]),
        lambda d: replace_words(d, "_bb_s2_b0_t_r1_1", "Coahuila", "Coahuila state"))
    ran = run_review(draft, content, apply=True)
    where = content.parent / "reviewed.docx"
    assert ran.code == 1
    assert [line for line in ran.out.splitlines() if "not placed" in line] == [
        f'{where}: a new paragraph after sections[2].body[0].table.{cell}: not placed: '
        f'"{text}": only paragraphs and list items can be added (not table cells or columns); '
        "add it to the YAML by hand"
        for cell, text in (("header[2]", "Year"), ("rows[0][2]", "2021"), ("rows[1][2]", "2022"),
                           ("rows[2][2]", "2023"))]
    assert "[MAP, Coahuila state, \"3,400\"]" in (content / SHOWCASE).read_text(encoding="utf-8")


def test_an_edit_that_would_fail_check_is_not_applied(content: Path) -> None:
    """Deleting the only paragraph of a section would leave its body empty."""
    before = (content / SHOWCASE).read_bytes()
    ran = run_review(_draft(content, lambda d: delete_paragraph(d, "_bb_s3_b0")), content,
                     apply=True)
    assert ran.code == 1
    assert ran.err == (
        "not applied: the edited file would not pass 'check' (lines as edited):\n"
        f"{content / SHOWCASE}:85:5: sections[3].body: input should be a valid list (a section "
        "holds a list of blocks under body:)\n")
    assert (content / SHOWCASE).read_bytes() == before
