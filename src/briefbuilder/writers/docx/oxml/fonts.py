"""Element classes of the font table (word/fontTable.xml): `w:fonts`, `w:font` and the
`w:embedRegular` ... `w:embedBoldItalic` references to embedded, obfuscated fonts
(ECMA-376 Part 1, 17.8.3)."""

from __future__ import annotations

from typing import Any, cast

from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.simpletypes import ST_RelationshipId, ST_String
from docx.oxml.xmlchemy import (
    BaseOxmlElement,
    OptionalAttribute,
    RequiredAttribute,
    ZeroOrMore,
    ZeroOrOne,
)

# The embedding children of `w:font`, in schema order, by (bold, italic).
EMBED_TAGS = {(False, False): "w:embedRegular", (True, False): "w:embedBold",
              (False, True): "w:embedItalic", (True, True): "w:embedBoldItalic"}
# `w:settings` children that precede `w:embedTrueTypeFonts`, in schema order.
BEFORE_EMBED_SETTING = ("w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
                        "w:removeDateAndTime", "w:doNotDisplayPageBoundaries",
                        "w:displayBackgroundShape", "w:printPostScriptOverText",
                        "w:printFractionalCharacterWidth", "w:printFormsData")


class CT_FontRel(BaseOxmlElement):
    """`w:embedRegular` (and Bold, Italic, BoldItalic): an embedded face and its key."""

    rId: str = RequiredAttribute("r:id", ST_RelationshipId)  # type: ignore[assignment]
    fontKey: str | None = OptionalAttribute("w:fontKey", ST_String)  # type: ignore[assignment]


class CT_Font(BaseOxmlElement):
    """`w:font`, one family of the font table, named by `w:name`."""

    name: str = RequiredAttribute("w:name", ST_String)  # type: ignore[assignment]

    embedRegular = ZeroOrOne("w:embedRegular", successors=(
        "w:embedBold", "w:embedItalic", "w:embedBoldItalic"))
    embedBold = ZeroOrOne("w:embedBold", successors=("w:embedItalic", "w:embedBoldItalic"))
    embedItalic = ZeroOrOne("w:embedItalic", successors=("w:embedBoldItalic",))
    embedBoldItalic = ZeroOrOne("w:embedBoldItalic")

    def embed(self, *, bold: bool, italic: bool, rel_id: str, key: str) -> None:
        """Point the face (`bold`, `italic`) at the font part `rel_id`, obfuscated by `key`."""
        slot = EMBED_TAGS[bold, italic].split(":")[1]
        getattr(self, f"_remove_{slot}")()
        face = cast(CT_FontRel, getattr(self, f"get_or_add_{slot}")())
        face.rId = rel_id
        face.fontKey = key


class CT_Fonts(BaseOxmlElement):
    """`w:fonts`, the root of the font table part."""

    font_lst: list[CT_Font]

    font = ZeroOrMore("w:font")

    def family(self, name: str) -> CT_Font:
        """The `w:font` named `name`, appended when the table has none."""
        for font in self.font_lst:
            if font.name == name:
                return font
        font = cast(CT_Font, parse_xml(f'<w:font {nsdecls("w")}/>'))
        font.name = name
        self.append(font)
        return font


def embed_true_type_fonts(settings: Any) -> None:
    """Set `w:embedTrueTypeFonts`, without which Word drops embedded fonts on its next save."""
    settings.remove_all("w:embedTrueTypeFonts")
    setting = parse_xml(f'<w:embedTrueTypeFonts {nsdecls("w")}/>')
    earlier = [child for child in settings if child.tag in {qn(t) for t in BEFORE_EMBED_SETTING}]
    if earlier:
        earlier[-1].addnext(setting)
    else:
        settings.insert(0, setting)
