"""Benchmarks, measured side by side in one run and reported against issue 14's targets
(make bench). Every timed build is a whole `briefbuilder` process, as a user runs it.

1. a synthetic 40-brief series (PDF + DOCX, -j = cores): cold with an empty font cache and
   with a warm one, against pandoc doing the same files one by one; a no-op rebuild;
   `check`; -j 2 over -j 1;
2. a synthetic 200-brief series in English and Spanish (400 editions): cold (peak memory of
   a worker and of the parent), a no-op rebuild, one brief edited then built;
3. `watch` on the sample brief: from a save to the new PDF on disk;
4. our per-job PDF cost against a bare WeasyPrint render of the same HTML, both warm.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pypandoc
from synth import make_series

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
CHART = ROOT / "tests" / "projects" / "every-block" / "chart.png"
SAMPLE = ROOT / "content" / "mexico-auto"
BIN = Path(sys.executable).parent
# a build in a process that prints its own peak RSS (the parent's, without the workers)
PARENT = ("import resource, sys; from briefbuilder.cli import main; code = main(sys.argv[1:]); "
          "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024); sys.exit(code)")

Row = tuple[str, str, str, str]  # measure, result, target, verdict


def run(args: list[str], env: dict[str, str] | None = None) -> tuple[float, str, str]:
    """Seconds of one whole process, its stdout and its stderr."""
    start = time.perf_counter()
    done = subprocess.run(args, check=True, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    return time.perf_counter() - start, done.stdout, done.stderr


def build(series: Path, out: Path, jobs: int, env: dict[str, str] | None = None) -> float:
    return run([str(BIN / "briefbuilder"), "build", str(series), "--out", str(out),
                "-j", str(jobs)], env)[0]


def measured_build(series: Path, out: Path, jobs: int,
                   env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Seconds, the peak memory of a worker and the parent's own peak, in MiB."""
    seconds, stdout, stderr = run([sys.executable, "-c", PARENT, "build", str(series),
                                   "--out", str(out), "-j", str(jobs)], env)
    match = re.search(r"peak memory of a worker: (\d+) MB", stderr)
    return seconds, int(match.group(1)) if match else 0, int(stdout.split()[-1])


def best(times: int, measure: Callable[[], float]) -> float:
    """The median of several runs of a short measure (the machine is shared)."""
    return statistics.median(measure() for _ in range(times))


def pandoc_build(markdown: Path, out: Path) -> float:
    out.mkdir(parents=True, exist_ok=True)
    pandoc = pypandoc.get_pandoc_path()
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    start = time.perf_counter()
    for source in sorted(markdown.glob("*.md")):
        for ext, args in (("docx", []), ("pdf", ["--pdf-engine=weasyprint"])):
            subprocess.run([pandoc, source.name, "-o", str(out / f"{source.stem}.{ext}"), *args],
                           check=True, capture_output=True, cwd=markdown, env=env)
    return time.perf_counter() - start


def engine_overhead(series: Path, count: int) -> tuple[float, float]:
    """Seconds per brief: our write_pdf vs WeasyPrint alone on our HTML, both warm."""
    from weasyprint import HTML

    from briefbuilder.loader import load_project
    from briefbuilder.themes import find_theme, load_theme
    from briefbuilder.writers.html import write_html
    from briefbuilder.writers.pdf import write_pdf

    editions = load_project(series).editions()[:count]
    theme = load_theme(find_theme("ilab", series))
    pages = [write_html(e, theme).decode() for e in editions]
    write_pdf(editions[0], theme)  # warm both paths
    HTML(string=pages[0], base_url=str(series)).write_pdf()
    start = time.perf_counter()
    for edition in editions:
        write_pdf(edition, theme)
    ours = (time.perf_counter() - start) / len(editions)
    start = time.perf_counter()
    for html in pages:
        HTML(string=html, base_url=str(series)).write_pdf()
    bare = (time.perf_counter() - start) / len(editions)
    return ours, bare


def edit(brief: Path, n: int) -> None:
    """Change a brief's text, as an author saving it."""
    text = brief.read_text()
    brief.write_text(re.sub(r"^title: .*$", f"title: Edited Brief {n}", text, count=1,
                            flags=re.MULTILINE))


def watch_seconds(folder: Path, saves: int) -> list[float]:
    """Seconds from each save of the sample brief to its new PDF, under `briefbuilder watch`."""
    content, out = folder / "content" / SAMPLE.name, folder / "out"
    shutil.copytree(SAMPLE, content)
    brief, pdf = content / "introduction.en.yaml", out / SAMPLE.name / "introduction.en.pdf"
    watcher = subprocess.Popen([str(BIN / "briefbuilder"), "watch", str(content), "--out",
                                str(out), "--format", "pdf", "--lang", "en"],
                               stderr=subprocess.PIPE, text=True)
    ready = threading.Event()

    def follow() -> None:
        assert watcher.stderr is not None
        for line in watcher.stderr:
            if line.startswith("watching"):
                ready.set()

    threading.Thread(target=follow, daemon=True).start()
    times = []
    try:
        if not ready.wait(300):
            raise RuntimeError("watch did not start")
        for n in range(saves):
            before = pdf.stat().st_mtime_ns
            time.sleep(1.0)
            start = time.perf_counter()
            edit(brief, n)
            while pdf.stat().st_mtime_ns == before:
                if time.perf_counter() - start > 60:
                    raise RuntimeError("watch did not rebuild the PDF within 60 s")
                time.sleep(0.005)
            times.append(time.perf_counter() - start)
    finally:
        watcher.terminate()
        watcher.wait(30)
    return times


