"""The .docx bytes, reproducible: stable entry order, fixed timestamps and attributes."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

FIRST = ("[Content_Types].xml", "_rels/.rels")  # where readers look first
EARLIEST = dt.datetime(1980, 1, 1)  # zip timestamps start here


def docx_bytes(document: Any, when: dt.datetime) -> bytes:
    """Save `document` and rewrite the zip so that the same document gives the same bytes."""
    saved = BytesIO()
    document.save(saved)
    return rezip(saved.getvalue(), when)


def rezip(data: bytes, when: dt.datetime) -> bytes:
    """The same entries, in a fixed order, each stamped `when` with fixed attributes."""
    stamp = max(when, EARLIEST).timetuple()[:6]
    out = BytesIO()
    with ZipFile(BytesIO(data)) as source, ZipFile(out, "w") as target:
        names = sorted(source.namelist(), key=lambda n: (n not in FIRST, FIRST.index(n)
                                                         if n in FIRST else 0, n))
        for name in names:
            info = ZipInfo(name, date_time=stamp)
            info.compress_type = ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
