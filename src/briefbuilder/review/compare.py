"""A source text before and after the review, as atoms, compared with the snapshot: the
edit, removal or new text that the difference makes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from difflib import SequenceMatcher

from ..writers.docx.inline import encode_url
from ..writers.typography import straighten
from .changes import Action, Change, Changes, Unplaced, in_list, where
from .markup import Atom, Atoms, atoms_of, normalize, plain, to_markup
from .snapshot import Block
from .walk import Kind, Piece

CONTENT = (Kind.TEXT, Kind.BREAK, Kind.NOTE)
TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
WORD = re.compile(r"\w")
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
    writes them, those the writer left out put back where their text is still there, and
    the typographic quotes the block was written with where they still stand."""
    markup = to_markup(retarget(_unwritten_back(block, atoms), snapshot_atoms(block)[1]))
    return _quotes_back(block, markup)


def _quotes_back(block: Block, markup: str) -> str:
    """`markup` with each quote mark the block's source wrote typographic (the draft's are
    read straight) on the characters that kept their place."""
    straight = straighten(block.source, block.quotes)  # one character for one
    if straight == block.source:
        return markup
    out = list(markup)
    matcher = SequenceMatcher(None, straight, markup, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        out[b:b + size] = block.source[a:a + size]
    return "".join(out)


def _unwritten_back(block: Block, atoms: Atoms) -> Atoms:
    """`atoms` with each link the writer left out put back: on the words that kept their
    place (matched word by word against the text as built) and on what was typed between
    two of them; never on a stray space or letter."""
    if not block.unwritten:
        return atoms
    edited = _words(atoms)
    was = _was(block, edited)
    hrefs = [href if isinstance(href, str) and href in block.unwritten and WORD.search(word)
             and atom.look.href is None else None
             for href, (word, atom) in zip(was, edited, strict=True)]
    _fill_gaps(hrefs, was, edited)
    return normalize(replace(atom, text=word, look=replace(atom.look, href=href or
                                                           atom.look.href))
                     if atom.text else atom
                     for (word, atom), href in zip(edited, hrefs, strict=True))


def _was(block: Block, edited: list[tuple[str, Atom]]) -> list[str | bool | None]:
    """The link each edited word had in the text as built (None: none), or False for a
    word typed in the draft."""
    source = _words(atoms_of(block.source, block.quotes))
    was: list[str | bool | None] = [False] * len(edited)
    matcher = SequenceMatcher(None, [w for w, _ in source], [w for w, _ in edited],
                              autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for i in range(size):
            was[b + i] = source[a + i][1].look.href
    return was


def _fill_gaps(hrefs: list[str | None], was: list[str | bool | None],
               edited: list[tuple[str, Atom]]) -> None:
    """Link what lies between two words of one link when it was typed there or was in the
    link before."""
    last: dict[str, int] = {}
    for index, href in enumerate(hrefs):
        if href is None:
            continue
        gap = range(last.get(href, index) + 1, index)
        if all(was[k] in (False, href) and edited[k][1].look.href is None for k in gap):
            hrefs[gap.start:gap.stop] = [href] * len(gap)
        last[href] = index


def _words(atoms: Atoms) -> list[tuple[str, Atom]]:
    """Each word, space and sign of the atoms with its atom; a note or break is one."""
    return [(word, atom) for atom in atoms for word in (TOKENS.findall(atom.text) or ["\0"])]


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
