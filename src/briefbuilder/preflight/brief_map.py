"""Where things stand in a brief file: its links, headings, tables and figures, by field path.

The outputs are read back in document order; these lists, in the same order, let a
finding about the n-th heading or table of a PDF name the field that made it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..model.blocks import Chart, Figure, Table
from ..model.brief import Brief
from ..model.inline import plain_text
from ..places import FieldPath


def links(brief: Brief) -> list[tuple[FieldPath, str]]:
    """Every link target written in the brief (text, project urls, footnotes) with its field."""
    return [*brief.link_targets(), *((("footnotes", key), href)
                                     for key, text in brief.footnotes.items()
                                     for href in text.links())]


def goes_nowhere(href: str) -> bool:
    """'#' alone, or a scheme with nothing after it."""
    parts = urlsplit(href)
    return (href.strip() in ("", "#") or (parts.scheme in ("http", "https") and not parts.netloc)
            or (parts.scheme == "mailto" and not parts.path.strip()))


def link_field(brief: Brief, href: str) -> FieldPath:
    """The first field that links to href; the brief itself when none does."""
    return next((path for path, target in links(brief) if target == href), ())


def outline(brief: Brief) -> list[tuple[FieldPath, int, str]]:
    """The headings a reader navigates: the title (level 1), then section headings (2), each
    as printed (a footnote's mark as its number)."""
    numbers = brief.footnote_numbers()
    found: list[tuple[FieldPath, int, str]] = [(("title",), 1, brief.title)]
    found += [(("sections", s, "heading"), 2, plain_text(section.heading.spans, numbers))
              for s, section in enumerate(brief.sections) if section.heading is not None]
    return found


def tables(brief: Brief) -> list[tuple[FieldPath, list[str]]]:
    """Each table of the outputs with its header texts: the brief's tables, and the data
    table that follows each chart (a corner cell for the unit, then the series names)."""
    found: list[tuple[FieldPath, list[str]]] = []
    for path, block in brief.blocks():
        if isinstance(block, Table):
            found.append(((*path, "table"), [cell.plain for cell in block.table.header]))
        elif isinstance(block, Chart):
            chart = block.chart
            found.append(((*path, "chart", "data"),
                          [chart.unit or "", *(s.name for s in chart.data.series)]))
    return found


def figures(brief: Brief) -> list[tuple[FieldPath, str]]:
    """The field path of each figure or chart block's body (…figure, …chart) and its alt
    text, in reading order: both are figures with alt text in the outputs."""
    return [((*path, "figure"), block.figure.alt) if isinstance(block, Figure)
            else ((*path, "chart"), block.chart.alt)
            for path, block in brief.blocks() if isinstance(block, Figure | Chart)]
