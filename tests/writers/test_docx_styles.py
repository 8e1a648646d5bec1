"""The draft's formatting comes from named styles generated from the brand."""

from __future__ import annotations

import pytest

from .docx_helpers import EVERY_BLOCK, NS, SAMPLE, W, build, editions, open_docx, part

REQUIRED = ["Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
            "List Number", "Quote", "Caption", "Footnote Text", "Footnote Reference",
            "Hyperlink", "Brief Table", "Callout Insight", "Callout Lesson", "Callout Practice",
            "Callout Note"]


@pytest.fixture(scope="module")
def every_block() -> bytes:
    return build(editions(EVERY_BLOCK)[0])


def test_the_required_styles_exist_with_brand_fonts(every_block: bytes) -> None:
    styles = open_docx(every_block).styles
    names = {style.name for style in styles}
    assert set(REQUIRED) <= names
    assert styles["Heading 1"].font.name == "Merriweather"
    assert styles["Title"].font.name == "Merriweather"
    assert styles["Heading 1"].font.color.rgb == (0x14, 0x30, 0x5C)
    # stat values in the primary color, as in print: the accent is 2.74:1 on the tint
    assert styles["Stat Value"].font.color.rgb == (0x14, 0x30, 0x5C)
    defaults = part(every_block, "word/styles.xml").find(f"{W}docDefaults")
    fonts = defaults.find(f"{W}rPrDefault/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == "Public Sans"


def test_body_paragraphs_are_named_styles_without_direct_fonts(every_block: bytes) -> None:
    document = open_docx(every_block)
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Normal", "List Bullet", "List Bullet 2",
            "List Number", "List Number 2", "Definition Term", "Definition", "Quote",
            "Quote Source", "Caption", "Figure", "Callout Insight", "Panel Item", "Colophon",
            "Disclaimer"} <= used
    for name in ("word/document.xml", "word/footnotes.xml", "word/header1.xml",
                 "word/footer1.xml"):
        runs = part(every_block, name).iter(f"{W}r")
        for run in runs:
            props = run.find(f"{W}rPr")
            if props is not None:
                kept = {child.tag.removeprefix(W) for child in props}
                assert kept <= {"b", "i", "rStyle"}, (name, kept)
    for p in part(every_block, "word/document.xml").iter(f"{W}p"):
        props = p.find(f"{W}pPr")
        if props is not None:  # a style, list membership, nothing else
            assert {c.tag.removeprefix(W) for c in props} <= {"pStyle", "numPr"}


def test_strong_and_emphasis_are_bold_and_italic_runs(every_block: bytes) -> None:
    first = next(p for p in open_docx(every_block).paragraphs
                 if p.text.startswith("A paragraph with"))
    assert [r.text for r in first.runs if r.bold] == ["strong"]
    assert [r.text for r in first.runs if r.italic] == ["emphasis"]


def test_callout_kinds_have_their_own_shaded_bordered_style(every_block: bytes) -> None:
    styles = part(every_block, "word/styles.xml")
    for kind in ("Insight", "Lesson", "Practice", "Note"):
        style = styles.find(f"{W}style[@{W}styleId='Callout{kind}']")
        assert style.find(f"{W}pPr/{W}shd").get(f"{W}fill") == "E9EEF6"
        assert style.find(f"{W}pPr/{W}pBdr/{W}left") is not None
    paragraphs = open_docx(every_block).paragraphs
    lesson = [p for p in paragraphs if p.style.name == "Callout Lesson"]
    assert [p.text for p in lesson] == ["Lesson learned", "A lesson callout with blocks inside.",
                                        "Inside bullet"]
    label = next(p for p in paragraphs if p.style.name == "Callout Insight").runs
    assert [(r.style.name, r.text) for r in label if r.text.strip()] == [
        ("Callout Label", "Key insight"), ("Callout Title", "A key insight")]
    notes = [p.text for p in paragraphs if p.style.name == "Callout Note"]
    assert notes == ["A note callout."]  # a note has no label, as in print


def test_table_style_shades_its_header_row(every_block: bytes) -> None:
    style = part(every_block, "word/styles.xml").find(f"{W}style[@{W}styleId='BriefTable']")
    header = style.find(f"{W}tblStylePr[@{W}type='firstRow']")
    assert header.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "14305C"
    assert header.find(f"{W}rPr/{W}color").get(f"{W}val") == "FFFFFF"


def test_table_rows_header_repeats_and_rows_do_not_split(every_block: bytes) -> None:
    table = part(every_block, "word/document.xml").find(f".//{W}tbl")
    assert table.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "BriefTable"
    rows = table.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
    assert all(row.find(f"{W}trPr/{W}tblHeader") is None for row in rows[1:])


def test_each_numbered_list_restarts_at_one() -> None:
    data = build(editions(SAMPLE)[0])
    body = part(data, "word/document.xml")
    numbering = part(data, "word/numbering.xml")
    ids = []
    for p in body.iter(f"{W}p"):
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        style = p.find(f"{W}pPr/{W}pStyle")
        if num is not None and style.get(f"{W}val") in ("ListNumber", "PanelItem"):
            ids.append(num.get(f"{W}val"))
    projects, questions = dict.fromkeys(ids)  # two lists, in order, each its own instance
    for num_id in (projects, questions):
        num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
        start = num.find(f"{W}lvlOverride[@{W}ilvl='0']/{W}startOverride")
        assert start.get(f"{W}val") == "1"


def test_pictures_have_alt_text_and_unique_ids(every_block: bytes) -> None:
    body = part(every_block, "word/document.xml")
    frames = body.findall(f".//{{{NS['wp']}}}docPr")
    assert [f.get("descr") for f in frames] == [
        "Bar chart of five bars rising from left to right.",
        "Votes held rose from 12 in the first quarter to 55 in the fourth; approvals followed "
        "closely.", "A line through three states, highest in Guanajuato."]
    ids = [f.get("id") for f in frames]
    assert len(set(ids)) == len(ids)


def test_callouts_and_quotes_do_not_split_across_pages(every_block: bytes) -> None:
    styles = open_docx(every_block).styles
    kept = {name: (styles[name].paragraph_format.keep_with_next,
                   styles[name].paragraph_format.keep_together)
            for name in ("Callout Insight", "Callout Lesson", "Callout Practice", "Callout Note",
                         "Quote", "Quote Source")}
    assert kept == {"Callout Insight": (True, True), "Callout Lesson": (True, True),
                    "Callout Practice": (True, True), "Callout Note": (True, True),
                    "Quote": (True, True), "Quote Source": (None, True)}
