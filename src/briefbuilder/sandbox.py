"""The one rule for the files briefbuilder reads: inside the allowed folders, symlinks followed."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from pathlib import Path

from .errors import Problem, ThemeError


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


def linked_outside(path: Path, folder: Path) -> Path | None:
    """Where `path` really leads when it is named inside `folder` (resolved) but a link
    takes it outside; None when it stays inside, is missing, or is named outside."""
    named = Path(os.path.normpath(path.absolute()))
    if not named.is_relative_to(folder):
        return None
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return None if real.is_relative_to(folder) else real


def link_problem(path: Path, real: Path, kind: str) -> Problem:
    """A file of a theme or series folder that a link takes outside that folder."""
    return Problem(f"the file links to {real}, outside the {kind} folder", path,
                   hint=f"copy the file into the {kind} folder instead of linking to it")


def theme_file(folder: Path, name: str | Path) -> Path | None:
    """The real file `name` is in a (resolved) theme folder; None when there is no such file
    inside it; ThemeError when a link takes it outside the folder."""
    path = folder / name
    target = linked_outside(path, folder)
    if target is not None:
        raise ThemeError(link_problem(path, target, "theme"))
    return allowed_file(path, [folder])
