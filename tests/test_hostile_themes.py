"""Hostile themes through the real command line: each is refused with its place and a fix,
the build exits 1 without a traceback, writes nothing for that series, and builds the rest."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from briefbuilder.errors import ThemeError
from briefbuilder.preflight.pdf_reader import read_pages
from briefbuilder.themes import copy_theme

from .conftest import GOOD_BRIEF, MakeSeries
from .test_cli import cli

SAFE = "id: t\ntitle: T\nbriefs: [b]\n"
HOSTILE = "id: s\ntitle: S\ntheme: house\nbriefs: [b]\n"
UNSAFE = ("the template reaches outside the brief's data: access to attribute {} is unsafe. "
          "(a theme template may use only the data it is given; remove that expression)")


@pytest.fixture
def house(make_series: MakeSeries, tmp_path: Path) -> Path:
    """A content folder of two series: s uses the theme styles/house (a copy of ilab,
    to be made hostile), t uses the built-in ilab. Returns the house theme folder."""
    make_series(series=HOSTILE, name="s")
    make_series(series=SAFE, name="t")
    shutil.copytree(tmp_path / "styles" / "ilab", tmp_path / "styles" / "house")
    return tmp_path / "styles" / "house"


def build(tmp_path: Path, *options: str, fmt: str = "html") -> subprocess.CompletedProcess[str]:
    """Build the content folder into tmp_path/out; t must build, s must not."""
    out = tmp_path / "out"
    result = cli("build", tmp_path / "content", "--out", out, "--format", fmt, *options)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (out / "t" / f"b.en.{fmt}").is_file(), result.stderr
    assert not (out / "s").exists()
    return result


def template(theme: Path, text: str, name: str = "colophon.html") -> Path:
    """Write a theme override of a template, its payload on line 2."""
    path = theme / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<footer>\n{text}\n</footer>\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("payload", "message"), [
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}",
     UNSAFE.format("'__init__' of 'type' object")),
    ("{{ edition.path.parent.joinpath('written').write_text('x') }}",
     UNSAFE.format("'path' of 'Edition' object")),
    ("{{ theme.folder.joinpath('brand.yaml').read_text() }}",
     UNSAFE.format("'folder' of 'Theme' object")),
    ("{{ brief.parse_file('/etc/passwd') }}",
     UNSAFE.format("'parse_file' of 'Brief' object")),
    ("{{ [brief] | map(attribute='folder') | first }}",
     UNSAFE.format("'folder' of 'Brief' object")),
    ("{{ labels.__class__.__mro__ }}", UNSAFE.format("'__class__' of 'Labels' object")),
    ("{{ theme }}", UNSAFE.replace("access to attribute {} is unsafe.",
                                   "printing a whole Theme object is unsafe (print one of "
                                   "its fields)")),
    ("{{ edition }}", UNSAFE.replace("access to attribute {} is unsafe.",
                                     "printing a whole Edition object is unsafe (print one "
                                     "of its fields)")),
])
def test_a_template_reaching_python_internals_is_a_theme_error(
    house: Path, tmp_path: Path, payload: str, message: str,
) -> None:
    colophon = template(house, payload)
    result = build(tmp_path)
    assert f"{colophon}:2: {message}" in result.stderr
    assert "uid=" not in result.stderr
    assert not (tmp_path / "content" / "s" / "written").exists()


def test_a_template_including_a_file_outside_the_theme_is_an_error(
    house: Path, tmp_path: Path,
) -> None:
    colophon = template(house, '{% include "../../../../../../etc/hostname" %}')
    result = build(tmp_path)
    assert (f"{colophon}:2: template error: no template '../../../../../../etc/hostname' "
            "(check the theme's templates)") in result.stderr


@pytest.mark.parametrize(("payload", "line", "message"), [
    ("{{ 1 / 0 }}", 2, "template error: ZeroDivisionError: division by zero"),
    ('{% include "colophon.html" %}', 2, "template error: RecursionError: maximum recursion "
                                         "depth exceeded"),
    ("{{ 'x' * 10**10 }}", 2, "the template ran out of memory (look for an expression that "
                              "makes a huge text or list, such as 'x' * 10**10)"),
])
def test_a_failing_template_is_an_error_at_its_line(
    house: Path, tmp_path: Path, payload: str, line: int, message: str,
) -> None:
    colophon = template(house, payload)
    result = build(tmp_path)
    assert f"{colophon}:{line}: {message}" in result.stderr


def test_check_finds_a_template_syntax_error(house: Path, tmp_path: Path) -> None:
    colophon = template(house, "{% if brief.title %}")
    paragraph = template(house, "{{ }}", "blocks/paragraph.html")
    result = cli("check", tmp_path / "content")
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        f"{paragraph}:2: template error: Expected an expression, got 'end of print statement' "
        "(check the theme's templates)",
        f"{colophon}:2: template error: Unexpected end of template. Jinja was looking for the "
        "following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be "
        "closed is 'if'. (check the theme's templates)",
    ]


def test_a_stylesheet_importing_itself_is_an_error(house: Path, tmp_path: Path) -> None:
    (house / "print.css").write_text("@import url(print.css);\n", encoding="utf-8")
    result = build(tmp_path, fmt="pdf")
    assert (f"{tmp_path}/content/s/b.en.yaml: WeasyPrint failed: FatalURLFetchingError: "
            f'Error fetching "{(house / "print.css").as_uri()}" (RecursionError: maximum '
            "recursion depth exceeded") in result.stderr
    assert ("(check the theme's templates and stylesheet; one that imports itself never "
            "ends)") in result.stderr
    assert "the worker process died" not in result.stderr


@pytest.mark.parametrize(("href", "shown", "scheme"), [
    ("file:///etc/passwd", "file:///etc/passwd", "file:"),
    ("javascript:app.alert(1)", "javascript:app.alert(1)", "javascript:"),
    ("#", "{series}/", "file:"),  # '#' alone resolves to the series folder
])
def test_a_theme_link_no_brief_may_make_is_refused(
    house: Path, tmp_path: Path, href: str, shown: str, scheme: str,
) -> None:
    template(house, f'<a href="{href}">details</a>')
    result = build(tmp_path, fmt="pdf")
    target = shown.format(series=(tmp_path / "content" / "s").as_uri())
    assert (f"{house}/templates: the theme makes a link that no brief may make: link target "
            f"'{target}' uses '{scheme}'; allowed are https:, http:, mailto: and in-document "
            "anchors (#id) (remove the link from the theme's templates or print.css)"
            ) in result.stderr


def test_a_huge_range_is_stopped_by_the_sandbox(house: Path, tmp_path: Path) -> None:
    colophon = template(house, "{% for i in range(10**9) %}x{% endfor %}")
    result = build(tmp_path)
    assert (f"{colophon}:2: template error: OverflowError: Range too big. The sandbox blocks "
            "ranges larger than MAX_RANGE (100000). (check the theme's templates)"
            ) in result.stderr


def test_an_endless_template_is_stopped_by_the_time_limit(house: Path, tmp_path: Path) -> None:
    template(house, "{% for i in range(100000) %}{% for j in range(100000) %}"
                    "{% endfor %}{% endfor %}")
    result = build(tmp_path, "--time-limit", "3", "-j", "2")
    brief = tmp_path / "content" / "s" / "b.en.yaml"
    assert (f"{brief}: timed out after 3 s (raise --time-limit, or look for a huge table or "
            "image)") in result.stderr


@pytest.mark.parametrize("name", [
    "templates/colophon.html", "templates/blocks", "print.css", "brand.yaml", "labels/en.yaml",
    "logo.png", "reference.docx",
])
def test_a_theme_file_linking_outside_the_theme_is_refused(
    house: Path, tmp_path: Path, name: str,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_text("the host's secret\n", encoding="utf-8")
    link = house / name
    if link.exists():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside if name == "templates/blocks" else outside / "secret")
    target = outside if name == "templates/blocks" else outside / "secret"
    result = build(tmp_path)
    assert (f"{link}: the file links to {target}, outside the theme folder "
            "(copy the file into the theme folder instead of linking to it)") in result.stderr
    assert "the host's secret" not in result.stderr
    check = cli("check", tmp_path / "content")
    assert check.returncode == 1
    assert f"{link}: the file links to {target}, outside the theme folder" in check.stderr


def test_copying_a_theme_never_copies_what_its_links_lead_to(house: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("the host's secret\n", encoding="utf-8")
    (house / "secret.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ThemeError) as caught:
        copy_theme("house", tmp_path / "content" / "s", tmp_path / "styles" / "mine")
    assert str(caught.value) == (
        f"{house}/secret.txt: the file links to {tmp_path}/secret.txt, outside the theme folder "
        "(copy the file into the theme folder instead of linking to it)")
    assert not (tmp_path / "styles" / "mine").exists()


def test_a_theme_folder_that_is_a_link_is_the_folder_it_leads_to(
    make_series: MakeSeries, tmp_path: Path,
) -> None:
    """styles/house -> elsewhere/house: the theme is that folder, and its own links may
    point anywhere inside it."""
    make_series(series=HOSTILE, name="s")
    elsewhere = tmp_path / "elsewhere" / "house"
    shutil.copytree(tmp_path / "styles" / "ilab", elsewhere)
    template(elsewhere, "<p class='house'>{{ series.title }}</p>", "shared/colophon.html")
    (elsewhere / "templates" / "colophon.html").symlink_to(
        elsewhere / "templates" / "shared" / "colophon.html")
    (tmp_path / "styles" / "house").symlink_to(elsewhere)
    out = tmp_path / "out"
    result = cli("build", tmp_path / "content", "--out", out, "--format", "html")
    assert result.returncode == 0, result.stderr
    assert "<p class='house'>S</p>" in (out / "s" / "b.en.html").read_text(encoding="utf-8")


def test_content_files_linking_outside_the_series_are_refused(
    make_series: MakeSeries, tmp_path: Path,
) -> None:
    folder = make_series(series=SAFE.replace("t", "s", 1), name="s")
    make_series(series=SAFE, name="t")
    (tmp_path / "elsewhere.yaml").write_text(GOOD_BRIEF, encoding="utf-8")
    (folder / "b.en.yaml").unlink()
    (folder / "b.en.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    result = build(tmp_path)
    assert (f"{folder}/b.en.yaml: the file links to {tmp_path}/elsewhere.yaml, outside the "
            "series folder (copy the file into the series folder instead of linking to it)"
            ) in result.stderr


def test_label_templates_use_only_their_own_bare_placeholders(
    house: Path, tmp_path: Path,
) -> None:
    """A label is filled with str.format: attribute access, a huge width or an unknown name
    would reach into Python objects, exhaust memory or crash the writer."""
    catalog = house / "labels" / "en.yaml"
    lines = catalog.read_text(encoding="utf-8").splitlines()
    lines = [{"brief_of": 'brief_of: "Brief { of"', "figure": 'figure: "Fig. {number:>999999999}"',
              "table": 'table: "Table {number.__class__}"'}.get(line.split(":")[0], line)
             for line in lines]
    catalog.write_text("\n".join(lines) + "\n", encoding="utf-8")
    row = {key: n for n, line in enumerate(lines, 1) for key in ("brief_of", "figure", "table")
           if line.startswith(f"{key}:")}
    expected = [
        f"{catalog}:{row['brief_of']}:1: brief_of: 'Brief {{ of' is not a label template: "
        "expected '}' before end of string (use {number}, {total}; write a brace itself as "
        "{{ or }})",
        f"{catalog}:{row['figure']}:1: figure: {{number:>999999999}} is not a placeholder of "
        "this label (use {number})",
        f"{catalog}:{row['table']}:1: table: {{number.__class__}} is not a placeholder of this "
        "label (use {number})",
    ]
    result = build(tmp_path)
    for message in expected:
        assert message in result.stderr
    check = cli("check", tmp_path / "content")
    assert check.returncode == 1
    assert check.stderr.splitlines()[:3] == expected


@pytest.mark.parametrize(("name", "what"), [
    ("templates/colophon.html", "a named pipe"), ("labels/en.yaml", "a named pipe"),
    ("brand.yaml", "a named pipe"), ("print.css", "a link that leads nowhere"),
    ("templates/colophon.html", "a link that leads nowhere"),
])
def test_a_theme_file_that_is_no_regular_file_is_refused_without_waiting(
    house: Path, tmp_path: Path, name: str, what: str,
) -> None:
    """A named pipe would block the read forever; a theme's own file is never silently
    replaced by the package's."""
    path = house / name
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    if what == "a named pipe":
        os.mkfifo(path)
    else:
        path.symlink_to(house / "gone.css")
    message = (f"{path}: the file is {what}, not a regular file (replace it with the file "
               "itself)")
    assert message in build(tmp_path, fmt="pdf").stderr
    check = cli("check", tmp_path / "content")
    assert check.returncode == 1
    assert "Traceback" not in check.stderr
    assert check.stderr.splitlines()[0] == message


