"""Nothing stale goes unnoticed: an edit saved during a build is built next time
(issue 11, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder import loader
from briefbuilder.cli import main
from briefbuilder.yamlfile import YamlDoc

from .conftest import GOOD_BRIEF, MakeSeries
from .test_build import built
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
