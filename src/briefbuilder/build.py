"""Series builds: plan every (edition, format) job, run them, write outputs atomically."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .brand import Theme
from .errors import BriefbuilderError, Problem
from .loader import Project
from .model.series import Edition
from .themes import check_language, find_theme, load_theme
from .writers.registry import get_writer


@dataclass(frozen=True)
class Job:
    """One output file to make: an edition in one format."""

    edition: Edition
    fmt: str
    theme_folder: Path
    output: Path

    @property
    def name(self) -> str:
        return f"{self.edition.series.id}/{self.output.name}"


@dataclass
class Outcome:
    job: Job
    status: str  # "built" | "failed"
    seconds: float = 0.0
    size: int = 0
    problems: list[Problem] = field(default_factory=list)


def output_path(out: Path, edition: Edition, fmt: str) -> Path:
    """OUT/<series folder name>/<brief-id>.<lang>.<ext>."""
    return out / edition.path.parent.name / f"{edition.brief.id}.{edition.brief.lang}.{fmt}"


def plan(project: Project, out: Path, formats: Iterable[str],
         only: Iterable[str] = (), langs: Iterable[str] = ()) -> tuple[list[Job], list[Problem]]:
    """Every job to run, and the problems (unknown theme or language) that block some."""
    only_ids, lang_set, fmts = set(only), set(langs), list(formats)
    jobs: list[Job] = []
    problems: list[Problem] = []
    themes: dict[str, Path] = {}
    for loaded in project.series:
        try:
            theme_folder = themes.get(loaded.series.theme) or find_theme(
                loaded.series.theme, loaded.folder)
        except BriefbuilderError as exc:
            problems.extend(exc.problems)
            continue
        themes[loaded.series.theme] = theme_folder
        for edition in loaded.editions:
            if only_ids and edition.brief.id not in only_ids:
                continue
            if lang_set and edition.brief.lang not in lang_set:
                continue
            jobs.extend(Job(edition, fmt, theme_folder, output_path(out, edition, fmt))
                        for fmt in fmts)
    return jobs, problems


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path so that readers see the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_job(job: Job, themes: dict[Path, Theme]) -> Outcome:
    """Render one job and write its file; failures become an Outcome, not an exception."""
    start = time.perf_counter()
    try:
        theme = themes.get(job.theme_folder) or load_theme(job.theme_folder)
        themes[job.theme_folder] = theme
        check_language(theme, job.edition.brief.lang, job.edition.path)
        data = get_writer(job.fmt)(job.edition, theme)
        write_atomic(job.output, data)
    except BriefbuilderError as exc:
        return Outcome(job, "failed", time.perf_counter() - start, problems=exc.problems)
    except Exception as exc:  # a writer bug must not stop the other briefs
        problem = Problem(f"internal error in the {job.fmt} writer: {type(exc).__name__}: {exc}",
                          job.edition.path, hint="please report this with the brief file")
        return Outcome(job, "failed", time.perf_counter() - start, problems=[problem])
    return Outcome(job, "built", time.perf_counter() - start, len(data))


def run(jobs: list[Job], report: Callable[[Outcome], None] = lambda o: None) -> list[Outcome]:
    """Run the jobs one after another, reporting each outcome as it ends."""
    themes: dict[Path, Theme] = {}
    outcomes = []
    for job in jobs:
        outcome = run_job(job, themes)
        report(outcome)
        outcomes.append(outcome)
    return outcomes
