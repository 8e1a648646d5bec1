"""CPU time of one writer job, as a build's worker pays it: one process renders the first
brief (what a worker pays once: fonts, templates, caches), then the next N briefs; prints
the first and the median in ms of CPU (time.process_time, steadier than wall time on a
shared machine).

    .venv/bin/python bench/jobs.py pdf --briefs 16

Uses the 40-brief series `make bench` writes into bench/work/small (made here when missing).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from run import CHART, WORK
from synth import make_series

from briefbuilder.brand import Theme
from briefbuilder.loader import load_project
from briefbuilder.pool import _render
from briefbuilder.themes import find_theme


def job_ms(fmt: str, briefs: int) -> tuple[float, float]:
    """The first job's CPU and the median of the next `briefs`, in ms."""
    series = WORK / "small" / "content" / "synthetic"
    if not series.is_dir():
        series, _ = make_series(WORK / "small", 40, CHART)
    editions = load_project(series).editions()[: briefs + 1]
    task_theme = find_theme("ilab", series)
    themes: dict[Path, Theme] = {}  # what a worker keeps between jobs
    times = []
    for edition in editions:
        start = time.process_time()
        _render((edition, fmt, task_theme), themes)
        times.append((time.process_time() - start) * 1000)
    return times[0], statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("format", help="one format a process, so that its first job is cold")
    parser.add_argument("--briefs", type=int, default=16)
    args = parser.parse_args()
    first, median = job_ms(args.format, args.briefs)
    print(f"{args.format}: first job {first:.0f} ms, then {median:.0f} ms a brief (median of "
          f"{args.briefs}), CPU")


if __name__ == "__main__":
    main()
