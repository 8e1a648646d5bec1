"""The command line, run as a user runs it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from ruamel.yaml import YAML

from briefbuilder.themes import BUILTIN_THEMES

from .conftest import GOOD_BRIEF, SAMPLE, MakeSeries


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefbuilder", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_check_passes_on_the_sample_series() -> None:
    result = cli("check", SAMPLE)
    assert result.returncode == 0, result.stderr
    assert "ok: 2 brief edition(s) valid, 0 warning(s)" in result.stderr


def test_check_reports_bad_content_without_traceback(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": "title: T\ndate: 2024-09-01\nsections:\n"
                                       "  - body:\n      - bulets: [x]\n"})
    result = cli("check", folder)
    assert result.returncode == 1
    assert f"{folder}/b.en.yaml:5:9: sections[0].body[0]: unknown block type 'bulets' " \
           "(did you mean 'bullets'?)" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_check_accepts_a_folder_of_series(make_series: MakeSeries) -> None:
    folder = make_series()
    make_series(name="t", series="id: t\ntitle: T\nbriefs: [b]\n")
    result = cli("check", folder.parent)
    assert result.returncode == 0, result.stderr
    assert "ok: 2 brief edition(s) valid" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = cli("check", tmp_path / "nowhere")
    assert missing.returncode == 2
    assert "no such folder" in missing.stderr
    empty = cli("check", tmp_path)
    assert empty.returncode == 2
    assert "no series.yaml here or in its folders" in empty.stderr
    bad_format = cli("build", "--format", "rtf")
    assert bad_format.returncode == 2
    assert "invalid choice: 'rtf'" in bad_format.stderr
    for limit in ("0", "nan", "-1"):
        bad_limit = cli("build", "--time-limit", limit)
        assert bad_limit.returncode == 2
        assert ("argument --time-limit: must be a number of seconds above 0"
                in bad_limit.stderr)


def test_unknown_theme_is_named(make_series: MakeSeries) -> None:
    folder = make_series(series="id: s\ntitle: S\ntheme: fancy\nbriefs: [b]\n")
    result = cli("check", folder)
    assert result.returncode == 1
    assert f"{folder}/series.yaml:3:1: theme: theme 'fancy' not found" in result.stderr


def test_schema_is_valid_and_accepts_the_sample_briefs() -> None:
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(SAMPLE.glob("*/*.*.yaml")):
        data = json.loads(json.dumps(YAML(typ="safe").load(path), default=str))
        assert list(validator.iter_errors(data)) == [], path
    assert "id" not in schema["properties"]
    assert schema["properties"]["sections"]["type"] == "array"


def test_new_scaffolds_a_brief_that_passes_check(tmp_path: Path) -> None:
    (tmp_path / "styles").symlink_to(BUILTIN_THEMES)
    result = cli("new", "policy-series/first-brief", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content/policy-series/first-brief.en.yaml").is_file()
    assert cli("new", "policy-series/second", cwd=tmp_path).returncode == 0
    check = cli("check", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "ok: 2 brief edition(s) valid, 0 warning(s)" in check.stderr
    again = cli("new", "policy-series/first-brief", cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists" in again.stderr


def test_new_refuses_bad_names(tmp_path: Path) -> None:
    result = cli("new", "Bad Name", cwd=tmp_path)
    assert result.returncode == 2
    assert "write SERIES/BRIEF_ID in lowercase" in result.stderr


def test_check_names_a_language_without_labels(make_series: MakeSeries) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "b.fr.yaml": GOOD_BRIEF})
    result = cli("check", folder)
    assert result.returncode == 1
    assert (f"{folder}/b.fr.yaml:1:1: lang: theme 'ilab' has no labels for language 'fr' "
            "(it has en, es)") in result.stderr


def test_check_reports_a_broken_theme(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    brand = tmp_path / "styles" / "ilab" / "brand.yaml"
    brand.write_text(brand.read_text().replace('primary: "#14305C"', 'primary: navy'))
    result = cli("check", folder)
    assert result.returncode == 1
    assert f"{brand}:4:3: colors.primary: string should match pattern" in result.stderr


def test_preflight_command_and_build_option(make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series()
    out = tmp_path / "out"
    unbuilt = cli("preflight", folder, "--out", out)
    assert unbuilt.returncode == 1
    assert "4 passed, 2 failed" in unbuilt.stdout  # the PDF and the draft are not built
    built = cli("build", folder, "--out", out, "--preflight")
    assert built.returncode == 0, built.stderr
    assert "preflight: 1 brief edition(s):" in built.stdout  # the report, for a pipe
    assert "preflight:" not in built.stderr
    report = cli("preflight", folder, "--out", out, "--json")
    assert report.returncode == 0, report.stderr
    summary = json.loads(report.stdout)["summary"]
    assert summary["fail"] == 0 and summary["pass"] > 20


def test_preflight_quiet_and_verbose_in_build_and_alone(make_series: MakeSeries,
                                                        tmp_path: Path) -> None:
    folder, out = make_series(), tmp_path / "out"
    quiet = cli("build", folder, "--out", out, "--preflight", "-q")
    assert quiet.returncode == 0, quiet.stderr
    assert "s: 1 brief edition(s)" not in quiet.stdout  # no series line, no notice
    assert "notice:" not in quiet.stdout
    assert quiet.stdout.splitlines()[-1].startswith("preflight: 1 brief edition(s): ")
    verbose = cli("preflight", folder, "--out", out, "-v")
    assert verbose.returncode == 0, verbose.stderr
    assert f"{folder}/b.en.yaml: pdf.headings: pass: 1 heading(s) in order: H1 [b.en.pdf]" \
        in verbose.stdout.splitlines()
    assert verbose.stderr == ""
    assert cli("preflight", folder, "--out", out, "-q", "-v").returncode == 2
    reader_gone = subprocess.Popen(  # `preflight -v | head -0`: the pipe closes before a line
        [sys.executable, "-m", "briefbuilder", "preflight", str(folder), "--out", str(out),
         "-v"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader_gone.stdout is not None and reader_gone.stderr is not None
    reader_gone.stdout.close()
    assert (reader_gone.wait(timeout=300), reader_gone.stderr.read()) == (0, b"")


def test_build_names_a_language_with_no_edition(make_series: MakeSeries, tmp_path: Path) -> None:
    result = cli("build", make_series(), "--out", tmp_path / "out", "--lang", "fr")
    assert result.returncode == 2
    assert "--lang fr: no edition in that language (there are: en)" in result.stderr
