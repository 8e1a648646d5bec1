"""Print layout: a footnote on its call's page, and nothing clipped off the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefbuilder.model.brief import MAX_FOOTNOTE_CHARS
from briefbuilder.model.inline import MAX_WORD, FootnoteRef, Text, iter_spans
from briefbuilder.model.series import Edition
from briefbuilder.preflight.pdf_checks import sides_off
from briefbuilder.preflight.pdf_reader import read_pdf
from briefbuilder.writers.pdf import write_pdf

from ..conftest import MakeSeries
from .weasy_helpers import SAMPLE, load_edition, pdf_reader, theme_of

FILL = "Workers and employers meet at the table to settle wages and hours. "
NOTE = "NOTEWORD the source of the figure, read at length. " * 8


def call_at_page_end(paragraphs: int = 10, lead: int = 2, note: str = NOTE) -> str:
    """A brief whose footnote call lands on the last lines of page 1, its long note
    (8 lines) not fitting below it: ten six-sentence paragraphs, then the call after
    two more sentences. With footnote-policy auto the note goes to page 2 alone."""
    body = "\n".join(f'      - "{FILL * 6}"' for _ in range(paragraphs))
    return (f'title: Notes keep to their calls\ndate: 2024-09-01\nfootnotes:\n'
            f'  long: "{note}"\nsections:\n  - body:\n{body}\n'
            f'      - "{FILL * lead}CALLWORD.[^long] After the call it goes on. {FILL * 3}"\n')


def letters(text: str) -> str:
    """Only letters and digits, lowercased: compares text across line breaks and hyphens."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def page_texts(data: bytes) -> list[str]:
    return [letters(page.extract_text()) for page in pdf_reader(data).pages]


def pages_with(pages: list[str], text: str) -> list[int]:
    """1-based numbers of the pages whose text holds text (compared as letters)."""
    return [number for number, page in enumerate(pages, start=1) if letters(text) in page]


def footnote_places(edition: Edition) -> list[tuple[str, str]]:
    """(the word before the first call and the call's number, the note's opening words)
    of every footnote of an edition, in number order."""
    brief = edition.brief
    numbers = brief.footnote_numbers()
    found: dict[str, tuple[str, str]] = {}
    for _, text in brief.inlines():
        before = ""
        for span in iter_spans(text.spans):
            if isinstance(span, Text):
                before = span.text
            elif isinstance(span, FootnoteRef) and span.key in numbers and span.key not in found:
                word = before.split()[-1]
                opening = " ".join(brief.footnotes[span.key].plain.split()[:4])
                found[span.key] = (f"{word}{numbers[span.key]}", f"{numbers[span.key]}{opening}")
    return [found[key] for key in brief.footnote_order()]


def test_a_call_on_the_last_line_of_a_page_takes_its_line_to_the_notes_page(
        make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": call_at_page_end()})
    edition = load_edition(folder)
    pages = page_texts(write_pdf(edition, theme_of(edition)))
    assert len(pages) == 2
    assert pages_with(pages, "CALLWORD.1") == [2]
    assert pages_with(pages, "1 NOTEWORD the source") == [2]
    assert pages_with(pages, FILL * 2 + "CALLWORD") == [2], "the call's line moved whole"


@pytest.mark.parametrize(("paragraphs", "page"), [(7, 1), (10, 2)])
def test_the_longest_note_allowed_prints_whole_on_its_calls_page(
        make_series: MakeSeries, paragraphs: int, page: int) -> None:
    note = (("NOTEWORD " + "x" * 30 + " ") * 50)[:MAX_FOOTNOTE_CHARS]
    folder = make_series({"b.en.yaml": call_at_page_end(paragraphs, note=note)})
    edition = load_edition(folder)
    pages = page_texts(write_pdf(edition, theme_of(edition)))
    assert pages_with(pages, "CALLWORD.1") == pages_with(pages, "1 NOTEWORD") == [page]
    assert sum(text.count("x") for text in pages) == 1500, "no letter of the note lost"


def test_with_footnote_policy_auto_the_same_brief_parts_call_and_note(
        make_series: MakeSeries) -> None:
    """The construction above really puts the call on page 1's last lines: under the
    default policy (auto) the call stays on page 1 and its note moves to page 2 alone."""
    folder = make_series({"b.en.yaml": call_at_page_end()})
    styles = folder.parents[1] / "styles" / "ilab"
    (styles / "print.css").write_text(".footnote { footnote-policy: auto !important; }\n",
                                      encoding="utf-8")
    edition = load_edition(folder)
    pages = page_texts(write_pdf(edition, theme_of(edition)))
    assert pages_with(pages, "CALLWORD.1") == [1]
    assert pages_with(pages, "1 NOTEWORD the source") == [2]


@pytest.mark.parametrize(("lang", "places"), [
    ("en", [("Mexicans.1", '1International Trade Administration. "Mexico\'s')]),
    ("es", [("mexicanos.1", "1Administración de Comercio Internacional.")]),
])
def test_the_sample_prints_each_note_on_its_calls_page(
        lang: str, places: list[tuple[str, str]]) -> None:
    edition = load_edition(SAMPLE, lang)
    pages = page_texts(write_pdf(edition, theme_of(edition)))
    assert footnote_places(edition) == places
    for call, note in places:
        on = pages_with(pages, call)
        assert len(on) == 1, (call, on)
        assert pages_with(pages, note) == on, (note, on)


WORD = "q" * MAX_WORD  # the longest word allowed; letters found nowhere else on the pages
URL = "https://example.org/" + "j" * 10_000
TITLE = "Overlong " * 3 + "T" * MAX_WORD
LONG = (f'title: "{TITLE}"\ndate: 2024-09-01\nsections:\n  - body:\n'
        f'      - "A word: {WORD} ends."\n      - "A link: <{URL}> ends."\n')


def test_long_words_urls_and_titles_wrap_inside_the_page(make_series: MakeSeries,
                                                          tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": LONG})
    edition = load_edition(folder)
    data = write_pdf(edition, theme_of(edition))
    (tmp_path / "b.pdf").write_bytes(data)
    pdf = read_pdf(tmp_path / "b.pdf")
    text = "".join(page_texts(data))
    assert letters(TITLE) in text
    assert (text.count("q"), text.count("j")) == (MAX_WORD, 10_000), "no letter lost"
    assert {link.uri for link in pdf.links} == {URL}, "every line of the URL links to all of it"
    off = [(page.number, run.text[:20], sides_off(run, page.trim))
           for page in pdf.pages for run in page.runs if sides_off(run, page.trim)]
    assert off == []
    right_margin = 612 - 0.7 * 72  # US Letter, the ilab theme's 0.7 in margin
    assert max(run.x + run.width for page in pdf.pages for run in page.runs) < right_margin + 0.1
