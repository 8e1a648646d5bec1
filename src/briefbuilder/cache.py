"""What a job depends on, hashed; and the manifest that remembers what was built from what."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import __version__
from .content_files import SERIES_FILE
from .depfile import MANIFEST as MANIFEST
from .depfile import PACKAGE, RACY_NS, Json, Recording, Stamps, folder_files
from .errors import Problem, Severity
from .formats import LINKS_EDITIONS
from .model.series import Edition
from .outputs import inside
from .places import format_path
from .sandbox import read_regular
from .writers.bundle import MAIN, stays_inside

if TYPE_CHECKING:
    from .build import Job


def _hash_files(digest: hashlib._Hash, root: Path, files: list[Path], stamps: Stamps) -> None:
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        sha256 = stamps.current(path) or hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(bytes.fromhex(sha256))


def folder_hash(folder: Path, stamps: Stamps | None = None) -> str:
    """Hash of every file under folder (names and bytes), e.g. a theme or the package; each
    file hashed through stamps (once; not at all while an earlier build's stamp holds)."""
    digest = hashlib.sha256()
    _hash_files(digest, folder, folder_files(folder), stamps or Stamps())
    return digest.hexdigest()


def package_hash(stamps: Stamps | None = None) -> str:
    """briefbuilder's version and its own files (code, templates), hashed."""
    return f"{__version__}:{folder_hash(PACKAGE, stamps)}"


def job_hash(edition: Edition, fmt: str, theme_hash: str, package: str,
             stamps: Stamps | None = None) -> str:
    """Hash of all a job depends on: brief, its files (images, chart data), series file,
    theme, briefbuilder, and for the web the other editions it links to.

    The brief and series files count as the bytes the loader parsed, not as they are now:
    an edit saved during the build is then seen by the next build.
    """
    digest = hashlib.sha256()
    languages = " ".join(edition.languages) if fmt in LINKS_EDITIONS else ""
    for part in (package, fmt, theme_hash, str(edition.number), str(edition.total),
                 edition.brief.sha256, edition.series_sha256, languages):
        digest.update(part.encode() + b"\0")
    _hash_files(digest, edition.path.parent, asset_files(edition), stamps or Stamps())
    return digest.hexdigest()


def asset_files(edition: Edition) -> list[Path]:
    """The files a job reads beside its brief and series.yaml (images, chart data), in name
    order."""
    folder = edition.path.parent
    return [folder / name for name in edition.brief.files()]


class Entry(BaseModel):
    """One output in the manifest; stale says why a kept file no longer matches its content."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    brief: str
    lang: str
    format: str
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    bytes: int = Field(ge=0)
    pages: int | None = Field(ge=0)
    content_hash: str
    stale: str | None = None
    # a bundle's files (web): path relative to the output's folder -> sha256
    files: dict[str, str] = {}

    @field_validator("path")
    @classmethod
    def _series_and_file(cls, path: str) -> str:
        """<series>/<file>, as the build names outputs: never absolute, '.' or '..'."""
        parts = PurePosixPath(path).parts
        web_page = len(parts) == 3 and parts[2] == MAIN  # <series>/<brief>.<lang>/index.html
        if (len(parts) != 2 and not web_page) or str(PurePosixPath(*parts)) != path \
                or {".", ".."} & set(parts):
            raise ValueError("an output is named <series>/<file> inside the output folder")
        return path

    @field_validator("files")
    @classmethod
    def _inside_the_page_folder(cls, files: dict[str, str]) -> dict[str, str]:
        """A bundle's files are named relative to its folder, and stay inside it."""
        for name in files:
            if not stays_inside(name):
                raise ValueError(f"{name!r} leaves the output's folder")
        return files


class Manifest(BaseModel):
    """manifest.json: what was built from what, by which version of briefbuilder."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    briefbuilder: str
    outputs: list[Entry]
    depfile: dict[str, Any] | None = None  # depfile.py reads it; the build only writes it


def read_manifest(out: Path) -> tuple[dict[str, Entry], list[Problem]]:
    """The manifest's entries by path. A damaged manifest counts as none, with a warning."""
    path = out / MANIFEST
    if not inside(out, path):
        return {}, [_damaged(path, "it leads outside the output folder")]
    try:
        manifest = Manifest.model_validate_json(read_regular(path))
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [_damaged(path, f"cannot read it: {exc.strerror}")]
    except ValidationError as exc:
        error = exc.errors()[0]
        where = format_path(tuple(error["loc"]))
        return {}, [_damaged(path, f"{where}: {error['msg']}" if where else error["msg"])]
    for entry in manifest.outputs:
        if not inside(out, out / entry.path):
            return {}, [_damaged(path, f"{entry.path} leads outside the output folder")]
    return {entry.path: entry for entry in manifest.outputs}, []


def _damaged(path: Path, detail: str) -> Problem:
    return Problem(f"the manifest is damaged ({detail})", path,
                   hint="it is ignored: every output is built again and the manifest rewritten",
                   severity=Severity.WARNING)


def manifest_bytes(entries: dict[str, Entry], depfile: Json | None = None) -> bytes:
    outputs = [entries[path].model_dump() for path in sorted(entries)]
    manifest: Json = {"briefbuilder": __version__, "outputs": outputs}
    if depfile is not None:
        manifest["depfile"] = depfile
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def record(recording: Recording, jobs: list[Job], entries: dict[str, Entry],
           out: Path) -> Json | None:
    """The depfile of a build whose every job is recorded in entries (None if one is not).

    A partial build keeps the earlier depfile's record of the jobs it did not plan."""
    stamps = recording.stamps
    inputs_before = recording.started_ns - RACY_NS
    outputs_before = time.time_ns() - RACY_NS
    groups = _kept_groups(recording.partial_of, {job.relative for job in jobs})
    for group in groups.values():  # the check found these jobs' inputs unchanged
        for inputs in group["jobs"].values():
            for name, sha in inputs.items():
                stamps.used(Path(group["folder"]) / name, inputs_before, sha)
    recorded: set[str] = set()  # the series folders whose theme this build recorded
    for job in jobs:
        folder = os.path.abspath(job.edition.path.parent)
        if folder not in recording.listings:
            return None
        group = groups.setdefault(folder, {"folder": folder, "jobs": {}, "whole": False})
        if folder not in recorded:
            recorded.add(folder)
            group.update(files=recording.listings[folder], theme=job.edition.series.theme,
                         theme_folder=str(job.theme_folder),
                         theme_files=_used_files(job.theme_folder, stamps, inputs_before))
        group["whole"] = group["whole"] or bool(job.editions)
        group["jobs"][job.relative] = _job_inputs(job, stamps, inputs_before)
    for group in groups.values():
        group["jobs"] = dict(sorted(group["jobs"].items()))
        for relative in group["jobs"]:
            if relative not in entries:
                return None
            _stamp_output(out / relative, entries[relative], stamps, outputs_before)
    return {"key": recording.key, "package": _used_files(PACKAGE, stamps, inputs_before),
            "series": [groups[folder] for folder in sorted(groups)],
            "stamps": dict(sorted(stamps.taken.items()))}


def _kept_groups(previous: Json, planned: set[str]) -> dict[str, Json]:
    """The earlier depfile's series records, without the jobs planned again."""
    return {group["folder"]: {**group, "jobs": {
        name: inputs for name, inputs in group["jobs"].items() if name not in planned}}
        for group in previous.get("series", [])}


def _stamp_output(output: Path, entry: Entry, stamps: Stamps, before_ns: int) -> None:
    """Stamp an output (and a bundle's files) with the sha256 the manifest records."""
    stamps.used(output, before_ns, entry.sha256)
    for name, sha in entry.files.items():
        stamps.used(output.parent / name, before_ns, sha)


def _used_files(folder: Path, stamps: Stamps, before_ns: int) -> dict[str, str]:
    return {str(p.relative_to(folder)): stamps.used(p, before_ns) for p in folder_files(folder)}


def _job_inputs(job: Job, stamps: Stamps, before_ns: int) -> dict[str, str]:
    """The files a job read in its series folder, with the sha256 of the bytes it used."""
    folder = job.edition.path.parent
    inputs = {SERIES_FILE: stamps.used(folder / SERIES_FILE, before_ns,
                                       job.edition.series_sha256)}
    for edition in job.editions or (job.edition,):
        inputs[edition.path.name] = stamps.used(edition.path, before_ns, edition.brief.sha256)
        for path in asset_files(edition):
            inputs[str(path.relative_to(folder))] = stamps.used(path, before_ns)
    return dict(sorted(inputs.items()))


def up_to_date(entry: Entry | None, output: Path, content_hash: str) -> bool:
    """True when output exists as the manifest recorded it, built from content_hash."""
    if entry is None or entry.stale is not None or entry.content_hash != content_hash \
            or not output.is_file():
        return False
    if output.stat().st_size != entry.bytes or sha256_file(output) != entry.sha256:
        return False
    return all(_has_file(output.parent / name, sha) for name, sha in entry.files.items())


def _has_file(path: Path, sha256: str) -> bool:
    return path.is_file() and sha256_file(path) == sha256


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
