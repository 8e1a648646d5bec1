"""Paragraph, run and table properties python-docx has no setter for: shading, borders,
outline levels, repeating header rows, table-style header looks, fonts for every script."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml

# Child order of the property elements, from the schema (only the tags set here matter).
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
             "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
             "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
             "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
             "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
             "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
             "w:sectPr", "w:pPrChange")
TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
               "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
               "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
               "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
TCPR_ORDER = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders",
              "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
              "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")
STYLE_ORDER = ("w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine",
               "w:hidden", "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat",
               "w:locked", "w:personal", "w:personalCompose", "w:personalReply", "w:rsid",
               "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")
SIDES = ("top", "left", "bottom", "right")


def _put(parent: Any, child: Any, order: tuple[str, ...]) -> Any:
    """Replace `parent`'s child of the same tag with `child`, in schema order."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    name = next(t for t in order if qn(t) == tag)
    parent.insert_element_before(child, *order[order.index(name) + 1:])
    return child


def _hex(color: str) -> str:
    return color.lstrip("#").upper()


def shading(fill: str) -> Any:
    """A solid `w:shd` of colour `fill` ('#RRGGBB')."""
    return parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{_hex(fill)}"/>')


def _border(side: str, color: str, eighths: int, space: int) -> Any:
    return parse_xml(f'<w:{side} {nsdecls("w")} w:val="single" w:sz="{eighths}" '
                     f'w:space="{space}" w:color="{_hex(color)}"/>')


def shade_paragraph(pPr: Any, fill: str) -> None:
    """Shade paragraph properties `pPr` (of a style) with colour `fill`."""
    _put(pPr, shading(fill), PPR_ORDER)


def border_paragraph(pPr: Any, sides: dict[str, tuple[str, int, int]]) -> None:
    """Border `pPr` on the given sides: side -> (colour, width in 1/8 pt, padding in pt)."""
    borders = parse_xml(f'<w:pBdr {nsdecls("w")}/>')
    for side in SIDES:
        if side in sides:
            borders.append(_border(side, *sides[side]))
    _put(pPr, borders, PPR_ORDER)


def set_outline_level(pPr: Any, level: int) -> None:
    """Give `pPr` outline level `level` (0 = Heading 1), for the navigation pane and TOC."""
    _put(pPr, parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>'), PPR_ORDER)


def set_contextual_spacing(pPr: Any) -> None:
    """Ignore spacing between paragraphs of the same style (keeps a boxed run together)."""
    _put(pPr, parse_xml(f'<w:contextualSpacing {nsdecls("w")}/>'), PPR_ORDER)


def set_script_fonts(rPr: Any, family: str) -> None:
    """Use `family` for every script of run properties `rPr` (Latin, complex, East Asian)."""
    fonts = rPr.get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), family)


def repeat_as_header(tr: Any) -> None:
    """Mark table row `tr` as a header row, repeated at the top of every page."""
    tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def keep_row_together(tr: Any) -> None:
    """Forbid table row `tr` from breaking across pages."""
    tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))


def set_table_look(tblPr: Any, *, header_row: bool) -> None:
    """Say which conditional formats of the table style apply: header row only, or none."""
    first = "1" if header_row else "0"
    look = parse_xml(
        f'<w:tblLook {nsdecls("w")} w:val="{"0620" if header_row else "0600"}" '
        f'w:firstRow="{first}" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>')
    _put(tblPr, look, TBLPR_ORDER)


def table_style_borders(style: Any, color: str, eighths: int, sides: tuple[str, ...]) -> None:
    """Give table style `style` rules on `sides` ('top', 'bottom', 'insideH' ...)."""
    tblPr = style.find(qn("w:tblPr"))
    if tblPr is None:
        tblPr = _put(style, parse_xml(f'<w:tblPr {nsdecls("w")}/>'), STYLE_ORDER)
    borders = parse_xml(f'<w:tblBorders {nsdecls("w")}/>')
    for side in sides:
        borders.append(_border(side, color, eighths, 0))
    _put(tblPr, borders, TBLPR_ORDER)
    margins = parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:top w:w="60" w:type="dxa"/>'
        '<w:left w:w="100" w:type="dxa"/><w:bottom w:w="60" w:type="dxa"/>'
        '<w:right w:w="100" w:type="dxa"/></w:tblCellMar>')
    _put(tblPr, margins, TBLPR_ORDER)


def table_style_header_row(style: Any, fill: str, color: str) -> None:
    """Give table style `style` a header row: bold text in `color` on `fill`."""
    look = parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/><w:bCs/>'
        f'<w:color w:val="{_hex(color)}"/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr>'
        "<w:tcPr/></w:tblStylePr>")
    look.find(qn("w:tcPr")).append(shading(fill))
    style.append(look)


def describe_picture(inline: Any, shape_id: int, name: str, alt: str) -> None:
    """Set id, name and alt text (`descr`) of picture `inline` on wp:docPr and pic:cNvPr."""
    for props in (inline.docPr, *inline.xpath(".//pic:cNvPr")):
        props.set("id", str(shape_id))
        props.set("name", name)
        props.set("descr", alt)
