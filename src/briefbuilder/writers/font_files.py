"""The brand's installed font files, and the per-user cache of static instances cut from
them. Neither imports WeasyPrint, so the Word writer and ``check`` stay light."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..brand_fonts import family_files
from ..errors import Problem, Refusal, ThemeError
from ..outputs import write_atomic
from ..sandbox import read_regular

# Part of every cache key: bump it when what is cut, or how an entry is stored, changes, so
# that an older entry is never served.
CACHE_FORMAT = 2
DIGEST = hashlib.sha256().digest_size  # each entry ends with the sha256 of what precedes it


def installed_family_files(name: str) -> list[Any]:
    """The font files of a brand family; ThemeError when it is not installed."""
    try:
        return family_files(name)
    except Refusal as exc:
        raise ThemeError(Problem(exc.message, field="fonts", hint=exc.hint)) from None


def cache_folder() -> Path | None:
    """The per-user folder of cached static font instances; None when there is no home."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec ignores relative paths
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "briefbuilder" / "font-instances"


def read_cached(path: Path) -> bytes | None:
    """A cached entry's bytes; None when it is missing, not a regular file (a link or a pipe
    is no entry), or damaged: its stored sha256 does not match."""
    try:
        data = read_regular(path) if not path.is_symlink() else b""
    except (OSError, ValueError):
        return None
    payload, digest = data[:-DIGEST], data[-DIGEST:]
    return payload if payload and hashlib.sha256(payload).digest() == digest else None


def cached(key: str, make: Callable[[], bytes]) -> bytes:
    """The per-user cache's entry `key` (a .ttf), else what make() returns, put there."""
    folder = cache_folder()
    path = folder / f"{key}.ttf" if folder else None
    data = read_cached(path) if path else None
    if data is None:
        data = make()
        if path:
            write_cached(path, data)
    return data


def write_cached(path: Path, data: bytes) -> None:
    """Write atomically, with the sha256 that read_cached checks; a cache that cannot be
    written is no error."""
    with contextlib.suppress(OSError):
        write_atomic(path, data + hashlib.sha256(data).digest(), path.parent)
