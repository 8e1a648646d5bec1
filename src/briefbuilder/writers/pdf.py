"""HTML -> PDF with WeasyPrint: PDF/UA-1, sandboxed fetches, reproducible bytes."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from ..brand import Theme
from ..errors import BriefbuilderError, Problem, RenderError, ThemeError
from ..model.inline import check_href
from ..model.series import Edition
from ..sandbox import theme_file
from .artifacts import mark_margin_boxes_as_artifacts
from .fetcher import RefusedFetch, SandboxFetcher, shown_reference
from .fonts import font_face_css, font_faces, install_instance_cache
from .html import render_document, stylesheet
from .structure import retag_structure

THEME_CSS = "print.css"
PRINT_SHOP_BLEED = "0.125in"


@cache
def font_configuration() -> FontConfiguration:
    """One font configuration per process: @font-face files are loaded once. (WeasyPrint
    copies them into a temporary folder; a build worker's goes with the worker's own
    temporary folder, which the pool removes: pool._Worker.end.)"""
    return FontConfiguration()


def write_print_shop_pdf(edition: Edition, theme: Theme) -> bytes:
    """The print-shop profile: 0.125 in bleed, crop marks, the masthead band bleeding."""
    return write_pdf(edition, theme, bleed=PRINT_SHOP_BLEED)


def write_pdf(edition: Edition, theme: Theme, *, bleed: str = "") -> bytes:
    """The edition as a tagged PDF/UA-1 PDF; a bleed (CSS length) makes the print-shop one."""
    install_instance_cache()
    faces = font_faces(theme.brand)
    folder = edition.brief.folder or edition.path.parent
    fetcher = SandboxFetcher([folder, theme.folder], [face.path for face in faces])
    # Every stylesheet comes in at the same (user) origin, in this order, so the theme's
    # print.css overrides the base one with ordinary rules: the document has none.
    document = render_document(edition, theme, Markup(""))
    base_url = folder.resolve().as_uri() + "/"
    sheets = [font_face_css(faces), stylesheet(edition, theme, bleed)]
    theme_css = theme_file(theme.folder, THEME_CSS)
    errors: list[logging.LogRecord] = []
    try:
        with source_date(edition.brief.date), weasyprint_errors(errors):
            html = HTML(string=document, base_url=base_url, url_fetcher=fetcher)
            options = {"stylesheets": _stylesheets(sheets, base_url, theme_css, fetcher),
                       "pdf_variant": "pdf/ua-1", "pdf_identifier": True}
            rendered = html.render(font_configuration(), **options)
            refuse_theme_links(rendered, theme)
            pdf: bytes = rendered.write_pdf(finisher=_finish, **options)
    except BriefbuilderError:
        raise
    except RefusedFetch as exc:
        raise _refused(edition, exc.url) from None
    except (Exception, FatalURLFetchingError) as exc:  # the latter: a fetch that failed
        cause = f" ({type(exc.__cause__).__name__}: {exc.__cause__})" if exc.__cause__ else ""
        raise RenderError(Problem(
            f"WeasyPrint failed: {type(exc).__name__}: {exc}{cause}", edition.path,
            hint="check the theme's templates and stylesheet; one that imports itself "
                 "never ends")) from exc
    if fetcher.refused:
        raise _refused(edition, fetcher.refused[0])
    if errors:
        raise RenderError([
            Problem(f"WeasyPrint: {record.getMessage()}", edition.path) for record in errors])
    return pdf


def refuse_theme_links(document: Any, theme: Theme) -> None:
    """Raise ThemeError for a link in the laid-out pages that no brief may make: a brief's
    own links were checked, so it comes from the theme (a template or its print.css)."""
    for page in document.pages:
        for kind, target, *_ in page.links:
            if kind != "external":
                continue
            try:
                check_href(target)
            except ValueError as exc:
                raise ThemeError(Problem(
                    f"the theme makes a link that no brief may make: {exc}",
                    theme.folder / "templates",
                    hint="remove the link from the theme's templates or print.css")) from None


def _finish(document: Any, pdf: Any) -> None:
    """Fix-ups of WeasyPrint's tagging: page-margin text as artifacts, then roles."""
    mark_margin_boxes_as_artifacts(document, pdf)
    retag_structure(document, pdf)


def _stylesheets(sheets: list[str], base_url: str, theme_css: Path | None,
                 fetcher: SandboxFetcher) -> list[Any]:
    """`sheets` (relative to base_url), then the theme's print.css (relative to its folder)."""
    found = [CSS(string=sheet, base_url=base_url, url_fetcher=fetcher,
                 font_config=font_configuration()) for sheet in sheets]
    if theme_css is not None:
        found.append(CSS(
            string=theme_css.read_text(encoding="utf-8"),
            base_url=theme_css.parent.as_uri() + "/",
            url_fetcher=fetcher,
            font_config=font_configuration(),
        ))
    return found


def _refused(edition: Edition, url: str) -> RenderError:
    return RenderError(Problem(
        f"refused to load {shown_reference(url)!r}", edition.path,
        hint="a brief and its theme may use only files inside the series folder and the "
             "theme folder, never the network; look for it in the brief's figures and the "
             "theme's print.css and templates"))


@contextmanager
def source_date(date: dt.date) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH (font timestamps) to the brief date unless the caller set it."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    moment = dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


class _Collect(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def weasyprint_errors(records: list[logging.LogRecord]) -> Iterator[None]:
    """Collect the errors WeasyPrint logs instead of raising."""
    handler = _Collect(records)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
