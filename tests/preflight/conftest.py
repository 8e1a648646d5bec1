"""Preflight test helpers: write a small project, build it once, run preflight on it."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from briefbuilder.build import Job, Options, Outcome, build, plan
from briefbuilder.loader import load_project
from briefbuilder.preflight.run import preflight
from briefbuilder.preflight.subject import Subject
from briefbuilder.themes import BUILTIN_THEMES
from briefbuilder.writers.docx import write_docx
from briefbuilder.writers.pdf import write_pdf

from ..conftest import ROOT
from ..writers.weasy_helpers import load_edition, theme_of

needs_libreoffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                       reason="LibreOffice (soffice) is not installed")

CHART = (ROOT / "tests" / "projects" / "every-block" / "chart.png").read_bytes()  # 1200 px
GOOD = """\
title: A Good Brief
date: 2024-09-01
footnotes:
  src: "Source notes, see [the data](https://example.org/data)."
sections:
  - body:
      - "Opening paragraph with a note.[^src]"
  - heading: Findings
    body:
      - "A paragraph that links to [the report](https://example.org/report)."
      - figure:
          image: chart.png
          alt: Bar chart of workers reached per year, rising from 2019 to 2023.
          caption: Workers reached
      - table:
          header: [Project, Workers]
          rows:
            - [CALLE, "1,200"]
            - [MAP, "3,400"]
"""


class Quiet:
    """A build reporter that says nothing and stops the test on a failed job."""

    def planned(self, jobs: list[Job], to_run: int) -> None:
        """Nothing to show."""

    def started(self, job: Job) -> None:
        """Nothing to show."""

    def finished(self, outcome: Outcome) -> None:
        assert outcome.status != "failed", outcome.problems


def build_outputs(content: Path, out: Path) -> None:
    """Build every brief under content into out (PDF and Word), as 'briefbuilder build' does."""
    project = load_project(content)
    assert not project.errors, project.errors
    options = Options(out, ("pdf", "docx"), workers=2)
    jobs, problems = plan(project, options)
    assert not problems, problems
    build(jobs, options, Quiet())


def write_outputs(folder: Path, tmp_path: Path) -> Subject:
    """The PDF and Word draft of a series folder's English brief, written in tmp_path by the
    writers (no build), as a preflight Subject."""
    edition = load_edition(folder)
    theme = theme_of(edition)
    pdf, docx = tmp_path / f"{edition.path.stem}.pdf", tmp_path / f"{edition.path.stem}.docx"
    pdf.write_bytes(write_pdf(edition, theme))
    docx.write_bytes(write_docx(edition, theme))
    return Subject(edition, theme, pdf, docx)


@dataclass(frozen=True)
class Built:
    """A built project: its series folder (the content) and its output folder."""

    series: Path
    out: Path

    def copy(self, target: Path) -> Built:
        """A copy of the outputs, to edit without touching the shared build."""
        shutil.copytree(self.out, target)
        return Built(self.series, target)

    def output(self, name: str) -> Path:
        return self.out / self.series.name / name


@dataclass(frozen=True)
class Result:
    """What preflight returned and reported."""

    code: int
    report: dict[str, Any]

    @property
    def findings(self) -> list[dict[str, Any]]:
        return [f for brief in self.report["briefs"] for f in brief["findings"]]

    def failures(self, status: str = "fail") -> list[dict[str, Any]]:
        return [f for f in self.findings if f["status"] == status]

    def of(self, check: str) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["check"] == check]


def run_preflight(built: Built) -> Result:
    """Run preflight with --json; return its exit code and the parsed report."""
    console = Console(file=io.StringIO(), width=200)
    code = preflight(built.series, built.out, True, console)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return Result(code, json.loads(text))


MakeProject = Callable[..., dict[str, Built]]


@pytest.fixture(scope="module")
def make_project(tmp_path_factory: pytest.TempPathFactory) -> MakeProject:
    """Write series folders (name -> {file: text or bytes}) beside a copy of styles/, and
    build them all at once; return each series' Built.

    edit_styles(styles_folder) may change the copy of the theme.
    """

    def make(series: dict[str, dict[str, str | bytes]],
             edit_styles: Callable[[Path], None] | None = None) -> dict[str, Built]:
        root = tmp_path_factory.mktemp("project")
        shutil.copytree(BUILTIN_THEMES, root / "styles")
        if edit_styles is not None:
            edit_styles(root / "styles")
        for name, files in series.items():
            folder = root / "content" / name
            folder.mkdir(parents=True)
            (folder / "series.yaml").write_text(f"id: {name}\ntitle: {name}\nbriefs: [b]\n",
                                                encoding="utf-8")
            for file, body in files.items():
                if isinstance(body, bytes):
                    (folder / file).write_bytes(body)
                else:
                    (folder / file).write_text(body, encoding="utf-8")
        build_outputs(root / "content", root / "out")
        return {name: Built(root / "content" / name, root / "out") for name in series}

    return make
