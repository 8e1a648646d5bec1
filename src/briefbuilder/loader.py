"""Content folders -> model objects, collecting every problem in every file.

A content folder is either one series (it holds ``series.yaml``) or a folder of
series folders. Each brief edition is ``<brief-id>.<lang>.yaml`` beside
``series.yaml``. Loading never raises for bad content: it returns what loaded
and the list of Problems (errors and warnings) for everything else.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from .chart_csv import CsvReader, chart_warnings
from .content_files import BRIEF_FILE as BRIEF_FILE
from .content_files import SERIES_FILE as SERIES_FILE
from .content_files import series_folders as series_folders
from .content_files import yaml_files
from .errors import Problem, Refusal, Severity, ThemeError, UsageError
from .glyphs import Coverage, glyph_problems
from .images import check_image
from .model.blocks import CSV_READER
from .model.brief import LOADER_FIELDS, Brief
from .model.inline import FOOTNOTE_KEY, FootnoteRef, host_warning, iter_spans
from .model.series import Edition, LoadedSeries, Series
from .places import FieldPath, Places
from .sandbox import link_problem, linked_outside
from .themes import find_theme, load_theme
from .yamlfile import ValidationProblems, YamlDoc, YamlProblem, locate, read_yaml, validate


@dataclass
class Project:
    """Everything found under a content folder."""

    root: Path
    series: list[LoadedSeries] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def editions(self) -> list[Edition]:
        return [e for s in self.series for e in s.editions]


def load_project(root: Path, wanted: Collection[str] | None = None) -> Project:
    """Load every series under root; bad files become Problems, not exceptions.

    wanted: the brief files to read (absolute paths), when not all (a partial rebuild)."""
    project = Project(root)
    seen: dict[str, Path] = {}
    for folder in series_folders(root):
        loaded = load_series(folder, project.problems, wanted)
        if loaded is None:
            continue
        if loaded.series.id in seen:
            project.problems += locate(folder / SERIES_FILE, [(
                ("id",), f"series id {loaded.series.id!r} is also used by "
                f"{seen[loaded.series.id]}", "give each series its own id")])
            continue
        seen[loaded.series.id] = folder / SERIES_FILE
        project.series.append(loaded)
    return project


def load_file(path: Path) -> Project:
    """The project of one brief file: its series, with only its edition and the problems found
    in it or in its series file. series.yaml itself means its whole series."""
    folder = path.parent
    if not path.is_file():
        raise UsageError(f"{path}: no such file or folder")
    if not (folder / SERIES_FILE).is_file():
        raise UsageError(f"{path}: no {SERIES_FILE} beside it (a brief file lives in a series "
                         "folder)")
    project = load_project(folder)
    if path.name == SERIES_FILE:
        return project
    mine = {path.resolve(), (folder / SERIES_FILE).resolve()}
    project.problems = [p for p in project.problems
                        if p.file is None or p.file.resolve() in mine]
    for loaded in project.series:
        loaded.editions = [e for e in loaded.editions if e.path.resolve() == path.resolve()]
    return project


def load_series(folder: Path, problems: list[Problem],
                wanted: Collection[str] | None = None) -> LoadedSeries | None:
    """Load one series folder and its editions (the wanted ones), appending problems."""
    path = folder / SERIES_FILE
    outside = linked_outside(path, folder.resolve())
    if outside is not None:
        problems.append(link_problem(path, outside, "series"))
        return None
    try:
        doc = read_yaml(path)
        series = validate(Series, doc)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    except ValidationProblems as exc:
        problems.extend(exc.problems)
        return None
    loaded = LoadedSeries(series, folder)
    files = _edition_files(folder, doc, series, problems)
    coverage = _theme_coverage(series, folder)
    for number, brief_id in enumerate(series.briefs, start=1):
        briefs = [read for lang, brief_path in files.get(brief_id, [])
                  if wanted is None or os.path.abspath(brief_path) in wanted
                  if (read := read_brief(brief_path, brief_id, lang, problems, coverage))]
        languages = tuple(brief.lang for brief, _ in briefs)
        loaded.editions.extend(
            Edition(brief, series, places.path, number, len(series.briefs), doc.sha256,
                    languages, places, Places(doc.path, doc.positions))
            for brief, places in briefs)
    return loaded


def _theme_coverage(series: Series, folder: Path) -> Coverage | None:
    """What the series' theme fonts can show; None when the theme cannot be used (check
    reports why, and a build fails its jobs with the reason)."""
    try:
        return Coverage.of(load_theme(find_theme(series.theme, folder)))
    except (ThemeError, Refusal):
        return None


def _edition_files(folder: Path, doc: YamlDoc, series: Series,
                   problems: list[Problem]) -> dict[str, list[tuple[str, Path]]]:
    """Map brief id -> [(lang, path)], reporting briefs without files and stray files."""
    files: dict[str, list[tuple[str, Path]]] = {}
    first: dict[tuple[str, str], Path] = {}
    for path in yaml_files(folder):
        if path.name == SERIES_FILE:
            continue
        outside = linked_outside(path, folder.resolve())
        if outside is not None:
            problems.append(link_problem(path, outside, "series"))
            continue
        parts = path.name.split(".")
        if len(parts) != 3 or not BRIEF_FILE.match(path.name):
            problems.append(Problem(
                "a brief file is named <brief-id>.<lang>.yaml", path, None, None, "",
                f"rename it, e.g. {parts[0].lower()}.en.yaml (lowercase id and language)"))
            continue
        brief_id, lang, _ = parts
        if (brief_id, lang) in first:
            problems.append(Problem(
                f"brief {brief_id!r} in language {lang!r} is also {first[brief_id, lang].name}",
                path, None, None, "", "keep one file per brief and language"))
            continue
        first[brief_id, lang] = path
        if brief_id not in series.briefs:
            problems.append(Problem(
                f"brief {brief_id!r} is not listed in {SERIES_FILE}", path, None, None, "",
                f"add it to briefs: in {folder / SERIES_FILE}",
                Severity.WARNING))
            continue
        files.setdefault(brief_id, []).append((lang, path))
    seen: set[str] = set()
    for index, brief_id in enumerate(series.briefs):
        loc: FieldPath = ("briefs", index)
        if brief_id in seen:
            problems.append(doc.problem(loc, f"brief {brief_id!r} is listed twice",
                                        "list each brief once"))
        seen.add(brief_id)
        if brief_id not in files:
            problems.append(doc.problem(
                loc, f"brief {brief_id!r} has no file",
                f"create {folder / brief_id}.en.yaml or remove it from the list"))
    return files


def load_brief(path: Path, brief_id: str, lang: str, problems: list[Problem],
               coverage: Coverage | None = None) -> Brief | None:
    """Load and check one brief edition file (against what its theme's fonts can show,
    when coverage is given); None when it has errors."""
    read = read_brief(path, brief_id, lang, problems, coverage)
    return read[0] if read else None


def read_brief(path: Path, brief_id: str, lang: str, problems: list[Problem],
               coverage: Coverage | None = None) -> tuple[Brief, Places] | None:
    """load_brief, with the places of the brief's fields in its file."""
    try:
        doc = read_yaml(path)
    except YamlProblem as exc:
        problems.append(exc.problem)
        return None
    found: list[Problem] = []
    if isinstance(doc.data, dict):
        written = doc.data.get("lang")
        if written is not None and str(written) != lang:
            found.append(doc.problem(
                ("lang",), f"lang {written!r} does not match the file name's {lang!r}",
                f"rename the file to {brief_id}.{written}.yaml or change lang"))
        for name in LOADER_FIELDS:
            if name in doc.data:
                found.append(doc.problem((name,), f"{name!r} is set by briefbuilder",
                                         f"remove it; the {name} comes from the file's name "
                                         "and place"))
        doc.data.update({"id": brief_id, "lang": lang, "folder": path.parent,
                         "sha256": doc.sha256})
    csv_reader = CsvReader(path.parent.resolve())
    try:
        brief = validate(Brief, doc, {CSV_READER: csv_reader})
    except ValidationProblems as exc:
        problems.extend(found + csv_reader.problems + exc.problems)
        return None
    found += check_references(brief, doc) + chart_warnings(brief, doc)
    if coverage is not None:
        found += glyph_problems(brief, doc, coverage)
    problems.extend(found)
    return None if any(p.severity is Severity.ERROR for p in found) else (brief, doc)


