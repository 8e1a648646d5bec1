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
        "b.es.yaml: warning: footnotes: b.en.yaml has footnotes src but b.es.yaml has no "
        "footnotes (make the editions match block for block; only the text is translated)"]


def test_swapped_blocks(make_series: MakeSeries) -> None:
    es = ES.replace("      - Apertura.[^src]\n      - bullets: [uno, dos]\n",
                    "      - bullets: [uno, dos]\n      - Apertura.[^src]\n")
    assert findings(make_series, es) == [
        "b.es.yaml: warning: sections[0].body[0]: b.en.yaml has a paragraph block but "
        "b.es.yaml has a bullets block (make the editions match block for block; only the "
        "text is translated)"]


def test_missing_section(make_series: MakeSeries) -> None:
    es = ES[: ES.index("  - heading: Segunda")]
    assert findings(make_series, es) == [
        "b.es.yaml: warning: sections: b.en.yaml has 2 section(s) but b.es.yaml has "
        "1 section(s) (make the editions match block for block; only the text is "
        "translated)"]


def test_untranslated_alt_text(make_series: MakeSeries) -> None:
    es = ES.replace("Un gráfico de barras ascendentes", "A rising bar chart")
    assert findings(make_series, es) == [
        "b.es.yaml: warning: sections[1].body[0].figure.alt: the alt text is the same as in "
        "b.en.yaml (translate it into es)"]


def test_strict_makes_divergence_an_error(make_series: MakeSeries) -> None:
    es = ES[: ES.index("  - heading: Segunda")]
    folder = make_series({"b.en.yaml": EN, "b.es.yaml": es, "chart.png": CHART})
    (problem,) = check_alignment(load_project(folder).editions(), strict=True)
    assert problem.severity is Severity.ERROR
    assert cli("check", folder).returncode == 0
    strict = cli("check", "--strict", folder)
    assert strict.returncode == 1
    assert "b.en.yaml has 2 section(s) but b.es.yaml has 1 section(s)" in strict.stderr
