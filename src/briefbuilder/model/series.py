"""A series: its file (series.yaml) and, once loaded, its brief editions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .brief import Brief

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Series(BaseModel):
    """series.yaml: the series' name, theme and the order of its briefs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    titles: dict[str, str] = Field({}, description="The title in other languages, by lang.")
    theme: str = Field("ilab", pattern=ID_PATTERN)
    publisher: str | None = None
    max_pages: int | None = Field(None, ge=1)
    briefs: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(min_length=1)

    def title_for(self, lang: str) -> str:
        """The series title in a language ('es-MX' falls back to 'es', then to title)."""
        return self.titles.get(lang) or self.titles.get(lang.split("-")[0]) or self.title


@dataclass(frozen=True)
class Edition:
    """One brief edition placed in its series: what a writer is handed."""

    brief: Brief
    series: Series
    path: Path
    number: int
    total: int
    languages: tuple[str, ...] = ()  # every language this brief loaded in, its own included


@dataclass
class LoadedSeries:
    """A series folder after loading: the series and every edition that loaded."""

    series: Series
    folder: Path
    editions: list[Edition] = field(default_factory=list)
