"""The command line: build, watch, check, preflight, schema, init, new, themes. Thin: parsing
and printing."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from . import __version__
from .errors import BriefbuilderError, Severity, ThemeError, UsageError
from .formats import FORMATS, check_formats
from .options import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT, Options, select_formats
from .progress import (
    BarReporter,
    LineReporter,
    Row,
    job_line,
    outcome_row,
    print_problems,
    summary_table,
)
from .schema import KINDS

if TYPE_CHECKING:
    from .build import BuildResult
    from .depfile import Check, Recording
    from .loader import Project
    from .pool import Pool
    from .preflight import Verbosity

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
err = Console(stderr=True, highlight=False, soft_wrap=True)


class _Stdout(Console):
    """Reports and JSON, for pipes and files; a reader that has had enough (`preflight -v |
    head`) ends the command as main() ends `schema | head`, not with rich's exit 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


stdout = _Stdout(highlight=False, soft_wrap=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbuilder",
        description="Build branded print PDFs and editable Word drafts from brief content.")
    parser.add_argument("--version", action="version", version=f"briefbuilder {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build briefs into print PDFs and Word drafts "
                                "(--format for web pages)")
    _add_build_options(build)
    watch = commands.add_parser("watch", help="rebuild what changed on save")
    _add_build_options(watch)

    check = commands.add_parser("check", help="validate all content, build nothing")
    check.add_argument("content", nargs="?", type=Path, default=Path("content"),
                       metavar="CONTENT_DIR|FILE", help="a folder of series, one series folder, "
                       "a brief file or a theme's brand.yaml (default: content)")
    check.add_argument("--strict", action="store_true",
                       help="misaligned language editions are errors, not warnings")

    preflight = commands.add_parser(
        "preflight", help="check built PDFs and Word drafts: Section 508, PDF/UA, consistency")
    preflight.add_argument("content", nargs="?", type=Path, default=Path("content"))
    preflight.add_argument("--out", type=Path, default=Path("output"), help="default: output")
    preflight.add_argument("--json", action="store_true", help="one JSON report on stdout")
    noise = preflight.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print the total only")
    noise.add_argument("-v", "--verbose", action="store_true", help="print the passes too")

    review = commands.add_parser(
        "review", help="a reviewed Word draft's tracked changes and comments, as YAML edits")
    review.add_argument("draft", type=Path, help="the reviewed .docx draft")
    review.add_argument("content", nargs="?", type=Path, default=Path("content"),
                        help="the content folder, or the brief file itself (default: content)")
    review.add_argument("--apply", action="store_true", help="write the changes into the YAML")
    review.add_argument("--json", action="store_true", help="one JSON document on stdout")

    schema = commands.add_parser("schema", help="print the JSON Schema of a file kind")
    schema.add_argument("--kind", choices=KINDS, default="brief",
                        help="brief (<id>.<lang>.yaml), series (series.yaml), brand "
                        "(a theme's brand.yaml) or labels (labels/<lang>.yaml); default: brief")

    init = commands.add_parser("init", help="create a ready project: content, schemas, "
                               "editor settings")
    init.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR",
                      help="the project folder, created if needed (default: .)")
    _add_starter_options(init, "my-series/first-brief")

    new = commands.add_parser("new", help="scaffold a brief that builds")
    new.add_argument("target", metavar="SERIES/BRIEF_ID",
                     help="the series folder and the brief id, e.g. mexico-auto/enforcement")
    new.add_argument("--content", type=Path, default=Path("content"),
                     help="the content folder holding the series (default: content)")
    _add_starter_options(new, None)

    themes = commands.add_parser("themes", help="list the themes a content folder can use")
    themes.add_argument("content", nargs="?", type=Path, default=Path("content"),
                        help="the content folder whose styles/ folders count (default: content)")
    theme = commands.add_parser("theme", help="work with themes")
    theme_commands = theme.add_subparsers(dest="theme_command", required=True, metavar="ACTION")
    copy = theme_commands.add_parser("copy", help="copy a theme into a folder to customize it")
    copy.add_argument("name", help="the theme to copy, e.g. ilab")
    copy.add_argument("target", type=Path, metavar="DIR",
                      help="the new theme's folder, e.g. styles/myorg")
    copy.add_argument("--content", type=Path, default=Path("content"),
                      help="find NAME as a series in this folder would (default: content)")
    template = commands.add_parser("template", help="write the brand's Word template (.dotx)")
    template.add_argument("name", metavar="THEME", help="the theme, e.g. ilab")
    template.add_argument("--out", type=Path, required=True, help="the file, e.g. house.dotx")
    template.add_argument("--lang", default="en",
                          help="the language of its labels, e.g. en or es (default: en)")
    template.add_argument("--content", type=Path, default=Path("content"),
                          help="find THEME as a series in this folder would (default: content)")
    return parser


