"""A build leaves nothing in the temporary folder: WeasyPrint's copies of the theme's fonts
go when the process that loaded them ends, a build worker included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

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

