"""Nothing stale goes unnoticed: an edit saved during a build is built next time, and an
output whose brief became invalid is kept but marked stale, in the manifest, the build
summary and preflight (issue 11, items 8 and 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbuilder import loader
from briefbuilder.build import plan
from briefbuilder.cli import main
from briefbuilder.loader import load_project
from briefbuilder.options import Options
from briefbuilder.yamlfile import YamlDoc

from .conftest import GOOD_BRIEF, MakeSeries
from .test_build import TWO, built
from .test_cli import cli

EDITED = GOOD_BRIEF.replace("Text.", "Edited.")


def test_an_edit_saved_just_after_the_loader_read_the_brief_is_built_next_time(
        make_series: MakeSeries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_series()
    brief, out = folder / "b.en.yaml", tmp_path / "out"
    read_yaml = loader.read_yaml

    def read_then_save(path: Path) -> YamlDoc:
        doc = read_yaml(path)
        if path == brief:  # the writer saves while the build goes on
            brief.write_text(EDITED)
        return doc

    monkeypatch.setattr(loader, "read_yaml", read_then_save)
    assert main(["build", str(folder), "--out", str(out), "--format", "html", "-q"]) == 0
    monkeypatch.undo()
    page = out / "s" / "b.en.html"
    assert "Text." in page.read_text() and "Edited." not in page.read_text()
    again = cli("build", folder, "--out", out, "--format", "html", "-v")
    assert built(again) == ["s/b.en.html"], again.stderr
    assert "Edited." in page.read_text()


def built_two(make_series: MakeSeries, out: Path, *formats: str) -> Path:
    """Series s with briefs b and c, built once into out; its folder."""
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF}, series=TWO)
    chosen = [arg for fmt in formats for arg in ("--format", fmt)]
    assert cli("build", folder, "--out", out, *chosen).returncode == 0
    return folder


def manifest_entries(out: Path) -> dict[str, dict[str, object]]:
    return {e["path"]: e for e in json.loads((out / "manifest.json").read_text())["outputs"]}


def test_an_output_whose_brief_became_invalid_is_kept_and_marked_stale(
        make_series: MakeSeries, tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder = built_two(make_series, out)
    kept = {name: (out / "s" / name).read_bytes() for name in ("c.en.pdf", "c.en.docx")}
    (folder / "c.en.yaml").write_text("")
    result = cli("build", folder, "--out", out)
    assert result.returncode == 1
    reason = "s/c.en.yaml:1:1: the file is empty (write the fields)"
    assert "0 built, 2 up to date, 0 failed, 1 content error(s)" in result.stderr
    for name in ("c.en.docx", "c.en.pdf"):
        assert f"stale: s/{name} is kept from an earlier build: {reason}" in result.stderr
        assert (out / "s" / name).read_bytes() == kept[name]
    entries = manifest_entries(out)
    assert {path: e["stale"] for path, e in entries.items()} == {
        "s/b.en.docx": None, "s/b.en.pdf": None, "s/c.en.docx": reason, "s/c.en.pdf": reason}

    report = cli("preflight", folder, "--out", out, "--json")
    assert report.returncode == 1
    [stale] = [b for b in json.loads(report.stdout)["briefs"]
               if b["brief"] == str(folder / "c.en.yaml")]
    assert [(f["check"], f["status"], f["message"], f["fix"]) for f in stale["findings"]] == [
        ("output.stale", "fail", f"{name} is kept from an earlier build: {reason}",
         f"correct what the reason names, then briefbuilder build {folder} --out {out}")
        for name in ("c.en.docx", "c.en.pdf")]

    (folder / "c.en.yaml").write_text(EDITED)
    fixed = cli("build", folder, "--out", out)
    assert fixed.returncode == 0, fixed.stderr
    assert "2 built, 2 up to date" in fixed.stderr and "stale" not in fixed.stderr
    assert {e["stale"] for e in manifest_entries(out).values()} == {None}


def test_outputs_of_a_series_that_cannot_build_are_marked_stale(make_series: MakeSeries,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder = built_two(make_series, out, "html")
    (folder / "series.yaml").write_text(TWO + "theme: nope\n")
    result = cli("build", folder, "--out", out, "--format", "html")
    assert result.returncode == 1
    reason = ("s/series.yaml:4:1: theme: theme 'nope' not found (available: ilab, plain) (name one "
              "of those, or make your own with 'briefbuilder theme copy ilab styles/nope' "
              "beside the content folder)")
    for name in ("b.en.html", "c.en.html"):
        assert f"stale: s/{name} is kept from an earlier build: {reason}" in result.stderr
    assert {e["stale"] for e in manifest_entries(out).values()} == {reason}


def test_an_output_whose_last_build_failed_is_marked_stale(make_series: MakeSeries,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    folder = built_two(make_series, out, "pdf")
    (folder / "c.en.yaml").write_text(EDITED)
    result = cli("build", folder, "--out", out, "--format", "pdf", "--time-limit", "0.01")
    assert result.returncode == 1
    reason = "its last build failed: timed out after 0.01 s"
    assert f"stale: s/c.en.pdf is kept from an earlier build: {reason}" in result.stderr
    assert manifest_entries(out)["s/c.en.pdf"]["stale"] == reason
    assert manifest_entries(out)["s/b.en.pdf"]["stale"] is None
    report = json.loads(cli("preflight", folder, "--out", out, "--json").stdout)
    [stale] = [f for b in report["briefs"] for f in b["findings"] if f["check"] == "output.stale"]
    assert (stale["status"], stale["message"], stale["file"]) == (
        "fail", f"c.en.pdf is kept from an earlier build: {reason}", str(folder / "c.en.yaml"))
    assert built(cli("build", folder, "--out", out, "--format", "pdf", "-v")) == [
        "s/c.en.pdf"]


def test_a_sibling_edition_that_stops_loading_changes_only_the_pages_that_link_it(
        make_series: MakeSeries, tmp_path: Path) -> None:
    """The Spanish PDF and draft do not name the English edition, so an English brief with
    an error leaves them up to date; the web page's language links change, so it is not."""
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "b.es.yaml": GOOD_BRIEF})
    options = Options(tmp_path / "out", ("pdf", "docx", "web"))

    def hashes() -> dict[str, str]:
        """The Spanish jobs' hashes by format, and the series index page's."""
        jobs, _ = plan(load_project(folder), options)
        return {job.fmt: job.content_hash for job in jobs
                if job.edition.brief.lang == "es" or job.fmt == "web-index"}

    before = hashes()
    (folder / "b.en.yaml").write_text(GOOD_BRIEF.replace("[Text.]", "[\"Text.[^none]\"]"))
    after = hashes()
    assert set(before) == set(after) == {"pdf", "docx", "web", "web-index"}
    assert {fmt for fmt in before if before[fmt] != after[fmt]} == {"web", "web-index"}
