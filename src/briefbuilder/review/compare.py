"""A source text before and after the review, as atoms, compared with the snapshot: the
edit, removal or new text that the difference makes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from difflib import SequenceMatcher

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
    atoms = normalize(retarget(atoms_of(block.source, block.quotes),
                               dict.fromkeys(block.unwritten)))
    hrefs = {encode_url(a.look.href): a.look.href for a in atoms
             if a.look.href and not a.look.href.startswith("#")}  # a bookmark's name as is
    return retarget(atoms, {href: encoded for encoded, href in hrefs.items()}), hrefs


def _wrapping_link(before: Atoms, snapshot: Atoms) -> str | None:
    """The link the draft sets around the whole text (a project's name), on every part of
    it that no link of the text's own is on: it is the draft's, not the text's."""
    own = {a.look.href for a in snapshot} - {None}
    targets = {a.look.href for a in before if a.note is None} - own
    if len(targets) != 1 or None in targets:
        return None
    return targets.pop()


def retarget(atoms: Atoms, targets: Mapping[str, str | None]) -> Atoms:
    """The atoms with each link target found in `targets` replaced by its value there."""
    return tuple(replace(a, look=replace(a.look, href=targets.get(a.look.href, a.look.href)))
                 if a.look.href else a for a in atoms)


def compare(block: Block, after: Atoms, before: Atoms, found: Changes) -> None:
    """An edit of `block` when its text after the review differs from the snapshot; tracked
    when the text before the review is still the snapshot's."""
    snapshot = snapshot_atoms(block)[0]
    wrapper = _wrapping_link(before, snapshot)
    if wrapper is not None:
        before, after = (retarget(atoms, {wrapper: None}) for atoms in (before, after))
    if after == snapshot:
        return
    if not after:
        remove(block, before, found)
        return
    if any(a.note == "" for a in after):  # a footnote the reviewer added: no key yet
        found.unplaced.append(Unplaced(where(block), plain(after), NEW_NOTE, block.path))
        return
    try:
        new = markup_of(block, after)
    except ValueError as exc:
        found.unplaced.append(Unplaced(where(block), plain(after), str(exc), block.path))
        return
    found.changes.append(Change(Action.EDIT, block.path, block.source, new, before == snapshot))


def markup_of(block: Block, atoms: Atoms) -> str:
    """The markup of `block`'s text as the draft now holds it: links written as the block
    writes them, those the writer left out put back where their text is still there."""
    return to_markup(retarget(_unwritten_back(block, atoms), snapshot_atoms(block)[1]))


def _unwritten_back(block: Block, atoms: Atoms) -> Atoms:
    """`atoms` with each link the writer left out on the characters that kept their place
    (matched against the text as built); a note or break counts as one character."""
    if not block.unwritten:
        return atoms
    source, edited = _characters(atoms_of(block.source, block.quotes)), _characters(atoms)
    matcher = SequenceMatcher(None, [c for c, _ in source], [c for c, _ in edited],
                              autojunk=False)
    out = [replace(atom, text=c) if atom.text else atom for c, atom in edited]
    for a, b, size in matcher.get_matching_blocks():
        for i in range(size):
            href, kept = source[a + i][1].look.href, out[b + i]
            if href in block.unwritten and kept.text and kept.look.href is None:
                out[b + i] = replace(kept, look=replace(kept.look, href=href))
    return normalize(out)


def _characters(atoms: Atoms) -> list[tuple[str, Atom]]:
    return [(c, atom) for atom in atoms for c in (atom.text or "\0")]


def remove(block: Block, before: Atoms, found: Changes) -> None:
    if not in_list(block.path):
        deleted = "deleted: " + plain(atoms_of(block.source, block.quotes))
        found.unplaced.append(Unplaced(where(block), deleted, "the whole text was deleted, but "
                                       "this field cannot be left empty; change it by hand",
                                       block.path))
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