def verdict(value: float, target: float, at_most: bool = True) -> str:
    return "met" if (value <= target if at_most else value >= target) else "**missed**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--briefs", type=int, default=40)
    parser.add_argument("--large", type=int, default=200, help="briefs of the en/es series")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    series, markdown = make_series(WORK / "small", args.briefs, CHART)
    large, _ = make_series(WORK / "large", args.large, CHART, ("en", "es"))
    out, big = WORK / "small" / "output", WORK / "large" / "output"
    fonts = WORK / "font-cache"  # XDG_CACHE_HOME: font instances and fontconfig's cache
    shutil.rmtree(fonts, ignore_errors=True)
    cache = {"XDG_CACHE_HOME": str(fonts)}
    rows: list[Row] = []
    n = args.briefs

    cold_empty, worker, parent = measured_build(series, out, cores, cache)
    shutil.rmtree(out)
    cold_warm = build(series, out, cores, cache)
    noop = best(5, lambda: build(series, out, cores, cache))
    check = best(3, lambda: run([str(BIN / "briefbuilder"), "check", str(series)])[0])
    pandoc = pandoc_build(markdown, WORK / "pandoc")
    shutil.rmtree(out)
    one = build(series, out, 1, cache)
    shutil.rmtree(out)
    two = build(series, out, 2, cache)
    rows += [
        (f"cold build, {n} briefs x (PDF + DOCX), -j {cores}, empty font cache",
         f"{cold_empty:.1f} s", "", ""),
        ("  same, warm font cache", f"{cold_warm:.1f} s", "", ""),
        ("pandoc, same files one by one (docx + weasyprint PDF)", f"{pandoc:.1f} s", "", ""),
        ("  ratio ours / pandoc, empty font cache", f"{cold_empty / pandoc:.2f}", "<= 0.25",
         verdict(cold_empty / pandoc, 0.25)),
        ("  ratio ours / pandoc, warm font cache", f"{cold_warm / pandoc:.2f}", "<= 0.20",
         verdict(cold_warm / pandoc, 0.20)),
        (f"no-op rebuild, {n} briefs, whole process (median of 5)", f"{noop:.2f} s", "<= 0.3 s",
         verdict(noop, 0.3)),
        (f"check of {n} briefs, whole process (median of 3)", f"{check:.2f} s", "<= 0.5 s",
         verdict(check, 0.5)),
        ("-j 1 / -j 2 (speed-up)", f"{one:.1f} s / {two:.1f} s = {one / two:.2f}x", ">= 1.8x",
         verdict(one / two, 1.8, at_most=False)),
        (f"peak memory: a worker / the parent, {n} briefs", f"{worker} MiB / {parent} MiB", "",
         ""),
    ]

    editions = 2 * args.large
    cold_big, worker_big, parent_big = measured_build(large, big, cores, cache)
    noop_big = best(5, lambda: build(large, big, cores, cache))
    edits = []
    for k in range(3):
        edit(large / f"brief-{k + 1:03d}.en.yaml", k)
        edits.append(build(large, big, cores, cache))
    rows += [
        (f"cold build, {editions} editions x (PDF + DOCX), -j {cores}", f"{cold_big:.1f} s",
         "", ""),
        (f"peak memory of a worker, {editions} editions", f"{worker_big} MiB", "< 200 MiB",
         verdict(worker_big, 199)),
        (f"peak memory of the parent, {editions} editions (vs {n} briefs)",
         f"{parent_big} MiB (vs {parent} MiB)", "", ""),
        (f"no-op rebuild, {editions} editions, whole process (median of 5)",
         f"{noop_big:.2f} s", "<= 0.6 s", verdict(noop_big, 0.6)),
        (f"edit one brief of {editions}, then build (median of 3)",
         f"{statistics.median(edits):.2f} s", "<= 2.0 s", verdict(statistics.median(edits), 2.0)),
    ]

    with tempfile.TemporaryDirectory(dir=WORK) as folder:
        saves = watch_seconds(Path(folder), 3)
    rows.append(("watch: save -> new PDF of the sample brief (median of 3)",
                 f"{statistics.median(saves):.2f} s", "<= 0.8 s",
                 verdict(statistics.median(saves), 0.8)))

    ours, bare = engine_overhead(series, min(10, n))
    rows += [
        ("our PDF per brief, warm", f"{ours * 1000:.0f} ms", "", ""),
        ("bare WeasyPrint on the same HTML, warm", f"{bare * 1000:.0f} ms", "", ""),
        ("  ratio ours / engine", f"{ours / bare:.2f}", "<= 1.2", verdict(ours / bare, 1.2)),
    ]
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print("| measure | result | target | |\n| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
