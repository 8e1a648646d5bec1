"""The font-instance cache: where it lives, and that no state of it changes the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.writers.font_files import cache_folder
from briefbuilder.writers.pdf import write_pdf

from .weasy_helpers import SAMPLE, load_edition, theme_of


def render() -> bytes:
    edition = load_edition(SAMPLE)
    return write_pdf(edition, theme_of(edition))


def no_home() -> Path:
    raise RuntimeError("Could not determine home directory.")


def test_cache_folder_follows_xdg_and_ignores_a_relative_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "briefbuilder" / "font-instances"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    assert cache_folder() == tmp_path / "home" / ".cache" / "briefbuilder" / "font-instances"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", no_home)
    assert cache_folder() is None


def test_damaged_entries_are_rebuilt_and_change_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = render()
    entries = sorted((tmp_path / "briefbuilder" / "font-instances").iterdir())
    assert entries and all(entry.suffix == ".ttf" for entry in entries)
    intact = {entry: entry.read_bytes() for entry in entries}
    for n, entry in enumerate(entries):  # not a font, cut short, zeroed inside
        data = intact[entry]
        entry.write_bytes([b"not a font", data[: len(data) // 2],
                           data[:1000] + bytes(200) + data[1200:]][n % 3])
    assert render() == first
    assert {entry: entry.read_bytes() for entry in entries} == intact, "rebuilt"


def test_an_unwritable_cache_or_no_home_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fresh"))
    expected = render()
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be made under a file")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert render() == expected
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", no_home)
    assert render() == expected
    assert sorted(tmp_path.iterdir()) == [blocker, tmp_path / "fresh"]
    assert not list((tmp_path / "fresh").rglob("*.part")), "no temporary files left"
