"""The one registry of output formats; writers are imported only when used."""

from __future__ import annotations

import io
from collections.abc import Callable
from importlib import import_module

from ..brand import Theme
from ..formats import FORMATS as FORMATS
from ..formats import SERIES_INDEX as SERIES_INDEX
from ..formats import WRITERS, check_formats
from ..formats import writer_module as writer_module
from ..model.series import Edition
from .bundle import MAIN

Writer = Callable[[Edition, Theme], bytes]

# The file extension of each format whose extension is not its name.
EXTENSIONS = {"print-shop": "print.pdf"}
PAGED = ("pdf", "print-shop")
# Formats whose writer returns a bundle (writers/bundle.py): a folder with an index.html.
BUNDLES = ("web", SERIES_INDEX)


def output_name(fmt: str, stem: str) -> str:
    """An output's path from its stem 'introduction.en': '….pdf', or '…/index.html' for web."""
    if fmt in BUNDLES:
        return f"{stem}/{MAIN}"
    return f"{stem}.{extension(fmt)}"


def extension(fmt: str) -> str:
    """The output file extension of a format: 'pdf', 'print.pdf'."""
    return EXTENSIONS.get(fmt, fmt)


def get_writer(fmt: str) -> Writer:
    """The writer function of a format, imported on first use."""
    check_formats([fmt])
    writer: Writer = getattr(import_module(writer_module(fmt)), WRITERS[fmt].split(":")[1])
    return writer


def count_pages(fmt: str, data: bytes) -> int | None:
    """Pages of a rendered output, where the format has pages of its own (PDF)."""
    if fmt not in PAGED:
        return None
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
