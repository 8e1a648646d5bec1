"""What a job depends on, hashed; and the manifest that remembers what was built from what."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import __version__
from .errors import Problem, Severity
from .model.series import Edition
from .outputs import inside
from .places import format_path
from .sandbox import read_regular
from .writers.bundle import MAIN, stays_inside

MANIFEST = "manifest.json"
PACKAGE = Path(__file__).resolve().parent


def _hash_files(digest: hashlib._Hash, root: Path, files: list[Path]) -> None:
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def folder_hash(folder: Path) -> str:
    """Hash of every file under folder (names and bytes), e.g. a theme or the package."""
    digest = hashlib.sha256()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    _hash_files(digest, folder, files)
    return digest.hexdigest()


def package_hash() -> str:
    """briefbuilder's version and its own files (code, templates), hashed."""
    return f"{__version__}:{folder_hash(PACKAGE)}"


def job_hash(edition: Edition, fmt: str, theme_hash: str, package: str) -> str:
    """Hash of all a job depends on: brief, its files (images, chart data), series file,
    theme, briefbuilder.

    The brief and series files count as the bytes the loader parsed, not as they are now:
    an edit saved during the build is then seen by the next build.
    """
    digest = hashlib.sha256()
    for part in (package, fmt, theme_hash, str(edition.number), str(edition.total),
                 edition.brief.sha256, edition.series_sha256, " ".join(edition.languages)):
        digest.update(part.encode() + b"\0")
    folder = edition.path.parent
    _hash_files(digest, folder, [folder / name for name in edition.brief.files()])
    return digest.hexdigest()


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


def manifest_bytes(entries: dict[str, Entry]) -> bytes:
    outputs = [entries[path].model_dump() for path in sorted(entries)]
    text = json.dumps({"briefbuilder": __version__, "outputs": outputs}, indent=2,
                      ensure_ascii=False)
    return (text + "\n").encode("utf-8")


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
