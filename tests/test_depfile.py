"""The depfile (issue 14, item 1): a no-op build answers from file stats, parsing no YAML and
importing no model or writer; an edit rebuilds exactly the jobs that read the file, parsing
only their briefs; a file added to or removed from a series is noticed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from briefbuilder import depfile, loader
from briefbuilder.cli import main
from briefbuilder.yamlfile import YamlDoc

from .conftest import CHART, GOOD_BRIEF, MakeSeries
from .test_build import TWO, built
from .test_cli import cli

WITH_CHART = ("title: T\ndate: 2024-09-01\nsections:\n  - body:\n      - Text.\n"
              "      - figure: {image: chart.png, alt: A rising bar chart}\n")
HTML = ("--format", "html")
# what a no-op must not import: the models, the YAML parser, the loader and any writer
HEAVY = ("pydantic", "ruamel", "weasyprint", "briefbuilder.model", "briefbuilder.writers",
         "briefbuilder.loader", "briefbuilder.yamlfile")


def two_series(make_series: MakeSeries) -> tuple[Path, Path]:
    """Series s (briefs b with a chart, c; theme ilab from the project's styles/) and
    series t (brief d, built-in theme plain), in one content folder."""
    s = make_series({"b.en.yaml": WITH_CHART, "c.en.yaml": GOOD_BRIEF, "chart.png": CHART},
                    series=TWO)
    make_series({"d.en.yaml": GOOD_BRIEF}, series="id: t\ntitle: T\ntheme: plain\nbriefs: [d]\n",
                name="t")
    return s, s.parent


def verbose_build(content: Path, out: Path, *extra: str) -> list[str]:
    result = cli("build", content, "--out", out, *HTML, "-v", *extra)
    assert result.returncode == 0, result.stderr
    return built(result)


def imported_modules(stderr: str) -> set[str]:
    """The modules `python -X importtime` reports."""
    return {line.split("|")[-1].strip() for line in stderr.splitlines()
            if line.startswith("import time:") and "|" in line} - {"package"}


def test_a_noop_build_parses_no_yaml_and_imports_no_model_or_writer(
        make_series: MakeSeries, tmp_path: Path) -> None:
    _, content = two_series(make_series)
    out = tmp_path / "out"
    assert verbose_build(content, out, "--format", "pdf") == [
        "s/b.en.html", "s/b.en.pdf", "s/c.en.html", "s/c.en.pdf", "t/d.en.html", "t/d.en.pdf"]
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefbuilder", "build",
                             str(content), "--out", str(out), *HTML, "--format", "pdf"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "0 built, 6 up to date, 0 failed, 0 content error(s)" in result.stderr
    modules = imported_modules(result.stderr)
    assert {"briefbuilder.cli", "briefbuilder.depfile"} <= modules
    assert sorted(m for m in modules if m.startswith(HEAVY)) == []


def test_a_noop_reads_only_the_files_whose_stat_changed(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    s, content = two_series(make_series)
    out = tmp_path / "out"
    for path in [*content.rglob("*"), *(tmp_path / "styles").rglob("*")]:
        os.utime(path, ns=(10**18, 10**18))  # saved long before the build
    assert len(verbose_build(content, out)) == 3
    (s / "c.en.yaml").touch()  # a new mtime, the same bytes
    read: list[Path] = []

    def reading(path: Path) -> bytes:
        read.append(Path(path))
        return Path(path).read_bytes()

    monkeypatch.setattr(depfile, "read_regular", reading)
    monkeypatch.setattr(loader, "read_yaml", lambda path: pytest.fail(f"parsed {path}"))
    assert main(["build", str(content), "--out", str(out), *HTML, "-q"]) == 0
    assert "0 built, 3 up to date, 0 failed" in capsys.readouterr().err
    # the manifest, the touched brief, and the outputs, written too recently to vouch for
    assert sorted(read) == sorted([out / "manifest.json", s / "c.en.yaml",
                                   out / "s" / "b.en.html", out / "s" / "c.en.html",
                                   out / "t" / "d.en.html"])


def parsed_during(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> list[str]:
    """The YAML files a build run in this process parses, by name."""
    names: list[str] = []
    read_yaml = loader.read_yaml

    def reading(path: Path) -> YamlDoc:
        names.append(f"{path.parent.name}/{path.name}")
        return read_yaml(path)

    monkeypatch.setattr(loader, "read_yaml", reading)
    assert main(argv) == 0
    monkeypatch.undo()
    return sorted(names)


def test_an_edited_brief_is_the_only_one_parsed_and_built(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    s, content = two_series(make_series)
    out = tmp_path / "out"
    verbose_build(content, out)
    (s / "c.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Edited."), encoding="utf-8")
    capsys.readouterr()
    argv = ["build", str(content), "--out", str(out), *HTML, "-q"]
    assert parsed_during(monkeypatch, argv) == ["s/c.en.yaml", "s/series.yaml", "t/series.yaml"]
    assert "1 built, 2 up to date, 0 failed, 0 content error(s)" in capsys.readouterr().err
    assert "Edited." in (out / "s" / "c.en.html").read_text(encoding="utf-8")
    assert verbose_build(content, out) == []


def test_an_edit_rebuilds_exactly_the_jobs_that_read_the_file(make_series: MakeSeries,
                                                              tmp_path: Path) -> None:
    s, content = two_series(make_series)
    out = tmp_path / "out"
    assert verbose_build(content, out) == ["s/b.en.html", "s/c.en.html", "t/d.en.html"]
    assert verbose_build(content, out) == []

    bigger = io.BytesIO()
    Image.open(io.BytesIO(CHART)).resize((40, 30)).save(bigger, "PNG")
    (s / "chart.png").write_bytes(bigger.getvalue())
    assert verbose_build(content, out) == ["s/b.en.html"]

    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    brand.write_text(brand.read_text().replace("#14305C", "#14305D"))
    assert verbose_build(content, out) == ["s/b.en.html", "s/c.en.html"]

    (s / "series.yaml").write_text(TWO.replace("title: S", "title: S2"))
    assert verbose_build(content, out) == ["s/b.en.html", "s/c.en.html"]

    (content / "t" / "d.en.yaml").touch()  # a new mtime, the same bytes
    assert verbose_build(content, out) == []


def test_a_brief_added_or_removed_is_noticed(make_series: MakeSeries, tmp_path: Path) -> None:
    s, content = two_series(make_series)
    out = tmp_path / "out"
    verbose_build(content, out, "--format", "web")
    (s / "b.es.yaml").write_text(GOOD_BRIEF.replace("Text.", "Texto."), encoding="utf-8")
    # the new edition is built; of the English one only the web page, whose language links
    # (and the series index) gain the new edition: its HTML page names no other edition
    assert verbose_build(content, out, "--format", "web") == [
        "s/b.en/index.html", "s/b.es.html", "s/b.es/index.html", "s/index.html"]
    assert verbose_build(content, out, "--format", "web") == []
    (s / "b.es.yaml").unlink()
    assert verbose_build(content, out, "--format", "web") == ["s/b.en/index.html", "s/index.html"]
    assert verbose_build(content, out, "--format", "web") == []


def test_force_and_other_options_still_build(make_series: MakeSeries, tmp_path: Path) -> None:
    s, content = two_series(make_series)
    out = tmp_path / "out"
    verbose_build(content, out)
    assert verbose_build(content, out, "--force") == ["s/b.en.html", "s/c.en.html",
                                                      "t/d.en.html"]
    assert verbose_build(content, out, "--format", "pdf") == [
        "s/b.en.pdf", "s/c.en.pdf", "t/d.en.pdf"]
    assert verbose_build(content, out, "--format", "pdf") == []
    assert verbose_build(s, out) == []  # one series folder: its jobs are up to date
    (out / "s" / "c.en.html").write_text("tampered")
    assert verbose_build(content, out) == ["s/c.en.html"]


def test_a_damaged_depfile_means_a_full_build_that_rewrites_it(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s, content = two_series(make_series)
    out = tmp_path / "out"
    verbose_build(content, out)
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["depfile"]["series"][0]["jobs"] = ["not", "a", "mapping"]
    manifest["depfile"]["stamps"] = {str(s / "c.en.yaml"): [1], str(s / "b.en.yaml"): "x"}
    (out / "manifest.json").write_text(json.dumps(manifest))
    argv = ["build", str(content), "--out", str(out), *HTML, "-q"]
    assert parsed_during(monkeypatch, argv) == [
        "s/b.en.yaml", "s/c.en.yaml", "s/series.yaml", "t/d.en.yaml", "t/series.yaml"]
    assert parsed_during(monkeypatch, argv) == []


def test_a_series_index_is_rebuilt_from_every_brief_when_one_changes(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s, _ = two_series(make_series)
    out = tmp_path / "out"
    web = ["build", str(s), "--out", str(out), "--format", "web", "-q"]
    assert main(web) == 0
    (s / "c.en.yaml").write_text(GOOD_BRIEF.replace("title: T", "title: Edited"),
                                 encoding="utf-8")
    # the index lists every edition, so every brief of the series is parsed again
    assert parsed_during(monkeypatch, web) == ["s/b.en.yaml", "s/c.en.yaml", "s/series.yaml"]
    index = (out / "s" / "index.html").read_text(encoding="utf-8")
    assert "b.en/index.html" in index and "c.en/index.html" in index and "Edited" in index
    (out / "s" / "b.en" / "index.html").unlink()  # only b's page is missing
    assert parsed_during(monkeypatch, web) == ["s/b.en.yaml", "s/c.en.yaml", "s/series.yaml"]
    assert (out / "s" / "b.en" / "index.html").is_file()
    assert parsed_during(monkeypatch, web) == []
