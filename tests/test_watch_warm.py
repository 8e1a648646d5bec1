"""watch keeps its workers warm: a saved brief becomes a new PDF, one line per rebuild; the
pool reuses its workers across runs and retires them when the theme changes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from briefbuilder.loader import load_project
from briefbuilder.pool import Pool, Task

from .conftest import GOOD_BRIEF, MakeSeries
from .test_build import TWO, Lines
from .writers.weasy_helpers import pdf_reader

SUMMARY = re.compile(r"^1 built, 1 up to date, 0 failed, 0 content error\(s\) in \d+\.\d s$")


def test_a_saved_brief_becomes_a_new_pdf_with_one_timed_line(make_series: MakeSeries,
                                                            tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    watch = subprocess.Popen([sys.executable, "-m", "briefbuilder", "watch", str(folder),
                              "--out", str(out), "--format", "pdf", "-j", "1"],
                             stderr=subprocess.PIPE, text=True)
    lines = Lines(watch)
    brief, pdf = folder / "c.en.yaml", out / "s" / "c.en.pdf"
    try:
        lines.wait_for("watching")
        before = pdf.read_bytes()
        assert "Edited." not in pdf_reader(before).pages[0].extract_text()
        lines.wait_for("changed: c.en.yaml",
                       lambda: brief.write_text(GOOD_BRIEF.replace("Text.", "Edited.")))
        lines.wait_for(" built, ")
    finally:
        watch.terminate()
        watch.wait(timeout=30)
    assert SUMMARY.match(lines.seen[-1].rstrip("\n")), lines.seen
    after = pdf.read_bytes()
    assert after != before
    assert "Edited." in pdf_reader(after).pages[0].extract_text()


def _tasks(folder: Path) -> list[Task]:
    theme = folder.parent.parent / "styles" / "ilab"
    return [(edition, "html", theme) for edition in load_project(folder).editions()]


def test_the_pool_keeps_its_workers_across_runs_until_the_theme_changes(
        make_series: MakeSeries) -> None:
    folder = make_series()
    tasks = _tasks(folder)
    with Pool(1, time_limit=60, memory_limit=None) as pool:
        (first,) = pool.run(tasks, lambda index: None)
        worker = pool._workers[0].process
        (second,) = pool.run(tasks, lambda index: None)
        assert pool._workers[0].process is worker and worker.is_alive()
        assert first.data == second.data and b"<html" in (first.data or b"")
        brand = folder.parent.parent / "styles" / "ilab" / "brand.yaml"
        assert b"#14305C" in (first.data or b"")
        brand.write_text(brand.read_text().replace("#14305C", "#123456"))
        (third,) = pool.run(tasks, lambda index: None)
        assert pool._workers[0].process is not worker and not worker.is_alive()
        assert b"#123456" in (third.data or b"") and b"#14305C" not in (third.data or b"")
    assert pool._workers == []


def test_warming_starts_workers_only_when_none_runs(make_series: MakeSeries) -> None:
    tasks = _tasks(make_series())
    with Pool(2, time_limit=60, memory_limit=None) as pool:
        pool.warm(tasks)
        (warmed,) = pool._workers  # one task: one worker
        pool.warm(tasks)
        assert pool._workers == [warmed] and warmed.process.is_alive() and warmed.index is None
