"""Static TrueType instances of a brand family's four faces, for embedding in a Word draft.

Cutting an instance from a large variable font takes the instancer up to a minute a face
(Merriweather's kerning), so each instance is kept in the per-user instance cache, keyed by
the source file's bytes, the face and the fontTools version.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import fontTools  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from fontTools.varLib import instancer  # type: ignore[import-untyped]

from .font_files import cache_folder, installed_family_files, read_cached, write_cached

# The four faces Word knows: (bold, italic) -> its subfamily name.
SUBFAMILIES = {(False, False): "Regular", (True, False): "Bold",
               (False, True): "Italic", (True, True): "Bold Italic"}
CUT = "static-1"  # bump when the cutting below changes


@dataclass(frozen=True)
class StaticFace:
    """One face of a family as static TrueType bytes."""

    family: str
    bold: bool
    italic: bool
    data: bytes


def static_faces(family: str) -> list[StaticFace]:
    """The family's Regular, Bold, Italic and Bold Italic faces it has files for, in that order."""
    files = installed_family_files(family)
    faces = []
    for italic in (False, True):
        for bold in (False, True):
            weight = 700 if bold else 400
            style = "italic" if italic else "normal"
            source = next((f for f in files if f.style == style and f.covers(weight)), None)
            if source is not None:
                data = _instance(Path(source.path), family, weight, SUBFAMILIES[bold, italic])
                faces.append(StaticFace(family, bold, italic, data))
    return faces


def _instance(path: Path, family: str, weight: int, subfamily: str) -> bytes:
    """The face at `weight`, named `family` `subfamily`, from the cache or cut now."""
    source = path.read_bytes()
    digest = hashlib.sha256(source)
    digest.update(repr((family, weight, subfamily, CUT, fontTools.version)).encode())
    folder = cache_folder()
    cached = folder / f"{digest.hexdigest()}.ttf" if folder else None
    data = read_cached(cached) if cached else None
    if data is None:
        data = _cut(source, family, weight, subfamily)
        if cached:
            write_cached(cached, data)
    return data


def _cut(source: bytes, family: str, weight: int, subfamily: str) -> bytes:
    """Pin every axis (wght at `weight`, the others at their defaults) and rename the face."""
    font = TTFont(io.BytesIO(source))
    if "fvar" in font:
        location = {axis.axisTag: axis.defaultValue for axis in font["fvar"].axes}
        location["wght"] = weight
        font = instancer.instantiateVariableFont(font, location)
    _name(font, family, subfamily)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _name(font: TTFont, family: str, subfamily: str) -> None:
    """Name the face as Word and LibreOffice look it up: `family` with a RIBBI subfamily."""
    names = font["name"]
    full = family if subfamily == "Regular" else f"{family} {subfamily}"
    postscript = f"{family}-{subfamily}".replace(" ", "")
    names.names = [n for n in names.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 25)]
    for name_id, text in ((1, family), (2, subfamily), (3, postscript), (4, full),
                          (6, postscript)):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)
    bold, italic = "Bold" in subfamily, "Italic" in subfamily
    os2 = font["OS/2"]
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (bold << 5) | italic | (
        (not bold and not italic) << 6)
    font["head"].macStyle = bold | (italic << 1)
