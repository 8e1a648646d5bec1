"""Fixture briefs that each break one rule, built once; preflight names the field and fails."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from PIL import Image

from briefbuilder.loader import load_project

from .conftest import CHART, GOOD, Built, MakeProject, run_preflight


def tiny_png() -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (160, 80), "navy").save(data, "PNG")
    return data.getvalue()


PAGE_BREAKS = """\
title: Three Pages
date: 2024-09-01
max_pages: 2
sections:
  - body:
      - First page.
      - page-break: true
      - Second page.
      - page-break: true
      - Third page.
"""


@pytest.fixture(scope="module")
def built(make_project: MakeProject) -> dict[str, Built]:
    return make_project({
        "good": {"b.en.yaml": GOOD, "chart.png": CHART},
        "alt": {"b.en.yaml": GOOD.replace("alt: Bar chart of workers reached per year, "
                                          "rising from 2019 to 2023.", "alt: image.png"),
                "chart.png": CHART},
        "dpi": {"b.en.yaml": GOOD.replace("image: chart.png", "image: tiny.png"),
                "tiny.png": tiny_png()},
        "pages": {"b.en.yaml": PAGE_BREAKS},
        "link": {"b.en.yaml": GOOD.replace("(https://example.org/report)", "(#)"),
                 "chart.png": CHART},
        "anchor": {"b.en.yaml": GOOD.replace("(https://example.org/report)", "(#finding)"),
                   "chart.png": CHART},
        "unused": {"b.en.yaml": GOOD.replace("  src:", "  spare: Never cited.\n  src:"),
                   "chart.png": CHART},
    })


def test_a_brief_that_breaks_nothing_passes(built: dict[str, Built]) -> None:
    result = run_preflight(built["good"])
    assert result.code == 0
    assert result.failures() == []
    assert result.failures("known") == []


def test_alt_text_that_is_a_file_name_fails(built: dict[str, Built]) -> None:
    result = run_preflight(built["alt"])
    assert result.code == 1
    [finding] = result.failures()
    assert finding["check"] == "content.alt-text"
    assert finding["message"] == ("alt text 'image.png' looks like a file name, not a "
                                  "description of the image")
    assert (finding["field"], finding["line"]) == ("sections[1].body[1].figure.alt", 13)
    assert finding["fix"] == "describe what the image shows and why it matters, in a sentence"


def test_a_figure_under_150_dpi_fails(built: dict[str, Built]) -> None:
    result = run_preflight(built["dpi"])
    assert result.code == 1
    [finding] = result.failures()
    assert finding["check"] == "content.image-dpi"
    assert re.fullmatch(r"tiny\.png is 160 px wide, printed \d\.\d\d in wide: \d+ dpi "
                        r"\(needs 150\)", finding["message"]), finding["message"]
    assert (finding["field"], finding["line"]) == ("sections[1].body[1].figure.image", 12)
    assert re.fullmatch(r"use an image at least \d+ px wide", finding["fix"])


def test_a_three_page_brief_over_its_budget_of_two_fails(built: dict[str, Built]) -> None:
    result = run_preflight(built["pages"])
    assert result.code == 1
    [finding] = result.failures()
    assert finding["check"] == "pages.budget"
    assert finding["message"] == "the PDF has 3 pages; max_pages is 2"
    assert (finding["field"], finding["line"]) == ("max_pages", 3)
    assert finding["fix"] == "shorten the brief by about 1 page(s), or raise max_pages"


def test_a_link_to_hash_alone_fails(built: dict[str, Built]) -> None:
    """The placeholder is the author's to fix; the writers print its text unlinked (no
    file: link to the series folder in the PDF, no hyperlink in the Word draft)."""
    result = run_preflight(built["link"])
    assert result.code == 1
    assert [(f["check"], f["message"], f["field"]) for f in result.failures()] == [
        ("content.links", "link to '#' goes nowhere", "sections[1].body[0]"),
    ]
    with pikepdf.open(built["link"].output("b.en.pdf")) as pdf:
        uris = [str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", [])
                if "/A" in annot and "/URI" in annot.A]
    assert uris == ["https://example.org/data"]  # the footnote's link, nothing else


def test_a_link_to_no_heading_fails_and_the_draft_still_reads_back(
        built: dict[str, Built]) -> None:
    """'#finding' names no heading (the brief's is #findings): the writers print its text
    unlinked, and the Word draft still reads back as its brief (word.content passes)."""
    result = run_preflight(built["anchor"])
    assert result.code == 1
    assert [(f["check"], f["message"], f["field"], f["line"]) for f in result.failures()] == [
        ("content.links", "link to '#finding': the brief has no heading of that name",
         "sections[1].body[0]", 10)]
    assert [f["status"] for f in result.of("word.content")] == ["pass"]


def test_a_footnote_never_cited_warns_as_the_loader_does(built: dict[str, Built]) -> None:
    result = run_preflight(built["unused"])
    assert result.code == 0
    assert result.failures() == []
    assert [str(p) for p in load_project(built["unused"].series).problems] == [
        f"{built['unused'].series}/b.en.yaml:4:3: warning: footnotes.spare: footnote 'spare' "
        "is never referenced (cite it as [^spare] or remove it)"]
    [finding] = result.failures("warn")
    assert finding["check"] == "content.footnotes"
    assert finding["message"] == ("footnote 'spare' is defined but never cited in the text, "
                                  "so it is not printed")
    assert (finding["field"], finding["line"]) == ("footnotes.spare", 4)
