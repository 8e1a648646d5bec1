"""Deceptive text and links: bidi controls, credentials in links, look-alike host names."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbuilder.errors import Severity
from briefbuilder.loader import load_project
from briefbuilder.model.inline import host_warning, parse_inline, plain_text

from .conftest import MakeSeries
from .test_loader import HEAD, messages
from .theme_helpers import theme_problems

RLO = "\u202e"
BIDI_MESSAGE = ("bidirectional control U+{code} can make text read differently than it is "
                "(U+202E shows 'fdp.exe' as 'exe.pdf') (remove it)")


@pytest.mark.parametrize(("brief", "where"), [
    (f"title: Report {RLO}exe.pdf\ndate: 2024-09-01\nsections:\n  - body: [x]\n",
     "b.en.yaml:1:1: title"),
    ("title: T\ndate: 2024-09-01\nsections:\n  - heading: \"A \\u2066B\"\n    body: [x]\n",
     "b.en.yaml:4:5: sections[0].heading"),
    (HEAD + f"      - 'Get [fdp{RLO}.exe](https://example.org/report.pdf)'\n",
     "b.en.yaml:5:9: sections[0].body[0]"),
])
def test_bidi_controls_are_errors_in_titles_headings_and_link_text(
        make_series: MakeSeries, brief: str, where: str) -> None:
    folder = make_series({"b.en.yaml": brief})
    code = "2066" if "\\u2066" in brief else "202E"
    assert messages(folder) == [f"{where}: {BIDI_MESSAGE.format(code=code)}"]
    assert load_project(folder).editions() == []


@pytest.mark.parametrize("char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                  "\u2066", "\u2067", "\u2068", "\u2069"])
def test_every_bidi_control_is_refused_by_the_inline_parser(char: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_inline(f"see fdp{char}.exe")
    assert str(caught.value) == (
        f"bidirectional control U+{ord(char):04X} at offset 7 can make text read differently "
        "than it is (U+202E shows 'fdp.exe' as 'exe.pdf'); remove it")


def test_marks_that_only_hint_direction_are_fine() -> None:
    # U+200E/U+200F (LRM/RLM) cannot reorder text; Arabic and Hebrew briefs need them.
    text = "\u05e9\u05dc\u05d5\u05dd\u200f 2024\u200e"
    assert plain_text(parse_inline(text)) == text


@pytest.mark.parametrize("href", ["https://user:s3cret@example.org/data",
                                  "http://token@example.org/"])
def test_links_with_credentials_are_errors(make_series: MakeSeries, href: str) -> None:
    folder = make_series({"b.en.yaml": HEAD + f"      - See [the data]({href}).\n"})
    shown = href.split("://")[0] + "://…@example.org/" + href.split("example.org/")[1]
    assert messages(folder) == [
        f"b.en.yaml:5:9: sections[0].body[0]: link target {shown!r} carries a user name or "
        "password, which the brief would publish; remove the part before '@'"]
    assert "s3cret" not in "".join(messages(folder))


def test_project_url_with_credentials_is_an_error(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": HEAD + (
        "      - projects:\n          items:\n            - name: P\n              implementer: I\n"
        "              url: https://a:b@example.org/\n")})
    assert messages(folder) == [
        "b.en.yaml:9:15: sections[0].body[0].projects.items[0].url: link target "
        "'https://…@example.org/' carries a user name or password, which the brief would "
        "publish; remove the part before '@'"]


def test_mixed_script_host_is_a_warning_showing_punycode(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": HEAD + (
        "      - Visit [Apple](https://\u0430pple.com/) today.\n"
        "      - projects:\n          items:\n            - name: P\n              implementer: I\n"
        "              url: https://\u0440aypal.com/\n")})
    project = load_project(folder)
    assert [str(p).replace(f"{folder}/", "") for p in project.problems] == [
        "b.en.yaml:5:9: warning: sections[0].body[0]: link host '\u0430pple.com' mixes Cyrillic "
        "and Latin letters, so it can pass for another site; it is xn--pple-43d.com (check the "
        "address; if it is right, write the host in one script)",
        "b.en.yaml:10:15: warning: sections[0].body[1].projects.items[0].url: link host "
        "'\u0440aypal.com' mixes Cyrillic and Latin letters, so it can pass for another site; "
        "it is xn--aypal-uye.com (check the address; if it is right, write the host in one "
        "script)"]
    assert all(p.severity is Severity.WARNING for p in project.problems)
    assert len(project.editions()) == 1  # a warning does not stop the brief


@pytest.mark.parametrize("href", [
    "https://example.org/", "https://пример.рф/", "https://日本語ひらがな.jp/",
    "https://bücher.de/", "mailto:a@example.org", "#learning-questions"])
def test_hosts_in_one_script_are_not_warned_about(href: str) -> None:
    assert host_warning(href) is None


@pytest.mark.parametrize("char", ["\u200b", "\u00ad", "\u2060", "\ufeff"])
def test_an_invisible_character_in_a_host_is_an_error(make_series: MakeSeries,
                                                      char: str) -> None:
    href = f"https://exa{char}mple.org/"
    folder = make_series({"b.en.yaml": HEAD + f"      - See [the site]({href}).\n"})
    assert messages(folder) == [
        f"b.en.yaml:5:9: sections[0].body[0]: link target {href!r} hides the invisible "
        f"character U+{ord(char):04X} in its host name, so it is not the site it looks like; "
        "remove it"]
    assert "\\u" in messages(folder)[0] or "\\x" in messages(folder)[0]  # shown escaped


def test_a_dot_look_alike_in_a_host_is_a_warning_naming_the_real_host() -> None:
    assert host_warning("https://example.com\u3002evil.org/") == (
        "link host 'example.com\u3002evil.org' uses '\u3002' (U+3002) as a dot, so it can pass "
        "for another site; browsers go to example.com.evil.org")


def test_a_bidi_control_in_a_theme_label_is_an_error(make_series: MakeSeries,
                                                     tmp_path: Path) -> None:
    make_series()
    labels = tmp_path / "styles" / "ilab" / "labels" / "en.yaml"
    labels.write_text(labels.read_text().replace(
        "series_label: ", f"series_label: {RLO}", 1))
    assert theme_problems(labels.parent.parent / "brand.yaml") == [
        f"{labels}:1:1: series_label: " + BIDI_MESSAGE.format(code="202E")]
