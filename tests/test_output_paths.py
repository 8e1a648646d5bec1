"""Output paths never leave --out: '.', '..', linked series folders, relative and absolute
--out, and links inside the output folder that lead elsewhere (issue 10, item 3)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import GOOD_BRIEF, MakeSeries
from .test_cli import cli


def listing(root: Path) -> set[str]:
    """Every path under root, relative to it, links not followed."""
    return {str(path.relative_to(root)) for path in root.rglob("*")}


def outside(root: Path, out: Path) -> set[str]:
    """The listing of root without what lies inside the output folder out."""
    own = str(out.relative_to(root))
    return {p for p in listing(root) if p != own and not p.startswith(own + "/")}


@pytest.mark.parametrize(("cwd", "content", "out"), [
    ("content/s", ".", "{tmp}/out"),           # '.' and an absolute --out
    ("content/s", ".", "../../out"),           # '.' and a relative --out
    ("content/s/notes", "..", "../../../out"),  # '..'
    ("content", ".", "{tmp}/out"),             # '.' as a folder of series
])
def test_outputs_of_a_series_named_dot_or_dotdot_go_under_its_name(
        make_series: MakeSeries, tmp_path: Path, cwd: str, content: str, out: str) -> None:
    make_series()
    (tmp_path / "content/s/notes").mkdir()
    before, root_before = listing(tmp_path), set(os.listdir("/"))
    result = cli("build", content, "--out", out.format(tmp=tmp_path), "--format", "html",
                 cwd=tmp_path / cwd)
    assert result.returncode == 0, result.stderr
    assert listing(tmp_path / "out") == {".briefbuilder.lock", "manifest.json", "s",
                                         "s/b.en.html"}
    assert outside(tmp_path, tmp_path / "out") == before
    assert set(os.listdir("/")) == root_before
    assert '"path": "s/b.en.html"' in (tmp_path / "out/manifest.json").read_text()


def test_a_linked_series_folder_builds_under_the_link_s_name(make_series: MakeSeries,
                                                            tmp_path: Path) -> None:
    make_series()
    (tmp_path / "linked").symlink_to(tmp_path / "content/s", target_is_directory=True)
    before = listing(tmp_path)
    result = cli("build", "linked", "--out", "out", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert listing(tmp_path / "out") == {".briefbuilder.lock", "manifest.json", "linked",
                                         "linked/b.en.html"}
    assert outside(tmp_path, tmp_path / "out") == before


def test_an_output_that_leads_out_of_the_output_folder_is_refused(make_series: MakeSeries,
                                                                  tmp_path: Path) -> None:
    make_series()
    make_series({"b.en.yaml": GOOD_BRIEF}, series="id: t\ntitle: T\nbriefs: [b]\n", name="t")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "s").symlink_to(elsewhere, target_is_directory=True)
    result = cli("build", tmp_path / "content", "--out", out, "--format", "html", "-v")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (f"{tmp_path}/content/s/b.en.yaml: cannot write {out}/s/b.en.html: it leads "
            f"outside the output folder {out} (remove the link in the output folder that "
            "leads elsewhere, or build into another folder with --out)") in result.stderr
    assert "1 built, 0 up to date, 1 failed, 0 content error(s)" in result.stderr
    assert list(elsewhere.iterdir()) == []
    assert (out / "t" / "b.en.html").is_file()


def test_a_series_folder_named_like_the_staging_folder_is_never_cleared(
        make_series: MakeSeries, tmp_path: Path) -> None:
    """The staging folder inside --out is cleared at every build; a series folder that is
    (or links into) it would be deleted."""
    folder = make_series(name=".briefbuilder-staging")
    out = tmp_path / "out"
    out.mkdir()
    folder.rename(out / ".briefbuilder-staging")
    (tmp_path / "content" / "s").symlink_to(out / ".briefbuilder-staging")
    before = listing(tmp_path)
    result = cli("build", tmp_path / "content", "--out", out, "--format", "html")
    assert result.returncode == 2
    assert result.stderr == (
        f"{tmp_path}/content/s is inside {out}/.briefbuilder-staging, the folder every build "
        f"into --out {out} clears (rename the folder, or build into another folder with "
        "--out)\n")
    assert listing(tmp_path) == before
    (tmp_path / "content" / "s").unlink()
    make_series(name=".briefbuilder-staging")
    result = cli("build", "content", "--out", "content", "--format", "html", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "content/.briefbuilder-staging is inside "
        f"{tmp_path}/content/.briefbuilder-staging, the folder every build into --out content "
        "clears (rename the folder, or build into another folder with --out)\n")
    assert (tmp_path / "content" / ".briefbuilder-staging" / "b.en.yaml").is_file()
