"""A writer's several files as one value: a zip with fixed timestamps, names in order.

The web writer returns a bundle (a page and its fonts and images) through the
one writer signature; the build unpacks it into the edition's folder.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

MAIN = "index.html"  # the file a bundle is named after in the manifest
_EPOCH = (1980, 1, 1, 0, 0, 0)


def pack(files: dict[str, bytes]) -> bytes:
    """The files (relative POSIX path -> bytes) as a byte-reproducible zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def unpack(data: bytes) -> dict[str, bytes]:
    """The files of a bundle; a name that could leave the folder is a ValueError."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
    for name in files:
        if not stays_inside(name):
            raise ValueError(f"bundle member {name!r} leaves its folder")
    if MAIN not in files:
        raise ValueError(f"bundle has no {MAIN}")
    return files


def stays_inside(name: str) -> bool:
    """Whether a relative POSIX path names a place inside its folder."""
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name
