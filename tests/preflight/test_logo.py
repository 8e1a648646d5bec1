"""A theme logo in the masthead is not one of the brief's figures."""

from __future__ import annotations

from pathlib import Path

from .conftest import CHART, GOOD, MakeProject, run_preflight


def add_logo(styles: Path) -> None:
    """The ilab theme with a logo and no logo_alt: both formats read it as 'ILAB'."""
    (styles / "ilab" / "logo.png").write_bytes(CHART)
    with (styles / "ilab" / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write("logo: logo.png\n")


def test_a_theme_logo_passes_preflight_beside_the_briefs_figure(
        make_project: MakeProject) -> None:
    built = make_project({"s": {"b.en.yaml": GOOD, "chart.png": CHART}},
                         edit_styles=add_logo)["s"]
    result = run_preflight(built)
    assert result.failures() == []
    assert result.code == 0
    # the logo and the figure both carry alt text for pdfua (UA-13-004), and only the
    # figure is the brief's
    assert [f["message"] for f in result.of("pdfua")] == [
        "pdfua 0.1.3: 11 of 12 rules ran, no findings"]
    assert [f["message"] for f in result.of("word.alt-text")] == [
        "1 picture(s), each with the brief's alt text"]
