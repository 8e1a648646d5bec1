"""Showing a review: each change at its file:line:col, the unified diff of the YAML, what
could not be placed, every comment (replies indented); or all of it as one JSON document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console

from ..errors import Problem
from ..places import format_path
from .changes import Action
from .merge import Placed, Status
from .rounds import Located, Review

VERBS = {Action.EDIT: "changed", Action.ADD: "new text after", Action.REMOVE: "removed",
         Action.MOVE: "moved"}


def show(review: Review, console: Console, applied: bool) -> None:
    path = review.plan.path
    for placed in review.plan.placed:
        _print(console, _change_line(path, placed))
    for item in review.unplaced:
        _print(console, f"{review.draft.path}: {item.where}: not placed: "
                        f"{_quote(item.text)}: {item.why}")
    diff = review.plan.diff
    if diff:
        _print(console, diff.rstrip("\n"))
    for located in review.comments:
        for line in _comment_lines(path, located):
            _print(console, line)
    if review.merged:
        _print(console, f"note: {path} changed since this draft was built; the draft's "
                        "changes were merged with it (three-way)")
    changes = len(review.plan.placed) + len(review.unplaced)
    if not changes:
        _print(console, "no changes")
    elif applied:
        _print(console, f"applied to {path}")


def _change_line(path: object, placed: Placed) -> str:
    change = placed.change
    where = f"{path}:{placed.line}:{placed.column}: {format_path(change.path)}"
    if placed.status is not Status.PLACED:
        return f"{where}: {placed.status.value}: {placed.why}"
    kind = "" if change.tracked else " (untracked: made with Track Changes off)"
    text = f": {_quote(change.new)}" if change.action is Action.ADD else ""
    if change.action is Action.MOVE:
        text = f" after {format_path(change.to)}" if change.to else " to the top of its list"
        text += " (and changed)" if change.new != change.old else ""
    return f"{where}: {VERBS[change.action]}{kind}{text}"


def _comment_lines(path: object, located: Located) -> list[str]:
    comment = located.comment
    where = f"{path}:{located.line}:{located.column}" if located.line else f"{path}"
    done = " [resolved]" if comment.done else ""
    lines = [f"{where}: comment by {comment.author} ({comment.date}) on "
             f"{_quote(comment.quoted)}: {comment.text}{done}"]
    for reply in comment.replies:
        lines.append(f"    reply by {reply.author} ({reply.date}): {reply.text}"
                     + (" [resolved]" if reply.done else ""))
    return lines


def _quote(text: str) -> str:
    return '"' + " ".join(text.split()) + '"'


def show_json(review: Review, console: Console, applied: bool, problems: list[Problem]
              ) -> None:
    """The review as one JSON document; `problems`: why --apply wrote nothing."""
    document: dict[str, Any] = {
        "draft": str(review.draft.path),
        "file": str(review.plan.path),
        "complete": review.complete,
        "merged": review.merged,
        "applied": applied,
        "changes": [_change_json(p) for p in review.plan.placed],
        "unplaced": [{"where": u.where, "text": u.text, "why": u.why} for u in review.unplaced],
        "diff": review.plan.diff,
        "comments": [_comment_json(c) for c in review.comments],
        "problems": [str(p) for p in problems],
    }
    _print(console, json.dumps(document, ensure_ascii=False, indent=2))


def show_refusal(draft: Path, problems: list[Problem], console: Console) -> None:
    """The JSON document for a draft that could not be reviewed at all."""
    document = {"draft": str(draft), "complete": False, "applied": False,
                "problems": [str(p) for p in problems]}
    _print(console, json.dumps(document, ensure_ascii=False, indent=2))


def _change_json(placed: Placed) -> dict[str, Any]:
    change = placed.change
    return {"field": format_path(change.path), "line": placed.line, "column": placed.column,
            "action": change.action.value, "old": change.old, "new": change.new,
            "tracked": change.tracked, "status": placed.status.value, "why": placed.why,
            "to": None if change.to is None else format_path(change.to)}


def _comment_json(located: Located) -> dict[str, Any]:
    comment = located.comment
    return {"line": located.line, "column": located.column, "author": comment.author,
            "date": comment.date, "quoted": comment.quoted, "text": comment.text,
            "resolved": comment.done,
            "replies": [{"author": r.author, "date": r.date, "text": r.text}
                        for r in comment.replies]}


def _print(console: Console, text: str) -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)
