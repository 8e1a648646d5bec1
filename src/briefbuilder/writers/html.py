"""Model + theme -> HTML: Jinja templates (a theme's templates/ first), one span walker.

The same document feeds WeasyPrint for the PDF and is written as is for
``--format html``. Footnotes are WeasyPrint footnotes (``float: footnote``): a
key's text is placed at its first reference; later references link to it.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Self, assert_never

from jinja2 import Environment
from markupsafe import Markup, escape

from ..brand import Labels, Theme
from ..errors import Problem, RenderError, ThemeError
from ..fit import check_fit
from ..model import blocks
from ..model.blocks import BLOCK_TYPES, Block, block_tag
from ..model.brief import Section
from ..model.inline import (
    Emphasis,
    FootnoteRef,
    Inline,
    LineBreak,
    Link,
    Span,
    Strong,
    Text,
    check_href,
)
from ..model.series import Edition
from ..templating import render_template, sandbox
from .chart_svg import chart_svg
from .common import (
    brief_of,
    edition_lines,
    fill,
    heading_anchors,
    logo_file,
    number_text,
    project_spans,
)
from .typography import typeset


@dataclass
class RenderState:
    """What one render of one edition remembers: placed footnotes, figure and table counts."""

    edition: Edition
    labels: Labels
    numbers: dict[str, int]
    anchors: list[str] = field(default_factory=list)  # each section's heading id, or ''
    placed: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    in_footnote: bool = False

    @classmethod
    def start(cls, edition: Edition, labels: Labels) -> Self:
        """A fresh state for one render of an edition."""
        brief = edition.brief
        return cls(edition, labels, brief.footnote_numbers(), heading_anchors(brief))

    def inline(self, value: Inline | tuple[Span, ...]) -> Markup:
        """Render a text field (or a tuple of spans) as HTML."""
        spans = typeset(value.spans if isinstance(value, Inline) else value, self.labels.quotes)
        return Markup("").join(self.span(span) for span in spans)

    def span(self, span: Span) -> Markup:
        """One span and its children."""
        if isinstance(span, Text):
            return escape(span.text)
        if isinstance(span, LineBreak):
            return Markup("<br>")
        if isinstance(span, Strong):
            return Markup("<strong>%s</strong>") % self.inline(span.children)
        if isinstance(span, Emphasis):
            return Markup("<em>%s</em>") % self.inline(span.children)
        if isinstance(span, Link):
            href = self.checked_href(span.href)
            if href.startswith("#") and not (href[1:] and href[1:] in self.anchors):
                # '#' alone (a placeholder) or no such heading: WeasyPrint would resolve
                # '#' against the base URL (a file: link to the series folder)
                return self.inline(span.children)
            return Markup('<a href="%s">%s</a>') % (href, self.inline(span.children))
        return self.footnote(span)

    def footnote(self, ref: FootnoteRef) -> Markup:
        """The footnote itself at a key's first reference, its number at later ones."""
        number = self.numbers.get(ref.key)
        if number is None:
            return Markup("")
        if ref.key in self.placed or self.in_footnote:
            return Markup('<sup class="footnote-again"><a href="#fn-%s">%d</a></sup>') % (
                ref.key, number)
        self.placed.add(ref.key)
        self.in_footnote = True
        try:
            text = self.inline(self.edition.brief.footnotes[ref.key])
        finally:
            self.in_footnote = False
        return Markup('<span class="footnote" id="fn-%s">%s</span>') % (ref.key, text)

    def heading_id(self, section: Section) -> str:
        """The id of a section's heading, which ``[text](#id)`` links reach; '' for none."""
        for candidate, anchor in zip(self.edition.brief.sections, self.anchors, strict=True):
            if candidate is section:
                return anchor
        return ""

    def checked_href(self, href: str) -> str:
        """The link target, its scheme allow-listed again at write time."""
        try:
            return check_href(href)
        except ValueError as exc:
            raise RenderError(Problem(str(exc), self.edition.path, hint="fix the link")) from exc

    def numbered_label(self, kind: str) -> str:
        """'Figure 3', 'Table 1': the next number of that kind, in the language's words."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        template = self.labels.figure if kind == "figure" else self.labels.table
        return template.format(number=self.counts[kind])


def block_template(block: Block) -> str:
    """The template that renders a block: blocks/<its tag>.html."""
    match block:
        case (blocks.Paragraph() | blocks.Bullets() | blocks.Numbered() | blocks.Definitions()
              | blocks.Callout() | blocks.Quote() | blocks.Table() | blocks.Figure()
              | blocks.Chart() | blocks.Stats() | blocks.Projects() | blocks.PageBreak()):
            return _template_of(block_tag(block) or "")
        case _:
            assert_never(block)


def _template_of(tag: str) -> str:
    return f"blocks/{tag}.html"


def check_block_templates(env: Environment, theme_folder: Path) -> None:
    """Raise ThemeError naming every block type without its template, before any render."""
    found = set(env.list_templates())
    missing = [tag for tag in BLOCK_TYPES if _template_of(tag) not in found]
    if missing:
        raise ThemeError([Problem(f"no template {_template_of(tag)!r}: the {tag} blocks of a "
                                  "brief cannot be rendered",
                                  theme_folder / "templates" / _template_of(tag),
                                  hint="add the template to the theme's templates/ folder")
                          for tag in missing])


@cache
def environment(theme_folder: Path) -> Environment:
    """The theme's sandboxed Jinja environment, with the filters and helpers templates use;
    every block type's template is checked to exist."""
    env = sandbox(theme_folder)
    check_block_templates(env, theme_folder)
    env.filters["css_string"] = css_string
    env.filters["font_stack"] = font_stack
    env.globals.update(block_template=block_template, fill=fill, project_spans=project_spans)
    return env


