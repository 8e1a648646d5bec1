"""Showing preflight results like a linter: a line per failure and warning, a summary line per
series and a total; or one JSON document.

    file:line:col: check-id: message [where in the output] (how to fix)
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from rich.console import Console

from ..errors import Problem, Status
from .findings import Place, as_dict

STYLES = {Status.PASS: "green", Status.FAIL: "red", Status.KNOWN: "yellow",
          Status.WARN: "yellow"}
LABELS = {Status.PASS: "pass: ", Status.FAIL: "", Status.KNOWN: "known failure: ",
          Status.WARN: "warning: "}


class Verbosity(IntEnum):
    """QUIET: the total alone; NORMAL: failures and warnings, then the summaries; VERBOSE:
    the passes too."""

    QUIET = -1
    NORMAL = 0
    VERBOSE = 1


@dataclass(frozen=True)
class BriefReport:
    """The findings of one brief edition."""

    brief: str
    lang: str
    outputs: tuple[str, ...]
    findings: list[Problem]


@dataclass
class Notices:
    """A checker's own trouble (not the brief's), told once per run with the number of
    outputs it hit."""

    seen: Counter[str] = field(default_factory=Counter)

    def add(self, text: str) -> None:
        self.seen[text] += 1

    def lines(self) -> list[str]:
        return [f"notice: {text} (on {count} PDF(s))" for text, count in self.seen.items()]


def counts(reports: list[BriefReport]) -> Counter[Status]:
    return Counter(f.verdict for r in reports for f in r.findings)


def summary(reports: list[BriefReport], label: str = "preflight") -> str:
    """label: the number of editions, then of findings by status (known failures when any)."""
    tally = counts(reports)
    known = f", {tally[Status.KNOWN]} known failure(s)" if tally[Status.KNOWN] else ""
    return (f"{label}: {len(reports)} brief edition(s): {tally[Status.PASS]} passed, "
            f"{tally[Status.FAIL]} failed{known}, {tally[Status.WARN]} warning(s)")


def line(finding: Problem) -> str:
    """One finding as a linter prints it."""
    detail = f" [{finding.detail}]" if finding.detail else ""
    fix = f" ({finding.hint})" if finding.hint else ""
    return (f"{Place.of(finding).position}: {finding.check}: {LABELS[finding.verdict]}"
            f"{finding.message}{detail}{fix}")


def by_series(reports: list[BriefReport]) -> dict[Path, list[BriefReport]]:
    """The reports grouped by the folder of their brief (the series), in order."""
    grouped: dict[Path, list[BriefReport]] = {}
    for report in reports:
        grouped.setdefault(Path(report.brief).parent, []).append(report)
    return grouped


def show(console: Console, reports: list[BriefReport], notices: Notices,
         verbosity: Verbosity = Verbosity.NORMAL, content_errors: int = 0) -> None:
    """The findings worth reading, the run's notices, a line per series, then the total
    (with the content errors, printed before, whose briefs went unchecked)."""
    if verbosity > Verbosity.QUIET:
        for finding in (f for r in reports for f in r.findings):
            if finding.verdict is not Status.PASS or verbosity is Verbosity.VERBOSE:
                console.print(line(finding), style=STYLES[finding.verdict], markup=False,
                              highlight=False, soft_wrap=True)
        for text in notices.lines():
            console.print(text, style="yellow", markup=False, highlight=False, soft_wrap=True)
        for folder, group in by_series(reports).items():
            console.print(summary(group, folder.name), markup=False, highlight=False,
                          soft_wrap=True)
    total = summary(reports)
    if notices.seen:
        total += f", {len(notices.seen)} notice(s)"
    if content_errors:
        total += f", {content_errors} content error(s)"
    console.print(total, markup=False, highlight=False, soft_wrap=True)


def as_json(reports: list[BriefReport], problems: list[Problem], notices: Notices) -> str:
    """One JSON document: counts by status, content problems, notices and each brief's
    findings."""
    tally = counts(reports)
    return json.dumps({
        "summary": {str(status): tally[status] for status in Status},
        "problems": [str(problem) for problem in problems],
        "notices": notices.lines(),
        "briefs": [{"brief": r.brief, "lang": r.lang, "outputs": list(r.outputs),
                    "findings": [as_dict(f) for f in r.findings]} for r in reports],
    }, indent=2, ensure_ascii=False)


def show_json(console: Console, reports: list[BriefReport], problems: list[Problem],
              notices: Notices) -> None:
    console.print(as_json(reports, problems, notices), markup=False, highlight=False,
                  soft_wrap=True)
