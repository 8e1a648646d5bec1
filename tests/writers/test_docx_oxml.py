"""The oxml layer, one behaviour each, on tiny XML fixtures."""

from __future__ import annotations

from typing import Any

import pytest
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml

from briefbuilder.brand import Labels
from briefbuilder.writers.docx.draft import anchor_name, bookmark_name
from briefbuilder.writers.docx.inline import encode_url
from briefbuilder.writers.docx.oxml.document import declare_footnote_separators, tidy_settings
from briefbuilder.writers.docx.oxml.fields import add_bookmark_end, add_bookmark_start, add_field
from briefbuilder.writers.docx.oxml.footnotes import CT_Footnotes, add_footnote_reference
from briefbuilder.writers.docx.oxml.formatting import set_table_look
from briefbuilder.writers.docx.oxml.hyperlink import CT_Hyperlink, add_hyperlink
from briefbuilder.writers.docx.oxml.numbering import (
    ListLevel,
    add_abstract_num,
    add_list_instance,
    set_numbering,
)
from briefbuilder.writers.docx.package import package_order
from briefbuilder.writers.docx.properties import language_tag

from .docx_helpers import W

SEPARATORS = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"/>'
              '<w:footnote w:type="continuationSeparator" w:id="0"/></w:footnotes>')


def xml(text: str) -> Any:
    return parse_xml(text)


def p() -> Any:
    return xml(f'<w:p {nsdecls("w")}/>')


def test_footnotes_get_ids_from_one_after_the_separators() -> None:
    notes = xml(SEPARATORS)
    assert isinstance(notes, CT_Footnotes)
    first = notes.add_footnote("FootnoteText", "FootnoteReference")
    second = notes.add_footnote("FootnoteText", "FootnoteReference")
    assert (first.id, second.id) == (1, 2)
    paragraph = first.p_lst[0]
    assert paragraph.style == "FootnoteText"
    assert paragraph.r_lst[0].style == "FootnoteReference"
    assert paragraph.r_lst[0][-1].tag == qn("w:footnoteRef")
    assert paragraph.r_lst[1].text == " "


def test_remove_notes_keeps_the_separators() -> None:
    notes = xml(SEPARATORS)
    notes.add_footnote("FootnoteText", "FootnoteReference")
    notes.remove_notes()
    assert [n.id for n in notes.footnote_lst] == [-1, 0]
    assert notes.add_footnote("FootnoteText", "FootnoteReference").id == 1


def test_footnote_reference_run_carries_its_style_and_id() -> None:
    paragraph = p()
    run = add_footnote_reference(paragraph, 3, "FootnoteReference")
    assert run.style == "FootnoteReference"
    assert run.find(qn("w:footnoteReference")).get(qn("w:id")) == "3"


def test_hyperlink_to_a_relationship_or_a_bookmark() -> None:
    external = add_hyperlink(p(), rel_id="rId7")
    internal = add_hyperlink(p(), anchor="learning_questions")
    assert isinstance(external, CT_Hyperlink)
    assert (external.rId, external.anchor, external.history) == ("rId7", None, True)
    assert (internal.rId, internal.anchor) == (None, "learning_questions")
    external.add_r().text = "link"
    assert external.text == "link"


def test_field_is_begin_code_separate_result_end() -> None:
    paragraph = p()
    add_field(paragraph, "PAGE", "1", "FootnoteReference")
    runs = paragraph.r_lst
    kinds = [r.find(qn("w:fldChar")).get(qn("w:fldCharType")) if r.find(qn("w:fldChar"))
             is not None else None for r in runs]
    assert kinds == ["begin", None, "separate", None, "end"]
    assert runs[1].find(qn("w:instrText")).text == " PAGE "
    assert runs[3].text == "1"
    assert {r.style for r in runs} == {"FootnoteReference"}


def test_bookmark_start_and_end_pair_by_id() -> None:
    paragraph = p()
    start = add_bookmark_start(paragraph, 4, "_RefNote1")
    end = add_bookmark_end(paragraph, 4)
    assert (start.id, start.name, end.id) == (4, "_RefNote1", 4)


