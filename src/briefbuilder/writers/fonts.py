"""The brand's font families as @font-face rules (from fontpkg packages), and an instance cache."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fontpkg  # type: ignore[import-untyped]
import fontTools  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from weasyprint.pdf import fonts as weasyprint_pdf_fonts

from ..brand import Brand
from ..errors import Problem, ThemeError

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
    """Every face of the brand's heading and body families, in a stable order."""
    faces: list[FontFace] = []
    for family in dict.fromkeys((brand.fonts.heading, brand.fonts.body)):
        faces.extend(_family_faces(family))
    return faces


def _family_faces(name: str) -> list[FontFace]:
    try:
        family = fontpkg.family(name)
    except fontpkg.FontpkgError as exc:
        slug = name.lower().replace(" ", "-")
        raise ThemeError(Problem(
            f"font family {name!r} is not installed ({exc})", field="fonts",
            hint=f"pip install fontpkg-{slug}, or name an installed family in brand.yaml",
        )) from exc
    return [
        FontFace(name, file.style, weight, Path(file.path))
        for file in family.files
        for weight in WEIGHTS
        if file.covers(weight)
    ]


def font_face_css(faces: list[FontFace]) -> str:
    """All the rules, one a line."""
    return "\n".join(face.css() for face in faces)


def cache_folder() -> Path:
    """The per-user folder of cached static font instances."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefbuilder" / "font-instances"


def install_instance_cache() -> None:
    """Make WeasyPrint reuse the static instances it cuts from variable fonts.

    WeasyPrint instantiates each subset variable font on every render (about
    0.1 s a face). The wrapped instancer keys each instance by the subset's
    bytes and the axis location and keeps it in cache_folder(); a hit and a miss
    both return a font parsed from the same bytes, so output does not depend on
    the cache.
    """
    if getattr(weasyprint_pdf_fonts.instantiateVariableFont, "cached", False):
        return
    original = weasyprint_pdf_fonts.instantiateVariableFont

    def instantiate(font: TTFont, location: dict[str, float], **options: Any) -> TTFont:
        path = cache_folder() / f"{_instance_key(font, location)}.ttf"
        if path.is_file():
            return TTFont(io.BytesIO(path.read_bytes()))
        data = io.BytesIO()
        original(font, location, **options).save(data)
        _write_quietly(path, data.getvalue())
        return TTFont(io.BytesIO(data.getvalue()))

    instantiate.cached = True  # type: ignore[attr-defined]
    weasyprint_pdf_fonts.instantiateVariableFont = instantiate


def _instance_key(font: TTFont, location: dict[str, float]) -> str:
    digest = hashlib.sha256(font.reader.file.getvalue())
    digest.update(repr(sorted(location.items())).encode())
    digest.update(fontTools.version.encode())
    return digest.hexdigest()


def _write_quietly(path: Path, data: bytes) -> None:
    """Write atomically; a cache that cannot be written is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        pass
