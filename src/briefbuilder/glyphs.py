"""Warnings for characters of a brief that its theme's fonts cannot show: without a glyph
they print as empty boxes or in some other installed font, silently."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .brand import Theme
from .brand_fonts import characters
from .errors import Problem, Severity
from .model.brief import Brief
from .places import FieldPath
from .yamlfile import YamlDoc

MAX_NAMED = 8  # characters named in one warning; the rest are counted
# Characters that are not drawn with a glyph of their own: spaces, controls, format
# characters (soft hyphen, joiners) and variation selectors.
_INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")


@dataclass(frozen=True)
class Coverage:
    """The code points a theme's heading and body text can show, fallbacks included."""

    heading: frozenset[int]
    body: frozenset[int]
    brand_file: Path

    @classmethod
    def of(cls, theme: Theme) -> Coverage:
        """Read from the theme's font files; raise Refusal if one is not installed."""
        fonts = theme.brand.fonts
        return cls(characters([fonts.heading, *fonts.fallback]),
                   characters([fonts.body, *fonts.fallback]), theme.folder / "brand.yaml")


def glyph_problems(brief: Brief, doc: YamlDoc, coverage: Coverage) -> list[Problem]:
    """One warning per field whose text holds characters the fonts lack, naming them."""
    fields: list[tuple[FieldPath, str, frozenset[int]]] = [
        (("title",), brief.title, coverage.heading)]
    notes = ((("footnotes", key), text) for key, text in brief.footnotes.items())
    for loc, inline in [*brief.inlines(), *notes]:
        heading = len(loc) == 3 and loc[-1] == "heading"
        fields.append((loc, inline.plain, coverage.heading if heading else coverage.body))
    problems = []
    for loc, plain, have in fields:
        missing = _missing(plain, have)
        if missing:
            problems.append(doc.problem(
                loc, f"the theme's fonts have no glyph for {_named(missing)}; "
                "they would print as empty boxes or in another font",
                f"add an installed font family that has them under fonts: fallback: in "
                f"{coverage.brand_file}", Severity.WARNING))
    return problems


def _missing(text: str, have: frozenset[int]) -> list[str]:
    """The distinct characters of text, in order, that have no glyph and need one."""
    lacking = {c for c in set(text) if ord(c) not in have}
    if not lacking:
        return []
    return list(dict.fromkeys(c for c in text if c in lacking and not _invisible(c)))


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in _INVISIBLE or "VARIATION SELECTOR" in unicodedata.name(
        char, "")


def _named(chars: list[str]) -> str:
    """'中 (U+4E2D), 文 (U+6587)' and, past MAX_NAMED, 'and 3 more'."""
    named = ", ".join(f"{c} (U+{ord(c):04X})" for c in chars[:MAX_NAMED])
    more = len(chars) - MAX_NAMED
    return f"{named} and {more} more" if more > 0 else named
