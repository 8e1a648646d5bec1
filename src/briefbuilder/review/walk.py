"""Walking a story of a reviewed draft (the body, one footnote) into a row of pieces, each
seen in the text before the review, after it, or both: WordprocessingML's tracked changes
(`w:ins`, `w:del`, `w:moveFrom`/`w:moveTo`, paragraph marks, `w:rPrChange`) read once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ..writers.typography import straighten
from .markup import PLAIN, Look

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
SOURCE_PREFIX = "_bb_"
NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)")
COPIED = re.compile(r"_Copy_\d+$")  # LibreOffice's rename of a bookmark it took for a copy
OFF = ("0", "false", "off", "none")
SKIPPED = {f"{W}{t}" for t in ("pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGrid",
                               "proofErr", "commentReference", "lastRenderedPageBreak",
                               "drawing", "pict", "object", "sdtPr", "sdtEndPr")}


class Seen(Enum):
    """In which text a piece stands: both, only before the review, only after it (moved
    text: where it was, where it went)."""

    BOTH = "both"
    BEFORE = "before"
    AFTER = "after"
    MOVED_FROM = "moved-from"
    MOVED_TO = "moved-to"

    def joined(self, inner: Seen) -> Seen:
        return inner if self is Seen.BOTH else self

    @property
    def after(self) -> bool:
        return self in (Seen.BOTH, Seen.AFTER, Seen.MOVED_TO)

    @property
    def before(self) -> bool:
        return self in (Seen.BOTH, Seen.BEFORE, Seen.MOVED_FROM)


class Kind(Enum):
    TEXT = "text"
    BREAK = "break"
    NOTE = "note"  # a footnote mark; value: the note's key
    MARK = "mark"  # a paragraph mark
    START = "start"  # a source bookmark begins; value: its name
    END = "end"
    COMMENT_START = "comment-start"  # value: the comment's id
    COMMENT_END = "comment-end"


@dataclass(frozen=True)
class Piece:
    """One text, mark or boundary of a story, in the look it has after and before."""

    kind: Kind
    seen: Seen
    value: str = ""
    after: Look = PLAIN
    before: Look = PLAIN

    def look(self, after: bool) -> Look:
        return self.after if after else self.before

    def in_text(self, after: bool) -> bool:
        return self.seen.after if after else self.seen.before


@dataclass
class Story:
    """What a walk needs to know: links by relationship id, notes by id, heading anchors."""

    links: dict[str, str]
    notes: dict[str, str] = field(default_factory=dict)  # w:footnote w:id -> key
    note_marks: dict[str, str] = field(default_factory=dict)  # _RefNoteN -> key
    anchors: dict[str, str] = field(default_factory=dict)  # heading bookmark -> #anchor
    bookmarks: dict[str, str] = field(default_factory=dict)  # w:id -> source bookmark name
    quotes: str = ""  # the marks the draft's quotes are set in, as typeset takes them


@dataclass
class _Field:
    code: str = ""
    result: bool = False


@dataclass
class _Walk:
    story: Story
    pieces: list[Piece] = field(default_factory=list)
    fields: list[_Field] = field(default_factory=list)

    def add(self, kind: Kind, seen: Seen, value: str = "", after: Look = PLAIN,
            before: Look = PLAIN) -> None:
        self.pieces.append(Piece(kind, seen, value, after, before))

    def element(self, el: Any, seen: Seen, href: str | None) -> None:
        tag = el.tag
        handler = _HANDLERS.get(tag) if isinstance(tag, str) else None
        if handler is not None:
            handler(self, el, seen, href)
        elif tag not in SKIPPED and isinstance(tag, str):
            self.children(el, seen, href)

    def children(self, el: Any, seen: Seen, href: str | None) -> None:
        for child in el:
            self.element(child, seen, href)

    def in_code(self) -> bool:
        return bool(self.fields) and not self.fields[-1].result

    def hidden_result(self) -> bool:
        """Inside the shown result of a NOTEREF field, which stands for a footnote mark."""
        return any(f.result and NOTEREF.match(f.code) for f in self.fields)


def _paragraph(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
    walk.children(el, seen, href)
    changes = el.find(f"{W}pPr/{W}rPr")
    mark = seen
    for child in [] if changes is None else changes:
        mark = MARKS.get(child.tag, mark)
    walk.add(Kind.MARK, mark)


def _changed(seen_in: Seen) -> Callable[[_Walk, Any, Seen, str | None], None]:
    def handle(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
        walk.children(el, seen.joined(seen_in), href)
    return handle


def _hyperlink(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
    anchor = el.get(f"{W}anchor")
    target = walk.story.links.get(el.get(R_ID, ""), "") if anchor is None else \
        walk.story.anchors.get(anchor, f"#{anchor}")
    walk.children(el, seen, target or href)


def _look(rpr: Any, href: str | None) -> Look:
    def on(name: str) -> bool:
        found = None if rpr is None else rpr.find(f"{W}{name}")
        return found is not None and found.get(f"{W}val", "true").lower() not in OFF
    return Look(on("b"), on("i"), href)


def _run(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
    rpr = el.find(f"{W}rPr")
    after = _look(rpr, href)
    change = None if rpr is None else rpr.find(f"{W}rPrChange")
    before = after if change is None else _look(change.find(f"{W}rPr"), href)
    for child in el:
        tag = child.tag
        if tag == f"{W}fldChar":
            _field_char(walk, child.get(f"{W}fldCharType"), seen)
        elif tag in (f"{W}instrText", f"{W}delInstrText"):
            if walk.fields:
                walk.fields[-1].code += child.text or ""
        elif walk.in_code() or walk.hidden_result():
            continue
        elif tag in (f"{W}t", f"{W}delText"):
            walk.add(Kind.TEXT, seen, straighten(child.text or "", walk.story.quotes), after,
                     before)
        elif tag == f"{W}tab":
            walk.add(Kind.TEXT, seen, "\t", after, before)
        elif tag == f"{W}noBreakHyphen":
            walk.add(Kind.TEXT, seen, "-", after, before)
        elif tag in (f"{W}br", f"{W}cr") and child.get(f"{W}type") in (None, "textWrapping"):
            walk.add(Kind.BREAK, seen, "", after, before)
        elif tag == f"{W}footnoteReference":
            walk.add(Kind.NOTE, seen, walk.story.notes.get(child.get(f"{W}id", ""), ""))


def _field_char(walk: _Walk, kind: str | None, seen: Seen) -> None:
    if kind == "begin":
        walk.fields.append(_Field())
    elif kind == "separate" and walk.fields:
        field_ = walk.fields[-1]
        field_.result = True
        _noteref(walk, field_.code, seen)
    elif kind == "end" and walk.fields:
        walk.fields.pop()


def _noteref(walk: _Walk, code: str, seen: Seen) -> None:
    """A NOTEREF field is a further mark of a note: our `[^key]` again."""
    match = NOTEREF.match(code)
    if match and match.group(1) in walk.story.note_marks:
        walk.add(Kind.NOTE, seen, walk.story.note_marks[match.group(1)])


def _simple_field(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
    code = el.get(f"{W}instr", "")
    if NOTEREF.match(code):
        _noteref(walk, code, seen)
    else:
        walk.children(el, seen, href)


def _bookmark_start(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
    name = COPIED.sub("", el.get(f"{W}name", ""))
    if name.startswith(SOURCE_PREFIX):
        walk.story.bookmarks[el.get(f"{W}id", "")] = name
        walk.add(Kind.START, Seen.BOTH, name)


def _bookmark_end(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
    name = walk.story.bookmarks.get(el.get(f"{W}id", ""))
    if name is not None:
        walk.add(Kind.END, Seen.BOTH, name)


def _comment(kind: Kind) -> Callable[[_Walk, Any, Seen, str | None], None]:
    def handle(walk: _Walk, el: Any, seen: Seen, href: str | None) -> None:
        walk.add(kind, Seen.BOTH, el.get(f"{W}id", ""))
    return handle


_HANDLERS: dict[str, Callable[[_Walk, Any, Seen, str | None], None]] = {
    f"{W}p": _paragraph,
    f"{W}ins": _changed(Seen.AFTER),
    f"{W}moveTo": _changed(Seen.MOVED_TO),
    f"{W}del": _changed(Seen.BEFORE),
    f"{W}moveFrom": _changed(Seen.MOVED_FROM),
    f"{W}hyperlink": _hyperlink,
    f"{W}r": _run,
    f"{W}fldSimple": _simple_field,
    f"{W}bookmarkStart": _bookmark_start,
    f"{W}bookmarkEnd": _bookmark_end,
    f"{W}commentRangeStart": _comment(Kind.COMMENT_START),
    f"{W}commentRangeEnd": _comment(Kind.COMMENT_END),
}

# A paragraph mark inserted, deleted or moved: its w:pPr/w:rPr holds the revision.
MARKS = {f"{W}ins": Seen.AFTER, f"{W}del": Seen.BEFORE, f"{W}moveTo": Seen.MOVED_TO,
         f"{W}moveFrom": Seen.MOVED_FROM}


def walk(element: Any, story: Story) -> list[Piece]:
    """The pieces of a story element (`w:body`, `w:footnote`) in document order."""
    state = _Walk(story)
    state.children(element, Seen.BOTH, None)
    return state.pieces
