"""Where a theme named in series.yaml lives: styles/<name>/ at or above the content, then the
built-in one. Light on imports: a no-op build checks this without loading any model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STYLES = "styles"
BRAND_FILE = "brand.yaml"
BUILTIN_THEMES = Path(__file__).resolve().parent / "styles"
BUILTIN = "built-in"


@dataclass(frozen=True)
class ThemeSource:
    """A theme a content folder can use: its name, its folder, and where it comes from."""

    name: str
    folder: Path
    origin: str  # BUILTIN, or the styles/ folder it was found in

    @property
    def overrides_builtin(self) -> bool:
        return self.origin != BUILTIN and (BUILTIN_THEMES / self.name / BRAND_FILE).is_file()


def _project_styles(start: Path) -> list[Path]:
    """The styles/ folders at or above start, nearest first: as named, then as resolved."""
    places = [start.absolute(), *start.absolute().parents]
    places += [p for p in [start.resolve(), *start.resolve().parents] if p not in places]
    return [folder / STYLES for folder in places if (folder / STYLES).is_dir()]


def available_themes(start: Path) -> list[ThemeSource]:
    """Every theme a series folder at start can name, the one its name finds first."""
    found: dict[str, ThemeSource] = {}
    for styles in [*_project_styles(start), BUILTIN_THEMES]:
        origin = BUILTIN if styles == BUILTIN_THEMES else str(styles)
        for brand in sorted(styles.glob(f"*/{BRAND_FILE}")):
            name = brand.parent.name
            found.setdefault(name, ThemeSource(name, brand.parent, origin))
    return sorted(found.values(), key=lambda source: source.name)


def theme_folder(name: str, start: Path) -> Path | None:
    """The folder of the theme a series at start names, or None when there is none."""
    return next((s.folder for s in available_themes(start) if s.name == name), None)
