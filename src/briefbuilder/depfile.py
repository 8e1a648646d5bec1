"""The depfile, as in Ninja: what each job read, so that a rebuild can tell from file stats
alone that nothing changed, and then build nothing without parsing any YAML or importing
any model or writer.

It is kept in manifest.json under "depfile", written only after a build without problems:

    key      the options it was built with (content folder, formats, --only, --lang)
    package  briefbuilder's own files: name -> sha256, as the build used them
    series   per series folder: its YAML files' names (a brief added or removed is seen),
             its theme's name, folder and files, per job the files it read in the
             series folder (brief, series.yaml, images, data) with their sha256, and
             whether a job reads every brief (whole: the web index)
    stamps   path -> [size, mtime_ns, sha256] of the files whose stat vouches for their bytes

A file is hashed again only when its size or mtime differ from its stamp. A stamp is taken
only for a file last changed well before the build started (an input) or before the
manifest was written (an output): an edit saved during a build never hides behind a stamp.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .content_files import BRIEF_FILE, series_folders, yaml_files
from .errors import BriefbuilderError
from .sandbox import read_regular
from .theme_lookup import theme_folder

MANIFEST = "manifest.json"
PACKAGE = Path(__file__).resolve().parent
RACY_NS = 1_000_000_000  # a file changed this close to a stamp's moment gets no stamp

Json = dict[str, Any]


def folder_files(folder: Path) -> list[Path]:
    """Every file under folder that counts (none in __pycache__), in name order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@dataclass
class Stamps:
    """The files' sha256 known from an earlier build, trusted while their stat matches; the
    sha256 this run found (each file is hashed once); and the stamps this build takes."""

    known: Json = field(default_factory=dict)
    taken: Json = field(default_factory=dict)
    hashed: dict[str, str] = field(default_factory=dict)

    def current(self, path: Path) -> str:
        """The sha256 of the file as it is now ('' when it cannot be read)."""
        name = os.path.abspath(path)
        if name not in self.hashed:
            self.hashed[name] = self._sha256(name)
        return self.hashed[name]

    def _sha256(self, name: str) -> str:
        try:
            stat = os.stat(name)
        except OSError:
            return ""
        stamp = self.known.get(name)
        if isinstance(stamp, list) and stamp[:2] == [stat.st_size, stat.st_mtime_ns] \
                and len(stamp) == 3 and isinstance(stamp[2], str):
            return stamp[2]
        try:
            return hashlib.sha256(read_regular(Path(name))).hexdigest()
        except OSError:
            return ""

    def used(self, path: Path, before_ns: int, sha256: str | None = None) -> str:
        """The sha256 the build used (sha256 when given, else the one this run hashed, else
        the file's own if unchanged since before_ns, else '': changed); stamp the file when
        it last changed before before_ns."""
        sha256 = sha256 or self.hashed.get(os.path.abspath(path))
        try:
            stat = os.stat(path)
        except OSError:
            return sha256 or ""
        if stat.st_mtime_ns >= before_ns:
            return sha256 or ""
        sha256 = sha256 or self.current(path)
        self.taken[os.path.abspath(path)] = [stat.st_size, stat.st_mtime_ns, sha256]
        return sha256


class Within:
    """Whether files stay inside a folder with links resolved: no file may be a link, and
    each parent folder is resolved once (a no-op checks thousands of files)."""

    def __init__(self, folder: Path) -> None:
        self.root = os.path.realpath(folder)
        self.parents: dict[str, bool] = {}

    def __call__(self, path: Path) -> bool:
        parent = os.path.dirname(path)
        if parent not in self.parents:
            real = os.path.realpath(parent)
            self.parents[parent] = real == self.root or real.startswith(self.root + os.sep)
        return self.parents[parent] and not os.path.islink(path)


@dataclass(frozen=True)
class Fresh:
    """An output the depfile shows up to date: its name, size and pages."""

    relative: str
    size: int
    pages: int | None


@dataclass(frozen=True)
class Check:
    """What the depfile shows: the outputs up to date, and the brief files to parse for the
    others (every language of a stale job's brief; every brief of a series with an index)."""

    fresh: list[Fresh]
    stale: set[str]
    load: set[str]


