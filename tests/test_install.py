"""briefbuilder as users install it: a wheel in a fresh virtual environment, content in a
folder of its own far from this repository, and no styles/ anywhere near it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from .conftest import ROOT

NOT_SHIPPED = shutil.ignore_patterns(".venv", ".git", "output", "build", "*.egg-info",
                                     "__pycache__", ".*_cache", ".hypothesis", "bench")


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True,
                            env=env, timeout=600)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with briefbuilder installed from a wheel of this tree."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)  # a clean tree: no build/ leftovers
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir",
        work / "dist", source, cwd=work)
    run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    wheel = next((work / "dist").glob("briefbuilder-*.whl"))
    run(work / "venv/bin/python", "-m", "pip", "install", "--quiet", wheel, cwd=work)
    return work / "venv" / "bin"


def test_the_installed_package_comes_from_the_wheel(installed: Path) -> None:
    where = run(installed / "python", "-c", "import briefbuilder; print(briefbuilder.__file__)",
                cwd=installed)
    assert where.stdout.startswith(str(installed.parent / "lib"))


def test_init_build_and_preflight_work_from_the_wheel(installed: Path,
                                                      tmp_path: Path) -> None:
    assert not any((folder / "styles").exists() for folder in [tmp_path, *tmp_path.parents])
    bb = installed / "briefbuilder"
    run(bb, "init", "p", cwd=tmp_path)
    project = tmp_path / "p"
    run(bb, "build", cwd=project)
    run(bb, "preflight", cwd=project)
    with pikepdf.open(project / "output/my-series/first-brief.en.pdf") as pdf:
        assert len(pdf.pages) == 1
    assert (project / "output/my-series/first-brief.en.docx").stat().st_size > 5000
    themes = run(bb, "themes", cwd=project).stdout.splitlines()
    assert [line.split()[0] for line in themes[1:]] == ["ilab", "plain"]
    assert all(line.rstrip().endswith("built-in") for line in themes[1:])



def test_build_dot_inside_a_series_folder_writes_only_under_out(installed: Path,
                                                               tmp_path: Path) -> None:
    bb = installed / "briefbuilder"
    run(bb, "new", "unions/lessons", "--theme", "plain", cwd=tmp_path)
    series = tmp_path / "content" / "unions"
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    run(bb, "build", ".", "--out", tmp_path / "x", cwd=series)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    added = sorted(str(p) for p in set(after) - set(before))
    assert added == ["x", "x/.briefbuilder.lock", "x/manifest.json", "x/unions",
                     "x/unions/lessons.en.docx", "x/unions/lessons.en.pdf"]
    assert not Path("/lessons.en.pdf").exists()
