"""The parts that tie a draft to its source: custom document properties (`docProps/custom.xml`)
and the snapshot of the blocks as built (a custom XML part, `customXml/item1.xml`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from lxml import etree

SNAPSHOT_NS = "urn:briefbuilder:snapshot:1"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # user-defined properties
SNAPSHOT_ITEM_ID = "{6B1F1A63-5E2B-4E6A-9C39-2B7E0B1EF1B1}"  # fixed: same inputs, same bytes


def custom_properties(values: Iterable[tuple[str, str]]) -> bytes:
    """`op:Properties`, one text property per (name, value), for docProps/custom.xml."""
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(values, start=2):  # ids start at 2
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=PROPERTY_FMTID,
                                pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return _xml(root)


def snapshot(attributes: dict[str, str],
             blocks: Iterable[tuple[str, tuple[str | int, ...], str, bool]],
             own: Iterable[str]) -> bytes:
    """`bb:snapshot`: the draft's ids, then one `bb:block` (id, field path, source) per text
    (`anchored="0"` on a text the draft holds without its bookmark), then one `bb:own` per
    paragraph of the draft's own text (title, labels, values)."""
    root = etree.Element(f"{{{SNAPSHOT_NS}}}snapshot", nsmap={"bb": SNAPSHOT_NS}, **attributes)
    for name, path, source, anchored in blocks:
        block = etree.SubElement(root, f"{{{SNAPSHOT_NS}}}block", id=name,
                                 path=json.dumps(list(path)))
        if not anchored:
            block.set("anchored", "0")
        block.text = source
    for text in own:
        etree.SubElement(root, f"{{{SNAPSHOT_NS}}}own").text = text
    return _xml(root)


def own_paragraphs(body: Any, prefix: str) -> list[str]:
    """The text of each paragraph of `body` that holds no bookmark named `prefix`...:
    what the draft writes of its own."""
    found = []
    for p in body.iter(f"{{{W_NS}}}p"):
        names = p.xpath(".//w:bookmarkStart/@w:name")  # python-docx elements know w:
        text = "".join(p.xpath(".//w:t/text()"))
        if text.strip() and not any(n.startswith(prefix) for n in names):
            found.append(text)
    return found


def item_properties() -> bytes:
    """`ds:datastoreItem` naming the snapshot's namespace, for customXml/itemProps1.xml."""
    root = etree.Element(f"{{{DS_NS}}}datastoreItem", nsmap={"ds": DS_NS})
    root.set(f"{{{DS_NS}}}itemID", SNAPSHOT_ITEM_ID)
    refs = etree.SubElement(root, f"{{{DS_NS}}}schemaRefs")
    etree.SubElement(refs, f"{{{DS_NS}}}schemaRef").set(f"{{{DS_NS}}}uri", SNAPSHOT_NS)
    return _xml(root)


def _xml(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
