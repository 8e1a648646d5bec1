"""Reviewed drafts shaped the way Microsoft Word writes them, made from our own draft.

Each function takes the draft's parts and changes them as Word does when a reviewer works
with Track Changes on (or off); the docstring names the Word behaviour it mimics. Word's
XML here follows what Word 2016-365 saves: revisions carry w:id, w:author and w:date, runs
carry w:rsidR, paragraphs fresh w14:paraId / w14:textId.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
W16CID_NS = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
W = f"{{{W_NS}}}"
AUTHOR, DATE = "Ana Reviewer", "2024-10-02T09:30:00Z"
DOCUMENT, FOOTNOTES = "word/document.xml", "word/footnotes.xml"


def w(tag: str, **attrs: str) -> Any:
    """A w: element with w: attributes."""
    el = etree.Element(f"{W}{tag}")
    for name, value in attrs.items():
        el.set(f"{W}{name}", value)
    return el


@dataclass
class WordDraft:
    """The parts of a draft, edited in place; `data()` zips them again."""

    parts: dict[str, bytes]
    xml: dict[str, Any] = field(default_factory=dict)
    ids: Any = field(default_factory=lambda: itertools.count(9000))

    @classmethod
    def of(cls, data: bytes) -> WordDraft:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return cls({n: package.read(n) for n in package.namelist()})

    def part(self, name: str) -> Any:
        if name not in self.xml:
            self.xml[name] = etree.fromstring(self.parts[name])
        return self.xml[name]

    def data(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name, blob in self.parts.items():
                if name in self.xml:
                    blob = etree.tostring(self.xml[name], xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
                package.writestr(name, blob)
        return out.getvalue()

    def revision(self, tag: str) -> Any:
        return w(tag, id=str(next(self.ids)), author=AUTHOR, date=DATE)

    def paragraph(self, bookmark: str, part: str = DOCUMENT) -> Any:
        """The paragraph holding the start of source bookmark `bookmark`."""
        start = self.part(part).xpath(f"//w:bookmarkStart[@w:name='{bookmark}']",
                                      namespaces={"w": W_NS})[0]
        return start.getparent()

    def run_anywhere(self, words: str, part: str = DOCUMENT) -> Any:
        """The first run of the part whose text holds `words`."""
        return next(t.getparent() for t in self.part(part).iter(f"{W}t")
                    if words in (t.text or ""))

    def run_with(self, bookmark: str, words: str, part: str = DOCUMENT) -> Any:
        """The run of the bookmarked paragraph whose text holds `words`."""
        for t in self.paragraph(bookmark, part).iter(f"{W}t"):
            if words in (t.text or ""):
                return t.getparent()
        raise AssertionError(f"{words!r} not in {bookmark}")


def split_run(run: Any, words: str) -> tuple[Any, Any, Any]:
    """Split `run` in three around the first `words`: (before, words, after) runs, each a
    copy of the run's properties. Word splits runs this way at every edit."""
    text = run.find(f"{W}t").text
    at = text.index(words)
    pieces = [text[:at], words, text[at + len(words):]]
    made = []
    for piece in pieces:
        new = etree.fromstring(etree.tostring(run))
        new.find(f"{W}t").text = piece
        new.find(f"{W}t").set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.addprevious(new)
        made.append(new)
    run.getparent().remove(run)
    return made[0], made[1], made[2]


def as_deleted(run: Any) -> None:
    """A run's w:t becomes w:delText (Word's deleted text)."""
    for t in run.iter(f"{W}t"):
        t.tag = f"{W}delText"


def wrap(draft: WordDraft, tag: str, *runs: Any) -> Any:
    """Put `runs` inside a new revision element (w:ins, w:del, w:moveFrom, w:moveTo)."""
    revision = draft.revision(tag)
    runs[0].addprevious(revision)
    for run in runs:
        revision.append(run)
    if tag in ("del", "moveFrom"):
        for run in runs:
            as_deleted(run)
    return revision


def text_run(text: str, like: Any | None = None) -> Any:
    """A run of `text`, with the run properties of `like` when given."""
    run = w("r")
    rpr = None if like is None else like.find(f"{W}rPr")
    if rpr is not None:
        run.append(etree.fromstring(etree.tostring(rpr)))
    t = etree.SubElement(run, f"{W}t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def replace_words(draft: WordDraft, bookmark: str, old: str, new: str,
                  part: str = DOCUMENT) -> None:
    """Word: select words and type over them with Track Changes on: the old words in w:del,
    the new ones in a w:ins right after, the run split around them."""
    _, middle, _ = split_run(draft.run_with(bookmark, old, part), old)
    deleted = wrap(draft, "del", middle)
    insertion = draft.revision("ins")
    insertion.append(text_run(new, middle))
    deleted.addnext(insertion)


