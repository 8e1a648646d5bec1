"""The page of a brand in Word units: brand.page's size, margins and text width, in EMU."""

from __future__ import annotations

from dataclasses import dataclass

from docx.shared import Length, Pt

from ...brand import Brand

SIDES = ("top", "right", "bottom", "left")


def _emu(points: float) -> Length:
    return Length(round(points * Pt(1)))


@dataclass(frozen=True)
class Geometry:
    """Page width and height, the four margins, and the text width between them."""

    width: Length
    height: Length
    top: Length
    right: Length
    bottom: Length
    left: Length

    @classmethod
    def of(cls, brand: Brand) -> Geometry:
        """The geometry brand.page describes."""
        page = brand.page
        return cls(_emu(page.width_pt), _emu(page.height_pt),
                   *(_emu(page.margin_pt(side)) for side in SIDES))

    @property
    def text_width(self) -> Length:
        return Length(self.width - self.left - self.right)
