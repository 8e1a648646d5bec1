"""The command line: build, watch, check, preflight, schema, new. Thin: parsing and printing."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from . import __version__
from .alignment import check_alignment
from .build import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIME_LIMIT,
    Options,
    Outcome,
    build,
    plan,
    select_formats,
)
from .errors import BriefbuilderError, Problem, UsageError
from .loader import Project, load_project
from .progress import BarReporter, LineReporter, print_problems, summary_table
from .scaffold import scaffold
from .schema import brief_schema
from .themes import check_themes
from .writers.registry import FORMATS, check_formats

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbuilder",
        description="Build branded print PDFs and editable Word drafts from brief content.")
    parser.add_argument("--version", action="version", version=f"briefbuilder {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build briefs into PDF, Word and HTML")
    _add_build_options(build)
    watch = commands.add_parser("watch", help="rebuild what changed on save")
    _add_build_options(watch)

    check = commands.add_parser("check", help="validate all content, build nothing")
    check.add_argument("content", nargs="?", type=Path, default=Path("content"))
    check.add_argument("--strict", action="store_true",
                       help="misaligned language editions are errors, not warnings")

    preflight = commands.add_parser(
        "preflight", help="check built PDFs and Word drafts: Section 508, PDF/UA, consistency")
    preflight.add_argument("content", nargs="?", type=Path, default=Path("content"))
    preflight.add_argument("--out", type=Path, default=Path("output"), help="default: output")
    preflight.add_argument("--json", action="store_true", help="one JSON report on stdout")

    review = commands.add_parser(
        "review", help="a reviewed Word draft's tracked changes and comments, as YAML edits")
    review.add_argument("draft", type=Path, help="the reviewed .docx draft")
    review.add_argument("content", nargs="?", type=Path, default=Path("content"))
    review.add_argument("--apply", action="store_true", help="write the changes into the YAML")
    review.add_argument("--json", action="store_true", help="one JSON document on stdout")

    commands.add_parser("schema", help="print the JSON Schema of a brief file")

    new = commands.add_parser("new", help="scaffold a brief that builds")
    new.add_argument("target", metavar="SERIES/BRIEF_ID")
    new.add_argument("--content", type=Path, default=Path("content"))
    new.add_argument("--lang", default="en")
    return parser


def _add_build_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("content", nargs="?", type=Path, default=Path("content"),
                         help="a folder of series, or one series folder (default: content)")
    command.add_argument("--out", type=Path, default=Path("output"), help="default: output")
    command.add_argument("--format", dest="formats", action="append", choices=FORMATS,
                         help="repeatable; default: pdf and docx")
    command.add_argument("--only", action="append", default=[], metavar="BRIEF_ID",
                         help="build only this brief (repeatable)")
    command.add_argument("--lang", action="append", default=[], help="only this language")
    command.add_argument("-j", "--jobs", type=_positive, default=os.cpu_count() or 1,
                         help="parallel worker processes (default: CPU count)")
    command.add_argument("--force", action="store_true", help="rebuild even if up to date")
    command.add_argument("--preflight", action="store_true",
                         help="run the preflight checks on the outputs after building")
    command.add_argument("--time-limit", type=_seconds, default=DEFAULT_TIME_LIMIT,
                         metavar="SECONDS", help="per job (default: %(default)g)")
    command.add_argument("--memory-limit", type=_positive, default=DEFAULT_MEMORY_LIMIT // 2**20,
                         metavar="MB", help="per worker (default: %(default)d)")
    noise = command.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    noise.add_argument("-v", "--verbose", action="store_true", help="a line per job")


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
        if args.command == "build":
            return _build(args)
        if args.command == "watch":
            from .watch import watch

            return watch(args.content, args.out, lambda: _rebuild(args), err)
        if args.command == "preflight":
            from .preflight import preflight

            console = Console(highlight=False, soft_wrap=True) if args.json else err
            return preflight(args.content, args.out, args.json, console)
        if args.command == "review":
            from .review.command import review_command

            out = Console(highlight=False, soft_wrap=True)
            return review_command(args.draft, args.content, args.apply, args.json, out, err)
        if args.command == "check":
            return _check(args.content, args.strict)
        if args.command == "schema":
            print(json.dumps(brief_schema(), indent=2, ensure_ascii=False))
            return EXIT_OK
        path = scaffold(args.content, args.target, args.lang)
        err.print(f"created {path}")
        return EXIT_OK
    except UsageError as exc:
        print_problems(err, exc.problems)
        return EXIT_USAGE
    except BriefbuilderError as exc:
        print_problems(err, exc.problems)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130


def _load(content: Path) -> Project:
    project = load_project(content)
    print_problems(err, project.problems)
    return project


def _check(content: Path, strict: bool) -> int:
    from .review.translation import pending_translations

    project = load_project(content)
    project.problems.extend(check_themes(project.series))
    project.problems.extend(check_alignment(project.editions(), strict))
    project.problems.extend(pending_translations([s.folder for s in project.series]))
    print_problems(err, project.problems)
    editions = len(project.editions())
    if project.errors:
        err.print(f"{len(project.errors)} error(s); {editions} brief edition(s) valid",
                  style="red")
        return EXIT_CONTENT
    err.print(f"ok: {editions} brief edition(s) valid, {len(project.warnings)} warning(s)")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    options = Options(args.out, select_formats(args.formats), tuple(args.only),
                      tuple(args.lang), args.jobs, args.force, args.time_limit,
                      args.memory_limit * 2**20)
    check_formats(list(options.formats))
    project = _load(args.content)
    known = {brief for loaded in project.series for brief in loaded.series.briefs}
    unknown = [b for b in args.only if b not in known]
    if unknown:
        raise UsageError(f"--only {', '.join(unknown)}: no such brief in the series files")
    langs = {e.path.name.split(".")[1] for loaded in project.series for e in loaded.editions}
    missing = [lang for lang in args.lang if lang not in langs]
    if missing and project.editions():
        raise UsageError(f"--lang {', '.join(missing)}: no edition in that language "
                         f"(there are: {', '.join(sorted(langs))})")
    jobs, problems = plan(project, options)
    print_problems(err, problems)
    reporter = _reporter(args)
    try:
        outcomes = build(jobs, options, reporter)
    finally:
        if isinstance(reporter, BarReporter):
            reporter.stop()
    code = _summarize(outcomes, project, problems, args.quiet)
    if args.preflight:
        from .preflight import preflight

        code = max(code, preflight(args.content, args.out, False, err))
    return code


def _rebuild(args: argparse.Namespace) -> int:
    """One build of watch mode: errors are printed, never raised."""
    try:
        return _build(args)
    except BriefbuilderError as exc:
        print_problems(err, exc.problems)
        return EXIT_CONTENT


def _reporter(args: argparse.Namespace) -> LineReporter:
    if args.quiet:
        return LineReporter(err, quiet=True)
    if args.verbose or not err.is_terminal:
        return LineReporter(err)
    return BarReporter(err)


def _summarize(outcomes: list[Outcome], project: Project, problems: list[Problem],
               quiet: bool) -> int:
    failed = [o for o in outcomes if o.status == "failed"]
    if not quiet:
        err.print(summary_table(outcomes))
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "up to date")}
    err.print(f"{counts['built']} built, {counts['up to date']} up to date, "
              f"{len(failed)} failed, {len(project.errors) + len(problems)} content error(s)",
              highlight=False)
    peak = max((o.peak_mb for o in outcomes), default=0)
    if peak and not quiet:
        err.print(f"peak memory of a worker: {peak} MB", highlight=False)
    for outcome in failed:
        reasons = "; ".join(p.message for p in outcome.problems)
        err.print(f"failed: {outcome.job.name}: {reasons}", style="red", highlight=False)
    return EXIT_CONTENT if failed or project.errors or problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
