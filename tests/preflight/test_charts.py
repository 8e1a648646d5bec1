"""Charts in preflight: each is a figure with alt text in the PDF and in the Word draft, and
its data table is a table like the brief's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import CHART, GOOD, Built, MakeProject, run_preflight
from .test_edited import only_failures, rewrite_part

ALT = "Votes held rose from 12 in the first quarter to 55 in the fourth."
WITH_CHART = GOOD.replace("""      - figure:""", f"""      - chart:
          title: Votes per quarter
          unit: votes
          alt: {ALT}
          data:
            categories: [Q1, Q2, Q3, Q4]
            series:
              - name: Votes held
                values: [12, 30, 41, 55]
              - name: Contracts approved
                values: [10, 27, 38, 50]
      - figure:""")


@pytest.fixture(scope="module")
def charted(make_project: MakeProject) -> Built:
    return make_project({"s": {"b.en.yaml": WITH_CHART, "chart.png": CHART}})["s"]


def test_a_chart_passes_as_a_figure_with_alt_text_and_its_table(charted: Built) -> None:
    result = run_preflight(charted)
    assert result.failures() == []
    assert result.code == 0
    messages = {f["check"]: f["message"] for f in result.findings}
    # pdfua's figure rule (UA-13-004) is the PDF's verdict on alt text: no finding
    assert messages["pdfua"] == "pdfua 0.1.3: 11 of 12 rules ran, no findings"
    assert messages["word.alt-text"] == "2 picture(s), each with the brief's alt text"


def test_a_chart_without_alt_text_in_the_word_draft_fails_at_its_field(
        charted: Built, tmp_path: Path) -> None:
    built = charted.copy(tmp_path / "out")
    rewrite_part(built.output("b.en.docx"), "word/document.xml", f'descr="{ALT}"', 'descr=""')
    result = run_preflight(built)
    assert result.code == 1
    assert only_failures(result.failures()) == [
        ("word.alt-text", "picture 1 (Chart 1) has no alt text", "sections[1].body[1].chart.alt",
         14),
    ]
