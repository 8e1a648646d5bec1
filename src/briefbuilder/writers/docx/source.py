"""What ties a draft to its source: each text's hidden bookmark name, the ids in custom
document properties, and the snapshot of the texts as built in a custom XML part."""

from __future__ import annotations

import hashlib
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from ...model.brief import Brief
from ...model.inline import Inline
from ...model.series import Edition
from .oxml.source import custom_properties, item_properties, own_paragraphs, snapshot

FieldPath = tuple[str | int, ...]
PREFIX = "_bb_"  # a leading underscore hides a bookmark in Word
MAX_NAME = 40  # Word's limit for a bookmark name
# A short code per field name, so that the deepest path stays within 40 characters.
CODES = {"subtitle": "sb", "sections": "s", "heading": "h", "body": "b", "bullets": "u",
         "numbered": "n", "definitions": "d", "term": "tm", "text": "x", "callout": "c",
         "title": "ti", "quote": "q", "source": "so", "table": "t", "caption": "cp",
         "header": "hr", "rows": "r", "figure": "f", "credit": "cr", "stats": "sa",
         "label": "l", "projects": "p", "items": "i", "name": "nm", "implementer": "im",
         "chart": "ch"}


SourceText = tuple[str, FieldPath, Inline]  # bookmark name, field path, text


def source_texts(brief: Brief) -> list[SourceText]:
    """Every text of the brief with its bookmark name and field path: the body's texts in
    reading order (the model's walk), then the footnotes in the order of their numbers."""
    texts = [(_name(path), path, text) for path, text in brief.inlines()]
    for number, key in enumerate(brief.footnote_order(), start=1):
        texts.append((f"{PREFIX}fn{number}", ("footnotes", key), brief.footnotes[key]))
    return texts


def _name(path: FieldPath) -> str:
    """'_bb_' and the path in short: ('sections', 0, 'body', 3, 'bullets', 1) -> _bb_s0_b3_u1;
    two numbers in a row (a table cell) take a '_' between them: rows 1, cell 12 -> r1_12."""
    parts = [f"_{CODES[p]}" if isinstance(p, str) else
             f"{'_' if isinstance(path[i - 1], int) else ''}{p}" for i, p in enumerate(path)]
    name = PREFIX + "".join(parts)[1:]
    if len(name) > MAX_NAME:
        raise ValueError(f"bookmark name {name!r} is longer than {MAX_NAME} characters")
    return name


def content_hash(brief: Brief) -> str:
    """A digest of the brief as validated content: a draft names what it was built from."""
    return hashlib.sha256(brief.model_dump_json().encode()).hexdigest()


def add_source(document: Any, edition: Edition, texts: list[SourceText], anchored: set[str],
               quotes: str) -> None:
    """Custom properties (series, brief, lang, content hash) and the snapshot of `texts`
    (with the quote marks they were set in); texts the writer could not bookmark
    (`anchored` holds those it could) are marked so."""
    brief = edition.brief
    ids = {"series": edition.series.id, "brief": brief.id, "lang": brief.lang,
           "hash": content_hash(brief)}
    package = document.part.package
    props = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES,
                 custom_properties((f"briefbuilder.{k}", v) for k, v in ids.items()), package)
    package.relate_to(props, RT.CUSTOM_PROPERTIES)
    blocks = ((name, path, text.source, name in anchored) for name, path, text in texts)
    own = own_paragraphs(document.element.body, PREFIX)
    item = Part(PackURI("/customXml/item1.xml"), CT.XML,
                snapshot({**ids, "quotes": quotes}, blocks, own), package)
    item_props = Part(PackURI("/customXml/itemProps1.xml"), CT.OFC_CUSTOM_XML_PROPERTIES,
                      item_properties(), package)
    item.relate_to(item_props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)
