"""Helpers for tests of a theme that must not load."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.errors import ThemeError
from briefbuilder.themes import load_theme


def theme_problems(brand: Path) -> list[str]:
    """The messages of the ThemeError that loading the theme of brand (brand.yaml) raises."""
    with pytest.raises(ThemeError) as caught:
        load_theme(brand.parent)
    return [str(p) for p in caught.value.problems]
