"""Showing a build: a progress bar on a terminal, plain lines elsewhere, a final table."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.console import Console

from .errors import Problem, Severity

if TYPE_CHECKING:
    from rich.table import Table

    from .build import Job, Outcome


class Row(NamedTuple):
    """A job's line in the summary table."""

    name: str
    status: str
    pages: int | None = None
    size: int = 0
    seconds: float = 0.0


def job_line(row: Row) -> str:
    """A finished job, as a verbose build prints it."""
    seconds = f"{row.seconds:6.2f} s" if row.status == "built" else " " * 8
    return f"{row.status:<11} {seconds}  {row.name}"


def outcome_row(outcome: Outcome) -> Row:
    return Row(outcome.job.name, outcome.status, outcome.pages, outcome.size, outcome.seconds)


def print_problems(console: Console, problems: list[Problem]) -> None:
    for problem in problems:
        style = "yellow" if problem.severity is Severity.WARNING else "red"
        console.print(str(problem), style=style, markup=False, highlight=False)


class LineReporter:
    """One line per finished job with its seconds (quiet: failures only)."""

    def __init__(self, console: Console, quiet: bool = False) -> None:
        self.console = console
        self.quiet = quiet

    def planned(self, jobs: list[Job], to_run: int) -> None:
        if not self.quiet:
            self.console.print(f"{len(jobs)} job(s), {to_run} to build", highlight=False)

    def started(self, job: Job) -> None:
        """Nothing: lines are printed when a job ends."""

    def finished(self, outcome: Outcome) -> None:
        """The job's line (failures only when quiet), then its problems or warnings."""
        if outcome.status == "failed":
            self.console.print(f"failed      {outcome.job.name}", style="red", highlight=False)
        elif not self.quiet or outcome.problems:
            self.console.print(job_line(outcome_row(outcome)), highlight=False)
        print_problems(self.console, outcome.problems)


# rich's default, 10, costs the parent 1% of a core, taken from a worker when -j = cores
REFRESH_PER_SECOND = 4


class BarReporter(LineReporter):
    """A rich progress bar naming the job in hand; failures printed above it."""

    def __init__(self, console: Console) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        super().__init__(console)
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=console, transient=True,
                                 refresh_per_second=REFRESH_PER_SECOND)
        self.task = self.progress.add_task("building", total=0)

    def planned(self, jobs: list[Job], to_run: int) -> None:
        self.progress.update(self.task, total=len(jobs))
        self.progress.start()

    def started(self, job: Job) -> None:
        self.progress.update(self.task, description=job.name)

    def finished(self, outcome: Outcome) -> None:
        if outcome.problems:
            super().finished(outcome)
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()


def summary_table(rows: list[Row]) -> Table:
    """Job, status, pages, size and seconds for each row, in name order."""
    from rich.table import Table

    table = Table(title=None, show_edge=False, pad_edge=False)
    for name, justify in (("job", "left"), ("status", "left"), ("pages", "right"),
                          ("size", "right"), ("seconds", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    styles = {"built": "green", "up to date": "dim", "failed": "red"}
    for o in sorted(rows):
        size = f"{o.size / 1024:,.0f} KB" if o.size else "-"
        pages = str(o.pages) if o.pages is not None else "-"
        seconds = f"{o.seconds:.2f}" if o.status != "up to date" else "-"
        table.add_row(o.name, o.status, pages, size, seconds, style=styles.get(o.status, ""))
    return table
