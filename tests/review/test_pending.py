"""The "needs translation" marks a review leaves: read by `check`, never trusted beyond the
series folder's own brief files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefbuilder.cli import main

from ..conftest import GOOD_BRIEF, MakeSeries

STATE = ".briefbuilder-translations.json"


def mark(folder: Path, **entry: object) -> None:
    base = {"file": "b.en.yaml", "path": ["title"], "text": "T", "changed_in": "b.es.yaml"}
    (folder / STATE).write_text(json.dumps([{**base, **entry}]), encoding="utf-8")


def test_a_marked_text_still_as_it_was_is_a_warning_at_its_line(
        make_series: MakeSeries, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF})
    mark(folder)
    assert main(["check", str(folder)]) == 0
    assert f"{folder}/b.en.yaml:1:8: warning: title: needs translation: the text changed in " \
        "b.es.yaml (a review) (translate the change here)" in capsys.readouterr().err


def test_a_marked_brief_with_a_yaml_error_is_the_loaders_error_not_a_traceback(
        make_series: MakeSeries, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF + "sections: [\n"})
    mark(folder)
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder}/b.en.yaml:" in err and "needs translation" not in err


@pytest.mark.parametrize("entry", [
    {"file": "../outside.en.yaml"},  # out of the series folder
    {"file": "/etc/hostname"},
    {"file": "link.en.yaml"},  # a link to a brief elsewhere
    {"path": 7},  # not a path
    {"path": [["title"]]},
])
def test_a_mark_naming_no_brief_of_the_folder_is_ignored(
        make_series: MakeSeries, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        entry: dict[str, object]) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF})
    outside = folder.parent / "outside.en.yaml"
    outside.write_text(GOOD_BRIEF, encoding="utf-8")
    (folder / "link.en.yaml").symlink_to(outside)
    mark(folder, **entry)
    main(["check", str(folder)])
    assert "needs translation" not in capsys.readouterr().err
