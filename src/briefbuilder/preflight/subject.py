"""One brief edition under check: its model, theme, the files a person edits, its outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..brand import Theme
from ..model.series import Edition
from .findings import Locator, Place


@dataclass
class Subject:
    """An edition with its theme and built outputs, and locators for its source files."""

    edition: Edition
    theme: Theme
    pdf: Path
    docx: Path
    brief: Locator = field(init=False)
    series: Locator = field(init=False)
    brand: Locator = field(init=False)

    def __post_init__(self) -> None:
        self.brief = Locator(self.edition.path, self.edition.places)
        self.series = Locator(self.edition.path.parent / "series.yaml",
                              self.edition.series_places)
        self.brand = Locator(self.theme.folder / "brand.yaml", self.theme.brand_places)

    def in_pdf(self, detail: str = "") -> Place:
        """The brief file, for findings about its PDF as a whole ("page 2", …)."""
        return self.brief.place(detail=f"{self.pdf.name}{', ' + detail if detail else ''}")

    def in_docx(self, detail: str = "") -> Place:
        """The brief file, for findings about its Word draft as a whole."""
        return self.brief.place(detail=f"{self.docx.name}{', ' + detail if detail else ''}")