def _add_starter_options(command: argparse.ArgumentParser, target: str | None) -> None:
    if target is not None:
        command.add_argument("--brief", dest="target", default=target, metavar="SERIES/BRIEF_ID",
                             help="the starter brief (default: %(default)s)")
    command.add_argument("--lang", default="en",
                         help="the brief's language, e.g. en or es (default: en)")
    command.add_argument("--theme", default="ilab",
                         help="the series' theme, for a new series (default: ilab)")


def _add_build_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("content", nargs="?", type=Path, default=Path("content"),
                         help="a folder of series, or one series folder (default: content)")
    command.add_argument("--out", type=Path, default=Path("output"), help="default: output")
    command.add_argument("--format", dest="formats", action="append", choices=FORMATS,
                         help="repeatable; default: pdf and docx. web: a web page per edition "
                              "and a series index; html: the print HTML, for debugging")
    command.add_argument("--only", action="append", default=[], metavar="[SERIES/]BRIEF_ID",
                         help="build only this brief, in every series or in one (repeatable)")
    command.add_argument("--lang", action="append", default=[], help="only this language")
    command.add_argument("-j", "--jobs", type=_positive, default=os.cpu_count() or 1,
                         help="parallel worker processes (default: CPU count)")
    command.add_argument("--force", action="store_true", help="rebuild even if up to date")
    command.add_argument("--print-shop", action="store_true",
                         help="also build the print-shop PDF (<brief>.<lang>.print.pdf): "
                         "0.125 in bleed and crop marks")
    command.add_argument("--preflight", action="store_true",
                         help="run the preflight checks on the outputs after building")
    command.add_argument("--time-limit", type=_seconds, default=DEFAULT_TIME_LIMIT,
                         metavar="SECONDS", help="per job (default: %(default)g)")
    command.add_argument("--memory-limit", type=_positive, default=DEFAULT_MEMORY_LIMIT // 2**20,
                         metavar="MB", help="per worker (default: %(default)d)")
    noise = command.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    noise.add_argument("-v", "--verbose", action="store_true",
                       help="a line per job as it ends, with its seconds")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError("must be a number of seconds above 0")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit code (0 ok, 1 content/build errors, 2 usage)."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print_problems(err, exc.problems)
        return EXIT_USAGE
    except BriefbuilderError as exc:
        print_problems(err, exc.problems)
        return EXIT_CONTENT
    except BrokenPipeError:  # `briefbuilder schema | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130


def _template(args: argparse.Namespace) -> int:
    from .errors import Problem
    from .outputs import write_atomic
    from .themes import find_theme, load_theme
    from .writers.docx import write_house_template

    data = write_house_template(load_theme(find_theme(args.name, args.content)), args.lang)
    try:
        write_atomic(args.out, data, args.out.parent)
    except OSError as exc:
        raise UsageError(Problem(f"cannot write the template: {exc.strerror}", args.out,
                                 field="--out", hint="name a file in a writable folder")) from None
    err.print(f"wrote {args.out}: open it in Word or LibreOffice to start a brief in the "
              "brand's styles", highlight=False)
    return EXIT_OK


def _watch(args: argparse.Namespace) -> int:
    """Watch, with one pool of workers kept warm across rebuilds."""
    from .pool import open_pool
    from .watch import watch

    options = _options(args)
    check_formats(list(options.formats))
    with open_pool(options, options.formats) as pool:
        return watch(args.content, args.out, lambda: _rebuild(args, pool), err)


