"""The package around the content: properties, page furniture, notes part, same bytes."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile

import pytest

from .docx_helpers import (
    EVERY_BLOCK,
    NS,
    REPO,
    SAMPLE,
    W,
    build,
    editions,
    open_docx,
    part,
    theme_of,
)


@pytest.fixture(scope="module")
def sample() -> bytes:
    return build(editions(SAMPLE)[0])


def _digest_in_new_process(folder: str) -> str:
    script = (
        "import hashlib, sys\n"
        "sys.path.insert(0, 'tests/writers')\n"
        "from docx_helpers import build, editions\n"
        "from pathlib import Path\n"
        f"print(hashlib.sha256(build(editions(Path({folder!r}))[0])).hexdigest())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def test_same_inputs_give_the_same_bytes_across_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for folder in (SAMPLE, EVERY_BLOCK):
        here = hashlib.sha256(build(editions(folder)[0])).hexdigest()
        assert hashlib.sha256(build(editions(folder)[0])).hexdigest() == here
        assert _digest_in_new_process(str(folder)) == here


def test_zip_entries_are_stamped_and_ordered(sample: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sample)) as package:
        infos = package.infolist()
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert {i.date_time for i in infos} == {(2024, 9, 1, 0, 0, 0)}
    assert "docProps/thumbnail.jpeg" not in names
    assert not any("stylesWithEffects" in n for n in names)
    # the only custom XML is the snapshot of the source (for review rounds)
    assert [n for n in names if n.startswith("customXml")] == [
        "customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]


def test_source_date_epoch_sets_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = build(editions(SAMPLE)[0])
    props = open_docx(data).core_properties
    assert props.created.isoformat() == props.modified.isoformat() == "2023-11-14T22:13:20+00:00"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.infolist()[0].date_time == (2023, 11, 14, 22, 13, 20)


def test_core_properties_describe_the_brief(sample: bytes) -> None:
    props = open_docx(sample).core_properties
    assert props.title == "Investing in Mexico's Auto Workers for Sustainable Growth"
    assert props.subject.startswith("This introductory learning brief")
    assert len(props.subject) > 255  # the whole summary, not cut short
    assert props.author == "DevTech Systems, Inc."
    assert props.keywords.startswith("Mexico, automotive sector, labor rights")
    assert props.language == "en-US"
    assert props.created.isoformat() == props.modified.isoformat() == "2024-09-01T00:00:00+00:00"
    core = zipfile.ZipFile(io.BytesIO(sample)).read("docProps/core.xml").decode()
    app = zipfile.ZipFile(io.BytesIO(sample)).read("docProps/app.xml").decode()
    assert "python-docx" not in core and "lastModifiedBy" not in core
    assert "<Application>briefbuilder</Application>" in app and "Macintosh" not in app


def test_language_is_set_in_the_default_run_properties(sample: bytes) -> None:
    lang = part(sample, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-US"
    spanish = build(next(e for e in editions(SAMPLE) if e.brief.lang == "es"))
    lang = part(spanish, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "es-MX"
    assert open_docx(spanish).core_properties.language == "es-MX"


def test_settings_keep_no_template_history(sample: bytes) -> None:
    settings = part(sample, "word/settings.xml")
    assert settings.find(f"{W}rsids") is None and settings.find(f"{W}proofState") is None
    assert [n.get(f"{W}id") for n in settings.findall(f"{W}footnotePr/{W}footnote")] == ["-1",
                                                                                         "0"]


def test_footnotes_part_has_separators_then_notes_from_one(sample: bytes) -> None:
    notes = part(sample, "word/footnotes.xml").findall(f"{W}footnote")
    assert [(n.get(f"{W}type"), n.get(f"{W}id")) for n in notes] == [
        ("separator", "-1"), ("continuationSeparator", "0"), (None, "1")]
    first = notes[2].find(f"{W}p")
    assert first.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "FootnoteText"
    mark = first.find(f"{W}r")
    assert mark.find(f"{W}footnoteRef") is not None
    assert mark.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"
    ref = part(sample, "word/document.xml").find(f".//{W}footnoteReference/..")
    assert ref.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"


def test_links_in_notes_use_the_notes_part_relationships(sample: bytes) -> None:
    link = part(sample, "word/footnotes.xml").find(f".//{W}hyperlink")
    rel_id = link.get(f"{{{NS['r']}}}id")
    rels = part(sample, "word/_rels/footnotes.xml.rels")
    (rel,) = rels.findall(f"{{{NS['rel']}}}Relationship")  # one per distinct URL
    assert rel.get("Id") == rel_id and rel.get("TargetMode") == "External"
    assert rel.get("Target").endswith("/mexico-automotive-industry")


def test_page_setup_and_first_page_masthead(sample: bytes) -> None:
    section = open_docx(sample).sections[0]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    margins = theme_of(editions(SAMPLE)[0]).brand.page.margins
    for side in ("top", "right", "bottom", "left"):
        written = getattr(section, f"{side}_margin").inches
        assert f"{written:g}in" == getattr(margins, side)
    assert section.different_first_page_header_footer
    masthead = section.first_page_header.paragraphs
    assert [p.style.name for p in masthead] == ["Masthead"]
    assert masthead[0].text.split("\n") == [
        "U.S. Department of Labor\tILAB Learning Brief Series",
        "Bureau of International Labor Affairs\tSeptember 2024"]


def test_every_footer_has_live_page_fields(sample: bytes) -> None:
    section = open_docx(sample).sections[0]
    for footer in (section.first_page_footer, section.footer):
        xml = footer._element.xml
        codes = [c.strip() for c in footer._element.xpath(".//w:instrText/text()")]
        assert codes == ["PAGE", "NUMPAGES"]
        assert xml.count('w:fldCharType="begin"') == 2
        text = footer.paragraphs[0].text
        assert text.startswith("ILAB Learning Brief Series\tPage ")
        assert " of " in text
