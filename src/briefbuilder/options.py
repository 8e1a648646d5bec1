"""What a build is asked to do (the command line's build options), without the build."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIME_LIMIT = 300.0
DEFAULT_MEMORY_LIMIT = 4 * 1024**3


@dataclass(frozen=True)
class Options:
    out: Path
    formats: tuple[str, ...]
    only: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    workers: int = os.cpu_count() or 1
    force: bool = False
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT


def select_formats(requested: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(requested or ("pdf", "docx")))
