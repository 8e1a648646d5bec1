"""What a draft takes from a theme's reference .docx: copies of its styles, numbering, theme
and font-table parts (with the pictures and embedded fonts they hold), and nothing else.

A reference comes from other people. Its settings (mail merge, attached template), its
macros and ActiveX controls and every relationship that points outside the file stay
behind; the ones worth knowing about are listed so the writer can warn.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.opc.part import PartFactory
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

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
    copies: dict[Any, Any] = {}
    for reltype in COPIED:
        for rel_id in [r.rId for r in document.part.rels.values() if r.reltype == reltype]:
            del document.part.rels[rel_id]
        source = next((r.target_part for r in reference.part.rels.values()
                       if r.reltype == reltype), None)
        if source is not None:
            document.part.relate_to(_copy(source, reltype, package, copies), reltype)
    return _left_behind(reference)


def _copy(part: Any, reltype: str, package: Any, copies: dict[Any, Any]) -> Any:
    """A copy of `part` in `package` with its internal, harmless relationships (ids kept);
    attributes naming the relationships it leaves behind are removed. `copies` maps each
    part copied so far to its copy, so a shared part (or a loop) is copied once."""
    if part in copies:
        return copies[part]
    kept = [rel for rel in part.rels.values()
            if not rel.is_external and rel.target_part.content_type not in MACROS | CONTROLS]
    left = {rel.rId for rel in part.rels.values()} - {rel.rId for rel in kept}
    blob = _unreferenced(part.blob, left) if left and part.content_type.endswith("xml") \
        else part.blob
    copy: Any = PartFactory(part.partname, part.content_type, reltype, blob, package)
    copies[part] = copy
    for rel in kept:
        target = _copy(rel.target_part, rel.reltype, package, copies)
        copy.rels.add_relationship(rel.reltype, target, rel.rId)
    return copy


def _unreferenced(blob: bytes, rel_ids: set[str]) -> bytes:
    """The XML without the r: attributes that name any of rel_ids."""
    root = parse_xml(blob)
    for node in root.iter():  # comments and instructions have no attributes
        for name in [n for n, v in node.attrib.items()
                     if n.startswith(R_NAMESPACE) and v in rel_ids]:
            del node.attrib[name]
    return bytes(serialize_part_xml(root))


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
