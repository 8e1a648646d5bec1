"""The web page's structure, read from the built files: landmarks, headings, notes, links."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import urlsplit

import fontpkg  # type: ignore[import-untyped]
import lxml.html
import pytest
from fontTools.ttLib import TTFont

from briefbuilder.loader import load_project
from briefbuilder.model.blocks import Projects
from briefbuilder.themes import find_theme, load_theme
from briefbuilder.writers.bundle import unpack
from briefbuilder.writers.web import write_web

from ..conftest import PROJECTS, SAMPLE, MakeSeries
from .conftest import EVERY_BLOCK, EVERY_BLOCK_ES, PAGES, SAMPLE_EN, SAMPLE_ES, parse


def texts(page: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(element.text_content().split()) for element in page.xpath(xpath)]


@pytest.mark.parametrize("page", PAGES)
def test_landmarks_skip_link_and_one_h1_with_headings_in_order(site: Path, page: str) -> None:
    doc = parse(site, page)
    body = doc.body
    assert [child.tag for child in body if child.tag != "a"] == ["header", "div", "footer"]
    skip = body[0]
    main = doc.xpath("//main")
    assert len(main) == 1 and skip.get("class") == "skip-link"
    assert skip.get("href") == "#" + main[0].get("id")
    levels = [int(h.tag[1]) for h in doc.xpath("//*[self::h1 or self::h2 or self::h3 or self::h4]")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    assert doc.xpath("//h1")[0].getparent().getparent().tag == "header"


def test_a_table_of_contents_when_there_are_several_headings(site: Path) -> None:
    every = parse(site, EVERY_BLOCK)
    (nav,) = every.xpath("//nav[@class='contents']")
    assert nav.xpath("string(h2)") == "Contents"
    assert nav.get("aria-labelledby") == nav.xpath("h2/@id")[0]
    assert [(a.get("href"), a.text) for a in nav.xpath(".//a")] == [
        ("#definitions-and-callouts", "Definitions and callouts"),
        ("#tables-figures-and-numbers", "Tables, figures and numbers"),
        ("#after-the-page-break", "After the page break"),
        ("#charts-from-data", "Charts from data")]
    assert all(every.xpath(f"//h2[@id='{a.get('href')[1:]}']") for a in nav.xpath(".//a"))
    assert parse(site, SAMPLE_EN).xpath("//nav[@class='contents']") == []  # one heading only


def test_footnote_calls_link_to_headed_notes_that_link_back(site: Path) -> None:
    every = parse(site, EVERY_BLOCK)
    calls = every.xpath("//main//sup[@class='footnote-call']/a")
    assert [(a.get("id"), a.get("href"), a.get("aria-label"), a.text) for a in calls] == [
        ("call-1", "#note-1", "Footnote 1", "1"), ("call-2", "#note-2", "Footnote 2", "2")]
    (notes,) = every.xpath("//main/section[@class='notes']")
    assert notes is every.xpath("//main/*")[-1]
    assert notes.xpath("string(h2)") == "Notes"
    assert notes.get("aria-labelledby") == notes.xpath("h2/@id")[0]
    items = notes.xpath("ol/li")
    assert [li.get("id") for li in items] == ["note-1", "note-2"]
    assert texts(notes, "ol/li") == ["The first note, with a link. ↑",
                                     "The second note, in emphasis. ↑"]
    backs = notes.xpath("ol/li/a[@class='back']")
    assert [(a.get("href"), a.get("aria-label")) for a in backs] == [
        ("#call-1", "Back to the text of footnote 1"),
        ("#call-2", "Back to the text of footnote 2")]


def test_spanish_notes_speak_spanish(site: Path) -> None:
    es = parse(site, SAMPLE_ES)
    assert es.xpath("//sup[@class='footnote-call']/a/@aria-label") == ["Nota 1"]
    assert es.xpath("string(//section[@class='notes']/h2)") == "Notas"
    assert es.xpath("//a[@class='back']/@aria-label") == ["Volver al texto de la nota 1"]
    assert es.xpath("string(//a[@class='skip-link'])") == "Saltar al contenido principal"
    every = parse(site, EVERY_BLOCK_ES)
    assert every.xpath("string(//nav[@class='contents']/h2)") == "Contenido"
    assert texts(every, "//table/caption") == ["Cuadro 1 Proyectos por estado"]
    assert texts(every, "//figcaption")[-1] == (
        "Figura 1 Trabajadores alcanzados por año Fuente: Datos de ejemplo")
    assert every.xpath("//figure/img/@alt") == [
        "Gráfico de cinco barras que suben de izquierda a derecha."]


def test_a_note_cited_twice_has_two_calls_and_links_back_to_the_first(
        make_series: MakeSeries) -> None:
    brief = ("title: T\ndate: 2024-09-01\nfootnotes:\n  a: Note A.\n  b: Note B, see[^a].\n"
             "sections:\n  - body:\n      - One[^a], two[^b], three[^a].\n")
    folder = make_series({"b.en.yaml": brief})
    (loaded,) = load_project(folder).series
    edition = loaded.editions[0]
    theme = load_theme(find_theme("ilab", folder))
    page = lxml.html.document_fromstring(unpack(write_web(edition, theme))["index.html"])
    assert [(a.get("id"), a.get("href")) for a in page.xpath("//sup/a")] == [
        ("call-1", "#note-1"), ("call-2", "#note-2"), ("call-1-2", "#note-1")]
    assert texts(page, "//section[@class='notes']/ol/li") == ["Note A. ↑", "Note B, see1. ↑"]
    assert page.xpath("//li[@id='note-2']/a[@href='#note-1']/text()") == ["1"]
    assert page.xpath("//a[@class='back']/@href") == ["#call-1", "#call-2"]


def test_lang_and_hreflang_link_the_editions(site: Path) -> None:
    for page, lang, other, name in ((SAMPLE_EN, "en", "es", "Español"),
                                    (SAMPLE_ES, "es", "en", "English")):
        doc = parse(site, page)
        assert doc.get("lang") == lang
        assert [(link.get("hreflang"), link.get("href"))
                for link in doc.xpath("//head/link[@rel='alternate']")] == [
            ("en", "../introduction.en/index.html"), ("es", "../introduction.es/index.html")]
        (switch,) = doc.xpath("//header/div/nav[@class='languages']//a")
        assert (switch.get("hreflang"), switch.get("lang"), switch.text) == (other, other, name)
        assert (site / "mexico-auto" / page.split("/")[1] / switch.get("href")).is_file()
    assert parse(site, EVERY_BLOCK_ES).xpath("//link[@rel='alternate']/@href") == [
        "../showcase.en/index.html", "../showcase.es/index.html"]


def content_links(every_block: Path) -> set[str]:
    """Every link the content itself holds: the only addresses a page may point away to."""
    links: set[str] = set()
    for folder in (SAMPLE, every_block):
        for loaded in load_project(folder).series:
            for edition in loaded.editions:
                brief = edition.brief
                for _, text in brief.inlines():
                    links.update(text.links())
                for note in brief.footnotes.values():
                    links.update(note.links())
                links.update(item.url for section in brief.sections for block in section.body
                             if isinstance(block, Projects)
                             for item in block.projects.items if item.url)
    return links


@pytest.mark.parametrize("page", PAGES)
def test_no_request_to_another_host_and_every_local_reference_exists(
        site: Path, every_block: Path, page: str) -> None:
    doc = parse(site, page)
    folder = (site / page).parent
    local = [*doc.xpath("//@src"), *doc.xpath("//link/@href"),
             *re.findall(r'url\("([^"]+)"\)', doc.xpath("string(//style)"))]
    assert local and all(not urlsplit(ref).scheme and (folder / ref).is_file() for ref in local)
    assert doc.xpath("//script") == [] and doc.xpath("//@*[starts-with(name(), 'on')]") == []
    assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [
        "default-src 'none'; img-src 'self'; font-src 'self'; style-src 'unsafe-inline'"]
    away = {href for href in doc.xpath("//a/@href")
            if urlsplit(href).scheme or href.startswith("//")}
    assert away <= content_links(every_block)
    for href in doc.xpath("//a/@href"):
        target = href.split("#")[0]
        if target and not urlsplit(href).scheme:
            assert (folder / target).is_file(), href


def test_tables_have_captions_and_header_scopes_and_figures_alt_and_captions(site: Path) -> None:
    every = parse(site, EVERY_BLOCK)
    table, *charts = every.xpath("//table")
    assert texts(table, "caption") == ["Table 1 Projects by state"]
    assert table.xpath("thead/tr/th/@scope") == ["col", "col", "col"]
    assert [texts(chart, "caption") for chart in charts] == [["Data of figure 2"],
                                                             ["Data of figure 3"]]
    assert [chart.xpath("thead/tr/th/@scope") for chart in charts] == [["col"] * 3, ["col"] * 2]
    (figure,) = every.xpath("//figure[@class='figure']")
    assert figure.xpath("img/@alt") == ["Bar chart of five bars rising from left to right."]
    assert texts(figure, "figcaption") == ["Figure 1 Workers reached per year Source: Example data"]
    image = figure.xpath("img/@src")[0]
    assert (Path(str(PROJECTS / "every-block" / image))).read_bytes() == (
        site / "every-block" / "showcase.en" / image).read_bytes()


def test_the_series_index_lists_every_edition_with_its_outputs(site: Path) -> None:
    index = parse(site, "mexico-auto/index.html")
    assert index.get("lang") == "en"
    assert texts(index, "//h1") == [
        "Investing in Mexico's Auto Workers for Sustainable Growth"]
    entries = index.xpath("//main/ol[@class='briefs']/li")
    assert [entry.xpath("div/@lang")[0] for entry in entries] == ["en", "es"]
    assert [texts(entry, "div/p") for entry in entries] == [
        ["English · September 2024"], ["Español · septiembre de 2024"]]
    assert entries[1].xpath("string(div/h2/a)") == (
        "Invertir en los trabajadores automotrices de México para un crecimiento sostenible")
    assert [(a.text, a.get("href")) for a in entries[0].xpath("ul/li/a")] == [
        ("Word draft", "introduction.en.docx"), ("Web page", "introduction.en/index.html")]
    for href in index.xpath("//main//a/@href"):
        assert (site / "mexico-auto" / href).is_file()
    assert parse(site, SAMPLE_EN).xpath("//footer//a/@href") == ["../index.html"]


def test_fonts_are_woff2_subsets_that_cover_the_page(site: Path) -> None:
    page = site / SAMPLE_ES
    style = parse(site, SAMPLE_ES).xpath("string(//style)")
    fonts = re.findall(r'font-family: "([^"]+)"; src: url\("([^"]+)"\) format\("woff2"\); '
                       r"font-style: (\w+)", style)
    assert sorted(fonts)[0][0] == "Merriweather" and len(fonts) == 4
    used = {ord(char) for char in parse(site, SAMPLE_ES).xpath("string(//body)")}
    assert ord("ñ") in used
    for family, ref, style_name in fonts:
        data = (page.parent / ref).read_bytes()
        assert data[:4] == b"wOF2" and len(data) < 60_000
        (source,) = [file.path for file in fontpkg.family(family).files
                     if file.style == style_name]
        wanted = used & set(TTFont(source).getBestCmap())
        kept = set(TTFont(page.parent / ref).getBestCmap())
        assert wanted <= kept and len(kept) < len(wanted) + 40  # the markup's few characters
