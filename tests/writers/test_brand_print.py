"""The brand reaches both formats: the logo prints, tables keep to the theme's width, and
every brand field one writer honours, the other honours too."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from PIL import Image
from pydantic import BaseModel

from briefbuilder.brand import Brand, Theme
from briefbuilder.errors import ContentError
from briefbuilder.model.series import Edition
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.themes import BUILTIN_THEMES
from briefbuilder.writers.bundle import unpack
from briefbuilder.writers.docx import write_docx
from briefbuilder.writers.html import write_html
from briefbuilder.writers.pdf import write_pdf
from briefbuilder.writers.web import write_series_index, write_web

from ..conftest import MakeSeries
from .weasy_helpers import load_edition, theme_of

TABLE = ("      - table:\n          header: [{header}]\n          rows:\n"
         "            - [{row}]\n")


def brief(body: str = "") -> str:
    return f"title: T\ndate: 2024-09-01\nsections:\n  - body:\n      - Text.\n{body}"


def table(columns: int) -> str:
    return TABLE.format(header=", ".join(f"H{n}" for n in range(columns)),
                        row=", ".join(str(n) for n in range(columns)))


def logo_png(width: int = 300, height: int = 120) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#B5892E").save(out, "PNG")
    return out.getvalue()


def with_logo(tmp_path: Path, lines: str) -> None:
    """Give the copy of the ilab theme in tmp_path a logo and these brand.yaml lines."""
    theme = tmp_path / "styles" / "ilab"
    (theme / "logo.png").write_bytes(logo_png())
    with (theme / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write(lines)


def logo_brief(make_series: MakeSeries, tmp_path: Path, lines: str) -> tuple[Edition, Theme]:
    """A one-paragraph brief whose theme has a logo and these brand.yaml lines."""
    folder = make_series({"b.en.yaml": brief()})
    with_logo(tmp_path, lines)
    edition = load_edition(folder)
    return edition, theme_of(edition)


def pdf_of(data: bytes, tmp_path: Path) -> Any:
    (tmp_path / "b.pdf").write_bytes(data)
    return read_pdf(tmp_path / "b.pdf")


def word_logo_alt(data: bytes) -> list[str]:
    header = docx.Document(io.BytesIO(data)).sections[0].first_page_header
    return [frame.get("descr") for frame in header._element.xpath(".//wp:docPr")]


def test_the_logo_prints_in_the_masthead_as_a_figure_with_its_alt_text(
        make_series: MakeSeries, tmp_path: Path) -> None:
    edition, theme = logo_brief(make_series, tmp_path,
                                "logo: logo.png\nlogo_alt: Seal of the Department\n")
    pdf = pdf_of(write_pdf(edition, theme), tmp_path)
    [figure] = pdf.elements("Figure")
    assert (figure.alt, figure.page) == ("Seal of the Department", 1)
    [image] = pdf.pages[0].images
    assert image.pixels == (300, 120)
    assert image.points == pytest.approx((0.45 * 72 * 300 / 120, 0.45 * 72))  # 0.45 in high
    assert image.mark.mcid is not None and not image.mark.artifact
    h1 = pdf.elements("H1")[0]
    assert pdf.root is not None
    order = [e.role for e in pdf.root.walk() if e.role in ("Figure", "H1")]
    assert order[:2] == ["Figure", "H1"] and h1.text.casefold() == "t"
    logo = (tmp_path / "styles" / "ilab" / "logo.png").resolve().as_uri()
    assert (f'<img class="logo" src="{logo}" alt="Seal of the Department">'
            in write_html(edition, theme).decode())
    assert word_logo_alt(write_docx(edition, theme)) == ["Seal of the Department"]


def test_a_logo_without_alt_text_is_read_as_the_brands_name_in_both(
        make_series: MakeSeries, tmp_path: Path) -> None:
    """A logo names its organization: without logo_alt both formats say the brand's name."""
    edition, theme = logo_brief(make_series, tmp_path, "logo: logo.png\n")
    assert [f.alt for f in pdf_of(write_pdf(edition, theme), tmp_path).elements("Figure")] == [
        "ILAB"]
    assert word_logo_alt(write_docx(edition, theme)) == ["ILAB"]


def test_the_web_page_and_the_series_index_show_the_logo_beside_them(
        make_series: MakeSeries, tmp_path: Path) -> None:
    edition, theme = logo_brief(make_series, tmp_path,
                                "logo: logo.png\nlogo_alt: Seal of the Department\n")
    for bundle in (write_web(edition, theme), write_series_index([edition], ("web",), theme)):
        files = unpack(bundle)
        assert files["_logo/logo.png"] == logo_png()
        assert ('<img class="logo" src="_logo/logo.png" alt="Seal of the Department">'
                in files["index.html"].decode())


def test_no_logo_no_image(make_series: MakeSeries, tmp_path: Path) -> None:
    edition = load_edition(make_series({"b.en.yaml": brief()}))
    pdf = pdf_of(write_pdf(edition, theme_of(edition)), tmp_path)
    assert (pdf.elements("Figure"), pdf.pages[0].images) == ([], [])


