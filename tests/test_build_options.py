"""Build options as a user types them: --only, an empty selection, -v, --print-shop."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from .conftest import GOOD_BRIEF, MakeSeries
from .test_cli import cli

TWO = "id: s\ntitle: S\nbriefs: [b, c]\n"


def test_only_series_slash_brief_selects_one_brief_of_one_series(
        make_series: MakeSeries, tmp_path: Path) -> None:
    make_series()
    make_series(name="t", series="id: t\ntitle: T\nbriefs: [b]\n")
    out = tmp_path / "out"
    result = cli("build", tmp_path / "content", "--out", out, "--format", "html",
                 "--only", "t/b", "-v")
    assert result.returncode == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("*/*")) == ["t/b.en.html"]
    unknown = cli("build", tmp_path / "content", "--out", out, "--only", "u/b")
    assert unknown.returncode == 2
    assert "--only u/b: no such brief in the series files (name BRIEF_ID or SERIES/BRIEF_ID)" \
        in unknown.stderr


def test_an_empty_selection_builds_nothing_and_writes_no_manifest(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.es.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    result = cli("build", folder, "--out", out, "--only", "b", "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "nothing to build"
    assert not out.exists()


def test_verbose_prints_a_line_per_job_with_seconds_and_the_default_does_not(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    verbose = cli("build", folder, "--out", tmp_path / "v", "--format", "html", "-v")
    lines = [line for line in verbose.stderr.splitlines() if line.startswith("built ")]
    assert len(lines) == 2
    assert all(re.fullmatch(r"built +\d+\.\d\d s  s/[bc]\.en\.html", line) for line in lines)
    default = cli("build", folder, "--out", tmp_path / "d", "--format", "html")
    assert not any(line.startswith("built ") for line in default.stderr.splitlines())
    assert re.search(r"^2 built, 0 up to date, 0 failed, 0 content error\(s\) in \d+\.\d s$",
                     default.stderr, re.M)


def test_the_table_lists_the_jobs_that_ran_and_counts_the_rest(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    out = tmp_path / "out"
    first = cli("build", folder, "--out", out, "--format", "html")
    assert re.search(r"^ *s/b\.en\.html .* built ", first.stderr, re.M), first.stderr
    (folder / "c.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Edited."))
    edit = cli("build", folder, "--out", out, "--format", "html")
    assert edit.returncode == 0, edit.stderr
    assert re.search(r"^ *s/c\.en\.html .* built ", edit.stderr, re.M), edit.stderr
    assert "s/b.en.html" not in edit.stderr
    assert re.search(r"^1 built, 1 up to date, 0 failed, 0 content error\(s\) in \d+\.\d s$",
                     edit.stderr, re.M)


def test_print_shop_builds_the_pdf_with_bleed_beside_the_plain_one(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    out = tmp_path / "out"
    result = cli("build", folder, "--out", out, "--format", "pdf", "--print-shop")
    assert result.returncode == 0, result.stderr
    with pikepdf.open(out / "s/b.en.pdf") as plain, \
            pikepdf.open(out / "s/b.en.print.pdf") as shop:
        assert [float(v) for v in plain.pages[0].mediabox] == [0, 0, 612, 792]
        page = shop.pages[0].obj
        assert [float(v) for v in page.MediaBox] == [-9, -9, 621, 801]  # 0.125 in of bleed
        assert [float(v) for v in page.TrimBox] == [0, 0, 612, 792]
