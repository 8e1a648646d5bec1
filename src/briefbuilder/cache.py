"""What a job depends on, hashed; and the manifest that remembers what was built from what."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from . import __version__
from .model.series import Edition

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
    """Hash of all a job depends on: brief, its images, series file, theme, briefbuilder.

    The brief and series files count as the bytes the loader parsed, not as they are now:
    an edit saved during the build is then seen by the next build.
    """
    digest = hashlib.sha256()
    for part in (package, fmt, theme_hash, str(edition.number), str(edition.total),
                 edition.brief.sha256, edition.series_sha256):
        digest.update(part.encode() + b"\0")
    folder = edition.path.parent
    images = sorted({folder / f.figure.image for _, f in edition.brief.figures()})
    _hash_files(digest, folder, images)
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """One output in the manifest."""

    brief: str
    lang: str
    format: str
    path: str
    sha256: str
    bytes: int
    pages: int | None
    content_hash: str


def read_manifest(out: Path) -> dict[str, Entry]:
    """The manifest's entries by path; empty when missing or unreadable."""
    try:
        raw = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return {e["path"]: Entry(**e) for e in raw["outputs"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def manifest_bytes(entries: dict[str, Entry]) -> bytes:
    outputs = [asdict(entries[path]) for path in sorted(entries)]
    text = json.dumps({"briefbuilder": __version__, "outputs": outputs}, indent=2,
                      ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def up_to_date(entry: Entry | None, output: Path, content_hash: str) -> bool:
    """True when output exists as the manifest recorded it, built from content_hash."""
    if entry is None or entry.content_hash != content_hash or not output.is_file():
        return False
    return output.stat().st_size == entry.bytes and sha256_file(output) == entry.sha256


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
