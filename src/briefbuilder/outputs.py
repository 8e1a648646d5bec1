"""Writing outputs safely: atomic replacement via a staging folder, and one build at a time.

Temporary files live in a staging folder beside the output folder (``.output.staging``
for ``output/``), on the same file system, so a build killed at any moment leaves
nothing partial inside the output folder; leftovers are removed by the next build.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from .errors import BuildError, Problem
from .writers.bundle import stays_inside

LOCK_NAME = ".briefbuilder.lock"


def staging_folder(out: Path) -> Path:
    return out.resolve().parent / f".{out.resolve().name}.staging"


def write_atomic(path: Path, data: bytes, staging: Path) -> None:
    """Write data to path so that readers see the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{path.name}.", suffix=".part", dir=staging)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bundle(folder: Path, files: dict[str, bytes], main: str, old: Iterable[str],
                 staging: Path) -> None:
    """Write a bundle's files into folder, each atomically and its main file last, so a
    reader never finds a page without its assets; then remove the old bundle's other files.

    Assets are named by their content, so the old page keeps its own until it is replaced.
    """
    for name in sorted(files, key=lambda name: name == main):
        write_atomic(folder / name, files[name], staging)
    for name in sorted(set(old) - set(files)):
        if stays_inside(name):
            (folder / name).unlink(missing_ok=True)


class OutputLock:
    """An exclusive lock on an output folder, released when the process ends."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise BuildError(Problem(
                f"cannot write to the output folder {self.out}: {exc.strerror}",
                hint="name a folder you may write to with --out")) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise BuildError(Problem(
                f"another build is writing to {self.out}", self.out / LOCK_NAME,
                hint="wait for it to finish, or build into another folder with --out")) from None
        self._fd = fd
        shutil.rmtree(staging_folder(self.out), ignore_errors=True)  # a killed build's leftovers
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        shutil.rmtree(staging_folder(self.out), ignore_errors=True)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
