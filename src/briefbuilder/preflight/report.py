"""Showing preflight results: a rich table per brief edition, or one JSON document."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import Problem
from .findings import Finding, Status

STYLES = {Status.PASS: "green", Status.FAIL: "bold red", Status.KNOWN: "yellow",
          Status.WARN: "yellow"}


@dataclass(frozen=True)
class BriefReport:
    """The findings of one brief edition."""

    brief: str
    lang: str
    outputs: tuple[str, ...]
    findings: list[Finding]


def counts(reports: list[BriefReport]) -> Counter[Status]:
    return Counter(f.status for r in reports for f in r.findings)


def summary(reports: list[BriefReport]) -> str:
    tally = counts(reports)
    return (f"preflight: {len(reports)} brief edition(s): {tally[Status.PASS]} passed, "
            f"{tally[Status.FAIL]} failed, {tally[Status.KNOWN]} known failure(s), "
            f"{tally[Status.WARN]} warning(s)")


def table(report: BriefReport) -> Table:
    """check | status | where | finding and how to fix."""
    grid = Table(title=f"{report.brief} ({report.lang})", title_justify="left",
                 show_lines=False, pad_edge=False)
    grid.add_column("check", no_wrap=True)
    grid.add_column("status", no_wrap=True)
    grid.add_column("where", overflow="fold")
    grid.add_column("finding / how to fix", overflow="fold")
    for finding in report.findings:
        text = Text(finding.message)
        if finding.fix:
            text.append(f"\n→ {finding.fix}", style="dim")
        grid.add_row(finding.check, Text(str(finding.status), style=STYLES[finding.status]),
                     Text(str(finding.where)), text)
    return grid


def show(console: Console, reports: list[BriefReport]) -> None:
    """A table per brief edition, then the counts."""
    for report in reports:
        console.print(table(report))
    console.print(summary(reports), highlight=False)


def as_json(reports: list[BriefReport], problems: list[Problem]) -> str:
    """One JSON document: counts by status, content problems, and each brief's findings."""
    tally = counts(reports)
    return json.dumps({
        "summary": {str(status): tally[status] for status in Status},
        "problems": [str(problem) for problem in problems],
        "briefs": [{"brief": r.brief, "lang": r.lang, "outputs": list(r.outputs),
                    "findings": [f.as_dict() for f in r.findings]} for r in reports],
    }, indent=2, ensure_ascii=False)


def show_json(console: Console, reports: list[BriefReport], problems: list[Problem]) -> None:
    console.print(as_json(reports, problems), markup=False, highlight=False, soft_wrap=True)
