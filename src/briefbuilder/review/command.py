"""`briefbuilder review DRAFT.docx [CONTENT_DIR] [--apply] [--json]`, called by the CLI."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from ..errors import BriefbuilderError
from ..progress import print_problems
from .report import show, show_json, show_refusal
from .rounds import apply_review, review_draft


def review_command(draft: Path, content: Path, apply: bool, as_json: bool, out: Console,
                   err: Console) -> int:
    """Show the review of `draft` (and apply it); 0 when every change found its place."""
    try:
        review = review_draft(draft, content)
    except BriefbuilderError as exc:
        print_problems(err, exc.problems)
        if as_json:
            show_refusal(draft, exc.problems, out)
        return 1
    problems = apply_review(review) if apply else []
    applied = apply and not problems and review.plan.after != review.plan.before
    if as_json:
        show_json(review, out, applied, problems)
    else:
        show(review, out, applied)
    if problems:
        err.print("not applied: the edited file would not pass 'check' (lines as edited):",
                  markup=False)
        print_problems(err, problems)
        return 1
    return 0 if review.complete else 1
