"""The output formats and the module of each one's writer, named without importing any
writer: the command line checks --format with this alone."""

from __future__ import annotations

from importlib.util import find_spec

from .errors import UsageError

# format -> "module:function"; every writer has the signature writers.registry.Writer.
WRITERS = {
    "pdf": "briefbuilder.writers.pdf:write_pdf",
    "docx": "briefbuilder.writers.docx:write_docx",
    "html": "briefbuilder.writers.html:write_html",
    "print-shop": "briefbuilder.writers.pdf:write_print_shop_pdf",
    "web": "briefbuilder.writers.web:write_web",
}
FORMATS = tuple(WRITERS)
SERIES_INDEX = "web-index"  # the job of a series' index page (web), not a format of its own
# outputs that link the brief's other editions: only theirs change when one stops loading
LINKS_EDITIONS = frozenset({"web", SERIES_INDEX})


def writer_module(fmt: str) -> str:
    """The module that holds a format's writer."""
    return WRITERS[fmt].split(":")[0]


def check_formats(formats: list[str]) -> None:
    """Raise UsageError for a format that is unknown or whose writer is not installed."""
    for fmt in formats:
        if fmt not in WRITERS:
            raise UsageError(f"unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")
        if find_spec(writer_module(fmt)) is None:
            raise UsageError(f"format {fmt!r} has no writer in this version of briefbuilder")
