"""Where the fields of a source file stand: field paths, their line and column, and the
Problems located there.

The loader records each file's Places once, as it parses the file. Whatever finds a problem
later (the writers' fit check, alignment, preflight) locates it through them, never by reading
the file again: the file may have changed since, and reading it twice costs time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, Severity

FieldPath = tuple[str | int, ...]


def format_path(loc: FieldPath) -> str:
    """('sections', 2, 'body', 1, 'figure', 'alt') -> 'sections[2].body[1].figure.alt'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Places:
    """A file and the (line, column) of each field path in it, 1-based; positions may be
    empty (a file not parsed here), and then problems name the field alone."""

    path: Path
    positions: Mapping[FieldPath, tuple[int, int]] = field(default_factory=dict, repr=False)

    def where(self, loc: FieldPath) -> tuple[int, int] | None:
        """The place of the deepest field along loc that the file has; None without places."""
        if not self.positions:
            return None
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)

    def problem(self, loc: FieldPath, message: str, hint: str = "",
                severity: Severity = Severity.ERROR) -> Problem:
        line, column = self.where(loc) or (None, None)
        return Problem(message, self.path, line, column, format_path(loc), hint, severity)
