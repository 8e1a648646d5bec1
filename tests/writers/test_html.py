"""The HTML writer: semantic, escaped, one span walker, themes overriding by path."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import lxml.html
import pytest

from briefbuilder.brand import Theme
from briefbuilder.errors import RenderError
from briefbuilder.model.blocks import Paragraph
from briefbuilder.model.brief import Brief, Section
from briefbuilder.model.inline import Inline, Link, Text
from briefbuilder.model.series import Edition
from briefbuilder.writers.html import write_html
from briefbuilder.writers.pdf import write_pdf

from .weasy_helpers import (
    EVERY_BLOCK,
    SAMPLE,
    load_edition,
    pdf_reader,
    theme_copy,
    theme_of,
)


def page(edition: Edition, theme: Theme | None = None) -> lxml.html.HtmlElement:
    """The edition's HTML, parsed."""
    return lxml.html.document_fromstring(write_html(edition, theme or theme_of(edition)))


def with_brief(edition: Edition, **fields: object) -> Edition:
    """The edition with a small brief built from fields (validated like the loader does)."""
    brief = Brief.model_validate({"title": "T", "date": dt.date(2024, 1, 1), **fields})
    return dataclasses.replace(edition, brief=brief)


@pytest.fixture(scope="module")
def every_block() -> lxml.html.HtmlElement:
    return page(load_edition(EVERY_BLOCK))


def test_document_head(every_block: lxml.html.HtmlElement) -> None:
    assert every_block.get("lang") == "en"
    assert every_block.findtext(".//title") == "Every Block Type in One Brief"
    meta = {m.get("name"): m.get("content") for m in every_block.iter("meta") if m.get("name")}
    assert meta["author"] == "Test Author"
    assert meta["description"].startswith("A fixture that exercises every block type")
    assert meta["keywords"] == "fixture, blocks"


def test_semantic_elements(every_block: lxml.html.HtmlElement) -> None:
    body = every_block.body
    assert [h.text_content() for h in body.iter("h1")] == ["Every Block Type in One Brief"]
    assert [h.text_content() for h in body.iter("h2")] == [
        "Definitions and callouts", "Tables, figures and numbers", "After the page break",
        "Charts from data"]
    assert body.xpath("//ul/li/ul/li") and body.xpath("//ol/li/ol/li")
    assert [dt.text_content() for dt in body.xpath("//dl[@class='definitions']/dt")] == [
        "System actors", "Good practice"]
    assert [th.get("scope") for th in body.iter("th")] == ["col"] * (3 + 3 + 2)  # +charts
    assert "Table 1" in body.xpath("//table/caption")[0].text_content()
    figure = body.xpath("//figure[@class='figure']")[0]
    assert figure.xpath("img/@alt") == ["Bar chart of five bars rising from left to right."]
    assert "Figure 1" in figure.xpath("figcaption")[0].text_content()
    assert "Source: Example data" in figure.xpath("figcaption")[0].text_content()
    assert body.xpath("//blockquote/p")[0].text_content() == "Quotes keep the speaker\u2019s words."
    kinds = [a.xpath("p[@class='callout-kind']")[0].text_content() for a in body.iter("aside")]
    assert kinds == ["Key insight", "Lesson learned", "Emerging good practice", "Note"]


def test_inline_markup_and_escaping(every_block: lxml.html.HtmlElement) -> None:
    first = every_block.body.xpath("//main//p")[0]
    assert first.xpath("strong")[0].text == "strong"
    assert first.xpath("em")[0].text == "emphasis"
    assert first.xpath(".//a/@href") == [
        "https://example.org/page", "https://example.org/auto", "mailto:team@example.org",
        "https://example.org/notes?a=1&b=2"]
    assert "raw <b>HTML</b> kept as text & an ampersand" in first.text_content()
    assert not every_block.body.xpath("//b")
    assert every_block.body.xpath("//p[contains(., 'A line')]/br")


