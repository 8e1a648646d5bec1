"""Edition alignment: check catches editions that drift apart, and is quiet on the sample."""

from __future__ import annotations

from briefbuilder.alignment import check_alignment
from briefbuilder.errors import Severity
from briefbuilder.loader import load_project

from .conftest import CHART, SAMPLE, MakeSeries
from .test_cli import cli

EN = """\
title: T
date: 2024-09-01
footnotes:
  src: A source.
sections:
  - body:
      - Opening.[^src]
      - bullets: [one, two]
  - heading: Second
    body:
      - figure: {image: chart.png, alt: A rising bar chart}
"""
ES = """\
title: T
date: 2024-09-01
footnotes:
  src: Una fuente.
sections:
  - body:
      - Apertura.[^src]
      - bullets: [uno, dos]
  - heading: Segunda
    body:
      - figure: {image: chart.png, alt: Un gráfico de barras ascendentes}
"""


def findings(make_series: MakeSeries, es: str) -> list[str]:
    folder = make_series({"b.en.yaml": EN, "b.es.yaml": es, "chart.png": CHART})
    project = load_project(folder)
    assert project.errors == []
    return [str(p).replace(f"{folder}/", "") for p in check_alignment(project.editions())]


def test_aligned_editions_are_quiet(make_series: MakeSeries) -> None:
    assert findings(make_series, ES) == []


def test_sample_series_is_aligned() -> None:
    assert check_alignment(load_project(SAMPLE).editions()) == []
    result = cli("check", "--strict", SAMPLE)
    assert result.returncode == 0, result.stderr


def test_removed_footnote(make_series: MakeSeries) -> None:
    es = ES.replace("footnotes:\n  src: Una fuente.\n", "").replace("[^src]", "")
    assert findings(make_series, es) == [
        "b.es.yaml:1:1: warning: footnotes: b.en.yaml has footnotes src but b.es.yaml has no "
        "footnotes (make the editions match block for block; only the text is translated)",
        "b.es.yaml:5:9: warning: sections[0].body[0]: b.en.yaml cites [^src] here but "
        "b.es.yaml does not (cite the same footnotes in the same block of every edition)"]


def test_swapped_blocks(make_series: MakeSeries) -> None:
    es = ES.replace("      - Apertura.[^src]\n      - bullets: [uno, dos]\n",
                    "      - bullets: [uno, dos]\n      - Apertura.[^src]\n")
    assert findings(make_series, es) == [
        "b.es.yaml:7:9: warning: sections[0].body[0]: b.en.yaml has a paragraph block but "
        "b.es.yaml has a bullets block (make the editions match block for block; only the "
        "text is translated)"]


def test_missing_section(make_series: MakeSeries) -> None:
    es = ES[: ES.index("  - heading: Segunda")]
    assert findings(make_series, es) == [
        "b.es.yaml:5:1: warning: sections: b.en.yaml has 2 section(s) but b.es.yaml has "
        "1 section(s) (make the editions match block for block; only the text is "
        "translated)"]


def test_untranslated_alt_text(make_series: MakeSeries) -> None:
    es = ES.replace("Un gráfico de barras ascendentes", "A rising bar chart")
    assert findings(make_series, es) == [
        "b.es.yaml:11:36: warning: sections[1].body[0].figure.alt: the alt text is the same "
        "as in b.en.yaml (translate it into es)"]


def test_strict_makes_divergence_an_error(make_series: MakeSeries) -> None:
    es = ES[: ES.index("  - heading: Segunda")]
    folder = make_series({"b.en.yaml": EN, "b.es.yaml": es, "chart.png": CHART})
    (problem,) = check_alignment(load_project(folder).editions(), strict=True)
    assert problem.severity is Severity.ERROR
    assert cli("check", folder).returncode == 0
    strict = cli("check", "--strict", folder)
    assert strict.returncode == 1
    assert "b.en.yaml has 2 section(s) but b.es.yaml has 1 section(s)" in strict.stderr


CITED_EN = """\
title: T
date: 2024-09-01
footnotes:
  a: Note A.
  b: Note B.
sections:
  - heading: First
    body:
      - Opening.[^a]
      - bullets: ["One.[^b]", two]
  - heading: Second
    body:
      - figure: {image: chart.png, alt: A rising bar chart, caption: "Data.[^b]"}
"""
CITED_ES = CITED_EN.replace("A rising bar chart", "Un gráfico")  # text stays: not compared


def cited_findings(make_series: MakeSeries, es: str, *args: str) -> tuple[list[str], int]:
    """The alignment findings of an English and a Spanish edition, and check's exit code."""
    folder = make_series({"b.en.yaml": CITED_EN, "b.es.yaml": es, "chart.png": CHART})
    found = [str(p).replace(f"{folder}/", "")
             for p in check_alignment(load_project(folder).editions(), strict=True)]
    return found, cli("check", *args, folder).returncode


def test_a_dropped_citation_fails_strict_check(make_series: MakeSeries) -> None:
    es = CITED_ES.replace("Opening.[^a]", "Apertura.")
    found, strict = cited_findings(make_series, es, "--strict")
    assert found == [
        "b.es.yaml:9:9: sections[0].body[0]: b.en.yaml cites [^a] here but b.es.yaml does "
        "not (cite the same footnotes in the same block of every edition)"]
    assert strict == 1
    assert cited_findings(make_series, es)[1] == 0  # without --strict it is a warning
    assert cited_findings(make_series, CITED_ES, "--strict") == ([], 0)


def test_every_citation_difference_in_one_run(make_series: MakeSeries) -> None:
    es = (CITED_EN.replace("Opening.[^a]", "Apertura.")
          .replace('"One.[^b]"', '"Uno.[^a]"')
          .replace("heading: Second", "heading: Segunda[^a]")
          .replace('caption: "Data.[^b]"', 'caption: "Datos."'))
    found, strict = cited_findings(make_series, es, "--strict")
    assert found == [
        "b.es.yaml:9:9: sections[0].body[0]: b.en.yaml cites [^a] here but b.es.yaml does "
        "not (cite the same footnotes in the same block of every edition)",
        "b.es.yaml:10:9: sections[0].body[1]: b.en.yaml cites [^b] here but b.es.yaml does "
        "not; b.es.yaml cites [^a] here but b.en.yaml does not (cite the same footnotes in "
        "the same block of every edition)",
        "b.es.yaml:11:5: sections[1]: b.es.yaml cites [^a] here but b.en.yaml does not (cite "
        "the same footnotes in the same block of every edition)",
        "b.es.yaml:13:9: sections[1].body[0]: b.en.yaml cites [^b] here but b.es.yaml does "
        "not (cite the same footnotes in the same block of every edition)",
        "b.es.yaml:13:36: sections[1].body[0].figure.alt: the alt text is the same as in "
        "b.en.yaml (translate it into es)"]
    assert strict == 1


def test_blocks_after_a_difference_of_shape_are_not_compared(make_series: MakeSeries) -> None:
    es = CITED_ES.replace("      - Opening.[^a]\n", "").replace('"One.[^b]"', '"Uno.[^a]"')
    found, _ = cited_findings(make_series, es)
    assert found == [
        "b.es.yaml:9:9: sections[0].body[0]: b.en.yaml has a paragraph block but b.es.yaml "
        "has a bullets block (make the editions match block for block; only the text is "
        "translated)"]
