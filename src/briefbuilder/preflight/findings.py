"""What a preflight check says: a status, a message, the place to edit and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from ..places import FieldPath, Places, format_path
from ..yamlfile import YamlProblem, read_yaml


class Status(StrEnum):
    """Pass; fail; a known failure (expected, listed in known.py); a warning to look at.

    Only FAIL makes preflight exit 1.
    """

    PASS = "pass"
    FAIL = "fail"
    KNOWN = "known"
    WARN = "warn"


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


@dataclass(frozen=True)
class Finding:
    """One check's verdict on one output (or one brief), with where and how to fix."""

    check: str
    status: Status
    message: str
    where: Place
    fix: str = ""

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "check": self.check,
            "status": str(self.status),
            "message": self.message,
            "file": _shown(self.where.file),
            "line": self.where.line,
            "column": self.where.column,
            "field": self.where.field,
            "detail": self.where.detail,
            "where": str(self.where),
            "fix": self.fix,
        }


class Locator:
    """Places in one YAML file, by field path, with the line each field is on: the places the
    loader recorded when given, else read from the file on first use."""

    def __init__(self, path: Path, places: Places | None = None) -> None:
        self.path = path
        self._given = places

    @cached_property
    def _places(self) -> Places | None:
        if self._given is not None:
            return self._given
        try:
            return read_yaml(self.path)
        except YamlProblem:
            return None

    def place(self, loc: FieldPath = (), detail: str = "") -> Place:
        """The field at loc (or the file itself for an empty loc), with its line."""
        if not loc:
            return Place(self.path, detail=detail)
        where = self._places.where(loc) if self._places is not None else None
        line, column = where or (None, None)
        return Place(self.path, format_path(loc), line, detail, column)


def passed(check: str, message: str, where: Place) -> Finding:
    return Finding(check, Status.PASS, message, where)


def failed(check: str, message: str, where: Place, fix: str) -> Finding:
    return Finding(check, Status.FAIL, message, where, fix)
