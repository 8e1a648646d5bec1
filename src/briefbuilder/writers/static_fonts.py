"""Static TrueType instances of a brand family's four faces, for embedding in a Word draft.

HarfBuzz's subsetter pins the axes while keeping every glyph, feature and Unicode mapping
(about 0.1 s a face); fontTools' instancer took up to a minute a face on Merriweather's
kerning. Glyph names, hinting and the tables Word and LibreOffice ignore are left out.
A cut face is kept in the per-user cache of font instances, so a worker reads it there.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontTools  # type: ignore[import-untyped]
import uharfbuzz as hb  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from .font_files import (
    CACHE_FORMAT,
    cached,
    installed_family_files,
)
from .pinning import keep_everything, pin

# The four faces Word knows: (bold, italic) -> its subfamily name.
SUBFAMILIES = {(False, False): "Regular", (True, False): "Bold",
               (False, True): "Italic", (True, True): "Bold Italic"}
# Tables no word processor reads: style attributes, metadata, signatures.
UNUSED_TABLES = ("STAT", "meta", "DSIG")
# Name records kept: copyright, the names _name rewrites, version, trademark, licence (OFL 2).
KEPT_NAMES = (0, 1, 2, 3, 4, 5, 6, 7, 13, 14)


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
                path = Path(source.path)
                stat = path.stat()
                data = _instance(path, stat.st_mtime_ns, stat.st_size, family, weight,
                                 SUBFAMILIES[bold, italic])
                faces.append(StaticFace(family, bold, italic, data))
    return faces


@cache
def _instance(path: Path, mtime_ns: int, size: int, family: str, weight: int,
              subfamily: str) -> bytes:
    """The face at `weight`, named `family` `subfamily`, once per process and file version:
    from the per-user cache, else cut and put there."""
    source = path.read_bytes()
    return cached(_cut_key(source, family, weight, subfamily),
                  lambda: _cut(source, family, weight, subfamily))


def _cut(source: bytes, family: str, weight: int, subfamily: str) -> bytes:
    """The face cut from the variable font `source`. The head table keeps the source's
    dates: fontTools would stamp the time of saving."""
    font = TTFont(io.BytesIO(_pin(source, weight)), recalcTimestamp=False)
    _name(font, family, subfamily)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _cut_key(source: bytes, family: str, weight: int, subfamily: str) -> str:
    """What a cut depends on: the source, the names, the weight, what is dropped or kept,
    and the versions of the tools that cut it."""
    digest = hashlib.sha256(source)
    digest.update(repr(("static", CACHE_FORMAT, family, weight, subfamily, UNUSED_TABLES,
                        KEPT_NAMES, hb.__version__, fontTools.version)).encode())
    return digest.hexdigest()


def _pin(source: bytes, weight: int) -> bytes:
    """Every axis pinned (wght at `weight`, the others at their defaults), nothing subset."""
    request = keep_everything()
    request.flags = (request.flags & ~hb.SubsetFlags.GLYPH_NAMES) | hb.SubsetFlags.NO_HINTING
    request.drop_table_tag_set.update(int.from_bytes(tag.encode(), "big") for tag in UNUSED_TABLES)
    request.name_id_set.clear()
    request.name_id_set.update(KEPT_NAMES)
    return pin(source, {"wght": weight}, request)

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
