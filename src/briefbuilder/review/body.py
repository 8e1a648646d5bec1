"""The body of a reviewed draft, paragraph by paragraph of the text after the review: which
source text owns which piece; split, merged, added, removed and moved paragraphs; text
that is the draft's own."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from .changes import Action, Change, Changes, Unplaced, in_list, where
from .compare import (
    CONTENT,
    add,
    atoms_in,
    changed_text,
    compare,
    markup_of,
    remove,
    snapshot_atoms,
)
from .markup import Atoms, atoms_of, plain
from .snapshot import Block
from .walk import Kind, Piece, Seen

ALIKE = 0.8  # how alike two paragraph texts are to count as one (a lost bookmark, own text)


def body_changes(pieces: list[Piece], blocks: dict[str, Block], names: set[str],
                 own: frozenset[str], found: Changes) -> None:
    """The changes of the body's source texts `names` (their bookmarks lost ones put back
    first); `own` holds the paragraphs the draft wrote of its own."""
    pieces = _realign(pieces, [blocks[n] for n in names])
    owners = _owners(pieces, {n: blocks[n] for n in names})
    body = _Body(blocks, own, found)
    for piece, owner in zip(pieces, owners, strict=True):
        if owner is not None and piece.in_text(False):
            body.before.setdefault(owner, []).append(piece)
    for paragraph in _after_paragraphs(pieces, owners):
        body.paragraph(paragraph)
    body.finish()
    for name in sorted(names - body.seen):
        block = blocks[name]
        found.unplaced.append(Unplaced(where(block), block.source,
                                       "its bookmark is gone from the draft", block.path))


@dataclass
class _Body:
    """The body's source texts as the after-text's paragraphs go by."""

    blocks: dict[str, Block]
    own: frozenset[str]
    found: Changes
    before: dict[str, list[Piece]] = field(default_factory=dict)  # text -> its pieces before
    seen: set[str] = field(default_factory=set)  # texts met in the after-text
    order: list[str] = field(default_factory=list)  # the texts met, in that order
    moved: dict[str, Atoms] = field(default_factory=dict)  # list entries moved, their text

    def paragraph(self, paragraph: _Paragraph) -> None:
        """A text with no words left is removed; texts of several paragraphs before that
        stand in one now were merged; a text met again was split."""
        filled = [[n for n in group if atoms_in(paragraph.owned[n], True)]
                  for group in paragraph.groups]
        for name in paragraph.owned:
            if not any(name in group for group in filled):
                self.remove(name)
        _loose(paragraph, self, may_add=not any(filled))
        filled = [group for group in filled if group]
        if len(filled) == 1:
            for name in filled[0]:
                self.place(name, atoms_in(paragraph.owned[name], True),
                           moved=_moved_here(paragraph.owned[name]))
        elif filled:
            self.merge(paragraph, filled)

    def merge(self, paragraph: _Paragraph, filled: list[list[str]]) -> None:
        """Paragraphs merged: the first text takes the others' words, they go."""
        first = self.blocks[filled[0][0]]
        if any(len(group) > 1 for group in filled):
            self.found.unplaced.append(Unplaced(
                where(first), plain(atoms_in(paragraph.pieces(), True)),
                "paragraphs holding several texts were merged", first.path))
            return
        for group in filled[1:]:
            self.remove(group[0])
        self.place(first.name, atoms_in(paragraph.pieces(), True))

    def place(self, name: str, atoms: Atoms, moved: bool = False) -> None:
        """The text of `name` after the review; a second paragraph of it is a new text; a
        list entry moved here is placed once its neighbours are known (`finish`)."""
        block = self.blocks[name]
        if name in self.seen:
            self.found.changes.append(add(block, atoms))
            return
        self.seen.add(name)
        self.order.append(name)
        if moved and in_list(block.path):
            self.moved[name] = atoms
            return
        compare(block, atoms, atoms_in(self.before.get(name, []), False), self.found)

    def finish(self) -> None:
        """Each moved list entry follows the entry before it in the same list, or goes to
        the top of its list; a move among other moved entries or into another list is
        left to the user."""
        for name, atoms in self.moved.items():
            block = self.blocks[name]
            at = self.order.index(name)
            near = [self.blocks[n].path for n in self.order[max(at - 1, 0):at + 2] if n != name]
            same = [p for p in near if p[:-1] == block.path[:-1]]
            new = markup_of(block, atoms)
            if not same or any(self.blocks[n].path in same for n in self.moved):
                self.found.unplaced.append(Unplaced(
                    where(block), plain(atoms), "it moved into another list or among other "
                    "moved entries; move it in the YAML by hand", block.path))
                continue
            before = self.blocks[self.order[at - 1]].path if at else None
            to = before if before in same else None
            self.found.changes.append(Change(Action.MOVE, block.path, block.source, new, to=to))

    def remove(self, name: str) -> None:
        if name not in self.seen:
            self.seen.add(name)
            before = atoms_in(self.before.get(name, []), False)
            remove(self.blocks[name], before, self.found)


