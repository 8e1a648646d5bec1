"""What a preflight check says, as a Problem with the check's id and status: where to edit
(a Place) and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, Severity, Status
from ..places import FieldPath, Places, format_path


@dataclass(frozen=True)
class Place:
    """A file a person edits (a brief, series.yaml, brand.yaml) and the field in it."""

    file: Path
    field: str = ""
    line: int | None = None
    detail: str = ""  # where in the output, when it helps: "page 2", "word/footnotes.xml"
    column: int | None = None

    def __str__(self) -> str:
        file = _shown(self.file)
        where = f"{file}:{self.line}" if self.line is not None else file
        if self.field:
            where += f" {self.field}"
        return f"{where} ({self.detail})" if self.detail else where

    @classmethod
    def of(cls, problem: Problem) -> Place:
        """Where a check's Problem is."""
        return cls(problem.file or Path(), problem.field, problem.line, problem.detail,
                   problem.column)

    @property
    def position(self) -> str:
        """file:line:column as far as known, as compilers and linters name a place."""
        parts = [_shown(self.file), *(str(n) for n in (self.line, self.column) if n is not None)]
        return ":".join(parts if self.line is not None else parts[:1])


def _shown(path: Path) -> str:
    """path relative to the working folder when it is inside it, as a person typed it."""
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        return str(path.relative_to(Path.cwd()))
    return str(path)


class Locator:
    """Places in one YAML file, by field path, with the line and column of each field: the
    places the loader recorded (none known: the file alone)."""

    def __init__(self, path: Path, places: Places | None) -> None:
        self.path = path
        self._places = places

    def place(self, loc: FieldPath = (), detail: str = "") -> Place:
        """The field at loc (or the file itself for an empty loc), with its line."""
        if not loc:
            return Place(self.path, detail=detail)
        where = self._places.where(loc) if self._places is not None else None
        line, column = where or (None, None)
        return Place(self.path, format_path(loc), line, detail, column)


def verdict(check: str, status: Status, message: str, where: Place, fix: str = "") -> Problem:
    """A check's Problem at where: only a failure is an error."""
    severity = Severity.ERROR if status is Status.FAIL else Severity.WARNING
    return Problem(message, where.file, where.line, where.column, where.field, fix, severity,
                   check, status, where.detail)


def passed(check: str, message: str, where: Place) -> Problem:
    return verdict(check, Status.PASS, message, where)


def failed(check: str, message: str, where: Place, fix: str) -> Problem:
    return verdict(check, Status.FAIL, message, where, fix)


def warned(check: str, message: str, where: Place, fix: str) -> Problem:
    return verdict(check, Status.WARN, message, where, fix)


def as_dict(problem: Problem) -> dict[str, str | int | None]:
    """A check's Problem as preflight's JSON report shows it."""
    where = Place.of(problem)
    return {"check": problem.check, "status": str(problem.status), "message": problem.message,
            "file": _shown(where.file), "line": problem.line, "column": problem.column,
            "field": problem.field, "detail": problem.detail, "where": str(where),
            "fix": problem.hint}
