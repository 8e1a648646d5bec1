"""Series builds as a user runs them: failures isolated, atomic, locked, incremental."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf

from briefbuilder.outputs import staging_folder

from .conftest import GOOD_BRIEF, MakeSeries
from .test_cli import cli

TWO = "id: s\ntitle: S\nbriefs: [b, c]\n"


def built(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The jobs a verbose build says it built."""
    return sorted(line.split()[1] for line in result.stderr.splitlines()
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
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from briefbuilder.outputs import "
         "OutputLock\nwith OutputLock(Path(sys.argv[1])):\n print('locked', flush=True); "
         "time.sleep(60)", str(out)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = cli("build", folder, "--out", out, "--format", "html")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert f"another build is writing to {out} (wait for it to finish, or build into " \
           "another folder with --out)" in result.stderr
    assert not (out / "s").exists()


def test_a_killed_build_leaves_no_partial_file(make_series: MakeSeries, tmp_path: Path) -> None:
    ids = [f"b{n}" for n in range(8)]
    folder = make_series({f"{i}.en.yaml": GOOD_BRIEF for i in ids},
                         series=f"id: s\ntitle: S\nbriefs: [{', '.join(ids)}]\n")
    out = tmp_path / "out"
    build = subprocess.Popen([sys.executable, "-m", "briefbuilder", "build", str(folder),
                              "--out", str(out), "--format", "pdf", "-j", "2"],
                             stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("s/*.pdf")):
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    pdfs = list(out.glob("s/*.pdf"))
    assert 0 < len(pdfs) < len(ids), "kill the build mid-way"
    assert sorted(p.name for p in out.iterdir()) == [".briefbuilder.lock", "s"]
    for pdf in pdfs:
        with pikepdf.open(pdf) as document:  # whole files only
            assert len(document.pages) == 1
    assert not list((out / "s").glob("*.part"))
    rebuild = cli("build", folder, "--out", out, "--format", "pdf")
    assert rebuild.returncode == 0, rebuild.stderr
    assert not staging_folder(out).exists()


def test_a_job_over_its_time_limit_fails_and_the_build_goes_on(make_series: MakeSeries,
                                                              tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    result = cli("build", folder, "--out", tmp_path / "out", "--format", "pdf",
                 "--time-limit", "0.01", "-j", "1")
    assert result.returncode == 1
    assert "failed: s/b.en.pdf: timed out after 0.01 s" in result.stderr
    assert "failed: s/c.en.pdf: timed out after 0.01 s" in result.stderr
    assert not list((tmp_path / "out").glob("s/*"))


def test_an_interrupted_build_stops_cleanly(make_series: MakeSeries, tmp_path: Path) -> None:
    ids = [f"b{n}" for n in range(8)]
    folder = make_series({f"{i}.en.yaml": GOOD_BRIEF for i in ids},
                         series=f"id: s\ntitle: S\nbriefs: [{', '.join(ids)}]\n")
    out = tmp_path / "out"
    build = subprocess.Popen([sys.executable, "-m", "briefbuilder", "build", str(folder),
                              "--out", str(out), "--format", "pdf", "-j", "2"],
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("s/*.pdf")):
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    pdfs = list(out.glob("s/*.pdf"))
    assert 0 < len(pdfs) < len(ids)
    assert sorted(p.name for p in out.iterdir()) == [".briefbuilder.lock", "s"]
    assert not staging_folder(out).exists()


def test_watch_rebuilds_on_save_and_survives_errors(make_series: MakeSeries,
                                                   tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    watch = subprocess.Popen([sys.executable, "-m", "briefbuilder", "watch", str(folder),
                              "--out", str(out), "--format", "html", "-v"],
                             stderr=subprocess.PIPE, text=True)
    assert watch.stderr is not None
    lines: list[str] = []

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = watch.stderr.readline()  # type: ignore[union-attr]
            lines.append(line)
            if text in line:
                return
        raise AssertionError(f"{text!r} not in {lines}")

    try:
        wait_for("watching")
        (folder / "c.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Edited."))
        wait_for("changed: c.en.yaml")
        wait_for("1 built, 1 up to date, 0 failed")
        assert "Edited." in (out / "s" / "c.en.html").read_text()
        (folder / "c.en.yaml").write_text("title: [broken\n")
        wait_for("c.en.yaml:2:1: invalid YAML")
        wait_for("0 built, 1 up to date, 0 failed, 1 content error(s)")
        assert watch.poll() is None, "watch keeps running after an error"
    finally:
        watch.terminate()
        watch.wait(timeout=30)
    assert any(line.startswith("built       s/c.en.html") for line in lines)
