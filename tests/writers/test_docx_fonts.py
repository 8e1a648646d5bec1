"""The brand's fonts embedded in the draft (ECMA-376 Part 1, 17.8.1): four static faces a
family, obfuscated with a key derived from their bytes, unless brand.yaml says not to; a
font whose license forbids embedding is refused, one for preview and print is warned about."""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from pathlib import Path

import fontpkg
import pytest
from fontTools.ttLib import TTFont

from briefbuilder.errors import ProblemWarning, ThemeError
from briefbuilder.writers import static_fonts
from briefbuilder.writers.docx.font_table_part import font_key, obfuscate

from ..conftest import MakeSeries
from ..test_theme_fonts import name_font
from .docx_helpers import NS, SAMPLE, build, editions, part
from .weasy_helpers import load_edition

FACES = {"embedRegular": ("Regular", 400), "embedBold": ("Bold", 700),
         "embedItalic": ("Italic", 400), "embedBoldItalic": ("Bold Italic", 700)}
W = f"{{{NS['w']}}}"
R = f"{{{NS['r']}}}"


def _embedded(data: bytes) -> dict[tuple[str, str], TTFont]:
    """(family, embed tag) -> the font the draft embeds there, de-obfuscated."""
    fonts = part(data, "word/fontTable.xml")
    rels = part(data, "word/_rels/fontTable.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for font in fonts.findall("w:font", NS):
            for face in font:
                if face.tag.removeprefix(W) in FACES:
                    blob = package.read(f"word/{targets[face.get(f'{R}id')]}")
                    found[font.get(f"{W}name"), face.tag.removeprefix(W)] = TTFont(
                        io.BytesIO(obfuscate(blob, face.get(f"{W}fontKey"))))
    return found


def _glyph_ids(font: TTFont) -> tuple[int, dict[int, int]]:
    """The number of glyphs and the glyph index of each character."""
    return font["maxp"].numGlyphs, {c: font.getGlyphID(g) for c, g in font.getBestCmap().items()}


def test_the_draft_embeds_four_static_faces_of_each_brand_family() -> None:
    data = build(editions(SAMPLE)[0])
    embedded = _embedded(data)
    assert sorted(embedded) == sorted((family, tag) for family in ("Merriweather", "Public Sans")
                                      for tag in FACES)
    for (family, tag), font in embedded.items():
        subfamily, weight = FACES[tag]
        assert "fvar" not in font and "glyf" in font  # static TrueType
        assert font["name"].getDebugName(1) == family
        assert font["name"].getDebugName(2) == subfamily
        assert font["OS/2"].usWeightClass == weight
        style = "italic" if "Italic" in tag else "normal"
        (source,) = [f.path for f in fontpkg.family(family).files if f.style == style]
        assert _glyph_ids(font) == _glyph_ids(TTFont(source))  # not a subset
        assert font["post"].formatType == 3  # without glyph names, which only add bytes
    settings = part(data, "word/settings.xml")
    assert settings.find("w:embedTrueTypeFonts", NS) is not None
    types = part(data, "[Content_Types].xml")
    assert {d.get("PartName"): d.get("ContentType") for d in types}[
        "/word/fonts/font1.odttf"] == "application/vnd.openxmlformats-officedocument.obfuscatedFont"


def test_obfuscation_xors_the_first_32_bytes_with_the_key_read_backwards() -> None:
    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    backwards = bytes.fromhex("FFEEDDCCBBAA99887766554433221100")
    assert obfuscate(bytes(40), key) == backwards + backwards + bytes(8)


def test_font_keys_come_from_the_font_bytes() -> None:
    first, second = build(editions(SAMPLE)[0]), build(editions(SAMPLE)[0])
    assert first == second
    rels = {rel.get("Id"): rel.get("Target")
            for rel in part(first, "word/_rels/fontTable.xml.rels")}
    keys = []
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        for tag in FACES:
            for face in part(first, "word/fontTable.xml").iter(f"{W}{tag}"):
                key = face.get(f"{W}fontKey")
                blob = package.read(f"word/{rels[face.get(f'{R}id')]}")
                assert font_key(obfuscate(blob, key)) == key
                keys.append(key)
    assert len(keys) == len(set(keys)) == 8


def test_embed_in_word_false_leaves_the_fonts_out(make_series: MakeSeries,
                                                  tmp_path: Path) -> None:
    edition = load_edition(make_series())
    name_font(tmp_path, "  body: Public Sans", "  body: Public Sans\n  embed_in_word: false")
    data = build(edition)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not [n for n in package.namelist() if n.startswith("word/fonts/")]
    assert part(data, "word/settings.xml").find("w:embedTrueTypeFonts", NS) is None
    assert not list(part(data, "word/fontTable.xml").iter(f"{W}embedRegular"))


def _public_sans_with(fs_type: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make 'Public Sans' resolve to copies of its files whose OS/2 fsType is `fs_type`."""
    real = fontpkg.family("Public Sans")
    files = []
    for file in real.files:
        font = TTFont(file.path)
        font["OS/2"].fsType = fs_type
        copy = tmp_path / Path(file.path).name
        font.save(copy)
        files.append(file.__class__(**{**file.__dict__, "path": copy}))
    changed = real.__class__(**{**real.__dict__, "files": tuple(files)})
    original = fontpkg.family
    monkeypatch.setattr(fontpkg, "family",
                        lambda name: changed if name == "Public Sans" else original(name))


def test_a_font_whose_license_forbids_embedding_is_refused(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edition = load_edition(make_series())
    _public_sans_with(0x0002, tmp_path, monkeypatch)
    with pytest.raises(ThemeError) as caught:
        build(edition)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'styles' / 'ilab' / 'brand.yaml'}: fonts: font family 'Public Sans' may "
        "not be embedded in Word drafts: its OS/2 fsType is 0x0002 (restricted license) "
        "(set fonts.embed_in_word: false in brand.yaml, or name a family whose license "
        "allows embedding)"]


def test_a_preview_and_print_font_is_embedded_with_a_warning(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edition = load_edition(make_series())
    _public_sans_with(0x0004, tmp_path, monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = build(edition)
    assert [str(w.message.problem) for w in caught if isinstance(w.message, ProblemWarning)] == [
        f"{tmp_path / 'styles' / 'ilab' / 'brand.yaml'}: warning: fonts: font family "
        "'Public Sans' is "
        "embedded for preview and print only (OS/2 fsType 0x0004): Word opens the draft "
        "read-only (set fonts.embed_in_word: false in brand.yaml, or name a family whose "
        "license allows embedding)"]
    assert _embedded(data)["Public Sans", "embedRegular"]["OS/2"].fsType == 0x0004


def test_the_draft_is_the_same_from_any_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = []
    for cwd, folder in ((SAMPLE.parent, Path(SAMPLE.name)), (tmp_path, SAMPLE)):
        monkeypatch.chdir(cwd)
        drafts.append(build(editions(folder)[0]))
    assert drafts[0] == drafts[1]


def test_a_cut_face_keeps_its_source_dates(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    cuts = []
    for epoch in ("0", "2000000000"):  # fontTools stamps the time of saving unless told not to
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / epoch))  # an empty cache: a cut
        static_fonts._instance.cache_clear()
        cuts.append(static_fonts.static_faces("Public Sans"))
    assert cuts[0] == cuts[1]
    (source,) = [f.path for f in fontpkg.family("Public Sans").files if f.style == "normal"]
    assert TTFont(io.BytesIO(cuts[0][0].data))["head"].modified == TTFont(source)["head"].modified


def test_a_cut_face_is_cached_per_user_and_a_damaged_entry_cut_again(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    static_fonts._instance.cache_clear()
    cut = static_fonts.static_faces("Public Sans")
    entries = sorted((tmp_path / "briefbuilder" / "font-instances").glob("*.ttf"))
    stored = sorted(face.data + hashlib.sha256(face.data).digest() for face in cut)
    assert sorted(e.read_bytes() for e in entries) == stored  # each with its checksum
    monkeypatch.setattr(static_fonts, "_cut", lambda *args: pytest.fail("cut again"))
    static_fonts._instance.cache_clear()
    assert static_fonts.static_faces("Public Sans") == cut  # read from the cache
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    # damaged as fontTools would still open them: cut short, zeroed inside, or a link
    (tmp_path / "elsewhere.ttf").write_bytes(entries[0].read_bytes())
    for n, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.unlink()
        if n % 3 == 0:
            entry.write_bytes(data[: len(data) // 2])
        elif n % 3 == 1:
            entry.write_bytes(data[:1000] + bytes(200) + data[1200:])
        else:
            entry.symlink_to(tmp_path / "elsewhere.ttf")
    static_fonts._instance.cache_clear()
    assert static_fonts.static_faces("Public Sans") == cut
    assert not any(e.is_symlink() for e in entries), "a linked entry is replaced, not followed"
    assert sorted(e.read_bytes() for e in entries) == stored
