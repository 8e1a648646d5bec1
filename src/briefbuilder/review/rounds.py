"""A review round: read a reviewed Word draft, find the brief file it was built from,
plan the minimal YAML edits (`review_draft`) and write them (`apply_review`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BriefbuilderError, ContentError, Problem
from ..loader import load_brief, load_project
from ..themes import find_theme, load_theme
from ..writers.docx.source import content_hash
from .changes import Unplaced
from .detect import find_changes
from .merge import Plan, Status, check, current_texts, plan, write
from .read import Comment, ReadDraft, read_draft
from .translation import mark_translations
from .yamledit import EditError, compose, locate


@dataclass(frozen=True)
class Located:
    """A comment with the place in the brief file of the text it stands on."""

    comment: Comment
    line: int | None
    column: int | None


@dataclass
class Review:
    draft: ReadDraft
    plan: Plan
    unplaced: list[Unplaced]
    comments: list[Located] = field(default_factory=list)
    merged: bool = False  # the brief changed since the draft was built (a three-way merge)

    @property
    def complete(self) -> bool:
        """Whether every change found a place in the file."""
        return not self.unplaced and all(p.status in (Status.PLACED, Status.APPLIED)
                                         for p in self.plan.placed)


def review_draft(draft_path: Path, content: Path) -> Review:
    """Read a reviewed draft and plan its edits of the brief file under `content`."""
    draft = read_draft(draft_path)
    source = brief_file(draft, content)
    if not draft.snapshot.quotes:  # made before snapshots recorded them: the theme's now
        draft = read_draft(draft_path, _theme_quotes(source, draft.snapshot.lang))
    found = find_changes(draft)
    snapshot = draft.snapshot
    now = load_brief(source, snapshot.brief, snapshot.lang, [])
    planned = plan(source, found.changes, current_texts(now))
    merged = now is not None and content_hash(now) != snapshot.hash
    return Review(draft, planned, found.unplaced, _locate_comments(draft, source), merged)


def apply_review(review: Review) -> list[Problem]:
    """Write the placed changes into the brief file, unless the result fails `check`
    (then nothing is written and the problems are returned)."""
    snapshot = review.draft.snapshot
    if review.plan.after == review.plan.before:
        return []
    problems = check(review.plan, snapshot.brief, snapshot.lang)
    if not problems:
        write(review.plan)
        placed = [p.change for p in review.plan.placed if p.status is Status.PLACED]
        mark_translations(review.plan.path, snapshot.brief, snapshot.lang, placed)
    return problems


def brief_file(draft: ReadDraft, content: Path) -> Path:
    """The file the draft was built from: `content` itself when it names a brief file (it
    must be the draft's), else `<brief>.<lang>.yaml` in the draft's series under `content`;
    never a file that links out of its series folder."""
    snapshot = draft.snapshot
    wanted = f"{snapshot.brief}.{snapshot.lang}.yaml"
    if content.is_file():
        series = [s.series.id for s in load_project(content.parent).series]
        if content.name != wanted or series != [snapshot.series]:
            raise ContentError(Problem(
                f"this draft is of brief {snapshot.brief!r} in language {snapshot.lang!r} "
                f"(series {snapshot.series!r}), not of {content.name}", draft.path,
                hint=f"review it against {snapshot.series}/{wanted}"))
        return _inside_series(content)
    if not content.is_dir():
        raise ContentError(Problem(f"content folder {content} does not exist", content,
                                   hint="name the content folder the brief was built from"))
    for loaded in load_project(content).series:
        if loaded.series.id == snapshot.series and (loaded.folder / wanted).is_file():
            return _inside_series(loaded.folder / wanted)
    raise ContentError(Problem(
        f"the draft was built from {snapshot.series}/{wanted}, which is not under {content}",
        draft.path, hint="name the content folder that holds that series"))


def _theme_quotes(brief: Path, lang: str) -> str:
    """The quote marks the brief's theme sets `lang` in ('' when the theme cannot load)."""
    try:
        series = load_project(brief.parent).series[0].series
        return load_theme(find_theme(series.theme, brief.parent)).labels_for(lang).quotes
    except (BriefbuilderError, IndexError):
        return ""


def _inside_series(path: Path) -> Path:
    if not path.resolve().is_relative_to(path.parent.resolve()):
        raise ContentError(Problem("the brief file links outside its series folder", path,
                                   hint="replace the link with the file itself"))
    return path


def _locate_comments(draft: ReadDraft, source: Path) -> list[Located]:
    """Each comment at the line and column of its quoted words in the brief file: inside
    the text it stands in (else at that text's start); a comment on the draft's own text
    (the title) where its words stand in the file, else unlocated."""
    text = source.read_text(encoding="utf-8")
    root = compose(text)
    blocks = draft.snapshot.by_name()
    located = []
    for comment in draft.comments:
        block = blocks.get(comment.block or "")
        span = (0, len(text))
        if block is not None:
            try:
                node = locate(text, root, block.path).node
                span = (int(node.start_mark.index), int(node.end_mark.index))
            except EditError:
                pass
        offset = _find_words(text, *span, comment.quoted)
        if offset is None and block is not None:
            offset = span[0]
        if offset is None:
            located.append(Located(comment, None, None))
            continue
        line = text.count("\n", 0, offset) + 1
        located.append(Located(comment, line, offset - (text.rfind("\n", 0, offset) + 1) + 1))
    return located


def _find_words(text: str, start: int, end: int, quoted: str) -> int | None:
    """Where `quoted` begins in text[start:end] (across folded lines), if it does."""
    words = quoted.split()[:6]
    if not words:
        return None
    found = re.compile(r"\s+".join(re.escape(w) for w in words)).search(text, start, end)
    return found.start() if found else None
