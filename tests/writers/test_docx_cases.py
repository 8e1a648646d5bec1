"""Drafts of small briefs, one behaviour each: notes cited twice, anchors, URLs, themes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from briefbuilder.errors import RenderError, ThemeError
from briefbuilder.writers.docx import write_docx

from ..conftest import MakeSeries
from .docx_helpers import NS, W, build, editions, open_docx, pandoc, part, theme_of

R = f"{{{NS['r']}}}"


def _brief(body: str, extra: str = "") -> str:
    return f"title: T\ndate: 2024-09-01\n{extra}sections:\n{body}"


def test_a_bare_brief_builds_without_notes_part(make_series: MakeSeries,
                                                tmp_path: Path) -> None:
    data = build(editions(make_series())[0])
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "word/footnotes.xml" not in names
    assert part(data, "word/settings.xml").find(f"{W}footnotePr") is None
    assert "Text." in pandoc(data, tmp_path)
    props = open_docx(data).core_properties
    assert (props.title, props.subject, props.author) == ("T", "", "")


def test_a_note_cited_twice_is_one_note_and_a_noteref(make_series: MakeSeries,
                                                      tmp_path: Path) -> None:
    body = "  - body:\n      - 'First.[^n] Second.[^n]'\n"
    folder = make_series({"b.en.yaml": _brief(body, "footnotes: {n: The note.}\n")})
    data = build(editions(folder)[0])
    document = part(data, "word/document.xml")
    assert len(document.findall(f".//{W}footnoteReference")) == 1
    start = document.xpath(".//w:bookmarkStart[starts-with(@w:name, '_RefNote')]", namespaces=NS)[0]
    assert start.getnext().find(f"{W}footnoteReference") is not None
    codes = [c.strip() for c in document.xpath(".//w:instrText/text()", namespaces=NS)]
    assert codes == [f"NOTEREF {start.get(f'{W}name')} \\f \\h"]
    markdown = pandoc(data, tmp_path)
    assert "First.[^1] Second.^1^" in markdown  # the NOTEREF result, superscript by style
    assert markdown.count("[^1]:") == 1


def test_a_note_cited_in_a_note_shows_its_number(make_series: MakeSeries) -> None:
    body = "  - body:\n      - 'A.[^a] B.[^b]'\n"
    notes = "footnotes:\n  a: 'See note[^b].'\n  b: The other note.\n"
    data = build(editions(make_series({"b.en.yaml": _brief(body, notes)}))[0])
    notes_xml = part(data, "word/footnotes.xml")
    first = notes_xml.find(f"{W}footnote[@{W}id='1']")
    assert "".join(first.xpath(".//w:t/text()", namespaces=NS)) == " See note2."
    assert notes_xml.find(f".//{W}footnoteReference") is None  # Word has no notes in notes
    # the number is a NOTEREF to note 2's mark, so a review reads the citation back
    codes = [c.strip() for c in first.xpath(".//w:instrText/text()", namespaces=NS)]
    assert codes == ["NOTEREF _RefNote2 \\f \\h"]
    document = part(data, "word/document.xml")
    [start] = document.xpath(".//w:bookmarkStart[@w:name='_RefNote2']", namespaces=NS)
    assert start.getnext().find(f"{W}footnoteReference").get(f"{W}id") == "2"


def test_anchor_links_reach_heading_bookmarks(make_series: MakeSeries) -> None:
    body = ("  - body: ['See [the questions](#learning-questions) and [nothing](#nowhere).']\n"
            "  - heading: Learning questions\n    body: [Q.]\n")
    data = build(editions(make_series({"b.en.yaml": _brief(body)}))[0])
    document = part(data, "word/document.xml")
    (link,) = document.findall(f".//{W}hyperlink")
    assert link.get(f"{W}anchor") == "learning_questions"
    assert "".join(link.itertext()) == "the questions"
    heading = document.find(f".//{W}bookmarkStart[@{W}name='learning_questions']/..")
    assert heading.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
    assert "nothing" in "".join(document.itertext())  # kept, as plain text


def test_urls_are_encoded_and_related_once(make_series: MakeSeries) -> None:
    url = "https://example.org/a b/ñ?q=1&r=2"
    body = f"  - body: ['[one](<{url}>) [two](<{url}>) [three](https://example.org/)']\n"
    data = build(editions(make_series({"b.en.yaml": _brief(body)}))[0])
    rels = part(data, "word/_rels/document.xml.rels")
    links = [r for r in rels if r.get("Type").endswith("/hyperlink")]
    assert sorted(r.get("Target") for r in links) == [
        "https://example.org/", "https://example.org/a%20b/%C3%B1?q=1&r=2"]
    ids = [h.get(f"{R}id") for h in part(data, "word/document.xml").iter(f"{W}hyperlink")]
    assert ids[0] == ids[1] != ids[2]


def test_long_metadata_is_kept_whole(make_series: MakeSeries) -> None:
    words = " ".join(["keyword"] * 60)
    brief = _brief("  - body: [Text.]\n", f"keywords: ['{words}']\nsummary: '{words}'\n")
    props = open_docx(build(editions(make_series({"b.en.yaml": brief}))[0])).core_properties
    assert props.keywords == props.subject == words


def test_plain_theme_uses_its_own_fonts(make_series: MakeSeries) -> None:
    series = "id: s\ntitle: S\ntheme: plain\nbriefs: [b]\n"
    styles = open_docx(build(editions(make_series(series=series))[0])).styles
    assert styles["Heading 1"].font.name == "Public Sans"


def test_a_reference_docx_seeds_the_styles(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    theme_dir = tmp_path / "styles" / "ilab"
    reference = docx.Document()
    reference.add_paragraph("Left over from the reference")
    reference.styles["Heading 1"].font.name = "Georgia"
    reference.save(str(theme_dir / "reference.docx"))
    with (theme_dir / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write("docx_reference: reference.docx\n")
    data = build(editions(folder)[0])
    document = open_docx(data)
    assert document.styles["Heading 1"].font.name == "Georgia"  # the reference's
    assert "Callout Insight" in [s.name for s in document.styles]  # added, it had none
    texts = [p.text for p in document.paragraphs]
    assert "Text." in texts and not any("Left over" in text for text in texts)


def test_a_missing_reference_is_a_theme_error(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    with (tmp_path / "styles" / "ilab" / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write("docx_reference: missing.docx\n")
    with pytest.raises(ThemeError, match=r"reference document 'missing\.docx' not found"):
        build(editions(folder)[0])


def test_an_image_gone_before_writing_is_a_render_error(make_series: MakeSeries) -> None:
    body = "  - body:\n      - figure: {image: chart.png, alt: A chart.}\n"
    chart = (Path(__file__).parents[1] / "projects" / "every-block" / "chart.png").read_bytes()
    folder = make_series({"b.en.yaml": _brief(body), "chart.png": chart})
    edition = editions(folder)[0]
    (folder / "chart.png").unlink()
    with pytest.raises(RenderError, match=r"cannot place image 'chart\.png'"):
        write_docx(edition, theme_of(edition))


def test_a_bad_source_date_epoch_is_a_render_error(make_series: MakeSeries,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(RenderError, match="SOURCE_DATE_EPOCH"):
        build(editions(make_series())[0])


def test_spanish_footer_is_localized(make_series: MakeSeries) -> None:
    series = "id: s\ntitle: S\nbriefs: [b]\n"
    folder = make_series({"b.es.yaml": "lang: es\n" + _brief("  - body: [Texto.]\n")},
                         series=series)
    footer = open_docx(build(editions(folder)[0])).sections[0].footer.paragraphs[0]
    assert footer.text.startswith("Serie de notas de aprendizaje de la ILAB\t")
    assert "Página " in footer.text and " de " in footer.text.split("\t")[1]


def test_a_brand_logo_heads_the_masthead(make_series: MakeSeries, tmp_path: Path) -> None:
    chart = Path(__file__).parents[1] / "projects" / "every-block" / "chart.png"
    body = "  - body:\n      - figure: {image: chart.png, alt: A chart.}\n"
    folder = make_series({"b.en.yaml": _brief(body), "chart.png": chart.read_bytes()})
    theme_dir = tmp_path / "styles" / "ilab"
    (theme_dir / "logo.png").write_bytes(chart.read_bytes())
    with (theme_dir / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write("logo: logo.png\nlogo_alt: Seal of the Department\n")
    data = build(editions(folder)[0])
    header = open_docx(data).sections[0].first_page_header
    (frame,) = header._element.xpath(".//wp:docPr")
    assert frame.get("descr") == "Seal of the Department"
    lines = header.paragraphs[0].text.split("\n")
    assert lines[0] == ""  # the logo's line
    assert lines[1].startswith("U.S. Department of Labor\t")
    (figure,) = part(data, "word/document.xml").findall(f".//{{{NS['wp']}}}docPr")
    assert figure.get("id") != frame.get("id")


def test_an_image_symlinked_out_of_the_series_folder_is_refused(
    make_series: MakeSeries, tmp_path: Path,
) -> None:
    chart = (Path(__file__).parents[1] / "projects" / "every-block" / "chart.png").read_bytes()
    (tmp_path / "outside.png").write_bytes(chart)
    body = "  - body:\n      - figure: {image: linked.png, alt: A chart.}\n"
    folder = make_series({"b.en.yaml": _brief(body), "linked.png": chart})
    edition = editions(folder)[0]
    (folder / "linked.png").unlink()
    (folder / "linked.png").symlink_to(tmp_path / "outside.png")
    with pytest.raises(RenderError, match=r"cannot place image 'linked\.png'"):
        write_docx(edition, theme_of(edition))


@pytest.mark.parametrize("field", ["logo", "docx_reference"])
def test_a_theme_file_outside_the_theme_folder_is_refused(
    make_series: MakeSeries, tmp_path: Path, field: str,
) -> None:
    folder = make_series()
    docx.Document().save(str(tmp_path / "outside.docx"))
    (tmp_path / "outside.png").write_bytes(
        (Path(__file__).parents[1] / "projects" / "every-block" / "chart.png").read_bytes())
    name = "outside.docx" if field == "docx_reference" else "outside.png"
    with (tmp_path / "styles" / "ilab" / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write(f"{field}: ../../{name}\n")
    with pytest.raises(ThemeError, match=f"'../../{name}' not found in the theme folder"):
        build(editions(folder)[0])