def _moved_here(pieces: list[Piece]) -> bool:
    """Whether all the text of `pieces` was moved here (w:moveTo)."""
    content = [p for p in pieces if p.kind in CONTENT and p.seen.after]
    return bool(content) and all(p.seen is Seen.MOVED_TO for p in content)


def _realign(pieces: list[Piece], blocks: list[Block]) -> list[Piece]:
    """Bookmarks put back where an editor lost them: around the paragraph of no source text
    whose text before the review is most like the snapshot's (at least ALIKE)."""
    present = {p.value for p in pieces if p.kind is Kind.START}
    lost = [b for b in blocks if b.name not in present]
    if not lost:
        return pieces
    spans, start = [], 0
    for index, piece in enumerate(pieces):
        if piece.kind is Kind.MARK:
            if not any(p.kind in (Kind.START, Kind.END) for p in pieces[start:index]):
                spans.append((start, index))
            start = index + 1
    inserted: dict[int, list[Piece]] = {}
    for block in lost:
        target = plain(atoms_of(block.source, block.quotes))
        scored = [(SequenceMatcher(None, plain(atoms_in(pieces[a:b], False)), target).ratio(),
                   (a, b)) for a, b in spans]
        if scored and max(scored)[0] >= ALIKE:
            a, b = max(scored)[1]
            spans.remove((a, b))
            inserted.setdefault(a, []).append(Piece(Kind.START, Seen.BOTH, block.name))
            inserted.setdefault(b, []).insert(0, Piece(Kind.END, Seen.BOTH, block.name))
    return [p for index, piece in enumerate(pieces)
            for p in (*inserted.get(index, ()), piece)]


def _owners(pieces: list[Piece], blocks: dict[str, Block]) -> list[str | None]:
    """The source text each piece belongs to: inside its bookmark, and after the bookmark's
    end to the paragraph's end (text typed at the end of a paragraph; LibreOffice also moves
    a bookmark's end before a paragraph's last character) unless the draft's own text
    stands there (a label between two texts of one paragraph)."""
    owners: list[str | None] = []
    current: str | None = None
    tail: tuple[str, list[int]] | None = None  # the text last ended, and the pieces after it
    for index, piece in enumerate(pieces):
        if piece.kind is Kind.START and piece.value in blocks:
            if tail is not None:
                _trim(pieces, owners, *tail, blocks)
            current, tail = piece.value, None
        owners.append(current or (tail[0] if tail else None))
        if tail is not None:
            tail[1].append(index)
        if piece.kind is Kind.END and piece.value == current:
            tail, current = (current, []), None
        elif piece.kind is Kind.MARK and current is None and tail is not None:
            _trim(pieces, owners, *tail, blocks, keep_if_unsure=True)
            tail = None
    return owners


