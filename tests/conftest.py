"""Shared test helpers: small content projects written into a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from briefbuilder.themes import BUILTIN_THEMES

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content"
PROJECTS = Path(__file__).resolve().parent / "projects"

CHART = (PROJECTS / "every-block" / "chart.png").read_bytes()  # a real PNG
SERIES = "id: s\ntitle: S\nbriefs: [b]\n"
GOOD_BRIEF = "title: T\ndate: 2024-09-01\nsections:\n  - body: [Text.]\n"

MakeSeries = Callable[..., Path]


@pytest.fixture
def make_series(tmp_path: Path) -> MakeSeries:
    """Write a series folder with the given files (name -> text or bytes); return it.

    The folder sits in a copy of the project's styles/, so themes resolve.
    """

    def make(files: dict[str, str | bytes] | None = None, series: str = SERIES,
             name: str = "s") -> Path:
        if not (tmp_path / "styles").exists():
            shutil.copytree(BUILTIN_THEMES, tmp_path / "styles")
        folder = tmp_path / "content" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "series.yaml").write_text(series, encoding="utf-8")
        for file, body in (files or {"b.en.yaml": GOOD_BRIEF}).items():
            target = folder / file
            if isinstance(body, bytes):
                target.write_bytes(body)
            else:
                target.write_text(body, encoding="utf-8")
        return folder

    return make


@contextmanager
def lock_held(out: Path) -> Iterator[None]:
    """Another process holds the output lock of out while the block runs."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from briefbuilder.outputs import "
         "OutputLock\nwith OutputLock(Path(sys.argv[1])):\n print('locked', flush=True); "
         "time.sleep(60)", str(out)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.kill()
        holder.wait()
