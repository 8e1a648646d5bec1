"""The specimen brief a house template (.dotx) holds: one paragraph in each main style,
with the brand's labels for the language, dated today (or SOURCE_DATE_EPOCH)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ...brand import Theme
from ...errors import Problem, UsageError
from ...model.brief import Brief
from ...model.series import Edition, Series
from .properties import build_moment

SPECIMEN = {"title": "Title", "subtitle": "Subtitle", "sections": [
    {"heading": "Heading 1", "body": [
        "Normal text.", {"bullets": ["List Bullet"]}, {"numbered": ["List Number"]},
        {"quote": {"text": "Quote", "source": "Quote Source"}}]}]}


def specimen(theme: Theme, lang: str) -> Edition:
    """An edition whose brief names the styles it shows; UsageError when the theme has no
    labels for `lang`."""
    if lang not in theme.labels and lang.split("-")[0].lower() not in theme.labels:
        raise UsageError(Problem(
            f"theme {theme.folder.name!r} has no labels for language {lang!r}",
            theme.folder / "labels", field="--lang",
            hint=f"use one of: {', '.join(sorted(theme.labels))}, or add labels/{lang}.yaml"))
    labels = theme.labels_for(lang)
    brief = Brief.model_validate({**SPECIMEN, "lang": lang, "date": dt.date.today()})
    series = Series(id="house", title=labels.series_label, briefs=["house"])
    edition = Edition(brief, series, theme.folder / "house.yaml", number=1, total=1)
    dated = brief.model_copy(update={"date": build_moment(edition).date()})
    return dataclasses.replace(edition, brief=dated)
