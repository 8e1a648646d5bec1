"""Review rounds: a reviewed Word draft back into the content.

``review_draft`` reads the draft (its snapshot, tracked changes and comments), finds the
brief file it was built from and plans the minimal YAML edits; ``apply_review`` writes them
(both in rounds.py). Importing the package imports neither, so `check` reads the marks of
pending translations (pending.py) without the Word reader and writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rounds import Review, apply_review, review_draft

__all__ = ["Review", "apply_review", "review_draft"]


def __getattr__(name: str) -> object:
    """The review API, imported on first use."""
    if name in __all__:
        from . import rounds

        return getattr(rounds, name)
    raise AttributeError(f"module 'briefbuilder.review' has no attribute {name!r}")
