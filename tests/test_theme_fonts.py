"""A brand font that is not installed names brand.yaml, its line and field, and the fix;
``check`` reports it without importing WeasyPrint, and a build fails its jobs with it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import fontpkg
import pytest

from .conftest import MakeSeries
from .test_cli import cli
from .theme_helpers import theme_problems


def name_font(tmp_path: Path, old: str, new: str) -> Path:
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    brand.write_text(brand.read_text().replace(old, new))
    return brand


def test_a_missing_heading_font_names_the_line_and_the_fix(make_series: MakeSeries,
                                                           tmp_path: Path) -> None:
    make_series()
    brand = name_font(tmp_path, "heading: Merriweather", "heading: Frutiger Next")
    assert theme_problems(brand) == [
        f"{brand}:13:3: fonts.heading: font family 'Frutiger Next' is not installed "
        "(pip install fontpkg-frutiger-next, or name an installed family)"]


def test_every_missing_family_is_reported_at_once(make_series: MakeSeries,
                                                  tmp_path: Path) -> None:
    make_series()
    brand = name_font(tmp_path, "  body: Public Sans\n",
                      "  body: Body Sans\n  fallback: [Merriweather, Noto Sans CJK]\n")
    assert theme_problems(brand) == [
        f"{brand}:14:3: fonts.body: font family 'Body Sans' is not installed "
        "(pip install fontpkg-body-sans, or name an installed family)",
        f"{brand}:15:28: fonts.fallback[1]: font family 'Noto Sans CJK' is not installed "
        "(pip install fontpkg-noto-sans-cjk, or name an installed family)"]


def test_a_family_whose_file_is_gone_names_the_file(make_series: MakeSeries, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    make_series()
    real = fontpkg.family("Public Sans")
    gone = tmp_path / "PublicSans[wght].ttf"
    broken = real.__class__(**{**real.__dict__, "files": (
        real.files[0].__class__(**{**real.files[0].__dict__, "path": gone}),)})
    monkeypatch.setattr(fontpkg, "family",
                        lambda name: broken if name == "Public Sans" else real)
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    assert theme_problems(brand) == [
        f"{brand}:14:3: fonts.body: font family 'Public Sans' lacks its file {gone} "
        "(reinstall it: pip install --force-reinstall fontpkg-public-sans)"]


def test_check_reports_a_missing_font_without_importing_weasyprint(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    brand = name_font(tmp_path, "heading: Merriweather", "heading: Frutiger Next")
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from briefbuilder.cli import main; code = main(['check', sys.argv[1]]); "
         "print('weasyprint' in sys.modules, code)", str(folder)],
        capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["False", "1"]
    assert (f"{brand}:13:3: fonts.heading: font family 'Frutiger Next' is not installed "
            "(pip install fontpkg-frutiger-next, or name an installed family)") in result.stderr
    assert "Traceback" not in result.stderr


def test_a_build_fails_its_jobs_naming_the_font(make_series: MakeSeries,
                                                tmp_path: Path) -> None:
    folder = make_series()
    name_font(tmp_path, "heading: Merriweather", "heading: Frutiger Next")
    out = tmp_path / "out"
    result = cli("build", folder, "--out", out, "--format", "pdf", "-j", "1")
    assert result.returncode == 1
    assert ("failed: s/b.en.pdf: font family 'Frutiger Next' is not installed"
            in result.stderr)
    assert not (out / "s" / "b.en.pdf").exists()
    assert "Traceback" not in result.stderr
