"""Projects as a newcomer makes them: init, new, themes, theme copy, schemas, check FILE."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pikepdf
from ruamel.yaml import YAML

from briefbuilder.themes import BUILTIN_THEMES

from .conftest import GOOD_BRIEF, SAMPLE, MakeSeries
from .test_cli import cli

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{}.schema.json\n"


def test_init_makes_a_project_that_builds_and_passes_preflight(tmp_path: Path) -> None:
    result = cli("init", "p", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "p"
    assert "next: cd p && briefbuilder build && briefbuilder preflight" in result.stderr
    series = project / "content/my-series/series.yaml"
    brief = project / "content/my-series/first-brief.en.yaml"
    assert series.read_text().startswith(SCHEMA_LINE.format("series"))
    assert brief.read_text().startswith(SCHEMA_LINE.format("brief"))
    settings = json.loads((project / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"]["schemas/brief.schema.json"] == ["content/*/*.*.yaml"]
    for kind in ("brief", "series", "brand", "labels"):
        assert json.loads((project / f"schemas/{kind}.schema.json").read_text())["title"] \
            == f"briefbuilder {kind}"
    assert not (project / "styles").exists()  # the built-in theme is used
    build = cli("build", cwd=project)
    assert build.returncode == 0, build.stderr
    pdf = project / "output/my-series/first-brief.en.pdf"
    with pikepdf.open(pdf) as document:
        assert len(document.pages) == 1
    assert (project / "output/my-series/first-brief.en.docx").is_file()
    preflight = cli("preflight", cwd=project)
    assert preflight.returncode == 0, preflight.stderr + preflight.stdout
    assert ", 0 failed," in preflight.stdout


def test_init_refuses_a_project_that_has_content(tmp_path: Path) -> None:
    assert cli("init", cwd=tmp_path).returncode == 0
    again = cli("init", cwd=tmp_path)
    assert again.returncode == 2
    assert ("content already holds content; 'briefbuilder new SERIES/BRIEF_ID' adds a brief "
            "to it") in again.stderr


def test_new_adds_a_brief_with_its_schema_line_and_keeps_the_series_comments(
        tmp_path: Path) -> None:
    assert cli("new", "unions/lessons", cwd=tmp_path).returncode == 0
    assert cli("new", "unions/votes", "--lang", "es", cwd=tmp_path).returncode == 0
    series = (tmp_path / "content/unions/series.yaml").read_text()
    assert series.startswith(SCHEMA_LINE.format("series"))
    assert "\nbriefs: [lessons, votes] # the order of the briefs in the series\n" in series
    assert "\ntheme: ilab  # 'briefbuilder themes' lists the themes you can use\n" in series
    spanish = (tmp_path / "content/unions/votes.es.yaml").read_text()
    assert spanish.startswith(SCHEMA_LINE.format("brief"))
    assert "      - El primer párrafo del informe.[^source]\n" in spanish  # its starter text
    assert "The first paragraph" not in spanish
    assert (tmp_path / "schemas/brief.schema.json").is_file()
    check = cli("check", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "ok: 2 brief edition(s) valid, 0 warning(s)" in check.stderr


def test_a_series_anywhere_uses_the_built_in_themes(tmp_path: Path) -> None:
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "series.yaml").write_text("id: s\ntitle: S\ntheme: plain\nbriefs: [b]\n")
    (folder / "b.en.yaml").write_text(GOOD_BRIEF)
    result = cli("build", folder, "--out", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/lessons/b.en.pdf").is_file()


def test_themes_lists_where_each_theme_comes_from(make_series: MakeSeries,
                                                  tmp_path: Path) -> None:
    folder = make_series()  # beside a copy of the built-in themes, named ilab and plain
    (tmp_path / "styles" / "plain").rename(tmp_path / "styles" / "house")
    result = cli("themes", folder.parent)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert set(rows) == {"house", "ilab", "plain"}
    assert f"{tmp_path / 'styles'} (overrides the built-in one)" in rows["ilab"]
    assert rows["house"].rstrip().endswith(str(tmp_path / "styles"))
    assert rows["plain"].rstrip().endswith("built-in")


def test_theme_copy_makes_a_theme_a_series_can_name(tmp_path: Path) -> None:
    assert cli("init", cwd=tmp_path).returncode == 0
    copy = cli("theme", "copy", "ilab", "styles/myorg", cwd=tmp_path)
    assert copy.returncode == 0, copy.stderr
    assert "name it in series.yaml as 'theme: myorg'" in copy.stderr
    assert (tmp_path / "styles/myorg/brand.yaml").read_bytes() == \
        (BUILTIN_THEMES / "ilab/brand.yaml").read_bytes()
    series = tmp_path / "content/my-series/series.yaml"
    series.write_text(series.read_text().replace("theme: ilab", "theme: myorg"))
    brand = tmp_path / "styles/myorg/brand.yaml"
    brand.write_text(brand.read_text().replace("name: ILAB", "name: My Org"))
    themes = cli("themes", cwd=tmp_path)
    assert "My Org" in themes.stdout
    assert cli("check", cwd=tmp_path).returncode == 0
    again = cli("theme", "copy", "ilab", "styles/myorg", cwd=tmp_path)
    assert again.returncode == 2
    assert "styles/myorg already exists; name a new folder" in again.stderr
    bad = cli("theme", "copy", "ilab", "styles/My Org", cwd=tmp_path)
    assert bad.returncode == 2
    assert "'My Org': name the theme folder in lowercase letters" in bad.stderr
    missing = cli("theme", "copy", "fancy", "styles/fancy", cwd=tmp_path)
    assert missing.returncode == 1
    assert "theme 'fancy' not found (available: ilab, myorg, plain)" in missing.stderr


def test_each_schema_kind_accepts_the_files_of_its_kind() -> None:
    files = {
        "brief": sorted(SAMPLE.glob("*/*.*.yaml")),
        "series": sorted(SAMPLE.glob("*/series.yaml")),
        "brand": sorted(BUILTIN_THEMES.glob("*/brand.yaml")),
        "labels": sorted(BUILTIN_THEMES.glob("*/labels/*.yaml")),
    }
    for kind, paths in files.items():
        result = cli("schema", "--kind", kind)
        assert result.returncode == 0, result.stderr
        schema = json.loads(result.stdout)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        assert paths
        for path in paths:
            data = json.loads(json.dumps(YAML(typ="safe").load(path), default=str))
            assert list(validator.iter_errors(data)) == [], path
    brand = json.loads(cli("schema", "--kind", "brand").stdout)
    assert list(jsonschema.Draft202012Validator(brand).iter_errors({"name": "x"}))


def test_schema_into_a_closed_pipe_ends_quietly() -> None:
    shell = subprocess.run(
        f"{sys.executable} -m briefbuilder schema | head -c 10; exit ${{PIPESTATUS[0]}}",
        shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=60)
    assert shell.stdout == '{\n  "$defs'
    assert shell.stderr == ""
    assert shell.returncode == 0


def test_check_file_checks_that_brief_only(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "c.en.yaml": "title: [broken\n"},
                         series="id: s\ntitle: S\nbriefs: [b, c]\n")
    good = cli("check", folder / "b.en.yaml")
    assert good.returncode == 0, good.stderr
    assert good.stderr.strip() == "ok: 1 brief edition(s) valid, 0 warning(s)"
    bad = cli("check", folder / "c.en.yaml")
    assert bad.returncode == 1
    assert f"{folder}/c.en.yaml:2:1: invalid YAML" in bad.stderr
    assert "b.en.yaml" not in bad.stderr
    assert "1 error(s); 0 brief edition(s) valid" in bad.stderr
    lonely = folder.parent / "lonely.en.yaml"
    lonely.write_text(GOOD_BRIEF)
    alone = cli("check", lonely)
    assert alone.returncode == 2
    assert f"{lonely}: no series.yaml beside it" in alone.stderr


def test_check_counts_no_edition_valid_that_its_theme_cannot_build(
        make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "b.fr.yaml": GOOD_BRIEF})
    result = cli("check", folder)
    assert result.returncode == 1
    assert "1 error(s); 1 brief edition(s) valid" in result.stderr


def test_check_reports_a_table_wider_than_the_theme_allows(make_series: MakeSeries) -> None:
    row = "[" + ", ".join(f"c{i}" for i in range(9)) + "]"
    brief = ("title: T\ndate: 2024-09-01\nsections:\n  - body:\n      - Text.\n"
             f"      - table:\n          caption: Wide\n          header: {row}\n"
             f"          rows: [{row}]\n")
    folder = make_series({"b.en.yaml": brief})
    result = cli("check", folder)
    assert result.returncode == 1, result.stderr
    assert (f"{folder}/b.en.yaml:6:9: sections[0].body[1].table: the table has 9 columns; the "
            "theme allows at most 8 on the page") in result.stderr
    assert "1 error(s); 0 brief edition(s) valid" in result.stderr
