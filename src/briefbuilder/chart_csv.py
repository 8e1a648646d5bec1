"""A chart's data from a CSV file beside its brief: the first column holds the categories,
every other column is a series named by its header.

The file is read under the sandbox rule (inside the series folder, links resolved, a
regular file of bounded size). Mistakes inside it are Problems located in the CSV itself
(``votes.csv:4:2``: line and column number); the brief's own field only says that the file
cannot be used.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem, Severity
from .model.blocks import MAX_CATEGORIES, MAX_SERIES, ChartData, ChartSeries, CsvData
from .model.brief import Brief
from .places import Places
from .sandbox import NotAFile, allowed_file, linked_outside, not_a_file, read_regular

MAX_CSV_BYTES = 1_000_000  # a chart's table is a few hundred bytes; this is a spreadsheet dump
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


@dataclass
class CsvReader:
    """Reads the CSV files of one brief, collecting the Problems found inside them."""

    folder: Path  # the series folder, resolved
    problems: list[Problem] = field(default_factory=list)

    def __call__(self, name: str) -> ChartData:
        """The data of the file `name`; ValueError (said at the brief's field) if unusable."""
        path = self.folder / name
        outside = linked_outside(path, self.folder)
        if outside is not None:
            raise ValueError(f"{name!r} links to {outside}, outside the series folder "
                             "(copy the file into the series folder)")
        what = not_a_file(path)
        if what is not None:
            raise ValueError(f"{name!r} is {what}, not a regular file (save the data as a "
                             "CSV file)")
        real = allowed_file(path, [self.folder])
        if real is None:
            raise ValueError(f"data file {name!r} not found (put it in {self.folder.name}/ "
                             "beside the brief, or correct the name)")
        found: list[Problem] = []
        data = _read(path, name, found)
        self.problems += found
        if data is None or any(p.severity is Severity.ERROR for p in found):
            raise ValueError(f"the data in {name!r} cannot be used (fix the errors reported "
                             f"in {path})")
        return data


def _read(path: Path, name: str, found: list[Problem]) -> CsvData | None:
    """The file's data, or None with its Problems appended to found."""
    text = _text(path, found)
    if text is None:
        return None
    rows = _rows(text)
    if not rows:
        found.append(Problem("the file is empty", path, 1, 1, hint="write a header line "
                             "(category, then one series name per column) and the data"))
        return None
    (header_line, header), body = rows[0], rows[1:]
    if len(header) < 2:
        found.append(Problem("the header names no series", path, header_line, 1,
                             hint="add a column per series after the category column"))
    if not body:
        found.append(Problem("the file has a header but no rows of data, so every series is "
                             "empty", path, header_line, 1, hint="add a line per category"))
    for column, title in enumerate(header[1:], start=2):
        if not title.strip():
            found.append(Problem(f"column {column} has no series name", path, header_line,
                                 column, hint="name the series in the header line"))
    values = [_row(path, line, len(header), cells, found) for line, cells in body]
    if found:
        return None
    series = [ChartSeries(name=title.strip(), values=[row[i] for row in values])
              for i, title in enumerate(header[1:])]
    return CsvData(categories=[cells[0].strip() for _, cells in body], series=series,
                   file=name)


def _text(path: Path, found: list[Problem]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            found.append(Problem(f"the file is {size:,} bytes; the limit is {MAX_CSV_BYTES:,}",
                                 path, hint="keep only the chart's own table in it"))
            return None
        return read_regular(path).decode("utf-8-sig")
    except NotAFile as exc:
        found.append(Problem(f"the file is {exc.what}, not a regular file", path,
                             hint="replace it with the file itself"))
    except OSError as exc:
        found.append(Problem(f"cannot read the file: {exc.strerror}", path))
    except UnicodeDecodeError:
        found.append(Problem("the file is not UTF-8 text", path,
                             hint="save it as 'CSV UTF-8' from the spreadsheet"))
    return None


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows with the line each starts on; ';' separates cells when the
    first line has semicolons and no commas (a spreadsheet in a comma-decimal locale)."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append((line, cells))
        line = reader.line_num + 1
    return rows


def _row(path: Path, line: int, width: int, cells: list[str],
         found: list[Problem]) -> list[float]:
    """One data row's numbers (its category cell aside); Problems for cells that are not."""
    if len(cells) != width:
        found.append(Problem(f"the row has {len(cells)} cells but the header has {width}",
                             path, line, min(len(cells), width) + 1,
                             hint="give every row a category and one value per series"))
        return []
    if not cells[0].strip():
        found.append(Problem("the category is empty", path, line, 1,
                             hint="write the category's label in the first column"))
    numbers: list[float] = []
    for column, cell in enumerate(cells[1:], start=2):
        text = cell.strip()
        if not NUMBER.fullmatch(text):
            what = f"{text!r} is not a number" if text else "the value is missing"
            found.append(Problem(what, path, line, column,
                                 hint="write a number such as 12 or 3.5, without units"))
            continue
        numbers.append(float(text))
    return numbers


def chart_warnings(brief: Brief, places: Places) -> list[Problem]:
    """Charts with more series or categories than a reader can tell apart: warnings, at the
    CSV file's header or at the brief's data field."""
    found: list[Problem] = []
    for path, block in brief.charts():
        data = block.chart.data
        for count, limit, what in ((len(data.series), MAX_SERIES, "series"),
                                   (len(data.categories), MAX_CATEGORIES, "categories")):
            if count <= limit:
                continue
            message = f"the chart has {count} {what}; more than {limit} cannot be read"
            hint = "split it into several charts, or show the numbers as a table"
            if isinstance(data, CsvData):
                found.append(Problem(message, places.path.parent / data.file, 1, 1, "", hint,
                                     Severity.WARNING))
            else:
                found.append(places.problem((*path, "chart", "data", what), message, hint,
                                            Severity.WARNING))
    return found
