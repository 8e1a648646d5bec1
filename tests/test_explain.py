"""Messages for the mistakes people make: a text YAML read as a mapping, a field under a
wrong name, hints that belong to the file they are about."""

from __future__ import annotations

import pytest

from .conftest import GOOD_BRIEF, MakeSeries
from .test_loader import HEAD, messages

QUOTE = "quote the whole text"
MAPPING = "this line was read as a mapping because of ': ' after"

TEXTS_READ_AS_MAPPINGS = {
    "paragraph": (
        HEAD + "      - Key finding: workers voted\n",
        f"b.en.yaml:5:9: sections[0].body[0]: {MAPPING} 'Key finding' "
        f'({QUOTE}: "Key finding: workers voted")'),
    "bullet": (
        HEAD + "      - bullets:\n          - Key finding: workers voted\n          - two\n",
        f"b.en.yaml:6:13: sections[0].body[0].bullets[0]: {MAPPING} 'Key finding' "
        f'({QUOTE}: "Key finding: workers voted")'),
    "nested item": (
        HEAD + "      - numbered:\n          - text: One\n            bullets:\n"
        "              - Note: see the report\n",
        f"b.en.yaml:8:17: sections[0].body[0].numbered[0].bullets[0]: {MAPPING} 'Note' "
        f'({QUOTE}: "Note: see the report")'),
    "callout text": (
        HEAD + "      - callout:\n          text:\n            - Lesson: start early\n",
        f"b.en.yaml:7:15: sections[0].body[0].callout.text[0]: {MAPPING} 'Lesson' "
        f'({QUOTE}: "Lesson: start early")'),
    "keyword": (
        "title: T\ndate: 2024-09-01\nkeywords: [trade, Labor: unions]\nsections:\n"
        "  - body: [x]\n",
        f"b.en.yaml:3:19: keywords[1]: {MAPPING} 'Labor' ({QUOTE}: \"Labor: unions\")"),
    "a line ending in a colon": (
        HEAD + "      - bullets:\n          - Two findings:\n          - one\n",
        f"b.en.yaml:6:13: sections[0].body[0].bullets[0]: {MAPPING} 'Two findings' "
        f'({QUOTE}: "Two findings:")'),
    "text holding a double quote": (
        HEAD + '      - Their word: the "fair" wage\n',
        f"b.en.yaml:5:9: sections[0].body[0]: {MAPPING} 'Their word' "
        f"({QUOTE}: 'Their word: the \"fair\" wage')"),
    "a number after the colon": (
        HEAD + "      - bullets:\n          - Plants: 12\n",
        f"b.en.yaml:6:13: sections[0].body[0].bullets[0]: {MAPPING} 'Plants' ({QUOTE})"),
}


@pytest.mark.parametrize("text, expected", list(TEXTS_READ_AS_MAPPINGS.values()),
                         ids=list(TEXTS_READ_AS_MAPPINGS))
def test_a_text_read_as_a_mapping_is_one_problem(make_series: MakeSeries, text: str,
                                                 expected: str) -> None:
    assert messages(make_series({"b.en.yaml": text})) == [expected]


def test_an_item_of_fields_written_as_one_line_names_its_fields(make_series: MakeSeries) -> None:
    text = (HEAD + "      - definitions:\n          - Labor: the work of people\n"
            "      - stats:\n          - 40%: of workers\n"
            "      - projects:\n          items:\n            - Name: Unions\n")
    assert messages(make_series({"b.en.yaml": text})) == [
        "b.en.yaml:6:13: sections[0].body[0].definitions[0]: unknown field 'Labor' "
        "(an item here is written with the fields term, text)",
        "b.en.yaml:8:13: sections[0].body[1].stats[0]: unknown field '40%' "
        "(an item here is written with the fields label, value)",
        "b.en.yaml:11:15: sections[0].body[2].projects.items[0].implementer: field required",
        "b.en.yaml:11:15: sections[0].body[2].projects.items[0].Name: unknown field 'Name' "
        "(did you mean 'name'?)"]


def test_a_misspelt_block_with_nothing_after_it_is_still_a_typo(
        make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": HEAD + "      - bulets:\n      - Text.\n"})
    assert messages(folder) == [
        "b.en.yaml:5:9: sections[0].body[0]: unknown block type 'bulets' "
        "(did you mean 'bullets'?)"]


SYNONYMS = {
    "quote author": (
        "      - quote: {text: Words., author: A. Person}\n",
        "b.en.yaml:5:31: sections[0].body[0].quote.author: unknown field 'author' "
        "(did you mean 'source'?)"),
    "callout type": (
        "      - callout: {type: lesson, text: Words.}\n",
        "b.en.yaml:5:19: sections[0].body[0].callout.type: unknown field 'type' "
        "(did you mean 'kind'?)"),
    "figure src": (
        "      - figure: {src: chart.png, alt: A chart}\n",
        "b.en.yaml:5:18: sections[0].body[0].figure.src: unknown field 'src' "
        "(did you mean 'image'?)"),
    "figure source": (
        "      - figure: {image: chart.png, alt: A chart, source: ILAB}\n",
        "b.en.yaml:5:50: sections[0].body[0].figure.source: unknown field 'source' "
        "(did you mean 'credit'?)"),
    "a field of another place": (
        "      - figure: {image: chart.png, alt: A chart, title: Growth}\n",
        "b.en.yaml:5:50: sections[0].body[0].figure.title: unknown field 'title' "
        "(remove it or check its spelling)"),
    "image block": (
        "      - image: chart.png\n",
        "b.en.yaml:5:9: sections[0].body[0]: unknown block type 'image' "
        "(did you mean 'figure'?)"),
    "list block": (
        "      - list: [one, two]\n",
        "b.en.yaml:5:9: sections[0].body[0]: unknown block type 'list' "
        "(did you mean 'bullets'?)"),
    "blockquote block": (
        "      - blockquote: {text: Words.}\n",
        "b.en.yaml:5:9: sections[0].body[0]: unknown block type 'blockquote' "
        "(did you mean 'quote'?)"),
    "a typo among the fields of the place": (
        "      - figure: {image: chart.png, alt: A chart, captoin: Growth}\n",
        "b.en.yaml:5:50: sections[0].body[0].figure.captoin: unknown field 'captoin' "
        "(did you mean 'caption'?)"),
}


@pytest.mark.parametrize("block, expected", list(SYNONYMS.values()), ids=list(SYNONYMS))
def test_a_wrong_field_name_names_the_right_one(make_series: MakeSeries, block: str,
                                                expected: str) -> None:
    assert messages(make_series({"b.en.yaml": HEAD + block})) == [expected]


def test_an_error_in_series_yaml_speaks_of_the_series(make_series: MakeSeries) -> None:
    folder = make_series(series="id: s\nbriefs: [b]\nmax_pages: many\n")
    assert messages(folder) == [
        "series.yaml:1:1: title: field required (name the series, e.g. title: Learning Brief "
        "Series)",
        "series.yaml:3:1: max_pages: input should be a valid integer, unable to parse string "
        "as an integer (the most pages each brief's PDF may have, a whole number such as 4)"]
    brief = make_series({"b.en.yaml": GOOD_BRIEF.replace("title: T\n", "")})
    assert messages(brief) == ["b.en.yaml:1:1: title: field required (every brief needs a title)"]
