"""Running headers and footers as PDF artifacts, fixed up before WeasyPrint writes the file.

WeasyPrint 70 tags the text of page-margin boxes (@top-*, @bottom-*) as marked
content whose structure elements hang off no parent: a screen reader never
reaches them, but a PDF/UA checker sees tagged content outside the tree. This
finisher turns those sequences into ``/Artifact`` and renumbers the page's
remaining marked-content ids so the parent tree stays indexed by id.
"""

from __future__ import annotations

from typing import Any

import pydyf  # type: ignore[import-untyped]

Ref = bytes


def mark_margin_boxes_as_artifacts(document: Any, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: unreachable tagged content becomes /Artifact."""
    root_ref = pdf.catalog.get("StructTreeRoot")
    if root_ref is None:
        return
    root = _deref(pdf, root_ref)
    reachable = _reachable(pdf, root_ref)
    nums = _deref(pdf, root["ParentTree"])["Nums"]
    for page_index, page_ref in enumerate(pdf.page_references):
        elements = nums[2 * page_index + 1]
        orphans = {mcid for mcid, ref in enumerate(elements) if ref not in reachable}
        if orphans:
            stream = _deref(pdf, _deref(pdf, page_ref)["Contents"])
            _fix_page(pdf, stream, elements, orphans)
            nums[2 * page_index + 1] = pydyf.Array(
                ref for mcid, ref in enumerate(elements) if mcid not in orphans)


def _fix_page(pdf: pydyf.PDF, stream: Any, elements: list[Ref], orphans: set[int]) -> None:
    """Rewrite a page's marked content and its elements' kids to the new ids."""
    kept = [mcid for mcid in range(len(elements)) if mcid not in orphans]
    new_id = {old: new for new, old in enumerate(kept)}
    stream.stream = list(_rewritten(stream.stream, orphans, new_id))
    seen: set[Ref] = set()
    for old in kept:
        ref = elements[old]
        if ref not in seen:
            seen.add(ref)
            element = _deref(pdf, ref)
            element["K"] = pydyf.Array(
                new_id.get(kid, kid) if isinstance(kid, int) else kid for kid in element["K"])


def _rewritten(items: list[Any], orphans: set[int], new_id: dict[int, int]) -> Any:
    """The stream's items with orphan 'Tag <<MCID n>> BDC' as '/Artifact BMC'."""
    skip = 0
    for index, item in enumerate(items):
        if skip:
            skip -= 1
            continue
        following = items[index + 1] if index + 1 < len(items) else None
        if isinstance(following, pydyf.Dictionary) and "MCID" in following:
            mcid = following["MCID"]
            if mcid in orphans:
                yield "/Artifact"
                yield b"BMC"
                skip = 2
                continue
            following["MCID"] = new_id[mcid]
        yield item


def _reachable(pdf: pydyf.PDF, root_ref: Ref) -> set[Ref]:
    """References of every structure element reachable from the tree root."""
    found: set[Ref] = set()
    todo = [root_ref]
    while todo:
        ref = todo.pop()
        if ref in found:
            continue
        found.add(ref)
        kids = _deref(pdf, ref).get("K", ())
        todo.extend(kid for kid in kids if isinstance(kid, bytes))
    return found


def _deref(pdf: pydyf.PDF, ref: Ref) -> Any:
    return pdf.objects[int(ref.split()[0])]
