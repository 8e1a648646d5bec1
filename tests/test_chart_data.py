"""Chart data, inline or from a CSV file beside the brief: what loads, and every mistake
located in the file that holds it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefbuilder.cache import job_hash
from briefbuilder.errors import Severity
from briefbuilder.loader import load_project
from briefbuilder.model.blocks import ChartBody, ChartData, CsvData

from .conftest import MakeSeries
from .test_build import built
from .test_cli import cli

HEAD = "title: T\ndate: 2024-09-01\nsections:\n  - body:\n"
INLINE = HEAD + """\
      - chart:
          kind: line
          title: Votes per quarter
          alt: Votes rose from 12 to 55.
          data:
            categories: [Q1, Q2, Q3, Q4]
            series:
              - name: Votes held
                values: [12, 30, 41, 55]
"""
FROM_CSV = HEAD + """\
      - chart:
          title: Votes per quarter
          alt: Votes rose from 12 to 55.
          data: votes.csv
"""
VOTES = "Quarter,Votes held,Contracts approved\nQ1,12,10\nQ2,30,27\nQ3,41,38.5\nQ4,55,50\n"


def messages(folder: Path) -> list[str]:
    return [str(p).replace(f"{folder}/", "") for p in load_project(folder).problems]


def chart_of(folder: Path) -> ChartBody:
    (edition,) = load_project(folder).editions()
    ((_, chart),) = edition.brief.charts()
    return chart.chart


def test_inline_data_loads(make_series: MakeSeries) -> None:
    chart = chart_of(make_series({"b.en.yaml": INLINE}))
    assert chart.kind == "line"
    assert chart.data == ChartData.model_validate(
        {"categories": ["Q1", "Q2", "Q3", "Q4"],
         "series": [{"name": "Votes held", "values": [12, 30, 41, 55]}]})


def test_csv_data_loads_with_series_named_by_the_header(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": FROM_CSV, "votes.csv": VOTES})
    chart = chart_of(folder)
    assert isinstance(chart.data, CsvData)
    assert chart.data.file == "votes.csv"
    assert chart.data.categories == ["Q1", "Q2", "Q3", "Q4"]
    assert [(s.name, s.values) for s in chart.data.series] == [
        ("Votes held", [12, 30, 41, 55]), ("Contracts approved", [10, 27, 38.5, 50])]
    assert messages(folder) == []


def test_a_semicolon_csv_with_a_bom_and_blank_lines_loads(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": FROM_CSV,
                          "votes.csv": "\ufeffQuarter;Votes\n\nQ1;12\nQ2;-3.5\n"})
    assert [s.values for s in chart_of(folder).data.series] == [[12, -3.5]]


CSV_CASES = {
    "not a number": (
        "Quarter,Votes,Approved\nQ1,12,10\nQ2,30,27\nQ3,n/a,38\n",
        "votes.csv:4:2: 'n/a' is not a number (write a number such as 12 or 3.5, without "
        "units)"),
    "missing value": (
        "Quarter,Votes\nQ1,12\nQ2,\n",
        "votes.csv:3:2: the value is missing (write a number such as 12 or 3.5, without "
        "units)"),
    "short row": (
        "Quarter,Votes,Approved\nQ1,12,10\nQ2,30\n",
        "votes.csv:3:3: the row has 2 cells but the header has 3 (give every row a category "
        "and one value per series)"),
    "header only: every series empty": (
        "Quarter,Votes\n",
        "votes.csv:1:1: the file has a header but no rows of data, so every series is empty "
        "(add a line per category)"),
    "no series column": (
        "Quarter\nQ1\n",
        "votes.csv:1:1: the header names no series (add a column per series after the "
        "category column)"),
    "unnamed series": (
        "Quarter,,Approved\nQ1,1,2\n",
        "votes.csv:1:2: column 2 has no series name (name the series in the header line)"),
    "empty file": (
        "\n",
        "votes.csv:1:1: the file is empty (write a header line (category, then one series "
        "name per column) and the data)"),
    "not UTF-8": (
        b"Quarter,Votos\nA\xf1o,1\n",
        "votes.csv: the file is not UTF-8 text (save it as 'CSV UTF-8' from the spreadsheet)"),
}


@pytest.mark.parametrize("case", list(CSV_CASES))
def test_a_mistake_in_the_csv_is_located_in_it(make_series: MakeSeries, case: str) -> None:
    text, expected = CSV_CASES[case]
    folder = make_series({"b.en.yaml": FROM_CSV, "votes.csv": text})
    assert messages(folder) == [
        expected,
        "b.en.yaml:8:11: sections[0].body[0].chart.data: the data in 'votes.csv' cannot be used "
        "(fix the errors reported in votes.csv)"]
    assert load_project(folder).editions() == []


FILE_CASES = {
    "missing": (
        None,
        "b.en.yaml:8:11: sections[0].body[0].chart.data: data file 'votes.csv' not found "
        "(put it in s/ beside the brief, or correct the name)"),
    "a folder": (
        "folder",
        "b.en.yaml:8:11: sections[0].body[0].chart.data: data file 'votes.csv' not found "
        "(put it in s/ beside the brief, or correct the name)"),
    "a named pipe": (
        "fifo",
        "b.en.yaml:8:11: sections[0].body[0].chart.data: 'votes.csv' is a named pipe, not a "
        "regular file (save the data as a CSV file)"),
}


@pytest.mark.parametrize("case", list(FILE_CASES))
def test_a_data_file_that_cannot_be_read(make_series: MakeSeries, case: str) -> None:
    kind, expected = FILE_CASES[case]
    folder = make_series({"b.en.yaml": FROM_CSV})
    if kind == "folder":
        (folder / "votes.csv").mkdir()
    elif kind == "fifo":
        os.mkfifo(folder / "votes.csv")
    assert messages(folder) == [expected]


def test_a_csv_linking_outside_the_series_folder(make_series: MakeSeries,
                                                 tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": FROM_CSV})
    (tmp_path / "secret.csv").write_text(VOTES, encoding="utf-8")
    (folder / "votes.csv").symlink_to(tmp_path / "secret.csv")
    assert messages(folder) == [
        "b.en.yaml:8:11: sections[0].body[0].chart.data: 'votes.csv' links to "
        f"{tmp_path.resolve()}/secret.csv, outside the series folder (copy the file into the "
        "series folder)"]


@pytest.mark.parametrize(("name", "expected"), [
    ("../votes.csv", "'../votes.csv' points outside the series folder; put the data file "
                     "inside it and use a relative path"),
    ("/etc/votes.csv", "'/etc/votes.csv' points outside the series folder; put the data file "
                       "inside it and use a relative path"),
    ("votes.xlsx", "'votes.xlsx' is not a .csv file (save the data as CSV, or write "
                   "categories: and series: here)"),
])
def test_a_data_file_name_outside_the_folder_or_not_csv(make_series: MakeSeries, name: str,
                                                        expected: str) -> None:
    folder = make_series({"b.en.yaml": FROM_CSV.replace("votes.csv", name)})
    assert messages(folder) == [f"b.en.yaml:8:11: sections[0].body[0].chart.data: {expected}"]


INLINE_CASES = {
    "series longer than the categories": (
        INLINE.replace("[12, 30, 41, 55]", "[12, 30, 41, 55, 60]"),
        "b.en.yaml:9:11: sections[0].body[0].chart.data: series[0] (Votes held) has 5 values "
        "but there are 4 categories (give one value per category)"),
    "empty series": (
        INLINE.replace("[12, 30, 41, 55]", "[]"),
        "b.en.yaml:13:17: sections[0].body[0].chart.data.series[0].values: the series has no "
        "values (give one number per category)"),
    "a word for a number": (
        INLINE.replace("[12, 30, 41, 55]", "[12, n/a, 41, 55]"),
        "b.en.yaml:13:30: sections[0].body[0].chart.data.series[0].values[1]: input should be "
        "a valid number, unable to parse string as a number (one number per category, e.g. "
        "[12, 30, 41, 55])"),
    "no alt text": (
        INLINE.replace("          alt: Votes rose from 12 to 55.\n", ""),
        "b.en.yaml:5:9: sections[0].body[0].chart.alt: field required (say what the chart "
        "shows for screen readers)"),
    "blank alt text": (
        INLINE.replace("Votes rose from 12 to 55.", "' '"),
        "b.en.yaml:8:11: sections[0].body[0].chart.alt: alt text is empty (describe the chart "
        "for screen readers)"),
    "unknown kind": (
        INLINE.replace("kind: line", "kind: pie"),
        "b.en.yaml:6:11: sections[0].body[0].chart.kind: input should be 'column', 'bar', "
        "'line', 'stacked-column' or 'stacked-bar' (use one of the values listed)"),
}


@pytest.mark.parametrize("case", list(INLINE_CASES))
def test_a_mistake_in_inline_data_is_located_in_the_brief(make_series: MakeSeries,
                                                          case: str) -> None:
    text, expected = INLINE_CASES[case]
    assert messages(make_series({"b.en.yaml": text})) == [expected]


def test_too_many_series_or_categories_is_a_warning(make_series: MakeSeries) -> None:
    header = "Year," + ",".join(f"S{n}" for n in range(13)) + "\n"
    rows = "".join(f"{2000 + y}," + ",".join(["1"] * 13) + "\n" for y in range(61))
    folder = make_series({"b.en.yaml": FROM_CSV, "votes.csv": header + rows})
    problems = load_project(folder).problems
    assert [p.severity for p in problems] == [Severity.WARNING] * 2
    assert messages(folder) == [
        "votes.csv:1:1: warning: the chart has 13 series; more than 12 cannot be read (split "
        "it into several charts, or show the numbers as a table)",
        "votes.csv:1:1: warning: the chart has 61 categories; more than 60 cannot be read "
        "(split it into several charts, or show the numbers as a table)"]
    assert len(load_project(folder).editions()) == 1


def test_too_many_inline_series_is_a_warning_at_the_field(make_series: MakeSeries) -> None:
    series = "".join(f"              - {{name: S{n}, values: [1, 2, 3, 4]}}\n"
                     for n in range(13))
    text = INLINE.split("              - name")[0] + series
    assert messages(make_series({"b.en.yaml": text})) == [
        "b.en.yaml:11:13: warning: sections[0].body[0].chart.data.series: the chart has 13 "
        "series; more than 12 cannot be read (split it into several charts, or show the "
        "numbers as a table)"]


def test_an_edited_csv_changes_the_job_hash(make_series: MakeSeries) -> None:
    """The CSV is an input of its brief's jobs: editing it makes the outputs stale."""
    folder = make_series({"b.en.yaml": FROM_CSV, "votes.csv": VOTES})
    before = job_hash(load_project(folder).editions()[0], "pdf", "theme", "package")
    (folder / "votes.csv").write_text(VOTES.replace("55", "56"), encoding="utf-8")
    edition = load_project(folder).editions()[0]
    assert edition.brief.files() == ["votes.csv"]
    assert job_hash(edition, "pdf", "theme", "package") != before


