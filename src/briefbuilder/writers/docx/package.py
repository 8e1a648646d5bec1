"""The .docx bytes, reproducible: stable entry order, fixed timestamps and attributes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from docx.opc.pkgwriter import PackageWriter

from .font_table_part import OBFUSCATED_FONT
from .stable_zip import zip_bytes

FIRST = ("[Content_Types].xml", "_rels/.rels")  # where readers look first
# python-docx's writer, whose steps write each entry to whatever has a write(uri, blob).
WRITER: Any = PackageWriter


class _Entries(dict[str, bytes]):
    """The package's entries by zip name, written to as python-docx writes a zip."""

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self[pack_uri.membername] = blob


def docx_bytes(document: Any, when: dt.datetime) -> bytes:
    """The document's package as a zip whose bytes depend on its parts and `when` only:
    the entries python-docx would save, in a fixed order, each stamped `when`."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    entries = _Entries()
    WRITER._write_content_types_stream(entries, parts)
    WRITER._write_pkg_rels(entries, package.rels)
    WRITER._write_parts(entries, parts)
    fonts = {part.partname.membername for part in parts if part.content_type == OBFUSCATED_FONT}
    return zip_bytes(((name, entries[name], name in fonts) for name in package_order(entries)),
                     when)


def package_order(names: Iterable[str]) -> list[str]:
    """The content types and the package relationships first, then the rest by name."""
    return sorted(names, key=lambda n: (n not in FIRST, FIRST.index(n) if n in FIRST else 0, n))