def _trim(pieces: list[Piece], owners: list[str | None], name: str, after: list[int],
          blocks: dict[str, Block], keep_if_unsure: bool = False) -> None:
    """Give the unchanged text after a bookmark's end back to the draft when the text
    before the review matches the snapshot without it; keep it when it matches with it
    (else keep it only at a paragraph's end, `keep_if_unsure`)."""
    unchanged = {i for i in after if pieces[i].seen is Seen.BOTH and pieces[i].kind in CONTENT}
    if not unchanged:
        return
    snapshot = snapshot_atoms(blocks[name])[0]
    mine = [i for i, owner in enumerate(owners) if owner == name]
    with_tail = atoms_in((pieces[i] for i in mine), False)
    without = atoms_in((pieces[i] for i in mine if i not in unchanged), False)
    if without == snapshot or (with_tail != snapshot and not keep_if_unsure):
        for i in unchanged:
            owners[i] = None


@dataclass
class _Paragraph:
    """A paragraph of the text after the review: its pieces by the source text they own,
    the source texts grouped by the paragraph they stood in before (several when merged)."""

    owned: dict[str, list[Piece]] = field(default_factory=dict)
    loose: list[Piece] = field(default_factory=list)  # pieces of no source text
    groups: list[list[str]] = field(default_factory=lambda: [[]])
    follows: str | None = None  # the source text last seen before this paragraph

    def pieces(self) -> list[Piece]:
        return [p for group in self.groups for n in group for p in self.owned[n]]


def _after_paragraphs(pieces: list[Piece], owners: list[str | None]) -> list[_Paragraph]:
    paragraphs = [_Paragraph()]
    last: str | None = None
    for piece, owner in zip(pieces, owners, strict=True):
        paragraph = paragraphs[-1]
        if piece.kind is Kind.MARK and piece.in_text(True):
            paragraphs.append(_Paragraph(follows=last))
            continue
        if piece.kind is Kind.MARK and paragraph.groups[-1]:  # a deleted mark: merged
            paragraph.groups.append([])
        if owner is None:
            paragraph.loose.append(piece)
            continue
        if owner not in paragraph.owned:
            paragraph.groups[-1].append(owner)
        paragraph.owned.setdefault(owner, []).append(piece)
        last = owner
    return paragraphs


def _loose(paragraph: _Paragraph, body: _Body, may_add: bool) -> None:
    """Text of no source text: a new paragraph when a whole paragraph was inserted, or is
    unlike any the draft wrote (typed with Track Changes off); else a change of the
    draft's own text (title, labels), unplaced."""
    texts = [p for p in paragraph.loose if p.kind in CONTENT]
    inserted = [p for p in texts if p.seen in (Seen.AFTER, Seen.MOVED_TO)]
    changed = [p for p in texts if p.seen not in (Seen.BOTH, Seen.MOVED_FROM)]  # a move
    # away is seen where the text went
    new = atoms_in(texts, True)
    if not changed and (paragraph.owned or not new or not body.own or plain(new) in body.own):
        return  # beside a source text, unchanged text is the draft's (a label)
    untracked = not changed and not _like_own(plain(new), body.own)
    follows = body.blocks.get(paragraph.follows or "")
    if may_add and follows is not None and (untracked or len(inserted) == len(texts)):
        _new_paragraph(follows, new, body.found, tracked=not untracked)
        return
    body.found.unplaced.append(Unplaced(
        f"the draft's own text \"{plain(atoms_in(texts, False))}\"",
        changed_text(changed or texts),
        "it is not a text of the brief (the title, a label or the date); edit the content "
        "or the theme's labels by hand"))


def _new_paragraph(follows: Block, new: Atoms, found: Changes, tracked: bool) -> None:
    """A paragraph added after `follows`: a new entry of its list."""
    if not in_list(follows.path):
        found.unplaced.append(Unplaced(
            f"a new paragraph after {where(follows)}", plain(new),
            "only paragraphs and list items can be added (not table cells or columns); "
            "add it to the YAML by hand", follows.path))
        return
    try:
        found.changes.append(replace(add(follows, new), tracked=tracked))
    except ValueError as exc:
        found.unplaced.append(Unplaced(f"after {where(follows)}", plain(new), str(exc),
                                       follows.path))


def _like_own(text: str, own: frozenset[str]) -> bool:
    """Whether a paragraph's text is like one the draft wrote of its own (edited with Track
    Changes off)."""
    return any(SequenceMatcher(None, text, mine).ratio() >= ALIKE for mine in own)
