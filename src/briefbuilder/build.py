"""Series builds: plan every (edition, format) job, skip what is up to date, run the rest
in worker processes, write each file atomically, and record it in the manifest."""

from __future__ import annotations

import contextlib
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .brand import Theme
from .cache import (
    MANIFEST,
    Entry,
    asset_files,
    folder_hash,
    job_hash,
    manifest_bytes,
    package_hash,
    read_manifest,
    record,
    up_to_date,
)
from .depfile import Json, Recording, Stamps
from .errors import BriefbuilderError, Problem, ThemeError
from .loader import Project
from .model.series import Edition, LoadedSeries
from .options import Options as Options
from .outputs import (
    OutputLock,
    inside,
    series_output_name,
    staging_folder,
    write_atomic,
    write_bundle,
    write_hint,
)
from .pool import Pool, Result, Task, open_pool
from .stale import mark_stale
from .themes import check_language, find_theme, load_theme
from .writers.bundle import MAIN, unpack
from .writers.registry import BUNDLES, SERIES_INDEX, output_name


@dataclass(frozen=True)
class Job:
    """One output file to make: an edition in one format."""

    edition: Edition
    fmt: str
    theme_folder: Path
    output: Path
    relative: str
    content_hash: str
    editions: tuple[Edition, ...] = ()  # a series index's: every edition of its series

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


class Reporter(Protocol):
    def planned(self, jobs: list[Job], to_run: int) -> None: ...
    def started(self, job: Job) -> None: ...
    def finished(self, outcome: Outcome) -> None: ...


def plan(project: Project, options: Options,
         stamps: Stamps | None = None) -> tuple[list[Job], list[Problem]]:
    """Every job selected by options, and the problems (unknown themes) that block some.

    stamps: the earlier build's, so that files whose stat did not change are not hashed."""
    jobs: list[Job] = []
    problems: list[Problem] = []
    stamps = stamps or Stamps()
    package = package_hash(stamps)
    for loaded in project.series:
        try:
            theme_folder = find_theme(loaded.series.theme, loaded.folder)
        except BriefbuilderError as exc:
            problems.extend(exc.problems)
            continue
        theme_hash = folder_hash(theme_folder, stamps)
        planned = len(jobs)
        for edition in loaded.editions:
            if options.only and not selected(options.only, loaded, edition):
                continue
            if options.langs and edition.brief.lang not in options.langs:
                continue
            for fmt in options.formats:
                name = output_name(fmt, f"{edition.brief.id}.{edition.brief.lang}")
                relative = f"{series_output_name(loaded.folder)}/{name}"
                jobs.append(Job(edition, fmt, theme_folder, options.out / relative, relative,
                                job_hash(edition, fmt, theme_hash, package, stamps)))
        if "web" in options.formats and len(jobs) > planned:
            jobs.append(index_job(loaded, theme_folder, options, theme_hash, package, stamps))
    return jobs, problems


def index_job(loaded: LoadedSeries, theme_folder: Path, options: Options, theme_hash: str,
              package: str, stamps: Stamps) -> Job:
    """The series index page: every edition of the series, linking the formats built."""
    digest = hashlib.sha256(" ".join(options.formats).encode())
    for edition in loaded.editions:
        digest.update(job_hash(edition, SERIES_INDEX, theme_hash, package, stamps).encode())
    relative = f"{series_output_name(loaded.folder)}/{MAIN}"
    return Job(loaded.editions[0], SERIES_INDEX, theme_folder, options.out / relative, relative,
               digest.hexdigest(), tuple(loaded.editions))


def selected(only: tuple[str, ...], loaded: LoadedSeries, edition: Edition) -> bool:
    """Whether --only names the edition's brief, as BRIEF_ID or SERIES/BRIEF_ID."""
    brief = edition.brief.id
    folder = series_output_name(loaded.folder)
    return any(name in (brief, f"{loaded.series.id}/{brief}", f"{folder}/{brief}")
               for name in only)


