"""The draft read back by an independent reader, pandoc, and by python-docx."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .docx_helpers import EVERY_BLOCK, SAMPLE, build, editions, open_docx, pandoc

TRADE = "https://www.trade.gov/country-commercial-guides/mexico-automotive-industry"


def words(node: object) -> str:
    """The words of a piece of pandoc's JSON AST, space-separated."""
    if isinstance(node, dict):
        return node["c"] if node.get("t") == "Str" else words(node.get("c"))
    if isinstance(node, list):
        return " ".join(w for w in (words(item) for item in node) if w)
    return ""


@pytest.fixture(scope="module")
def sample() -> bytes:
    return build(editions(SAMPLE)[0])


@pytest.fixture(scope="module")
def every_block() -> bytes:
    return build(editions(EVERY_BLOCK)[0])


def test_the_footnote_is_a_real_note_with_its_link(sample: bytes, tmp_path: Path) -> None:
    markdown = pandoc(sample, tmp_path)
    assert "one million Mexicans.[^1] However" in markdown
    note = re.search(r"^\[\^1\]: (.*)$", markdown, re.MULTILINE)
    assert note is not None
    assert note.group(1).startswith("International Trade Administration.")
    # typographic in the draft: pandoc writes U+201C/D as " and U+2019 as a bare ' (a
    # straight one would be escaped)
    assert f"\"[Mexico's Automotive Industry]({TRADE})\"" in note.group(1)
    assert f"(<{TRADE}>)" in note.group(1)


def test_headings_lists_and_callout_read_as_such(sample: bytes, tmp_path: Path) -> None:
    markdown = pandoc(sample, tmp_path)
    assert re.search(r"^# Learning questions$", markdown, re.MULTILINE)
    assert re.search(r"^- \*\*System actors\*\* encompass", markdown, re.MULTILINE)
    numbered = re.findall(r"^(\d)\.  What lessons", markdown, re.MULTILINE)
    assert numbered == ["1", "2", "3", "4"]
    projects = re.findall(r"^(\d)\.  (?:Improving|Engaging|Mexico Aware)", markdown, re.MULTILINE)
    assert projects == ["1", "2", "3", "4"]  # its own list, starting at 1


def test_title_and_subtitle_are_document_metadata(sample: bytes, tmp_path: Path) -> None:
    meta = json.loads(pandoc(sample, tmp_path, "json"))["meta"]
    assert words(meta["title"]) == "Investing in Mexico\u2019s Auto Workers for Sustainable Growth"
    assert words(meta["subtitle"]).startswith("Insights, lessons learned")
    assert '"Strong"' in json.dumps(meta["subtitle"])


def test_every_block_reads_in_pandoc(every_block: bytes, tmp_path: Path) -> None:
    markdown = pandoc(every_block, tmp_path)
    for expected in (
        "[link](https://example.org/page)",
        "<https://example.org/auto>",
        "[write us](mailto:team@example.org)",
        "raw \\<b\\>HTML\\</b\\> kept as text & an ampersand",
        "A line\\\nbreak inside a paragraph.",
        "- First bullet with **bold lead**",
        "  - Nested bullet one",
        "1.  First step",
        "    a.  Nested step one",
        "System actors\n\n:   Workers, employers, unions and government.",
        "> Quotes keep the speaker's words.",  # U+2019 (a straight one would be escaped)
        "[Improving Working Conditions (CALLE)](https://example.org/calle)",
        "# After the page break",
        "[^1]: The first note, with a [link](https://example.org/notes?a=1&b=2).",
        "[^2]: The second note, in *emphasis*.",
    ):
        assert expected in markdown, expected


def test_table_has_its_header_row(every_block: bytes, tmp_path: Path) -> None:
    document = json.loads(pandoc(every_block, tmp_path, "json"))
    data, stats, *chart_data = [b["c"] for b in document["blocks"] if b["t"] == "Table"]
    assert len(chart_data) == 2  # the data table after each chart
    head_rows = data[3][1]
    assert len(head_rows) == 1
    assert words(head_rows[0]) == "Project State Workers reached"
    assert words(data[1]) == "Table 1: Projects by state"
    assert stats[3][1] == []  # the stats row is no header


def test_figure_keeps_its_alt_text(every_block: bytes, tmp_path: Path) -> None:
    markdown = pandoc(every_block, tmp_path)
    assert re.search(r'!\[Figure 1: Workers reached per year\]\(media/image1\.png\)'
                     r'\{alt="Bar chart of five bars rising from left to right\."', markdown)


def test_every_block_opens_in_python_docx(every_block: bytes) -> None:
    document = open_docx(every_block)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "The last paragraph sits on a new page." in text
    assert len(document.tables) == 4  # the data table, the stats row, the charts' data
    assert len(document.inline_shapes) == 3  # the figure's picture and the two charts
