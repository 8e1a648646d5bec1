"""A series: its file (series.yaml) and, once loaded, its brief editions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import Problem, Severity
from ..places import FieldPath, Places
from .brief import Brief
from .inline import check_words

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ID_HINT = "use lowercase letters, digits and hyphens, e.g. mexico-auto"


class Series(BaseModel):
    """series.yaml: the series' name, theme and the order of its briefs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN, json_schema_extra={"hint": ID_HINT})
    title: str = Field(min_length=1, json_schema_extra={
        "hint": "name the series, e.g. title: Learning Brief Series"})
    titles: dict[str, str] = Field({}, description="The title in other languages, by lang.",
                                   json_schema_extra={
                                       "hint": "the series title by language, e.g. es: Serie"})
    theme: str = Field("ilab", pattern=ID_PATTERN, json_schema_extra={"hint": ID_HINT})
    publisher: str | None = None
    max_pages: int | None = Field(None, ge=1, json_schema_extra={
        "hint": "the most pages each brief's PDF may have, a whole number such as 4"})
    briefs: list[Annotated[str, Field(pattern=ID_PATTERN, json_schema_extra={"hint": ID_HINT})]] = (
        Field(min_length=1, json_schema_extra={
            "hint": "list the brief ids in order, e.g. briefs: [introduction]"}))

    _title_words = field_validator("title")(check_words)

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
    series_sha256: str = ""  # of the series.yaml bytes that were parsed
    languages: tuple[str, ...] = ()  # every language this brief loaded in, its own included
    places: Places | None = field(default=None, repr=False, compare=False)  # of its fields
    series_places: Places | None = field(default=None, repr=False, compare=False)  # series.yaml

    def problem(self, loc: FieldPath, message: str, hint: str = "",
                severity: Severity = Severity.ERROR) -> Problem:
        """A problem at a field of the brief file, placed where the loader read it."""
        return (self.places or Places(self.path)).problem(loc, message, hint, severity)


@dataclass
class LoadedSeries:
    """A series folder after loading: the series and every edition that loaded."""

    series: Series
    folder: Path
    editions: list[Edition] = field(default_factory=list)
