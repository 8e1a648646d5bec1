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
from ..writers.docx.source import content_hash
from .findings import failed, passed
from .subject import Subject
from .text import quoted

CHECK = "word.content"
CONTEXT = 20  # characters shown before the first difference
FIX = ("rebuild it with 'briefbuilder build --force'; to keep edits made in the draft, bring "
       "them into the brief first with 'briefbuilder review <draft>'")


def word_content(subject: Subject) -> list[Problem]:
    """Each difference between the draft, as the review reader reads it, and its brief."""
    try:
        draft = read_draft(subject.docx)
    except ContentError as exc:
        return [failed(CHECK, exc.problems[0].message, subject.in_docx(), FIX)]
    snapshot, edition = draft.snapshot, subject.edition
    made_of = (snapshot.series, snapshot.brief, snapshot.lang)
    if made_of != (edition.series.id, edition.brief.id, edition.brief.lang):
        return [failed(CHECK, "the Word draft is not this brief's: it was built from "
                       f"{'/'.join(made_of[:2])} ({made_of[2]})", subject.in_docx(), FIX)]
    if snapshot.hash != content_hash(edition.brief):
        return [failed(CHECK, "the Word draft was built from another version of the brief",
                       subject.in_docx(), FIX)]
    found = find_changes(draft)
    failures = [failed(CHECK, _said(change), subject.brief.place(change.path, subject.docx.name),
                       FIX) for change in found.changes]
    failures += [failed(CHECK, f"in the Word draft, {quoted(unplaced.text)}: {unplaced.why}",
                        subject.brief.place(unplaced.path, subject.docx.name)
                        if unplaced.path else subject.in_docx(unplaced.where), FIX)
                 for unplaced in found.unplaced]
    return failures or [passed(CHECK, f"{len(draft.snapshot.blocks)} text(s) read back as the "
                               "brief's", subject.in_docx())]


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
