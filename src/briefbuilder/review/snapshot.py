"""The snapshot a draft carries of its source: the ids it was built from and each text's
field path and markup, read from the draft's custom XML part."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from ..model.inline import parse_inline, plain_text
from ..writers.common import anchor_name
from ..writers.docx.draft import bookmark_name
from ..writers.docx.oxml.source import SNAPSHOT_NS
from ..writers.typography import straighten
from .markup import atoms_of
from .package import Package

FieldPath = tuple[str | int, ...]
NOT_OURS = "it was not made by briefbuilder (it carries no briefbuilder snapshot)"


@dataclass(frozen=True)
class Block:
    """One text as built: its bookmark name, its field path in the brief and its markup."""

    name: str
    path: FieldPath
    source: str
    anchored: bool = True  # the draft has a bookmark around it
    unwritten: frozenset[str] = frozenset()  # '#' link targets of no heading: not in the draft
    quotes: str = ""  # the draft's quote marks (Snapshot.quotes), to read its text with

    @property
    def is_footnote(self) -> bool:
        return self.path[0] == "footnotes"


@dataclass(frozen=True)
class Snapshot:
    series: str
    brief: str
    lang: str
    hash: str
    blocks: tuple[Block, ...]
    own: frozenset[str] = frozenset()  # the draft's own paragraphs (title, labels, values)
    quotes: str = ""  # the four marks its quotes are set in ('' in drafts made before)

    def by_name(self) -> dict[str, Block]:
        return {b.name: b for b in self.blocks}

    def footnotes(self) -> list[Block]:
        """The footnote texts, in the order of their numbers."""
        return [b for b in self.blocks if b.is_footnote]

    def anchors(self) -> dict[str, str]:
        """Heading bookmark -> '#anchor', as the writer names them: the first heading of a
        name wins, a heading with no letter or digit has none."""
        found: dict[str, str] = {}
        for block in self.blocks:
            if block.path[-1] == "heading":
                anchor = anchor_name(plain_text(parse_inline(block.source)))
                name = bookmark_name(anchor) if anchor else ""
                if name and name not in found and f"#{anchor}" not in found.values():
                    found[name] = f"#{anchor}"
        return found


def read_snapshot(package: Package, main: str, quotes: str = "") -> Snapshot:
    """The snapshot part, found from the document's custom XML relationships (or, when an
    editor dropped them, among the package's custom XML parts); `quotes`: the marks a
    draft made before snapshots recorded them was set in."""
    names = package.related(main, "/customXml") + sorted(
        n for n in package.zip.namelist() if n.startswith("customXml/item")
        and "Props" not in n)
    for name in names:
        root = package.xml(name)
        if root is not None and root.tag == f"{{{SNAPSHOT_NS}}}snapshot":
            return _snapshot(package, root, quotes)
    raise package.error(NOT_OURS, "review a draft that 'briefbuilder build' made")


def _snapshot(package: Package, root: Any, fallback: str) -> Snapshot:
    try:
        blocks = tuple(Block(b.get("id", ""), tuple(json.loads(b.get("path", ""))),
                             b.text or "", b.get("anchored") != "0")
                       for b in root.iter(f"{{{SNAPSHOT_NS}}}block"))
    except (ValueError, TypeError):
        raise package.error("its briefbuilder snapshot is damaged") from None
    if not all(b.path and all(isinstance(p, str | int) for p in b.path) for b in blocks):
        raise package.error("its briefbuilder snapshot is damaged")
    quotes = root.get("quotes", fallback)
    own = frozenset(straighten(o.text or "", quotes)
                    for o in root.iter(f"{{{SNAPSHOT_NS}}}own"))
    snapshot = Snapshot(root.get("series", ""), root.get("brief", ""), root.get("lang", ""),
                        root.get("hash", ""), blocks, own, quotes)
    headings = set(snapshot.anchors().values())
    return replace(snapshot, blocks=tuple(replace(_unwritten(b, headings), quotes=quotes)
                                          for b in blocks))


def _unwritten(block: Block, headings: set[str]) -> Block:
    """The block with its in-document link targets that name no heading: the writers leave
    those links out (their text stays), so the draft holds none to read back."""
    links = {a.look.href for a in atoms_of(block.source) if a.look.href}
    return replace(block, unwritten=frozenset(
        href for href in links if href.startswith("#") and href not in headings))
