"""The loader: every bad input gets one exact, located, actionable message."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.errors import Severity, UsageError
from briefbuilder.loader import load_project

from .conftest import CHART, GOOD_BRIEF, SAMPLE, MakeSeries

HEAD = "title: T\ndate: 2024-09-01\nsections:\n  - body:\n"


def messages(folder: Path) -> list[str]:
    """Each problem of loading folder, with the folder part of its path removed."""
    return [str(p).replace(f"{folder}/", "") for p in load_project(folder).problems]


def test_sample_series_loads_cleanly() -> None:
    project = load_project(SAMPLE)
    assert project.problems == []
    editions = {(e.brief.id, e.brief.lang) for e in project.editions()}
    assert editions == {("introduction", "en"), ("introduction", "es")}


def test_good_brief_sets_id_lang_and_number(make_series: MakeSeries) -> None:
    project = load_project(make_series())
    (edition,) = project.editions()
    assert (edition.brief.id, edition.brief.lang, edition.number, edition.total) == (
        "b", "en", 1, 1)


CASES = {
    "malformed YAML": (
        "title: [unclosed\ndate: 2024-01-01\n",
        "b.en.yaml:2:5: invalid YAML: expected ',' or ']', but got ':' (check the "
        "indentation, and quote text that contains ': ' or starts with a special character)"),
    "tab indentation": (
        "title: T\ndate: 2024-09-01\nsections:\n\t- body: [x]\n",
        "b.en.yaml:4:1: a tab is used for indentation: found character '\\t' that cannot "
        "start any token (indent with spaces, not tabs)"),
    "duplicate key": (
        "title: T\ntitle: U\ndate: 2024-09-01\nsections:\n  - body: [x]\n",
        'b.en.yaml:2:1: duplicate key: found duplicate key "title" with value "U" '
        '(original value: "T") (each key may appear once)'),
    "unknown block type": (
        HEAD + "      - bulets: [x]\n",
        "b.en.yaml:5:9: sections[0].body[0]: unknown block type 'bulets' "
        "(did you mean 'bullets'?)"),
    "unknown field": (
        "title: T\nsubtitel: x\ndate: 2024-09-01\nsections:\n  - body: [x]\n",
        "b.en.yaml:2:1: subtitel: unknown field 'subtitel' (did you mean 'subtitle'?)"),
    "wrong type": (
        "title: T\ndate: 2024-09-01\nkeywords: 5\nsections:\n  - body: [x]\n",
        "b.en.yaml:3:1: keywords: input should be a valid list "
        "(write a list: [a, b] or one '- item' per line)"),
    "empty file": ("", "b.en.yaml:1:1: the file is empty (write the fields)"),
    "missing required field": (
        "date: 2024-09-01\nsections:\n  - body: [x]\n",
        "b.en.yaml:1:1: title: field required (every brief needs a title)"),
    "table row of the wrong width": (
        HEAD + "      - table:\n          header: [a, b]\n          rows:\n"
        "            - [1, 2]\n            - [1]\n",
        "b.en.yaml:5:9: sections[0].body[0].table: rows[1] has 1 cells but the header has 2 "
        "(make every row as wide as the header)"),
    "figure without alt text": (
        HEAD + "      - figure:\n          image: chart.png\n",
        "b.en.yaml:5:9: sections[0].body[0].figure.alt: field required "
        "(describe the image for screen readers)"),
    "figure with empty alt text": (
        HEAD + "      - figure:\n          image: chart.png\n          alt: '  '\n",
        "b.en.yaml:7:11: sections[0].body[0].figure.alt: alt text is empty "
        "(describe the image for screen readers)"),
    "image outside the content folder": (
        HEAD + "      - figure:\n          image: ../../etc/passwd\n          alt: x\n",
        "b.en.yaml:6:11: sections[0].body[0].figure.image: '../../etc/passwd' points outside "
        "the series folder; put the image inside it and use a relative path"),
    "image URL": (
        HEAD + "      - figure:\n          image: https://example.org/a.png\n          alt: x\n",
        "b.en.yaml:6:11: sections[0].body[0].figure.image: 'https://example.org/a.png' is a "
        "URL; images are files next to the brief (download it into the series folder and "
        "name the file)"),
    "javascript link": (
        HEAD + '      - "[x](javascript:alert(1))"\n',
        "b.en.yaml:5:9: sections[0].body[0]: link target 'javascript:alert(1)' uses "
        "'javascript:'; allowed are https:, http:, mailto: and in-document anchors (#id)"),
    "file link": (
        HEAD + '      - "[x](file:///etc/passwd)"\n',
        "b.en.yaml:5:9: sections[0].body[0]: link target 'file:///etc/passwd' uses 'file:'; "
        "allowed are https:, http:, mailto: and in-document anchors (#id)"),
    "data link": (
        HEAD + '      - "[x](data:text/html,hi)"\n',
        "b.en.yaml:5:9: sections[0].body[0]: link target 'data:text/html,hi' uses 'data:'; "
        "allowed are https:, http:, mailto: and in-document anchors (#id)"),
    "undefined footnote": (
        HEAD + "      - Text.[^nope]\n",
        "b.en.yaml:5:9: sections[0].body[0]: footnote [^nope] is not defined "
        "(add 'nope:' under footnotes:)"),
    "alias bomb": (
        "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
        + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
                  for p, n in zip("abcde", "bcdef", strict=True)),
        "b.en.yaml:1:26: e: the file expands to more than 100,000 values "
        "(YAML aliases (*name) expand too far; write the content out)"),
    "text alias bomb": (
        "title: &t " + " ".join(["word"] * 50_000) + "\ndate: 2024-09-01\nsections:\n"
        "  - body: [" + ", ".join(["*t"] * 1000) + "]\n",
        "b.en.yaml:1:8: sections: the file expands to more than 2,000,000 characters of text "
        "(YAML aliases (*name) expand too far; write the content out)"),
    "control character": (
        'title: "T\\x01"\ndate: 2024-09-01\nsections:\n  - body: [x]\n',
        "b.en.yaml:1:1: title: control character U+0001 cannot be printed (remove it)"),
    "python tag": (
        "title: !!python/object:os.system x\ndate: 2024-09-01\nsections:\n  - body: [x]\n",
        "b.en.yaml:1:1: title: YAML tag 'tag:yaml.org,2002:python/object:os.system' is not "
        "allowed (remove the !tag)"),
    "NUL byte": (
        "title: T\x00\ndate: 2024-09-01\nsections:\n  - body: [x]\n",
        "b.en.yaml:1:9: control character U+0000 is not allowed in YAML (remove it)"),
    "impossible date": (
        "title: T\ndate: 2024-13-45\nsections:\n  - body: [x]\n",
        "b.en.yaml:2:1: date: input should be a valid date or datetime, month value is outside "
        "expected range of 1-12 (write the publication date as YYYY-MM-DD)"),
    "lists nested 150 deep": (
        "title: T\ndate: 2024-09-01\nkeywords: " + "[" * 150 + "]" * 150 + "\n",
        "b.en.yaml:3:111: keywords: lists or mappings are nested more than 100 levels deep "
        "(a brief needs only a few levels; flatten it)"),
    "lists nested 10,000 deep": (
        "title: T\ndate: 2024-09-01\nkeywords: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "b.en.yaml: lists or mappings are nested more than 100 levels deep "
        "(a brief needs only a few levels; flatten it)"),
    "lang disagreeing with the file name": (
        "title: T\nlang: es\ndate: 2024-09-01\nsections:\n  - body: [x]\n",
        "b.en.yaml:2:1: lang: lang 'es' does not match the file name's 'en' "
        "(rename the file to b.es.yaml or change lang)"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_brief_gets_exact_message(make_series: MakeSeries, case: str) -> None:
    text, expected = CASES[case]
    folder = make_series({"b.en.yaml": text, "chart.png": CHART})
    assert messages(folder) == [expected]
    assert load_project(folder).editions() == []


def test_every_problem_in_every_file_is_reported_at_once(make_series: MakeSeries) -> None:
    bad = "title: T\ndate: 2024-09-01\nsections:\n  - body:\n      - bulets: [x]\n" \
          "      - figure: {image: a.png}\n"
    folder = make_series({"b.en.yaml": bad, "b.es.yaml": "title: [x\n"},
                         series="id: s\ntitle: S\nbriefs: [b]\n")
    found = messages(folder)
    assert len(found) == 3
    assert found[0].startswith("b.en.yaml:5:9: sections[0].body[0]: unknown block type")
    assert found[1].startswith("b.en.yaml:6:9: sections[0].body[1].figure.alt: field required")
    assert found[2].startswith("b.es.yaml:")


def test_non_utf8_file(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": b"title: caf\xe9\n"})
    assert messages(folder) == ["b.en.yaml:1:11: byte 0xE9 is not UTF-8 (save the file as UTF-8)"]


def test_utf8_bom_is_fine(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": b"\xef\xbb\xbf" + GOOD_BRIEF.encode()})
    assert messages(folder) == []


def test_50_megabyte_file_is_refused_without_reading_it(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": b"# filler\n" * 5_600_000})
    assert messages(folder) == [
        "b.en.yaml: the file is 50,400,000 bytes; the limit is 1,000,000 "
        "(split it or remove what does not belong in a brief)"]


def test_series_listing_a_brief_without_file(make_series: MakeSeries) -> None:
    folder = make_series(series="id: s\ntitle: S\nbriefs: [b, missing]\n")
    assert messages(folder) == [
        "series.yaml:3:13: briefs[1]: brief 'missing' has no file "
        "(create missing.en.yaml or remove it from the list)"]


def test_two_files_for_the_same_brief_and_language(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "b.en.yml": GOOD_BRIEF})
    assert messages(folder) == [
        "b.en.yml: brief 'b' in language 'en' is also b.en.yaml "
        "(keep one file per brief and language)"]
    assert len(load_project(folder).editions()) == 1


def test_unused_footnote_is_a_warning_and_the_brief_still_loads(
        make_series: MakeSeries) -> None:
    text = GOOD_BRIEF + "footnotes:\n  spare: Never cited.\n"
    folder = make_series({"b.en.yaml": text})
    project = load_project(folder)
    (problem,) = project.problems
    assert problem.severity is Severity.WARNING
    assert str(problem).replace(f"{folder}/", "") == (
        "b.en.yaml:6:3: warning: footnotes.spare: footnote 'spare' is never referenced "
        "(cite it as [^spare] or remove it)")
    assert len(project.editions()) == 1


def test_a_note_cited_only_inside_a_footnote_is_an_error_at_that_footnote(
        make_series: MakeSeries) -> None:
    """No format prints a note that only another note cites: its text would be lost."""
    text = (GOOD_BRIEF.replace("[Text.]", "['Text.[^main]']")
            + "footnotes:\n  main: See the survey.[^survey]\n  survey: Labor survey.\n")
    folder = make_series({"b.en.yaml": text})
    project = load_project(folder)
    assert [str(p).replace(f"{folder}/", "") for p in project.problems] == [
        "b.en.yaml:6:3: footnotes.main: footnote [^survey] is cited only inside a footnote, "
        "where its note cannot print (cite it in the body text too, or write its text into "
        "this footnote)"]
    assert project.editions() == []


def test_missing_image_file(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": HEAD + "      - figure: {image: gone.png, alt: A chart}\n"})
    assert messages(folder) == [
        "b.en.yaml:5:18: sections[0].body[0].figure.image: image file 'gone.png' not found "
        "(put it in s/ beside the brief, or correct the name)"]


def test_symlinked_image_escaping_the_folder(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": HEAD + "      - figure: {image: link.png, alt: A chart}\n"})
    (tmp_path / "secret.png").write_bytes(b"x")
    (folder / "link.png").symlink_to(tmp_path / "secret.png")
    assert messages(folder) == [
        "b.en.yaml:5:18: sections[0].body[0].figure.image: 'link.png' is outside the series "
        "folder (put the image inside the series folder)"]


def test_id_in_the_file_is_refused(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": "id: other\n" + GOOD_BRIEF})
    assert messages(folder) == [
        "b.en.yaml:1:1: id: 'id' is set by briefbuilder "
        "(remove it; the id comes from the file's name and place)"]


def test_footnotes_are_numbered_by_first_reference(make_series: MakeSeries) -> None:
    text = ("title: T\ndate: 2024-09-01\nfootnotes:\n  a: A.\n  b: B.\n"
            "sections:\n  - body:\n      - Second.[^b] First again.[^a] Again.[^b]\n")
    (edition,) = load_project(make_series({"b.en.yaml": text})).editions()
    assert edition.brief.footnote_numbers() == {"b": 1, "a": 2}


def test_a_file_that_is_not_a_mapping(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": "just text\n"}, series="- id: s\n- title: S\n")
    assert messages(folder) == [
        "series.yaml:1:1: expected a mapping of fields, found a list "
        "(write a mapping of 'name: value' lines)"]
    make_series({"b.en.yaml": "just text\n"})
    assert messages(folder) == [
        "b.en.yaml:1:1: expected a mapping of fields, found a single value "
        "(write a mapping of 'name: value' lines)"]


def test_a_brief_id_that_no_file_name_can_have(make_series: MakeSeries) -> None:
    folder = make_series(series="id: s\ntitle: S\ntheme: ../x\nbriefs: [b, B.x]\n")
    assert messages(folder) == [
        "series.yaml:3:1: theme: string should match pattern '^[a-z0-9][a-z0-9-]*$' "
        "(use lowercase letters, digits and hyphens, e.g. mexico-auto)",
        "series.yaml:4:13: briefs[1]: string should match pattern '^[a-z0-9][a-z0-9-]*$' "
        "(use lowercase letters, digits and hyphens, e.g. mexico-auto)"]


def test_footnote_keys_that_cannot_be_cited(make_series: MakeSeries) -> None:
    text = GOOD_BRIEF + 'footnotes:\n  a b: A.\n  x.y: X.\n  "k\\x01": K.\n'
    assert messages(make_series({"b.en.yaml": text})) == [
        "b.en.yaml:8:3: footnotes: control character U+0001 cannot be printed (remove it)"]
    folder = make_series({"b.en.yaml": text.replace('  "k\\x01": K.\n', "")})
    assert messages(folder) == [
        "b.en.yaml:6:3: footnotes.a b: footnote key 'a b' cannot be cited "
        "(use letters, digits, '-' and '_', e.g. ita-2024)",
        "b.en.yaml:7:3: footnotes.x.y: footnote key 'x.y' cannot be cited "
        "(use letters, digits, '-' and '_', e.g. ita-2024)"]
    assert load_project(folder).editions() == []


def test_an_unreadable_content_folder_is_named(make_series: MakeSeries,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_series()

    def refuse(path: Path) -> bool:  # what stat() does in a folder without read permission
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "is_file", refuse)
    with pytest.raises(UsageError) as caught:
        load_project(folder)
    assert str(caught.value) == f"{folder}: cannot read the folder: Permission denied"


def test_figure_file_that_is_not_an_image(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": HEAD + "      - figure: {image: x.png, alt: A chart}\n",
                          "x.png": "not an image"})
    assert messages(folder) == [
        "b.en.yaml:5:18: sections[0].body[0].figure.image: 'x.png' is not a PNG or JPEG image "
        "(export the figure as PNG or JPEG)"]


def test_brief_file_linking_outside_the_series_folder(make_series: MakeSeries,
                                                      tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF})
    (tmp_path / "elsewhere.yaml").write_text(GOOD_BRIEF)
    (folder / "b.es.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert messages(folder) == [
        f"b.es.yaml: the file links to {tmp_path / 'elsewhere.yaml'}, outside the series "
        "folder (copy the file into the series folder instead of linking to it)"]
    assert [e.brief.lang for e in load_project(folder).editions()] == ["en"]


def test_two_series_with_one_id(make_series: MakeSeries, tmp_path: Path) -> None:
    make_series(name="a")
    make_series(name="b", series="title: S\nid: s\nbriefs: [b]\n")
    content = tmp_path / "content"
    assert messages(content) == [
        "b/series.yaml:2:1: id: series id 's' is also used by a/series.yaml "
        "(give each series its own id)"]


def test_series_file_linking_outside_the_series_folder(make_series: MakeSeries,
                                                       tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF})
    (tmp_path / "elsewhere.yaml").write_text("id: s\ntitle: S\nbriefs: [b]\n")
    (folder / "series.yaml").unlink()
    (folder / "series.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert messages(folder) == [
        f"series.yaml: the file links to {tmp_path / 'elsewhere.yaml'}, outside the series "
        "folder (copy the file into the series folder instead of linking to it)"]
    assert load_project(folder).series == []
