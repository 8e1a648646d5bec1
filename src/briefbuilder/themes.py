"""Finding and loading a theme folder (styles/<name>/) into a Theme."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .brand import Brand, Labels, Theme
from .brand_fonts import font_problems
from .errors import Problem, Refusal, ThemeError, UsageError
from .fit import fit_problems
from .images import check_image
from .model.series import LoadedSeries
from .places import Places
from .sandbox import irregular_problem, link_problem, linked_outside, not_a_file, theme_file
from .theme_lookup import BRAND_FILE as BRAND_FILE
from .theme_lookup import BUILTIN_THEMES as BUILTIN_THEMES
from .theme_lookup import STYLES as STYLES
from .theme_lookup import available_themes as available_themes
from .theme_lookup import theme_folder
from .yamlfile import M, ValidationProblems, YamlDoc, YamlProblem, locate, read_yaml, validate

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def find_theme(name: str, start: Path) -> Path:
    """The theme folder a series at start means by name: the nearest styles/<name>/ at or
    above it (the user's own theme, or an override of a built-in one), else the built-in."""
    folder = theme_folder(name, start)
    if folder is not None:
        refuse_unsafe_files(folder)
        return folder
    names = ", ".join(source.name for source in available_themes(start))
    raise ThemeError(locate(start / "series.yaml", [(
        ("theme",), f"theme {name!r} not found (available: {names})",
        f"name one of those, or make your own with 'briefbuilder theme copy ilab "
        f"{STYLES}/{name}' beside the content folder")]))


def copy_theme(name: str, start: Path, target: Path) -> Path:
    """Copy the theme a series at start would use into target, to customize it."""
    folder = find_theme(name, start)
    if target.exists():
        raise UsageError(f"{target} already exists; name a new folder")
    if not ID.fullmatch(target.name):
        raise UsageError(f"{target.name!r}: name the theme folder in lowercase letters, digits "
                         "and hyphens, e.g. styles/myorg")
    shutil.copytree(folder, target, symlinks=False,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return target


def refuse_unsafe_files(folder: Path) -> None:
    """Raise ThemeError naming every link in a theme folder that leads outside it and every
    entry that is no regular file or folder (a named pipe would block its reader)."""
    real = folder.resolve()
    problems: list[Problem] = []
    for path in sorted(real.rglob("*")):
        target = linked_outside(path, real) if path.is_symlink() else None
        if target is not None:
            problems.append(link_problem(path, target, "theme"))
        elif (what := not_a_file(path)) is not None:
            problems.append(irregular_problem(path, what))
    if problems:
        raise ThemeError(problems)


def load_theme(folder: Path) -> Theme:
    """Load brand.yaml and every labels/<lang>.yaml of a theme folder (as resolved)."""
    name, folder = folder.name, folder.resolve()
    problems: list[Problem] = []
    brand, doc = _read(Brand, folder, folder / BRAND_FILE, problems)
    if brand is not None and doc is not None:
        problems += font_problems(brand, doc) + _logo_problems(brand, doc)
    labels: dict[str, Labels] = {}
    for path in sorted((folder / "labels").glob("*.yaml")):
        catalog, _ = _read(Labels, folder, path, problems)
        if catalog is not None:
            labels[path.stem] = catalog
    if brand is not None and not labels and not problems:
        problems.append(Problem("the theme has no label catalog", folder / "labels", hint=(
            "add labels/en.yaml")))
    if problems or brand is None:
        raise ThemeError(problems)
    places = Places(doc.path, doc.positions) if doc is not None else None
    return Theme(name=name, folder=folder, brand=brand, labels=labels, brand_places=places)


def _read(model: type[M], folder: Path, path: Path,
          problems: list[Problem]) -> tuple[M | None, YamlDoc | None]:
    """One YAML file of a theme folder, validated as model, with the document it was read
    from; None for what is bad (its problems added)."""
    doc = None
    try:
        doc = read_yaml(theme_file(folder, path) or path)
        return validate(model, doc), doc
    except YamlProblem as exc:
        problems.append(exc.problem)
    except (ValidationProblems, ThemeError) as exc:
        problems.extend(exc.problems)
    return None, doc


def _logo_problems(brand: Brand, doc: YamlDoc) -> list[Problem]:
    """The logo, if any, is an image inside the theme folder that decodes whole."""
    if brand.logo is None:
        return []
    folder = doc.path.parent.resolve()
    try:
        logo = theme_file(folder, brand.logo)
    except ThemeError as exc:  # a link out of the theme folder
        return exc.problems
    if logo is None:
        return [doc.problem(("logo",), f"logo {brand.logo!r} not found in the theme folder",
                            f"put the image in {folder} and name it from there")]
    try:
        check_image(logo, brand.logo, "logo")
    except Refusal as exc:
        return [doc.problem(("logo",), exc.message, exc.hint)]
    return []


def check_language(theme: Theme, lang: str, brief_file: Path) -> None:
    """Raise ThemeError when the theme has no label catalog for lang."""
    base = lang.split("-")[0].lower()
    if lang not in theme.labels and base not in theme.labels:
        have = ", ".join(sorted(theme.labels))
        hint = f"add {theme.folder / 'labels' / base}.yaml"
        if theme.folder.is_relative_to(BUILTIN_THEMES):  # installed: edits there are lost
            hint = (f"copy the theme beside your content with 'briefbuilder theme copy "
                    f"{theme.name} styles/{theme.name}', then add labels/{base}.yaml to it")
        raise ThemeError(locate(brief_file, [(
            ("lang",), f"theme {theme.name!r} has no labels for language {lang!r} (it has {have})",
            hint)]))


def _template_problems(folder: Path) -> list[Problem]:
    """The syntax errors of the theme's own templates; Jinja is imported only for a theme
    that has a templates/ folder (a theme without one uses the package's own)."""
    if not (folder / "templates").is_dir():
        return []
    from .templating import syntax_problems

    return syntax_problems(folder)


def check_themes(series: list[LoadedSeries]) -> tuple[list[Problem], set[Path]]:
    """Every series' theme loads, its templates parse, it has labels for each edition's
    language, and each edition fits its pages (fit.py): the problems, and the edition files
    they stop from building."""
    problems: list[Problem] = []
    stopped: set[Path] = set()
    for loaded in series:
        try:
            theme = load_theme(find_theme(loaded.series.theme, loaded.folder))
            problems.extend(p for p in _template_problems(theme.folder) if p not in problems)
        except ThemeError as exc:
            problems.extend(exc.problems)
            stopped.update(edition.path for edition in loaded.editions)
            continue
        for edition in loaded.editions:
            found = fit_problems(edition, theme.brand)
            try:
                check_language(theme, edition.brief.lang, edition.path)
            except ThemeError as exc:
                found += exc.problems
            problems.extend(found)
            if found:
                stopped.add(edition.path)
    return problems, stopped
