"""Where things stand in a brief file: its links, headings, tables and figures, by field path.

The outputs are read back in document order; these lists, in the same order, let a
finding about the n-th heading or table of a PDF name the field that made it.
"""

from __future__ import annotations

from ..model.blocks import Table
from ..model.brief import Brief
from ..places import FieldPath


def links(brief: Brief) -> list[tuple[FieldPath, str]]:
    """Every link target written in the brief (text, project urls, footnotes) with its field."""
    return [*brief.link_targets(), *((("footnotes", key), href)
                                     for key, text in brief.footnotes.items()
                                     for href in text.links())]


def link_field(brief: Brief, href: str) -> FieldPath:
    """The first field that links to href; the brief itself when none does."""
    return next((path for path, target in links(brief) if target == href), ())


def outline(brief: Brief) -> list[tuple[FieldPath, int, str]]:
    """The headings a reader navigates: the title (level 1), then section headings (2)."""
    found: list[tuple[FieldPath, int, str]] = [(("title",), 1, brief.title)]
    found += [(("sections", s, "heading"), 2, section.heading.plain)
              for s, section in enumerate(brief.sections) if section.heading is not None]
    return found


def tables(brief: Brief) -> list[tuple[FieldPath, Table]]:
    return [((*path, "table"), block) for path, block in brief.tables()]


def figure_fields(brief: Brief) -> list[FieldPath]:
    """The field path of each figure block's body (…figure), in reading order."""
    return [(*path, "figure") for path, _ in brief.figures()]
