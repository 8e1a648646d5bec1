"""preflight(): check every built output of a content folder and report, per brief edition."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pikepdf
from docx.opc.exceptions import OpcError
from pdfplumber.utils.exceptions import PdfminerException
from rich.console import Console

from ..brand import Theme
from ..build import Job, Options, plan
from ..cache import Entry, read_manifest, sha256_file
from ..errors import Problem, Severity, Status, ThemeError
from ..loader import load_project
from ..progress import print_problems
from ..themes import load_theme
from .content_checks import check_content
from .contrast import print_contrast, word_contrast
from .docx_checks import check_docx
from .docx_reader import read_docx
from .findings import failed, passed, warned
from .known import settle
from .pages import page_budget
from .pdf_checks import check_pdf
from .pdf_reader import read_pdf
from .pdfua_checks import check_pdfua
from .report import BriefReport, Notices, Verbosity, show, show_json
from .same_pages import same_pages
from .stale import stale_finding, stale_reports
from .subject import Subject
from .word_content import word_content
from .word_pages import NoPages, Pages, lay_out

FORMATS = ("pdf", "docx")
NOT_BUILT = "not built: run briefbuilder build first"
T = TypeVar("T")
# SyntaxError: lxml's XMLSyntaxError, for a damaged part of a .docx
UNREADABLE = (pikepdf.PikepdfError, PdfminerException, zipfile.BadZipFile, OpcError, SyntaxError,
              KeyError, ValueError, OSError)


def preflight(content: Path, out: Path, as_json: bool, console: Console,
              verbosity: Verbosity = Verbosity.NORMAL) -> int:
    """Check every brief edition under content against its outputs in out; report as JSON,
    or as lines (verbosity says which).

    Returns 0 when nothing fails, 1 when a check fails (known failures and warnings
    do not count) or the content has errors. Raises UsageError for a content folder
    that does not exist or holds no series.
    """
    project = load_project(content)
    jobs, problems = plan(project, Options(out, FORMATS))
    problems = project.errors + problems
    manifest, damaged = read_manifest(out)
    themes: dict[Path, Theme] = {}
    notices = Notices()
    reports = []
    by_edition: dict[Path, dict[str, Job]] = {}
    for job in jobs:
        by_edition.setdefault(job.edition.path, {})[job.fmt] = job
    word = lay_out([f["docx"].output for f in by_edition.values() if f["docx"].output.is_file()])
    for formats in by_edition.values():
        try:
            theme = _theme(themes, formats["pdf"].theme_folder)
        except ThemeError as exc:
            problems += exc.problems
            continue
        laid_out = word.get(formats["docx"].output, NoPages(installed=True, reason="not built"))
        reports.append(check_edition(formats, theme, out, manifest, notices, laid_out))
    reports += stale_reports(content, out, manifest, {job.relative for job in jobs})
    if as_json:
        show_json(console, reports, problems + damaged, notices)
    else:
        if verbosity > Verbosity.QUIET:
            print_problems(console, problems + damaged)
        errors = sum(p.severity is Severity.ERROR for p in problems + damaged)
        show(console, reports, notices, verbosity, errors)
    failed_any = any(f.verdict is Status.FAIL for r in reports for f in r.findings)
    return 1 if failed_any or problems else 0


def _theme(themes: dict[Path, Theme], folder: Path) -> Theme:
    if folder not in themes:
        themes[folder] = load_theme(folder)
    return themes[folder]


def check_edition(jobs: dict[str, Job], theme: Theme, out: Path, manifest: dict[str, Entry],
                  notices: Notices, laid_out: Pages | NoPages) -> BriefReport:
    """Every check of one brief edition, given its pdf and docx jobs, the manifest and its
    draft's pages in LibreOffice."""
    edition = jobs["pdf"].edition
    subject = Subject(edition, theme, jobs["pdf"].output, jobs["docx"].output)
    fresh = {fmt: _freshness(subject, job, out, manifest.get(job.relative))
             for fmt, job in jobs.items()}
    findings = [finding for found in fresh.values() for finding in found]
    pdf = _read(subject, subject.pdf, read_pdf, findings)
    docx = _read(subject, subject.docx, read_docx, findings)
    findings += check_content(subject, pdf)
    if pdf is not None:
        findings += page_budget(subject, len(pdf.pages))
        findings += check_pdf(subject, pdf) + print_contrast(subject, pdf)
        findings += check_pdfua(subject, pdf, notices)
    if docx is not None:
        findings += check_docx(subject, docx) + word_contrast(subject, laid_out)
        if all(f.verdict is not Status.FAIL for f in fresh["docx"]):  # else: rebuild first
            findings += word_content(subject)
        if pdf is not None:
            findings += same_pages(subject, pdf, docx, laid_out)
    return BriefReport(str(edition.path), edition.brief.lang,
                       tuple(str(job.output) for job in jobs.values()), settle(findings))


def _freshness(subject: Subject, job: Job, out: Path, entry: Entry | None) -> list[Problem]:
    """Missing, stale and out-of-date outputs fail; outputs changed after the build are
    flagged."""
    where = subject.brief.place(detail=str(job.output))
    if not job.output.is_file():
        return [failed("output.built", f"{job.output.name}: {NOT_BUILT}", where,
                       f"briefbuilder build {subject.edition.path.parent} --out {out}")]
    if entry is not None and entry.stale is not None:
        return [stale_finding(entry, where, subject.edition.path.parent, out)]
    if entry is not None and entry.content_hash != job.content_hash:
        return [failed("output.built", f"{job.output.name} was built from an older version of "
                       "the brief, its images, its theme or briefbuilder", where,
                       f"briefbuilder build {subject.edition.path.parent} --out {out}")]
    if entry is None or entry.sha256 != sha256_file(job.output):
        return [warned("output.built", f"{job.output.name} is not the file "
                        "briefbuilder built (changed since, or not in the manifest)", where,
                        "rebuild it unless the change was made on purpose")]
    return [passed("output.built", f"{job.output.name} is up to date", where)]


def _read(subject: Subject, path: Path, reader: Callable[[Path], T],
             findings: list[Problem]) -> T | None:
    """Read an output; None when it is missing or cannot be read (a finding says why)."""
    if not path.is_file():
        return None
    try:
        return reader(path)
    except UNREADABLE as exc:
        findings.append(failed("output.readable", f"cannot read {path.name}: {exc}",
                               subject.brief.place(detail=str(path)),
                               "rebuild it with 'briefbuilder build --force'"))
        return None