def test_footnote_text_at_first_reference_number_after() -> None:
    edition = with_brief(
        load_edition(EVERY_BLOCK),
        footnotes={"a": "Note A with a [link](https://a.example/)", "b": "Note B"},
        sections=[{"body": ["One.[^b]", "Two.[^a]", "Three.[^b]"]}],
    )
    body = page(edition).body
    notes = body.xpath("//span[@class='footnote']")
    assert [n.get("id") for n in notes] == ["fn-b", "fn-a"]
    assert notes[1].xpath("a/@href") == ["https://a.example/"]
    again = body.xpath("//sup[@class='footnote-again']/a")
    assert [(a.get("href"), a.text) for a in again] == [("#fn-b", "1")]


def test_anchor_links_reach_heading_ids_and_the_rest_is_plain_text() -> None:
    edition = with_brief(load_edition(EVERY_BLOCK), sections=[
        {"body": ["See [the questions](#learning-questions), the [evaluation report](#), "
                  "[nothing](#nowhere) and [*the web*](https://example.org/)."]},
        {"heading": "Learning questions", "body": ["Q."]},
        {"heading": "Learning Questions!", "body": ["Same anchor: the first heading has it."]},
    ])
    body = page(edition).body
    assert [h.get("id") for h in body.xpath("//h2")] == ["learning-questions", None]
    assert [(a.get("href"), a.text_content()) for a in body.xpath("//main//a")] == [
        ("#learning-questions", "the questions"), ("https://example.org/", "the web")]
    paragraph = body.xpath("//main//p")[0]
    assert "the evaluation report, nothing and the web." in paragraph.text_content()


def test_link_schemes_are_checked_again_at_write_time() -> None:
    bad = Inline.model_construct(source="x", spans=(
        Link.model_construct(href="javascript:alert(1)", children=(Text(text="x"),)),))
    edition = load_edition(EVERY_BLOCK)
    section = Section.model_construct(heading=None, body=[Paragraph.model_construct(text=bad)])
    brief = edition.brief.model_copy(update={"sections": [section]})
    with pytest.raises(RenderError, match="javascript"):
        write_html(dataclasses.replace(edition, brief=brief), theme_of(edition))


def test_spanish_labels() -> None:
    edition = load_edition(SAMPLE, "es")
    doc = page(edition)
    assert doc.get("lang") == "es"
    assert "Página" in write_html(edition, theme_of(edition)).decode()
    assert "septiembre de 2024" in doc.body.text_content()
    assert "Departamento de Trabajo de los Estados Unidos" in doc.xpath(
        "//p[@class='organization']")[0].text_content()


def test_a_theme_template_overrides_the_package_one(tmp_path: Path) -> None:
    edition = load_edition(EVERY_BLOCK)
    theme = theme_copy(tmp_path, edition)
    (theme.folder / "templates" / "blocks").mkdir(parents=True)
    (theme.folder / "templates" / "blocks" / "paragraph.html").write_text(
        '<p class="house">{{ inline(block.text) }}</p>\n')
    assert page(edition, theme).body.xpath("//p[@class='house']")


def test_an_undefined_template_variable_fails_the_brief(tmp_path: Path) -> None:
    edition = load_edition(EVERY_BLOCK)
    theme = theme_copy(tmp_path, edition)
    (theme.folder / "templates").mkdir()
    (theme.folder / "templates" / "colophon.html").write_text("{{ no_such_thing }}\n")
    with pytest.raises(RenderError, match="no_such_thing"):
        write_html(edition, theme)


def test_switching_theme_changes_colors_and_fonts() -> None:
    edition = load_edition(SAMPLE)
    ilab, plain = theme_of(edition, "ilab"), theme_of(edition, "plain")
    ilab_html, plain_html = write_html(edition, ilab).decode(), write_html(edition, plain).decode()
    assert "--color-primary: #14305C" in ilab_html
    assert "--color-primary: #222222" in plain_html
    assert '--font-body: "Public Sans"' in ilab_html
    assert '--font-body: "Merriweather"' in plain_html
    fonts = {
        name: {str(f["/BaseFont"]).split("+")[1] for p in pdf_reader(write_pdf(edition, t)).pages
               for f in p["/Resources"]["/Font"].values()}
        for name, t in (("ilab", ilab), ("plain", plain))
    }
    assert fonts["ilab"] != fonts["plain"]
    assert "Merriweather" in fonts["plain"] and "Public-Sans-Bold" in fonts["plain"]
