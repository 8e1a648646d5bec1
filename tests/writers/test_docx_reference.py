"""A hostile reference .docx: its styles seed the drafts, and nothing else of it gets in --
no external relationship, mail merge, attached template, macro or ActiveX control."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from briefbuilder.errors import ProblemWarning, ThemeError
from briefbuilder.themes import load_theme
from briefbuilder.writers.docx import write_docx

from ..conftest import MakeSeries
from ..test_cli import cli
from .weasy_helpers import load_edition, theme_of

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
MS = "http://schemas.microsoft.com/office/2006/relationships"
TEMPLATE = "http://127.0.0.1:18765/t.dotm"
BEACON = "http://127.0.0.1:18765/beacon.png"
FONT = "http://127.0.0.1:18765/font.odttf"
EMBEDDED = b"an obfuscated font"
LEFT_OUT = (
    "warning: left out of the drafts: an attached template (http://127.0.0.1:18765/t.dotm); "
    "a mail merge data source (file:///etc/passwd); an external font "
    "(http://127.0.0.1:18765/font.odttf); an external image "
    "(http://127.0.0.1:18765/beacon.png); macros (/word/vbaProject.bin); an ActiveX control "
    "(/word/activeX/activeX1.xml); mail merge settings (a draft takes only styles, "
    "numbering, theme and fonts from its reference; remove the rest from the reference "
    "document to silence this warning)")


def _rels(*rels: tuple[str, str, str], internal: str = "") -> str:
    """A relationships part: external relationships (id, type, target), then `internal`."""
    items = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}" '
                    'TargetMode="External"/>' for rid, kind, target in rels)
    return f'<Relationships xmlns="{RELS}">{items}{internal}</Relationships>'


def hostile_reference() -> bytes:
    """A .docx whose styles and embedded font are wanted (Heading 1 in Georgia) and whose
    settings, macros, controls, theme and font table reach outside it."""
    document = docx.Document()
    document.styles["Heading 1"].font.name = "Georgia"
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name).decode("utf-8") if name.endswith((".xml", ".rels")) \
                else source.read(name)
            if name == "[Content_Types].xml":
                data = data.replace("</Types>", (
                    '<Default Extension="odttf" ContentType="application/'
                    'vnd.openxmlformats-officedocument.obfuscatedFont"/>'
                    '<Override PartName="/word/vbaProject.bin" '
                    'ContentType="application/vnd.ms-office.vbaProject"/>'
                    '<Override PartName="/word/activeX/activeX1.xml" '
                    'ContentType="application/vnd.ms-office.activeX+xml"/></Types>'))
            elif name == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", (
                    f'<Relationship Id="rIdV" Type="{MS}/vbaProject" Target="vbaProject.bin"/>'
                    f'<Relationship Id="rIdX" Type="{R}/control" '
                    'Target="activeX/activeX1.xml"/></Relationships>'))
            elif name == "word/fontTable.xml":
                data = data.replace("</w:fonts>", (
                    '<w:font w:name="House Sans"><w:embedRegular r:id="rIdF" '
                    'w:fontKey="{00000000-0000-0000-0000-000000000001}"/><w:embedBold '
                    'r:id="rIdE" w:fontKey="{00000000-0000-0000-0000-000000000002}"/>'
                    "</w:font></w:fonts>"))
            elif name == "word/settings.xml":
                data = re.sub(r"(<w:settings [^>]*>)", r"\1" + (
                    f'<w:attachedTemplate xmlns:r="{R}" r:id="rIdT"/>'
                    f'<w:mailMerge xmlns:r="{R}"><w:mainDocumentType w:val="formLetters"/>'
                    '<w:dataType w:val="textFile"/>'
                    '<w:query w:val="SELECT * FROM /etc/passwd"/>'
                    '<w:dataSource r:id="rIdM"/></w:mailMerge>'), data, count=1)
            target.writestr(name, data)
        target.writestr("word/_rels/fontTable.xml.rels", _rels(
            ("rIdE", f"{R}/font", FONT),
            internal=f'<Relationship Id="rIdF" Type="{R}/font" Target="fonts/font1.odttf"/>'))
        target.writestr("word/fonts/font1.odttf", EMBEDDED)
        target.writestr("word/_rels/settings.xml.rels", _rels(
            ("rIdT", f"{R}/attachedTemplate", TEMPLATE),
            ("rIdM", f"{R}/mailMergeSource", "file:///etc/passwd")))
        target.writestr("word/theme/_rels/theme1.xml.rels",
                        _rels(("rIdB", f"{R}/image", BEACON)))
        target.writestr("word/vbaProject.bin", b"Attribute VB_Name = \"Evil\"")
        target.writestr("word/activeX/activeX1.xml",
                        f'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
                        f'xmlns:r="{R}" ax:classid="{{00000000-0000-0000-0000-000000000000}}"/>')
    return out.getvalue()


def assert_clean(draft: bytes) -> None:
    """No external relationship, mail merge, attached template, macro or control."""
    with zipfile.ZipFile(io.BytesIO(draft)) as package:
        names = package.namelist()
        texts = {name: package.read(name).decode("utf-8", "replace") for name in names}
    assert not any("vbaProject" in n or "activeX" in n for n in names), names
    for name, text in texts.items():
        assert 'TargetMode="External"' not in text, name
        for word in ("mailMerge", "attachedTemplate", "vbaProject", "activeX", "18765",
                     "/etc/passwd"):
            assert word not in text, (name, word)
    assert docx.Document(io.BytesIO(draft)).styles["Heading 1"].font.name == "Georgia"
    assert texts["word/fonts/font1.odttf"].encode() == EMBEDDED  # kept, under its own id
    assert 'Id="rIdF"' in texts["word/_rels/fontTable.xml.rels"]
    assert 'r:id="rIdF"' in texts["word/fontTable.xml"]
    assert "rIdE" not in texts["word/fontTable.xml"]


@pytest.fixture
def house(make_series: MakeSeries, tmp_path: Path) -> Path:
    """A series whose theme (the copy of ilab) names the hostile reference; its .docx path."""
    make_series()
    folder = tmp_path / "styles" / "ilab"
    (folder / "reference.docx").write_bytes(hostile_reference())
    with (folder / "brand.yaml").open("a", encoding="utf-8") as brand:
        brand.write("docx_reference: reference.docx\n")
    return folder / "reference.docx"


def test_a_hostile_reference_seeds_only_styles_and_warns(house: Path, tmp_path: Path) -> None:
    edition = load_edition(tmp_path / "content" / "s")
    with pytest.warns(ProblemWarning) as caught:
        draft = write_docx(edition, theme_of(edition))
    assert [str(w.message) for w in caught] == [f"{house}: {LEFT_OUT}"]
    assert_clean(draft)


def test_the_build_reports_what_the_reference_left_out(house: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("build", tmp_path / "content", "--out", out, "--format", "docx", "-q")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(rf"^built +\d+\.\d\d s  s/b\.en\.docx\n{re.escape(f'{house}: {LEFT_OUT}')}$",
                     result.stderr, re.M), result.stderr
    assert_clean((out / "s" / "b.en.docx").read_bytes())


def test_a_reference_that_is_no_word_document_is_a_theme_error(
    house: Path, tmp_path: Path,
) -> None:
    house.write_bytes(b"PK\x03\x04 not really a zip")
    edition = load_edition(tmp_path / "content" / "s")
    with pytest.raises(ThemeError) as caught:
        write_docx(edition, load_theme(house.parent))
    assert str(caught.value) == (
        f"{house}: the reference document cannot be read: PackageNotFoundError: Package not "
        f"found at '{house}' (save it from Word as a .docx document, or remove "
        f"docx_reference from {house.parent / 'brand.yaml'})")


def test_a_part_shared_or_looping_in_the_reference_is_copied_once(
    house: Path, tmp_path: Path,
) -> None:
    saved = io.BytesIO()
    docx.Document().save(saved)
    out = io.BytesIO()
    image = f"{R}/image"
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="png" '
                                    b'ContentType="image/png"/></Types>')
            target.writestr(name, data)
        target.writestr("word/theme/_rels/theme1.xml.rels", _rels(internal=(
            f'<Relationship Id="rIdS" Type="{R}/theme" Target="theme1.xml"/>'
            f'<Relationship Id="rIdI" Type="{image}" Target="../media/shared.png"/>')))
        target.writestr("word/_rels/fontTable.xml.rels", _rels(internal=(
            f'<Relationship Id="rIdI" Type="{image}" Target="media/shared.png"/>')))
        target.writestr("word/media/shared.png", (Path(__file__).parents[1] / "projects"
                                                  / "every-block" / "chart.png").read_bytes())
    house.write_bytes(out.getvalue())
    edition = load_edition(tmp_path / "content" / "s")
    with zipfile.ZipFile(io.BytesIO(write_docx(edition, theme_of(edition)))) as draft:
        names = draft.namelist()
        theme_rels = draft.read("word/theme/_rels/theme1.xml.rels").decode()
    assert len(names) == len(set(names))
    assert names.count("word/media/shared.png") == 1
    assert 'Id="rIdS"' in theme_rels and 'Target="theme1.xml"' in theme_rels
