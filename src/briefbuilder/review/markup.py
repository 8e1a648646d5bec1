"""Text as a review compares it: a flat row of atoms (text with its look, a footnote mark,
a line break), made from our spans or from a draft's runs, and written back as markup."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import groupby

from ..model.inline import (
    Emphasis,
    FootnoteRef,
    LineBreak,
    Link,
    Span,
    Strong,
    Text,
    parse_inline,
)
from ..writers.typography import straighten

ESCAPE = re.compile(r"([\\*\[\]<`])")
WORD_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Look:
    """How a piece of text is set: strong, emphasis, and the link it belongs to."""

    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Atom:
    """Text in one look, or a footnote mark (`note` holds its key), or a line break."""

    text: str = ""
    look: Look = Look()
    note: str | None = None
    brk: bool = False


Atoms = tuple[Atom, ...]
PLAIN = Look()


def flatten(spans: Iterable[Span], look: Look = Look()) -> list[Atom]:
    """The atoms of parsed spans, each text with the look its containers give it."""
    out: list[Atom] = []
    for span in spans:
        if isinstance(span, Text):
            out.append(Atom(span.text, look))
        elif isinstance(span, LineBreak):
            out.append(Atom(look=look, brk=True))
        elif isinstance(span, FootnoteRef):
            out.append(Atom(note=span.key))
        elif isinstance(span, Strong):
            out += flatten(span.children, replace(look, bold=True))
        elif isinstance(span, Emphasis):
            out += flatten(span.children, replace(look, italic=True))
        elif isinstance(span, Link):
            out += flatten(span.children, replace(look, href=span.href))
    return out


def normalize(atoms: Iterable[Atom], quotes: str = "") -> Atoms:
    """Adjacent texts of one look merged, empty texts dropped, the ends stripped as the
    parser strips them; quotes straightened, those of `quotes` (the draft's) first."""
    merged: list[Atom] = []
    for atom in atoms:
        if atom.note is None and not atom.brk and not atom.text:
            continue
        atom = replace(atom, text=straighten(atom.text, quotes))  # the draft's are typographic
        last = merged[-1] if merged else None
        if last and atom.note is None and not atom.brk and last.note is None and not last.brk \
                and last.look == atom.look:
            merged[-1] = Atom(last.text + atom.text, atom.look)
        else:
            merged.append(atom)
    if merged and merged[0].text:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
    if merged and merged[-1].text:
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return tuple(a for a in merged if a.text or a.note is not None or a.brk)


def atoms_of(source: str, quotes: str = "") -> Atoms:
    """The atoms of inline markup as our parser reads it (quotes as `normalize` says)."""
    return normalize(flatten(parse_inline(source)), quotes)


def plain(atoms: Iterable[Atom]) -> str:
    """What a reader sees: the text, a line break as a newline, no footnote marks."""
    return "".join("\n" if a.brk else a.text for a in atoms)


def to_markup(atoms: Atoms) -> str:
    """Inline markup that our parser reads back as exactly `atoms`."""
    out = "".join(_link(href, list(group))
                  for href, group in groupby(atoms, key=lambda a: a.look.href))
    if atoms_of(out) != normalize(atoms):
        raise ValueError(f"cannot write {plain(atoms)!r} as inline markup")
    return out


def _link(href: str | None, atoms: list[Atom]) -> str:
    inner = _marked(atoms, "bold", "**")
    if href is None:
        return inner
    if all(a.look == atoms[0].look and not a.brk and a.note is None for a in atoms) \
            and plain(atoms) == href and not atoms[0].look.bold and not atoms[0].look.italic:
        return f"<{href}>"
    return f"[{inner}]({href})"


def _marked(atoms: list[Atom], attribute: str, marker: str) -> str:
    """Runs of atoms with `attribute` set wrapped in `marker`, spaces kept outside."""
    parts = []
    for on, grouped in groupby(atoms, key=lambda a: getattr(a.look, attribute)):
        group = list(grouped)
        text = _marked(group, "italic", "*") if attribute == "bold" else _text(group)
        if on and text.strip():
            core = text.strip()
            lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            text = f"{lead}{marker}{core}{marker}{trail}"
        parts.append(text)
    return "".join(parts)


def _text(atoms: Iterable[Atom]) -> str:
    out = []
    for atom in atoms:
        if atom.note is not None:
            out.append(f"[^{atom.note}]")
        elif atom.brk:
            out.append("\\\n")
        else:
            out.append(WORD_UNDERSCORE.sub(r"\\_", ESCAPE.sub(r"\\\1", atom.text)))
    return "".join(out)
