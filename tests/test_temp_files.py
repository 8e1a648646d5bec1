"""A build leaves nothing in the temporary folder: WeasyPrint's copies of the theme's fonts
go when the process that loaded them ends, a build worker included."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from briefbuilder.pool import Pool

from .conftest import ROOT
from .writers.weasy_helpers import load_edition, theme_of

EVERY_BLOCK = ROOT / "tests" / "projects" / "every-block"


def test_a_build_with_two_workers_leaves_no_temporary_folder(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    done = subprocess.run([sys.executable, "-m", "briefbuilder", "build", str(EVERY_BLOCK),
                           "--out", str(tmp_path / "out"), "-j", "2", "--force"],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "out" / "every-block").glob("*.pdf"))
    assert list((tmp_path / "tmp").iterdir()) == []



def test_a_worker_killed_at_its_work_leaves_no_temporary_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A time or memory limit kills a worker before it can clean up: the pool removes the
    worker's own temporary folder, where WeasyPrint put its copies of the fonts."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the pool makes them
    edition = load_edition(EVERY_BLOCK)
    with Pool(1, 300, None, ("briefbuilder.writers.pdf",)) as pool:
        [result] = pool.run([(edition, "pdf", theme_of(edition).folder)], lambda index: None)
        assert result.data is not None and result.data.startswith(b"%PDF")
        [worker] = pool._workers
        assert [path.name[:11] for path in worker.scratch.iterdir()] == ["weasyprint-"]
        worker.process.kill()
        worker.process.join()
    # (multiprocessing's own folder, pymp-*, lives as long as this process, and goes with it)
    assert [path for path in tmp_path.iterdir() if not path.name.startswith("pymp-")] == []
