"""Charts in print, on the web page and in the Word draft: vector text, a tagged figure
with its alt text, the data table, a native chart with its workbook, the same bytes twice."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from briefbuilder.model.blocks import ChartBody
from briefbuilder.model.series import Edition
from briefbuilder.writers.bundle import MAIN, unpack
from briefbuilder.writers.chart_svg import chart_svg
from briefbuilder.writers.common import number_text
from briefbuilder.writers.pdf import write_pdf
from briefbuilder.writers.web import write_web

from .docx_helpers import NS, build, pandoc, part
from .test_pdf_layout import letters
from .weasy_helpers import EVERY_BLOCK, load_edition, pdf_reader, theme_copy, theme_of

SVG = "{http://www.w3.org/2000/svg}"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CHART_NS = {"c": C, "a": A, "x": X, **NS}
NUMERAL = "{:g}".format  # how the value axis writes its numbers
VOTES_ALT = ("Votes held rose from 12 in the first quarter to 55 in the fourth; approvals "
             "followed closely.")


@pytest.fixture(scope="module")
def edition() -> Edition:
    return load_edition(EVERY_BLOCK)


@pytest.fixture(scope="module")
def pdf(edition: Edition) -> bytes:
    return write_pdf(edition, theme_of(edition))


@pytest.fixture(scope="module")
def draft(edition: Edition) -> bytes:
    return build(edition)


def charts(edition: Edition) -> list[ChartBody]:
    return [block.chart for _, block in edition.brief.charts()]


def test_the_axis_labels_are_selectable_text_in_the_pdf(pdf: bytes) -> None:
    """pdftotext (poppler) finds each label of the charts section twice: drawn in the chart
    (axis, legend), and in the data table after it."""
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    words = text[text.index("CHARTS FROM DATA"):].split()
    for label in ("Q1", "Q2", "Q3", "Q4", "held", "Contracts", "approved", "Coahuila",
                  "Guanajuato", "León"):
        assert words.count(label) == 2, label
    assert words.count("votes") == 3  # the axis title, the caption, the table's corner


def test_no_raster_image_draws_a_chart(pdf: bytes, tmp_path: Path) -> None:
    """The one image drawn in the PDF is the fixture's PNG figure (1200 x 600 pixels); the
    charts are vector paths and text."""
    (tmp_path / "brief.pdf").write_bytes(pdf)
    listed = subprocess.run(["pdfimages", "-list", str(tmp_path / "brief.pdf")],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    assert [line.split()[3:5] for line in listed[2:]] == [["1200", "600"]]


def figures(pdf: bytes) -> list[str]:
    """The /Alt of every /Figure in the PDF's structure tree, in order."""
    found: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        todo = [document.Root.StructTreeRoot]
        while todo:
            element = todo.pop(0)
            if element.get("/S") == "/Figure":
                found.append(str(element.get("/Alt")))
            kids = element.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            todo[:0] = [k for k in kids if isinstance(k, pikepdf.Dictionary)]
    return found


def test_each_chart_is_a_tagged_figure_with_its_alt_text(pdf: bytes) -> None:
    assert figures(pdf) == ["Bar chart of five bars rising from left to right.", VOTES_ALT,
                            "A line through three states, highest in Guanajuato."]


def test_the_data_table_follows_the_chart_in_the_pdf(pdf: bytes) -> None:
    text = letters("".join(page.extract_text() for page in pdf_reader(pdf).pages))
    assert letters("FIGURE 2 Legitimation votes per quarter Source: Example registry") in text
    assert letters("Data of figure 2 votes Votes held Contracts approved Q1 12 10 Q2 30 27 "
                   "Q3 41 38 Q4 55 50") in text
    assert letters("Data of figure 3 Trained in 2023 Coahuila 310 Guanajuato 420 "
                   "Nuevo León 275.5") in text


def test_the_svg_is_named_text_in_the_brand_font_and_the_same_twice(edition: Edition) -> None:
    theme = theme_of(edition)
    column, line = charts(edition)
    svg = chart_svg(column, theme.brand, "2", NUMERAL)
    assert svg == chart_svg(column, theme.brand, "2", NUMERAL)
    root = etree.fromstring(svg)
    assert (root.get("role"), root.get("aria-label")) == ("img", VOTES_ALT)
    assert root.findtext(f"{SVG}title") == VOTES_ALT
    texts = {t.text: t.get("font-family") for t in root.iter(f"{SVG}text")}
    assert {"Q1", "Q4", "votes", "Votes held", "Contracts approved"} <= set(texts)
    assert texts["Q1"] == "'Public Sans', 'DejaVu Sans'"
    assert "style=" not in svg  # presentation attributes, which WeasyPrint reads silently
    assert root.find(f".//{SVG}image") is None
    assert "Date" not in svg and "Matplotlib v" not in svg
    described = etree.fromstring(chart_svg(line, theme.brand, "3", NUMERAL))
    assert described.findtext(f"{SVG}desc") == (
        "Guanajuato trained the most workers, Nuevo León the fewest.")


