"""Model + theme -> the web edition: an accessible page with its fonts and images, as a bundle.

The page is rendered from templates/web/ with the print writer's span walker;
only footnotes differ: a call is a numbered link, and the notes are listed at
the end with links back. The series index (write_series_index) lists every
edition of a series with links to its outputs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from babel import Locale
from markupsafe import Markup

from ..brand import Labels, Theme
from ..errors import Problem, RenderError
from ..model.inline import FootnoteRef
from ..model.series import Edition
from ..sandbox import allowed_file
from .bundle import MAIN, pack
from .common import format_date, logo_file
from .html import RenderState, _render, page_context
from .registry import output_name
from .web_fonts import web_fonts

LOGO_FOLDER = "_logo"
LINKED_FORMATS = {"pdf": "pdf_link", "docx": "docx_link", "web": "web_link"}


@dataclass
class WebRenderState(RenderState):
    """The span walker with web footnotes: calls are links, notes are gathered for the end."""

    calls: dict[str, int] = field(default_factory=dict)  # footnote key -> calls so far

    def footnote(self, ref: FootnoteRef) -> Markup:
        """A numbered link to the note, named 'Footnote 1' for screen readers."""
        number = self.numbers.get(ref.key)
        if number is None:
            return Markup("")
        if self.in_footnote:  # a note citing another note
            return Markup('<a href="#note-%d">%d</a>') % (number, number)
        count = self.calls[ref.key] = self.calls.get(ref.key, 0) + 1
        call = f"call-{number}" if count == 1 else f"call-{number}-{count}"
        name = self.labels.footnote_call.format(number=number)
        return Markup('<sup class="footnote-call"><a id="%s" href="#note-%d" aria-label="%s">'
                      "%d</a></sup>") % (call, number, name, number)

    def notes(self) -> list[tuple[int, Markup, str]]:
        """(number, text, back-link name) of every note, in number order."""
        notes = []
        self.in_footnote = True
        try:
            for key, number in sorted(self.numbers.items(), key=lambda item: item[1]):
                back = self.labels.footnote_back.format(number=number)
                notes.append((number, self.inline(self.edition.brief.footnotes[key]), back))
        finally:
            self.in_footnote = False
        return notes


def write_web(edition: Edition, theme: Theme) -> bytes:
    """The edition's web page, its fonts and its images, as a bundle."""
    brief = edition.brief
    state = WebRenderState.start(edition, theme.labels_for(brief.lang))
    taken = set(state.anchors)
    alternates = [(lang, language_name(lang), f"../{brief.id}.{lang}/{MAIN}")
                  for lang in edition.languages]
    context = page_context(state, theme) | {
        "lang": brief.lang,
        "title": brief.title,
        "alternates": alternates,
        "other_editions": [alternate for alternate in alternates if alternate[0] != brief.lang],
        "main_id": unique_id("main", taken),
        "notes_id": unique_id("notes", taken),
        "contents_id": unique_id("contents", taken),
        "contents": [(anchor, section.heading) for section, anchor
                     in zip(brief.sections, state.anchors, strict=True) if anchor],
        "notes": state.notes,
        "index_href": f"../{MAIN}",
    }
    files = {name: _image(edition, name) for name in _image_names(edition)}
    context["logo"] = _add_logo(theme, files)
    files[MAIN] = _page(edition, theme, context, "web/edition.html", files)
    return pack(files)


@dataclass(frozen=True)
class IndexEntry:
    """One edition as the series index lists it."""

    lang: str
    language: str
    title: str
    date: str
    page: str  # the web page's address, '' when the build makes none
    links: list[tuple[str, str]]  # (label, href) of each output


def write_series_index(editions: list[Edition], formats: tuple[str, ...],
                       theme: Theme) -> bytes:
    """The series index page: every edition, in brief order, with links to its outputs."""
    first = editions[0]
    labels = theme.labels_for(first.brief.lang)
    title = first.series.title_for(first.brief.lang)
    context = {
        "theme": theme,
        "brand": theme.brand,
        "labels": labels,
        "lang": first.brief.lang,
        "title": title,
        "description": "",
        "alternates": [],
        "edition_lines": [labels.series_label],
        "entries": [_entry(edition, formats, theme, labels) for edition in editions],
        "main_id": "main",
        "contents": [],
        "index_href": "",
    }
    files: dict[str, bytes] = {}
    context["logo"] = _add_logo(theme, files)
    files[MAIN] = _page(first, theme, context, "web/index.html", files)
    return pack(files)


def _entry(edition: Edition, formats: tuple[str, ...], theme: Theme,
           labels: Labels) -> IndexEntry:
    """An edition's line: its title, language and date in its own language; its links."""
    brief = edition.brief
    stem = f"{brief.id}.{brief.lang}"
    links = [(getattr(labels, label), output_name(fmt, stem))
             for fmt, label in LINKED_FORMATS.items() if fmt in formats]
    date = format_date(brief.date, brief.lang, theme.labels_for(brief.lang))
    page = output_name("web", stem) if "web" in formats else ""
    return IndexEntry(brief.lang, language_name(brief.lang), brief.title, date, page, links)


def _page(edition: Edition, theme: Theme, context: dict[str, Any], template: str,
          files: dict[str, bytes]) -> bytes:
    """The whole page: its body once, then the document with the fonts cut to that body.

    The fonts are added to files.
    """
    body = _render(edition, theme, template, context)
    fonts = web_fonts(theme.brand, html.unescape(body))
    files.update((font.path, font.data) for font in fonts)
    css = _render(edition, theme, "web/web.css",
                  {"brand": theme.brand, "fonts": "\n".join(font.css() for font in fonts)})
    page = _render(edition, theme, "web/page.html",
                   context | {"body": Markup(body), "css": Markup(css)})
    return page.encode("utf-8")


def _add_logo(theme: Theme, files: dict[str, bytes]) -> str:
    """Copy the brand's logo beside the page (into files); its address, '' without one."""
    path = logo_file(theme)
    if path is None:
        return ""
    name = f"{LOGO_FOLDER}/{path.name}"
    files[name] = path.read_bytes()
    return name


def _image_names(edition: Edition) -> list[str]:
    return sorted({figure.figure.image for _, figure in edition.brief.figures()})


def _image(edition: Edition, name: str) -> bytes:
    """An image of the brief, read only from inside its series folder."""
    folder = (edition.brief.folder or edition.path.parent).resolve()
    path = allowed_file(folder / name, [folder])
    if path is None:
        raise RenderError(Problem(
            f"cannot copy the image {name!r} next to the web page: it is not a file inside "
            "the series folder", edition.path, field="figure.image",
            hint="put the image inside the series folder and name it relative to the brief"))
    return path.read_bytes()


def language_name(lang: str) -> str:
    """A language's name in itself: 'English', 'Español'."""
    locale = lang.replace("-", "_")
    name = Locale.parse(locale).get_display_name(locale) or lang
    return name[:1].upper() + name[1:]


def unique_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 ... : the first that no heading already uses; then taken."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate
