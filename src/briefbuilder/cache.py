"""What a job depends on, hashed; and the manifest that remembers what was built from what."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
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
    """Hash of all a job depends on: brief, its images, series file, theme, briefbuilder."""
    digest = hashlib.sha256()
    for part in (package, fmt, theme_hash,
                 str(edition.number), str(edition.total), " ".join(edition.languages)):
        digest.update(part.encode() + b"\0")
    folder = edition.path.parent
    images = sorted({folder / f.figure.image for _, f in edition.brief.figures()})
    _hash_files(digest, folder, [edition.path, folder / "series.yaml", *images])
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
    # a bundle's files (web): path relative to the output's folder -> sha256
    files: dict[str, str] = field(default_factory=dict)


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
    if output.stat().st_size != entry.bytes or sha256_file(output) != entry.sha256:
        return False
    return all(_has_file(output.parent / name, sha) for name, sha in entry.files.items())


def _has_file(path: Path, sha256: str) -> bool:
    return path.is_file() and sha256_file(path) == sha256


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
