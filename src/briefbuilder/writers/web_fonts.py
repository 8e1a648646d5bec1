"""The brand's fonts for a web page: WOFF2 subsets of the glyphs the page uses (fontTools)."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from ..brand import Brand
from .font_files import installed_family_files

FOLDER = "_fonts"
# Decompiling the layout tables of a large variable font takes seconds; a web subset
# goes without them (no kerning or ligatures) and subsets in a fraction of that.
# fontTools cannot subset 'meta' and would drop it with a warning.
DROPPED_TABLES = ("GSUB", "GPOS", "GDEF", "meta")


@dataclass(frozen=True)
class WebFont:
    """One font file of a page: a family's style over its weight range."""

    family: str
    style: str
    weights: tuple[int, int]
    data: bytes

    @property
    def path(self) -> str:
        """Its place beside the page, named by its bytes so a new subset is a new file."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.family.lower()).strip("-")
        digest = hashlib.sha256(self.data).hexdigest()[:12]
        return f"{FOLDER}/{slug}-{self.style}-{digest}.woff2"

    def css(self) -> str:
        low, high = self.weights
        return (f'@font-face {{ font-family: "{self.family}"; src: url("{self.path}") '
                f'format("woff2"); font-style: {self.style}; font-weight: {low} {high}; '
                "font-display: swap; }")


def web_fonts(brand: Brand, text: str) -> list[WebFont]:
    """Every file of the brand's heading and body families, cut to the characters of text."""
    fonts = []
    for name in brand.fonts.families():
        for file in installed_family_files(name):
            weights = (file.wght_min, file.wght_max) if file.variable else (file.weight,) * 2
            fonts.append(WebFont(name, file.style, weights, woff2_subset(file.path, text)))
    return fonts


def woff2_subset(path: str, text: str) -> bytes:
    """The font at path as WOFF2, holding only the glyphs of text (variations kept)."""
    font = TTFont(path, recalcTimestamp=False)
    for tag in DROPPED_TABLES:
        if tag in font:
            del font[tag]
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
