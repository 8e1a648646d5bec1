"""The brand's families embedded in the draft: static TrueType faces, obfuscated, listed in
the font table, and the setting that makes Word keep them (ECMA-376 Part 1, 17.8.1)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from ...brand import Theme
from ...errors import Problem, ProblemWarning, Severity, ThemeError
from ..font_files import installed_family_files
from ..static_fonts import static_faces
from .font_table_part import font_table_part
from .oxml.fonts import embed_true_type_fonts

# OS/2 fsType bits (OpenType spec): who may embed the font, and how.
RESTRICTED, PREVIEW_AND_PRINT, EDITABLE, BITMAP_ONLY = 0x0002, 0x0004, 0x0008, 0x0200
NO_EMBEDDING_HINT = ("set fonts.embed_in_word: false in brand.yaml, or name a family whose "
                     "license allows embedding")


def embed_fonts(document: Any, theme: Theme) -> None:
    """Embed every face of the brand's families, unless brand.yaml says fonts.embed_in_word:
    false; a ThemeError when a family's license forbids it."""
    if not theme.brand.fonts.embed_in_word:
        return
    table = font_table_part(document.part)
    brand_file = theme.folder / "brand.yaml"
    for family in theme.brand.fonts.families():
        _check_rights(family, brand_file)
        for face in static_faces(family):
            rel_id, key = table.add_font(face.data)
            table.fonts.family(family).embed(bold=face.bold, italic=face.italic,
                                             rel_id=rel_id, key=key)
    embed_true_type_fonts(document.settings.element)


def _check_rights(family: str, brand_file: Path) -> None:
    """Refuse a family whose files' OS/2 fsType forbids embedding; warn when it allows
    preview and print only."""
    for flags in sorted({_fs_type(Path(file.path)) for file in installed_family_files(family)}):
        _check_flags(family, flags, brand_file)


def _fs_type(path: Path) -> int:
    """The font file's OS/2 fsType: its embedding permissions."""
    with TTFont(path, lazy=True) as font:
        return int(font["OS/2"].fsType)


def _check_flags(family: str, flags: int, brand_file: Path) -> None:
    if flags & BITMAP_ONLY or flags & 0x000F == RESTRICTED:
        kind = "bitmap embedding only" if flags & BITMAP_ONLY else "restricted license"
        raise ThemeError(Problem(
            f"font family {family!r} may not be embedded in Word drafts: its OS/2 fsType "
            f"is 0x{flags:04X} ({kind})", brand_file, field="fonts", hint=NO_EMBEDDING_HINT))
    if flags & PREVIEW_AND_PRINT and not flags & EDITABLE:
        warnings.warn(ProblemWarning(Problem(
            f"font family {family!r} is embedded for preview and print only (OS/2 fsType "
            f"0x{flags:04X}): Word opens the draft read-only", brand_file, field="fonts",
            severity=Severity.WARNING, hint=NO_EMBEDDING_HINT)), stacklevel=2)
