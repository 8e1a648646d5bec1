"""pdf.clipped: text that lies outside the page's trim box fails preflight."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.model.inline import MAX_WORD
from briefbuilder.preflight.pdf_checks import sides_off
from briefbuilder.preflight.pdf_content import Mark, TextRun
from briefbuilder.preflight.pdf_reader import read_pdf

from .conftest import Built, MakeProject, run_preflight

WORD = "q" * MAX_WORD  # the longest word allowed still runs off an unwrapped line
BRIEF = (f"title: Clipped\ndate: 2024-09-01\nsections:\n  - body:\n"
         f"      - \"A word: {WORD} ends.\"\n")


def no_wrapping(styles: Path) -> None:
    """A theme that undoes the print stylesheet's wrapping of long words, in a type size
    where the longest word allowed is wider than the line."""
    (styles / "ilab" / "print.css").write_text(
        "html { overflow-wrap: normal !important; }\np { font-size: 14pt !important; }\n",
        encoding="utf-8")


@pytest.fixture(scope="module")
def unwrapped(make_project: MakeProject) -> Built:
    return make_project({"s": {"b.en.yaml": BRIEF}}, edit_styles=no_wrapping)["s"]


def test_a_word_run_off_the_right_edge_fails(unwrapped: Built) -> None:
    result = run_preflight(unwrapped)
    assert result.code == 1
    [clipped] = result.of("pdf.clipped")
    assert clipped["status"] == "fail"
    assert clipped["message"] == (
        "page 1: 1 text run(s) reach past the right edge of the page, first "
        f"'{WORD[:59]}…'")
    assert (clipped["file"].endswith("b.en.yaml"), clipped["detail"]) == (True, "b.en.pdf, page 1")
    assert clipped["fix"] == (
        "break up the long word, URL or title, or narrow the table, then rebuild")
    assert [f["check"] for f in result.failures()] == ["pdf.clipped"]


def test_the_same_brief_passes_with_the_print_stylesheet(make_project: MakeProject) -> None:
    result = run_preflight(make_project({"s": {"b.en.yaml": BRIEF}})["s"])
    [clipped] = result.of("pdf.clipped")
    assert (clipped["status"], clipped["message"]) == ("pass", "all text inside the page")


def run(x: float, y: float, width: float, size: float = 10.0) -> TextRun:
    return TextRun(1, "text", x, y, Mark(False, 0), size, width=width)


@pytest.mark.parametrize(("where", "sides"), [
    (run(72, 700, 400), []),
    (run(72, 700, 600), ["right"]),
    (run(-30, 700, 100), ["left"]),
    (run(72, 790, 100), ["top"]),  # a footnote pushed above the page: its glyphs' tops
    (run(72, 1.0, 100), ["bottom"]),
    (run(600, 800, 100), ["right", "top"]),
    (run(72, 784.5, 100), []),  # within a point of the edge: a rounding, not a clip
])
def test_sides_off_names_each_edge_a_run_crosses(where: TextRun, sides: list[str]) -> None:
    assert sides_off(where, (0.0, 0.0, 612.0, 792.0)) == sides


def test_a_runs_ink_is_its_glyphs_advances(unwrapped: Built) -> None:
    """The word's run is MAX_WORD advances of one glyph wide (its CID font's widths, not
    the font's default), and the line before it is as wide as its seven glyphs."""
    runs = [run for page in read_pdf(unwrapped.output("b.en.pdf")).pages for run in page.runs]
    [word] = [run for run in runs if WORD in run.text]
    [label] = [run for run in runs if run.text.startswith("A word:")]
    q = word.width / MAX_WORD
    assert 0.4 * word.size < q < 0.7 * word.size  # a lowercase q of a sans serif
    assert label.text == "A word:" and 3 * q < label.width < 7 * q
