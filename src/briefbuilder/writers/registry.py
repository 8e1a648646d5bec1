"""The one registry of output formats; writers are imported only when used."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..brand import Theme
from ..errors import UsageError
from ..model.series import Edition

Writer = Callable[[Edition, Theme], bytes]

# format -> "module:function"; every writer has the signature Writer.
WRITERS = {
    "pdf": "briefbuilder.writers.pdf:write_pdf",
    "docx": "briefbuilder.writers.docx:write_docx",
    "html": "briefbuilder.writers.html:write_html",
}
FORMATS = tuple(WRITERS)


def get_writer(fmt: str) -> Writer:
    """The writer function of a format, imported on first use."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")
    module, name = WRITERS[fmt].split(":")
    writer: Writer = getattr(import_module(module), name)
    return writer