def _preflight(args: argparse.Namespace) -> int:
    from .preflight import preflight

    return preflight(args.content, args.out, args.json, stdout, _verbosity(args))


def _verbosity(args: argparse.Namespace) -> Verbosity:
    """How much preflight prints: -q the total, -v every check, else what needs a look."""
    from .preflight import Verbosity

    return Verbosity.QUIET if args.quiet else Verbosity.VERBOSE if args.verbose \
        else Verbosity.NORMAL


def _review(args: argparse.Namespace) -> int:
    from .review.command import review_command

    return review_command(args.draft, args.content, args.apply, args.json, stdout, err)


def _schema(args: argparse.Namespace) -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text(args.kind))
    sys.stdout.flush()
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from .scaffold import scaffold

    path = scaffold(args.content, args.target, args.lang, args.theme)
    err.print(f"created {path}", highlight=False)
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from .scaffold import init_project

    written = init_project(args.folder, args.target, args.lang, args.theme)
    for path in written:
        err.print(f"created {path}", highlight=False)
    where = "" if args.folder == Path(".") else f"cd {args.folder} && "
    err.print(f"next: {where}briefbuilder build && briefbuilder preflight", highlight=False)
    return EXIT_OK


def _themes(args: argparse.Namespace) -> int:
    """One line per theme: its name, its brand's name, and where it comes from."""
    from .themes import available_themes, load_theme

    rows = [("theme", "brand", "from")]
    for source in available_themes(args.content):
        try:
            brand = load_theme(source.folder).brand.name
        except ThemeError:
            brand = "(broken: run briefbuilder check)"
        origin = source.origin + (" (overrides the built-in one)"
                                  if source.overrides_builtin else "")
        rows.append((source.name, brand, origin))
    widths = [max(len(row[i]) for row in rows) for i in (0, 1)]
    for name, brand, origin in rows:
        print(f"{name:<{widths[0]}}  {brand:<{widths[1]}}  {origin}")
    return EXIT_OK


def _theme(args: argparse.Namespace) -> int:
    from .themes import copy_theme

    target = copy_theme(args.name, args.content, args.target)
    err.print(f"copied theme {args.name!r} to {target}; name it in series.yaml as "
              f"'theme: {target.name}' (a folder styles/{target.name}/ beside or above the "
              "content folder); a print.css or templates/*.html there overrides the "
              "package's", highlight=False)
    return EXIT_OK


def _load(content: Path, wanted: set[str] | None = None) -> Project:
    from .loader import load_project

    project = load_project(content, wanted)
    print_problems(err, project.problems)
    return project


def _check(args: argparse.Namespace) -> int:
    from .loader import load_file, load_project
    from .themes import BRAND_FILE, load_theme

    # what was just imported outlives the check: no collection walks it meanwhile (unless a
    # caller of main() froze objects of its own, which are its to unfreeze)
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        content: Path = args.content
        if content.name == BRAND_FILE and content.is_file():
            load_theme(content.parent)
            err.print(f"ok: theme {content.parent.name!r} is valid")
            return EXIT_OK
        return _check_project(args, load_file(content) if content.is_file()
                              else load_project(content))
    finally:
        if freeze:
            gc.unfreeze()


def _check_project(args: argparse.Namespace, project: Project) -> int:
    """The loaded project's themes, alignment and pending translations checked too; every
    problem printed, and the count of valid brief editions."""
    from .alignment import check_alignment
    from .review.pending import pending_translations
    from .themes import check_themes

    theme_problems, stopped = check_themes(project.series)
    project.problems.extend(theme_problems)
    project.problems.extend(check_alignment(project.editions(), args.strict))
    project.problems.extend(pending_translations([s.folder for s in project.series]))
    print_problems(err, project.problems)
    bad = {p.file for p in project.errors} | stopped
    valid = sum(e.path not in bad for e in project.editions())
    if project.errors:
        err.print(f"{len(project.errors)} error(s); {valid} brief edition(s) valid",
                  style="red")
        return EXIT_CONTENT
    err.print(f"ok: {valid} brief edition(s) valid, {len(project.warnings)} warning(s)")
    return EXIT_OK


