"""Series builds as a user runs them: failures isolated, atomic, locked, incremental."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from briefbuilder.outputs import STAGING_NAME, staging_folder

from .conftest import GOOD_BRIEF, MakeSeries, lock_held
from .test_cli import cli

TWO = "id: s\ntitle: S\nbriefs: [b, c]\n"


def built(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The jobs a verbose build says it built."""
    return sorted(line.split()[-1] for line in result.stderr.splitlines()
                  if line.startswith("built "))


def test_one_failing_brief_does_not_stop_the_others(make_series: MakeSeries,
                                                    tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF,
                          "c.fr.yaml": GOOD_BRIEF, "d.en.yaml": "title: [broken\n"},
                         series="id: s\ntitle: S\nbriefs: [b, c, d]\n")
    out = tmp_path / "out"
    result = cli("build", folder, "--out", out, "--format", "html", "-v")
    assert result.returncode == 1
    assert built(result) == ["s/b.en.html", "s/c.en.html"]
    assert f"{folder}/d.en.yaml:2:1: invalid YAML" in result.stderr
    assert ("failed: s/c.fr.html: theme 'ilab' has no labels for language 'fr' "
            "(it has en, es)") in result.stderr
    assert "2 built, 0 up to date, 1 failed, 1 content error(s)" in result.stderr
    assert sorted(p.name for p in (out / "s").iterdir()) == ["b.en.html", "c.en.html"]


