"""Faults of the output folder: a mount point as --out (issue 11, item 5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pikepdf

from .conftest import GOOD_BRIEF, MakeSeries
from .test_build import TWO
from .test_output_paths import listing


def mounted(out: Path, size: str, script: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run a shell script with a fresh tmpfs of size mounted on out, in a mount namespace of
    its own: the mount ends with the script, and nothing outside it sees the mount."""
    as_root = ["--map-root-user"] if os.geteuid() else []
    return subprocess.run(
        ["unshare", "--mount", *as_root, "sh", "-c",
         f'mount -t tmpfs -o size={size} tmpfs "$OUT" || exit 99\n{script}'],
        env={**os.environ, "OUT": str(out), "PY": sys.executable, **env},
        capture_output=True, text=True, timeout=300)


def test_a_mount_point_as_output_folder_builds(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out, kept = tmp_path / "out", tmp_path / "kept"
    out.mkdir()
    result = mounted(out, "16m", '"$PY" -m briefbuilder build "$CONTENT" --out "$OUT" '
                     '--format pdf --format html; code=$?; cp -a "$OUT/." "$KEPT"; exit $code',
                     CONTENT=str(folder), KEPT=str(kept))
    assert result.returncode == 0, result.stderr
    assert "4 built, 0 up to date, 0 failed, 0 content error(s)" in result.stderr
    assert listing(kept) == {".briefbuilder.lock", "manifest.json", "s", "s/b.en.html",
                             "s/b.en.pdf", "s/c.en.html", "s/c.en.pdf"}
    for name in ("b", "c"):
        with pikepdf.open(kept / "s" / f"{name}.en.pdf") as pdf:
            assert len(pdf.pages) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "kept", "out", "styles"]
    assert list(out.iterdir()) == []  # everything went into the mount
