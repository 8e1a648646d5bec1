"""`w:abstractNum` list definitions, `w:num` instances that restart, and paragraph `w:numPr`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.simpletypes import ST_DecimalNumber
from docx.oxml.xmlchemy import BaseOxmlElement, RequiredAttribute, ZeroOrMore


@dataclass(frozen=True)
class ListLevel:
    """One level of a list: number format ('bullet', 'decimal' ...), marker text, indents
    in twips, and the marker's colour ('RRGGBB') and weight."""

    number_format: str
    text: str
    left: int
    hanging: int
    color: str | None = None
    bold: bool = False


class CT_AbstractNum(BaseOxmlElement):
    """`w:abstractNum`, a list definition: one `w:lvl` per nesting level."""

    lvl_lst: list[Any]

    abstractNumId: int = RequiredAttribute(  # type: ignore[assignment]
        "w:abstractNumId", ST_DecimalNumber
    )
    lvl = ZeroOrMore("w:lvl")

    @classmethod
    def new(cls, abstract_id: int, levels: list[ListLevel]) -> CT_AbstractNum:
        """A definition with `levels`, each starting at 1, indents in twips."""
        definition = cast(CT_AbstractNum, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="hybridMultilevel"/></w:abstractNum>'))
        for number, level in enumerate(levels):
            lvl = parse_xml(
                f'<w:lvl {nsdecls("w")} w:ilvl="{number}"><w:start w:val="1"/>'
                '<w:numFmt w:val=""/><w:lvlText w:val=""/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="0" w:hanging="0"/></w:pPr><w:rPr/></w:lvl>')
            lvl.find(qn("w:numFmt")).set(qn("w:val"), level.number_format)
            lvl.find(qn("w:lvlText")).set(qn("w:val"), level.text)
            indent = lvl.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            indent.set(qn("w:left"), str(level.left))
            indent.set(qn("w:hanging"), str(level.hanging))
            marker = lvl.find(qn("w:rPr"))
            if level.bold:
                marker.append(parse_xml(f'<w:b {nsdecls("w")}/>'))
            if level.color is not None:
                marker.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{level.color}"/>'))
            definition.append(lvl)
        return definition


def add_abstract_num(numbering: Any, levels: list[ListLevel]) -> int:
    """Add a list definition to `w:numbering` (before every `w:num`); return its id."""
    used = [int(value) for value in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(used, default=-1) + 1
    definition = CT_AbstractNum.new(abstract_id, levels)
    numbering.insert_element_before(definition, "w:num", "w:numIdMacAtCleanup")
    return abstract_id


def add_list_instance(numbering: Any, abstract_id: int, levels: int) -> int:
    """Add a `w:num` of definition `abstract_id` whose `levels` restart at 1; return its id."""
    num = numbering.add_num(abstract_id)
    for level in range(levels):
        num.add_lvlOverride(ilvl=level).add_startOverride(1)
    return int(num.numId)


def set_numbering(p: Any, num_id: int, level: int) -> None:
    """Make paragraph `p` an item of list `num_id` at nesting `level` (0 = outermost)."""
    num_pr = p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