def test_an_output_that_cannot_be_written_fails_its_job_only(make_series: MakeSeries,
                                                             tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    (out / "s" / "b.en.html").mkdir(parents=True)  # a folder where the file goes
    result = cli("build", folder, "--out", out, "--format", "html", "-v")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert built(result) == ["s/c.en.html"]
    assert (f"failed: s/b.en.html: cannot write {out}/s/b.en.html: Is a directory"
            in result.stderr)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [e["path"] for e in manifest["outputs"]] == ["s/c.en.html"]


def test_manifest_matches_the_files_on_disk(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    assert cli("build", folder, "--out", out, "--format", "html").returncode == 0
    manifest = json.loads((out / "manifest.json").read_text())
    on_disk = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    assert [e["path"] for e in manifest["outputs"]] == on_disk == ["s/b.en.html", "s/c.en.html"]
    for entry in manifest["outputs"]:
        data = (out / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
        assert (entry["brief"], entry["lang"], entry["format"]) == (
            entry["path"][2], "en", "html")
        assert len(entry["content_hash"]) == 64


def test_incremental_rebuilds_only_what_changed(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    build = ("build", folder, "--out", out, "--format", "html", "-v")
    assert built(cli(*build)) == ["s/b.en.html", "s/c.en.html"]
    again = cli(*build)
    assert built(again) == []
    assert "0 built, 2 up to date, 0 failed" in again.stderr
    (folder / "c.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Edited."))
    assert built(cli(*build)) == ["s/c.en.html"]
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    brand.write_text(brand.read_text().replace("#14305C", "#14305D"))
    assert built(cli(*build)) == ["s/b.en.html", "s/c.en.html"]
    assert built(cli(*build, "--force")) == ["s/b.en.html", "s/c.en.html"]
    (out / "s" / "b.en.html").write_text("tampered")
    assert built(cli(*build)) == ["s/b.en.html"]


def test_noop_rebuild_does_not_import_weasyprint(make_series: MakeSeries,
                                                 tmp_path: Path) -> None:
    folder = make_series()
    out = tmp_path / "out"
    assert cli("build", folder, "--out", out, "--format", "pdf").returncode == 0
    probe = ("import sys; from briefbuilder.cli import main; "
             f"code = main(['build', {str(folder)!r}, '--out', {str(out)!r}, '--format', 'pdf']); "
             "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'weasyprint'))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "0 []", result.stderr
    assert "0 built, 1 up to date" in result.stderr


def test_a_concurrent_build_is_refused(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    out = tmp_path / "out"
    with lock_held(out):
        result = cli("build", folder, "--out", out, "--format", "html")
    assert result.returncode == 1
    assert f"another build is writing to {out} (wait for it to finish, or build into " \
           "another folder with --out)" in result.stderr
    assert not (out / "s").exists()


EIGHT = [f"b{n}" for n in range(8)]


def build_until_first_pdf(make_series: MakeSeries, out: Path) -> tuple[Path, subprocess.Popen[str]]:
    """Start building eight briefs in a process group of its own; return once one is out."""
    folder = make_series({f"{i}.en.yaml": GOOD_BRIEF for i in EIGHT},
                         series=f"id: s\ntitle: S\nbriefs: [{', '.join(EIGHT)}]\n")
    build = subprocess.Popen([sys.executable, "-m", "briefbuilder", "build", str(folder),
                              "--out", str(out), "--format", "pdf", "-j", "2"],
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("s/*.pdf")):
        time.sleep(0.01)
    return folder, build


def test_a_killed_build_leaves_no_partial_file(make_series: MakeSeries, tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder, build = build_until_first_pdf(make_series, out)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    pdfs = list(out.glob("s/*.pdf"))
    assert 0 < len(pdfs) < len(EIGHT), "kill the build mid-way"
    # temporaries live only in the hidden staging folder, which the next build clears
    assert sorted(p.name for p in out.iterdir()) == [STAGING_NAME, ".briefbuilder.lock", "s"]
    for pdf in pdfs:
        with pikepdf.open(pdf) as document:  # whole files only
            assert len(document.pages) == 1
    assert not list((out / "s").glob("*.part"))
    rebuild = cli("build", folder, "--out", out, "--format", "pdf")
    assert rebuild.returncode == 0, rebuild.stderr
    assert not staging_folder(out).exists()


def test_an_interrupted_build_stops_cleanly(make_series: MakeSeries, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _, build = build_until_first_pdf(make_series, out)
    os.killpg(build.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    pdfs = list(out.glob("s/*.pdf"))
    assert 0 < len(pdfs) < len(EIGHT)
    assert sorted(p.name for p in out.iterdir()) == [".briefbuilder.lock", "s"]
    assert not staging_folder(out).exists()


class Lines:
    """The lines a process prints on stderr, read by a thread, awaited with deadlines."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        assert process.stderr is not None
        stream = process.stderr
        threading.Thread(target=lambda: [self._queue.put(x) for x in stream], daemon=True).start()

    def wait_for(self, text: str, nudge: Callable[[], None] = lambda: None) -> None:
        """Wait until a line holds text, calling nudge every second meanwhile."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            nudge()
            try:
                line = self._queue.get(timeout=1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return
        raise AssertionError(f"{text!r} not in {self.seen}")


def test_watch_rebuilds_on_save_and_survives_errors(make_series: MakeSeries,
                                                   tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = folder / "out"  # inside the watched folder: its changes must not trigger builds
    watch = subprocess.Popen([sys.executable, "-m", "briefbuilder", "watch", str(folder),
                              "--out", str(out), "--format", "html"],
                             stderr=subprocess.PIPE, text=True)
    lines = Lines(watch)
    brief = folder / "c.en.yaml"
    try:
        lines.wait_for("watching")
        # Saved again each second until seen: the watcher may start just after "watching".
        lines.wait_for("changed: c.en.yaml",
                       lambda: brief.write_text(GOOD_BRIEF.replace("Text.", "Edited.")))
        lines.wait_for("1 built, 1 up to date, 0 failed")
        assert "Edited." in (out / "s" / "c.en.html").read_text()
        brief.write_text("title: [broken\n")
        lines.wait_for("c.en.yaml:2:1: invalid YAML")
        lines.wait_for("0 built, 1 up to date, 0 failed, 1 content error(s)")
        assert watch.poll() is None, "watch keeps running after an error"
    finally:
        watch.terminate()
        watch.wait(timeout=30)
    rebuilds = [line for line in lines.seen if " built, " in line]
    assert len(rebuilds) == 3, rebuilds  # one line per build: no table, no line per job
    assert not any(line.startswith(("built ", "job ")) for line in lines.seen), lines.seen
    changed = {line for line in lines.seen if line.startswith("changed:")}
    assert changed == {"changed: c.en.yaml\n"}, changed


@pytest.mark.parametrize(("limit", "reason"), [
    (("--time-limit", "0.01"), "timed out after 0.01 s"),
    (("--memory-limit", "1"), "the job ran out of memory"),
])
def test_a_job_over_its_limit_fails_and_the_build_goes_on(
        make_series: MakeSeries, tmp_path: Path, limit: tuple[str, str], reason: str) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    result = cli("build", folder, "--out", tmp_path / "out", "--format", "pdf", *limit,
                 "-j", "1")
    assert result.returncode == 1
    for job in ("s/b.en.pdf", "s/c.en.pdf"):
        assert f"failed: {job}: {reason}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out").glob("s/*"))
