"""Document properties and language: core and app properties, w:lang, the build moment."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from babel.core import get_global
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from ...brand import Labels
from ...errors import Problem, RenderError
from ...model.series import Edition
from .oxml.document import (
    drop_empty_properties,
    set_core_text,
    set_default_language,
    tidy_settings,
)

APP_XML = Path(__file__).parent / "templates" / "app.xml"


def build_moment(edition: Edition) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the brief's date at 00:00 UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.datetime.combine(edition.brief.date, dt.time())
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError) as exc:
        raise RenderError(Problem(f"SOURCE_DATE_EPOCH={epoch!r} is not a time",
                                  hint="set it to whole seconds since 1970, or unset it")) from exc


def language_tag(lang: str, labels: Labels) -> str:
    """The regional tag Word proofs in: 'es-MX' as written, else the theme's, else babel's."""
    base, _, region = lang.partition("-")
    if region:
        return f"{base}-{region.upper()}" if len(region) == 2 else lang
    if labels.language_tag:
        return labels.language_tag
    likely = str(get_global("likely_subtags").get(base, base))
    parts = likely.split("_")
    return f"{base}-{parts[-1]}" if len(parts) > 1 and len(parts[-1]) == 2 else base


def set_language(document: Any, tag: str) -> None:
    """Language of the default run properties and of the theme fonts, for proofing."""
    set_default_language(document.styles.element, tag)
    tidy_settings(document.settings.element, tag)


def set_properties(document: Any, edition: Edition, tag: str, when: dt.datetime) -> None:
    """Title, subject, author, keywords, language, dates; nothing left from the template."""
    brief = edition.brief
    props = document.core_properties
    props.revision = 1
    props.created = props.modified = when
    core = document.part.package.part_related_by(RT.CORE_PROPERTIES).element
    author = "; ".join(brief.authors) or brief.organization or edition.series.publisher or ""
    for name, text in (("dc:title", brief.title), ("dc:subject", brief.summary or ""),
                       ("dc:creator", author), ("cp:keywords", ", ".join(brief.keywords)),
                       ("cp:category", edition.series.title), ("dc:language", tag),
                       ("dc:description", ""), ("cp:lastModifiedBy", "")):
        set_core_text(core, name, text)
    drop_empty_properties(core)
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, APP_XML.read_bytes(),
               document.part.package)
    document.part.package.relate_to(app, RT.EXTENDED_PROPERTIES)
