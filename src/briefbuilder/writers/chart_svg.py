"""A chart block as vector SVG, drawn by matplotlib: text kept as text in the brand's body
font, series in the brand's chart palette and told apart by marker or pattern as well.

matplotlib is imported here, inside the function, so that only a brief with a chart pays
for it. The SVG has no date, no generator version, and ids from a fixed salt: the same
chart gives the same bytes.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from ..brand import Brand
from ..brand_fonts import family_files
from ..errors import Refusal
from ..model.blocks import ChartBody

SVG = "http://www.w3.org/2000/svg"
URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")
WIDTH, HEIGHT = 6.5, 2.8  # inches; the page scales it to the text column
MARKERS = ("o", "s", "^", "D", "X", "P", "*", "_")  # as the Word draft's, in order
HATCHES = ("", "///", "...", "xxx", "\\\\\\", "---", "+++", "ooo")
BAR_GROUP = 0.8  # share of a category's room the bars of its series fill


def chart_svg(chart: ChartBody, brand: Brand, salt: str,
              numeral: Callable[[float], str]) -> str:
    """The chart as an <svg> element (no XML prolog), named for assistive technology by its
    alt text; `salt` keeps the ids of two charts on one page apart, `numeral` writes the value
    axis' numbers as the brief's language does."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    _register_fonts(tuple(brand.fonts.families()))
    with rc_context(_style(brand, salt)):
        figure = Figure(figsize=(WIDTH, _height(chart)))
        axes = figure.add_subplot()
        _draw(axes, chart, brand.chart.palette, numeral)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    return _named(out.getvalue(), chart, salt)


def _height(chart: ChartBody) -> float:
    """Horizontal bars take the height their categories need, up to a column chart's."""
    if chart.kind not in ("bar", "stacked-bar"):
        return HEIGHT
    legend = 0.4 if len(chart.data.series) > 1 else 0.0
    return min(HEIGHT, 0.9 + legend + 0.35 * len(chart.data.categories))


def _style(brand: Brand, salt: str) -> dict[Any, Any]:
    text = brand.colors.text
    return {
        "svg.fonttype": "none", "svg.hashsalt": f"briefbuilder-{salt}", "svg.image_inline": True,
        "font.family": [brand.fonts.body, *brand.fonts.fallback, "DejaVu Sans"],
        "font.size": 9, "text.color": text, "axes.labelcolor": text,
        "xtick.color": text, "ytick.color": text, "axes.edgecolor": brand.colors.rule,
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
        "grid.color": brand.colors.rule, "grid.linewidth": 0.4, "axes.axisbelow": True,
        "hatch.color": "#FFFFFF", "hatch.linewidth": 0.8, "legend.frameon": False,
        "figure.facecolor": "none", "axes.facecolor": "none", "savefig.facecolor": "none",
    }


def _draw(axes: Any, chart: ChartBody, palette: list[str],
          numeral: Callable[[float], str]) -> None:
    data = chart.data
    positions = list(range(len(data.categories)))
    horizontal = chart.kind in ("bar", "stacked-bar")
    stacked = chart.kind.startswith("stacked")
    base = [0.0] * len(positions)
    count = len(data.series)
    for number, series in enumerate(data.series):
        colour = palette[number % len(palette)]
        if chart.kind == "line":
            axes.plot(positions, series.values, color=colour, marker=MARKERS[number % 8],
                      linewidth=1.8, markersize=5, label=series.name)
            continue
        width = BAR_GROUP if stacked else BAR_GROUP / count
        shift = 0.0 if stacked else (number - (count - 1) / 2) * width
        places = [p + shift for p in positions]
        look = {"color": colour, "hatch": HATCHES[number % 8], "edgecolor": "#FFFFFF",
                "linewidth": 0.5, "label": series.name}
        if horizontal:
            axes.barh(places, series.values, height=width, left=base, **look)
        else:
            axes.bar(places, series.values, width=width, bottom=base, **look)
        if stacked:
            base = [b + v for b, v in zip(base, series.values, strict=True)]
    _axes_labels(axes, chart, positions, horizontal, numeral)
    if count > 1:
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(count, 4))


