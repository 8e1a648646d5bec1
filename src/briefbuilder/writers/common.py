"""What every writer needs beside the model: localized dates and label phrases as spans."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

from ..brand import Labels, Theme
from ..errors import Problem, ThemeError
from ..model.blocks import Project
from ..model.brief import Brief
from ..model.inline import Link, Span, Text
from ..model.series import Edition
from ..sandbox import theme_file


def anchor_name(heading: str) -> str:
    """The anchor of a heading, which ``[text](#name)`` links name: 'learning-questions'."""
    return re.sub(r"\W+", "-", heading.lower()).strip("-")


def heading_anchors(brief: Brief) -> list[str]:
    """Each section's heading anchor, or '' when it has no heading or an earlier heading
    has the same anchor (the first heading of a name wins)."""
    seen: set[str] = set()
    anchors = []
    for section in brief.sections:
        anchor = anchor_name(section.heading.plain) if section.heading else ""
        anchors.append("" if anchor in seen else anchor)
        seen.add(anchor)
    return anchors


def format_date(date: dt.date, lang: str, labels: Labels) -> str:
    """The brief date as the language writes it: 'September 2024', 'septiembre de 2024'."""
    locale = lang.replace("-", "_")
    return babel_format_date(date, labels.date_format, locale=locale)


def number_text(value: float, lang: str, labels: Labels) -> str:
    """A chart value as the language (and the theme's region for it) writes it: 1,200.5 in
    English and in Mexican Spanish, 1200,5 in Spanish."""
    tag = lang if "-" in lang else (labels.language_tag or lang)
    return str(format_decimal(value, locale=tag.replace("-", "_")))


def fill(template: str, **values: tuple[Span, ...] | str) -> tuple[Span, ...]:
    """Fill a label template such as '{name}, implemented by {implementer}' with spans."""
    return tuple(span for part in fill_parts(template, **values) for span in part)


def fill_parts(template: str, **values: tuple[Span, ...] | str) -> list[tuple[Span, ...]]:
    """The filled template in parts: each literal, and each value's spans as given."""
    out: list[tuple[Span, ...]] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            out.append((Text(text=literal),))
        if name is not None:
            value = values[name]
            out.append((Text(text=value),) if isinstance(value, str) else value)
    return out


def project_spans(item: Project, labels: Labels) -> tuple[Span, ...]:
    """One sampled-intervention line: linked name (acronym), then the implementer phrase."""
    return tuple(span for part in project_parts(item, labels) for span in part)


def project_parts(item: Project, labels: Labels) -> list[tuple[Span, ...]]:
    """The parts of a sampled-intervention line (see fill_parts)."""
    name: tuple[Span, ...] = item.name.spans
    if item.acronym:
        name = (*name, Text(text=f" ({item.acronym})"))
    if item.url:
        name = (Link(href=item.url, children=name),)
    named = labels.project_word.lower() in item.name.plain.lower()
    template = labels.project_item_named if named else labels.project_item
    return fill_parts(template, name=name, implementer=item.implementer.spans)


def edition_lines(edition: Edition, labels: Labels) -> list[str]:
    """The masthead's edition block: series label, the series title (in the brief's
    language) for a brief in a series of several, and the date."""
    lines = [labels.series_label]
    title = edition.series.title_for(edition.brief.lang)
    if edition.total > 1 and title != edition.brief.title:
        lines.append(title)
    return [*lines, format_date(edition.brief.date, edition.brief.lang, labels)]


def brief_of(edition: Edition, labels: Labels) -> str:
    """'Brief 2 of 5' for a brief in a series of several; empty for a lone brief."""
    if edition.total < 2:
        return ""
    return labels.brief_of.format(number=edition.number, total=edition.total)


def logo_file(theme: Theme) -> Path | None:
    """The real file of the brand's logo, inside the theme folder; None without a logo."""
    brand = theme.brand
    if brand.logo is None:
        return None
    path = theme_file(theme.folder, brand.logo)
    if path is None:
        raise ThemeError(Problem(f"logo {brand.logo!r} not found in the theme folder",
                                 theme.folder / "brand.yaml", field="logo",
                                 hint=f"put the image at {theme.folder / brand.logo}"))
    return path