def css_string(value: str) -> Markup:
    """A CSS string literal, safe inside a <style> element."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '"\\<>\n\r' else char for char in str(value)
    )
    return Markup(f'"{escaped}"')


def font_stack(family: str, fallback: list[str]) -> Markup:
    """A brand family and the theme's fallback families, as the start of a CSS font-family
    list: '"Public Sans", "Noto Sans"'."""
    return Markup(", ").join(css_string(name) for name in (family, *fallback))


def css_content(template: str, **counters: str) -> Markup:
    """A label template such as 'Page {page} of {pages}' as a CSS content value."""
    parts: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(css_string(literal))
        if name is not None:
            parts.append(counters[name])
    return Markup(" ".join(parts) or '""')


def stylesheet(edition: Edition, theme: Theme, bleed: str = "") -> Markup:
    """The print stylesheet: templates/print.css filled with the brand's values.

    bleed (a CSS length) adds bleed and crop marks for a print shop.
    """
    labels = theme.labels_for(edition.brief.lang)
    brand = theme.brand
    margins = brand.page.margins
    context = {
        "brand": brand,
        "labels": labels,
        "page_size": brand.page.size,  # CSS page-size keywords: letter, a4
        "margins": margins,
        "bleed": bleed,
        "edge": {side: f"({getattr(margins, side)} + {bleed or '0in'})"
                 for side in ("top", "right", "left")},
        "series_label": css_string(labels.series_label),
        "brief_of": css_string(brief_of(edition, labels)),
        "page_of": css_content(labels.page_of, page="counter(page)", pages="counter(pages)"),
    }
    return Markup(_render(edition, theme, "print.css", context))


def render_document(edition: Edition, theme: Theme, css: Markup) -> str:
    """The whole HTML document of one edition, with `css` in its <style> element."""
    check_fit(edition, theme.brand)
    state = RenderState.start(edition, theme.labels_for(edition.brief.lang))
    context = {**page_context(state, theme), "css": css}
    return _render(edition, theme, "base.html", context)


def page_context(state: RenderState, theme: Theme) -> dict[str, Any]:
    """What the templates of an edition's page see, its text rendered through state."""
    edition, labels = state.edition, state.labels
    brief = edition.brief

    def number(value: float) -> str:
        return number_text(value, brief.lang, labels)

    return {
        "edition": edition,
        "brief": brief,
        "series": edition.series,
        "theme": theme,
        "brand": theme.brand,
        "labels": labels,
        "edition_lines": edition_lines(edition, labels),
        "logo": logo.as_uri() if (logo := logo_file(theme)) else "",
        "description": brief.summary or (brief.subtitle.plain if brief.subtitle else ""),
        "inline": state.inline,
        "numbered_label": state.numbered_label,
        "last_number": lambda kind: state.counts.get(kind, 0),
        "heading_id": state.heading_id,
        "chart_svg": lambda chart, salt: Markup(chart_svg(chart, theme.brand, salt, number)),
        "number": number,
    }


def _render(edition: Edition, theme: Theme, name: str, context: dict[str, Any]) -> str:
    return render_template(environment(theme.folder), name, context, edition.path)


def write_html(edition: Edition, theme: Theme) -> bytes:
    """The edition as a standalone UTF-8 HTML document (preview and web)."""
    return render_document(edition, theme, stylesheet(edition, theme)).encode("utf-8")