def test_a_brief_file_that_is_a_named_pipe_is_refused_without_waiting(
    make_series: MakeSeries, tmp_path: Path,
) -> None:
    folder = make_series(series=SAFE.replace("t", "s", 1).replace("[b]", "[b, c]"), name="s")
    make_series(series=SAFE, name="t")
    os.mkfifo(folder / "c.en.yaml")
    message = (f"{folder}/c.en.yaml: the file is a named pipe, not a regular file (replace "
               "it with the file itself)")
    check = cli("check", tmp_path / "content")
    assert check.returncode == 1
    assert check.stderr.splitlines()[0] == message
    out = tmp_path / "out"
    result = cli("build", tmp_path / "content", "--out", out, "--format", "html")
    assert result.returncode == 1
    assert message in result.stderr
    assert (out / "s" / "b.en.html").is_file() and (out / "t" / "b.en.html").is_file()
    assert not (out / "s" / "c.en.html").exists()


@pytest.mark.parametrize(("css", "shown"), [
    ("body { background: url(file:///etc/hostname) }", "/etc/hostname"),
    ("@import url(data:text/css,body{color:red});", "data:text/css,body{color:red}"),
    ("@import url(//example.com/x.css);", "file://example.com/x.css"),
    ("@page { @top-left { content: url(https://example.com/a.png) } }",
     "https://example.com/a.png"),
    ("@font-face { font-family: X; src: local('DejaVu Sans') } body { font-family: X }",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
])
def test_a_stylesheet_loading_what_no_theme_may_is_refused(
    house: Path, tmp_path: Path, css: str, shown: str,
) -> None:
    (house / "print.css").write_text(f"{css}\n", encoding="utf-8")
    result = build(tmp_path, fmt="pdf")
    assert (f"{tmp_path}/content/s/b.en.yaml: refused to load {shown!r} (a brief and its "
            "theme may use only files inside the series folder and the theme folder, never "
            "the network; look for it in the brief's figures and the theme's print.css and "
            "templates)") in result.stderr


def test_a_stylesheet_may_import_a_chain_of_its_own_files(house: Path, tmp_path: Path) -> None:
    (house / "print.css").write_text("@import url(a.css);\n", encoding="utf-8")
    (house / "a.css").write_text("@import url(parts/b.css);\n", encoding="utf-8")
    (house / "parts").mkdir()
    (house / "parts" / "b.css").write_text(".title { color: #00FF00 }\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("build", tmp_path / "content", "--out", out, "--format", "pdf")
    assert result.returncode == 0, result.stderr
    runs = read_pages(out / "s" / "b.en.pdf")[0].runs
    assert {run.color for run in runs if run.text.strip() == "T"} == {"#00FF00"}
