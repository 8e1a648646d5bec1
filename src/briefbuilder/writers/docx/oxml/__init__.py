"""The OOXML python-docx does not write: element classes registered here, once, and the
few functions the writer calls to build footnotes, links, fields, lists, formats and
embedded fonts and chart references."""

from docx.oxml.parser import register_element_cls

from .chart import CT_ChartReference
from .fields import CT_BookmarkEnd, CT_BookmarkStart, CT_FldChar
from .fonts import CT_Font, CT_FontRel, CT_Fonts
from .footnotes import CT_Footnote, CT_FootnoteReference, CT_Footnotes
from .hyperlink import CT_Hyperlink
from .numbering import CT_AbstractNum

register_element_cls("w:footnotes", CT_Footnotes)
register_element_cls("w:footnote", CT_Footnote)
register_element_cls("w:footnoteReference", CT_FootnoteReference)
register_element_cls("w:hyperlink", CT_Hyperlink)
register_element_cls("w:fldChar", CT_FldChar)
register_element_cls("w:bookmarkStart", CT_BookmarkStart)
register_element_cls("w:bookmarkEnd", CT_BookmarkEnd)
register_element_cls("w:abstractNum", CT_AbstractNum)
register_element_cls("w:fonts", CT_Fonts)
register_element_cls("w:font", CT_Font)
register_element_cls("w:embedRegular", CT_FontRel)
register_element_cls("w:embedBold", CT_FontRel)
register_element_cls("w:embedItalic", CT_FontRel)
register_element_cls("w:embedBoldItalic", CT_FontRel)
register_element_cls("c:chart", CT_ChartReference)
