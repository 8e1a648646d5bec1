"""Where things stand in a brief file: its blocks, links, headings and tables, by field path.

The outputs are read back in document order; these lists, in the same order, let a
finding about the n-th heading or table of a PDF name the field that made it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model.blocks import Callout, Projects, Table
from ..model.brief import Brief
from ..places import FieldPath


def blocks(brief: Brief) -> Iterator[tuple[FieldPath, Any]]:
    """Every block with its field path, callout contents included, in reading order."""
    for s, section in enumerate(brief.sections):
        for b, block in enumerate(section.body):
            yield from _with_inner(("sections", s, "body", b), block)


def _with_inner(path: FieldPath, block: Any) -> Iterator[tuple[FieldPath, Any]]:
    yield path, block
    if isinstance(block, Callout):
        for i, inner in enumerate(block.callout.text):
            yield from _with_inner((*path, "callout", "text", i), inner)


def links(brief: Brief) -> list[tuple[FieldPath, str]]:
    """Every link target written in the brief (text, footnotes, project urls) with its field."""
    found = [(path, href) for path, text in brief.inlines() for href in text.links()]
    found += [(("footnotes", key), href) for key, text in brief.footnotes.items()
              for href in text.links()]
    for path, block in blocks(brief):
        if isinstance(block, Projects):
            found += [((*path, "projects", "items", i, "url"), item.url)
                      for i, item in enumerate(block.projects.items) if item.url]
    return found


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
    return [((*path, "table"), block) for path, block in blocks(brief)
            if isinstance(block, Table)]


def figure_fields(brief: Brief) -> list[FieldPath]:
    """The field path of each figure block's body (…figure), in reading order."""
    return [(*path, "figure") for path, _ in brief.figures()]
