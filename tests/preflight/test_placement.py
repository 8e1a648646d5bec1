"""Where things land: a footnote's text on its call's page, and a last page with more than the
colophon (issue 16, item 2)."""

from __future__ import annotations

from pathlib import Path

import briefbuilder

from ..writers.test_pdf_layout import FILL, call_at_page_end
from .conftest import MakeProject, run_preflight

BUILTIN_TEMPLATES = Path(briefbuilder.__file__).parent / "templates"
AUTO = ".footnote { footnote-policy: auto !important; }\n"
# the text ends on page 1 with room for 1 to 5 more sentences, but not for the colophon
ENDS_ON_PAGE_ONE = "title: T\ndate: 2024-09-01\nsections:\n  - body:\n" + "".join(
    f'      - "{FILL * 6}"\n' for _ in range(10)) + f'      - "{FILL * 3}"\n'


def besides_word_pages(findings: list[dict[str, str]]) -> list[dict[str, str]]:
    """The findings other than same.pages: these fixtures are made to break pages at a
    chosen line, which a Word draft (unhyphenated, other metrics) does not keep."""
    return [f for f in findings if f["check"] != "same.pages"]


def policy_auto(styles: Path) -> None:
    (styles / "ilab" / "print.css").write_text(AUTO, encoding="utf-8")


def test_a_note_printed_after_its_calls_page_fails_at_the_footnote(
        make_project: MakeProject) -> None:
    built = make_project({"notepage": {"b.en.yaml": call_at_page_end()}}, policy_auto)
    result = run_preflight(built["notepage"])
    assert result.code == 1
    [failure] = besides_word_pages(result.failures())
    assert (failure["check"], failure["message"]) == (
        "pdf.note-placement",
        "footnote 1 ('long') is called on page 1 but its text is printed on page 2")
    assert (failure["file"].endswith("notepage/b.en.yaml"), failure["line"],
            failure["column"], failure["field"]) == (True, 4, 3, "footnotes.long")
    assert failure["detail"] == "b.en.pdf, page 1"
    assert failure["fix"] == ("keep footnote-policy: line in the theme's print.css, or shorten "
                              "the note or the text before its call, then rebuild")


def test_the_themes_policy_keeps_note_and_call_together_and_the_colophon_alone_warns(
        make_project: MakeProject) -> None:
    built = make_project({"notepage": {"b.en.yaml": call_at_page_end()},
                          "colophon": {"b.en.yaml": ENDS_ON_PAGE_ONE}})
    notepage = run_preflight(built["notepage"])
    assert besides_word_pages(notepage.failures()) == []
    assert [(f["status"], f["message"]) for f in notepage.of("pdf.note-placement")] == [
        ("pass", "1 footnote(s), each on the page of its call")]
    assert [f["status"] for f in notepage.of("pdf.last-page")] == ["pass"]
    colophon = run_preflight(built["colophon"])
    assert besides_word_pages(colophon.failures()) == []  # a warning does not fail
    [warning] = colophon.failures("warn")
    assert (warning["check"], warning["message"], warning["field"], warning["line"]) == (
        "pdf.last-page", "the last page (2) holds only the colophon or disclaimer; the "
        "brief's text ends on page 1", "sections[0]", 4)
    assert warning["fix"] == ("shorten the brief by a few lines so it ends on page 1, or give "
                              "the last page more to say")


def without_main(styles: Path) -> None:
    """The theme overrides base.html with <main> turned into a <div>."""
    templates = styles / "ilab" / "templates"
    templates.mkdir(exist_ok=True)
    base = (BUILTIN_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert base.count("<main>") == 1
    (templates / "base.html").write_text(
        base.replace("<main>", "<div>").replace("</main>", "</div>"), encoding="utf-8")


def test_a_theme_without_main_warns_that_the_last_page_cannot_be_judged(
        make_project: MakeProject) -> None:
    built = make_project({"nomain": {"b.en.yaml": ENDS_ON_PAGE_ONE}}, without_main)
    result = run_preflight(built["nomain"])
    [warning] = result.of("pdf.last-page")
    assert (warning["status"], warning["message"], warning["detail"]) == (
        "warn", "cannot tell on which page the brief's text ends: the PDF has no Part element "
        "(the theme's templates have no <main>)", "b.en.pdf")
    assert warning["file"].endswith("styles/ilab/templates")
    assert warning["fix"] == ("keep the <main> element of base.html around the brief's "
                              "sections in the theme's templates")
