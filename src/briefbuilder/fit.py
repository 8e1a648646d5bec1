"""Content the theme cannot print, found before anything is written: each problem is
located in the brief file (line:column) where the loader read it.

Every writer calls check_fit first, so the PDF, the HTML and the Word draft refuse
the same content with the same message.
"""

from __future__ import annotations

from .brand import Brand
from .errors import ContentError, Problem
from .model.series import Edition

WIDE_TABLE_HINT = ("split it into narrower tables, or turn rows into a list; a theme can raise "
                   "tables.max_columns in its brand.yaml")


def fit_problems(edition: Edition, brand: Brand) -> list[Problem]:
    """Every table wider than the theme allows (brand ``tables.max_columns``)."""
    limit = brand.tables.max_columns
    wide = [(path, len(table.table.header)) for path, table in edition.brief.tables()
            if len(table.table.header) > limit]
    return [edition.problem((*path, "table"), f"the table has {columns} columns; the theme "
                            f"allows at most {limit} on the page", WIDE_TABLE_HINT)
            for path, columns in wide]


def check_fit(edition: Edition, brand: Brand) -> None:
    """Raise ContentError naming every part of the edition the theme cannot print."""
    problems = fit_problems(edition, brand)
    if problems:
        raise ContentError(problems)

