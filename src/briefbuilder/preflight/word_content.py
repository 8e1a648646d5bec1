"""word.content: the Word draft, read back by the review reader, says what the brief says:
it was built from this brief as it is now, and every text, footnote and link target reads
back unchanged; a change is a draft edited after the build (or a writer's bug), named at
the brief field it touches.
"""

from __future__ import annotations

from ..errors import ContentError, Problem
from ..review.changes import Action, Change
from ..review.detect import find_changes
from ..review.read import read_draft
from ..review.snapshot import Snapshot
from ..writers.docx.source import content_hash
from .findings import failed, passed
from .subject import Subject
from .text import quoted

CHECK = "word.content"
CONTEXT = 20  # characters shown before the first difference
FIX = "rebuild it with 'briefbuilder build --force'"


def word_content(subject: Subject) -> list[Problem]:
    """Each difference between the draft, as the review reader reads it, and its brief."""
    try:
        draft = read_draft(subject.docx)
    except ContentError as exc:
        return [failed(CHECK, exc.problems[0].message, subject.in_docx(), FIX)]
    other = _made_of_another(subject, draft.snapshot)
    if other:
        return [failed(CHECK, other, subject.in_docx(), FIX)]
    found = find_changes(draft)
    fix = (f"{FIX}; to keep the draft's edits, bring them into the brief first: "
           f"briefbuilder review {subject.docx} {subject.edition.path}")
    failures = [failed(CHECK, _said(change), subject.brief.place(change.path, subject.docx.name),
                       fix) for change in found.changes]
    failures += [failed(CHECK, f"in the Word draft, {quoted(unplaced.text)}: {unplaced.why}",
                        subject.brief.place(unplaced.path, subject.docx.name)
                        if unplaced.path else subject.in_docx(unplaced.where), fix)
                 for unplaced in found.unplaced]
    return failures or [passed(CHECK, f"{len(draft.snapshot.blocks)} text(s) read back as the "
                               "brief's", subject.in_docx())]


def _made_of_another(subject: Subject, snapshot: Snapshot) -> str:
    """What else the draft was built from than this brief as it is now ('' when nothing)."""
    edition = subject.edition
    made_of = (snapshot.series, snapshot.brief, snapshot.lang)
    if made_of != (edition.series.id, edition.brief.id, edition.brief.lang):
        return (f"the Word draft is not this brief's: it was built from "
                f"{'/'.join(made_of[:2])} ({made_of[2]})")
    if snapshot.hash != content_hash(edition.brief):
        return "the Word draft was built from another version of the brief"
    return ""


def _said(change: Change) -> str:
    old, new = _apart(change.old, change.new)
    if change.action is Action.EDIT:
        return f"the Word draft says {new} where the brief says {old}"
    if change.action is Action.ADD:
        return f"the Word draft has a text the brief lacks: {new}"
    if change.action is Action.REMOVE:
        return f"the brief's text {old} is not in the Word draft"
    return f"the brief's text {old} has moved in the Word draft"


def _apart(old: str, new: str) -> tuple[str, str]:
    """Both texts from a little before where they first differ, each cut short."""
    same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                min(len(old), len(new)))
    start = max(0, same - CONTEXT)
    lead = "…" if start else ""
    return quoted(lead + old[start:]), quoted(lead + new[start:])
