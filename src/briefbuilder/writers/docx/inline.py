"""Spans -> runs: text with strong/emphasis, hyperlinks, footnotes and line breaks."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.text.font import Font

from ...model.inline import Emphasis, FootnoteRef, LineBreak, Link, Span, Strong, Text
from ..typography import typeset
from .draft import Draft, Story
from .oxml.fields import add_bookmark_end, add_bookmark_start, add_field
from .oxml.footnotes import add_footnote_reference
from .oxml.hyperlink import add_hyperlink

# Characters a URL keeps as written; everything else (spaces, non-ASCII ...) is %-encoded.
URL_SAFE = "!#$%&'()*+,/:;=?@[]~"


@dataclass(frozen=True)
class RunLook:
    """The only run properties the draft writes: strong, emphasis, a character style."""

    bold: bool = False
    italic: bool = False
    style: str | None = None


def encode_url(href: str) -> str:
    """The URL as a relationship target: percent-encoded where it must be, kept otherwise."""
    return quote(href, safe=URL_SAFE)


def write_spans(draft: Draft, story: Story, parent: Any, spans: tuple[Span, ...],
                look: RunLook = RunLook()) -> None:
    """Append runs for `spans` to paragraph (or hyperlink) element `parent`; a source text
    of the brief goes inside its hidden bookmark, which a review maps back to its field."""
    found = None if draft.in_source else draft.source_bookmark(spans)
    spans = typeset(spans, draft.labels.quotes)  # span for span, so `found` still fits
    if found is None:
        _write(draft, story, parent, spans, look)
        return
    name, size = found
    bookmark = draft.bookmark_id()
    add_bookmark_start(parent, bookmark, name)
    draft.in_source = True
    _write(draft, story, parent, spans[:size], look)
    draft.in_source = False
    add_bookmark_end(parent, bookmark)
    _write(draft, story, parent, spans[size:], look)


def _write(draft: Draft, story: Story, parent: Any, spans: tuple[Span, ...],
           look: RunLook) -> None:
    for span in spans:
        if isinstance(span, Text):
            _run(parent, look).text = span.text
        elif isinstance(span, LineBreak):
            _run(parent, look).add_br()
        elif isinstance(span, Strong):
            write_spans(draft, story, parent, span.children, replace(look, bold=True))
        elif isinstance(span, Emphasis):
            write_spans(draft, story, parent, span.children, replace(look, italic=True))
        elif isinstance(span, Link):
            _link(draft, story, parent, span, look)
        elif isinstance(span, FootnoteRef):
            _footnote(draft, story, parent, span.key)


def _run(parent: Any, look: RunLook) -> Any:
    run = parent.add_r()
    run.style = look.style
    font = Font(run)
    if look.bold:
        font.bold = True
    if look.italic:
        font.italic = True
    return run


def _link(draft: Draft, story: Story, parent: Any, span: Link, look: RunLook) -> None:
    """An external link through a relationship of the story's part; `#name` to a heading."""
    if span.href.startswith("#"):
        bookmark = draft.anchors.get(span.href[1:])
        if bookmark is None:
            write_spans(draft, story, parent, span.children, look)
            return
        link = add_hyperlink(parent, anchor=bookmark)
    else:
        target = encode_url(span.href)
        link = add_hyperlink(parent, rel_id=story.part.relate_to(target, RT.HYPERLINK, True))
    write_spans(draft, story, link, span.children, replace(look, style=draft.style("Hyperlink")))


def _footnote(draft: Draft, story: Story, parent: Any, key: str) -> None:
    """The first reference makes the note; later ones cross-refer to it with NOTEREF."""
    text = draft.brief.footnotes.get(key)
    if text is None:
        return
    mark = draft.style("Footnote Reference")
    if key in draft.notes:
        note_id = draft.notes[key]
        add_field(parent, f"NOTEREF {_mark_name(note_id)} \\f \\h", str(note_id), mark)
        return
    if story.in_note:  # Word has no notes in notes: a reference to the note's number
        number = draft.brief.footnote_numbers().get(key)
        if number is not None:  # notes are made in the order of their numbers: id = number
            add_field(parent, f"NOTEREF {_mark_name(number)} \\f \\h", str(number), mark)
        return
    note = draft.footnotes.footnotes.add_footnote(draft.style("Footnote Text"), mark)
    draft.notes[key] = note.id
    outer, draft.in_source = draft.in_source, False  # the note is a source text of its own
    write_spans(draft, Story(draft.footnotes, in_note=True), note.p_lst[0], text.spans)
    draft.in_source = outer
    bookmark = draft.bookmark_id()
    add_bookmark_start(parent, bookmark, _mark_name(note.id))
    add_footnote_reference(parent, note.id, mark)
    add_bookmark_end(parent, bookmark)


def _mark_name(note_id: int) -> str:
    """The hidden bookmark around a note's first mark, which NOTEREF fields point at."""
    return f"_RefNote{note_id}"
