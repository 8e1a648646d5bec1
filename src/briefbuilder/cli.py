"""The command line: build, check, schema, new. Thin: parsing and printing only."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from . import __version__
from .build import Outcome, plan, run
from .errors import BriefbuilderError, Problem, Severity, UsageError
from .loader import Project, load_project
from .scaffold import scaffold
from .schema import brief_schema
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
    build.add_argument("content", nargs="?", type=Path, default=Path("content"),
                       help="a folder of series, or one series folder (default: content)")
    build.add_argument("--out", type=Path, default=Path("output"), help="default: output")
    build.add_argument("--format", dest="formats", action="append", choices=FORMATS,
                       help="repeatable; default: pdf and docx")
    build.add_argument("--only", action="append", default=[], metavar="BRIEF_ID",
                       help="build only this brief (repeatable)")
    build.add_argument("--lang", action="append", default=[], help="only this language")
    build.add_argument("-j", "--jobs", type=int, default=None, help="parallel workers")
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")

    check = commands.add_parser("check", help="validate all content, build nothing")
    check.add_argument("content", nargs="?", type=Path, default=Path("content"))

    commands.add_parser("schema", help="print the JSON Schema of a brief file")

    new = commands.add_parser("new", help="scaffold a brief that builds")
    new.add_argument("target", metavar="SERIES/BRIEF_ID")
    new.add_argument("--content", type=Path, default=Path("content"))
    new.add_argument("--lang", default="en")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit code (0 ok, 1 content/build errors, 2 usage)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "check":
            return _check(args.content)
        if args.command == "schema":
            print(json.dumps(brief_schema(), indent=2, ensure_ascii=False))
            return EXIT_OK
        path = scaffold(args.content, args.target, args.lang)
        err.print(f"created {path}")
        return EXIT_OK
    except UsageError as exc:
        _print_problems(exc.problems)
        return EXIT_USAGE
    except BriefbuilderError as exc:
        _print_problems(exc.problems)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        style = "yellow" if problem.severity is Severity.WARNING else "red"
        err.print(str(problem), style=style, markup=False)


def _load(content: Path) -> Project:
    project = load_project(content)
    _print_problems(project.problems)
    return project


def _check(content: Path) -> int:
    project = _load(content)
    _, theme_problems = plan(project, Path("output"), ())
    _print_problems(theme_problems)
    editions = len(project.editions())
    if project.errors or theme_problems:
        count = len(project.errors) + len(theme_problems)
        err.print(f"{count} error(s); {editions} brief edition(s) valid", style="red")
        return EXIT_CONTENT
    err.print(f"ok: {editions} brief edition(s) valid, {len(project.warnings)} warning(s)")
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    formats = args.formats or ["pdf", "docx"]
    check_formats(formats)
    project = _load(args.content)
    jobs, problems = plan(project, args.out, formats, args.only, args.lang)
    _print_problems(problems)
    known = {e.brief.id for e in project.editions()}
    unknown = [b for b in args.only if b not in known]
    if unknown:
        raise UsageError(f"--only {', '.join(unknown)}: no such brief")
    outcomes = run(jobs, _report)
    failed = [o for o in outcomes if o.status == "failed"]
    built = len(outcomes) - len(failed)
    err.print(f"{built} built, {len(failed)} failed")
    return EXIT_CONTENT if failed or project.errors or problems else EXIT_OK


def _report(outcome: Outcome) -> None:
    if outcome.status == "failed":
        err.print(f"failed {outcome.job.name}", style="red")
        _print_problems(outcome.problems)
    else:
        err.print(f"built  {outcome.job.output}  {outcome.size:,} bytes  "
                  f"{outcome.seconds:.2f}s")


if __name__ == "__main__":
    sys.exit(main())
