"""A one-brief series written to a folder from YAML text, and its Word draft."""

from __future__ import annotations

from pathlib import Path

from briefbuilder.writers.docx import write_docx
from tests.writers.weasy_helpers import load_edition, theme_of

SERIES = "id: s\ntitle: Probe\ntheme: ilab\nbriefs: [b]\n"


def one_brief(root: Path, brief: str, lang: str = "en") -> Path:
    """The content folder of series `s` holding brief `b` (root / content / s / b.LANG.yaml)."""
    folder = root / "content" / "s"
    folder.mkdir(parents=True)
    (folder / "series.yaml").write_text(SERIES, encoding="utf-8")
    (folder / f"b.{lang}.yaml").write_text(brief, encoding="utf-8")
    return root / "content"


def draft_of(content: Path, lang: str = "en") -> bytes:
    """The Word draft of brief `b` as the writer makes it now."""
    edition = load_edition(content / "s", lang)
    return write_docx(edition, theme_of(edition))