def test_a_table_wider_than_the_theme_allows_is_a_located_error_in_both_formats(
        make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": brief(table(40))})
    edition = load_edition(folder)
    message = (f"{folder / 'b.en.yaml'}:6:9: sections[0].body[1].table: the table has 40 "
               "columns; the theme allows at most 8 on the page (split it into narrower "
               "tables, or turn rows into a list; a theme can raise tables.max_columns in its "
               "brand.yaml)")
    for writer in (write_pdf, write_docx, write_html):
        with pytest.raises(ContentError) as caught:
            writer(edition, theme_of(edition))
        assert str(caught.value) == message
    (folder / "b.en.yaml").unlink()  # gone since it was loaded: placed where it was read
    with pytest.raises(ContentError) as caught:
        write_pdf(edition, theme_of(edition))
    assert str(caught.value) == message


def test_a_theme_may_allow_wider_tables(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": brief(table(10))})
    with (tmp_path / "styles" / "ilab" / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write("tables: {max_columns: 10}\n")
    edition = load_edition(folder)
    pdf = pdf_of(write_pdf(edition, theme_of(edition)), tmp_path)
    assert [len(row.children) for row in pdf.elements("TR")] == [10, 10]
    assert len(docx.Document(io.BytesIO(write_docx(edition, theme_of(edition)))).tables[0]
               .columns) == 10


def test_a_build_reports_the_wide_table_and_still_builds_the_other_brief(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"wide.en.yaml": brief(table(12)), "b.en.yaml": brief(table(8))},
                         series="id: s\ntitle: S\nbriefs: [wide, b]\n")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "briefbuilder", "build", str(folder),
                             "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    shown = result.stdout + result.stderr
    assert (f"{folder / 'wide.en.yaml'}:6:9: sections[0].body[1].table: the table has 12 "
            "columns; the theme allows at most 8 on the page") in shown
    assert "Traceback" not in shown
    assert sorted(p.name for p in (out / "s").iterdir()) == ["b.en.docx", "b.en.pdf"]


# --- every brand field reaches both formats ----------------------------------------------

# Fields only one format uses, on purpose, and why.
ONE_FORMAT_ONLY = {
    "docx_reference": "a reference .docx seeds the Word draft's styles; a theme's print.css "
                      "is the PDF's equivalent",
    "fonts.fallback": "a .docx names its fonts and Word or LibreOffice substitutes a font for "
                      "a character they lack; the PDF embeds what it sets, so only it needs "
                      "fallbacks",
    "fonts.embed_in_word": "the PDF always embeds its fonts; a Word draft may leave them out",
}
# A different valid value for each field (colors, fonts and lengths the brand does not use).
VARIANTS: dict[str, Any] = {
    "name": "Other Brand",
    "fonts.heading": "Public Sans",
    "fonts.body": "Merriweather",
    "organization": ["Another Office"],
    "page.size": "a4",
    "tables.max_columns": 2,
    "logo": "other.png",
    "logo_alt": "Seal",
    "chart.palette": ["#7A1F5C", "#14305C"],
}


def leaf_fields(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field of a model, nested models' fields by dotted name."""
    for name, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            yield from leaf_fields(kind, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}"


def variant(field: str) -> Any:
    if field in VARIANTS:
        return VARIANTS[field]
    if field.startswith("colors."):
        return "#7A1F5C"
    if field.startswith("page.margins."):
        return "1.3in"
    raise AssertionError(f"no variant value for brand field {field!r}: add one to VARIANTS")


def changed(theme: Theme, field: str) -> Theme:
    data = theme.brand.model_dump()
    *parents, last = field.split(".")
    target = data
    for name in parents:
        target = target[name]
    assert target[last] != variant(field), field
    target[last] = variant(field)
    return theme.model_copy(update={"brand": Brand.model_validate(data)})


def outputs(edition: Edition, theme: Theme) -> tuple[bytes | str, bytes | str]:
    """The PDF and the .docx, or the error each writer gives."""
    found: list[bytes | str] = []
    for writer in (write_pdf, write_docx):
        try:
            found.append(writer(edition, theme))
        except ContentError as exc:
            found.append(str(exc))
    return found[0], found[1]


@pytest.fixture(scope="module")
def parity(tmp_path_factory: pytest.TempPathFactory) -> tuple[Edition, Theme]:
    """A brief with a table (two rows: one tinted), a second page (its top margin shows),
    a link and a chart, and a theme with a logo (no logo_alt): every brand field has
    something to change."""
    root = tmp_path_factory.mktemp("parity")
    shutil.copytree(BUILTIN_THEMES, root / "styles")
    with_logo(root, "logo: logo.png\n")
    (root / "styles" / "ilab" / "other.png").write_bytes(logo_png(120, 120))
    folder = root / "content" / "s"
    folder.mkdir(parents=True)
    (folder / "series.yaml").write_text("id: s\ntitle: S\nbriefs: [b]\n", encoding="utf-8")
    body = (table(3) + "            - [a, b, c]\n      - page-break: true\n"
            "      - See [the data](https://example.org/data).\n"
            "      - chart: {title: Votes, alt: Votes rose., data: {categories: [Q1, Q2], "
            "series: [{name: Held, values: [1, 2]}]}}\n")
    (folder / "b.en.yaml").write_text(brief(body), encoding="utf-8")
    edition = load_edition(folder)
    return edition, theme_of(edition)


def test_the_field_list_is_complete() -> None:
    fields = set(leaf_fields(Brand))
    assert set(ONE_FORMAT_ONLY) <= fields
    assert set(VARIANTS) <= fields
    for field in fields - set(ONE_FORMAT_ONLY):
        variant(field)


@pytest.mark.parametrize("field", sorted(set(leaf_fields(Brand)) - set(ONE_FORMAT_ONLY)))
def test_every_brand_field_changes_both_the_pdf_and_the_word_draft(
        parity: tuple[Edition, Theme], field: str) -> None:
    edition, theme = parity
    pdf, word = outputs(edition, theme)
    new_pdf, new_word = outputs(edition, changed(theme, field))
    assert new_pdf != pdf, f"the PDF ignores brand field {field}"
    assert new_word != word, f"the Word draft ignores brand field {field}"
