"""briefbuilder template THEME --out house.dotx: a real Word template of the brand."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.package import Package

from briefbuilder.cli import main

from .docx_helpers import NS, part

TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
BRAND_STYLES = {"Title", "Heading 1", "Quote", "Quote Source", "Callout Insight", "Table Text",
                "Table Number", "Stat Value", "Masthead", "Footer", "Brief Table"}


@pytest.fixture(scope="module")
def dotx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("template") / "house.dotx"
    assert main(["template", "ilab", "--out", str(out)]) == 0
    return out


def test_it_is_a_template_with_the_brand_styles_fonts_and_pages(dotx: Path) -> None:
    data = dotx.read_bytes()
    types = {o.get("PartName"): o.get("ContentType") for o in part(data, "[Content_Types].xml")}
    assert types["/word/document.xml"] == TEMPLATE
    document = Package.open(io.BytesIO(data)).part_related_by(RT.OFFICE_DOCUMENT)
    styles = document.part_related_by(RT.STYLES).styles  # as python-docx reads them
    assert {style.name for style in styles} >= BRAND_STYLES
    assert part(data, "word/settings.xml").find("w:embedTrueTypeFonts", NS) is not None
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert len([n for n in package.namelist() if n.startswith("word/fonts/")]) == 8
        assert "word/header1.xml" in package.namelist()
    size = part(data, "word/document.xml").find(".//w:sectPr/w:pgSz", NS)
    assert (size.get(f"{{{NS['w']}}}w"), size.get(f"{{{NS['w']}}}h")) == ("12240", "15840")


def test_a_language_the_theme_lacks_is_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "ilab", "--lang", "fr", "--out", str(tmp_path / "h.dotx")]) == 2
    assert "theme 'ilab' has no labels for language 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "h.dotx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_in_the_brand_styles(dotx: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(dotx)],
                   capture_output=True, check=True, timeout=240)
    text = subprocess.run(["pdftotext", str(tmp_path / "house.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "HEADING 1" in text and "Quote Source" in text and "ILAB LEARNING BRIEF SERIES" in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "house.pdf")], capture_output=True,
                           text=True, check=True).stdout
    assert "Merriweather-Bold" in fonts and "PublicSans-Regular" in fonts
