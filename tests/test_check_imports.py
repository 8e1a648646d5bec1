"""`check` imports what checking needs and nothing more (issue 14: `check` of 40 briefs in
0.5 s): no writer, no Word or PDF library, no review reader; Pillow only for content with
images, Jinja only for a theme with templates of its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import CHART, SAMPLE, MakeSeries
from .test_depfile import WITH_CHART, imported_modules

# what checking never needs: the writers and the libraries under them, the review reader
WRITING = ("docx", "lxml", "weasyprint", "pikepdf", "briefbuilder.writers", "briefbuilder.build",
           "briefbuilder.pool", "briefbuilder.review.rounds", "briefbuilder.review.read",
           "briefbuilder.review.snapshot")
PENDING = [{"file": "b.en.yaml", "path": ["title"], "text": "T", "changed_in": "b.es.yaml"}]


def check_modules(content: Path) -> tuple[str, set[str]]:
    """What `check content` prints, and the modules it imports."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefbuilder", "check",
                             str(content)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stderr, imported_modules(result.stderr)


def under(modules: set[str], *roots: str) -> list[str]:
    """The modules that are one of roots or inside one."""
    return sorted(m for m in modules if any(m == r or m.startswith(f"{r}.") for r in roots))


def test_check_of_the_sample_imports_no_writer_image_or_template_library() -> None:
    stderr, modules = check_modules(SAMPLE)
    assert "ok: 2 brief edition(s) valid, 0 warning(s)" in stderr
    assert {"briefbuilder.loader", "briefbuilder.review.pending", "pydantic"} <= modules
    assert under(modules, *WRITING, "PIL", "jinja2") == []


def test_images_theme_templates_and_pending_translations_import_only_their_own_readers(
        make_series: MakeSeries, tmp_path: Path) -> None:
    folder = make_series({"b.en.yaml": WITH_CHART, "chart.png": CHART})
    (folder / ".briefbuilder-translations.json").write_text(json.dumps(PENDING),
                                                            encoding="utf-8")
    templates = tmp_path / "styles" / "ilab" / "templates"
    templates.mkdir()
    (templates / "extra.html").write_text("<p>{{ brief.title }}</p>\n", encoding="utf-8")
    stderr, modules = check_modules(folder)
    assert (f"{folder}/b.en.yaml:1:8: warning: title: needs translation: the text changed in "
            "b.es.yaml (a review)") in stderr
    assert "ok: 1 brief edition(s) valid, 1 warning(s)" in stderr
    assert {"PIL.Image", "jinja2", "briefbuilder.templating"} <= modules
    assert under(modules, *WRITING) == []
