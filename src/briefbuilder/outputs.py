"""Writing outputs safely: atomic replacement via a staging folder, and one build at a time.

Temporary files live in a hidden staging folder inside the output folder
(``output/.briefbuilder-staging``), so the final rename never crosses file systems, even
when the output folder is a mount point. A build killed at any moment leaves nothing
partial among the outputs; its leftovers are removed when the next build starts.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from .errors import BuildError, Problem, UsageError

LOCK_NAME = ".briefbuilder.lock"
STAGING_NAME = ".briefbuilder-staging"
IN_THE_WAY = "remove or rename what is in the way in the output folder"


def staging_folder(out: Path) -> Path:
    return out / STAGING_NAME


def check_output_folder(out: Path, folders: list[Path]) -> None:
    """Raise UsageError when a content or series folder lies in the output folder's staging
    folder, which every build clears: the content would be deleted."""
    staging = staging_folder(out.resolve())
    for folder in folders:
        if folder.resolve().is_relative_to(staging):
            raise UsageError(f"{folder} is inside {staging}, the folder every build into "
                             f"--out {out} clears (rename the folder, or build into another "
                             "folder with --out)")


def series_output_name(folder: Path) -> str:
    """The name a series folder's outputs go under: its own name, also when it is named
    '.' or '..' on the command line."""
    return Path(os.path.abspath(folder)).name


def inside(out: Path, path: Path) -> bool:
    """True when path, with every link resolved, is inside the output folder out."""
    try:
        return path.resolve().is_relative_to(out.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a loop of links
        return False


def write_hint(exc: OSError, out: Path) -> str:
    """What to do about an output that cannot be written, chosen by the error's errno."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"free some space on the disk that holds {out}, or build into another " \
               "folder with --out"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"make {out} writable, or build into another folder with --out"
    if exc.errno in (errno.EISDIR, errno.ENOTDIR, errno.EEXIST, errno.ENOTEMPTY):
        return IN_THE_WAY
    return "check the output folder, or build into another folder with --out"


def write_atomic(path: Path, data: bytes, staging: Path) -> None:
    """Write data to path so that readers see the old file or the whole new one; the
    temporary file lives in staging, on the same file system as path."""
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
    from .writers.bundle import stays_inside  # not on a no-op's path

    for name in sorted(files, key=lambda name: name == main):
        write_atomic(folder / name, files[name], staging)
    for name in sorted(set(old) - set(files)):
        if stays_inside(name) and inside(folder, folder / name):
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
        _clear(staging_folder(self.out))  # a killed build's leftovers
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        _clear(staging_folder(self.out))
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _clear(staging: Path) -> None:
    """Remove the staging folder, or a link put in its place (never what it leads to)."""
    with contextlib.suppress(OSError):
        if staging.is_symlink():
            staging.unlink()
    shutil.rmtree(staging, ignore_errors=True)
