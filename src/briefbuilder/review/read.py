"""Reading a reviewed draft: its snapshot, the pieces of its body and of each footnote, and
its comments (with replies and resolved state from commentsExtended.xml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .package import Package, open_package
from .snapshot import Snapshot, read_snapshot
from .walk import Kind, Piece, Story, W, walk

W14_PARA = "{http://schemas.microsoft.com/office/word/2010/wordml}paraId"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
NORMAL_NOTE = (None, "normal")


@dataclass
class Comment:
    """A reviewer's comment, where it is anchored and its replies."""

    id: str
    author: str
    date: str
    text: str
    quoted: str = ""
    block: str | None = None  # the source bookmark the comment stands in
    done: bool = False
    replies: list[Comment] = field(default_factory=list)


@dataclass
class ReadDraft:
    path: Path
    snapshot: Snapshot
    body: list[Piece]
    notes: dict[str, list[Piece]]  # source bookmark name of a footnote -> its pieces
    comments: list[Comment]
    margins: dict[str, list[Piece]]  # header and footer parts (the masthead) -> their pieces


def read_draft(path: Path, quotes: str = "") -> ReadDraft:
    """Read `path`; raise ContentError when it is not a draft briefbuilder made. `quotes`:
    the marks its text was set in, for a draft whose snapshot does not say."""
    package = open_package(path)
    with package.zip:
        main = package.main_part()
        snapshot = read_snapshot(package, main, quotes)
        story = Story(package.hyperlinks(main), anchors=snapshot.anchors(),
                      quotes=snapshot.quotes)
        notes = _footnotes(package, main, snapshot, story)
        body_el = package.xml(main).find(f"{W}body")
        if body_el is None:
            raise package.error("its document part has no body")
        body = walk(body_el, story)
        comments = _comments(package, main, [body, *notes.values()])
        margins = {part: walk(package.xml(part), Story(package.hyperlinks(part),
                                                        quotes=snapshot.quotes))
                   for kind in ("/header", "/footer") for part in package.related(main, kind)
                   if package.xml(part) is not None}
    return ReadDraft(path, snapshot, body, notes, comments, margins)


def _footnotes(package: Package, main: str, snapshot: Snapshot, story: Story
               ) -> dict[str, list[Piece]]:
    """Each footnote's pieces by its source bookmark (by its order when the bookmark is
    lost and no note was added or removed); fills in `story` which key each footnote id
    and NOTEREF bookmark stands for."""
    sources = snapshot.footnotes()
    keys = {b.name: str(b.path[1]) for b in sources}
    story.note_marks = {f"_RefNote{n}": str(b.path[1]) for n, b in enumerate(sources, start=1)}
    found: dict[str, list[Piece]] = {}
    for part in package.related(main, "/footnotes")[:1]:
        root = package.xml(part)
        note_story = Story(package.hyperlinks(part), anchors=story.anchors,
                           note_marks=story.note_marks, quotes=story.quotes)
        normal = [n for n in root.iter(f"{W}footnote") if n.get(f"{W}type") in NORMAL_NOTE]
        by_order = len(normal) == len(sources)  # no note added or removed: order holds
        for number, note in enumerate(normal, start=1):
            pieces = walk(note, note_story)
            names = [p.value for p in pieces if p.kind is Kind.START]
            name = names[0] if names else f"_bb_fn{number}" if by_order else ""
            if name in keys and name not in found:
                story.notes[note.get(f"{W}id", "")] = keys[name]
                found[name] = pieces
    return found


def _comments(package: Package, main: str, stories: list[list[Piece]]) -> list[Comment]:
    """Top-level comments in document order, each with its replies; `stories` are the
    pieces of the body and of each footnote, where comments are anchored."""
    parts = package.related(main, "/comments")
    if not parts:
        return []
    comments: dict[str, Comment] = {}
    para_of: dict[str, str] = {}  # last paragraph's w14:paraId -> comment id
    for el in package.xml(parts[0]).iter(f"{W}comment"):
        cid = el.get(f"{W}id", "")
        paragraphs = el.findall(f"{W}p")
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs)
        comments[cid] = Comment(cid, el.get(f"{W}author", ""), el.get(f"{W}date", ""),
                                text.strip())
        if paragraphs and paragraphs[-1].get(W14_PARA):
            para_of[paragraphs[-1].get(W14_PARA)] = cid
    for story in stories:
        _place(comments, story)
    parents = _threads(package, main, comments, para_of)
    for cid, parent in parents.items():
        comments[parent].replies.append(comments[cid])
    return [c for cid, c in comments.items() if cid not in parents]


def _place(comments: dict[str, Comment], body: list[Piece]) -> None:
    """The quoted text of each comment and the source text it stands in."""
    open_: dict[str, list[str]] = {}
    block: str | None = None
    for piece in body:
        if piece.kind is Kind.START:
            block = piece.value
            for cid in open_:
                comments[cid].block = comments[cid].block or block
        elif piece.kind is Kind.COMMENT_START and piece.value in comments:
            open_[piece.value] = []
            comments[piece.value].block = block if _inside(body, piece) else None
        elif piece.kind is Kind.COMMENT_END and piece.value in open_:
            comments[piece.value].quoted = "".join(open_.pop(piece.value)).strip()
        elif piece.kind is Kind.END:
            block = None
        elif piece.kind is Kind.TEXT and piece.seen.after:
            for words in open_.values():
                words.append(piece.value)


def _inside(body: list[Piece], piece: Piece) -> bool:
    """Whether `piece` stands between a source bookmark's start and end."""
    depth = 0
    for other in body:
        if other is piece:
            return depth > 0
        depth += (other.kind is Kind.START) - (other.kind is Kind.END)
    return False


def _threads(package: Package, main: str, comments: dict[str, Comment],
             para_of: dict[str, str]) -> dict[str, str]:
    """Reply id -> parent id, and the resolved state, from commentsExtended.xml."""
    parents: dict[str, str] = {}
    for part in package.related(main, "/commentsExtended")[:1]:
        root: Any = package.xml(part)
        for ex in root.iter(f"{W15}commentEx"):
            cid = para_of.get(ex.get(f"{W15}paraId", ""))
            if cid is None:
                continue
            comments[cid].done = ex.get(f"{W15}done") == "1"
            parent = para_of.get(ex.get(f"{W15}paraIdParent", ""))
            if parent is not None and parent != cid:
                parents[cid] = parent
    return parents
