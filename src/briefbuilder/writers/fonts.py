"""The brand's font families as @font-face rules (from fontpkg packages), and an instance cache."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fontTools  # type: ignore[import-untyped]
import uharfbuzz as hb  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from weasyprint.pdf import fonts as weasyprint_pdf_fonts

from ..brand import Brand
from .font_files import (
    CACHE_FORMAT,
    cached,
    installed_family_files,
)
from .pinning import pin

# One @font-face per weight: WeasyPrint rejects weight ranges for variable fonts.
WEIGHTS = (400, 700)


@dataclass(frozen=True)
class FontFace:
    """One @font-face rule: a family at one style and weight, from one file."""

    family: str
    style: str
    weight: int
    path: Path

    def css(self) -> str:
        """The @font-face rule, with the file as a file: URL."""
        return (
            f'@font-face {{ font-family: "{self.family}"; src: url("{self.path.as_uri()}"); '
            f"font-style: {self.style}; font-weight: {self.weight}; }}"
        )


def font_faces(brand: Brand) -> list[FontFace]:
    """Every face of the brand's families (heading, body, fallbacks), in a stable order."""
    return [face for family in brand.fonts.families() for face in _family_faces(family)]


def _family_faces(name: str) -> list[FontFace]:
    files = installed_family_files(name)
    return [
        FontFace(name, file.style, weight, Path(file.path))
        for file in files
        for weight in WEIGHTS
        if file.covers(weight)
    ]


def font_face_css(faces: list[FontFace]) -> str:
    """All the rules, one a line."""
    return "\n".join(face.css() for face in faces)


def install_instance_cache() -> None:
    """Make WeasyPrint pin variable fonts with HarfBuzz, and reuse the static instances.

    WeasyPrint instantiates each subset variable font on every render, with fontTools
    (25 to 75 ms a face); HarfBuzz takes a millisecond or two (pinning.py), and fontTools
    is left for a font HarfBuzz cannot pin. The wrapped instancer keys each instance by
    the subset's bytes, the axis location and the options, and keeps it in
    cache_folder(); a hit and a miss both return a font parsed from the same bytes, so
    output does not depend on the cache. A cache that cannot be read or written is
    skipped: WeasyPrint would swallow an error here and embed the variable font instead.
    """
    if getattr(weasyprint_pdf_fonts.instantiateVariableFont, "cached", False):
        return
    original = weasyprint_pdf_fonts.instantiateVariableFont

    def instantiate(font: TTFont, location: dict[str, float], **options: Any) -> TTFont:
        return TTFont(io.BytesIO(cached(_instance_key(font, location, options),
                                        lambda: _static(font, location, options, original))))

    instantiate.cached = True  # type: ignore[attr-defined]
    weasyprint_pdf_fonts.instantiateVariableFont = instantiate


def _static(font: TTFont, location: dict[str, float], options: dict[str, Any],
            instancer: Any) -> bytes:
    """The font's static instance at `location`: HarfBuzz's, else `instancer`'s (fontTools)."""
    try:
        return pin(font.reader.file.getvalue(), location)
    except ValueError:
        data = io.BytesIO()
        instancer(font, location, **options).save(data)
        return data.getvalue()


def _instance_key(font: TTFont, location: dict[str, float], options: dict[str, Any]) -> str:
    digest = hashlib.sha256(font.reader.file.getvalue())
    digest.update(repr((sorted(location.items()), sorted(options.items()))).encode())
    digest.update(f"format {CACHE_FORMAT}, harfbuzz {hb.__version__}, fontTools "
                  f"{fontTools.version}".encode())
    return digest.hexdigest()

