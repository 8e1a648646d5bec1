"""Edition alignment: the language editions of one brief must have the same shape.

Compared: sections (and whether each has a heading), block types in order (inside
callouts too), list, table and stats shapes, footnote keys, figures (each with its
own alt text). Text is not compared: it is translated.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest
from typing import Any

from pydantic import BaseModel

from .errors import Problem, Severity
from .model.blocks import Callout, ListItem, Paragraph, Table, block_tag
from .model.series import Edition
from .yamlfile import format_path

Shape = tuple[tuple[str | int, ...], str]  # (field path, what stands there)


def _block_shape(path: tuple[str | int, ...], block: BaseModel) -> Iterator[Shape]:
    tag = block_tag(block) or type(block).__name__
    yield path, f"a {tag} block"
    if isinstance(block, Paragraph):
        return
    if isinstance(block, Callout):
        yield (*path, "callout", "kind"), f"kind {block.callout.kind}"
        for i, inner in enumerate(block.callout.text):
            yield from _block_shape((*path, "callout", "text", i), inner)
    elif isinstance(block, Table):
        t = block.table
        yield (*path, "table"), f"a table of {len(t.rows)} rows x {len(t.header)} columns"
    else:
        items: Any = getattr(block, tag.replace("-", "_"))
        if isinstance(items, list):
            yield (*path, tag), f"{len(items)} item(s)"
            for i, item in enumerate(items):
                if isinstance(item, ListItem):
                    yield (*path, tag, i), f"{len(item.children)} nested item(s)"
        elif hasattr(items, "items"):
            yield (*path, tag, "items"), f"{len(items.items)} item(s)"


def shape(edition: Edition) -> list[Shape]:
    """The comparable outline of one edition, in reading order."""
    brief = edition.brief
    keys = ", ".join(sorted(brief.footnotes))
    out: list[Shape] = [(("footnotes",), f"footnotes {keys}" if keys else "no footnotes")]
    out.append((("sections",), f"{len(brief.sections)} section(s)"))
    for s, section in enumerate(brief.sections):
        head = "a heading" if section.heading is not None else "no heading"
        out.append((("sections", s), f"section with {head}"))
        for b, block in enumerate(section.body):
            out.extend(_block_shape(("sections", s, "body", b), block))
    return out


def compare(first: Edition, other: Edition, strict: bool = False) -> Problem | None:
    """The first place where two editions of a brief diverge, or None."""
    for mine, theirs in zip_longest(shape(first), shape(other)):
        if mine == theirs:
            continue
        where = (mine or theirs)[0]
        said = mine[1] if mine else "nothing"
        other_said = theirs[1] if theirs else "nothing"
        return Problem(
            f"{first.path.name} has {said} but {other.path.name} has {other_said}",
            other.path, None, None, format_path(where),
            "make the editions match block for block; only the text is translated",
            Severity.ERROR if strict else Severity.WARNING)
    return _untranslated_alt(first, other, strict)


def _untranslated_alt(first: Edition, other: Edition, strict: bool) -> Problem | None:
    """A figure whose alt text is the same in two languages was not translated."""
    for (path, mine), (_, theirs) in zip(first.brief.figures(), other.brief.figures(),
                                         strict=False):
        if mine.figure.alt == theirs.figure.alt and first.brief.lang != other.brief.lang:
            return Problem(
                f"the alt text is the same as in {first.path.name}", other.path, None, None,
                format_path((*path, "figure", "alt")),
                f"translate it into {other.brief.lang}",
                Severity.ERROR if strict else Severity.WARNING)
    return None


def check_alignment(editions: list[Edition], strict: bool = False) -> list[Problem]:
    """Compare every edition of each brief with its first (English first when there)."""
    by_brief: dict[tuple[str, str], list[Edition]] = {}
    for edition in editions:
        by_brief.setdefault((edition.series.id, edition.brief.id), []).append(edition)
    problems = []
    for group in by_brief.values():
        group.sort(key=lambda e: (e.brief.lang != "en", e.brief.lang))
        for other in group[1:]:
            problem = compare(group[0], other, strict)
            if problem is not None:
                problems.append(problem)
    return problems
