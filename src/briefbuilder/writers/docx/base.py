"""The document a draft starts from: python-docx's default or the theme's reference .docx,
emptied of content, history and parts the draft does not use."""

from __future__ import annotations

from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ...brand import Theme
from ...errors import Problem, ThemeError
from ...sandbox import theme_file
from .footnotes_part import FootnotesPart

# Parts of the template a draft keeps; every other relationship is dropped.
DOCUMENT_KEEPS = {RT.STYLES, RT.SETTINGS, RT.WEB_SETTINGS, RT.FONT_TABLE, RT.THEME,
                  RT.NUMBERING, RT.FOOTNOTES}
PACKAGE_KEEPS = {RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES}


def open_base(theme: Theme) -> Any:
    """An empty document whose styles seed the draft (the reference's, or none at all)."""
    reference = theme.brand.docx_reference
    if reference is None:
        document = docx.Document()
    else:
        path = theme_file(theme.folder, reference)
        if path is None:
            raise ThemeError(Problem(
                f"reference document {reference!r} not found in the theme folder",
                theme.folder / "brand.yaml", field="docx_reference",
                hint=f"put the .docx at {theme.folder / reference} or remove docx_reference"))
        document = docx.Document(str(path))
    _empty(document, keep_styles=reference is not None)
    return document


def _empty(document: Any, *, keep_styles: bool) -> None:
    part = document.part
    body = part.element.body
    sect_pr = body.get_or_add_sectPr()
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    sect_pr.remove_all("w:headerReference", "w:footerReference")
    for attr in [a for a in sect_pr.attrib if "rsid" in a]:
        del sect_pr.attrib[attr]
    _drop_rels(part.rels, DOCUMENT_KEEPS)
    _drop_rels(part.package.rels, PACKAGE_KEEPS)
    for related in part.rels.values():
        if isinstance(related.target_part, FootnotesPart):
            related.target_part.footnotes.remove_notes()
    if not keep_styles:
        part.styles.element.remove_all("w:docDefaults", "w:latentStyles", "w:style")
        numbering = part.numbering_part.element
        numbering.remove_all("w:abstractNum", "w:num", "w:numIdMacAtCleanup")


def _drop_rels(rels: Any, keep: set[str]) -> None:
    for rel_id in [r.rId for r in rels.values() if r.reltype not in keep]:
        del rels[rel_id]
