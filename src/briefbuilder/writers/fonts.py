"""The brand's font families as @font-face rules, from their fontpkg packages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import fontpkg  # type: ignore[import-untyped]

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
