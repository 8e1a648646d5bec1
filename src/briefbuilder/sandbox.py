"""The one rule for the files briefbuilder reads: inside the allowed folders, symlinks followed."""

from __future__ import annotations

import errno
import os
import stat
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


def not_a_file(path: Path) -> str | None:
    """What `path` is when it exists but is neither a regular file nor a folder (a named
    pipe, a link that leads nowhere, ...), else None; such a file would block or fail a read."""
    try:
        mode = path.stat().st_mode
    except (OSError, RuntimeError):
        return "a link that leads nowhere" if path.is_symlink() else None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    return "a socket" if stat.S_ISSOCK(mode) else "a device"


class NotAFile(OSError):
    """A path that is there but is not a regular file; `what` says what it is."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(errno.EINVAL, f"it is {what}, not a regular file", str(path))
        self.what = what


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file, opened without waiting, so that a named pipe or a device
    raises NotAFile instead of blocking the read forever."""
    with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise NotAFile(path, not_a_file(path) or "not a file")
        return handle.read()


def irregular_problem(path: Path, what: str) -> Problem:
    """A file of a theme or series folder that is there but cannot be read as a file."""
    return Problem(f"the file is {what}, not a regular file", path,
                   hint="replace it with the file itself")


def link_problem(path: Path, real: Path, kind: str) -> Problem:
    """A file of a theme or series folder that a link takes outside that folder."""
    return Problem(f"the file links to {real}, outside the {kind} folder", path,
                   hint=f"copy the file into the {kind} folder instead of linking to it")


def theme_file(folder: Path, name: str | Path) -> Path | None:
    """The real file `name` is in a (resolved) theme folder; None when there is no such file
    inside it; ThemeError when a link takes it outside the folder or it is no regular file."""
    path = folder / name
    target = linked_outside(path, folder)
    if target is not None:
        raise ThemeError(link_problem(path, target, "theme"))
    what = not_a_file(path)
    if what is not None:
        raise ThemeError(irregular_problem(path, what))
    return allowed_file(path, [folder])
