"""The draft's two list definitions (bullets, numbers) and a fresh instance per numbered list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...brand import Brand
from .oxml.numbering import ListLevel, add_abstract_num, add_list_instance

LEVELS = 2  # a list item holds at most one nested list


@dataclass
class Lists:
    """Ids of the list definitions in word/numbering.xml, and the means to restart numbers."""

    numbering: Any
    bullets: int
    numbers: int
    numbers_abstract: int

    def style_num(self, kind: str) -> int:
        """The list instance the List Bullet / List Number styles point at."""
        return self.bullets if kind == "bullets" else self.numbers

    def restart(self) -> int:
        """A new instance of the numbered definition, starting again at 1 on every level."""
        return add_list_instance(self.numbering, self.numbers_abstract, LEVELS)


def add_lists(document: Any, brand: Brand) -> Lists:
    """Add the bullet and number definitions: accent squares, bold numbers in primary."""
    numbering = document.part.numbering_part.element
    accent, primary = (color.lstrip("#") for color in (brand.colors.accent, brand.colors.primary))
    bullets = add_abstract_num(numbering, [
        ListLevel("bullet", "\u25aa", 360, 220, accent),
        ListLevel("bullet", "\u2013", 720, 220, accent)])
    numbers = add_abstract_num(numbering, [
        ListLevel("decimal", "%1.", 360, 360, primary, bold=True),
        ListLevel("lowerLetter", "%2.", 720, 360, primary, bold=True)])
    return Lists(numbering, numbering.add_num(bullets).numId,
                 numbering.add_num(numbers).numId, numbers)
