"""Preflight prints like a linter: failures and warnings a line each, a summary per series and
a total; -q the total alone, -v the passes too (issue 16, item 1)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from briefbuilder.preflight import Verbosity
from briefbuilder.preflight.run import preflight

from ..conftest import GOOD_BRIEF
from .conftest import Built, build_outputs

BRIEFS = 20
TOTAL = f"preflight: {2 * BRIEFS} brief edition(s): "


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A series of 20 briefs in English and Spanish, built."""
    root = tmp_path_factory.mktemp("forty")
    folder = root / "content" / "forty"
    folder.mkdir(parents=True)
    ids = [f"b{n:02d}" for n in range(1, BRIEFS + 1)]
    (folder / "series.yaml").write_text(f"id: forty\ntitle: Forty\nbriefs: [{', '.join(ids)}]\n",
                                        encoding="utf-8")
    for brief in ids:
        for lang in ("en", "es"):
            (folder / f"{brief}.{lang}.yaml").write_text(GOOD_BRIEF.replace(
                "title: T", f"title: {brief} {lang}"), encoding="utf-8")
    build_outputs(root / "content", root / "out")
    return Built(folder, root / "out")


def lines(built: Built, verbosity: Verbosity) -> list[str]:
    console = Console(file=io.StringIO(), width=80)
    assert preflight(built.series, built.out, False, console, verbosity) == 0
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined]


def test_a_passing_forty_edition_series_fits_a_screen(series: Built) -> None:
    shown = lines(series, Verbosity.NORMAL)
    assert len(shown) <= 25
    assert [line.split(":")[0] for line in shown] == ["notice", "forty", "preflight"]
    assert shown[1].startswith("forty: 40 brief edition(s): ")
    assert shown[1].endswith(" passed, 0 failed, 0 warning(s)")
    assert shown[2].startswith(TOTAL) and shown[2].endswith(", 1 notice(s)")


def test_quiet_prints_the_total_only(series: Built) -> None:
    assert lines(series, Verbosity.NORMAL)[-1:] == lines(series, Verbosity.QUIET)


def test_verbose_adds_a_line_per_pass(series: Built) -> None:
    shown = lines(series, Verbosity.VERBOSE)
    passed = int(shown[-1].removeprefix(TOTAL).split(" passed")[0])
    assert len(shown) == passed + 3
    first = str(series.series / "b01.en.yaml")
    if first.startswith(str(Path.cwd())):
        first = str(Path(first).relative_to(Path.cwd()))
    assert shown[0] == (f"{first}: output.built: pass: b01.en.pdf is up to date "
                        f"[{series.out}/forty/b01.en.pdf]")


def test_a_failure_is_one_line_with_place_check_and_fix(tmp_path: Path,
                                                        series: Built) -> None:
    console = Console(file=io.StringIO(), width=80)
    empty = tmp_path / "empty"
    assert preflight(series.series, empty, False, console) == 1
    shown = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert len(shown) == 4 * BRIEFS + 2  # the PDF and the draft of 40 editions, and summaries
    assert shown[0] == (f"{series.series}/b01.en.yaml: output.built: b01.en.pdf: not built: "
                        f"run briefbuilder build first [{empty}/forty/b01.en.pdf] (briefbuilder "
                        f"build {series.series} --out {empty})")
    assert shown[-1] == f"{TOTAL}{4 * 2 * BRIEFS} passed, {4 * BRIEFS} failed, 0 warning(s)"


def test_quiet_preflight_counts_the_content_errors_it_did_not_print(tmp_path: Path) -> None:
    """-q prints the total alone: a brief with an error, left unchecked, is counted there."""
    folder = tmp_path / "content" / "s"
    folder.mkdir(parents=True)
    (folder / "series.yaml").write_text("id: s\ntitle: S\nbriefs: [b, c]\n", encoding="utf-8")
    for brief in ("b", "c"):
        (folder / f"{brief}.en.yaml").write_text(GOOD_BRIEF, encoding="utf-8")
    build_outputs(tmp_path / "content", tmp_path / "out")
    (folder / "c.en.yaml").write_text(GOOD_BRIEF.replace("[Text.]", '["Text.[^none]"]'),
                                      encoding="utf-8")  # an error after the build
    console = Console(file=io.StringIO(), width=80)
    assert preflight(folder, tmp_path / "out", False, console, Verbosity.QUIET) == 1
    [total] = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert total.startswith("preflight: 1 brief edition(s): ")
    assert total.endswith(", 1 content error(s)")