@dataclass(frozen=True)
class Recording:
    """What a build needs to record its depfile: its options' key, the moment it started,
    the YAML files of each series folder as it started, the earlier build's stamps, and
    its depfile when this build parses only the briefs of stale jobs (to keep the rest)."""

    key: str
    started_ns: int
    listings: dict[str, list[str]]
    stamps: Stamps
    partial_of: Json = field(default_factory=dict)


def options_key(content: Path, formats: tuple[str, ...], only: tuple[str, ...],
                langs: tuple[str, ...]) -> str:
    return json.dumps([os.path.abspath(content), formats, only, langs])


def listings(folders: list[Path]) -> dict[str, list[str]]:
    """The YAML file names of each series folder, by absolute folder."""
    return {os.path.abspath(folder): [p.name for p in yaml_files(folder)] for folder in folders}


def read_depfile(out: Path) -> tuple[Json, list[Json]]:
    """The depfile and the output entries of the manifest in out ({} when there is none or it
    cannot be read: the manifest itself is checked by the full build)."""
    try:
        manifest = json.loads(read_regular(out / MANIFEST))
        depfile = manifest.get("depfile") if manifest.get("briefbuilder") == __version__ else None
        if isinstance(depfile, dict) and isinstance(depfile.get("stamps"), dict) \
                and isinstance(manifest.get("outputs"), list):
            return depfile, manifest["outputs"]
    except (OSError, ValueError, AttributeError, RecursionError):
        pass
    return {}, []


def check_outputs(out: Path, content: Path, key: str, depfile: Json,
                  outputs: list[Json]) -> Check | None:
    """Which outputs of the last build are up to date and what to parse for the others, when
    it was built with these options from the same files, theme and briefbuilder; None when
    everything must be loaded again (or the depfile is damaged)."""
    if not depfile or depfile.get("key") != key:
        return None
    try:
        return _check(out, content, depfile, {e["path"]: e for e in outputs})
    except (OSError, KeyError, TypeError, ValueError, AttributeError, BriefbuilderError):
        return None


def _check(out: Path, content: Path, depfile: Json, entries: dict[str, Json]) -> Check | None:
    stamps = Stamps(depfile["stamps"])
    groups = depfile["series"]
    if listings(series_folders(content)) != {group["folder"]: group["files"] for group in groups} \
            or not _same_files(PACKAGE, depfile["package"], stamps):
        return None
    check = Check([], set(), set())
    in_out = Within(out)
    for group in groups:
        folder = Path(group["folder"])
        in_folder = Within(folder)
        theme = theme_folder(group["theme"], folder)
        if theme is None or str(theme) != group["theme_folder"] \
                or not _same_files(theme, group["theme_files"], stamps):
            return None
        for relative, inputs in group["jobs"].items():
            entry = entries.get(relative)
            if entry is not None and _same_inputs(folder, inputs, stamps, in_folder) \
                    and _same_output(out, entry, stamps, in_out):
                check.fresh.append(Fresh(relative, entry["bytes"], entry["pages"]))
                continue
            check.stale.add(relative)
            briefs = {name.split(".")[0] for name in inputs if BRIEF_FILE.match(name)}
            check.load.update(str(folder / name) for name in group["files"]
                              if group["whole"] or name.split(".")[0] in briefs)
    return check


def _same_files(folder: Path, recorded: dict[str, str], stamps: Stamps) -> bool:
    """The folder holds exactly the recorded files, each with its recorded bytes."""
    files = folder_files(folder)
    return [str(p.relative_to(folder)) for p in files] == list(recorded) and all(
        stamps.current(p) == recorded[str(p.relative_to(folder))] for p in files)


def _same_inputs(folder: Path, inputs: dict[str, str], stamps: Stamps,
                 in_folder: Within) -> bool:
    """The job's files in its series folder have the bytes it used (the series folder's
    files are plain files, as the loader requires)."""
    return all(in_folder(folder / name) and stamps.current(folder / name) == sha
               for name, sha in inputs.items())


def _same_output(out: Path, entry: Json, stamps: Stamps, in_out: Within) -> bool:
    """The output (and a bundle's files) is on disk as the manifest recorded it."""
    output = out / entry["path"]
    files = {output: entry["sha256"]}
    files.update({output.parent / name: sha for name, sha in entry.get("files", {}).items()})
    return entry.get("stale") is None and all(
        in_out(path) and stamps.current(path) == sha for path, sha in files.items())
