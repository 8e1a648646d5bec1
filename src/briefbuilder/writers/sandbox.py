"""The one rule for the files a render may read: inside the allowed folders, symlinks followed."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path


def allowed_file(path: Path, folders: Iterable[Path], files: Collection[Path] = ()) -> Path | None:
    """The real file `path` names if it is one of `files` or lies in a folder, else None.

    `folders` and `files` must already be resolved.
    """
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not real.is_file():
        return None
    if real in files or any(real.is_relative_to(folder) for folder in folders):
        return real
    return None
