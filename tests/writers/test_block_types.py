"""Every block type: the every-block fixture holds it, both writers emit it, the schema
describes it. A new type in the model fails here until each of these places knows it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from briefbuilder.brand import Theme
from briefbuilder.errors import ThemeError
from briefbuilder.model.blocks import BLOCK_TYPES, block_tag
from briefbuilder.model.series import Edition
from briefbuilder.schema import schema_text
from briefbuilder.writers.html import write_html
from briefbuilder.writers.pdf import write_pdf
from briefbuilder.writers.web import write_web

from .docx_helpers import NS, build, pandoc, part
from .test_pdf_layout import letters, page_texts, pages_with
from .weasy_helpers import EVERY_BLOCK, load_edition, theme_copy, theme_of

BRIEF = EVERY_BLOCK / "showcase.en.yaml"
# Text that only a block of that type writes, as the fixture has it.
MARKERS = {
    "paragraph": "The last paragraph sits on a new page.",
    "bullets": "Nested bullet one",
    "numbered": "Nested step one",
    "definitions": "Workers, employers, unions and government.",
    "callout": "A key insight",
    "quote": "A union representative",
    "table": "Nuevo León",
    "figure": "Workers reached per year",
    "chart": "Legitimation votes per quarter",
    "stats": "jobs in the sector",
    "projects": "Partners of the Americas (POA)",
}
# Pandoc reads a captioned picture as a figure and shows its alt text, not its caption.
DOCX_MARKERS = {**MARKERS, "figure": "Bar chart of five bars rising from left to right."}
PAGE_BREAK = ("Partners of the Americas (POA)", "After the page break")  # before, after
TAGS = sorted(BLOCK_TYPES)


def raw_blocks(items: list[Any]) -> list[Any]:
    """The body items of the fixture file as written, callout contents included."""
    found = []
    for item in items:
        found.append(item)
        if block_tag(item) == "callout" and isinstance(item["callout"]["text"], list):
            found += raw_blocks(item["callout"]["text"])
    return found


@pytest.fixture(scope="module")
def written() -> list[Any]:
    data = YAML(typ="safe").load(BRIEF)
    return raw_blocks([item for section in data["sections"] for item in section["body"]])


@pytest.fixture(scope="module")
def pdf_pages() -> list[str]:
    edition = load_edition(EVERY_BLOCK)
    return page_texts(write_pdf(edition, theme_of(edition)))


@pytest.fixture(scope="module")
def docx() -> bytes:
    return build(load_edition(EVERY_BLOCK))


@pytest.fixture(scope="module")
def docx_text(docx: bytes, tmp_path_factory: pytest.TempPathFactory) -> str:
    return letters(pandoc(docx, tmp_path_factory.mktemp("pandoc"), "plain"))


@pytest.mark.parametrize("tag", TAGS)
def test_the_fixture_holds_the_block_type(tag: str) -> None:
    brief = load_edition(EVERY_BLOCK).brief
    assert tag in {block_tag(block) for _, block in brief.blocks()}


@pytest.mark.parametrize("tag", [t for t in TAGS if t != "page-break"])
def test_the_pdf_shows_the_block_type(tag: str, pdf_pages: list[str]) -> None:
    assert pages_with(pdf_pages, MARKERS[tag]) != []


@pytest.mark.parametrize("tag", [t for t in TAGS if t != "page-break"])
def test_the_draft_as_pandoc_reads_it_shows_the_block_type(tag: str, docx_text: str) -> None:
    assert letters(DOCX_MARKERS[tag]) in docx_text


def test_the_pdf_breaks_the_page(pdf_pages: list[str]) -> None:
    before, after = (pages_with(pdf_pages, text) for text in PAGE_BREAK)
    assert len(before) == len(after) == 1
    assert after[0] == before[0] + 1


def test_the_draft_breaks_the_page_before_the_next_heading(docx: bytes) -> None:
    """Pandoc reads no page breaks, so the draft's XML is read: the paragraph before the
    heading that follows the page-break block holds Word's page break."""
    body = part(docx, "word/document.xml").find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    heading = next(i for i, p in enumerate(paragraphs)
                   if "".join(p.itertext()) == PAGE_BREAK[1])
    breaks = paragraphs[heading - 1].findall("w:r/w:br", NS)
    assert [b.get(f"{{{NS['w']}}}type") for b in breaks] == ["page"]


@pytest.mark.parametrize("tag", TAGS)
def test_the_schema_describes_the_block_type(tag: str, written: list[Any]) -> None:
    schema = json.loads(schema_text("brief"))
    name = BLOCK_TYPES[tag].__name__
    alternatives = schema["$defs"]["Section"]["properties"]["body"]["items"]["oneOf"]
    assert {"$ref": f"#/$defs/{name}"} in alternatives
    validator = jsonschema.Draft202012Validator({**schema["$defs"][name],
                                                 "$defs": schema["$defs"]})
    item = next(item for item in written if block_tag(item) == tag)
    assert list(validator.iter_errors(item)) == []
    assert not validator.is_valid({"unknown-block": 1})


def test_every_block_type_has_a_marker() -> None:
    assert sorted([*MARKERS, "page-break"]) == TAGS


def test_the_model_union_is_the_registry_of_block_types() -> None:
    schema = json.loads(schema_text("brief"))
    alternatives = schema["$defs"]["Section"]["properties"]["body"]["items"]["oneOf"]
    assert [a["$ref"].rsplit("/", 1)[1] for a in alternatives] == [
        model.__name__ for model in BLOCK_TYPES.values()]


@pytest.mark.parametrize("write", [write_html, write_pdf, write_web])
def test_a_block_type_without_its_template_stops_the_writer_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[[Edition, Theme], bytes],
) -> None:
    """A type added to the model but not to the templates is named before anything renders."""
    edition = load_edition(EVERY_BLOCK)
    theme = theme_copy(tmp_path, edition)
    monkeypatch.setitem(BLOCK_TYPES, "diagram", BLOCK_TYPES["figure"])
    with pytest.raises(ThemeError) as raised:
        write(edition, theme)
    assert [str(problem) for problem in raised.value.problems] == [
        f"{theme.folder}/templates/blocks/diagram.html: no template 'blocks/diagram.html': the "
        "diagram blocks of a brief cannot be rendered (add the template to the theme's "
        "templates/ folder)"]
