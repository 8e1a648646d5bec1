"""Faults of the output folder: a mount point as --out, a full disk, an unwritable folder,
a damaged manifest (issue 11, items 5-7). Each ends with the reason, the summary and a
non-zero exit where something could not be written; never a traceback or a partial file."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from .conftest import GOOD_BRIEF, MakeSeries
from .test_build import TWO
from .test_cli import cli
from .test_output_paths import listing

SPACE = "free some space on the disk that holds {out}, or build into another folder with --out"


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


def test_a_full_disk_names_the_reason_and_keeps_the_summary(make_series: MakeSeries,
                                                            tmp_path: Path) -> None:
    """ENOSPC from a real, full tmpfs (not an injected error)."""
    folder = make_series()
    out, kept = tmp_path / "out", tmp_path / "kept"
    out.mkdir()
    result = mounted(out, "1m", """
        "$PY" -m briefbuilder build "$CONTENT" --out "$OUT" --format html 2>/dev/null || exit 98
        dd if=/dev/zero of="$OUT/filler" bs=4096 2>/dev/null
        sed -i s/Text./Edited./ "$CONTENT/b.en.yaml"
        "$PY" -m briefbuilder build "$CONTENT" --out "$OUT" --format html
        code=$?; rm "$OUT/filler"; cp -a "$OUT/." "$KEPT"; exit $code
        """, CONTENT=str(folder), KEPT=str(kept))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    hint = SPACE.format(out=out)
    assert (f"{folder}/b.en.yaml: cannot write {out}/s/b.en.html: No space left on device "
            f"({hint})") in result.stderr
    assert (f"{out}/manifest.json: cannot write the manifest: No space left on device "
            f"({hint})") in result.stderr
    assert "0 built, 0 up to date, 1 failed, 0 content error(s)" in result.stderr
    assert (f"stale: s/b.en.html is kept from an earlier build: its last build failed: "
            f"cannot write {out}/s/b.en.html: No space left on device") in result.stderr
    # the first build's files, whole: the old page and the manifest that describes it
    assert listing(kept) == {".briefbuilder.lock", "manifest.json", "s", "s/b.en.html"}
    page = (kept / "s" / "b.en.html").read_bytes()
    assert b"Text." in page and b"Edited." not in page
    [entry] = json.loads((kept / "manifest.json").read_text())["outputs"]
    assert entry["sha256"] == hashlib.sha256(page).hexdigest()


def test_an_unwritable_output_folder_names_the_reason_and_keeps_the_summary(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    assert cli("build", folder, "--out", out, "--format", "html").returncode == 0
    before = {path: (out / path).read_bytes() for path in ("manifest.json", "s/c.en.html")}
    (folder / "c.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Edited."))
    out.chmod(0o555)
    try:  # a user namespace of its own: no root privilege over the files, even as root
        result = subprocess.run(["unshare", "--user", sys.executable, "-m", "briefbuilder",
                                 "build", str(folder), "--out", str(out), "--format", "html"],
                                capture_output=True, text=True, timeout=120)
    finally:
        out.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    hint = f"make {out} writable, or build into another folder with --out"
    assert (f"{folder}/c.en.yaml: cannot write {out}/s/c.en.html: Permission denied "
            f"({hint})") in result.stderr
    assert (f"{out}/manifest.json: cannot write the manifest: Permission denied ({hint})"
            in result.stderr)
    assert "0 built, 1 up to date, 1 failed, 0 content error(s)" in result.stderr
    assert {path: (out / path).read_bytes() for path in before} == before
    assert listing(out) == {".briefbuilder.lock", "manifest.json", "s", "s/b.en.html",
                            "s/c.en.html"}


def entry(path: object) -> dict[str, object]:
    return {"brief": "b", "lang": "en", "format": "html", "path": path, "sha256": "0" * 64,
            "bytes": 1, "pages": None, "content_hash": "0" * 64}


def manifest(*outputs: object) -> str:
    return json.dumps({"briefbuilder": "0.1.0", "outputs": list(outputs)})


DAMAGED = [
    ('{"briefbuilder": "0.1.0", "outputs": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "Invalid JSON: recursion limit exceeded at line 1 column 238"),
    (manifest(entry(None)), "outputs[0].path: Input should be a valid string"),
    (manifest(entry("../../etc/hostname")), "outputs[0].path: Value error, an output is "
     "named <series>/<file> inside the output folder"),
    (manifest(entry("/etc/hostname")), "outputs[0].path: Value error, an output is "
     "named <series>/<file> inside the output folder"),
    (manifest(entry("t/b.en.html")), "t/b.en.html leads outside the output folder"),
    (manifest({**entry("s/b.en.html"), "bytes": "1"}), "outputs[0].bytes: Input should be "
     "a valid integer"),
    ("[]", "Input should be an object"),
]


@pytest.mark.parametrize(("text", "reason"), DAMAGED)
def test_a_damaged_manifest_is_ignored_with_a_warning(make_series: MakeSeries, tmp_path: Path,
                                                      text: str, reason: str) -> None:
    folder = make_series()
    out = tmp_path / "out"
    out.mkdir()
    (out / "t").symlink_to(tmp_path / "content", target_is_directory=True)  # leads out
    (out / "manifest.json").write_text(text)
    result = cli("build", folder, "--out", out, "--format", "html")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (f"{out}/manifest.json: warning: the manifest is damaged ({reason}) (it is "
            "ignored: every output is built again and the manifest rewritten)") in result.stderr
    assert "1 built, 0 up to date, 0 failed, 0 content error(s)" in result.stderr
    rewritten = json.loads((out / "manifest.json").read_text())
    assert [e["path"] for e in rewritten["outputs"]] == ["s/b.en.html"]
    again = cli("build", folder, "--out", out, "--format", "html")
    assert "0 built, 1 up to date" in again.stderr and "warning" not in again.stderr


def test_a_manifest_that_is_a_folder_is_reported_and_the_briefs_still_built(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    (out / "manifest.json").mkdir(parents=True)
    result = cli("build", folder, "--out", out, "--format", "html")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (f"{out}/manifest.json: warning: the manifest is damaged (cannot read it: Is a "
            "directory)") in result.stderr
    assert (f"{out}/manifest.json: cannot write the manifest: Is a directory (remove or "
            "rename what is in the way in the output folder)") in result.stderr
    assert "2 built, 0 up to date, 0 failed, 0 content error(s)" in result.stderr
    assert listing(out) == {".briefbuilder.lock", "manifest.json", "s", "s/b.en.html",
                            "s/c.en.html"}


def test_a_manifest_linked_out_of_the_output_folder_is_not_read(make_series: MakeSeries,
                                                               tmp_path: Path) -> None:
    folder = make_series()
    out, secret = tmp_path / "out", tmp_path / "secret.json"
    out.mkdir()
    secret.write_text(manifest(entry("s/b.en.html")))
    (out / "manifest.json").symlink_to(secret)
    result = cli("build", folder, "--out", out, "--format", "html")
    assert result.returncode == 0, result.stderr
    assert (f"{out}/manifest.json: warning: the manifest is damaged (it leads outside the "
            "output folder)") in result.stderr
    assert secret.read_text() == manifest(entry("s/b.en.html"))
    assert not (out / "manifest.json").is_symlink()


def test_a_manifest_that_is_a_named_pipe_is_not_waited_for(make_series: MakeSeries,
                                                           tmp_path: Path) -> None:
    folder = make_series()
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "manifest.json")
    result = cli("build", folder, "--out", out, "--format", "html")
    assert result.returncode == 0, result.stderr
    assert (f"{out}/manifest.json: warning: the manifest is damaged (cannot read it: it is a "
            "named pipe, not a regular file) (it is ignored: every output is built again and "
            "the manifest rewritten)") in result.stderr
    assert [e["path"] for e in json.loads((out / "manifest.json").read_text())["outputs"]] \
        == ["s/b.en.html"]