def check_references(brief: Brief, doc: YamlDoc) -> list[Problem]:
    """Footnote keys used and defined, figure files present inside the series folder."""
    found: list[Problem] = []
    uncited = brief.uncited_footnotes()
    texts = list(brief.inlines()) + [(("footnotes", k), t) for k, t in brief.footnotes.items()]
    cited_in_notes: set[str] = set()
    for loc, text in texts:
        for span in iter_spans(text.spans):
            if not isinstance(span, FootnoteRef):
                continue
            if span.key not in brief.footnotes:
                found.append(doc.problem(loc, f"footnote [^{span.key}] is not defined",
                                         f"add '{span.key}:' under footnotes:"))
            elif loc[0] == "footnotes" and span.key in uncited:
                cited_in_notes.add(span.key)
                found.append(doc.problem(loc, f"footnote [^{span.key}] is cited only inside a "
                                         "footnote, where its note cannot print", "cite it in "
                                         "the body text too, or write its text into this "
                                         "footnote"))
    for key in brief.footnotes:
        if not FOOTNOTE_KEY.fullmatch(key):
            found.append(doc.problem(("footnotes", key), f"footnote key {key!r} cannot be cited",
                                     "use letters, digits, '-' and '_', e.g. ita-2024"))
        elif key in uncited and key not in cited_in_notes:
            found.append(doc.problem(("footnotes", key), f"footnote {key!r} is never referenced",
                                     f"cite it as [^{key}] or remove it", Severity.WARNING))
    for loc, href in brief.link_targets():
        if warning := host_warning(href):
            found.append(doc.problem(loc, warning, "check the address; if it is right, write "
                                     "the host in one script", Severity.WARNING))
    folder = doc.path.parent.resolve()
    for loc, figure in brief.figures():
        image = (folder / figure.figure.image).resolve()
        where = (*loc, "figure", "image")
        if not image.is_relative_to(folder):
            found.append(doc.problem(where, f"{figure.figure.image!r} is outside the series folder",
                                     "put the image inside the series folder"))
        elif not image.is_file():
            found.append(doc.problem(where, f"image file {figure.figure.image!r} not found",
                                     f"put it in {folder.name}/ beside the brief, "
                                     "or correct the name"))
        elif refusal := _image_refusal(image, figure.figure.image):
            found.append(doc.problem(where, refusal.message, refusal.hint))
    return found


def _image_refusal(image: Path, shown: str) -> Refusal | None:
    """check_image's verdict, decoded once per file version: briefs of a series often
    share a chart or a logo, and decoding every pixel costs more than parsing a brief."""
    stat = image.stat()
    return _image_verdict(image, shown, stat.st_ino, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _image_verdict(image: Path, shown: str, inode: int, size: int,
                   mtime_ns: int) -> Refusal | None:
    try:
        check_image(image, shown)
    except Refusal as exc:
        return exc
    return None
