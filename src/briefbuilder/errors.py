"""briefbuilder's one exception tree, and the Problem record every error carries.

    BriefbuilderError
     +-- ContentError     bad content: YAML, fields, markup, references (carries Problems)
     +-- ThemeError       a theme folder, brand.yaml, label catalog or template is wrong
     +-- RenderError      a writer could not render a brief (blocked fetch, engine error)
     +-- BuildError       the build itself failed (locked output folder, unwritable path)
     +-- UsageError       the command line asked for something that does not exist

Every message names where (file:line:column), what (the field path) and what to do (hint).
A preflight check's verdict is a Problem too, with the check's id and its status.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a Problem is: errors stop a brief from building, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


class Status(StrEnum):
    """A preflight check's verdict: pass; fail; a known failure (expected, listed in
    preflight/known.py); a warning to look at. Only FAIL makes preflight exit 1."""

    PASS = "pass"
    FAIL = "fail"
    KNOWN = "known"
    WARN = "warn"


@dataclass(frozen=True)
class Problem:
    """One finding about one place in one file; from a preflight check, also the check's id,
    its verdict and where in the built output (detail: "b.en.pdf, page 2")."""

    message: str
    file: Path | None = None
    line: int | None = None
    column: int | None = None
    field: str = ""
    hint: str = ""
    severity: Severity = Severity.ERROR
    check: str = ""
    status: Status | None = None
    detail: str = ""

    @property
    def verdict(self) -> Status:
        """The status a check gave; else an error fails and a warning warns."""
        if self.status is not None:
            return self.status
        return Status.FAIL if self.severity is Severity.ERROR else Status.WARN

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        kind = "warning: " if self.severity is Severity.WARNING else ""
        field = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{kind}{field}{self.message}{hint}"


class Refusal(Exception):
    """Why a file cannot be used, found where its place in a YAML file is not known: the
    caller that knows it makes the Problem (what is wrong, and what to do)."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class BriefbuilderError(Exception):
    """Base of every error briefbuilder raises on purpose."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = Problem(problems)
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ContentError(BriefbuilderError):
    """Content that cannot be loaded: each Problem names file, line, field and a fix."""


class ThemeError(BriefbuilderError):
    """A theme that cannot be used."""


class RenderError(BriefbuilderError):
    """A writer failed on one brief."""


class BuildError(BriefbuilderError):
    """The build as a whole cannot go on."""


class UsageError(BriefbuilderError):
    """The command line asks for something that does not exist."""


class ProblemWarning(UserWarning):
    """A warning a writer gives while still writing its output: the build reports its Problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