def _options(args: argparse.Namespace) -> Options:
    formats = select_formats(args.formats) + (("print-shop",) if args.print_shop else ())
    return Options(args.out, formats, tuple(args.only), tuple(args.lang), args.jobs,
                   args.force, args.time_limit, args.memory_limit * 2**20)


def _build(args: argparse.Namespace, *, one_line: bool = False,
           pool: Pool | None = None) -> int:
    """A build; one_line (watch) prints one line for the whole build instead of a table;
    pool is watch's, kept warm across builds.

    When the depfile shows every output of the same build up to date, it ends there,
    having parsed no YAML and imported no model or writer; when it shows some stale, only
    their briefs are parsed."""
    started, started_ns = time.monotonic(), time.time_ns()
    options = _options(args)
    recording, check = _depfile(args.content, options, started_ns)
    kept = [Row(f.relative, "up to date", f.pages, f.size) for f in check.fresh] if check else []
    if check is not None and not check.stale:
        code = _all_up_to_date(args, kept, one_line, started)
    else:
        stale = len(check.stale) if check else None
        with _early_pool(options, stale, pool) as early:
            code = _full_build(args, options, one_line, started, recording, early,
                               (check.load, kept) if check else None)
    if args.preflight:
        from .preflight import preflight

        code = max(code, preflight(args.content, args.out, False, stdout, _verbosity(args)))
    return code


def _all_up_to_date(args: argparse.Namespace, rows: list[Row], one_line: bool,
                    started: float) -> int:
    """The end of a build the depfile found up to date: its counts (and rows with -v)."""
    if args.verbose:
        err.print(f"{len(rows)} job(s), 0 to build", highlight=False)
        for row in rows:
            err.print(job_line(row), highlight=False)
    _print_summary(rows, 0, args.quiet or one_line, time.monotonic() - started)
    return EXIT_OK


def _early_pool(options: Options, stale: int | None,
                pool: Pool | None) -> AbstractContextManager[Pool | None]:
    """The pool, its workers starting while this process loads the content, when jobs are
    sure to run: stale ones the depfile found, or every one of a first build (no manifest
    yet). None otherwise: the build opens a pool, if it has jobs to run."""
    from .depfile import MANIFEST
    from .pool import open_pool

    count = options.workers if stale is None and not (options.out / MANIFEST).exists() \
        else stale
    if not count:
        return nullcontext(pool)
    starting = pool or open_pool(options, options.formats)
    starting.start(count)
    return nullcontext(starting) if pool is not None else starting


def _depfile(content: Path, options: Options, started_ns: int) -> tuple[Recording, Check | None]:
    """What the build records for the next one, and what the depfile shows up to date
    (read under the output folder's lock, as a build); no check with --force."""
    from .content_files import series_folders
    from .depfile import (
        MANIFEST,
        Recording,
        Stamps,
        check_outputs,
        listings,
        options_key,
        read_depfile,
    )
    from .outputs import OutputLock, check_output_folder

    folders = series_folders(content)
    check_output_folder(options.out, [content, *folders])
    key = options_key(content, options.formats, options.only, options.langs)
    recording = Recording(key, started_ns, listings(folders), Stamps())
    if not (options.out / MANIFEST).is_file():
        return recording, None
    with OutputLock(options.out):
        depfile, outputs = read_depfile(options.out)
        check = None if options.force else check_outputs(options.out, content, key, depfile,
                                                          outputs)
    partial_of = depfile if check is not None and check.stale else {}
    return replace(recording, stamps=Stamps(depfile.get("stamps", {})),
                   partial_of=partial_of), check


def _full_build(args: argparse.Namespace, options: Options, one_line: bool, started: float,
                recording: Recording, pool: Pool | None,
                partial: tuple[set[str], list[Row]] | None = None) -> int:
    """A build that loads the content: all of it, or (partial) only the brief files named,
    the other jobs' rows being given, up to date."""
    from .build import build, plan
    from .stale import broken_sources

    check_formats(list(options.formats))  # a no-op's were checked by the build it repeats
    wanted, kept = partial or (None, [])
    project = _load(args.content, wanted)
    if wanted is None:  # a partial build's selection was checked by the build it completes
        _check_selection(args, project)
    jobs, problems = plan(project, options, recording.stamps)
    print_problems(err, problems)
    broken = broken_sources(project, problems)
    if not jobs and not broken:
        err.print("nothing to build", highlight=False)
        return EXIT_CONTENT if project.errors or problems else EXIT_OK
    reporter = _reporter(args, one_line)
    clean = not project.problems and not problems
    try:
        result = build(jobs, options, reporter, broken, recording if clean else None, pool)
    finally:
        if isinstance(reporter, BarReporter):
            reporter.stop()
    built = {o.job.relative for o in result.outcomes}
    rows = [outcome_row(o) for o in result.outcomes] + [r for r in kept if r.name not in built]
    return _summarize(result, rows, len(project.errors) + len(problems),
                      args.quiet or one_line, time.monotonic() - started)


