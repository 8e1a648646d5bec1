"""Built outputs edited after the build, each breaking one rule: preflight finds the break
in the output and names the brief field it came from."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pikepdf
import pytest

from .conftest import CHART, GOOD, Built, MakeProject, Result, run_preflight


@pytest.fixture(scope="module")
def good(make_project: MakeProject) -> Built:
    return make_project({"s": {"b.en.yaml": GOOD, "chart.png": CHART}})["s"]


def rewrite_part(docx: Path, part: str, old: str, new: str) -> None:
    """Replace text inside one part of a .docx, keeping every other part as it was."""
    with zipfile.ZipFile(docx) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            if info.filename == part:
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            target.writestr(info, data)


def first_element(document: pikepdf.Pdf, role: str) -> pikepdf.Dictionary:
    """The first structure element tagged role, in document order."""
    todo = [document.Root.StructTreeRoot]
    while todo:
        node = todo.pop(0)
        if node.get("/S") == pikepdf.Name(role):
            return node
        kid = node.get("/K")
        kids = list(kid) if isinstance(kid, pikepdf.Array) else [kid]
        todo += [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]
    raise AssertionError(f"no {role} element")


def retag(pdf: Path, old: str, new: str) -> None:
    """Change the role of the first structure element tagged old."""
    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        first_element(document, old).S = pikepdf.Name(new)
        document.save(pdf)


def marked_content(node: pikepdf.Dictionary) -> list[int]:
    """The marked-content ids an element holds, itself or through its kids."""
    kid = node.get("/K")
    found = []
    for item in list(kid) if isinstance(kid, pikepdf.Array) else [kid]:
        if isinstance(item, int):
            found.append(int(item))
        elif isinstance(item, pikepdf.Dictionary):
            found += [int(item.MCID)] if "/MCID" in item else marked_content(item)
    return found


def only_failures(result_findings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(f["check"], f["message"], f["field"], f["line"]) for f in result_findings]


def test_a_skipped_heading_level_fails(good: Built, tmp_path: Path) -> None:
    built = good.copy(tmp_path / "out")
    retag(built.output("b.en.pdf"), "/H2", "/H4")
    result = run_preflight(built)
    assert result.code == 1
    [skip] = result.failures()  # one defect, one failure
    assert skip["check"] == "pdf.headings"
    assert skip["message"].casefold() == (
        "heading 'findings' is h4 right after h1 (skips h2, h3)")
    assert (skip["field"], skip["line"], skip["detail"]) == ("sections[1].heading", 8, "page 1")
    assert [f["message"] for f in result.failures("warn") if f["check"] == "output.built"] == [
        "b.en.pdf is not the file briefbuilder built (changed since, or not in the manifest)"]


def test_a_footnote_changed_in_the_word_draft_fails(good: Built, tmp_path: Path) -> None:
    built = good.copy(tmp_path / "out")
    rewrite_part(built.output("b.en.docx"), "word/footnotes.xml", "Source notes", "Other notes")
    result = run_preflight(built)
    assert result.code == 1
    assert only_failures(result.failures()) == [(
        "word.content", "the Word draft says 'Other notes, see [the data](https://example.org/"
        "data).' where the brief says 'Source notes, see [the data](https://example.org/data).'",
        "footnotes.src", 4)]
    [finding] = result.failures()
    assert finding["detail"] == "b.en.docx"
    assert finding["fix"] == (
        "rebuild it with 'briefbuilder build --force'; to keep the draft's edits, bring them "
        f"into the brief first: briefbuilder review {built.output('b.en.docx')} "
        f"{built.series / 'b.en.yaml'}")


def test_a_link_changed_in_the_word_draft_fails_at_its_field(good: Built, tmp_path: Path) -> None:
    built = good.copy(tmp_path / "out")
    rewrite_part(built.output("b.en.docx"), "word/_rels/document.xml.rels",
                 "https://example.org/report", "https://example.org/other")
    result = run_preflight(built)
    assert result.code == 1
    assert only_failures(result.failures()) == [(
        "word.content", "the Word draft says '…https://example.org/other).' where the brief "
        "says '…https://example.org/report).'", "sections[1].body[0]", 10)]


def test_a_draft_without_its_snapshot_fails_word_content(good: Built, tmp_path: Path) -> None:
    built = good.copy(tmp_path / "out")
    rewrite_part(built.output("b.en.docx"), "customXml/item1.xml", "briefbuilder", "elsewhere")
    [finding] = run_preflight(built).failures()
    assert (finding["check"], finding["message"], finding["detail"]) == (
        "word.content", "cannot review this draft: it was not made by briefbuilder (it carries "
        "no briefbuilder snapshot)", "b.en.docx")


def test_a_picture_without_alt_text_in_the_word_draft_fails(good: Built, tmp_path: Path) -> None:
    built = good.copy(tmp_path / "out")
    rewrite_part(built.output("b.en.docx"), "word/document.xml",
                 'descr="Bar chart of workers reached per year, rising from 2019 to 2023."',
                 'descr=""')
    result = run_preflight(built)
    assert result.code == 1
    assert only_failures(result.failures()) == [
        ("word.alt-text", "picture 1 (chart.png) has no alt text",
         "sections[1].body[1].figure.alt", 13),
    ]


def test_a_picture_with_other_alt_text_in_the_word_draft_fails(
        good: Built, tmp_path: Path) -> None:
    built = good.copy(tmp_path / "out")
    rewrite_part(built.output("b.en.docx"), "word/document.xml",
                 'descr="Bar chart of workers reached per year, rising from 2019 to 2023."',
                 'descr="A chart."')
    assert only_failures(run_preflight(built).failures()) == [
        ("word.alt-text", "picture 1 (chart.png) has the alt text 'A chart.', not the brief's "
         "'Bar chart of workers reached per year, rising from 2019 to …'",
         "sections[1].body[1].figure.alt", 13),
    ]


def preflight_without(good: Built, folder: Path, role: str, key: str) -> Result:
    """Preflight after deleting key from the PDF's first role element (the catalog for no
    role); it fails."""
    built = good.copy(folder / "out")
    with pikepdf.open(built.output("b.en.pdf"), allow_overwriting_input=True) as document:
        del (first_element(document, role) if role else document.Root)[key]
        document.save(built.output("b.en.pdf"))
    result = run_preflight(built)
    assert result.code == 1
    return result


def test_a_figure_without_alt_in_the_pdf_fails_pdfua_at_the_alt_field(
        good: Built, tmp_path: Path) -> None:
    [alt] = preflight_without(good, tmp_path, "/Figure", "/Alt").failures()
    assert (alt["check"], alt["field"], alt["line"], alt["column"], alt["detail"]) == (
        "pdfua", "sections[1].body[1].figure.alt", 13, 11,
        "b.en.pdf, page 1 /Figure /StructTreeRoot")
    assert alt["message"] == ("UA-13-004: Figure has neither /Alt nor /ActualText, so it is "
                              "invisible to a screen reader (WCAG 1.1.1).")


def test_a_pdf_without_a_language_fails_pdfua_at_the_lang_field(
        good: Built, tmp_path: Path) -> None:
    assert only_failures(preflight_without(good, tmp_path, "", "/Lang").failures()) == [
        ("pdfua", "UA-06-001: Catalog has no /Lang entry, so assistive technology cannot "
         "determine the document's natural language (WCAG 3.1.1).", "lang", 1)]


def test_marked_content_no_element_owns_fails_pdf_artifacts(good: Built, tmp_path: Path) -> None:
    """Content of a paragraph cut out of the structure tree is orphaned: pdfua's
    UA-01-003 sees it marked, so only preflight's pdf.artifacts finds it."""
    built = good.copy(tmp_path / "out")
    pdf = built.output("b.en.pdf")
    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        paragraph = first_element(document, "/P")
        mcids = marked_content(paragraph)
        assert mcids
        paragraph.K = pikepdf.Array()
        document.save(pdf)
    result = run_preflight(built)
    assert [f["message"] for f in result.failures() if f["check"] == "pdf.artifacts"] == [
        f"{len(mcids)} tagged content item(s) on page(s) 1 belong to no structure element "
        "(neither content a reader reaches nor artifact)"]
    assert not [f for f in result.findings if f["message"].startswith("UA-01-003")]