def test_two_charts_on_a_page_share_no_id(edition: Edition) -> None:
    theme = theme_of(edition)
    svgs = [chart_svg(chart, theme.brand, str(n), NUMERAL)
            for n, chart in enumerate(charts(edition))]
    ids = [{e.get("id") for e in etree.fromstring(svg).iter() if e.get("id")} for svg in svgs]
    assert ids[0] and ids[1]
    assert not ids[0] & ids[1]


def test_the_series_take_the_brand_palette_and_a_pattern_each(edition: Edition,
                                                              tmp_path: Path) -> None:
    theme = theme_copy(tmp_path, edition)
    brand = theme.brand.model_copy(update={"chart": theme.brand.chart.model_copy(
        update={"palette": ["#14305C", "#8A5A00"]})})
    svg = chart_svg(charts(edition)[0], brand, "1", NUMERAL)
    assert 'fill="#14305c"' in svg
    assert 'fill="#8a5a00"' in svg
    assert svg.count("<pattern") == 1  # the second series is hatched, not only coloured


def test_the_value_axis_and_the_table_write_numbers_as_the_language_does(
        edition: Edition) -> None:
    theme = theme_of(edition)
    ticks = [t.text for t in etree.fromstring(chart_svg(
        charts(edition)[0], theme.brand, "1", lambda value: f"<{value:g}>")).iter(f"{SVG}text")]
    assert [t for t in ticks if "<" in t] == ["<0>", "<10>", "<20>", "<30>", "<40>", "<50>"]
    spanish, english = theme.labels_for("es"), theme.labels_for("en")
    assert spanish.language_tag == "es-MX"
    assert number_text(1275.5, "es", spanish) == "1,275.5"  # as Mexico writes it
    assert number_text(1275.5, "es", spanish.model_copy(update={"language_tag": ""})) == (
        "1.275,5")
    assert number_text(1275.5, "en", english) == "1,275.5"


