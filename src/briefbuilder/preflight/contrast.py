"""WCAG 2.x contrast: relative luminance, contrast ratio, and the theme's color pairs.

AA asks 4.5:1 for text and 3:1 for large text (18 pt, or 14 pt bold). The theme's
pairs come from the roles brand.yaml documents for each color (brand.Colors): text
colors on the paper, on the callout tint, and on the masthead band.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, failed, passed
from .subject import Subject

PAPER = "#FFFFFF"
NORMAL_TEXT = 4.5
LARGE_TEXT = 3.0


@dataclass(frozen=True)
class Pair:
    """A text color on a background, as the theme uses them (fields of brand.colors)."""

    text: str
    background: str  # a brand.colors field, or "paper"
    use: str
    large: bool = False


THEME_PAIRS = (
    Pair("text", "paper", "body text"),
    Pair("muted", "paper", "footer, captions and credits"),
    Pair("link", "paper", "links"),
    Pair("primary", "paper", "headings"),
    Pair("on_primary", "primary", "masthead band text"),
    Pair("text", "tint", "callout and panel text"),
    Pair("primary", "tint", "callout and panel titles"),
    Pair("link", "tint", "links in callouts and panels"),
    Pair("accent", "paper", "stat values (20 pt bold: large text)", large=True),
)


def luminance(color: str) -> float:
    """WCAG relative luminance of '#RRGGBB'."""
    channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def needed(large: bool) -> float:
    return LARGE_TEXT if large else NORMAL_TEXT


def is_large(size_pt: float, bold: bool) -> bool:
    """WCAG large text: at least 18 pt, or 14 pt bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def advice(name: str, foreground: str, background: str, target: float) -> str:
    """How to fix a pair: the nearest color, toward black (or white on dark), that passes."""
    toward = 0 if luminance(background) > 0.18 else 255
    channels = [int(foreground.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(1, 256):
        mixed = [round(c + (toward - c) * step / 255) for c in channels]
        candidate = "#" + "".join(f"{c:02X}" for c in mixed)
        if ratio(candidate, background) >= target:
            break
    return f"change {name} to {candidate} or {'darker' if toward == 0 else 'lighter'}"


def theme_contrast(subject: Subject) -> list[Finding]:
    """Each text color of the theme against each background it is used on."""
    colors = subject.theme.brand.colors.model_dump()
    colors["paper"] = PAPER
    failures = []
    for pair in THEME_PAIRS:
        fg, bg = colors[pair.text], colors[pair.background]
        value, target = ratio(fg, bg), needed(pair.large)
        if value < target:
            on = f"the paper ({PAPER})" if pair.background == "paper" else \
                f"colors.{pair.background} {bg}"
            failures.append(failed(
                "theme.contrast", f"colors.{pair.text} {fg} on {on} is {value:.2f}:1; "
                f"{pair.use} need {target:g}:1 (WCAG AA)",
                subject.brand.place(("colors", pair.text)),
                advice(f"colors.{pair.text}", fg, bg, target)))
    return failures or [passed("theme.contrast", f"{len(THEME_PAIRS)} color pairs meet WCAG AA",
                               subject.brand.place())]
