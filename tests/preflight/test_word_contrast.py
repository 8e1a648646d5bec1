"""word.contrast measures the Word draft's text on its pages as LibreOffice lays them out: the
shading a table style gives its header row counts, whichever style put it there."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from briefbuilder.preflight.contrast import word_contrast
from briefbuilder.preflight.word_pages import lay_out

from ..writers.weasy_helpers import EVERY_BLOCK
from .conftest import needs_libreoffice, write_outputs


@needs_libreoffice
def test_a_table_header_shaded_too_dark_for_its_text_fails(tmp_path: Path) -> None:
    subject = write_outputs(EVERY_BLOCK, tmp_path)
    draft = docx.Document(str(subject.docx))
    [color] = draft.styles.element.xpath(
        "w:style/w:tblStylePr[@w:type='firstRow']/w:rPr/w:color")
    color.set(qn("w:val"), "1F2328")  # colors.text, on the header row's navy shading
    draft.save(str(subject.docx))
    failures = [f for f in word_contrast(subject, lay_out([subject.docx])[subject.docx])
                if f.status == "fail"]
    assert [(f.message, f.field, f.line, f.detail, f.hint) for f in failures] == [(
        "'Project' (page 2) and 7 more: text #1F2328 on #14305C is 1.21:1; needs 4.5:1 "
        "(8.5 pt bold, WCAG AA)", "colors.text", 6, "showcase.en.docx in LibreOffice, page 2",
        "change colors.text to #96989B or lighter (or take the shading away from behind "
        "this text)")]


@needs_libreoffice
def test_every_block_as_built_passes_measured_on_its_pages(tmp_path: Path) -> None:
    subject = write_outputs(EVERY_BLOCK, tmp_path)
    [finding] = word_contrast(subject, lay_out([subject.docx])[subject.docx])
    assert (finding.status, finding.detail) == ("pass", "showcase.en.docx in LibreOffice")
    assert finding.message.endswith(" text color(s) on their backgrounds meet WCAG AA")
