"""Review tests: the sample series copied to a temporary folder, its draft, and a way to
run `briefbuilder review` in-process and read what it prints."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console

from briefbuilder.review.command import review_command
from tests.writers.docx_helpers import SAMPLE, build, editions

BRIEF = "mexico-auto/introduction.en.yaml"


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def sample_draft() -> bytes:
    """The sample brief's English draft, as built from the repository's content."""
    return build(editions(SAMPLE)[0])


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the sample content folder; the brief file is content / BRIEF."""
    root = tmp_path / "content"
    shutil.copytree(SAMPLE, root / SAMPLE.name)
    return root


def run_review(draft: bytes | Path, content: Path, *, apply: bool = False,
               as_json: bool = False) -> Ran:
    """`briefbuilder review DRAFT CONTENT [--apply] [--json]`, run in this process."""
    root = content if content.is_dir() else content.parents[1]
    path = draft if isinstance(draft, Path) else root.parent / "reviewed.docx"
    if not isinstance(draft, Path):
        path.write_bytes(draft)
    out, err = io.StringIO(), io.StringIO()
    code = review_command(path, content, apply, as_json,
                          Console(file=out, highlight=False, soft_wrap=True),
                          Console(file=err, highlight=False, soft_wrap=True))
    return Ran(code, out.getvalue(), err.getvalue())


def change_lines(file: Path, *rows: tuple[str, str, str]) -> list[str]:
    """The lines review prints for changes: (line:column, field, what) each."""
    return [f"{file}:{at}: {field}: {what}" for at, field, what in rows]
