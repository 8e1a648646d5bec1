"""Every change of a reviewed draft against its snapshot: the body, the footnotes, and
changes typed into headers and footers (the masthead)."""

from __future__ import annotations

from .body import body_changes
from .changes import Changes, Unplaced
from .compare import CONTENT, atoms_in, changed_text, compare
from .read import ReadDraft
from .walk import Seen


def find_changes(draft: ReadDraft) -> Changes:
    """Every change of the draft against its snapshot."""
    blocks = draft.snapshot.by_name()
    found = Changes()
    body = [b for b in draft.snapshot.blocks if not b.is_footnote and b.anchored]
    body_changes(draft.body, blocks, {b.name for b in body}, draft.snapshot.own, found)
    for part, margin in sorted(draft.margins.items()):
        changed = [p for p in margin if p.kind in CONTENT and p.seen is not Seen.BOTH]
        if changed:
            found.unplaced.append(Unplaced(
                f"the page header or footer ({part})", changed_text(changed),
                "the masthead, headers and footers come from the theme and the brief's "
                "title, date and labels; edit those by hand"))
    for block in draft.snapshot.footnotes():
        pieces = draft.notes.get(block.name)
        if pieces is None:
            found.unplaced.append(Unplaced(f"footnote {block.path[1]}", block.source,
                                           "the footnote is gone from the draft", block.path))
        else:
            compare(block, atoms_in(pieces, True), atoms_in(pieces, False), found)
    return found
