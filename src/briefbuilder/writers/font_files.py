"""The brand's installed font files, and the per-user cache of static instances cut from
them. Neither imports WeasyPrint, so the Word writer and ``check`` stay light."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from ..brand_fonts import family_files
from ..errors import Problem, Refusal, ThemeError
from ..outputs import write_atomic


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
    """A cached file's bytes; None when it is missing or unreadable."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def read_cached_font(path: Path) -> TTFont | None:
    """A cached font, parsed; None when it is missing, unreadable or not a font."""
    data = read_cached(path)
    if data is None:
        return None
    try:
        return TTFont(io.BytesIO(data))
    except Exception:  # fontTools raises many kinds on a damaged file
        return None


def write_cached(path: Path, data: bytes) -> None:
    """Write atomically; a cache that cannot be written is no error."""
    with contextlib.suppress(OSError):
        write_atomic(path, data, path.parent)