def test_list_definitions_come_before_instances_and_instances_restart() -> None:
    numbering = xml(f'<w:numbering {nsdecls("w")}/>')
    bullets = add_abstract_num(numbering, [ListLevel("bullet", "\u2022", 360, 220)])
    numbers = add_abstract_num(numbering, [ListLevel("decimal", "%1.", 360, 360, "B5892E"),
                                           ListLevel("lowerLetter", "%2.", 720, 360)])
    assert (bullets, numbers) == (0, 1)
    first = add_list_instance(numbering, numbers, 2)
    later = add_abstract_num(numbering, [ListLevel("bullet", "-", 360, 220)])
    assert later == 2
    tags = [child.tag for child in numbering]
    assert tags == [qn("w:abstractNum")] * 3 + [qn("w:num")]
    num = numbering.num_having_numId(first)
    starts = num.xpath("./w:lvlOverride/w:startOverride/@w:val")
    assert starts == ["1", "1"]
    lvl = numbering.xpath("./w:abstractNum[@w:abstractNumId='1']/w:lvl[@w:ilvl='0']")[0]
    assert lvl.find(qn("w:lvlText")).get(qn("w:val")) == "%1."
    assert lvl.find(f"{W}rPr/{W}color").get(qn("w:val")) == "B5892E"


def test_set_numbering_puts_level_and_instance_on_the_paragraph() -> None:
    paragraph = p()
    set_numbering(paragraph, 5, 1)
    assert paragraph.xpath("./w:pPr/w:numPr/w:ilvl/@w:val") == ["1"]
    assert paragraph.xpath("./w:pPr/w:numPr/w:numId/@w:val") == ["5"]


def test_table_look_asks_for_the_header_row_only() -> None:
    tblPr = xml(f'<w:tblPr {nsdecls("w")}><w:tblStyle w:val="BriefTable"/></w:tblPr>')
    set_table_look(tblPr, header_row=True)
    look = tblPr.find(qn("w:tblLook"))
    assert look.get(qn("w:firstRow")) == "1" and look.get(qn("w:firstColumn")) == "0"
    set_table_look(tblPr, header_row=False)
    assert len(tblPr.findall(qn("w:tblLook"))) == 1
    assert tblPr.find(qn("w:tblLook")).get(qn("w:firstRow")) == "0"


def test_settings_lose_history_and_declare_separators_in_order() -> None:
    settings = xml(f'<w:settings {nsdecls("w", "w14")}><w:proofState w:spelling="clean"/>'
                   '<w:compat/><w:rsids><w:rsidRoot w:val="00B47730"/></w:rsids>'
                   '<w:themeFontLang w:val="en-US"/><w14:docId w14:val="1"/></w:settings>')
    tidy_settings(settings, "es-MX")
    declare_footnote_separators(settings)
    tags = [child.tag.split("}")[1] for child in settings]
    assert tags == ["footnotePr", "compat", "themeFontLang"]
    assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == "es-MX"


@pytest.mark.parametrize(("href", "target"), [
    ("https://example.org/notes?a=1&b=2", "https://example.org/notes?a=1&b=2"),
    ("https://example.org/a b/ñ", "https://example.org/a%20b/%C3%B1"),
    ("https://example.org/already%20encoded#part", "https://example.org/already%20encoded#part"),
    ("mailto:team@example.org?subject=Hi there", "mailto:team@example.org?subject=Hi%20there"),
])
def test_urls_are_encoded_only_where_needed(href: str, target: str) -> None:
    assert encode_url(href) == target


@pytest.mark.parametrize(("lang", "catalog_tag", "tag"), [
    ("en", "en-US", "en-US"), ("es", "es-MX", "es-MX"), ("es", "", "es-ES"),
    ("es-ar", "es-MX", "es-AR"), ("fr", "", "fr-FR"), ("pt", "", "pt-BR")])
def test_language_tags_are_regional(lang: str, catalog_tag: str, tag: str) -> None:
    labels = Labels.model_validate({
        "series_label": "S", "page_of": "{page}/{pages}", "brief_of": "{number}/{total}",
        "notes": "N", "figure": "F {number}", "table": "T {number}", "source": "{source}",
        "project_item": "{name} {implementer}", "project_item_named": "{name} {implementer}",
        "project_word": "P", "callout_insight": "I", "callout_lesson": "L",
        "callout_practice": "P", "callout_note": "N", "language_tag": catalog_tag})
    assert language_tag(lang, labels) == tag


def test_anchor_and_bookmark_names() -> None:
    assert anchor_name("Learning questions") == "learning-questions"
    assert anchor_name("¿Qué sigue? 2024") == "qué-sigue-2024"
    assert bookmark_name("learning-questions") == "learning_questions"
    assert bookmark_name("2024-results") == "h_2024_results"
    assert len(bookmark_name("a" * 60)) == 40


def test_package_order_puts_content_types_and_relationships_first() -> None:
    names = ["word/document.xml", "_rels/.rels", "[Content_Types].xml", "docProps/a"]
    assert package_order(names) == ["[Content_Types].xml", "_rels/.rels", "docProps/a",
                                    "word/document.xml"]
