"""Characters the brand fonts cannot show are warned about, once per field; a theme's
fallback fonts cover them, in the check and in the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from briefbuilder.brand_fonts import _cmap, characters
from briefbuilder.errors import Severity
from briefbuilder.loader import load_project
from briefbuilder.writers.pdf import write_pdf

from .conftest import MakeSeries
from .test_cli import cli
from .test_loader import HEAD
from .writers.weasy_helpers import load_edition, theme_of

HINT = "(add an installed font family that has them under fonts: fallback: in {brand})"
BRIEF = ("title: 中文 Report\ndate: 2024-09-01\nsections:\n  - heading: Сила\n    body:\n"
         "      - Сила and 中文, 中文 again 😀 →.\n      - All Latin here.\n")


def warnings_of(folder: Path) -> list[str]:
    project = load_project(folder)
    assert all(p.severity is Severity.WARNING for p in project.problems)
    assert len(project.editions()) == 1  # warnings do not stop a brief
    return [str(p).replace(f"{folder}/", "") for p in project.problems]


def brand_of(tmp_path: Path) -> Path:
    return (tmp_path / "styles" / "ilab" / "brand.yaml").resolve()


def test_missing_glyphs_are_named_once_per_field(make_series: MakeSeries,
                                                 tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": BRIEF})
    hint = HINT.format(brand=brand_of(tmp_path))
    assert warnings_of(folder) == [
        "b.en.yaml:1:1: warning: title: the theme's fonts have no glyph for 中 (U+4E2D), "
        f"文 (U+6587); they would print as empty boxes or in another font {hint}",
        # the heading is set in Merriweather, which has Cyrillic: no warning for it
        "b.en.yaml:6:9: warning: sections[0].body[0]: the theme's fonts have no glyph for "
        "С (U+0421), и (U+0438), л (U+043B), а (U+0430), 中 (U+4E2D), 文 (U+6587), "  # noqa: RUF001
        f"😀 (U+1F600), → (U+2192); they would print as empty boxes or in another font {hint}"]


def test_each_character_is_named_once_and_a_long_list_is_cut(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": HEAD + "      - مرحبا بالعالم\n"})
    (warning,) = warnings_of(folder)
    assert ("no glyph for م (U+0645), ر (U+0631), ح (U+062D), ب (U+0628), ا (U+0627), "  # noqa: RUF001
            "ل (U+0644), ع (U+0639); they would") in warning
    folder = make_series({"b.en.yaml": HEAD + "      - 一二三四五六七八九十\n"}, name="t")
    (warning,) = warnings_of(folder)
    assert ("no glyph for 一 (U+4E00), 二 (U+4E8C), 三 (U+4E09), 四 (U+56DB), 五 (U+4E94), "
            "六 (U+516D), 七 (U+4E03), 八 (U+516B) and 2 more; they would") in warning


def add_fallback(tmp_path: Path, families: str, heading: str = "Merriweather") -> Path:
    brand = brand_of(tmp_path)
    brand.write_text(brand.read_text().replace(
        "  heading: Merriweather\n", f"  heading: {heading}\n  fallback: {families}\n"))
    return brand


def test_fallback_fonts_cover_what_the_brand_fonts_lack(make_series: MakeSeries,
                                                        tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": BRIEF})
    add_fallback(tmp_path, "[Merriweather]")
    hint = HINT.format(brand=brand_of(tmp_path))
    assert warnings_of(folder) == [
        "b.en.yaml:1:1: warning: title: the theme's fonts have no glyph for 中 (U+4E2D), "
        f"文 (U+6587); they would print as empty boxes or in another font {hint}",
        "b.en.yaml:6:9: warning: sections[0].body[0]: the theme's fonts have no glyph for "
        "中 (U+4E2D), 文 (U+6587), 😀 (U+1F600); they would print as empty boxes or in another "
        f"font {hint}"]


def pdf_fonts(folder: Path) -> set[str]:
    """The base names (subset prefix dropped) of the fonts the PDF's pages use."""
    edition = load_edition(folder)
    data = write_pdf(edition, theme_of(edition))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(font.BaseFont).split("+")[-1] for page in pdf.pages
                for font in page.Resources.Font.values()}


def test_the_pdf_sets_what_the_brand_fonts_lack_in_the_fallback_font(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": HEAD + "      - Сила.\n"})
    brand = add_fallback(tmp_path, "[]", heading="Public Sans")
    without = pdf_fonts(folder)
    assert not any(name.startswith("Merriweather") for name in without)
    assert any(name.startswith("DejaVu") for name in without)  # the silent system fallback
    brand.write_text(brand.read_text().replace("fallback: []", "fallback: [Merriweather]"))
    with_fallback = pdf_fonts(folder)
    assert any(name.startswith("Merriweather") for name in with_fallback)
    assert not any(name.startswith("DejaVu") for name in with_fallback)


def test_check_reports_glyph_warnings(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": HEAD + "      - 中文\n"})
    result = cli("check", folder)
    assert result.returncode == 0, result.stderr
    assert (f"{folder}/b.en.yaml:5:9: warning: sections[0].body[0]: the theme's fonts have no "
            "glyph for 中 (U+4E2D), 文 (U+6587)") in result.stderr
    assert "ok: 1 brief edition(s) valid, 1 warning(s)" in result.stderr


def test_character_maps_are_read_once_per_process() -> None:
    _cmap.cache_clear()
    first = characters(["Public Sans", "Merriweather"])
    assert characters(["Public Sans", "Merriweather"]) == first
    info = _cmap.cache_info()
    assert (info.misses, info.hits) == (2, 2)  # each family's upright file, read once
