"""The page of a brand in Word units: size, margins and the width text runs across."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.shared import Cm, Inches, Length, Mm, Pt

from ...brand import Brand

SIZES = {"letter": (Inches(8.5), Inches(11)), "a4": (Mm(210), Mm(297))}
UNITS = {"in": Inches, "mm": Mm, "cm": Cm, "pt": Pt}


def length(css: str) -> Length:
    """A brand length such as '0.75in' or '20mm' as a python-docx Length."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(in|mm|cm|pt)", css)
    if match is None:
        raise ValueError(f"not a length: {css!r}")
    return Length(int(UNITS[match.group(2)](float(match.group(1)))))


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
        width, height = SIZES[brand.page.size]
        margins = brand.page.margins
        return cls(width, height, length(margins.top), length(margins.right),
                   length(margins.bottom), length(margins.left))

    @property
    def text_width(self) -> Length:
        return Length(self.width - self.left - self.right)
