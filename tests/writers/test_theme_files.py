"""Every theme file a writer reads is checked where it is read: a link out of the theme folder
is a ThemeError naming the file (the build refuses such a theme earlier, at its lookup); and a
theme's print.css overrides the base stylesheet with ordinary rules."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbuilder.brand import Theme
from briefbuilder.errors import ThemeError
from briefbuilder.model.series import Edition
from briefbuilder.preflight.pdf_reader import read_pages
from briefbuilder.themes import load_theme
from briefbuilder.writers.docx import write_docx
from briefbuilder.writers.html import write_html
from briefbuilder.writers.pdf import write_pdf

from ..conftest import MakeSeries
from .weasy_helpers import load_edition, theme_of

HEADED = "title: T\ndate: 2024-09-01\nsections:\n  - heading: Findings\n    body: [Text.]\n"
Writer = Callable[[Edition, Theme], bytes]


@pytest.fixture
def edition(make_series: MakeSeries) -> Edition:
    return load_edition(make_series({"b.en.yaml": HEADED}))


def linked(theme: Path, name: str, tmp_path: Path) -> tuple[Path, Path]:
    """Make theme/name a link to a file outside the theme; return (link, target)."""
    target = tmp_path / "secret.txt"
    target.write_text("the host's secret\n", encoding="utf-8")
    link = theme / name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)
    link.symlink_to(target)
    return link, target


def refusal(link: Path, target: Path) -> str:
    return (f"{link}: the file links to {target}, outside the theme folder "
            "(copy the file into the theme folder instead of linking to it)")


@pytest.mark.parametrize(("name", "brand_line", "writer"), [
    ("templates/colophon.html", "", write_html),
    ("templates/blocks/paragraph.html", "", write_pdf),
    ("print.css", "", write_pdf),
    ("logo.png", "logo: logo.png\n", write_docx),
    ("reference.docx", "docx_reference: reference.docx\n", write_docx),
])
def test_a_writer_refuses_a_theme_file_linking_outside(
    edition: Edition, tmp_path: Path, name: str, brand_line: str, writer: Writer,
) -> None:
    folder = theme_of(edition).folder
    with (folder / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write(brand_line)
    link, target = linked(folder, name, tmp_path)
    with pytest.raises(ThemeError) as caught:
        writer(edition, load_theme(folder))
    assert str(caught.value) == refusal(link, target)


@pytest.mark.parametrize("name", ["brand.yaml", "labels/en.yaml"])
def test_loading_a_theme_refuses_a_catalog_linking_outside(
    edition: Edition, tmp_path: Path, name: str,
) -> None:
    folder = theme_of(edition).folder
    link, target = linked(folder, name, tmp_path)
    with pytest.raises(ThemeError) as caught:
        load_theme(folder)
    assert str(caught.value) == refusal(link, target)


def heading_colors(data: bytes) -> set[str]:
    """The fill colors the heading 'Findings' is drawn in."""
    runs = read_pages(io.BytesIO(data))[0].runs
    return {run.color for run in runs if run.text.strip().lower() == "findings"}


def test_an_ordinary_theme_css_rule_overrides_the_base_stylesheet(edition: Edition) -> None:
    theme = theme_of(edition)
    assert heading_colors(write_pdf(edition, theme)) == {"#14305C"}  # the brand's primary
    (theme.folder / "print.css").write_text("h2 { color: #FF0000 }\n", encoding="utf-8")
    assert heading_colors(write_pdf(edition, theme)) == {"#FF0000"}
