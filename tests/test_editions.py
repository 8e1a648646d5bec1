"""The Spanish edition, read from the built files: language, labels, dates, no English left."""

from __future__ import annotations

import itertools
import re
import string
import zipfile
from pathlib import Path

import pikepdf
import pyphen
import pytest
from pypdf import PdfReader
from ruamel.yaml import YAML

from briefbuilder.themes import BUILTIN_THEMES

from .conftest import GOOD_BRIEF, SAMPLE, MakeSeries
from .test_cli import cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample series built once, PDF and Word, both languages."""
    folder = tmp_path_factory.mktemp("editions")
    result = cli("build", SAMPLE, "--out", folder)
    assert result.returncode == 0, result.stderr
    return folder / "mexico-auto"


def pdf_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def test_spanish_pdf_language_labels_and_date(out: Path) -> None:
    with pikepdf.open(out / "introduction.es.pdf") as pdf:
        assert str(pdf.Root.Lang).startswith("es")
    pages = pdf_pages(out / "introduction.es.pdf")
    assert len(pages) == 2
    assert "Página 1 de 2" in pages[0] and "Página 2 de 2" in pages[1]
    assert "SEPTIEMBRE DE 2024" in pages[0].upper()
    assert "Departamento de Trabajo de los Estados Unidos" in pages[0]
    assert "Serie de notas de aprendizaje de la ILAB" in pages[0]


def english_labels() -> list[str]:
    """Every English label the theme prints that differs from its Spanish twin."""
    yaml = YAML(typ="safe")
    labels = BUILTIN_THEMES / "ilab" / "labels"
    en, es = yaml.load(labels / "en.yaml"), yaml.load(labels / "es.yaml")
    words = []
    for key, value in en.items():
        if key in ("date_format", "language_tag", "project_word") or value == es.get(key):
            continue
        for line in value if isinstance(value, list) else [value]:
            words += [part.strip(" ,:") for part, *_ in string.Formatter().parse(str(line))]
    return [w for w in words if len(w) > 3]


def test_no_english_label_left_in_the_spanish_editions(out: Path) -> None:
    text = " ".join(pdf_pages(out / "introduction.es.pdf"))
    with zipfile.ZipFile(out / "introduction.es.docx") as docx:
        xml = " ".join(docx.read(n).decode() for n in docx.namelist() if n.endswith(".xml"))
    word_text = re.sub(r"<[^>]+>", "", xml)
    labels = english_labels()
    assert "Page" in " ".join(labels)  # the check looks for real labels
    for label in labels:
        assert label not in text, f"English label {label!r} in the Spanish PDF"
        assert label not in word_text, f"English label {label!r} in the Spanish draft"
    assert "September" not in text and "September" not in word_text


def test_spanish_word_draft_language_and_footer(out: Path) -> None:
    with zipfile.ZipFile(out / "introduction.es.docx") as docx:
        styles = docx.read("word/styles.xml").decode()
        footers = [docx.read(n).decode() for n in docx.namelist()
                   if re.match(r"word/footer\d*\.xml", n)]
    assert re.search(r'<w:docDefaults>.*?<w:lang w:val="es-MX"', styles, re.S)
    assert footers
    for footer in footers:
        text = re.sub(r"<[^>]+>", "", footer)
        assert "Página" in text and " de " in text
        assert "Serie de notas de aprendizaje de la ILAB" in text
        assert "PAGE" in footer and "NUMPAGES" in footer


def test_english_pdf_keeps_english_labels(out: Path) -> None:
    pages = pdf_pages(out / "introduction.en.pdf")
    assert "Page 1 of 2" in pages[0]
    assert "SEPTEMBER 2024" in pages[0].upper()
    with pikepdf.open(out / "introduction.en.pdf") as pdf:
        assert str(pdf.Root.Lang).startswith("en")


def line_breaks(path: Path) -> list[tuple[str, str]]:
    """(head, tail) of every word the PDF hyphenated at a line end."""
    breaks = []
    for page in PdfReader(path).pages:
        lines = page.extract_text().splitlines()
        for line, following in itertools.pairwise(lines):
            head = re.search(r"(\w+)-$", line)
            tail = re.match(r"\s*(\w+)", following)
            if head and tail and not re.search(r"\w-\w+-$", line):
                breaks.append((head.group(1), tail.group(1)))
    return breaks


def test_spanish_is_hyphenated_by_spanish_rules(out: Path) -> None:
    spanish = pyphen.Pyphen(lang="es")
    breaks = line_breaks(out / "introduction.es.pdf")
    assert len(breaks) >= 3, breaks
    for head, tail in breaks:
        word = head + tail
        assert (head, tail) in list(spanish.iterate(word)), f"{head}-{tail} breaks {word}"
    assert "“Mexico\u2019s Automotive Industry”" in " ".join(pdf_pages(out / "introduction.es.pdf"))


def test_both_writers_place_the_brief_in_its_series(make_series: MakeSeries,
                                                    tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": GOOD_BRIEF},
                         series="id: s\ntitle: Investing in Auto Workers\nbriefs: [b, c]\n")
    result = cli("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    (page,) = pdf_pages(tmp_path / "out" / "s" / "c.en.pdf")
    assert "Brief 2 of 2" in page and "Page 1 of 1" in page
    assert "INVESTING IN AUTO WORKERS" in page.upper()
    with zipfile.ZipFile(tmp_path / "out" / "s" / "c.en.docx") as docx:
        parts = {n: re.sub(r"<[^>]+>", "", docx.read(n).decode()) for n in docx.namelist()
                 if re.match(r"word/(header|footer)\d*\.xml", n)}
    footers = [text for name, text in parts.items() if "footer" in name]
    assert footers and all("ILAB Learning Brief Series · Brief 2 of 2" in t for t in footers)
    assert any("Investing in Auto Workers" in t for n, t in parts.items() if "header" in n)


def test_series_title_follows_the_edition_language(make_series: MakeSeries,
                                                   tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "b.es.yaml": GOOD_BRIEF,
                          "c.en.yaml": GOOD_BRIEF},
                         series="id: s\ntitle: Auto Workers\ntitles: {es: Trabajadores}\n"
                                "briefs: [b, c]\n")
    result = cli("build", folder, "--out", tmp_path / "out", "--lang", "es")
    assert result.returncode == 0, result.stderr
    (page,) = pdf_pages(tmp_path / "out" / "s" / "b.es.pdf")
    assert "TRABAJADORES" in page.upper() and "AUTO WORKERS" not in page.upper()
    with zipfile.ZipFile(tmp_path / "out" / "s" / "b.es.docx") as docx:
        header = " ".join(re.sub(r"<[^>]+>", "", docx.read(n).decode())
                          for n in docx.namelist() if re.match(r"word/header\d*\.xml", n))
    assert "Trabajadores" in header and "Auto Workers" not in header
