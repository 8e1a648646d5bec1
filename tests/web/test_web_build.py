"""Web builds as a user runs them: reproducible bytes, incremental, recorded in the manifest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..conftest import GOOD_BRIEF, MakeSeries
from ..test_build import built
from ..test_cli import cli
from .conftest import FORMATS


def tree(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and path.name != ".briefbuilder.lock"}


def test_the_same_content_builds_the_same_bytes(site: Path, every_block: Path,
                                                tmp_path: Path) -> None:
    result = cli("build", every_block, "--out", tmp_path, *FORMATS, "-q")
    assert result.returncode == 0, result.stderr
    first, again = tree(site / "every-block"), tree(tmp_path / "every-block")
    assert sorted(first) == sorted(again)
    assert {"showcase.en/chart.png", "showcase.es/index.html", "index.html"} <= set(first)
    assert [name for name in first if first[name] != again[name]] == []


def web_entry(out: Path, path: str) -> dict[str, Any]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry: dict[str, Any] = {e["path"]: e for e in manifest["outputs"]}[path]
    return entry


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_web_builds_are_incremental_and_recorded_file_by_file(make_series: MakeSeries,
                                                               tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF})
    out = tmp_path / "out"
    page = out / "s" / "b.en"
    build = ("build", folder, "--out", out, "--format", "web", "-v")
    assert built(cli(*build)) == ["s/b.en/index.html", "s/index.html"]
    entry = web_entry(out, "s/b.en/index.html")
    assert (entry["format"], entry["sha256"]) == ("web", sha256(page / "index.html"))
    files = entry["files"]
    assert sorted(files) == sorted(str(p.relative_to(page)) for p in page.rglob("*")
                                   if p.is_file())
    assert len([name for name in files if name.startswith("_fonts/")]) == 4
    assert all(sha256(page / name) == sha for name, sha in files.items())
    assert web_entry(out, "s/index.html")["format"] == "web-index"
    assert built(cli(*build)) == []

    # a Spanish edition: the English page gains its hreflang link, so it is rebuilt too
    (folder / "b.es.yaml").write_text(GOOD_BRIEF.replace("Text.", "Texto ñ."), encoding="utf-8")
    assert built(cli(*build)) == ["s/b.en/index.html", "s/b.es/index.html", "s/index.html"]
    assert 'hreflang="es"' in (page / "index.html").read_text(encoding="utf-8")

    # new text, new font subsets; the old ones are removed
    (folder / "b.en.yaml").write_text(GOOD_BRIEF.replace("Text.", "Quiz, xyzzy jumped."),
                                      encoding="utf-8")
    assert built(cli(*build)) == ["s/b.en/index.html", "s/index.html"]
    now = web_entry(out, "s/b.en/index.html")["files"]
    assert sorted(now) == sorted(str(p.relative_to(page)) for p in page.rglob("*") if p.is_file())
    assert set(files) - set(now) and not any((page / name).exists()
                                             for name in set(files) - set(now))

    # a damaged or missing asset makes the page out of date
    (page / sorted(now)[0]).unlink()
    assert built(cli(*build)) == ["s/b.en/index.html"]
    assert all(sha256(page / name) == sha for name, sha in now.items())


def test_an_edition_the_theme_cannot_label_fails_alone_and_is_left_out_of_the_index(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": GOOD_BRIEF, "b.fr.yaml": GOOD_BRIEF})
    out = tmp_path / "out"
    result = cli("build", folder, "--out", out, "--format", "web", "-v")
    assert result.returncode == 1
    assert built(result) == ["s/b.en/index.html", "s/index.html"]
    assert (f"{folder / 'b.fr.yaml'}:1:1: lang: theme 'ilab' has no labels for language 'fr' "
            f"(it has en, es) (add {tmp_path / 'styles' / 'ilab' / 'labels' / 'fr.yaml'})"
            ) in result.stderr
    assert "Traceback" not in result.stderr and not (out / "s" / "b.fr").exists()
    index = (out / "s" / "index.html").read_text(encoding="utf-8")
    assert 'href="b.en/index.html"' in index and "b.fr" not in index