def append_text(draft: WordDraft, bookmark: str, text: str) -> None:
    """Word: click at the end of a paragraph and type: a w:ins after the last run (and so
    after our bookmark's end)."""
    insertion = draft.revision("ins")
    insertion.append(text_run(text))
    draft.paragraph(bookmark).append(insertion)


def mark_paragraph(draft: WordDraft, paragraph: Any, tag: str) -> None:
    """Word records an inserted or deleted paragraph mark in w:pPr/w:rPr."""
    ppr = paragraph.find(f"{W}pPr")
    if ppr is None:
        ppr = w("pPr")
        paragraph.insert(0, ppr)
    rpr = ppr.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, f"{W}rPr")
    rpr.append(draft.revision(tag))


def delete_paragraph(draft: WordDraft, bookmark: str) -> None:
    """Word: select a whole paragraph (a list item) and delete it: every run in w:del and
    its paragraph mark deleted."""
    paragraph = draft.paragraph(bookmark)
    runs = paragraph.findall(f"{W}r")
    wrap(draft, "del", *runs)
    mark_paragraph(draft, paragraph, "del")


def add_paragraph_after(draft: WordDraft, bookmark: str, text: str,
                        tracked: bool = True) -> None:
    """Word: press Enter at the end of a paragraph and type: the first paragraph's mark is
    inserted, the new paragraph (same style, same list) holds the typed text in w:ins
    (with Track Changes off: the same paragraphs, no revision marks)."""
    paragraph = draft.paragraph(bookmark)
    new = w("p")
    ppr = paragraph.find(f"{W}pPr")
    if ppr is not None:
        new.append(etree.fromstring(etree.tostring(ppr)))
    paragraph.addnext(new)
    run = text_run(text)
    new.append(run)
    if tracked:
        mark_paragraph(draft, paragraph, "ins")
        wrap(draft, "ins", run)


def split_paragraph(draft: WordDraft, bookmark: str, before: str) -> None:
    """Word: press Enter in the middle of a paragraph: it becomes two, the first one's mark
    inserted; our bookmark starts in the first and ends in the second."""
    paragraph = draft.paragraph(bookmark)
    _, middle, _ = split_run(draft.run_with(bookmark, before), before)
    new = w("p")
    ppr = paragraph.find(f"{W}pPr")
    if ppr is not None:
        new.append(etree.fromstring(etree.tostring(ppr)))
    paragraph.addnext(new)
    moving = False
    for child in list(paragraph):
        if child is middle:
            moving = True
        if moving:
            new.append(child)
    mark_paragraph(draft, paragraph, "ins")


def merge_with_next(draft: WordDraft, bookmark: str) -> None:
    """Word: press Delete at the end of a paragraph: its mark is deleted, the next
    paragraph's text joins it."""
    mark_paragraph(draft, draft.paragraph(bookmark), "del")


def bold_words(draft: WordDraft, bookmark: str, words: str, tag: str = "b") -> None:
    """Word: select words and press Ctrl+B (Ctrl+I: tag "i"): the run gets w:b, and
    w:rPrChange keeps the old run properties."""
    _, middle, _ = split_run(draft.run_with(bookmark, words), words)
    rpr = middle.find(f"{W}rPr")
    if rpr is None:
        rpr = w("rPr")
        middle.insert(0, rpr)
    old = etree.fromstring(etree.tostring(rpr))
    rpr.insert(0, w(tag))
    change = draft.revision("rPrChange")
    change.append(old)
    rpr.append(change)


def move_words(draft: WordDraft, bookmark: str, words: str, to: str, after: str) -> None:
    """Word: drag words elsewhere: w:moveFrom where they were, w:moveTo where they went
    (the move range marks are left out; readers treat them as a deletion and insertion)."""
    _, middle, _ = split_run(draft.run_with(bookmark, words), words)
    moved = etree.fromstring(etree.tostring(middle))
    wrap(draft, "moveFrom", middle)
    _, target, _ = split_run(draft.run_with(to, after), after)
    destination = draft.revision("moveTo")
    destination.append(moved)
    target.addnext(destination)


def link_words(draft: WordDraft, bookmark: str, words: str, url: str) -> None:
    """Word: select words and Insert > Link (Word does not track a link added to existing
    text): a w:hyperlink around the run, its target a new external relationship."""
    _, middle, _ = split_run(draft.run_with(bookmark, words), words)
    rels = draft.part("word/_rels/document.xml.rels")
    rel = etree.SubElement(rels, f"{{{PKG_NS}}}Relationship")
    rel.set("Id", "rIdReviewLink")
    rel.set("Type", RELS["hyperlink"])
    rel.set("Target", url)
    rel.set("TargetMode", "External")
    link = w("hyperlink")
    link.set(f"{{{R_NS}}}id", "rIdReviewLink")
    middle.addprevious(link)
    link.append(middle)


