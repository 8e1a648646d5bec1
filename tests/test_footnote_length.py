"""A footnote too long to print below its call is a located content error."""

from __future__ import annotations

from briefbuilder.loader import load_project

from .conftest import MakeSeries


def test_a_10000_character_footnote_is_refused_at_its_key(make_series: MakeSeries) -> None:
    note = ("word " * 2000).strip()
    folder = make_series({"b.en.yaml": f'title: T\ndate: 2024-09-01\nfootnotes:\n'
                                       f'  short: "A short note."\n  long: "{note}"\n'
                                       "sections:\n  - body: ['Text.[^short][^long]']\n"})
    project = load_project(folder)
    assert [str(problem) for problem in project.errors] == [
        f"{folder / 'b.en.yaml'}:5:3: footnotes.long: the footnote has 9,999 characters; the "
        "limit is 2,000 (a note prints at the foot of its call's page: shorten it, or move "
        "the text into the body)"]
    assert list(project.editions()) == []


def test_a_note_at_the_limit_loads(make_series: MakeSeries) -> None:
    note = "abcd " * 399 + "abcde"  # 2,000 characters
    folder = make_series({"b.en.yaml": f'title: T\ndate: 2024-09-01\nfootnotes:\n'
                                       f'  n: "{note}"\nsections:\n  - body: ["Text.[^n]"]\n'})
    project = load_project(folder)
    assert project.errors == []
    [edition] = project.editions()
    assert edition.brief.footnotes["n"].plain == note
