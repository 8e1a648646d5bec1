"""A chart block as a native Word chart that a reviewer can edit ("Edit Data").

python-pptx writes both halves: its ChartXmlWriter the DrawingML chart XML (the same
`c:chartSpace` a PowerPoint chart has), and its workbook writer (through XlsxWriter) the
embedded .xlsx that holds the numbers. Its chart API then sets the brand's colours,
a pattern or marker per series, the legend and the value axis title. This module joins
them into the package: a chart part related from the document, the workbook related from
the chart part (`c:externalData`). The writer imports this module (and so python-pptx) only
when a brief has a chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.chart.xmlwriter import ChartXmlWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_PATTERN_TYPE
from pptx.oxml import parse_xml
from pptx.util import Pt

from ...brand import Brand
from ...model.blocks import ChartBody

CHART_TYPES = {"column": "COLUMN_CLUSTERED", "bar": "BAR_CLUSTERED", "line": "LINE_MARKERS",
               "stacked-column": "COLUMN_STACKED", "stacked-bar": "BAR_STACKED"}
# The same order as the SVG's markers and hatches, so print and draft tell series apart alike.
MARKERS = ("CIRCLE", "SQUARE", "TRIANGLE", "DIAMOND", "X", "PLUS", "STAR", "DASH")
PATTERNS = ("", "WIDE_UPWARD_DIAGONAL", "PERCENT_25", "DIAGONAL_CROSS", "WIDE_DOWNWARD_DIAGONAL",
            "DARK_HORIZONTAL", "SMALL_GRID", "OUTLINED_DIAMOND")


class ChartPart(Part):
    """/word/charts/chartN.xml: python-pptx's `c:chartSpace`, serialized when saved."""

    def __init__(self, partname: PackURI, package: Any, chart_space: Any) -> None:
        super().__init__(partname, CT.DML_CHART, package=package)
        self.chart_space = chart_space

    @property
    def blob(self) -> bytes:
        return bytes(etree.tostring(self.chart_space, encoding="UTF-8", standalone=True))


def add_chart(document_part: Any, body: ChartBody, brand: Brand, when: dt.datetime) -> str:
    """Add the chart's part and its workbook to the package; the document's relationship id
    for the chart part."""
    package = document_part.package
    number = 1 + sum(1 for p in package.iter_parts() if p.partname.startswith("/word/charts/"))
    data = _chart_data(body, when)
    chart_space = parse_xml(_chart_xml(body, data).encode("utf-8"))
    part = ChartPart(PackURI(f"/word/charts/chart{number}.xml"), package, chart_space)
    workbook = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"),
                    CT.SML_SHEET, data.xlsx_blob, package)
    chart_space.get_or_add_externalData().rId = part.relate_to(workbook, RT.PACKAGE)
    _style(_chart(chart_space), body, brand)
    return str(document_part.relate_to(part, RT.CHART))


class DatedWorkbookWriter(CategoryWorkbookWriter):  # type: ignore[misc]
    """python-pptx's workbook writer, dating the workbook `when` (XlsxWriter would write
    the current time into it, and the same chart would give other bytes)."""

    def __init__(self, chart_data: DatedChartData) -> None:
        super().__init__(chart_data)
        self.when = chart_data.when

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        with super()._open_worksheet(xlsx_file) as (workbook, worksheet):
            workbook.set_properties({"created": self.when})
            yield workbook, worksheet


class DatedChartData(CategoryChartData):  # type: ignore[misc]
    """Category chart data whose workbook is dated `when`."""

    def __init__(self, when: dt.datetime) -> None:
        super().__init__(number_format="General")
        self.when = when

    @property
    def _workbook_writer(self) -> DatedWorkbookWriter:
        return DatedWorkbookWriter(self)


def _chart_data(body: ChartBody, when: dt.datetime) -> DatedChartData:
    data = DatedChartData(when)
    data.categories = body.data.categories
    for series in body.data.series:
        data.add_series(series.name, series.values)
    return data


def _chart_xml(body: ChartBody, data: DatedChartData) -> str:
    return str(ChartXmlWriter(getattr(XL_CHART_TYPE, CHART_TYPES[body.kind]), data).xml)


def _chart(chart_space: Any) -> Chart:
    return Chart(chart_space, None)  # the part is only needed to replace the workbook


def _style(chart: Chart, body: ChartBody, brand: Brand) -> None:
    """The brand's font and palette; series told apart by marker or pattern too."""
    chart.font.name = brand.fonts.body
    chart.font.size = Pt(9)
    chart.has_title = False  # the caption below names the chart
    chart.has_legend = len(body.data.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    if body.unit:
        chart.value_axis.has_title = True
        chart.value_axis.axis_title.text_frame.text = body.unit
    palette = brand.chart.palette
    for number, series in enumerate(chart.plots[0].series):
        colour = RGBColor.from_string(palette[number % len(palette)][1:])
        if body.kind == "line":
            _line(series, colour, number)
        else:
            _bars(series, colour, number)


def _line(series: Any, colour: RGBColor, number: int) -> None:
    series.smooth = False
    series.format.line.color.rgb = colour
    series.marker.style = getattr(XL_MARKER_STYLE, MARKERS[number % len(MARKERS)])
    series.marker.format.fill.solid()
    series.marker.format.fill.fore_color.rgb = colour
    series.marker.format.line.color.rgb = colour


def _bars(series: Any, colour: RGBColor, number: int) -> None:
    pattern = PATTERNS[number % len(PATTERNS)]
    fill = series.format.fill
    if not pattern:
        fill.solid()
        fill.fore_color.rgb = colour
        return
    fill.patterned()
    fill.pattern = getattr(MSO_PATTERN_TYPE, pattern)
    fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    fill.back_color.rgb = colour
