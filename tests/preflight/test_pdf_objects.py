"""Page content read from pikepdf's objects: inherited page attributes, loops, bad parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name

from briefbuilder.preflight.pdf_reader import read_pages


def one_page(path: Path, content: bytes,
             more: Callable[[pikepdf.Pdf, Dictionary], None] | None = None) -> Path:
    """A PDF whose one page takes its resources and media box from the page tree above it."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica))
    resources = Dictionary(Font=Dictionary(F1=font))
    if more is not None:
        more(pdf, resources)
    page = pdf.make_indirect(Dictionary(Type=Name.Page, Contents=pdf.make_stream(content)))
    pdf.Root.Pages = pdf.make_indirect(Dictionary(
        Type=Name.Pages, Kids=Array([page]), Count=1, MediaBox=Array([0, 0, 300, 200]),
        Resources=resources))
    page.Parent = pdf.Root.Pages
    pdf.save(path)
    return path


def test_resources_and_media_box_inherited_from_the_page_tree(tmp_path: Path) -> None:
    path = one_page(tmp_path / "a.pdf", b"BT /F1 12 Tf 1 0 0 1 20 150 Tm (Inherited) Tj ET")
    [page] = read_pages(path)
    assert [(run.text, run.x, run.y, run.size) for run in page.runs] == [
        ("Inherited", 20.0, 150.0, 12.0)]
    assert page.trim == (0.0, 0.0, 300.0, 200.0)


def test_a_form_that_draws_itself_is_drawn_once_and_the_page_read_on(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    def looping_form(pdf: pikepdf.Pdf, resources: Dictionary) -> None:
        form = pdf.make_stream(b"/X1 Do")
        form.Type, form.Subtype, form.BBox = Name.XObject, Name.Form, Array([0, 0, 10, 10])
        form.Resources = Dictionary(XObject=Dictionary(X1=form))
        resources.XObject = Dictionary(X1=form)

    path = one_page(tmp_path / "b.pdf", b"/X1 Do BT /F1 12 Tf 20 150 Td (After) Tj ET",
                    looping_form)
    [page] = read_pages(path)
    assert [run.text for run in page.runs] == ["After"]
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]  # kept quiet


def test_a_content_stream_qpdf_cannot_decode_is_an_error(tmp_path: Path) -> None:
    path = one_page(tmp_path / "c.pdf", b"BT /F1 12 Tf (x) Tj ET")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        stream = pdf.pages[0].obj.Contents
        stream.write(b"not flate at all", filter=Name.FlateDecode)
        pdf.save(path)
    with pytest.raises(pikepdf.PdfError):
        read_pages(path)


def test_inline_images_marks_and_colours_as_pdfminer_reads_them(tmp_path: Path) -> None:
    """Operands qpdf parsed go through pdfminer's stack: a colour operator takes as many as
    its colour space has components; an inline image keeps its mark and pixel size."""
    path = one_page(tmp_path / "d.pdf", b"/Figure <</MCID 3>> BDC q 20 0 0 10 50 50 cm "
                    b"BI /W 2 /H 1 /CS /G /BPC 8 ID \x00\xff EI Q EMC "
                    b"/DeviceRGB cs 0.2 0.4 0.6 sc BT /F1 12 Tf 20 150 Td (Blue) Tj ET")
    [page] = read_pages(path)
    assert [(i.pixels, i.points, i.mark.mcid) for i in page.images] == [((2, 1), (20.0, 10.0), 3)]
    assert [(run.text, run.color, run.mark.tagged) for run in page.runs] == [
        ("Blue", "#336699", False)]