def _check_selection(args: argparse.Namespace, project: Project) -> None:
    """--only and --lang must name briefs and languages the content has."""
    known = {name for loaded in project.series for brief in loaded.series.briefs
             for name in (brief, f"{loaded.series.id}/{brief}", f"{loaded.folder.name}/{brief}")}
    unknown = [b for b in args.only if b not in known]
    if unknown:
        raise UsageError(f"--only {', '.join(unknown)}: no such brief in the series files "
                         "(name BRIEF_ID or SERIES/BRIEF_ID)")
    langs = {e.path.name.split(".")[1] for loaded in project.series for e in loaded.editions}
    missing = [lang for lang in args.lang if lang not in langs]
    if missing and project.editions():
        raise UsageError(f"--lang {', '.join(missing)}: no edition in that language "
                         f"(there are: {', '.join(sorted(langs))})")


def _rebuild(args: argparse.Namespace, pool: Pool) -> int:
    """One build of watch mode, summed up in one line: errors are printed, never raised."""
    try:
        return _build(args, one_line=True, pool=pool)
    except BriefbuilderError as exc:
        print_problems(err, exc.problems)
        return EXIT_CONTENT


def _reporter(args: argparse.Namespace, one_line: bool) -> LineReporter:
    if args.verbose:
        return LineReporter(err)
    if args.quiet or one_line or not err.is_terminal:
        return LineReporter(err, quiet=True)
    return BarReporter(err)


def _print_summary(rows: list[Row], content_errors: int, brief: bool, seconds: float) -> None:
    """The table of the jobs that ran (unless brief, or none did: a no-op says it in one
    line) and one line of counts: the up-to-date jobs are counted, not listed (an edit to one
    brief of hundreds prints its own rows)."""
    ran = [row for row in rows if row.status != "up to date"]
    if not brief and ran:
        err.print(summary_table(ran))
    counts = {s: sum(r.status == s for r in rows) for s in ("built", "up to date", "failed")}
    err.print(f"{counts['built']} built, {counts['up to date']} up to date, "
              f"{counts['failed']} failed, {content_errors} content error(s) "
              f"in {seconds:.1f} s", highlight=False)


def _summarize(result: BuildResult, rows: list[Row], content_errors: int, brief: bool,
               seconds: float) -> int:
    """The table of jobs (unless brief), one line of counts, each failure's reason, and the
    outputs kept stale."""
    outcomes = result.outcomes
    failed = [o for o in outcomes if o.status == "failed"]
    print_problems(err, result.problems)
    _print_summary(rows, content_errors, brief, seconds)
    peak = max((o.peak_mb for o in outcomes), default=0)
    if peak and not brief:
        err.print(f"peak memory of a worker: {peak} MB", highlight=False)
    for outcome in failed:
        reasons = "; ".join(p.message for p in outcome.problems)
        err.print(f"failed: {outcome.job.name}: {reasons}", style="red", highlight=False)
    for entry in result.stale:
        err.print(f"stale: {entry.path} is kept from an earlier build: {entry.stale}",
                  style="yellow", markup=False, highlight=False)
    build_errors = any(p.severity is Severity.ERROR for p in result.problems)
    return EXIT_CONTENT if failed or content_errors or build_errors else EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": _build, "watch": _watch, "check": _check, "preflight": _preflight,
    "schema": _schema, "new": _new, "init": _init, "themes": _themes, "theme": _theme,
    "review": _review, "template": _template,
}


if __name__ == "__main__":
    sys.exit(main())