def type_after(draft: WordDraft, part: str, words: str, text: str, tracked: bool = True
               ) -> None:
    """Word: click after `words` anywhere in a part (the title, the masthead in the first
    page's header) and type with Track Changes on: a w:ins after that run (off: a run)."""
    run = draft.run_anywhere(words, part)
    typed = text_run(text)
    if tracked:
        insertion = draft.revision("ins")
        insertion.append(typed)
        typed = insertion
    run.addnext(typed)


def lose_bookmark(draft: WordDraft, bookmark: str) -> None:
    """Word: cut a paragraph and paste it back (or retype it): the text returns, its hidden
    bookmark does not."""
    paragraph = draft.paragraph(bookmark)
    start = paragraph.find(f"{W}bookmarkStart[@{W}name='{bookmark}']")
    for end in paragraph.iter(f"{W}bookmarkEnd"):
        if end.get(f"{W}id") == start.get(f"{W}id"):
            paragraph.remove(end)
    paragraph.remove(start)


def add_table_column(draft: WordDraft, bookmark: str, texts: list[str]) -> None:
    """Word: Insert Column Right with Track Changes on: every row of the table gets a new
    cell (w:tcPr/w:cellIns) whose text is inserted."""
    table = next(a for a in draft.paragraph(bookmark).iterancestors() if a.tag == f"{W}tbl")
    for row, text in zip(table.findall(f"{W}tr"), texts, strict=True):
        last = row.findall(f"{W}tc")[-1]
        cell = w("tc")
        tcpr = last.find(f"{W}tcPr")
        cell.append(etree.fromstring(etree.tostring(tcpr)) if tcpr is not None else w("tcPr"))
        cell.find(f"{W}tcPr").append(draft.revision("cellIns"))
        paragraph = etree.SubElement(cell, f"{W}p")
        run = text_run(text)
        paragraph.append(run)
        wrap(draft, "ins", run)
        last.addnext(cell)


def move_paragraph(draft: WordDraft, bookmark: str, after: str | None, before: str = "") -> None:
    """Word: drag a whole paragraph (a list item) elsewhere with Track Changes on: the
    original stays as w:moveFrom (its mark too), a copy holding its bookmark stands as
    w:moveTo after paragraph `after` (or before paragraph `before`)."""
    original = draft.paragraph(bookmark)
    copy = etree.fromstring(etree.tostring(original))
    for mark in original.findall(f"{W}bookmarkStart") + original.findall(f"{W}bookmarkEnd"):
        original.remove(mark)
    wrap(draft, "moveFrom", *original.findall(f"{W}r"))
    mark_paragraph(draft, original, "moveFrom")
    moved = draft.revision("moveTo")
    runs = copy.findall(f"{W}r")
    runs[0].addprevious(moved)
    for run in runs:
        moved.append(run)
    mark_paragraph(draft, copy, "moveTo")
    if after is not None:
        draft.paragraph(after).addnext(copy)
    else:
        draft.paragraph(before).addprevious(copy)


def insert_footnote(draft: WordDraft, bookmark: str, after: str, text: str) -> None:
    """Word: References > Insert Footnote with Track Changes on: a w:footnoteReference run
    in a w:ins, and a new w:footnote in footnotes.xml."""
    _, middle, _ = split_run(draft.run_with(bookmark, after), after)
    notes = draft.part(FOOTNOTES)
    note = w("footnote", id="77")
    paragraph = etree.SubElement(note, f"{W}p")
    paragraph.append(text_run(" " + text))
    notes.append(note)
    reference = w("r")
    reference.append(w("footnoteReference", id="77"))
    insertion = draft.revision("ins")
    insertion.append(reference)
    middle.addnext(insertion)


def untracked_replace(draft: WordDraft, bookmark: str, old: str, new: str) -> None:
    """Word with Track Changes off: the text simply changes."""
    run = draft.run_with(bookmark, old)
    t = run.find(f"{W}t")
    t.text = t.text.replace(old, new, 1)


