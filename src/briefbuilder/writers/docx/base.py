"""The document a draft starts from: python-docx's default, emptied of content, history and
parts the draft does not use; with the styles of the theme's reference .docx, if it has one."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from ...brand import Theme
from ...errors import Problem, ProblemWarning, Severity, ThemeError
from ...sandbox import theme_file
from .font_table_part import FontTablePart  # noqa: F401  (registers the part class)
from .footnotes_part import FootnotesPart
from .reference import adopt_reference

# Parts of the template a draft keeps; every other relationship is dropped.
DOCUMENT_KEEPS = {RT.STYLES, RT.SETTINGS, RT.WEB_SETTINGS, RT.FONT_TABLE, RT.THEME,
                  RT.NUMBERING, RT.FOOTNOTES}
PACKAGE_KEEPS = {RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES}


def open_base(theme: Theme) -> Any:
    """An empty document whose styles seed the draft (the reference's, or none at all)."""
    document = docx.Document()
    reference = theme.brand.docx_reference
    if reference is not None:
        path = theme_file(theme.folder, reference)
        if path is None:
            raise ThemeError(Problem(
                f"reference document {reference!r} not found in the theme folder",
                theme.folder / "brand.yaml", field="docx_reference",
                hint=f"put the .docx at {theme.folder / reference} or remove docx_reference"))
        left = adopt_reference(document, _open_reference(path, theme))
        if left:
            warnings.warn(ProblemWarning(_left_out(path, left)), stacklevel=2)
    _empty(document, keep_styles=reference is not None)
    return document


def _open_reference(path: Path, theme: Theme) -> Any:
    """The reference document; a ThemeError when it is not a Word document."""
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged or odd file
        raise ThemeError(Problem(
            f"the reference document cannot be read: {type(exc).__name__}: {exc}", path,
            hint=f"save it from Word as a .docx document, or remove docx_reference from "
                 f"{theme.folder / 'brand.yaml'}")) from None


def _left_out(path: Path, left: list[str]) -> Problem:
    """The warning that names what of a reference document the drafts leave out."""
    return Problem(
        f"left out of the drafts: {'; '.join(left)}", path, severity=Severity.WARNING,
        hint="a draft takes only styles, numbering, theme and fonts from its reference; "
             "remove the rest from the reference document to silence this warning")


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
