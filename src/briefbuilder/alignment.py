"""Edition alignment: the language editions of one brief must have the same shape.

Compared: sections (and whether each has a heading), block types in order (inside
callouts too), list, table and stats shapes, footnote keys and the footnotes each block
cites, figures (each with its own alt text), charts (kind, series, categories and values;
their names are translated). Text is not compared: it is translated.
Every difference is reported at its place in the edition that differs; blocks after
the first difference of shape are not compared, as they no longer correspond.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest
from typing import assert_never

from .errors import Problem, Severity
from .model import blocks as b
from .model.blocks import Block, ListItem, block_tag
from .model.brief import Brief
from .model.series import Edition
from .places import FieldPath
from .yamlfile import Said

Shape = tuple[FieldPath, str]  # (field path, what stands there)


def _block_shape(path: FieldPath, block: Block) -> Iterator[Shape]:
    """What stands at one block itself; a callout's inner blocks come from the model's walk."""
    yield path, f"a {block_tag(block)} block"
    match block:
        case b.Callout(callout=c):
            yield (*path, "callout", "kind"), f"kind {c.kind}"
        case b.Table(table=t):
            yield (*path, "table"), f"a table of {len(t.rows)} rows x {len(t.header)} columns"
        case b.Bullets(bullets=items):
            yield from _list_shape((*path, "bullets"), items)
        case b.Numbered(numbered=items):
            yield from _list_shape((*path, "numbered"), items)
        case b.Definitions(definitions=items):
            yield (*path, "definitions"), f"{len(items)} item(s)"
        case b.Stats(stats=items):
            yield (*path, "stats"), f"{len(items)} item(s)"
        case b.Projects(projects=p):
            yield (*path, "projects", "items"), f"{len(p.items)} item(s)"
        case b.Chart(chart=c):
            yield (*path, "chart", "kind"), f"a {c.kind} chart"
            numbers = "; ".join(", ".join(f"{v:g}" for v in s.values) for s in c.data.series)
            yield (*path, "chart", "data"), (f"{len(c.data.series)} series over "
                                             f"{len(c.data.categories)} categories ({numbers})")
        case b.Paragraph() | b.Quote() | b.Figure() | b.PageBreak():
            pass
        case _:
            assert_never(block)


def _list_shape(path: FieldPath, items: list[ListItem]) -> Iterator[Shape]:
    yield path, f"{len(items)} item(s)"
    for i, item in enumerate(items):
        yield (*path, i), f"{len(item.children)} nested item(s)"


def shape(edition: Edition) -> list[Shape]:
    """The comparable outline of one edition's body, in reading order."""
    brief = edition.brief
    out: list[Shape] = [(("sections",), f"{len(brief.sections)} section(s)")]
    for s, section in enumerate(brief.sections):
        head = "a heading" if section.heading is not None else "no heading"
        out.append((("sections", s), f"section with {head}"))
        for path, block in section.blocks(("sections", s)):
            out.extend(_block_shape(path, block))
    return out


def cited(brief: Brief) -> dict[FieldPath, set[str]]:
    """The footnote keys each block cites (a section's heading counts as its own block)."""
    out: dict[FieldPath, set[str]] = {}
    for path, text in brief.inlines():
        block = path[:4] if path[2:3] == ("body",) else path[:2]
        out.setdefault(block, set()).update(text.footnote_keys())
    return out


def compare(first: Edition, other: Edition, strict: bool = False) -> list[Problem]:
    """Every place where other diverges from first, each at its place in other's file."""
    said = _footnote_keys(first, other)
    aligned: list[FieldPath] = [("subtitle",)]
    for mine, theirs in zip_longest(shape(first), shape(other)):
        if mine != theirs:
            said.append(_differ(first, other, mine, theirs))
            break
        aligned.append(mine[0])
    said += _citations(first, other, aligned) + _untranslated_alt(first, other)
    severity = Severity.ERROR if strict else Severity.WARNING
    return [other.problem(loc, message, hint, severity) for loc, message, hint in said]


def _footnote_keys(first: Edition, other: Edition) -> list[Said]:
    keys = [", ".join(sorted(e.brief.footnotes)) for e in (first, other)]
    if keys[0] == keys[1]:
        return []
    mine, theirs = (f"footnotes {k}" if k else "no footnotes" for k in keys)
    return [_differ(first, other, (("footnotes",), mine), (("footnotes",), theirs))]


def _differ(first: Edition, other: Edition, mine: Shape | None, theirs: Shape | None) -> Said:
    where = (mine or theirs or ((), ""))[0]
    said = mine[1] if mine else "nothing"
    other_said = theirs[1] if theirs else "nothing"
    return (where, f"{first.path.name} has {said} but {other.path.name} has {other_said}",
            "make the editions match block for block; only the text is translated")


def _citations(first: Edition, other: Edition, aligned: list[FieldPath]) -> list[Said]:
    """A footnote cited in a block of one edition and not in the same block of the other."""
    mine, theirs = cited(first.brief), cited(other.brief)
    said: list[Said] = []
    for block in aligned:
        ours, their = mine.get(block, set()), theirs.get(block, set())
        differences = [f"{one.path.name} cites {_keys(keys)} here but {two.path.name} does not"
                       for one, two, keys in ((first, other, ours - their),
                                              (other, first, their - ours)) if keys]
        if differences:
            said.append((block, "; ".join(differences),
                         "cite the same footnotes in the same block of every edition"))
    return said


def _keys(keys: set[str]) -> str:
    return ", ".join(f"[^{key}]" for key in sorted(keys))


def _untranslated_alt(first: Edition, other: Edition) -> list[Said]:
    """A figure whose alt text is the same in two languages was not translated."""
    if first.brief.lang == other.brief.lang:
        return []
    return [((*path, "figure", "alt"), f"the alt text is the same as in {first.path.name}",
             f"translate it into {other.brief.lang}")
            for (path, mine), (_, theirs) in zip(first.brief.figures(), other.brief.figures(),
                                                 strict=False)
            if mine.figure.alt == theirs.figure.alt]


def check_alignment(editions: list[Edition], strict: bool = False) -> list[Problem]:
    """Compare every edition of each brief with its first (English first when there)."""
    by_brief: dict[tuple[str, str], list[Edition]] = {}
    for edition in editions:
        by_brief.setdefault((edition.series.id, edition.brief.id), []).append(edition)
    problems = []
    for group in by_brief.values():
        group.sort(key=lambda e: (e.brief.lang != "en", e.brief.lang))
        for other in group[1:]:
            problems += compare(group[0], other, strict)
    return problems
