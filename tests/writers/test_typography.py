"""Typographic quotes and apostrophes, set once for every writer in the brief's language."""

from __future__ import annotations

from briefbuilder.model.inline import Link, Strong, Text, parse_inline
from briefbuilder.writers.pdf import write_pdf
from briefbuilder.writers.typography import typeset

from ..conftest import MakeSeries
from .docx_helpers import NS, build, part
from .weasy_helpers import load_edition, pdf_reader, theme_of

ENGLISH, SPANISH = "\u201c\u201d\u2018\u2019", "\u00ab\u00bb\u201c\u201d"
SAID = 'Law "Reforma laboral 2019" is Mexico\'s, \'in force\' (see "[the text](https://a.org/x\'y)").'


def _plain(spans: tuple[object, ...]) -> str:
    return "".join(s.text if isinstance(s, Text) else _plain(s.children)  # type: ignore[attr-defined]
                   for s in spans)


def test_english_quotes_open_and_close_by_what_stands_before_them() -> None:
    assert _plain(typeset(parse_inline(SAID), ENGLISH)) == (
        "Law \u201cReforma laboral 2019\u201d is Mexico\u2019s, \u2018in force\u2019 "
        "(see \u201cthe text\u201d).")


def test_a_quote_after_a_space_closes_when_a_stop_or_space_follows_it() -> None:
    said = "Quote a line that holds ': '. Or \" ; a lone one\" and a ' dash."
    assert _plain(typeset(parse_inline(said), ENGLISH)) == (
        "Quote a line that holds \u2018: \u2019. Or \u201d ; a lone one\u201d and a "
        "\u2019 dash.")


def test_spanish_takes_the_marks_its_labels_give() -> None:
    assert _plain(typeset(parse_inline(SAID), SPANISH)) == (
        "Law \u00abReforma laboral 2019\u00bb is Mexico\u2019s, \u201cin force\u201d "
        "(see \u00abthe text\u00bb).")


def test_a_quote_around_strong_text_closes_after_it_and_links_keep_their_target() -> None:
    spans = (Text(text='"'), Strong(children=(Text(text="bold"),)), Text(text='" and '),
             Link(href="https://a.org/'q'", children=(Text(text="'it'"),)))
    assert typeset(spans, ENGLISH) == (
        Text(text="\u201c"), Strong(children=(Text(text="bold"),)), Text(text="\u201d and "),
        Link(href="https://a.org/'q'", children=(Text(text="\u2018it\u2019"),)))


def test_text_without_straight_quotes_is_returned_as_it_is() -> None:
    spans = parse_inline("No quotes \u201chere\u201d.")
    assert typeset(spans, ENGLISH) is spans


def _brief(lang: str) -> str:
    return (f"title: T\nlang: {lang}\ndate: 2024-09-01\nsections:\n"
            f"  - body:\n      - {SAID!r}\n".replace("\\'", "''"))


def test_print_and_word_set_the_same_quotes_in_each_language(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": _brief("en"), "b.es.yaml": _brief("es")},
                         series="id: s\ntitle: S\nbriefs: [b]\n")
    for lang, quoted in (("en", "\u201cReforma laboral 2019\u201d is Mexico\u2019s, \u2018in "
                                "force\u2019"),
                         ("es", "\u00abReforma laboral 2019\u00bb is Mexico\u2019s, \u201cin "
                                "force\u201d")):
        edition = load_edition(folder, lang)
        pdf = pdf_reader(write_pdf(edition, theme_of(edition)))
        assert quoted in " ".join(pdf.pages[0].extract_text().split())
        words = "".join(t.text for t in part(build(edition), "word/document.xml").iter(
            f"{{{NS['w']}}}t"))
        assert quoted in words
