"""Document-wide defaults and settings: `w:docDefaults`, `w:settings`, core properties."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml

from .formatting import set_script_fonts

# `w:settings` children that follow `w:footnotePr`, in schema order.
AFTER_FOOTNOTE_PR = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
                     "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
                     "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                     "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
                     "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
                     "w:decimalSymbol", "w:listSeparator")
# Leftovers of the template's own editing history and proofing state.
LEFTOVERS = ("w:rsids", "w:proofState", "w:attachedTemplate", "w14:docId")


def set_doc_defaults(styles: Any, *, font: str, half_points: int, color: str, after: int,
                     line: int) -> None:
    """Replace `w:docDefaults`: body font, size and colour; paragraph spacing in twips."""
    defaults = parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
        f'<w:rFonts/><w:color w:val="{color.lstrip("#").upper()}"/>'
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        f'</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
        f'<w:spacing w:after="{after}" w:line="{line}" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>")
    set_script_fonts(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"), font)
    styles.remove_all("w:docDefaults")
    styles.insert(0, defaults)


def _child(parent: Any, tag: str, first: bool) -> Any:
    """`parent`'s child `tag`, created (first or last) when missing."""
    child = parent.find(qn(tag))
    if child is None:
        child = parse_xml(f'<{tag} {nsdecls("w")}/>')
        parent.insert(0, child) if first else parent.append(child)
    return child


def set_default_language(styles: Any, tag: str) -> None:
    """Set `w:lang` of the default run properties (creating them if the styles have none)."""
    defaults = _child(styles, "w:docDefaults", first=True)
    rPr = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr", first=False)
    rPr.remove_all("w:lang")
    language = parse_xml(f'<w:lang {nsdecls("w")}/>')
    for script in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(script), tag)
    rPr.insert_element_before(language, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def tidy_settings(settings: Any, lang: str) -> None:
    """Drop the template's revision ids and proofing state; proof in language `lang`."""
    settings.remove_all(*LEFTOVERS)
    for language in settings.findall(qn("w:themeFontLang")):
        language.set(qn("w:val"), lang)


def declare_footnote_separators(settings: Any) -> None:
    """Point the settings at the notes part's separators (ids -1 and 0), as Word does."""
    settings.remove_all("w:footnotePr")
    separators = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                           '<w:footnote w:id="0"/></w:footnotePr>')
    settings.insert_element_before(separators, *AFTER_FOOTNOTE_PR)


def set_core_text(core: Any, tag: str, text: str) -> None:
    """Set core property `tag` ('dc:subject' ...) to `text`, of any length (no 255 cap)."""
    element = core.find(qn(tag))
    if element is None:
        element = parse_xml(f'<{tag} {nsdecls(tag.split(":")[0])}/>')
        core.append(element)
    element.text = text


def drop_empty_properties(core: Any) -> None:
    """Remove core properties left without a value (the template's empty placeholders)."""
    for child in list(core):
        if not (child.text or "").strip():
            core.remove(child)