def word_resave(draft: WordDraft) -> None:
    """What every Word save does to unchanged text: runs split mid-word with w:rsidR, spell
    check marks (w:proofErr), fresh w14:paraId/w14:textId, w:lastRenderedPageBreak."""
    body = draft.part(DOCUMENT)
    for number, paragraph in enumerate(body.iter(f"{W}p")):
        paragraph.set(f"{{{W14_NS}}}paraId", f"{0x1A2B0000 + number:08X}")
        paragraph.set(f"{{{W14_NS}}}textId", f"{0x77DE0000 + number:08X}")
        paragraph.set(f"{W}rsidR", "00A1B2C3")
        for run in paragraph.findall(f"{W}r"):
            t = run.find(f"{W}t")
            if t is None or not t.text or len(t.text) < 6:
                continue
            cut = len(t.text) // 2 + 1  # mid-word, as Word's rsid boundaries fall
            first, second = t.text[:cut], t.text[cut:]
            t.text = first
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.set(f"{W}rsidR", "00D4E5F6")
            tail = etree.fromstring(etree.tostring(run))
            tail.find(f"{W}t").text = second
            tail.set(f"{W}rsidRPr", "00F7A8B9")
            run.addnext(tail)
            run.addprevious(w("proofErr", type="spellStart"))
            tail.addnext(w("proofErr", type="spellEnd"))
            if number % 7 == 3:
                tail.insert(0, w("lastRenderedPageBreak"))


def add_comments(draft: WordDraft, bookmark: str | None, words: str,
                 thread: list[tuple[str, str, bool]], part: str = DOCUMENT) -> None:
    """Word: a comment on selected words and its replies. comments.xml holds them all;
    commentsExtended.xml links a reply to its parent by w15:paraIdParent and marks
    w15:done; commentsIds.xml gives each a durable id. Ranges sit around the words, each
    followed by its w:commentReference run. No `bookmark`: the first run with the words
    (the title, a label)."""
    run = draft.run_with(bookmark, words, part) if bookmark else draft.run_anywhere(words, part)
    _, middle, _ = split_run(run, words)
    comments = etree.Element(f"{W}comments", nsmap={"w": W_NS, "w14": W14_NS})
    extended = etree.Element(f"{{{W15_NS}}}commentsEx", nsmap={"w15": W15_NS})
    ids = etree.Element(f"{{{W16CID_NS}}}commentsIds", nsmap={"w16cid": W16CID_NS})
    for number, (author, text, done) in enumerate(thread):
        comment = w("comment", id=str(number), author=author, date=DATE, initials=author[:2])
        p = etree.SubElement(comment, f"{W}p")
        para = f"{0x3C000000 + number:08X}"
        p.set(f"{{{W14_NS}}}paraId", para)
        etree.SubElement(etree.SubElement(p, f"{W}r"), f"{W}t").text = text
        comments.append(comment)
        ex = etree.SubElement(extended, f"{{{W15_NS}}}commentEx")
        ex.set(f"{{{W15_NS}}}paraId", para)
        ex.set(f"{{{W15_NS}}}done", "1" if done else "0")
        if number:
            ex.set(f"{{{W15_NS}}}paraIdParent", f"{0x3C000000:08X}")
        cid = etree.SubElement(ids, f"{{{W16CID_NS}}}commentId")
        cid.set(f"{{{W16CID_NS}}}paraId", para)
        cid.set(f"{{{W16CID_NS}}}durableId", f"{0x5E000000 + number:08X}")
        middle.addprevious(w("commentRangeStart", id=str(number)))
        end = w("commentRangeEnd", id=str(number))
        middle.addnext(end)
        reference = w("r")  # Word anchors the comment's mark after the range
        reference.append(w("commentReference", id=str(number)))
        end.addnext(reference)
    names = {"comments": (comments, "comments"),
             "commentsExtended": (extended, "commentsExtended"),
             "commentsIds": (ids, "commentsIds")}
    for name, (root, kind) in names.items():
        _add_part(draft, f"word/{name}.xml", root, kind)


RELS = {"comments": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
        "hyperlink":
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        "commentsExtended": "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
        "commentsIds": "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"}
TYPES = {"comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
         "commentsExtended":
         "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
         "commentsIds":
         "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"}


def _add_part(draft: WordDraft, name: str, root: Any, kind: str) -> None:
    draft.parts[name] = b""
    draft.xml[name] = root
    rels = draft.part("word/_rels/document.xml.rels")
    rel = etree.SubElement(rels, f"{{{PKG_NS}}}Relationship")
    rel.set("Id", f"rIdReview{kind}")
    rel.set("Type", RELS[kind])
    rel.set("Target", name.removeprefix("word/"))
    types = draft.part("[Content_Types].xml")
    override = etree.SubElement(types, f"{{{CT_NS}}}Override")
    override.set("PartName", f"/{name}")
    override.set("ContentType", TYPES[kind])


Edit = Callable[[WordDraft], None]


def reviewed(data: bytes, *edits: Edit) -> bytes:
    """Our draft after `edits`, each as Word would save it."""
    draft = WordDraft.of(data)
    for edit in edits:
        edit(draft)
    return draft.data()
