"""Helpers shared by the HTML, PDF and fetcher tests: load an edition, its theme, read PDFs."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from pypdf import PdfReader

from briefbuilder.brand import Theme
from briefbuilder.loader import load_project
from briefbuilder.model.series import Edition
from briefbuilder.themes import BUILTIN_THEMES, find_theme, load_theme

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "content" / "mexico-auto"
EVERY_BLOCK = REPO / "tests" / "projects" / "every-block"
SEED = Path(__file__).resolve().parent / "data" / "seed_introduction.txt"


def load_edition(folder: Path, lang: str = "en") -> Edition:
    """The first edition in a series folder with the given language."""
    project = load_project(folder)
    assert not project.errors, project.errors
    return next(e for e in project.editions() if e.brief.lang == lang)


def theme_of(edition: Edition, name: str | None = None) -> Theme:
    """The edition's theme, or the named one found from the edition's folder."""
    return load_theme(find_theme(name or edition.series.theme, edition.path.parent))


def pdf_reader(data: bytes) -> PdfReader:
    """A pypdf reader over PDF bytes."""
    return PdfReader(io.BytesIO(data))


def repo_theme(name: str = "ilab") -> Theme:
    """A theme of the repository's styles/ folder, for editions living elsewhere."""
    return load_theme(BUILTIN_THEMES / name)


def theme_copy(tmp_path: Path, edition: Edition) -> Theme:
    """A copy of the edition's theme in tmp_path, to add overrides to."""
    theme = theme_of(edition)
    folder = tmp_path / "styles" / theme.folder.name
    shutil.copytree(theme.folder, folder)
    return theme.model_copy(update={"folder": folder})