def build(jobs: list[Job], options: Options, reporter: Reporter,
          broken: dict[str, str] | None = None,
          recording: Recording | None = None, pool: Pool | None = None) -> BuildResult:
    """Run the jobs that are not up to date; return one Outcome per job.

    broken maps output name prefixes whose content cannot be built to the reason: their
    outputs from earlier builds are kept, and marked stale in the manifest.
    recording, given for content without problems, makes the build record its depfile
    when every job succeeds. A pool kept across builds (watch) runs the jobs, and is
    warmed on jobs up to date.
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
        indexes = [j for j in to_run if j.fmt == SERIES_INDEX]
        if len(indexes) < len(to_run):
            outcomes += _run([j for j in to_run if j not in indexes], options, manifest, reporter,
                             pool)
        if pool is not None:
            pool.warm([_task(j) for j in fresh if j.fmt != SERIES_INDEX])
        outcomes += _run_indexes(indexes, options, manifest, reporter)
        failed = {o.job.relative: "its last build failed: " + "; ".join(
            p.message for p in o.problems) for o in outcomes if o.status == "failed"}
        stale = mark_stale(manifest, {**(broken or {}), **failed})
        depfile = None if recording is None or stale or failed else record(
            recording, jobs, manifest, options.out)
        problems += _write_manifest(options.out, manifest, depfile)
    return BuildResult(outcomes, stale, problems)


def _up_to_date(job: Job, entry: Entry) -> Outcome:
    return Outcome(job, "up to date", 0.0, entry.bytes, entry.pages)


def _run(jobs: list[Job], options: Options, manifest: dict[str, Entry],
         reporter: Reporter, kept: Pool | None) -> list[Outcome]:
    outcomes = []
    with open_pool(options, {j.fmt for j in jobs}) if kept is None \
            else contextlib.nullcontext(kept) as pool:
        jobs = longest_first(jobs)
        for result in pool.run([_task(j) for j in jobs],
                               lambda index: reporter.started(jobs[index])):
            outcome = _finish(jobs[result.index], result, manifest, options.out)
            reporter.finished(outcome)
            outcomes.append(outcome)
    return outcomes


def longest_first(jobs: list[Job]) -> list[Job]:
    """The jobs whose inputs (brief, images, data) are biggest first, a guess at the longest:
    the last jobs handed out are short, so no worker idles long while another ends."""
    sizes: dict[Path, int] = {}
    for job in jobs:
        if job.edition.path not in sizes:
            sizes[job.edition.path] = sum(_size(path) for path in
                                          (job.edition.path, *asset_files(job.edition)))
    return sorted(jobs, key=lambda job: -sizes[job.edition.path])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _task(job: Job) -> Task:
    return job.edition, job.fmt, job.theme_folder


def _run_indexes(jobs: list[Job], options: Options, manifest: dict[str, Entry],
                 reporter: Reporter) -> list[Outcome]:
    """Render the series index pages here: small pages, after the editions' jobs."""
    outcomes = []
    for index, job in enumerate(jobs):
        reporter.started(job)
        outcome = _finish(job, _render_index(index, job, options.formats), manifest, options.out)
        reporter.finished(outcome)
        outcomes.append(outcome)
    return outcomes


def _render_index(index: int, job: Job, formats: tuple[str, ...]) -> Result:
    """A series index page as a worker's Result; every failure becomes Problems."""
    from .writers.web import write_series_index

    start = time.perf_counter()
    try:
        theme = load_theme(job.theme_folder)
        # an edition in a language the theme lacks fails its own jobs, and is left out here
        editions = [e for e in job.editions if _has_labels(theme, e)]
        data = write_series_index(editions, formats, theme)
    except BriefbuilderError as exc:
        return Result(index, None, None, exc.problems, time.perf_counter() - start)
    except Exception as exc:  # a writer bug must not stop the build
        return Result(index, None, None, [Problem(
            f"internal error in the series index: {type(exc).__name__}: {exc}",
            job.edition.path.parent / "series.yaml", hint="please report this with the series")],
            time.perf_counter() - start)
    return Result(index, data, None, [], time.perf_counter() - start)


def _has_labels(theme: Theme, edition: Edition) -> bool:
    try:
        check_language(theme, edition.brief.lang, edition.path)
    except ThemeError:
        return False
    return True


def _finish(job: Job, result: Result, manifest: dict[str, Entry], out: Path) -> Outcome:
    """Write a job's bytes into place and record them; or report why it failed."""
    if result.data is None:
        return Outcome(job, "failed", result.seconds, problems=result.problems,
                       peak_mb=result.peak_mb)
    files, problem = _write(job, result.data, manifest.get(job.relative), out)
    if problem is not None:
        return Outcome(job, "failed", result.seconds, problems=[problem], peak_mb=result.peak_mb)
    brief = job.edition.brief
    main = files.get(MAIN, result.data)
    manifest[job.relative] = Entry(
        brief=brief.id, lang=brief.lang, format=job.fmt, path=job.relative,
        sha256=hashlib.sha256(main).hexdigest(), bytes=len(main),
        pages=result.pages, content_hash=job.content_hash,
        files={name: hashlib.sha256(body).hexdigest() for name, body in sorted(files.items())})
    return Outcome(job, "built", result.seconds, len(main), result.pages,
                   result.problems, result.peak_mb)



def _write(job: Job, data: bytes, previous: Entry | None,
           out: Path) -> tuple[dict[str, bytes], Problem | None]:
    """Write a job's output into place (a bundle's files into the output's folder); return a
    bundle's files for the manifest ({} for a single file), or say why it cannot be written."""
    files = unpack(data) if job.fmt in BUNDLES else {}
    targets = [job.output.parent / name for name in files] or [job.output]
    escaping = next((target for target in targets if not inside(out, target)), None)
    if escaping is not None:
        return {}, Problem(f"cannot write {escaping}: it leads outside the output folder "
                           f"{out}", job.edition.path, hint="remove the link in the output "
                           "folder that leads elsewhere, or build into another folder with --out")
    try:
        if files:
            write_bundle(job.output.parent, files, MAIN, previous.files if previous else (),
                         staging_folder(out))
        else:
            write_atomic(job.output, data, staging_folder(out))
    except OSError as exc:
        return {}, Problem(f"cannot write {job.output}: {exc.strerror}", job.edition.path,
                           hint=write_hint(exc, out))
    return files, None

def _write_manifest(out: Path, manifest: dict[str, Entry], depfile: Json | None) -> list[Problem]:
    """Write the manifest, forgetting outputs that are no longer on disk; say why it failed."""
    kept = {path: entry for path, entry in manifest.items() if (out / path).is_file()}
    try:
        write_atomic(out / MANIFEST, manifest_bytes(kept, depfile), staging_folder(out))
    except OSError as exc:
        return [Problem(f"cannot write the manifest: {exc.strerror}", out / MANIFEST,
                        hint=write_hint(exc, out))]
    return []