TWO = "id: s\ntitle: S\nbriefs: [b, c]\n"


def test_an_edited_csv_rebuilds_its_brief_and_only_it(make_series: MakeSeries,
                                                      tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": FROM_CSV, "c.en.yaml": INLINE, "votes.csv": VOTES},
                         series=TWO)
    out = tmp_path / "out"
    build = ("build", folder, "--out", out, "--format", "html", "-v")
    assert built(cli(*build)) == ["s/b.en.html", "s/c.en.html"]
    assert built(cli(*build)) == []
    (folder / "votes.csv").write_text(VOTES.replace("Q4,55", "Q4,56"), encoding="utf-8")
    assert built(cli(*build)) == ["s/b.en.html"]
    assert '<td class="category">Q4</td><td>56</td>' in (out / "s" / "b.en.html").read_text()


def test_a_bad_csv_fails_check_and_its_brief_only(make_series: MakeSeries,
                                                  tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": FROM_CSV, "c.en.yaml": INLINE,
                          "votes.csv": VOTES.replace("Q3,41", "Q3,n/a")}, series=TWO)
    checked = cli("check", folder)
    assert checked.returncode == 1
    assert f"{folder}/votes.csv:4:2: 'n/a' is not a number (write a number such as 12 or 3.5, " \
           "without units)" in checked.stderr
    assert "Traceback" not in checked.stderr
    out = tmp_path / "out"
    result = cli("build", folder, "--out", out, "--format", "html")
    assert result.returncode == 1
    assert sorted(p.name for p in (out / "s").iterdir()) == ["c.en.html"]
