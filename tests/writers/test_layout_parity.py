"""Print and Word set blocks alike: numbers right-aligned, stats unshaded and left-aligned
under a rule, a quote's source under its words, print's space after tables and stats, and
table rows and stats that do not split across pages."""

from __future__ import annotations

import lxml.html
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from briefbuilder.model.blocks import TableBody
from briefbuilder.writers.html import write_html

from ..conftest import GOOD_BRIEF, MakeSeries
from .docx_helpers import EVERY_BLOCK, NS, W, build, editions, open_docx, part
from .weasy_helpers import load_edition, theme_of


@pytest.fixture(scope="module")
def draft() -> bytes:
    return build(editions(EVERY_BLOCK)[0])


def test_a_column_of_numbers_is_numeric_and_a_column_of_words_is_not() -> None:
    table = TableBody.model_validate({"header": ["A", "B", "C", "D", "E"], "rows": [
        ["CALLE", "1,200", "12.5%", "", "-$3 400"], ["MAP", "900", "7%", "", "2019 law"]]})
    assert table.numeric_columns() == [False, True, True, False, False]


def test_print_right_aligns_the_numeric_column() -> None:
    edition = load_edition(EVERY_BLOCK)
    html = lxml.html.document_fromstring(write_html(edition, theme_of(edition)))
    assert [c.get("class") for c in html.xpath("(//table)[1]//tr[2]/td")] == [None, None, "number"]
    assert [c.get("class") for c in html.xpath("(//table)[1]//th")] == [None, None, "number"]
    assert "th.number, td.number { text-align: right; }" in (
        theme_of(edition).folder.parent.parent / "templates" / "print.css").read_text()


def test_word_right_aligns_the_numeric_column(draft: bytes) -> None:
    table = open_docx(draft).tables[0]
    assert [[c.paragraphs[0].style.name for c in row.cells] for row in table.rows][:2] == [
        ["Table Text", "Table Text", "Table Number"], ["Table Text", "Table Text", "Table Number"]]
    assert table.rows[1].cells[2].text == "1,200"
    styles = open_docx(draft).styles
    assert styles["Table Number"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_stats_are_left_aligned_unshaded_under_a_rule_as_in_print(draft: bytes) -> None:
    styles = part(draft, "word/styles.xml")
    (stats,) = styles.xpath("//w:style[w:name/@w:val='Stats Table']", namespaces=NS)
    assert stats.xpath(".//w:shd", namespaces=NS) == []
    (rule,) = stats.xpath(".//w:tblBorders/*", namespaces=NS)
    assert (rule.tag, rule.get(f"{W}sz")) == (f"{W}top", "20")  # 2.5 pt, as print's border-top
    for name in ("Stat Value", "Stat Label"):
        assert open_docx(draft).styles[name].paragraph_format.alignment is None


def test_a_quote_source_stands_under_its_words_after_a_dash(draft: bytes) -> None:
    document = open_docx(draft)
    (source,) = [p for p in document.paragraphs if p.style.name == "Quote Source"]
    assert source.text == "\u2014\u00a0A union representative"
    fmt = document.styles["Quote Source"].paragraph_format
    assert (fmt.alignment, fmt.left_indent) == (None, document.styles["Quote"]
                                                .paragraph_format.left_indent)


def test_tables_and_stats_do_not_split(draft: bytes) -> None:
    body = part(draft, "word/document.xml").find("w:body", NS)
    tables = body.findall("w:tbl", NS)
    assert len(tables) == 4  # the table, the stats and the data tables of the two charts
    assert all(tr.find("w:trPr/w:cantSplit", NS) is not None
               for table in tables for tr in table.findall("w:tr", NS))


def test_text_after_a_table_keeps_print_space_above_it(make_series: MakeSeries) -> None:
    brief = GOOD_BRIEF.replace("  - body: [Text.]", "  - body:\n      - table: {header: [A], "
                               "rows: [[x]]}\n      - After the table.\n      - Next.")
    document = open_docx(build(editions(make_series({"b.en.yaml": brief}))[0]))
    styles = {p.text: p.style for p in document.paragraphs if p.text in ("After the table.",
                                                                        "Next.")}
    assert (styles["After the table."].name, styles["Next."].name) == (
        "Normal After Table", "Normal")  # a style, not an empty paragraph or direct spacing
    assert styles["After the table."].paragraph_format.space_before.pt == 12  # as print
