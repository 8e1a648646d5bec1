"""`c:chart`, the drawing's reference to a chart part, and the `wp:inline` that holds it.

The chart part's own XML is python-pptx's (see ``writers/docx/chart.py``); only the
reference in the document body is written here.
"""

from __future__ import annotations

from typing import cast

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.oxml.shape import CT_Inline
from docx.oxml.simpletypes import XsdString
from docx.oxml.xmlchemy import BaseOxmlElement, RequiredAttribute
from docx.shared import Length

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
INLINE = (f'<wp:inline {nsdecls("wp", "a", "c", "r")}><wp:extent cx="0" cy="0"/>'
          '<wp:docPr id="0" name=""/><wp:cNvGraphicFramePr/><a:graphic>'
          f'<a:graphicData uri="{CHART_URI}"><c:chart r:id=""/></a:graphicData></a:graphic>'
          '</wp:inline>')


class CT_ChartReference(BaseOxmlElement):
    """`c:chart` in `a:graphicData`: the chart part, by relationship id."""

    rId: str = RequiredAttribute("r:id", XsdString)  # type: ignore[assignment]


def new_chart_inline(size: tuple[Length, Length], shape_id: int, rel_id: str, title: str,
                     alt: str) -> CT_Inline:
    """A `wp:inline` showing chart part `rel_id`; its `wp:docPr` carries the title and the
    alt text (`descr`), which Word shows as the chart's alt text."""
    inline = cast(CT_Inline, parse_xml(INLINE))
    inline.extent.cx, inline.extent.cy = size
    props = inline.docPr
    props.set("id", str(shape_id))
    props.set("name", f"Chart {shape_id}")
    props.set("descr", alt)
    props.set("title", title)
    reference: CT_ChartReference = inline.graphic.graphicData[0]
    reference.rId = rel_id
    return inline
