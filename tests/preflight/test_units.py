"""The small pieces: contrast math, frames, language tags, text keys, known failures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefbuilder import yamlfile
from briefbuilder.errors import Status
from briefbuilder.loader import load_project
from briefbuilder.preflight.contrast import advice, is_large, ratio
from briefbuilder.preflight.docx_checks import same_language
from briefbuilder.preflight.findings import Place, failed, passed
from briefbuilder.preflight.known import KNOWN_FAILURES, settle
from briefbuilder.preflight.pdf_content import Fill
from briefbuilder.preflight.subject import Subject
from briefbuilder.preflight.text import same_text, shorten
from briefbuilder.themes import find_theme, load_theme

from ..conftest import MakeSeries


@pytest.mark.parametrize(("fg", "bg", "expected"), [
    ("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#FFFFFF", 1.0), ("#767676", "#FFFFFF", 4.54),
    ("#14305C", "#FFFFFF", 13.07), ("#B5892E", "#E9EEF6", 2.74)])
def test_contrast_ratio_matches_wcag(fg: str, bg: str, expected: float) -> None:
    assert round(ratio(fg, bg), 2) == expected
    assert round(ratio(bg, fg), 2) == expected


def test_advice_names_the_nearest_passing_color() -> None:
    assert advice("colors.muted", "#AAAAAA", "#FFFFFF", 4.5) == (
        "change colors.muted to #767676 or darker")
    lighter = advice("colors.on_primary", "#5A6A8A", "#14305C", 4.5)
    assert lighter.endswith(" or lighter")
    assert ratio(lighter.split()[3], "#14305C") >= 4.5


def test_large_text_is_18_pt_or_14_pt_bold() -> None:
    assert is_large(18, False) and is_large(14, True)
    assert not is_large(17.5, False) and not is_large(13.5, True)


def test_an_even_odd_frame_paints_only_its_ring() -> None:
    rects = ((0.0, 0.0, 100.0, 100.0), (10.0, 10.0, 90.0, 90.0))
    frame = Fill(rects, "#B5892E", even_odd=True, path=1)
    assert frame.covers(5, 50) and not frame.covers(50, 50) and not frame.covers(150, 50)
    assert Fill(rects, "#E9EEF6", even_odd=False, path=2).covers(50, 50)


@pytest.mark.parametrize(("found", "wanted", "same"), [
    ("en", "en", True), ("en-US", "en", True), ("EN-us", "en-US", True), ("es-MX", "es", True),
    ("es", "en", False), ("en", "en-US", False), ("en-GB", "en-US", False)])
def test_languages_match_by_subtags(found: str, wanted: str, same: bool) -> None:
    assert same_language(found, wanted) is same


def test_text_compares_letters_and_digits_only() -> None:
    assert same_text("INVESTING IN MEXICO\u2019S AUTO", "Investing in Mexico's auto")
    assert same_text("multi-\nfaceted", "multifaceted")
    assert not same_text("Source notes", "Other notes")
    assert shorten("a " * 40, 10) == "a a a a a…"


def test_known_failures_are_marked_and_others_left_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(KNOWN_FAILURES, "pdf.notes", "WeasyPrint tags notes as Span")
    where = Place(Path("b.en.yaml"))
    notes = failed("pdf.notes", "no Note tags", where, "retag")
    other = failed("pdf.lang", "no /Lang", where, "rebuild")
    passing = passed("pdf.notes", "ok", where)
    settled = settle([notes, other, passing])
    assert [f.status for f in settled] == [Status.KNOWN, Status.FAIL, Status.PASS]
    assert settled[0].hint.startswith("known failure: WeasyPrint tags notes as Span. ")
    assert settled[0].hint.endswith("retag")


def test_places_read_as_file_line_field() -> None:
    assert str(Place(Path("/elsewhere/b.en.yaml"), "sections[1].heading", 8, "page 1")) == (
        "/elsewhere/b.en.yaml:8 sections[1].heading (page 1)")
    assert str(Place(Path("b.en.yaml"))) == "b.en.yaml"


def test_places_in_series_and_brand_files_come_from_the_loader(
        make_series: MakeSeries, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_series(series="id: s\ntitle: S\nmax_pages: 4\nbriefs: [b]\n")
    [edition] = load_project(folder).editions()
    theme = load_theme(find_theme(edition.series.theme, folder))
    subject = Subject(edition, theme, folder / "b.en.pdf", folder / "b.en.docx")

    def refuse(path: Path) -> None:
        raise AssertionError(f"{path} read again")

    real = yamlfile.read_yaml
    for module in list(sys.modules.values()):
        if getattr(module, "read_yaml", None) is real:
            monkeypatch.setattr(module, "read_yaml", refuse)
    assert subject.series.place(("max_pages",), "b.en.pdf") == Place(
        folder / "series.yaml", "max_pages", 3, "b.en.pdf", 1)
    brand = subject.brand.place(("colors", "muted"))
    assert (brand.file.name, brand.field, brand.line, brand.column) == (
        "brand.yaml", "colors.muted", 7, 3)
