"""Finding and loading a theme folder (styles/<name>/) into a Theme."""

from __future__ import annotations

from pathlib import Path

from .brand import Brand, Labels, Theme
from .errors import Problem, ThemeError
from .model.series import LoadedSeries
from .yamlfile import ValidationProblems, YamlProblem, read_yaml, validate

STYLES = "styles"


def find_theme(name: str, start: Path) -> Path:
    """The nearest styles/<name>/ folder at or above start (a series folder)."""
    places = [start.absolute(), *start.absolute().parents]  # as named, then as resolved
    places += [p for p in [start.resolve(), *start.resolve().parents] if p not in places]
    for folder in places:
        candidate = folder / STYLES / name
        if (candidate / "brand.yaml").is_file():
            return candidate
    raise ThemeError(Problem(
        f"theme {name!r} not found", start / "series.yaml", None, None, "theme",
        f"create {STYLES}/{name}/brand.yaml beside the content folder"
        + ("" if name == "ilab" else ", or use theme: ilab")))


def load_theme(folder: Path) -> Theme:
    """Load brand.yaml and every labels/<lang>.yaml of a theme folder."""
    problems: list[Problem] = []
    brand: Brand | None = None
    labels: dict[str, Labels] = {}
    try:
        brand = validate(Brand, read_yaml(folder / "brand.yaml"))
    except YamlProblem as exc:
        problems.append(exc.problem)
    except ValidationProblems as exc:
        problems.extend(exc.problems)
    for path in sorted((folder / "labels").glob("*.yaml")):
        try:
            labels[path.stem] = validate(Labels, read_yaml(path))
        except YamlProblem as exc:
            problems.append(exc.problem)
        except ValidationProblems as exc:
            problems.extend(exc.problems)
    if brand is not None and not labels and not problems:
        problems.append(Problem("the theme has no label catalog", folder / "labels", hint=(
            "add labels/en.yaml")))
    if problems or brand is None:
        raise ThemeError(problems)
    return Theme(name=folder.name, folder=folder.resolve(), brand=brand, labels=labels)


def check_language(theme: Theme, lang: str, brief_file: Path) -> None:
    """Raise ThemeError when the theme has no label catalog for lang."""
    base = lang.split("-")[0].lower()
    if lang not in theme.labels and base not in theme.labels:
        have = ", ".join(sorted(theme.labels))
        raise ThemeError(Problem(
            f"theme {theme.name!r} has no labels for language {lang!r} (it has {have})",
            brief_file, None, None, "lang",
            f"add {theme.folder / 'labels' / base}.yaml"))


def check_themes(series: list[LoadedSeries]) -> list[Problem]:
    """Every series' theme loads and has labels for each edition's language."""
    problems: list[Problem] = []
    for loaded in series:
        try:
            theme = load_theme(find_theme(loaded.series.theme, loaded.folder))
            for edition in loaded.editions:
                check_language(theme, edition.brief.lang, edition.path)
        except ThemeError as exc:
            problems.extend(exc.problems)
    return problems
