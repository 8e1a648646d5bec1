"""The brand's font families as installed fontpkg packages: their files, a located problem
for each family or file that is missing, and the characters each family can show.

Only fontpkg and fontTools are used here, never WeasyPrint, so ``check`` stays light.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import fontpkg  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont, TTLibError  # type: ignore[import-untyped]

from .brand import Brand
from .errors import Problem, Refusal
from .places import FieldPath
from .yamlfile import YamlDoc


def family_files(name: str) -> list[fontpkg.FontFile]:
    """The font files of an installed family; raise Refusal naming what is missing."""
    slug = fontpkg.slugify(name)
    try:
        files: list[fontpkg.FontFile] = list(fontpkg.family(name).files)
    except fontpkg.FontpkgError:
        raise Refusal(f"font family {name!r} is not installed",
                          f"pip install fontpkg-{slug}, or name an installed family") from None
    for file in files:
        if not Path(file.path).is_file():
            raise Refusal(f"font family {name!r} lacks its file {file.path}",
                              f"reinstall it: pip install --force-reinstall fontpkg-{slug}")
    return files


def font_places(brand: Brand) -> list[tuple[FieldPath, str]]:
    """Each family brand.yaml names, with the field that names it."""
    fonts = brand.fonts
    return [(("fonts", "heading"), fonts.heading), (("fonts", "body"), fonts.body),
            *((("fonts", "fallback", i), name) for i, name in enumerate(fonts.fallback))]


def font_problems(brand: Brand, doc: YamlDoc) -> list[Problem]:
    """A problem at its line of brand.yaml for each family that is not installed whole."""
    problems: list[Problem] = []
    for loc, name in font_places(brand):
        try:
            family_files(name)
        except Refusal as exc:
            problems.append(doc.problem(loc, exc.message, exc.hint))
    return problems


def characters(names: list[str]) -> frozenset[int]:
    """The code points any of the families shows (upright faces); raise Refusal."""
    found: set[int] = set()
    for name in names:
        files = family_files(name)
        upright = [f for f in files if f.style == "normal"] or files
        for file in upright:
            found |= _cmap(Path(file.path))
    return frozenset(found)


@cache
def _cmap(path: Path) -> frozenset[int]:
    """The code points a font file maps to glyphs; read once per process."""
    try:
        with TTFont(path, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except (OSError, TTLibError):
        return frozenset()
