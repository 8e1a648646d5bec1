"""The C-parser reader gives the same data and places as the round-trip parser, and leaves
every unusual file to it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from briefbuilder import yamlfile
from briefbuilder.themes import BUILTIN_THEMES
from briefbuilder.yamlfast import Positions, Unusual, read_plain
from briefbuilder.yamlfile import YamlProblem, read_yaml

from .conftest import GOOD_BRIEF, PROJECTS, SAMPLE

REPOSITORY_FILES = sorted(path for folder in (SAMPLE, PROJECTS, BUILTIN_THEMES)
                          for path in folder.rglob("*.yaml"))

ORDINARY = {
    "YAML 1.2 words stay text": "keywords: [no, on, yes, off, y, n]\n",
    "numbers": "a: 017\nb: 0o17\nc: 0x1F\nd: 1_000\ne: 1e3\nf: -0\ng: .inf\nh: 1:20\n",
    "null and booleans": "a: ~\nb: null\nc:\nd: true\ne: False\n",
    "dates": "date: 2024-09-01\nbad: 2024-13-45\n",
    "quoted keys and values": "'a b': \"x: y\"\n\"c\": 'it''s'\nd: \"\\u00e9\\t\"\n",
    "block scalars": "a: |\n  one\n  two\nb: >-\n  folded\n  text\n\n  more\nc: |+\n  kept\n\n",
    "flow and block mixed": (
        "sections:\n  - body:\n      - Plain text.\n      - bullets: [a, {text: b, bullets: [c]}]\n"
        "      - table:\n          rows:\n            - [1, two, 3.5]\n  -   heading: H\n"),
    "comments everywhere": "# head\na: 1  # tail\n# between\nb:\n  # inside\n  - x\n",
    "a document marker": "---\ntitle: T\n...\n",
    "unicode": "title: Inversión en México — “quoted” 😀\n",
    "a list at the root": "- a\n- b: c\n",
}

UNUSUAL = {
    "anchor and alias": "a: &x [1, 2]\nb: *x\n",
    "anchor alone": "a: &x text\n",
    "merge key": "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
    "tag": "title: !!str 12\n",
    "local tag": "title: !mine x\n",
    "directive": "%YAML 1.1\n---\na: yes\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "duplicate key": "a: 1\na: 2\n",
    "number as key": "1: a\n",
    "list as key": "? [a]\n: b\n",
    "date with a time": "date: 2024-09-01 10:00:00\n",
    "text no writer prints": 'title: "a\\x01b"\n',
    "syntax error": "title: [x\n",
    "deep flow nesting": "k: " + "[" * 3000 + "]" * 3000 + "\n",
    "deep block nesting": "k:\n" + "- " * 150 + "x\n",
}


def _printable(text: str) -> bool:
    return yamlfile._unprintable(text) is None


def _fast(text: str) -> tuple[object, Positions]:
    return read_plain(text, yamlfile.LIMITS, _printable)


def _round_trip(text: str) -> tuple[object, Positions]:
    return yamlfile._read_round_trip(text, Path("x.yaml"))


@pytest.mark.parametrize("case", list(ORDINARY))
def test_ordinary_yaml_reads_as_the_round_trip_parser_reads_it(case: str) -> None:
    fast, slow = _fast(ORDINARY[case]), _round_trip(ORDINARY[case])
    assert repr(fast[0]) == repr(slow[0])  # repr: True is not 1, a date is not a datetime
    assert fast[1] == slow[1]


@pytest.mark.parametrize("path", REPOSITORY_FILES, ids=lambda p: p.name)
def test_every_yaml_file_of_the_project_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    try:
        fast = _fast(text)
    except Unusual:
        return  # the round-trip parser reads it; nothing to compare
    slow = _round_trip(text)
    assert (repr(fast[0]), fast[1]) == (repr(slow[0]), slow[1])


def test_the_sample_briefs_take_the_fast_path() -> None:
    for path in SAMPLE.rglob("*.yaml"):
        data, positions = _fast(path.read_text(encoding="utf-8"))  # no Unusual raised
        assert (data, positions) == (read_yaml(path).data, read_yaml(path).positions)


def test_yaml_1_2_words_and_places_through_read_yaml(tmp_path: Path) -> None:
    path = tmp_path / "b.en.yaml"
    path.write_text(GOOD_BRIEF + "keywords:\n  - no\n  - on\n", encoding="utf-8")
    doc = read_yaml(path)
    assert doc.data["keywords"] == ["no", "on"]
    assert doc.where(("keywords", 1)) == (7, 5)
    assert doc.where(("sections", 0, "body", 0)) == (4, 12)


@pytest.mark.parametrize("case", list(UNUSUAL))
def test_unusual_yaml_is_left_to_the_round_trip_parser(case: str) -> None:
    with pytest.raises(Unusual):
        _fast(UNUSUAL[case])


def test_an_unusual_file_still_loads_through_the_round_trip_parser(tmp_path: Path) -> None:
    path = tmp_path / "b.en.yaml"
    path.write_text(GOOD_BRIEF + "keywords: &k [a]\nsummary: *k\n", encoding="utf-8")
    doc = read_yaml(path)
    assert doc.data["summary"] == ["a"]
    assert doc.where(("summary", 0)) == (5, 15)  # an alias's items stand where the anchor's do


def test_deep_block_nesting_gets_the_round_trip_parsers_message(tmp_path: Path) -> None:
    path = tmp_path / "b.en.yaml"
    path.write_text("title: T\nkeywords:\n" + "- " * 100_000 + "x\n", encoding="utf-8")
    with pytest.raises(YamlProblem) as caught:
        read_yaml(path)
    assert str(caught.value.problem) == (
        f"{path}: lists or mappings are nested more than 100 levels deep "
        "(a brief needs only a few levels; flatten it)")


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT | st.sampled_from(["no", "on", "2024-09-01"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(TEXT.filter(lambda key: key != "<<"), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(data=st.dictionaries(TEXT, VALUES, min_size=1, max_size=5),
       flow=st.sampled_from([False, True, None]), indent=st.sampled_from([2, 4]))
def test_any_dumped_data_reads_as_the_round_trip_parser_reads_it(
        data: dict[str, object], flow: bool | None, indent: int) -> None:
    yaml = YAML(typ="rt")
    yaml.default_flow_style = flow
    yaml.indent(mapping=indent, sequence=indent + 2, offset=indent)
    stream = io.StringIO()
    yaml.dump(data, stream)
    text = stream.getvalue()
    try:
        fast = _fast(text)
    except Unusual:
        return
    slow = _round_trip(text)
    assert (repr(fast[0]), fast[1]) == (repr(slow[0]), slow[1])
