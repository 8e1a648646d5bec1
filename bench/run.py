"""Benchmarks, measured side by side in one run and reported as ratios (make bench).

1. cold build of a synthetic 40-brief series (PDF + DOCX, -j = cores) vs pandoc doing
   the same files one by one (docx, and PDF through its weasyprint engine);
2. our per-job PDF cost vs a bare WeasyPrint render of the same HTML in one warm process;
3. a no-op rebuild; 4. -j 2 over -j 1; 5. peak memory of a worker.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pypandoc
from synth import make_series

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
CHART = ROOT / "tests" / "projects" / "every-block" / "chart.png"
BIN = Path(sys.executable).parent


def our_build(series: Path, out: Path, jobs: int) -> tuple[float, str]:
    """Seconds of one CLI build, and what it printed."""
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "briefbuilder"), "build", str(series), "--out", str(out),
                           "-j", str(jobs)], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, done.stderr


def peak_worker_mb(stderr: str) -> int:
    match = re.search(r"peak memory of a worker: (\d+) MB", stderr)
    return int(match.group(1)) if match else 0


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--briefs", type=int, default=40)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    series, markdown = make_series(WORK, args.briefs, CHART)
    out = WORK / "output"
    cold, printed = our_build(series, out, cores)
    noop, _ = our_build(series, out, cores)
    pandoc = pandoc_build(markdown, WORK / "pandoc")
    shutil.rmtree(out)
    one, _ = our_build(series, out, 1)
    shutil.rmtree(out)
    two, _ = our_build(series, out, 2)
    ours, bare = engine_overhead(series, min(10, args.briefs))
    pages = sum(1 for _ in out.rglob("*.pdf"))
    rows = [
        (f"cold build, {args.briefs} briefs x (PDF + DOCX), -j {cores}", f"{cold:.1f} s"),
        ("pandoc, same files one by one (docx + weasyprint PDF)", f"{pandoc:.1f} s"),
        ("  ratio ours / pandoc (target <= 0.25)", f"{cold / pandoc:.2f}"),
        ("our PDF per brief, warm", f"{ours * 1000:.0f} ms"),
        ("bare WeasyPrint on the same HTML, warm", f"{bare * 1000:.0f} ms"),
        ("  ratio ours / engine (target <= 1.2)", f"{ours / bare:.2f}"),
        ("no-op rebuild", f"{noop:.2f} s"),
        ("-j 1 / -j 2 (speed-up)", f"{one:.1f} s / {two:.1f} s = {one / two:.2f}x"),
        ("peak memory of one worker (max RSS)", f"{peak_worker_mb(printed)} MB"),
        ("PDFs built", str(pages)),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
