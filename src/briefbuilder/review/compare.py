"""A source text before and after the review, as atoms, compared with the snapshot: the
edit, removal or new text that the difference makes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from ..writers.docx.inline import encode_url
from .changes import Action, Change, Changes, Unplaced, in_list, where
from .markup import Atom, Atoms, atoms_of, normalize, plain, to_markup
from .snapshot import Block
from .walk import Kind, Piece

CONTENT = (Kind.TEXT, Kind.BREAK, Kind.NOTE)
NEW_NOTE = ("it holds a footnote added in the draft; add the note under footnotes: and "
            "cite it as [^key] by hand")


def atoms_in(pieces: Iterable[Piece], after: bool) -> Atoms:
    """The text of `pieces` after (or before) the review, paragraph marks as spaces."""
    atoms: list[Atom] = []
    for piece in pieces:
        if not piece.in_text(after):
            continue
        look = piece.look(after)
        if piece.kind is Kind.TEXT:
            atoms.append(Atom(piece.value, look))
        elif piece.kind is Kind.BREAK:
            atoms.append(Atom(look=look, brk=True))
        elif piece.kind is Kind.NOTE:
            atoms.append(Atom(note=piece.value))
        elif piece.kind is Kind.MARK and atoms:
            atoms.append(Atom(" ", look))
    return normalize(atoms)


def snapshot_atoms(block: Block) -> tuple[Atoms, dict[str, str]]:
    """The snapshot's text as the draft holds it (without the links the writer left out,
    link targets encoded as the writer encodes them), and encoded target -> target as
    written."""
    atoms = normalize(retarget(atoms_of(block.source), dict.fromkeys(block.unwritten)))
    hrefs = {encode_url(a.look.href): a.look.href for a in atoms if a.look.href}
    return retarget(atoms, {href: encoded for encoded, href in hrefs.items()}), hrefs


def _wrapping_link(before: Atoms, snapshot: Atoms) -> str | None:
    """The link the draft sets around the whole text (a project's name) though the text
    itself has none: it is the draft's, not the text's."""
    targets = {a.look.href for a in before if a.note is None}
    if len(targets) != 1 or None in targets:
        return None
    target = targets.pop()
    return target if all(a.look.href != target for a in snapshot) else None


def retarget(atoms: Atoms, targets: Mapping[str, str | None]) -> Atoms:
    """The atoms with each link target found in `targets` replaced by its value there."""
    return tuple(replace(a, look=replace(a.look, href=targets.get(a.look.href, a.look.href)))
                 if a.look.href else a for a in atoms)


def compare(block: Block, after: Atoms, before: Atoms, found: Changes) -> None:
    """An edit of `block` when its text after the review differs from the snapshot; tracked
    when the text before the review is still the snapshot's."""
    snapshot, hrefs = snapshot_atoms(block)
    wrapper = _wrapping_link(before, snapshot)
    if wrapper is not None:
        before, after = (retarget(atoms, {wrapper: None}) for atoms in (before, after))
    if after == snapshot:
        return
    if not after:
        remove(block, before, found)
        return
    if any(a.note == "" for a in after):  # a footnote the reviewer added: no key yet
        found.unplaced.append(Unplaced(where(block), plain(after), NEW_NOTE))
        return
    try:
        new = to_markup(retarget(after, hrefs))
    except ValueError as exc:
        found.unplaced.append(Unplaced(where(block), plain(after), str(exc)))
        return
    found.changes.append(Change(Action.EDIT, block.path, block.source, new, before == snapshot))


def remove(block: Block, before: Atoms, found: Changes) -> None:
    if not in_list(block.path):
        found.unplaced.append(Unplaced(where(block), "", "the whole text was deleted, but "
                                       "this field cannot be left empty; change it by hand"))
        return
    tracked = before == snapshot_atoms(block)[0]
    found.changes.append(Change(Action.REMOVE, block.path, block.source, "", tracked))


def add(block: Block, atoms: Atoms) -> Change:
    """A new text after `block`, its links written as `block`'s are."""
    return Change(Action.ADD, block.path, block.source,
                  to_markup(retarget(atoms, snapshot_atoms(block)[1])))


def changed_text(pieces: list[Piece]) -> str:
    """What was typed (else what was deleted) among `pieces`."""
    return plain(atoms_in(pieces, True)) or "deleted: " + plain(atoms_in(pieces, False))
