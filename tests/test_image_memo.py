"""Briefs that share an image have it decoded once per version of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder import loader

from .conftest import CHART, MakeSeries
from .test_loader import HEAD, messages

FIGURE = HEAD + "      - figure: {image: x.png, alt: A chart}\n"
SERIES = "id: s\ntitle: S\nbriefs: [a, b]\n"


def test_a_shared_image_is_decoded_once_and_again_after_an_edit(
        make_series: MakeSeries, monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[str] = []
    check = loader.check_image

    def counting(path: Path, shown: str) -> None:
        decoded.append(shown)
        check(path, shown)

    monkeypatch.setattr(loader, "check_image", counting)
    folder = make_series({"a.en.yaml": FIGURE, "b.en.yaml": FIGURE, "x.png": CHART},
                         series=SERIES)
    assert messages(folder) == []
    assert decoded == ["x.png"]
    (folder / "x.png").write_bytes(b"not an image at all")
    assert messages(folder) == [
        f"{name}.en.yaml:5:18: sections[0].body[0].figure.image: 'x.png' is not a PNG or JPEG "
        "image (export the figure as PNG or JPEG)" for name in "ab"]
    assert decoded == ["x.png", "x.png"]