def _axes_labels(axes: Any, chart: ChartBody, positions: list[int], horizontal: bool,
                 numeral: Callable[[float], str]) -> None:
    """Categories on one axis, the unit on the value axis, grid lines across the values."""
    from matplotlib.ticker import FuncFormatter

    categories, values = (axes.yaxis, axes.xaxis) if horizontal else (axes.xaxis, axes.yaxis)
    values.set_major_formatter(FuncFormatter(lambda value, _: numeral(value)))
    categories.set_ticks(positions, labels=chart.data.categories)
    categories.grid(False)
    categories.set_tick_params(length=0)
    if chart.unit:
        values.set_label_text(chart.unit)
    if horizontal:
        axes.invert_yaxis()  # the first category on top, as it is read
    elif chart.kind == "line":
        axes.set_xlim(-0.5, len(positions) - 0.5)  # each point in its category's middle
        if min(v for s in chart.data.series for v in s.values) >= 0:
            axes.set_ylim(bottom=0)  # from zero, as bars are and as Word draws lines


def _named(svg: bytes, chart: ChartBody, salt: str) -> str:
    """The <svg> element with role img, its alt text as its name and a <title>, and the long
    description as its <desc>; scaled to the width it is given."""
    root = etree.fromstring(svg, etree.XMLParser(resolve_entities=False, no_network=True))
    root.set("role", "img")
    root.set("aria-label", chart.alt)
    for name in ("width", "height"):
        del root.attrib[name]
    title = etree.Element(f"{{{SVG}}}title")
    title.text = chart.alt
    root.insert(0, title)
    if chart.description:
        desc = etree.Element(f"{{{SVG}}}desc")
        desc.text = chart.description
        root.insert(1, desc)
    for old in root.findall(f"{{{SVG}}}metadata"):
        root.remove(old)
    _presentation_attributes(root)
    _own_ids(root, f"chart{salt}-")
    return str(etree.tostring(root, encoding="unicode"))


def _presentation_attributes(root: Any) -> None:
    """matplotlib's `style` attributes and its one <style> rule as presentation attributes
    (fill="none"): in an HTML page, WeasyPrint reads style attributes with its HTML CSS, which
    knows no SVG property and warns for each; the SVG renderer reads the attributes."""
    for rules in root.iter(f"{{{SVG}}}style"):
        declarations = rules.text[rules.text.index("{") + 1:rules.text.rindex("}")]
        _declare(root, declarations)  # *{...}: properties every element inherits
        rules.getparent().remove(rules)
    for element in root.iter():
        style = element.attrib.pop("style", None)
        if style is not None:
            _declare(element, style)


def _declare(element: Any, declarations: str) -> None:
    for declaration in declarations.split(";"):
        name, _, value = declaration.partition(":")
        if name.strip():
            element.set(name.strip(), value.strip())


def _own_ids(root: Any, prefix: str) -> None:
    """Ids only where the drawing refers to them (clip paths, markers, hatches), each
    prefixed, so that two charts on one page never share one; matplotlib names every group."""
    used: set[str] = set()
    for element in root.iter():
        for key, value in element.attrib.items():
            used.update(_references(key, value))
    for element in root.iter():
        for key, value in element.attrib.items():
            if key == "id":
                if value in used:
                    element.set(key, prefix + value)
                else:
                    del element.attrib[key]
            elif key.endswith("href") and _references(key, value):
                element.set(key, "#" + prefix + value[1:])
            elif _references(key, value):
                element.set(key, URL_REFERENCE.sub(f"url(#{prefix}\\1)", value))


def _references(key: str, value: str) -> list[str]:
    """The ids an attribute refers to: href="#m1", clip-path="url(#p2)", fill: url(#h3)."""
    if key.endswith("href"):
        return [value[1:]] if value.startswith("#") else []
    return URL_REFERENCE.findall(value)


@cache
def _register_fonts(families: tuple[str, ...]) -> None:
    """matplotlib measures text in the brand's own fonts (once a process per family set)."""
    from matplotlib import font_manager

    # a variable font's default instance is registered as such; matplotlib says so once
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    for family in families:
        try:
            files = family_files(family)
        except Refusal:
            continue  # the theme check reports it; the text is measured in a fallback
        for file in files:
            font_manager.fontManager.addfont(str(Path(file.path)))
