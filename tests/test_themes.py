"""Theme problems are located like content errors: file:line:column, field and a hint."""

from __future__ import annotations

from pathlib import Path

from briefbuilder.loader import load_project
from briefbuilder.themes import check_themes

from .conftest import GOOD_BRIEF, MakeSeries


def theme_messages(folder: Path, root: Path) -> list[str]:
    """The theme problems of the series in folder, with paths relative to root."""
    return [str(p).replace(f"{root}/", "") for p in check_themes(load_project(folder).series)[0]]


def test_an_unknown_theme_points_at_its_line(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series(series="id: s\ntitle: S\nbriefs: [b]\ntheme: fancy\n")
    assert theme_messages(folder, tmp_path) == [
        "content/s/series.yaml:4:1: theme: theme 'fancy' not found (available: ilab, plain) "
        "(name one of those, or make your own with 'briefbuilder theme copy ilab "
        "styles/fancy' beside the content folder)"]


def test_a_language_without_labels_points_at_lang(make_series: MakeSeries,
                                                  tmp_path: Path) -> None:
    french = "title: T\nlang: fr\ndate: 2024-09-01\nsections:\n  - body: [Texte.]\n"
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "b.fr.yaml": french})
    assert theme_messages(folder, tmp_path) == [
        "content/s/b.fr.yaml:2:1: lang: theme 'ilab' has no labels for language 'fr' "
        "(it has en, es) (add styles/ilab/labels/fr.yaml)"]


def test_a_language_the_built_in_theme_lacks_points_at_a_copy_not_the_install(
        tmp_path: Path) -> None:
    french = "title: T\nlang: fr\ndate: 2024-09-01\nsections:\n  - body: [Texte.]\n"
    folder = tmp_path / "content" / "s"  # no styles/ beside it: the installed ilab theme
    folder.mkdir(parents=True)
    (folder / "series.yaml").write_text("id: s\ntitle: S\ntheme: ilab\nbriefs: [b]\n")
    (folder / "b.fr.yaml").write_text(french)
    assert theme_messages(folder, tmp_path) == [
        "content/s/b.fr.yaml:2:1: lang: theme 'ilab' has no labels for language 'fr' "
        "(it has en, es) (copy the theme beside your content with 'briefbuilder theme copy "
        "ilab styles/ilab', then add labels/fr.yaml to it)"]


def edit_theme(tmp_path: Path, name: str, old: str, new: str) -> None:
    path = tmp_path / "styles" / "ilab" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_brand_yaml_is_validated_like_a_brief(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    edit_theme(tmp_path, "brand.yaml", '  accent: "#B5892E"      # gold rules and markers\n', "")
    edit_theme(tmp_path, "brand.yaml", "top: 0.7in", "top: 0.7")
    edit_theme(tmp_path, "brand.yaml", "size: letter", "size: A4")
    edit_theme(tmp_path, "brand.yaml", "  body: Public Sans", "  bodyy: Public Sans")
    assert theme_messages(folder, tmp_path) == [
        "styles/ilab/brand.yaml:3:1: colors.accent: field required "
        "(a hex color such as '#B5892E')",
        "styles/ilab/brand.yaml:13:3: fonts.bodyy: unknown field 'bodyy' "
        "(did you mean 'body'?)",
        "styles/ilab/brand.yaml:18:3: page.size: string should match pattern "
        "'^(letter|a4)$' (write letter or a4)",
        "styles/ilab/brand.yaml:19:13: page.margins.top: input should be a valid string "
        "(a length with its unit: in, mm, cm or pt, e.g. 0.75in or 20mm)"]


def test_a_label_catalog_is_validated_with_hints(make_series: MakeSeries,
                                                 tmp_path: Path) -> None:
    folder = make_series()
    edit_theme(tmp_path, "labels/es.yaml", "page_of:", "page:")
    edit_theme(tmp_path, "labels/en.yaml", "language_tag: en-US", "language_tag: english")
    assert theme_messages(folder, tmp_path) == [
        "styles/ilab/labels/en.yaml:4:1: language_tag: string should match pattern "
        "'^([a-z]{2,3}-[A-Z]{2})?$' (a language and region such as es-MX, or '' for the "
        "default)",
        "styles/ilab/labels/es.yaml:2:1: page: unknown field 'page' (did you mean 'page_of'?)"]
