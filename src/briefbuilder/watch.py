"""`briefbuilder watch`: build, then rebuild on every saved change, until interrupted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from watchfiles import Change
from watchfiles import watch as watch_changes

from .themes import STYLES


def watch_roots(content: Path) -> list[Path]:
    """The content folder and the styles folders above it that themes come from."""
    roots = [content.resolve()]
    for folder in content.resolve().parents:
        if (folder / STYLES).is_dir():
            roots.append(folder / STYLES)
            break
    return roots


def watch(content: Path, out: Path, rebuild: Callable[[], int], console: Console) -> int:
    """Rebuild after each batch of changes; the incremental build redoes only affected jobs.

    Changes inside the output folder (and its staging folder) are the build's own and are
    ignored, so an output folder inside the content folder does not rebuild forever.
    """
    rebuild()
    roots = watch_roots(content)
    own = out.resolve()

    def is_input(change: Change, path: str) -> bool:
        return not Path(path).resolve().is_relative_to(own)

    console.print(f"watching {', '.join(map(str, roots))} (Ctrl-C to stop)")
    for changes in watch_changes(*roots, watch_filter=is_input, raise_interrupt=False):
        names = sorted({Path(path).name for _, path in changes})
        console.print(f"changed: {', '.join(names)}")
        rebuild()
    return 0
