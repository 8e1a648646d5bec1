"""A theme color too light to read: the theme check and the Word styles made from it fail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import CHART, GOOD, Built, MakeProject, run_preflight


def light_muted(styles: Path) -> None:
    brand = styles / "ilab" / "brand.yaml"
    text = brand.read_text(encoding="utf-8")
    assert 'muted: "#4A5563"' in text
    brand.write_text(text.replace('muted: "#4A5563"', 'muted: "#AAAAAA"'), encoding="utf-8")


@pytest.fixture(scope="module")
def built(make_project: MakeProject) -> Built:
    return make_project({"s": {"b.en.yaml": GOOD, "chart.png": CHART}},
                        edit_styles=light_muted)["s"]


def test_a_low_contrast_theme_color_fails_in_the_pdf(built: Built) -> None:
    result = run_preflight(built)
    assert result.code == 1
    [pdf] = result.of("pdf.contrast")
    assert pdf["status"] == "fail"
    assert re.fullmatch(r"'[^']+' \(page 1\) and \d+ more: text #AAAAAA on the paper is "
                        r"2\.32:1; needs 4\.5:1 \(\d+(\.\d)? pt, WCAG AA\)", pdf["message"])
    assert pdf["file"].endswith("styles/ilab/brand.yaml")
    assert (pdf["field"], pdf["line"]) == ("colors.muted", 7)
    assert pdf["fix"] == "change colors.muted to #767676 or darker"


def test_the_word_styles_in_that_color_fail_too(built: Built) -> None:
    result = run_preflight(built)
    word = result.of("word.contrast")
    assert word and all(f["status"] == "fail" for f in word)
    assert {f["field"] for f in word} == {"colors.muted"}
    footer = re.compile(r'style "footer": text #AAAAAA on the paper is 2\.32:1; needs 4\.5:1 '
                        r"\(\d+(\.\d)? pt, WCAG AA\)")
    assert [f["message"] for f in word if footer.fullmatch(f["message"])], word
    failing = {f["check"] for f in result.failures()}
    assert failing == {"pdf.contrast", "word.contrast"}
