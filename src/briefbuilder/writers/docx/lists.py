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
    """Add the bullet and number definitions (markers in the accent colour)."""
    numbering = document.part.numbering_part.element
    accent = brand.colors.accent.lstrip("#")
    bullets = add_abstract_num(numbering, [
        ListLevel("bullet", "\u2022", 360, 220, accent),
        ListLevel("bullet", "\u2013", 720, 220, accent)])
    numbers = add_abstract_num(numbering, [
        ListLevel("decimal", "%1.", 360, 360, accent),
        ListLevel("lowerLetter", "%2.", 720, 360, accent)])
    return Lists(numbering, numbering.add_num(bullets).numId,
                 numbering.add_num(numbers).numId, numbers)
