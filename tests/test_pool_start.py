"""A build that knows it has jobs to run starts its workers before it loads the content,
no more of them than it has jobs, and hands out the jobs with the biggest inputs first."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefbuilder import loader
from briefbuilder.build import longest_first, plan
from briefbuilder.cli import main
from briefbuilder.loader import load_project
from briefbuilder.options import Options
from briefbuilder.pool import Pool, Task, _Worker

from .conftest import CHART, GOOD_BRIEF, MakeSeries
from .test_build import TWO
from .test_cli import cli


class Spy:
    """What the pool did, and how many workers it had spawned when the content was loaded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.starts: list[int] = []
        self.spawned = 0
        self.spawned_at_load: list[int] = []
        spawn, start, load = Pool._spawn, Pool.start, loader.load_project

        def counted_spawn(pool: Pool) -> _Worker:
            self.spawned += 1
            return spawn(pool)

        def recorded_start(pool: Pool, count: int) -> None:
            self.starts.append(count)
            start(pool, count)
            time.sleep(0.5)  # the forkserver gets going before the content is loaded

        def timed_load(*args: object, **kwargs: object) -> loader.Project:
            self.spawned_at_load.append(self.spawned)
            return load(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Pool, "_spawn", counted_spawn)
        monkeypatch.setattr(Pool, "start", recorded_start)
        monkeypatch.setattr(loader, "load_project", timed_load)


def test_an_edit_starts_one_worker_per_stale_job_before_loading_the_brief(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    assert cli("build", folder, "--out", out, "--format", "pdf").returncode == 0
    (folder / "c.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Edited."))
    spy = Spy(monkeypatch)
    assert main(["build", str(folder), "--out", str(out), "--format", "pdf", "-j", "2"]) == 0
    assert spy.starts == [1]
    assert spy.spawned == 1
    assert spy.spawned_at_load == [1]  # spawning began before the brief was parsed


def test_a_first_build_starts_its_workers_before_loading_the_content(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    spy = Spy(monkeypatch)
    out = tmp_path / "out"
    assert main(["build", str(folder), "--out", str(out), "--format", "html", "-j", "2"]) == 0
    assert spy.starts == [2]
    assert spy.spawned == 2
    assert spy.spawned_at_load[0] >= 1
    assert (out / "s" / "b.en.html").is_file() and (out / "s" / "c.en.html").is_file()


def test_a_no_op_starts_no_worker(make_series: MakeSeries, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_series()
    out = tmp_path / "out"
    assert cli("build", folder, "--out", out, "--format", "html").returncode == 0
    spy = Spy(monkeypatch)
    assert main(["build", str(folder), "--out", str(out), "--format", "html"]) == 0
    assert spy.starts == [] and spy.spawned == 0


def _tasks(folder: Path) -> list[Task]:
    theme = folder.parent.parent / "styles" / "ilab"
    return [(edition, "html", theme) for edition in load_project(folder).editions()]


def test_the_started_workers_run_the_tasks(make_series: MakeSeries) -> None:
    tasks = _tasks(make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO))
    with Pool(3, time_limit=60, memory_limit=None) as pool:
        pool.start(5)  # no more than the pool's size
        results = list(pool.run(tasks, lambda index: None))
        assert len(pool._workers) == 3 and all(w.process.is_alive() for w in pool._workers)
    assert sorted(r.index for r in results) == [0, 1]
    assert all(b"<html" in (r.data or b"") for r in results)


def test_a_worker_that_cannot_start_fails_the_run(make_series: MakeSeries,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = _tasks(make_series())

    def no_process(pool: Pool) -> _Worker:
        raise OSError(11, "Resource temporarily unavailable")

    with Pool(1, time_limit=60, memory_limit=None) as pool:
        monkeypatch.setattr(Pool, "_spawn", no_process)
        pool.start(1)
        with pytest.raises(OSError, match="Resource temporarily unavailable"):
            list(pool.run(tasks, lambda index: None))


def test_jobs_go_out_biggest_inputs_first(make_series: MakeSeries, tmp_path: Path) -> None:
    long_brief = GOOD_BRIEF.replace("Text.", "Text. " * 400)
    figure = ("title: T\ndate: 2024-09-01\nsections:\n  - body:\n      - Text.\n"
              "      - figure: {image: chart.png, alt: A chart}\n")  # a 3 KB image
    folder = make_series({"a.en.yaml": GOOD_BRIEF, "b.en.yaml": long_brief,
                          "c.en.yaml": figure, "chart.png": CHART},
                         series="id: s\ntitle: S\nbriefs: [a, b, c]\n")
    options = Options(tmp_path / "out", ("html", "pdf"))
    jobs, _ = plan(load_project(folder), options)
    assert [job.relative for job in longest_first(jobs)] == [
        "s/c.en.html", "s/c.en.pdf", "s/b.en.html", "s/b.en.pdf", "s/a.en.html", "s/a.en.pdf"]
