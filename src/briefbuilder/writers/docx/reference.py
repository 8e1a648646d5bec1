"""What a draft takes from a theme's reference .docx: copies of its styles, numbering, theme
and font-table parts (with the pictures and embedded fonts they hold), and nothing else.

A reference comes from other people. Its settings (mail merge, attached template), its
macros and ActiveX controls and every relationship that points outside the file stay
behind; the ones worth knowing about are listed so the writer can warn.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import PartFactory
from docx.oxml.ns import qn

COPIED = (RT.STYLES, RT.NUMBERING, RT.THEME, RT.FONT_TABLE)
MACROS = {"application/vnd.ms-office.vbaProject", "application/vnd.ms-word.vbaData+xml"}
CONTROLS = {"application/vnd.ms-office.activeX+xml", "application/vnd.ms-office.activeX"}
EXTERNAL_KINDS = {"attachedTemplate": "an attached template",
                  "mailMergeSource": "a mail merge data source",
                  "mailMergeHeaderSource": "a mail merge header source"}
R_NAMESPACE = qn("r:id").split("}")[0] + "}"


def adopt_reference(document: Any, reference: Any) -> list[str]:
    """Give `document` copies of the reference's styles, numbering, theme and font table;
    return what the reference holds that reaches outside it or runs code (left behind)."""
    package = document.part.package
    for reltype in COPIED:
        for rel_id in [r.rId for r in document.part.rels.values() if r.reltype == reltype]:
            del document.part.rels[rel_id]
        source = next((r.target_part for r in reference.part.rels.values()
                       if r.reltype == reltype), None)
        if source is not None:
            document.part.relate_to(_copy(source, reltype, package), reltype)
    return _left_behind(reference)


def _copy(part: Any, reltype: str, package: Any) -> Any:
    """A copy of `part` in `package` with its internal, harmless relationships (ids kept);
    attributes naming the relationships it leaves behind are removed."""
    copy: Any = PartFactory(part.partname, part.content_type, reltype, part.blob, package)
    for rel in part.rels.values():
        if rel.is_external or rel.target_part.content_type in MACROS | CONTROLS:
            _unreference(copy, rel.rId)
        else:
            target = _copy(rel.target_part, rel.reltype, package)
            copy.rels.add_relationship(rel.reltype, target, rel.rId)
    return copy


def _unreference(part: Any, rel_id: str) -> None:
    """Remove every r: attribute of the part's XML that names relationship rel_id."""
    element = getattr(part, "element", None)
    if element is None:
        return
    for node in element.iter():
        for name in [n for n, v in node.attrib.items() if n.startswith(R_NAMESPACE)
                     and v == rel_id]:
            del node.attrib[name]


def _left_behind(reference: Any) -> list[str]:
    """External references (other than hyperlinks), mail merge, macros and ActiveX controls
    anywhere in the reference, each described once."""
    found: list[str] = []
    for rel in reference.part.package.iter_rels():
        if rel.is_external:
            if rel.reltype != RT.HYPERLINK:
                kind = rel.reltype.rsplit("/", 1)[-1]
                found.append(f"{EXTERNAL_KINDS.get(kind, f'an external {kind}')} "
                             f"({rel.target_ref})")
        elif rel.target_part.content_type in MACROS:
            found.append(f"macros ({rel.target_part.partname})")
        elif rel.target_part.content_type in CONTROLS:
            found.append(f"an ActiveX control ({rel.target_part.partname})")
    if reference.settings.element.find(qn("w:mailMerge")) is not None:
        found.append("mail merge settings")
    return list(dict.fromkeys(found))
