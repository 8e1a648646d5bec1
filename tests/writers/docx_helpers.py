"""Helpers for the Word writer's tests: build a draft, open its parts, read it with pandoc."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pypandoc
from lxml import etree

from briefbuilder.brand import Theme
from briefbuilder.loader import load_project
from briefbuilder.model.series import Edition
from briefbuilder.themes import find_theme, load_theme
from briefbuilder.writers.docx import write_docx

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "content" / "mexico-auto"
EVERY_BLOCK = REPO / "tests" / "projects" / "every-block"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
W = f"{{{NS['w']}}}"  # the WordprocessingML namespace, for ElementTree paths


def editions(folder: Path) -> list[Edition]:
    """Every edition of a series folder, which must load without errors."""
    project = load_project(folder)
    assert not project.errors, project.errors
    return project.editions()


def theme_of(edition: Edition) -> Theme:
    return load_theme(find_theme(edition.series.theme, edition.path.parent))


def build(edition: Edition) -> bytes:
    """The draft of one edition with its series' theme."""
    return write_docx(edition, theme_of(edition))


def part(data: bytes, name: str) -> Any:
    """One XML part of a .docx, parsed ('word/document.xml')."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def open_docx(data: bytes) -> Any:
    """The draft opened with python-docx."""
    return docx.Document(io.BytesIO(data))


def pandoc(data: bytes, tmp_path: Path, to: str = "markdown") -> str:
    """The draft as pandoc's docx reader sees it, written out as `to`."""
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    return str(pypandoc.convert_file(str(path), to, extra_args=["--wrap=none"]))