def test_the_default_palette_is_colour_blind_safe(edition: Edition) -> None:
    assert theme_of(edition).brand.chart.palette == [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"]


def test_the_web_page_shows_the_named_svg_and_the_table(edition: Edition) -> None:
    page = unpack(write_web(edition, theme_of(edition)))[MAIN].decode()
    assert f'role="img" aria-label="{VOTES_ALT}"' in page
    assert "<caption>Data of figure 2</caption>" in page
    assert '<td class="category">Q4</td><td>55</td><td>50</td>' in page


def chart_part(draft: bytes, number: int) -> etree._Element:
    return part(draft, f"word/charts/chart{number}.xml")


def test_the_draft_holds_a_native_chart_with_its_values(draft: bytes) -> None:
    chart = chart_part(draft, 1)
    assert chart.find(".//c:barChart/c:barDir", CHART_NS).get("val") == "col"
    series = chart.findall(".//c:ser", CHART_NS)
    assert [s.findtext("c:tx//c:v", namespaces=CHART_NS) for s in series] == [
        "Votes held", "Contracts approved"]
    assert [p.text for p in series[0].findall("c:cat//c:pt/c:v", CHART_NS)] == [
        "Q1", "Q2", "Q3", "Q4"]
    assert [[float(p.text) for p in s.findall("c:val//c:pt/c:v", CHART_NS)]
            for s in series] == [[12, 30, 41, 55], [10, 27, 38, 50]]
    line = chart_part(draft, 2)
    assert line.find(".//c:lineChart", CHART_NS) is not None
    assert [float(p.text) for p in line.findall(".//c:val//c:pt/c:v", CHART_NS)] == [
        310, 420, 275.5]


def test_the_chart_takes_the_palette_and_patterns(draft: bytes) -> None:
    series = chart_part(draft, 1).findall(".//c:ser", CHART_NS)
    assert series[0].find("c:spPr/a:solidFill/a:srgbClr", CHART_NS).get("val") == "0072B2"
    pattern = series[1].find("c:spPr/a:pattFill", CHART_NS)
    assert pattern.get("prst") == "wdUpDiag"
    assert pattern.find("a:bgClr/a:srgbClr", CHART_NS).get("val") == "D55E00"


def test_the_chart_part_is_typed_and_its_workbook_related(draft: bytes) -> None:
    types = part(draft, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/charts/chart1.xml"] == (
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
    rel_id = chart_part(draft, 1).find("c:externalData", CHART_NS).get(f"{{{NS['r']}}}id")
    rels = part(draft, "word/charts/_rels/chart1.xml.rels")
    (rel,) = [r for r in rels if r.get("Id") == rel_id]
    assert rel.get("Type") == (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package")
    assert rel.get("Target") == "../embeddings/Microsoft_Excel_Worksheet1.xlsx"


def workbook(draft: bytes, number: int) -> zipfile.ZipFile:
    with zipfile.ZipFile(io.BytesIO(draft)) as package:
        blob = package.read(f"word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx")
    return zipfile.ZipFile(io.BytesIO(blob))


def test_the_embedded_workbook_holds_the_data(draft: bytes) -> None:
    """What Edit Data opens: the categories in column A, a series per column after it."""
    with workbook(draft, 1) as book:
        strings = [t.text for t in etree.fromstring(book.read("xl/sharedStrings.xml")).iter(
            f"{{{X}}}t")]
        sheet = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{{{X}}}row"):
        cells = []
        for cell in row.iter(f"{{{X}}}c"):
            value = cell.findtext(f"{{{X}}}v")
            cells.append(strings[int(value)] if cell.get("t") == "s" else float(value))
        rows.append(cells)
    assert rows == [["Votes held", "Contracts approved"], ["Q1", 12, 10], ["Q2", 30, 27],
                    ["Q3", 41, 38], ["Q4", 55, 50]]


def test_the_workbook_is_dated_by_the_brief(draft: bytes) -> None:
    with workbook(draft, 1) as book:
        core = book.read("docProps/core.xml").decode()
        stamps = {info.date_time for info in book.infolist()}
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-10-15T00:00:00Z" in core
    assert stamps == {(1980, 1, 1, 0, 0, 0)}


def test_the_draft_names_the_chart_and_carries_its_alt_text(draft: bytes) -> None:
    document = part(draft, "word/document.xml")
    props = [p for p in document.iter(f"{{{NS['wp']}}}docPr")
             if p.get("name", "").startswith("Chart")]
    assert [(p.get("title"), p.get("descr")) for p in props] == [
        ("Legitimation votes per quarter", VOTES_ALT),
        ("Workers trained by state", "A line through three states, highest in Guanajuato.")]


def test_the_draft_has_the_data_table(draft: bytes, tmp_path: Path) -> None:
    text = letters(pandoc(draft, tmp_path, "plain"))
    assert letters("Figure 2: Legitimation votes per quarter Source: Example registry") in text
    # pandoc reads the caption paragraph before a table as the table's caption, after it
    assert letters("votes Votes held Contracts approved Q1 12 10 Q2 30 27 Q3 41 38 "
                   "Q4 55 50 : Data of figure 2") in text


def test_the_draft_is_the_same_twice(edition: Edition, draft: bytes) -> None:
    assert build(edition) == draft


HEAVY = ("print(sorted({m.split('.')[0] for m in sys.modules} "
         "& {'matplotlib', 'pptx', 'xlsxwriter'}))")


def probe(*lines: str) -> str:
    """What a fresh interpreter prints after running lines (briefbuilder commands)."""
    code = "; ".join(("import sys", "from briefbuilder.cli import main", *lines, HEAVY))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300, cwd=EVERY_BLOCK.parents[2])
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_only_rendering_a_chart_imports_matplotlib_or_pptx(tmp_path: Path) -> None:
    """Checking a brief with charts imports neither; rendering one without charts neither;
    the PDF of a brief with charts imports matplotlib, its draft python-pptx."""
    shutil.copytree(EVERY_BLOCK.parents[2] / "src" / "briefbuilder" / "styles",
                    tmp_path / "styles")
    folder = tmp_path / "every-block"
    shutil.copytree(EVERY_BLOCK, folder)
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "series.yaml").write_text("id: s\ntitle: S\nbriefs: [b]\ntheme: ilab\n")
    (plain / "b.en.yaml").write_text("title: T\ndate: 2024-09-01\nsections:\n"
                                     "  - body: [Text.]\n")
    assert probe(f"main(['check', {str(folder)!r}])") == "[]"
    render = ("from tests.writers.weasy_helpers import load_edition, theme_of; "
              "from briefbuilder.writers.{module} import {writer}; "
              "e = load_edition(__import__('pathlib').Path({folder!r})); {writer}(e, theme_of(e))")
    for module, writer in (("pdf", "write_pdf"), ("docx", "write_docx")):
        assert probe(render.format(module=module, writer=writer, folder=str(plain))) == "[]"
    assert probe(render.format(module="pdf", writer="write_pdf", folder=str(folder))) == (
        "['matplotlib']")
    assert probe(render.format(module="docx", writer="write_docx", folder=str(folder))) == (
        "['pptx', 'xlsxwriter']")


def test_the_chart_is_the_same_in_two_processes() -> None:
    """Ids come from a fixed salt, never from the process (hash seeds, memory addresses)."""
    code = ("import hashlib; from tests.writers.weasy_helpers import EVERY_BLOCK, load_edition, "
            "theme_of; from briefbuilder.writers.chart_svg import chart_svg; "
            "e = load_edition(EVERY_BLOCK); t = theme_of(e); "
            "print(hashlib.sha256(''.join(chart_svg(b.chart, t.brand, '1', str) "
            "for _, b in e.brief.charts()).encode()).hexdigest())")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=EVERY_BLOCK.parents[2], timeout=300, env={
                               **os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] != ""
