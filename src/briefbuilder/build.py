"""Series builds: plan every (edition, format) job, skip what is up to date, run the rest
in worker processes, write each file atomically, and record it in the manifest."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .cache import (
    MANIFEST,
    Entry,
    folder_hash,
    job_hash,
    manifest_bytes,
    package_hash,
    read_manifest,
    up_to_date,
)
from .errors import BriefbuilderError, Problem
from .loader import Project
from .model.series import Edition, LoadedSeries
from .outputs import (
    OutputLock,
    inside,
    series_output_name,
    staging_folder,
    write_atomic,
    write_hint,
)
from .pool import Pool, Result
from .stale import mark_stale
from .themes import find_theme
from .writers.registry import extension, writer_module

DEFAULT_TIME_LIMIT = 300.0
DEFAULT_MEMORY_LIMIT = 4 * 1024**3


@dataclass(frozen=True)
class Job:
    """One output file to make: an edition in one format."""

    edition: Edition
    fmt: str
    theme_folder: Path
    output: Path
    relative: str
    content_hash: str

    @property
    def name(self) -> str:
        return self.relative


@dataclass
class Outcome:
    job: Job
    status: str  # "built" | "up to date" | "failed"
    seconds: float = 0.0
    size: int = 0
    pages: int | None = None
    problems: list[Problem] = field(default_factory=list)
    peak_mb: int = 0


@dataclass
class BuildResult:
    """What a build did: one Outcome per job, the outputs it found stale, and problems of
    the build as a whole (a damaged or unwritable manifest)."""

    outcomes: list[Outcome]
    stale: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    out: Path
    formats: tuple[str, ...]
    only: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    workers: int = os.cpu_count() or 1
    force: bool = False
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT


class Reporter(Protocol):
    def planned(self, jobs: list[Job], to_run: int) -> None: ...
    def started(self, job: Job) -> None: ...
    def finished(self, outcome: Outcome) -> None: ...


def plan(project: Project, options: Options) -> tuple[list[Job], list[Problem]]:
    """Every job selected by options, and the problems (unknown themes) that block some."""
    jobs: list[Job] = []
    problems: list[Problem] = []
    package = package_hash()
    for loaded in project.series:
        try:
            theme_folder = find_theme(loaded.series.theme, loaded.folder)
        except BriefbuilderError as exc:
            problems.extend(exc.problems)
            continue
        theme_hash = folder_hash(theme_folder)
        for edition in loaded.editions:
            if options.only and not selected(options.only, loaded, edition):
                continue
            if options.langs and edition.brief.lang not in options.langs:
                continue
            for fmt in options.formats:
                name = f"{edition.brief.id}.{edition.brief.lang}.{extension(fmt)}"
                relative = f"{series_output_name(loaded.folder)}/{name}"
                jobs.append(Job(edition, fmt, theme_folder, options.out / relative, relative,
                                job_hash(edition, fmt, theme_hash, package)))
    return jobs, problems


def selected(only: tuple[str, ...], loaded: LoadedSeries, edition: Edition) -> bool:
    """Whether --only names the edition's brief, as BRIEF_ID or SERIES/BRIEF_ID."""
    brief = edition.brief.id
    folder = series_output_name(loaded.folder)
    return any(name in (brief, f"{loaded.series.id}/{brief}", f"{folder}/{brief}")
               for name in only)


def build(jobs: list[Job], options: Options, reporter: Reporter,
          broken: dict[str, str] | None = None) -> BuildResult:
    """Run the jobs that are not up to date; return one Outcome per job.

    broken maps output name prefixes whose content cannot be built to the reason: their
    outputs from earlier builds are kept, and marked stale in the manifest.
    """
    with OutputLock(options.out):
        manifest, problems = read_manifest(options.out)
        fresh = [] if options.force else [
            j for j in jobs if up_to_date(manifest.get(j.relative), j.output, j.content_hash)]
        to_run = [j for j in jobs if j not in fresh]
        reporter.planned(jobs, len(to_run))
        outcomes = [_up_to_date(j, manifest[j.relative]) for j in fresh]
        for outcome in outcomes:
            reporter.finished(outcome)
        if to_run:
            outcomes += _run(to_run, options, manifest, reporter)
        failed = {o.job.relative: "its last build failed: " + "; ".join(
            p.message for p in o.problems) for o in outcomes if o.status == "failed"}
        stale = mark_stale(manifest, {**(broken or {}), **failed})
        problems += _write_manifest(options.out, manifest)
    return BuildResult(outcomes, stale, problems)


def _up_to_date(job: Job, entry: Entry) -> Outcome:
    return Outcome(job, "up to date", 0.0, entry.bytes, entry.pages)


def _run(jobs: list[Job], options: Options, manifest: dict[str, Entry],
         reporter: Reporter) -> list[Outcome]:
    modules = tuple(sorted({writer_module(j.fmt) for j in jobs}))
    pool = Pool(options.workers, options.time_limit, options.memory_limit, modules)
    tasks = [(j.edition, j.fmt, j.theme_folder) for j in jobs]
    outcomes = []
    for result in pool.run(tasks, lambda index: reporter.started(jobs[index])):
        outcome = _finish(jobs[result.index], result, manifest, options.out)
        reporter.finished(outcome)
        outcomes.append(outcome)
    return outcomes


def _finish(job: Job, result: Result, manifest: dict[str, Entry], out: Path) -> Outcome:
    """Write a job's bytes into place and record them; or report why it failed."""
    if result.data is None:
        return Outcome(job, "failed", result.seconds, problems=result.problems,
                       peak_mb=result.peak_mb)
    problem = _write(job, result.data, out)
    if problem is not None:
        return Outcome(job, "failed", result.seconds, problems=[problem], peak_mb=result.peak_mb)
    brief = job.edition.brief
    manifest[job.relative] = Entry(
        brief=brief.id, lang=brief.lang, format=job.fmt, path=job.relative,
        sha256=hashlib.sha256(result.data).hexdigest(), bytes=len(result.data),
        pages=result.pages, content_hash=job.content_hash)
    return Outcome(job, "built", result.seconds, len(result.data), result.pages,
                   result.problems, result.peak_mb)


def _write(job: Job, data: bytes, out: Path) -> Problem | None:
    """Write a job's output into place; or say why it cannot be."""
    if not inside(out, job.output):
        return Problem(f"cannot write {job.output}: it leads outside the output folder {out}",
                       job.edition.path, hint="remove the link in the output folder that "
                       "leads elsewhere, or build into another folder with --out")
    try:
        write_atomic(job.output, data, staging_folder(out))
    except OSError as exc:
        return Problem(f"cannot write {job.output}: {exc.strerror}", job.edition.path,
                       hint=write_hint(exc, out))
    return None


def _write_manifest(out: Path, manifest: dict[str, Entry]) -> list[Problem]:
    """Write the manifest, forgetting outputs that are no longer on disk; say why it failed."""
    kept = {path: entry for path, entry in manifest.items() if (out / path).is_file()}
    try:
        write_atomic(out / MANIFEST, manifest_bytes(kept), staging_folder(out))
    except OSError as exc:
        return [Problem(f"cannot write the manifest: {exc.strerror}", out / MANIFEST,
                        hint=write_hint(exc, out))]
    return []


def select_formats(requested: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(requested or ("pdf", "docx")))
